"""Consistency checks: figures that contradict each other, history out of order, things overdue,
stale or unsourced. Dates compare as the end of the period a partial date names."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from kitrack.domain import board
from kitrack.output.i18n import t
from kitrack.load.dataset import Dataset
from kitrack.domain.models import Estate, Project, ProjectReport, Status
from kitrack.domain.problems import Problem

PERCENT_FIELDS = ("percent", "land_percent", "occupancy_percent")


_PERCENTS_OF: dict[type, tuple[str, ...]] = {}


def _percent_fields(model: type) -> tuple[str, ...]:
    """The percent fields a report model has (getattr on a missing one is slow in pydantic)."""
    names = _PERCENTS_OF.get(model)
    if names is None:
        names = _PERCENTS_OF[model] = tuple(name for name in PERCENT_FIELDS if name in model.model_fields)
    return names


def _fmt(value: float) -> str:
    return f"{value:g}"


def check_consistency(data: Dataset, context) -> Iterator[Problem]:
    for record in data.records():
        yield from _history(data, record, context.as_of)
        if isinstance(record, Estate):
            yield from _estate_areas(data, record)
        else:
            yield from _project_state(data, record, context.as_of)
        yield from _due_dates(data, record, context.as_of)
        yield from _staleness(data, record, context.as_of, context.stale_days)
        yield from _sourcing(data, "record", record)
    for region in data.regions.values():
        if not region.sources:
            yield data.problem("region", region.id, (), "unsourced", what=t("p.region", region=region.id))
    for meeting in data.meetings.values():
        for item in board.overdue_of_meeting(meeting, context.as_of):
            yield data.problem("meeting", meeting.id, item.path, "overdue", what=t("p.decision"), due=item.due)


def _history(data: Dataset, record: Estate | Project, as_of: dt.date) -> Iterator[Problem]:
    previous = None
    last_percent = None  # (value, date)
    for position, report in enumerate(record.progress):
        path = ("progress", position)
        # Out of order only where the periods cannot overlap: `2017` then `2017-05` is fine.
        if previous is not None and report.date.end < previous.start:
            yield data.problem("record", record.id, path + ("date",), "progress-order", date=report.date, previous=previous)
        previous = report.date
        if report.date.start > as_of:
            yield data.problem("record", record.id, path + ("date",), "future-report", date=report.date, as_of=as_of.isoformat())
        for name in _percent_fields(report.__class__):
            value = getattr(report, name)
            if value is not None and not 0 <= value <= 100:
                yield data.problem("record", record.id, path + (name,), "percent-range", field=name, value=_fmt(value))
        percent = report.percent if isinstance(report, ProjectReport) else None
        if percent is not None:
            if last_percent is not None and percent < last_percent[0]:
                yield data.problem(
                    "record", record.id, path + ("percent",), "percent-decrease",
                    field="percent", value=_fmt(percent), previous=_fmt(last_percent[0]), previous_date=last_percent[1],
                )
            last_percent = (percent, report.date)


def _estate_areas(data: Dataset, estate: Estate) -> Iterator[Problem]:
    for position, report in enumerate(estate.progress):
        area = report.area_ha if report.area_ha is not None else estate.area_ha
        if area is None:
            continue
        for name in ("occupied_ha", "available_ha"):
            value = getattr(report, name)
            if value is not None and value > area:
                yield data.problem("record", estate.id, ("progress", position, name), "occupied-exceeds-area", field=name, value=_fmt(value), area=_fmt(area))


def _project_state(data: Dataset, project: Project, as_of: dt.date) -> Iterator[Problem]:
    reported = [(i, r) for i, r in enumerate(project.progress) if r.percent is not None and r.date.start <= as_of]
    if project.status is Status.operating and reported and reported[-1][1].percent < 100:
        position, report = reported[-1]
        yield data.problem("record", project.id, ("status",), "operating-unfinished", date=report.date, percent=_fmt(report.percent))


def _due_dates(data: Dataset, record: Estate | Project, as_of: dt.date) -> Iterator[Problem]:
    for item in board.overdue_of(record, as_of):
        if item.item == "issue":
            issue = record.issues[item.path[1]]
            yield data.problem("record", record.id, item.path, "issue-overdue", id=issue.id, due=item.due)
        elif item.item == "milestone":
            yield data.problem("record", record.id, item.path, "overdue", what=t("p.milestone", name=item.what), due=item.due)
        else:
            yield data.problem("record", record.id, item.path, "overdue", what=t("p.target"), due=item.due)


def _staleness(data: Dataset, record: Estate | Project, as_of: dt.date, stale_days: int) -> Iterator[Problem]:
    stale, newest = board.stale_since(record, as_of, stale_days)
    if not stale:
        return
    if newest is None:
        yield data.problem("record", record.id, (), "stale", days=stale_days, as_of=as_of.isoformat(), latest=t("diff.none"))
    else:
        yield data.problem("record", record.id, ("progress", len(record.progress) - 1, "date"), "stale", days=stale_days, as_of=as_of.isoformat(), latest=newest)


def _sourcing(data: Dataset, kind: str, record: Estate | Project) -> Iterator[Problem]:
    if not record.sources:
        yield data.problem(kind, record.id, (), "unsourced", what=t("p.record_named", id=record.id))
    for position in board.unsourced_reports(record):
        yield data.problem(kind, record.id, ("progress", position), "unsourced", what=t("p.report_dated", date=record.progress[position].date))
