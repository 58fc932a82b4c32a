"""The checks, in groups: YAML (kitrack.loader), schema (checks.schema), references across records
(checks.references) and consistency (checks.consistency). Each code is documented in kitrack.codes.

`_rules()` is the one registry of the rules that run over a loaded data set (imported when
first asked for, so that the command line can read DEFAULT_STALE_DAYS without loading them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from kitrack.problems import Problem

DEFAULT_STALE_DAYS = 365


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    stale_days: int = DEFAULT_STALE_DAYS


def _rules() -> list[Callable[..., Iterator[Problem]]]:
    from kitrack.checks.consistency import check_consistency
    from kitrack.checks.references import check_references

    return [check_references, check_consistency]


def run(dataset, context: Context) -> list[Problem]:
    """Every problem in the data set: the loader's and schema's, then each rule's; sorted, and at
    most MAX_PER_FILE for each file (problems.cap_per_file)."""
    from kitrack.problems import cap_per_file

    problems = list(dataset.problems)
    for rule in _rules():
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
