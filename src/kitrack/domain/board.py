"""The state of the data as of a date: latest figures, what is overdue, at risk, stale or unsourced.

One place for these rules: `kitrack status`, `list`, `show`, `export` and the consistency checks all
ask here. The as-of rules:

- a dated report is visible from the start of its period (a report dated `2026-11` counts on
  2026-11-15);
- an issue exists from the start of the period it was raised in, and is open until the start of the
  period it was resolved in;
- a milestone or a decision is done from the start of the period of its `done` date;
- a due date passes at the end of its period (a target of `2026-11` is overdue from December);
- the value of a dated field (a figure, the stage, the target) is the one of the last report in file
  order that is visible and gives it; for `percent` and `status` of a unit with sections, the newer of
  that and the value derived from the sections (design model-v2 §4.3).

The rules work on units: a record, or one of a project's sections, which behaves like a small project.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from kitrack.domain import decisions
from kitrack.domain.dates import PartialDate
from kitrack.domain.models import (
    Estate,
    Issue,
    Meeting,
    Milestone,
    Project,
    Report,
    Section,
    Status,
    TextValue,
    basis_id,
)

Record = Estate | Project
AReport = TypeVar("AReport", bound=Report)
IssueState = Literal["open", "resolved"]
OverdueItem = Literal["target", "milestone", "issue", "decision"]
# Where an item sits in its record, as a Problem's path: ("milestones", 2, "due").
Path = tuple[str | int, ...]
How = Literal["reported", "derived"]

PACE_WINDOW_DAYS = 365  # "recent pace": the reports of the year before the latest one
COVERAGE = 0.95  # sections must cover this share of a project's length for a derived whole
NOT_STARTED = (Status.planning, Status.preparation, Status.transaction)  # a stage that implies 0 %


@dataclass(frozen=True)
class Unit:
    """A record, or one section of a project: what the as-of rules apply to."""

    record: Record
    section: Section | None = None
    position: int | None = None  # the section's place in `sections`

    @property
    def id(self) -> str:
        return self.record.id if self.section is None else f"{self.record.id}/{self.section.id}"

    @property
    def name(self) -> TextValue:
        return self.record.name if self.section is None else self.section.name

    @property
    def progress(self) -> Sequence[Report]:
        return self.record.progress if self.section is None else self.section.progress

    @property
    def milestones(self) -> Sequence[Milestone]:
        return self.record.milestones if self.section is None else self.section.milestones

    @property
    def issues(self) -> Sequence[Issue]:
        return self.record.issues if self.section is None else self.section.issues

    @property
    def prefix(self) -> Path:
        """The path of the unit inside its record's file."""
        return () if self.position is None else ("sections", self.position)

    @property
    def section_id(self) -> str | None:
        return None if self.section is None else self.section.id

    def children(self) -> list[Unit]:
        """The sections directly under this unit: a project's top-level sections, a phase's sections."""
        if not isinstance(self.record, Project):
            return []
        within = self.section_id
        return [
            Unit(self.record, section, position)
            for position, section in enumerate(self.record.sections)
            if section.within == within and section.id != within
        ]


def units(record: Record) -> list[Unit]:
    """The record, then each of its sections in file order."""
    found = [Unit(record)]
    if isinstance(record, Project):
        found += [Unit(record, section, position) for position, section in enumerate(record.sections)]
    return found


def section_unit(project: Project, section_id: str) -> Unit | None:
    for position, section in enumerate(project.sections):
        if section.id == section_id:
            return Unit(project, section, position)
    return None


def is_visible(report: Report, as_of: dt.date) -> bool:
    return report.date.start <= as_of


def visible(reports: Sequence[AReport], as_of: dt.date) -> list[AReport]:
    return [report for report in reports if is_visible(report, as_of)]


def latest(record: Record, as_of: dt.date) -> Report | None:
    return next((report for report in reversed(record.progress) if is_visible(report, as_of)), None)


def latest_date(record: Record, as_of: dt.date) -> PartialDate | None:
    """The newest visible report date of the record and its sections."""
    dates = [r.date for unit in units(record) for r in unit.progress if is_visible(r, as_of)]
    return max(dates, key=lambda d: (d.end, d.start)) if dates else None


def reported(unit: Unit | Record, name: str, as_of: dt.date) -> tuple[Any, PartialDate | None, int | None]:
    """(value, its report's date, the report's position) of the last visible report, in file order,
    that gives the field `name`; (None, None, None) if none does."""
    reports = unit.progress
    for position in range(len(reports) - 1, -1, -1):  # newest first: usually the first one answers
        report = reports[position]
        value = getattr(report, name, None)
        if value is not None and is_visible(report, as_of):
            return value, report.date, position
    return None, None, None


def latest_value(record: Unit | Record, field: str, as_of: dt.date) -> tuple[float | None, PartialDate | None]:
    """The newest reported value of the figure `field`, with its report's date; (None, None) if
    never reported."""
    value, date, _ = reported(record, field, as_of)
    return value, date


def area(estate: Estate, as_of: dt.date) -> float | None:
    return latest_value(estate, "area_ha", as_of)[0]


@dataclass(frozen=True)
class Current:
    """The value of a dated field as of a date: reported, or derived from the unit's sections."""

    value: Any
    date: PartialDate | None
    how: How = "reported"
    path: Path | None = None  # the report that gave it (reported values only)

    @property
    def derived(self) -> bool:
        return self.how == "derived" and self.value is not None


NONE = Current(None, None)


@dataclass(frozen=True)
class Derivation:
    """A derived value of a unit with sections, or why there is none."""

    value: Any = None
    date: PartialDate | None = None
    inputs: int = 0
    blocked: str | None = None  # no-percent, no-length, no-stage, partial
    by: str | None = None  # the section that blocked it


def _newer(a: PartialDate, b: PartialDate) -> bool:
    return (a.end, a.start) > (b.end, b.start)


def _oldest(dates: Sequence[PartialDate]) -> PartialDate:
    return min(dates, key=lambda d: (d.end, d.start))


def current(unit: Unit | Record, name: str, as_of: dt.date) -> Current:
    """The value of `name` as of the date: the reported one, or for `percent` and `status` of a unit
    with sections the newer of reported and derived (equal dates: reported)."""
    if not isinstance(unit, Unit):
        unit = Unit(unit)
    value, date, position = reported(unit, name, as_of)
    own = NONE if value is None else Current(value, date, "reported", (*unit.prefix, "progress", position or 0, name))
    if name not in ("percent", "status") or not unit.children():
        return own
    derived = derivation(unit, name, as_of)
    if derived.value is None or derived.date is None:
        return own
    if own.date is None or _newer(derived.date, own.date):
        return Current(derived.value, derived.date, "derived")
    return own


def derivation(unit: Unit, name: str, as_of: dt.date) -> Derivation:
    children = unit.children()
    if not children:
        return Derivation(blocked="no-sections")
    if name == "status":
        return _derived_stage(children, as_of)
    return _derived_percent(unit, children, as_of)


def _derived_stage(children: list[Unit], as_of: dt.date) -> Derivation:
    stages: list[Status] = []
    dates: list[PartialDate] = []
    for child in children:
        stage = current(child, "status", as_of)
        if stage.value is None or stage.date is None:
            return Derivation(blocked="no-stage", by=child.section_id)
        stages.append(stage.value)
        dates.append(stage.date)
    order = list(Status)
    if all(stage is Status.operating for stage in stages):
        value = Status.operating
    elif any(stage is Status.operating for stage in stages):
        value = Status.partially_operating
    else:
        value = max(stages, key=order.index)
    return Derivation(value, _oldest(dates), len(children))


def _derived_percent(unit: Unit, children: list[Unit], as_of: dt.date) -> Derivation:
    weighted, total = 0.0, 0.0
    dates: list[PartialDate] = []
    for child in children:
        percent = current(child, "percent", as_of)
        stage = current(child, "status", as_of)
        value, date = percent.value, percent.date
        if stage.value is not None and stage.date is not None and (date is None or _newer(stage.date, date)):
            if stage.value is Status.operating:
                value, date = 100.0, stage.date
            elif stage.value in NOT_STARTED:
                value, date = 0.0, stage.date
        if value is None or date is None:
            return Derivation(blocked="no-percent", by=child.section_id)
        length = latest_value(child, "length_km", as_of)[0]
        if length is None:
            return Derivation(blocked="no-length", by=child.section_id)
        weighted += length * value
        total += length
        dates.append(date)
    whole = latest_value(unit, "length_km", as_of)[0]
    if total <= 0 or (whole is not None and total < COVERAGE * whole):
        return Derivation(blocked="partial")
    return Derivation(round(weighted / total, 2), _oldest(dates), len(children))


def stage(unit: Unit | Record, as_of: dt.date) -> Status | None:
    value: Status | None = current(unit, "status", as_of).value
    return value


@dataclass(frozen=True)
class TargetHistory:
    """The distinct successive targets of a unit, and the slip from the first to the one in force."""

    steps: list[PartialDate] = field(default_factory=list)

    @property
    def slip_months(self) -> int:
        if len(self.steps) < 2:
            return 0
        first, last = self.steps[0].end, self.steps[-1].end
        return (12 * last.year + last.month) - (12 * first.year + first.month)

    @property
    def slipped(self) -> bool:
        return len(self.steps) >= 2 and self.slip_months > 0


def target_history(unit: Unit | Record, as_of: dt.date) -> TargetHistory:
    steps: list[PartialDate] = []
    for report in visible(unit.progress, as_of):
        if report.target is not None and (not steps or str(steps[-1]) != str(report.target)):
            steps.append(report.target)
    return TargetHistory(steps)


def target_in_force(unit: Unit, as_of: dt.date, inherit: bool = True) -> tuple[PartialDate | None, bool]:
    """(target, inherited): the unit's own target in force, else (for display and projection) its
    phase's, then its project's."""
    own = reported(unit, "target", as_of)[0]
    if own is not None or not inherit or unit.section is None:
        return own, False
    record = unit.record
    assert isinstance(record, Project)
    if unit.section.within is not None:
        phase = section_unit(record, unit.section.within)
        if phase is not None and phase.section is not None and phase.section.within is None:
            value = reported(phase, "target", as_of)[0]
            if value is not None:
                return value, True
    value = reported(Unit(record), "target", as_of)[0]
    return value, value is not None


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
    what: TextValue
    due: PartialDate
    owner: str | None
    path: Path
    section: str | None = None

    def days(self, as_of: dt.date) -> int:
        return (as_of - self.due.end).days


def overdue_of(record: Record, as_of: dt.date) -> Iterator[Overdue]:
    """Own targets in force, milestones and issues past due, of the record and of each section."""
    owner = record.owner if isinstance(record, Project) else record.operator
    for unit in units(record):
        target, _, position = reported(unit, "target", as_of)
        if target is not None and target.end < as_of and stage(unit, as_of) is not Status.operating:
            path: Path = (*unit.prefix, "progress", position or 0, "target")
            yield Overdue(record.id, "target", unit.name, target, owner, path, unit.section_id)
        for place, milestone in enumerate(unit.milestones):
            if milestone.due is not None and milestone.due.end < as_of and not done_by(milestone.done, as_of):
                path = (*unit.prefix, "milestones", place, "due")
                yield Overdue(record.id, "milestone", milestone.name, milestone.due, owner, path, unit.section_id)
        for place, issue in enumerate(unit.issues):
            if issue.due is not None and issue.due.end < as_of and issue_open(issue, as_of):
                path = (*unit.prefix, "issues", place, "due")
                yield Overdue(record.id, "issue", issue.title, issue.due, issue.owner, path, unit.section_id)


def overdue_of_meeting(meeting: Meeting, as_of: dt.date, carried_keys: Collection[str] = ()) -> Iterator[Overdue]:
    """`carried_keys`: the decisions carried forward (`decisions.carried`), overdue in their later meeting only."""
    for position, decision in enumerate(meeting.decisions):
        if decision.due is not None and decision.due.end < as_of and (
            decisions.state(meeting, decision, as_of, carried_keys) == "open"
        ):
            path: Path = ("decisions", position, "due")
            yield Overdue(meeting.id, "decision", decision.text, decision.due, decision.owner, path)


ProjectionState = Literal["done", "at-risk", "on-track", "too-few", "no-target"]


@dataclass(frozen=True)
class Projection:
    """Where a unit's recent pace takes it, against its target in force."""

    project_id: str
    state: ProjectionState
    reports: int  # reports with a percentage, as of the date
    percent: float | None = None
    reported: PartialDate | None = None
    pace_per_month: float | None = None  # percentage points per 30 days
    projected: dt.date | None = None  # None with a pace <= 0: never at this pace
    target: PartialDate | None = None
    section: str | None = None


def project(unit: Unit | Project, as_of: dt.date) -> Projection:
    """The projection of a unit's own reported percentages (a derived series is never projected)."""
    if not isinstance(unit, Unit):
        unit = Unit(unit)
    target, _ = target_in_force(unit, as_of)
    record_id, section = unit.record.id, unit.section_id
    points: list[tuple[PartialDate, float]] = [
        (r.date, percent) for r in visible(unit.progress, as_of) if (percent := getattr(r, "percent", None)) is not None
    ]
    if not points:
        return Projection(record_id, "too-few", reports=0, target=target, section=section)
    last_date, last_percent = points[-1]
    earlier = [(date, percent) for date, percent in points[:-1] if date.end < last_date.end]
    pace_per_month, projected = None, None  # projected None: never at this pace, or past any calendar date
    state: ProjectionState
    if last_percent >= 100 or stage(unit, as_of) is Status.operating:
        state = "done"  # in operation: finished, whatever its last percentage (never at risk, as never overdue)
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
        if target is None:
            state = "no-target"
        else:
            state = "at-risk" if projected is None or projected > target.end else "on-track"
    return Projection(
        record_id, state, len(points), percent=last_percent, reported=last_date, pace_per_month=pace_per_month,
        projected=projected, target=target, section=section,
    )


def stale_since(record: Record, as_of: dt.date, stale_days: int) -> tuple[bool, PartialDate | None]:
    """(is stale, date of the latest report of the record or its sections, or None)."""
    newest = latest_date(record, as_of)
    if newest is None:
        return True, None
    return (as_of - newest.end).days > stale_days, newest


def unsourced_reports(record: Record) -> list[Path]:
    """The paths of the reports, the record's and its sections', that cite no source."""
    return [
        (*unit.prefix, "progress", position)
        for unit in units(record) for position, report in enumerate(unit.progress) if report.source is None
    ]


def psn_supported(record: Record) -> bool:
    return any(not isinstance(item, str) for item in record.basis)


def basis_ids(record: Record) -> list[str]:
    return [basis_id(item) for item in record.basis]


def _unit_at(record: Record, path: Path) -> tuple[Unit, Path]:
    """The unit a path inside the record starts in, and the rest of the path."""
    if path[:1] == ("sections",) and isinstance(record, Project):
        position = int(path[1])
        return Unit(record, record.sections[position], position), path[2:]
    return Unit(record), path


def report_at(record: Record, path: Path) -> Report:
    unit, rest = _unit_at(record, path)
    return unit.progress[int(rest[1])]


def issue_at(record: Record, path: Path) -> Issue:
    unit, rest = _unit_at(record, path)
    return unit.issues[int(rest[1])]
