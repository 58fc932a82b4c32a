"""Check changes against the whole data set in memory, show them as a diff, write them atomically.

An edit may not add an error: the data set is loaded and checked as it is on disk and again with the
changed files in memory (`load_files` reads both the same way), and an error the second run finds
more often than the first is new. Errors that were there before stay allowed, so a maintainer can
record a figure in a data set that someone else broke. Nothing is written unless every change passes.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kitrack import checks
from kitrack.domain.codes import ERROR
from kitrack.domain.problems import Problem, Term, TermError
from kitrack.edit.changes import Change
from kitrack.load.dataset import load_files
from kitrack.load.limits import Limits
from kitrack.output.atomic import atomic_file


class ChangedOnDisk(TermError):
    """A file changed between reading it and writing it: nothing was written."""


@dataclass(frozen=True)
class Verdict:
    added: list[Problem]  # problems the changes add: their errors refuse the edit

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.added if problem.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.added if problem.level != ERROR]


def _names(root: Path) -> list[str]:
    """What `load` would look at under `root`: its entries, and the entries of its folders."""
    names: list[str] = []
    for entry in sorted(root.iterdir()):
        if entry.is_dir():
            names.extend(f"{entry.name}/{child.name}" for child in sorted(entry.iterdir()) if not child.is_dir())
        else:
            names.append(entry.name)
    return names


def _problems(root: Path, overrides: dict[str, bytes], context: checks.Context, limits: Limits) -> list[Problem]:
    names = sorted({*_names(root), *overrides})

    def read_files(wanted: list[str], max_bytes: int) -> list[bytes | int]:
        contents: list[bytes | int] = []
        for name in wanted:
            if name in overrides:
                contents.append(overrides[name])
                continue
            path = root / name
            size = path.stat().st_size
            contents.append(size if size > max_bytes else path.read_bytes())
        return contents

    dataset = load_files(root, names, read_files, limits=limits)
    return checks.run(dataset, context)


def _key(problem: Problem) -> Hashable:
    """A problem without its place: inserted lines move the problems below them."""
    return (problem.file, problem.code, frozenset((k, v) for k, v in problem.params.items() if not isinstance(v, int)))


def judge(root: Path, changes: Sequence[Change], context: checks.Context, limits: Limits) -> Verdict:
    overrides = {_relative(root, change.path): change.after.encode("utf-8") for change in changes}
    before = Counter(_key(problem) for problem in _problems(root, {}, context, limits))
    added = []
    for problem in _problems(root, overrides, context, limits):
        key = _key(problem)
        if before[key]:
            before[key] -= 1
        else:
            added.append(problem)
    return Verdict(added)


def _relative(root: Path, path: Path) -> str:
    return PurePosixPath(path.relative_to(root)).as_posix()


def diff(root: Path, changes: Iterable[Change]) -> str:
    """The changes as one unified diff, paths relative to the data directory (`a/estates/x.yaml`)."""
    out: list[str] = []
    for change in changes:
        name = _relative(root, change.path)
        old = (change.before or "").splitlines(keepends=True)
        new = change.after.splitlines(keepends=True)
        source = f"a/{name}" if change.before is not None else "/dev/null"
        out.extend(difflib.unified_diff(old, new, source, f"b/{name}"))
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out)


def write(changes: Iterable[Change]) -> None:
    """Each change through a temporary file and a rename, if the file is still as it was read
    (a new file: still absent). The file keeps its permissions."""
    for change in changes:
        path = change.path
        try:
            current: str | None = path.read_bytes().decode("utf-8")
            mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            current, mode = None, None
        if current != change.before:
            raise ChangedOnDisk(Term("edit.changed_on_disk", path=str(path)))
        path.parent.mkdir(exist_ok=True)  # the first meeting makes `meetings/`
        with atomic_file(path, mode) as temp:
            temp.write_bytes(change.after.encode("utf-8"))
