"""Git plumbing: run git, find the repository that holds a data directory, resolve a revision.

Every git command runs here, with prompts off, the C locale (so that its messages parse the same
everywhere) and literal pathspecs. A failure is a GitError with one line to show: a usage error.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kitrack.output import inert
from kitrack.output.i18n import t


class GitError(Exception):
    """Git cannot answer: not a repository, an unknown revision, git missing. A usage error (exit 2)."""


class GitFailed(GitError):
    """A git command failed; its message is git's last line (the reason, after any context)."""


def run_git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    # Pathspecs are the data directory's own name, never patterns (`data[1]` is a folder name).
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_LITERAL_PATHSPECS": "1"}
    try:
        result = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env)
    except FileNotFoundError:
        raise GitError(t("git.missing")) from None
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {result.returncode}"]
        raise GitFailed(t("git.failed", command=args[0], detail=inert.terminal(lines[-1])))
    return result.stdout


@dataclass(frozen=True)
class Repo:
    """A data directory inside a git repository."""

    top: Path  # the repository's top level
    prefix: str  # the data directory relative to `top`, in git's spelling ("data", or "" for the top)
    data_dir: Path  # the data directory as the user named it


def locate(data_dir: Path) -> Repo:
    """The git repository that holds `data_dir` (which need not exist in the working tree)."""
    probe = data_dir.resolve()
    while not probe.is_dir() and probe != probe.parent:
        probe = probe.parent
    try:
        top = Path(run_git(probe, "rev-parse", "--show-toplevel").decode("utf-8").strip())
    except GitFailed:
        raise GitError(t("git.no_repo", path=data_dir)) from None
    try:
        relative = data_dir.resolve().relative_to(top.resolve())
    except ValueError:
        raise GitError(t("git.outside", path=data_dir, top=top)) from None
    prefix = relative.as_posix()
    return Repo(top, "" if prefix == "." else prefix, data_dir)


def resolve(repo: Repo, rev: str) -> str:
    """The commit a revision names, or a GitError."""
    if not rev or rev.startswith("-") or "\n" in rev or "\0" in rev:
        raise GitError(t("git.not_rev", rev=rev))
    try:
        return run_git(repo.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except GitFailed:
        raise GitError(t("git.unknown_rev", rev=rev, top=repo.top)) from None
