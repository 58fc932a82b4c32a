"""The meeting brief (`kitrack report`): the status board plus what its charts, map and timeline need.

The board itself is `kitrack.views.status.StatusReport`, built by the same rules as `kitrack status`.
Everything else the brief reads from the records (series of progress reports, targets, locations,
milestones, decisions, what changed, sources) is read here and nowhere else, so that a change of the
data model is a change of this module only. Like every view it holds plain data: numbers, dates and
codes, worded later by `kitrack.report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from kitrack.domain import board
from kitrack.domain.board import Record
from kitrack.domain.dates import PartialDate
from kitrack.domain.figures import FIGURES, PROGRESS
from kitrack.domain.kinds import of_model
from kitrack.domain.models import Project, TextValue
from kitrack.load.dataset import Dataset
from kitrack.views.status import StatusReport
from kitrack.views.table import Column, Row, Table

# At national scale (thousands of projects) a chart for every project would be a book and take
# longer than the board itself. The brief charts at most this many, in this order of need: projects
# at risk, then those whose target slipped, then those that changed since the last meeting, then the
# most recently reported. The rest are named under the charts.
CHART_LIMIT = 24
# Rows of the timeline (one per record), chosen the same way: overdue first, then the soonest due.
TIMELINE_LIMIT = 20
# Why a project is charted, in the order of need.
ChartReason = Literal["at-risk", "slipped", "changed", "reported"]
REASONS: tuple[ChartReason, ...] = ("at-risk", "slipped", "changed", "reported")

# What changed: `item` is "report" (then `field` names the figure, or the stage or target it
# gives), "milestone" (done), "raised" or "resolved" (an issue); `value` is the figure, stage code or
# target, or the milestone's name or the issue's title. `record` is a unit: `project/section` too.
CHANGED_FIELDS = ("status", "target", *(figure.field for figure in FIGURES))
ChangeItem = Literal["report", "milestone", "raised", "resolved"]
CHANGE_COLUMNS = [
    Column("record"), Column("date", "date"), Column("item"), Column("field"), Column("value"), Column("source"),
]
ACT_COLUMNS = [
    Column("owner"), Column("kind", "overdue-item", "col.type"), Column("record"), Column("what"),
    Column("due", "date"), Column("overdue", "bool"),
]
SOURCE_COLUMNS = [
    Column("record"), Column("id"), Column("title", label="col.source_title"), Column("publisher"),
    Column("date", "date"), Column("url"),
]


@dataclass(frozen=True)
class Chart:
    """One project's progress over time, against its targets."""

    id: str  # the unit: a project, or `project/section`
    name: TextValue  # the project's
    section: TextValue | None  # the section's name, for a section
    reason: ChartReason
    points: list[tuple[PartialDate, float]]  # the unit's own reported physical progress, in file order
    targets: list[PartialDate]  # the target history, oldest first; the last is in force
    projection: board.Projection
    inherited: PartialDate | None = None  # a section without a target of its own: its phase's or project's

    @property
    def slip_months(self) -> int | None:
        """Months from the first target to the one in force; None without two targets."""
        return board.TargetHistory(self.targets).slip_months if len(self.targets) >= 2 else None


@dataclass(frozen=True)
class Place:
    """A record on the map."""

    id: str
    name: TextValue
    table: str  # "estates" or "infrastructure"
    status: str | None  # the stage as of the date; None before any report gives it
    regions: tuple[str, ...]
    lon: float
    lat: float
    precision: str  # how close the point is to the place: site, area, town or regency


@dataclass(frozen=True)
class Milestone:
    """A dated item of the timeline: a milestone, or a project's target."""

    record: str
    kind: Literal["milestone", "target"]
    what: TextValue
    due: PartialDate | None
    done: PartialDate | None
    overdue: bool


@dataclass(frozen=True)
class RegionArea:
    id: str
    name: str
    priority: bool


@dataclass
class Brief:
    board: StatusReport
    names: dict[str, TextValue]  # record, agency and meeting ids -> their names
    charts: list[Chart] = field(default_factory=list)
    not_charted: list[str] = field(default_factory=list)  # projects with a progress series but no chart
    places: list[Place] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)
    regions: list[RegionArea] = field(default_factory=list)
    timeline: dict[str, list[Milestone]] = field(default_factory=dict)  # record id -> its items
    act: Table = field(default_factory=lambda: Table("act", ACT_COLUMNS))
    changes: Table = field(default_factory=lambda: Table("changes", CHANGE_COLUMNS))
    sources: Table = field(default_factory=lambda: Table("sources", SOURCE_COLUMNS))


def build(data: Dataset, report: StatusReport) -> Brief:
    """The brief of `report`, the status board built from `data` for the same date, region and since."""
    as_of, region = report.as_of, report.region
    records: list[Record] = [
        *(e for e in data.estates.values() if region in (None, e.region)),
        *(p for p in data.projects.values() if region in (None, *p.regions)),
    ]
    names = {record.id: record.name for record in records}
    names.update({agency.id: agency.short or agency.name for agency in data.agencies.values()})
    names.update({meeting.id: meeting.title for meeting in data.meetings.values()})
    brief = Brief(report, names)
    projects = [record for record in records if isinstance(record, Project)]
    _charts(brief, projects, report)
    _places(brief, records, as_of)
    brief.regions = [RegionArea(r.id, r.name, r.priority) for r in data.regions.values() if region in (None, r.id)]
    _timeline(brief, records, as_of)
    _act(brief, data, records, report)
    _changes(brief, records, report.since.date, as_of)
    cited = _cited(brief, records, as_of)
    for record in records:
        for source in record.sources:
            if (record.id, source.id) in cited:
                brief.sources.add(record=record.id, id=source.id, title=source.title, publisher=source.publisher,
                                  date=source.date, url=source.url)
    return brief


def _cited(brief: Brief, records: Iterable[Record], as_of: dt.date) -> set[tuple[str, str]]:
    """(record, source) for every source of a figure the brief shows, so that its list of sources is
    the figures' and not the whole data set's (255 sources would fill three printed pages): the
    report that gives each current value of a record or section (the tables), every report of a
    charted series, the changes since the last meeting, the milestones of the timeline, the open
    issues of who must act, the basis of each PSN status and the source of each point on the map."""
    charted = {chart.id for chart in brief.charts}
    cited: set[tuple[str, str | None]] = set()
    for record in records:
        if record.location is not None:
            cited.add((record.id, record.location.source))
        cited |= {(record.id, getattr(item, "source", None)) for item in record.basis}  # the PSN column's
        for unit in board.units(record):
            given: set[str] = set()
            for report in reversed(board.visible(unit.progress, as_of)):
                fields = {name for name in CHANGED_FIELDS if getattr(report, name, None) is not None}
                if fields - given or (unit.id in charted and getattr(report, PROGRESS.field, None) is not None):
                    cited.add((record.id, report.source))
                given |= fields
            if record.id in brief.timeline:
                cited |= {(record.id, milestone.source) for milestone in unit.milestones}
            cited |= {(record.id, issue.source) for issue in unit.issues if board.issue_state(issue, as_of) == "open"}
    cited |= {(row["record"].split("/")[0], row["source"]) for row in brief.changes.rows}
    return {(record_id, source) for record_id, source in cited if source is not None}


def _series(unit: board.Unit, as_of: dt.date) -> list[tuple[PartialDate, float]]:
    points = [(r.date, getattr(r, PROGRESS.field, None)) for r in board.visible(unit.progress, as_of)]
    return [(date, value) for date, value in points if value is not None]


def _charts(brief: Brief, projects: Iterable[Project], report: StatusReport) -> None:
    """A chart per unit (a project, or one of its sections) with its own reported progress. Derived
    progress is not charted: it is not a series anyone reported."""
    def unit_id(row: Row, key: str) -> str:
        return row[key] if row.get("section") is None else f"{row[key]}/{row['section']}"

    at_risk = {unit_id(row, "id") for row in report.sections["at_risk"].rows}
    changed = {
        unit_id(row, "id") for row in report.sections["infrastructure"].rows if row["change"] not in (None, 0, 0.0)
    }
    candidates: list[tuple[int, int, str, Chart]] = []
    for project in projects:
        for unit in board.units(project):
            points = _series(unit, report.as_of)
            if not points:
                continue
            targets = list(board.target_history(unit, report.as_of).steps)
            inherited = None
            if not targets and unit.section is not None:
                inherited = board.target_in_force(unit, report.as_of)[0]
            history = board.TargetHistory(targets)
            reason: ChartReason = (
                "at-risk" if unit.id in at_risk
                else "slipped" if history.slipped
                else "changed" if unit.id in changed
                else "reported"
            )
            section = unit.section.name if unit.section is not None else None
            chart = Chart(unit.id, project.name, section, reason, points, targets, board.project(unit, report.as_of),
                          inherited)
            latest = points[-1][0].end
            candidates.append((REASONS.index(reason), -latest.toordinal(), unit.id, chart))
    candidates.sort(key=lambda item: item[:3])
    brief.charts = [chart for *_, chart in candidates[:CHART_LIMIT]]
    brief.not_charted = [chart.id for *_, chart in candidates[CHART_LIMIT:]]


def _places(brief: Brief, records: Iterable[Record], as_of: dt.date) -> None:
    for record in records:
        if record.location is None:
            brief.unlocated.append(record.id)
            continue
        stage = board.stage(record, as_of)
        regions = tuple(record.regions) if isinstance(record, Project) else (record.region,)
        brief.places.append(Place(
            record.id, record.name, of_model(type(record)).table, stage.value if stage is not None else None,
            regions, record.location.lon, record.location.lat, record.location.precision.value,
        ))


def _timeline(brief: Brief, records: Iterable[Record], as_of: dt.date) -> None:
    """One row per record: the milestones and own targets in force of the record and its sections."""
    rows: list[tuple[bool, dt.date, str, list[Milestone]]] = []
    for record in records:
        late = {(item.section, item.item, item.path[-2]) for item in board.overdue_of(record, as_of)}
        items: list[Milestone] = []
        for unit in board.units(record):
            items += [
                Milestone(record.id, "milestone", m.name, m.due, m.done if board.done_by(m.done, as_of) else None,
                          (unit.section_id, "milestone", position) in late)
                for position, m in enumerate(unit.milestones) if m.due is not None or m.done is not None
            ]
            target, _, position = board.reported(unit, "target", as_of)
            if target is not None:
                items.append(Milestone(record.id, "target", unit.name, target, None,
                                       (unit.section_id, "target", position) in late))
        if not items:
            continue
        open_due = [i.due.end for i in items if i.due is not None and i.done is None]
        rows.append((any(i.overdue for i in items), min(open_due, default=dt.date.max), record.id, items))
    rows.sort(key=lambda row: (not row[0], row[1], row[2]))
    brief.timeline = {record_id: items for _, _, record_id, items in rows[:TIMELINE_LIMIT]}


def _act(brief: Brief, data: Dataset, records: Iterable[Record], report: StatusReport) -> None:
    """Who must act: open issues and open meeting decisions, by the agency responsible."""
    as_of = report.as_of
    items: list[dict[str, object]] = [
        {"owner": row["owner"], "kind": "issue", "what": row["title"], "due": row["due"],
         "record": row["record"] if row.get("section") is None else f"{row['record']}/{row['section']}",
         "overdue": row["due"] is not None and row["due"].end < as_of}
        for row in report.sections["issues"].rows
    ]
    in_view = {record.id for record in records}
    for meeting in data.meetings.values():
        if meeting.date.start > as_of:
            continue
        for decision in meeting.decisions:
            if board.done_by(decision.done, as_of):
                continue
            if report.region is not None and not any(rid.split("/")[0] in in_view for rid in decision.related):
                continue
            items.append({
                "owner": decision.owner, "kind": "decision", "record": meeting.id, "what": decision.text,
                "due": decision.due, "overdue": decision.due is not None and decision.due.end < as_of,
            })
    items.sort(key=lambda i: (str(i["owner"] or "~"), not i["overdue"], str(i["due"] or "9999"), str(i["record"])))
    for item in items:
        brief.act.add(**item)


def _changes(brief: Brief, records: Iterable[Record], since: dt.date, as_of: dt.date) -> None:
    """What happened after the comparison date, up to the date of the brief: each figure of a new
    report, milestones done, issues raised and resolved. Newest first."""
    rows: list[tuple[PartialDate, str, ChangeItem, str | None, object, str | None]] = []
    for record in records:
        for unit in board.units(record):
            for report in unit.progress:
                if since < report.date.start <= as_of:
                    rows += [
                        (report.date, unit.id, "report", name, getattr(value, "value", value), report.source)
                        for name in CHANGED_FIELDS if (value := getattr(report, name, None)) is not None
                    ]
            rows += [
                (m.done, unit.id, "milestone", None, m.name, m.source)
                for m in unit.milestones if m.done is not None and since < m.done.start <= as_of
            ]
            for issue in unit.issues:
                if since < issue.raised.start <= as_of:
                    rows.append((issue.raised, unit.id, "raised", None, issue.title, issue.source))
                if issue.resolved is not None and since < issue.resolved.start <= as_of:
                    rows.append((issue.resolved, unit.id, "resolved", None, issue.title, issue.source))
    rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
    for date, record_id, item, figure_field, value, source in rows:
        brief.changes.add(record=record_id, date=date, item=item, field=figure_field, value=value, source=source)
