"""Plausibility: figures that no real change explains, most often a number typed the Indonesian way.

`area_ha: 1.250` meant as 1,250 ha is 1.25 to YAML; `investment_idr_bn: 52000` typed in millions is a
thousand times too big. Both pass every range and type check. What gives them away is the record's
own history: a figure more than ten times larger or smaller than the previous report of the same
figure by the same unit (the record, or one section of a project: a section's length is not the
whole project's). Percentages are left out: 1 % to 15 % is a project getting going, not a typo, and a
percentage outside 0–100 has its own check.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from kitrack.checks.context import Context
from kitrack.domain import board, figures
from kitrack.domain.models import Estate
from kitrack.domain.problems import Number, Problem
from kitrack.load.dataset import Dataset

FACTOR = 10  # more than this many times larger or smaller than the previous report


def check_plausibility(data: Dataset, context: Context) -> Iterator[Problem]:
    for record in data.records():
        kind: figures.ReportingKind = "estate" if isinstance(record, Estate) else "infrastructure"
        for unit, figure in itertools.product(board.units(record), figures.reported_by(kind)):
            if figure.unit is figures.PERCENT:
                continue
            previous = None  # (value, date) of the unit's last report that gave this figure
            for position, report in enumerate(unit.progress):
                value = getattr(report, figure.field)
                if value is None:
                    continue
                if previous is not None and _jump(previous[0], value):
                    yield data.problem(
                        "record",
                        record.id,
                        (*unit.prefix, "progress", position, figure.field),
                        "implausible-jump",
                        field=figure.field,
                        value=Number(value),
                        previous=Number(previous[0]),
                        previous_date=str(previous[1]),
                    )
                previous = (value, report.date)


def _jump(previous: float, value: float) -> bool:
    """More than FACTOR times larger or smaller; from or to zero is no factor at all."""
    if previous <= 0 or value <= 0:
        return False
    return value > previous * FACTOR or previous > value * FACTOR
