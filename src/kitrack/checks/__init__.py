"""The checks, in groups: YAML (kitrack.load.loader), schema (kitrack.load.schema), references across records
(checks.references), consistency (checks.consistency) and support by sources (checks.support). Each code
is documented in kitrack.domain.codes.

`RULES` is the one registry of the rules that run over a loaded data set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from pathlib import Path

from kitrack.checks.consistency import check_consistency
from kitrack.checks.context import Context
from kitrack.checks.references import check_references
from kitrack.checks.support import check_support
from kitrack.domain.codes import ERROR, WARNING
from kitrack.domain.defaults import MAX_PER_FILE
from kitrack.domain.problems import Param, Place, Problem, Term
from kitrack.load.dataset import Dataset

__all__ = ["RULES", "Context", "cap_per_file", "run", "select"]

RULES: list[Callable[[Dataset, Context], Iterator[Problem]]] = [check_references, check_consistency, check_support]


def run(dataset: Dataset, context: Context) -> list[Problem]:
    """Every problem in the data set: the loader's and schema's, then each rule's; sorted. Every one
    counts; `cap_per_file` shortens the list shown."""
    problems = list(dataset.problems)
    for rule in RULES:
        problems.extend(rule(dataset, context))
    return sorted(problems)


def select(problems: Iterable[Problem], dataset: Dataset, paths: list[Path]) -> list[Problem]:
    """Only the problems of files at or under `paths`."""
    roots = [path.resolve() for path in paths]
    wanted = set()
    for source in dataset.files:
        resolved = source.path.resolve()
        if any(resolved == root or root in resolved.parents for root in roots):
            wanted.add(source.name)
    return [problem for problem in problems if problem.file in wanted]


def cap_per_file(problems: list[Problem]) -> list[Problem]:
    """Sorted `problems` with at most MAX_PER_FILE for each file; for a file with more, one
    `too-many-problems` at the first one left out says how many errors and warnings were. It is an
    error if any of those is, so that capping never turns a failing check into a passing one."""
    out: list[Problem] = []
    for file, group in groupby(problems, key=lambda p: p.file):
        found = list(group)
        out.extend(found[:MAX_PER_FILE])
        hidden = found[MAX_PER_FILE:]
        if hidden:
            errors = sum(1 for p in hidden if p.level == ERROR)
            first = hidden[0].place
            params: dict[str, Param] = {
                "errors": Term("noun.error", count=errors),
                "warnings": Term("noun.warning", count=len(hidden) - errors),
                "limit": MAX_PER_FILE,
            }
            place = Place(file, first.line, first.column)
            out.append(Problem("too-many-problems", place, params, severity=ERROR if errors else WARNING))
    return out
