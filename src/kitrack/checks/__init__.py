"""The checks, in groups: YAML (kitrack.load.loader), schema (kitrack.load.schema), references across records
(checks.references) and consistency (checks.consistency). Each code is documented in kitrack.domain.codes.

`RULES` is the one registry of the rules that run over a loaded data set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kitrack.checks.consistency import check_consistency
from kitrack.checks.references import check_references
from kitrack.domain.defaults import DEFAULT_STALE_DAYS
from kitrack.domain.codes import wording
from kitrack.domain.problems import ERROR, MAX_PER_FILE, WARNING, Problem
from kitrack.output.i18n import language, plural


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    stale_days: int = DEFAULT_STALE_DAYS


RULES: list[Callable[..., Iterator[Problem]]] = [check_references, check_consistency]


def run(dataset, context: Context) -> list[Problem]:
    """Every problem in the data set: the loader's and schema's, then each rule's; sorted, and at
    most MAX_PER_FILE for each file (cap_per_file)."""
    problems = list(dataset.problems)
    for rule in RULES:
        problems.extend(rule(dataset, context))
    return cap_per_file(sorted(problems))


def select(problems: Iterable[Problem], dataset, paths: list[Path]) -> list[Problem]:
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
            template, hint = wording("too-many-problems", language())
            message = template.format(errors=plural(errors, "error"), warnings=plural(len(hidden) - errors, "warning"), limit=MAX_PER_FILE)
            out.append(Problem(file, hidden[0].line, hidden[0].column, "too-many-problems", ERROR if errors else WARNING, message, "", hint))
    return out
