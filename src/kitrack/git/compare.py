"""`kitrack diff [OLD [NEW]]`: the two data sets that revisions name, compared."""

from __future__ import annotations

from pathlib import Path

from kitrack.domain.problems import display_path
from kitrack.git.repo import GitError, locate, resolve
from kitrack.git.snapshot import snapshot
from kitrack.load.dataset import load
from kitrack.load.limits import DEFAULT_LIMITS, Limits
from kitrack.output.i18n import t
from kitrack.views.diff import WORKTREE_LABEL, Diff, compare


def compare_revisions(data_dir: Path, revisions: list[str], limits: Limits = DEFAULT_LIMITS) -> Diff:
    """`kitrack diff`: no revision compares HEAD with the working tree; one compares it with the
    working tree; two compare the first with the second."""
    if len(revisions) > 2:
        raise GitError(t("error.two_revisions"))
    repo = locate(data_dir)
    old_rev = revisions[0] if revisions else "HEAD"
    old_data = snapshot(repo, resolve(repo, old_rev), old_rev, limits)
    if len(revisions) == 2:
        new_label = revisions[1]
        new_data = snapshot(repo, resolve(repo, new_label), new_label, limits)
    else:
        new_label = WORKTREE_LABEL
        new_data = load(data_dir, limits, keep_data=True) if data_dir.is_dir() else None
    return compare(old_data, new_data, old_rev, new_label, display_path(data_dir))
