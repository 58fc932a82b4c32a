"""The checks, in groups: YAML (kitrack.load.loader), schema (kitrack.load.schema), references across records
(checks.references) and consistency (checks.consistency). Each code is documented in kitrack.domain.codes.

`RULES` is the one registry of the rules that run over a loaded data set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kitrack.checks.consistency import check_consistency
from kitrack.checks.references import check_references
from kitrack.domain.defaults import DEFAULT_STALE_DAYS
from kitrack.domain.problems import Problem


@dataclass(frozen=True)
class Context:
    as_of: dt.date
    stale_days: int = DEFAULT_STALE_DAYS


RULES: list[Callable[..., Iterator[Problem]]] = [check_references, check_consistency]


def run(dataset, context: Context) -> list[Problem]:
    """Every problem in the data set: the loader's and schema's, then each rule's; sorted."""
    problems = list(dataset.problems)
    for rule in RULES:
        problems.extend(rule(dataset, context))
    return sorted(problems)


def select(problems: Iterable[Problem], dataset, paths: list[Path]) -> list[Problem]:
    """Only the problems of files at or under `paths`."""
    roots = [path.resolve() for path in paths]
    wanted = set()
    for source in dataset.files:
        resolved = source.path.resolve()
        if any(resolved == root or root in resolved.parents for root in roots):
            wanted.add(source.name)
    return [problem for problem in problems if problem.file in wanted]
