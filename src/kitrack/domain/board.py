"""The state of the data as of a date: latest figures, what is overdue, at risk, stale or unsourced.

One place for these rules: `kitrack status`, `list`, `show`, `export` and the consistency checks all
ask here. The as-of rules:

- a dated report is visible from the start of its period (a report dated `2026-11` counts on
  2026-11-15);
- an issue exists from the start of the period it was raised in, and is open until the start of the
  period it was resolved in;
- a milestone or a decision is done from the start of the period of its `done` date;
- a due date passes at the end of its period (a target of `2026-11` is overdue from December).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from kitrack.domain.dates import PartialDate
from kitrack.domain.models import Estate, Issue, Meeting, Project, Report, Status

Record = Estate | Project
AReport = TypeVar("AReport", bound=Report)
IssueState = Literal["open", "resolved"]
OverdueItem = Literal["target", "milestone", "issue", "decision"]
# Where an item sits in its record, as a Problem's path: ("milestones", 2, "due").
Path = tuple[str | int, ...]

PACE_WINDOW_DAYS = 365  # "recent pace": the reports of the year before the latest one


def is_visible(report: Report, as_of: dt.date) -> bool:
    return report.date.start <= as_of


def visible(reports: Sequence[AReport], as_of: dt.date) -> list[AReport]:
    return [report for report in reports if is_visible(report, as_of)]


def latest(record: Record, as_of: dt.date) -> Report | None:
    return next((report for report in reversed(record.progress) if is_visible(report, as_of)), None)


def latest_value(record: Record, field: str, as_of: dt.date) -> tuple[float | None, PartialDate | None]:
    """The newest reported value of the figure `field`, with its report's date; (None, None) if
    never reported."""
    for report in reversed(record.progress):  # newest first: usually the first one answers
        value: float | None = getattr(report, field, None)
        if value is not None and is_visible(report, as_of):
            return value, report.date
    return None, None


def area(estate: Estate, as_of: dt.date) -> float | None:
    value, _ = latest_value(estate, "area_ha", as_of)
    return value if value is not None else estate.area_ha


def issue_state(issue: Issue, as_of: dt.date) -> IssueState | None:
    """Whether the issue is open or resolved as of the date; None before it was raised."""
    if issue.raised.start > as_of:
        return None
    if issue.status.value == "open" or (issue.resolved is not None and issue.resolved.start > as_of):
        return "open"
    return "resolved"


def issue_open(issue: Issue, as_of: dt.date) -> bool:
    return issue_state(issue, as_of) == "open"


def done_by(done: PartialDate | None, as_of: dt.date) -> bool:
    return done is not None and done.start <= as_of


@dataclass(frozen=True)
class Overdue:
    record_id: str  # a record's id, or a meeting's for a decision
    item: OverdueItem
    what: str
    due: PartialDate
    owner: str | None
    path: Path

    def days(self, as_of: dt.date) -> int:
        return (as_of - self.due.end).days


def overdue_of(record: Record, as_of: dt.date) -> Iterator[Overdue]:
    owner = record.owner if isinstance(record, Project) else record.operator
    if isinstance(record, Project) and record.target is not None and record.target.end < as_of and (
        record.status is not Status.operating
    ):
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
            path: Path = ("decisions", position, "due")
            yield Overdue(meeting.id, "decision", decision.text, decision.due, decision.owner, path)


ProjectionState = Literal["done", "at-risk", "on-track", "too-few", "no-target"]


@dataclass(frozen=True)
class Projection:
    """Where a project's recent pace takes it, against its target."""

    project_id: str
    state: ProjectionState
    reports: int  # reports with a percentage, as of the date
    percent: float | None = None
    reported: PartialDate | None = None
    pace_per_month: float | None = None  # percentage points per 30 days
    projected: dt.date | None = None  # None with a pace <= 0: never at this pace
    target: PartialDate | None = None


def project(project: Project, as_of: dt.date) -> Projection:
    points = [(r.date, r.percent) for r in visible(project.progress, as_of) if r.percent is not None]
    if not points:
        return Projection(project.id, "too-few", reports=0, target=project.target)
    last_date, last_percent = points[-1]
    earlier = [(date, percent) for date, percent in points[:-1] if date.end < last_date.end]
    pace_per_month, projected = None, None  # projected None: never at this pace, or past any calendar date
    state: ProjectionState
    if last_percent >= 100:
        state = "done"
    elif not earlier:
        state = "too-few"
    else:
        window = [(date, percent) for date, percent in earlier if (last_date.end - date.end).days <= PACE_WINDOW_DAYS]
        first_date, first_percent = window[0] if window else earlier[-1]
        days = (last_date.end - first_date.end).days
        gained = last_percent - first_percent
        if gained > 0:
            # Days still needed at this pace, as one product over one quotient to keep whole figures exact.
            # A gain as small as 5e-324 points makes it infinite: never, like any date past the calendar.
            needed = (100 - last_percent) * days / gained
            if math.isfinite(needed) and math.ceil(needed) <= (dt.date.max - last_date.end).days:
                projected = last_date.end + dt.timedelta(days=math.ceil(needed))
        pace_per_month = gained / days * 30
        if project.target is None:
            state = "no-target"
        else:
            state = "at-risk" if projected is None or projected > project.target.end else "on-track"
    return Projection(
        project.id, state, len(points), percent=last_percent, reported=last_date, pace_per_month=pace_per_month,
        projected=projected, target=project.target,
    )


def stale_since(record: Record, as_of: dt.date, stale_days: int) -> tuple[bool, PartialDate | None]:
    """(is stale, date of the latest report or None)."""
    reports = visible(record.progress, as_of)
    if not reports:
        return True, None
    newest = max((report.date for report in reports), key=lambda d: d.end)
    return (as_of - newest.end).days > stale_days, newest


def unsourced_reports(record: Record) -> list[int]:
    return [position for position, report in enumerate(record.progress) if report.source is None]
