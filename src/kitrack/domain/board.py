"""The state of the data as of a date: latest figures, what is overdue, at risk, stale or unsourced.

One place for these rules: `kitrack status`, `list` and the consistency checks all ask here.
A dated report is visible from the start of its period (a report dated `2026-11` counts on
2026-11-15); a due date passes at the end of its period (a target of `2026-11` is overdue from
December).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Union

from kitrack.domain.dates import PartialDate
from kitrack.domain.models import Estate, Issue, Meeting, Project, Report, Status

Record = Union[Estate, Project]
PACE_WINDOW_DAYS = 365  # "recent pace": the reports of the year before the latest one


def visible(reports: list, as_of: dt.date) -> list:
    return [report for report in reports if report.date.start <= as_of]


def latest(record: Record, as_of: dt.date) -> Optional[Report]:
    reports = visible(record.progress, as_of)
    return reports[-1] if reports else None


def latest_value(record: Record, field: str, as_of: dt.date) -> tuple[Any, Optional[PartialDate]]:
    """The newest reported value of `field`, with its report's date; (None, None) if never reported."""
    for report in reversed(visible(record.progress, as_of)):
        value = getattr(report, field, None)
        if value is not None:
            return value, report.date
    return None, None


def area(estate: Estate, as_of: dt.date) -> Optional[float]:
    value, _ = latest_value(estate, "area_ha", as_of)
    return value if value is not None else estate.area_ha


def issue_open(issue: Issue, as_of: dt.date) -> bool:
    if issue.raised.start > as_of:
        return False
    if issue.status.value == "open":
        return True
    return issue.resolved is not None and issue.resolved.start > as_of


def done_by(done: Optional[PartialDate], as_of: dt.date) -> bool:
    return done is not None and done.start <= as_of


@dataclass(frozen=True)
class Overdue:
    record_id: str
    kind: str  # target | milestone | issue | decision
    what: str
    due: PartialDate
    owner: Optional[str]
    path: tuple
    record_kind: str = "record"  # or "meeting"

    def days(self, as_of: dt.date) -> int:
        return (as_of - self.due.end).days


def overdue_of(record: Record, as_of: dt.date) -> Iterator[Overdue]:
    owner = getattr(record, "owner", None) or getattr(record, "operator", None)
    if isinstance(record, Project) and record.target is not None and record.target.end < as_of and record.status is not Status.operating:
        yield Overdue(record.id, "target", record.name, record.target, owner, ("target",))
    for position, milestone in enumerate(record.milestones):
        if milestone.due is not None and milestone.due.end < as_of and not done_by(milestone.done, as_of):
            yield Overdue(record.id, "milestone", milestone.name, milestone.due, owner, ("milestones", position, "due"))
    for position, issue in enumerate(record.issues):
        if issue.due is not None and issue.due.end < as_of and issue_open(issue, as_of):
            yield Overdue(record.id, "issue", issue.title, issue.due, issue.owner, ("issues", position, "due"))


def overdue_of_meeting(meeting: Meeting, as_of: dt.date) -> Iterator[Overdue]:
    for position, decision in enumerate(meeting.decisions):
        if decision.due is not None and decision.due.end < as_of and not done_by(decision.done, as_of):
            yield Overdue(meeting.id, "decision", decision.text, decision.due, decision.owner, ("decisions", position, "due"), "meeting")


@dataclass(frozen=True)
class Projection:
    """Where a project's recent pace takes it, against its target."""

    project_id: str
    state: str  # done | at-risk | on-track | too-few | no-target
    reports: int  # reports with a percentage, as of the date
    percent: Optional[float] = None
    reported: Optional[PartialDate] = None
    pace_per_month: Optional[float] = None  # percentage points per 30 days
    projected: Optional[dt.date] = None  # None with a pace <= 0: never at this pace
    target: Optional[PartialDate] = None


def project(project: Project, as_of: dt.date) -> Projection:
    points = [r for r in visible(project.progress, as_of) if r.percent is not None]
    base = dict(project_id=project.id, reports=len(points), target=project.target)
    if points:
        base.update(percent=points[-1].percent, reported=points[-1].date)
    if points and points[-1].percent >= 100:
        return Projection(state="done", **base)
    if len(points) < 2:
        return Projection(state="too-few", **base)
    last = points[-1]
    window = [r for r in points[:-1] if (last.date.end - r.date.end).days <= PACE_WINDOW_DAYS and r.date.end < last.date.end]
    first = window[0] if window else next((r for r in reversed(points[:-1]) if r.date.end < last.date.end), None)
    if first is None:
        return Projection(state="too-few", **base)
    days = (last.date.end - first.date.end).days
    gained = last.percent - first.percent
    pace = gained / days
    projected = None  # never at this pace, or later than any calendar date
    if gained > 0:
        # Days still needed at this pace, as one product over one quotient to keep whole figures exact.
        # A gain as small as 5e-324 points makes it infinite: never, like any date past the calendar.
        needed = (100 - last.percent) * days / gained
        if math.isfinite(needed) and math.ceil(needed) <= (dt.date.max - last.date.end).days:
            projected = last.date.end + dt.timedelta(days=math.ceil(needed))
    base.update(pace_per_month=pace * 30, projected=projected)
    if project.target is None:
        return Projection(state="no-target", **base)
    late = projected is None or projected > project.target.end
    return Projection(state="at-risk" if late else "on-track", **base)


def stale_since(record: Record, as_of: dt.date, stale_days: int) -> tuple[bool, Optional[PartialDate]]:
    """(is stale, date of the latest report or None)."""
    reports = visible(record.progress, as_of)
    if not reports:
        return True, None
    newest = max((report.date for report in reports), key=lambda d: d.end)
    return (as_of - newest.end).days > stale_days, newest


def unsourced_reports(record: Record) -> list[int]:
    return [position for position, report in enumerate(record.progress) if report.source is None]
