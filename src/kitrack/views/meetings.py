"""The meeting cycle as plain data: the decisions still open, and what changed since the last meeting.

`kitrack status` shows both (`kitrack.output.meetings` words them) and `kitrack agenda` drafts the
next meeting from the same data. "Then" is the comparison point of `status`: the data as it stood
on the `since` date (by default the last meeting), or a git revision's data as of `--as-of`.
Nothing here depends on the language: kinds are codes, dates and numbers stay raw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kitrack.domain import board, decisions
from kitrack.domain.board import Record
from kitrack.domain.dates import PartialDate
from kitrack.domain.decisions import DecisionState
from kitrack.domain.figures import reported_by
from kitrack.domain.models import Agency, Decision, Estate, Meeting, Project, Report, Status
from kitrack.load.dataset import Dataset
from kitrack.views.table import Column, Table

ChangeKind = Literal[
    "record-added", "report", "stage", "target", "milestone-done", "issue-raised", "issue-resolved",
]
# The order of the sentences about one record or section in "since the last meeting".
CHANGE_ORDER: tuple[ChangeKind, ...] = (
    "record-added", "report", "stage", "target", "milestone-done", "issue-raised", "issue-resolved",
)
DECISION_COLUMNS = [
    Column("agency", label="col.agency"), Column("owner"), Column("meeting"), Column("id"),
    Column("text", label="col.decision"), Column("due", "date"), Column("days", "days-left", "col.days_left"),
    Column("related", "list"), Column("carried_from"),
]


@dataclass(frozen=True)
class Moved:
    """A figure that a new report changed: from its value then (None: not reported then) to now."""

    field: str
    old: float | None
    new: float


@dataclass(frozen=True)
class Change:
    """One sentence of "since the last meeting"."""

    kind: ChangeKind
    record: str
    name: Any  # the record's name
    section: str | None = None  # the section of a project the change is in, and its name
    section_name: Any = None
    date: PartialDate | None = None  # the latest new report's, a milestone's done, an issue's raised or resolved
    item: str | None = None  # an issue's id, a milestone's name
    text: Any = None  # an issue's title
    figures: tuple[Moved, ...] = ()
    old: Any = None  # a stage (its code) or a target then, and now
    new: Any = None
    count: int = 0  # new reports
    edited: int = 0  # reports of the same date and source as one then, with other figures (a revision's)


@dataclass
class Cycle:
    decisions: Table  # the open decisions, by agency
    closed: dict[str, int] = field(default_factory=dict)  # "done", "dropped": closed since the comparison point
    changes: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class Then:
    """The comparison point: `data` (a revision's, or the same data) as of `date`."""

    data: Dataset
    date: dt.date


def last_meeting(data: Dataset, as_of: dt.date) -> Meeting | None:
    """The latest meeting held on or before the date."""
    held = [meeting for meeting in data.meetings.values() if meeting.date.end <= as_of]
    return max(held, key=lambda m: (m.date.end, m.id), default=None)


def agency_name(agencies: dict[str, Agency], agency_id: str | None) -> str | None:
    """An agency as a meeting calls it: its short name, else its name; an unknown id as it is."""
    if agency_id is None:
        return None
    agency = agencies.get(agency_id)
    if agency is None:
        return agency_id
    return agency.short or agency.name


def build(data: Dataset, then: Then, as_of: dt.date, records: Sequence[Record], region: str | None = None) -> Cycle:
    """`records`: the records in view. With a `--region`, they are the region's, and a decision is in
    view when it names one of them (as for overdue decisions)."""
    in_view = None if region is None else {record.id for record in records}
    return Cycle(
        decisions=open_decisions(data, as_of, in_view),
        closed=_closed(data, then, as_of, in_view),
        changes=changes(records, then, as_of),
    )


def _in_view(decision: Decision, in_view: Collection[str] | None) -> bool:
    return in_view is None or any(related.split("/")[0] in in_view for related in decision.related)


def _states(data: Dataset, as_of: dt.date) -> Iterable[tuple[Meeting, Decision, DecisionState]]:
    carried = decisions.carried(data.meetings.values(), as_of)
    for meeting in sorted(data.meetings.values(), key=lambda m: (m.date.end, m.id)):
        if decisions.held(meeting, as_of):
            for decision in meeting.decisions:
                yield meeting, decision, decisions.state(meeting, decision, as_of, carried)


def open_decisions(data: Dataset, as_of: dt.date, in_view: Collection[str] | None = None) -> Table:
    table = Table("decisions", DECISION_COLUMNS)
    for meeting, decision, state in _states(data, as_of):
        if state == "open" and _in_view(decision, in_view):
            table.add(
                agency=agency_name(data.agencies, decision.owner), owner=decision.owner, meeting=meeting.id,
                id=decision.id, text=decision.text, due=decision.due,
                days=None if decision.due is None else (decision.due.end - as_of).days,
                related=list(decision.related), carried_from=decision.carried_from,
            )
    # Grouped by agency (no owner last), the most urgent first; no due date after every due one.
    table.rows.sort(key=lambda row: (
        row["agency"] is None, (row["agency"] or "").casefold(), row["days"] is None, row["days"] or 0,
    ))
    return table


def _closed(data: Dataset, then: Then, as_of: dt.date, in_view: Collection[str] | None) -> dict[str, int]:
    """Decisions done or dropped since the comparison point."""
    before = {(m.id, d.id): state for m, d, state in _states(then.data, then.date)}
    counts = {"done": 0, "dropped": 0}
    for meeting, decision, state in _states(data, as_of):
        if state in counts and before.get((meeting.id, decision.id)) != state and _in_view(decision, in_view):
            counts[state] += 1
    return counts


def changes(records: Iterable[Record], then: Then, as_of: dt.date) -> list[Change]:
    found: list[Change] = []
    for record in records:
        before = then.data.estates.get(record.id) or then.data.projects.get(record.id)
        if before is None:
            found.append(Change("record-added", record.id, record.name))
        for unit in board.units(record):
            found.extend(_unit_changes(unit, _same_unit(unit, before), then.date, as_of))
    # Record by record (each section after its project), in the order of CHANGE_ORDER within each.
    order = {kind: position for position, kind in enumerate(CHANGE_ORDER)}
    return sorted(found, key=lambda c: (
        c.record, c.section or "", order[c.kind], c.date.end if c.date else dt.date.min,
    ))


def _same_unit(unit: board.Unit, before: Record | None) -> board.Unit | None:
    """The unit as it was in the data compared with: the record itself, or its section of the same id."""
    if before is None or before is unit.record:
        return None if before is None else unit
    if unit.section_id is None:
        return board.Unit(before)
    return board.section_unit(before, unit.section_id) if isinstance(before, Project) else None


def _unit_changes(unit: board.Unit, before: board.Unit | None, then: dt.date, as_of: dt.date) -> Iterable[Change]:
    def change(kind: ChangeKind, **details: Any) -> Change:
        section = unit.section
        return Change(kind, unit.record.id, unit.record.name, section=None if section is None else section.id,
                      section_name=None if section is None else section.name, **details)

    visible = board.visible(unit.progress, as_of)
    if before is unit:  # the same data at an earlier date: new is what was not visible then
        new, edited = [report for report in visible if not board.is_visible(report, then)], []
    else:  # a revision's data: a report is the same when its date and source are; other figures edit it
        known = {_report_key(r): r for r in board.visible(before.progress, then)} if before is not None else {}
        new = [report for report in visible if _report_key(report) not in known]
        edited = [report for report in visible if known.get(_report_key(report), report) != report]
    if new or edited:
        yield change("report", date=max((r.date for r in new or edited), key=lambda d: d.end),
                     figures=tuple(_moved(unit, before, [*new, *edited], then, as_of)), count=len(new),
                     edited=len(edited))
    if before is not None:
        old_stage, new_stage = board.stage(before, then), board.stage(unit, as_of)
        if old_stage != new_stage:
            yield change("stage", old=_code(old_stage), new=_code(new_stage))
        old_target = board.target_in_force(before, then, inherit=False)[0]
        new_target = board.target_in_force(unit, as_of, inherit=False)[0]
        if str(old_target) != str(new_target):
            yield change("target", old=old_target, new=new_target)
    then_milestones = {m.name: m for m in before.milestones} if before is not None else {}
    for milestone in unit.milestones:
        earlier = then_milestones.get(milestone.name)
        if board.done_by(milestone.done, as_of) and not (earlier is not None and board.done_by(earlier.done, then)):
            yield change("milestone-done", date=milestone.done, item=milestone.name)
    then_issues = {i.id: i for i in before.issues} if before is not None else {}
    for issue in unit.issues:
        now_state = board.issue_state(issue, as_of)
        earlier_issue = then_issues.get(issue.id)
        then_state = board.issue_state(earlier_issue, then) if earlier_issue is not None else None
        if now_state is not None and then_state is None:
            yield change("issue-raised", date=issue.raised, item=issue.id, text=issue.title)
        if now_state == "resolved" and then_state != "resolved":
            yield change("issue-resolved", date=issue.resolved, item=issue.id, text=issue.title)


def _code(stage: Status | None) -> str | None:
    return None if stage is None else stage.value


# Only the figures of the record's kind are asked for: asking a pydantic model for a field it lacks is slow.
_ESTATE_FIGURES, _PROJECT_FIGURES = reported_by("estate"), reported_by("infrastructure")


def _report_key(report: Report) -> tuple[str, str | None]:
    return str(report.date), report.source


def _moved(
    unit: board.Unit, before: board.Unit | None, new: list[Report], then: dt.date, as_of: dt.date,
) -> Iterable[Moved]:
    """Each figure the new reports give, from its value then to its latest value, if it moved."""
    kind = _ESTATE_FIGURES if isinstance(unit.record, Estate) else _PROJECT_FIGURES
    given = {f.field for report in new for f in kind if getattr(report, f.field) is not None}
    for name in (f.field for f in kind if f.field in given):
        now = board.latest_value(unit, name, as_of)[0]
        old = board.latest_value(before, name, then)[0] if before is not None else None
        if now is not None and now != old:
            yield Moved(name, old, now)
