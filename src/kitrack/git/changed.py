"""`kitrack check --changed-since REV`: the files changed since a revision, and the problems the
changes are answerable for."""

from __future__ import annotations

from pathlib import Path

from kitrack import checks
from kitrack.checks import Context
from kitrack.domain.problems import Problem
from kitrack.git.repo import Repo, locate, resolve, run_git
from kitrack.git.snapshot import snapshot
from kitrack.load.dataset import Dataset
from kitrack.load.limits import DEFAULT_LIMITS, Limits


def changed_paths(repo: Repo, commit: str) -> set[Path]:
    """Files under the data directory that differ between `commit` and the working tree (staged,
    unstaged or untracked), as resolved paths. Deleted files are included."""
    pathspec = [repo.prefix] if repo.prefix else []
    changed = run_git(repo.top, "diff", "--name-only", "-z", "--no-renames", commit, "--", *pathspec)
    untracked = run_git(repo.top, "ls-files", "--others", "--exclude-standard", "-z", "--", *pathspec)
    names = [n for n in (changed + b"\0" + untracked).split(b"\0") if n]
    return {(repo.top / n.decode("utf-8", "surrogateescape")).resolve() for n in names}


def changed_problems(
    data_dir: Path,
    rev: str,
    dataset: Dataset,
    problems: list[Problem],
    context: Context,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[list[Problem], int]:
    """Of `problems` (found in the whole working-tree `dataset`), those in files changed since
    `rev`, and those elsewhere that were not there at `rev`: what the changes caused (a deleted
    estate still referenced, a renamed agency). Also the number of data files changed (deleted ones
    included), so that the report can say what it covered."""
    repo = locate(data_dir)
    commit = resolve(repo, rev)
    changed = changed_paths(repo, commit)
    changed_names = {source.name for source in dataset.files if source.path.resolve() in changed}
    before_data = snapshot(repo, commit, rev, limits)
    before = set(checks.run(before_data, context)) if before_data is not None else set()
    return [p for p in problems if p.file in changed_names or p not in before], len(changed)
