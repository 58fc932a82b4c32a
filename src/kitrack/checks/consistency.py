"""Consistency checks: figures that contradict each other, history out of order, things overdue,
stale or unsourced. Dates compare as the end of the period a partial date names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel

from kitrack.checks.context import Context
from kitrack.domain import board
from kitrack.domain.board import Unit
from kitrack.domain.models import Estate, Project, Status
from kitrack.domain.problems import Problem, Term
from kitrack.load.dataset import Dataset

PERCENT_FIELDS = ("percent", "land_percent", "occupancy_percent")


_PERCENTS_OF: dict[type[BaseModel], tuple[str, ...]] = {}


def _percent_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The percent fields a report model has (getattr on a missing one is slow in pydantic)."""
    names = _PERCENTS_OF.get(model)
    if names is None:
        names = _PERCENTS_OF[model] = tuple(name for name in PERCENT_FIELDS if name in model.model_fields)
    return names


def _fmt(value: float) -> str:
    return f"{value:g}"


def check_consistency(data: Dataset, context: Context) -> Iterator[Problem]:
    for record in data.records():
        for unit in board.units(record):
            yield from _history(data, unit, context.as_of)
        if isinstance(record, Estate):
            yield from _estate_areas(data, record)
        else:
            for unit in board.units(record):
                yield from _project_state(data, unit, context.as_of)
            yield from _sections_length(data, record, context.as_of)
        yield from _stage_given(data, record)
        yield from _due_dates(data, record, context.as_of)
        yield from _staleness(data, record, context.as_of, context.stale_days)
        yield from _sourcing(data, "record", record)
    for region in data.regions.values():
        if not region.sources:
            yield data.problem("region", region.id, (), "unsourced", what=Term("p.region", region=region.id))
    for meeting in data.meetings.values():
        for item in board.overdue_of_meeting(meeting, context.as_of):
            yield data.problem("meeting", meeting.id, item.path, "overdue", what=Term("p.decision"), due=str(item.due))


def _history(data: Dataset, unit: Unit, as_of: dt.date) -> Iterator[Problem]:
    record = unit.record
    previous = None
    last_percent = None  # (value, date)
    last_stage = None  # (stage, date)
    order = list(Status)
    for position, report in enumerate(unit.progress):
        path = (*unit.prefix, "progress", position)
        # Out of order only where the periods cannot overlap: `2017` then `2017-05` is fine.
        if previous is not None and report.date.end < previous.start:
            yield data.problem(
                "record", record.id, (*path, "date"), "progress-order", date=str(report.date), previous=str(previous)
            )
        previous = report.date
        if not board.is_visible(report, as_of):
            yield data.problem(
                "record", record.id, (*path, "date"), "future-report", date=str(report.date), as_of=as_of.isoformat()
            )
        for name in _percent_fields(report.__class__):
            value = getattr(report, name)
            if value is not None and not 0 <= value <= 100:
                yield data.problem("record", record.id, (*path, name), "percent-range", field=name, value=_fmt(value))
        if report.status is not None:
            if last_stage is not None and order.index(report.status) < order.index(last_stage[0]):
                yield data.problem(
                    "record", record.id, (*path, "status"), "stage-decrease", value=report.status.value,
                    previous=last_stage[0].value, previous_date=str(last_stage[1]),
                )
            last_stage = (report.status, report.date)
        percent = getattr(report, "percent", None)
        if percent is not None:
            if last_percent is not None and percent < last_percent[0]:
                yield data.problem(
                    "record",
                    record.id,
                    (*path, "percent"),
                    "percent-decrease",
                    field="percent",
                    value=_fmt(percent),
                    previous=_fmt(last_percent[0]),
                    previous_date=str(last_percent[1]),
                )
            last_percent = (percent, report.date)


def _estate_areas(data: Dataset, estate: Estate) -> Iterator[Problem]:
    area = None  # the total area as reported so far, in file order
    for position, report in enumerate(estate.progress):
        if report.area_ha is not None:
            area = report.area_ha
        if area is None:
            continue
        for name in ("occupied_ha", "available_ha"):
            value = getattr(report, name)
            if value is not None and value > area:
                yield data.problem(
                    "record",
                    estate.id,
                    ("progress", position, name),
                    "occupied-exceeds-area",
                    field=name,
                    value=_fmt(value),
                    area=_fmt(area),
                )


def _project_state(data: Dataset, unit: Unit, as_of: dt.date) -> Iterator[Problem]:
    stage = board.current(unit, "status", as_of)
    if stage.value is not Status.operating:
        return
    percent, reported = board.latest_value(unit, "percent", as_of)
    if percent is not None and percent < 100:
        yield data.problem(
            "record",
            unit.record.id,
            stage.path or (*unit.prefix, "progress"),
            "operating-unfinished",
            date=str(reported),
            percent=_fmt(percent),
        )


def _stage_given(data: Dataset, record: Estate | Project) -> Iterator[Problem]:
    if not any(report.status is not None for unit in board.units(record) for report in unit.progress):
        yield data.problem("record", record.id, ("progress",) if record.progress else (), "missing-stage", id=record.id)


def _sections_length(data: Dataset, project: Project, as_of: dt.date) -> Iterator[Problem]:
    top = board.Unit(project).children()
    if not top:
        return
    length, date = board.latest_value(project, "length_km", as_of)
    lengths = [board.latest_value(child, "length_km", as_of)[0] for child in top]
    if length is None or not length:
        return
    total = sum(value for value in lengths if value is not None)
    if abs(total - length) > 0.05 * length:
        yield data.problem(
            "record", project.id, ("sections",), "sections-length", sections=_fmt(round(total, 3)),
            length=_fmt(length), date=str(date),
        )


def _due_dates(data: Dataset, record: Estate | Project, as_of: dt.date) -> Iterator[Problem]:
    for item in board.overdue_of(record, as_of):
        if item.item == "issue":
            issue = board.issue_at(record, item.path)
            yield data.problem("record", record.id, item.path, "issue-overdue", id=issue.id, due=str(item.due))
        elif item.item == "milestone":
            yield data.problem(
                "record", record.id, item.path, "overdue", what=Term("p.milestone", name=item.what), due=str(item.due)
            )
        else:
            yield data.problem("record", record.id, item.path, "overdue", what=Term("p.target"), due=str(item.due))


def _staleness(data: Dataset, record: Estate | Project, as_of: dt.date, stale_days: int) -> Iterator[Problem]:
    stale, newest = board.stale_since(record, as_of, stale_days)
    if not stale:
        return
    if newest is None:
        yield data.problem(
            "record", record.id, (), "stale", days=stale_days, as_of=as_of.isoformat(), latest=Term("diff.none")
        )
    else:
        yield data.problem(
            "record",
            record.id,
            ("progress", len(record.progress) - 1, "date") if record.progress else (),
            "stale",
            days=stale_days,
            as_of=as_of.isoformat(),
            latest=str(newest),
        )


def _sourcing(data: Dataset, kind: str, record: Estate | Project) -> Iterator[Problem]:
    if not record.sources:
        yield data.problem(kind, record.id, (), "unsourced", what=Term("p.record_named", id=record.id))
    for path in board.unsourced_reports(record):
        report = board.report_at(record, path)
        yield data.problem(kind, record.id, path, "unsourced", what=Term("p.report_dated", date=str(report.date)))
