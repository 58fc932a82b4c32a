"""The checks, in groups: YAML (kitrack.load.loader), schema (kitrack.load.schema), references across records
(checks.references) and consistency (checks.consistency). Each code is documented in kitrack.domain.codes.

`RULES` is the one registry of the rules that run over a loaded data set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kitrack.checks.consistency import check_consistency
from kitrack.checks.context import Context
from kitrack.checks.references import check_references
from kitrack.domain.problems import Problem
from kitrack.load.dataset import Dataset

__all__ = ["RULES", "Context", "run", "select"]

RULES: list[Callable[[Dataset, Context], Iterator[Problem]]] = [check_references, check_consistency]


def run(dataset: Dataset, context: Context) -> list[Problem]:
    """Every problem in the data set: the loader's and schema's, then each rule's; sorted."""
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
