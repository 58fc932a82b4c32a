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
from kitrack.domain.figures import FIGURES
from kitrack.domain.kinds import of_model
from kitrack.domain.models import Project, Status
from kitrack.load.dataset import Dataset
from kitrack.views.status import StatusReport
from kitrack.views.table import Column, Table

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
# How close a point on the map is to the place itself (model v2); None: not known, as for every v1
# location. Only "site" is ever drawn as a site.
Precision = Literal["site", "area", "town", "regency"]

# What changed: `item` is "report" (then `field` names the figure), "milestone" (done), "raised" or
# "resolved" (an issue); `value` is the figure, or the milestone's name or the issue's title.
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

    id: str
    name: str
    reason: ChartReason
    points: list[tuple[PartialDate, float]]  # reported physical progress, in file order
    targets: list[PartialDate]  # the target history, oldest first; the last is in force
    projection: board.Projection

    @property
    def slip_months(self) -> int | None:
        """Months from the first target to the one in force; None without two targets."""
        if len(self.targets) < 2:
            return None
        first, now = self.targets[0].end, self.targets[-1].end
        return (now.year * 12 + now.month) - (first.year * 12 + first.month)


@dataclass(frozen=True)
class Place:
    """A record on the map."""

    id: str
    name: str
    table: str  # "estates" or "infrastructure"
    status: str
    region: str
    lon: float
    lat: float
    precision: Precision | None


@dataclass(frozen=True)
class Milestone:
    """A dated item of the timeline: a milestone, or a project's target."""

    record: str
    kind: Literal["milestone", "target"]
    what: str
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
    names: dict[str, str]  # record, agency and meeting ids -> their names
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
        *(p for p in data.projects.values() if region in (None, p.region)),
    ]
    names = {record.id: record.name for record in records}
    names.update({agency.id: agency.short or agency.name for agency in data.agencies.values()})
    names.update({meeting.id: meeting.title for meeting in data.meetings.values()})
    brief = Brief(report, names)
    projects = [record for record in records if isinstance(record, Project)]
    _charts(brief, projects, report)
    _places(brief, records)
    brief.regions = [RegionArea(r.id, r.name, r.priority) for r in data.regions.values() if region in (None, r.id)]
    _timeline(brief, records, as_of)
    _act(brief, data, records, report)
    _changes(brief, records, report.since.date, as_of)
    for record in records:
        for source in record.sources:
            brief.sources.add(record=record.id, id=source.id, title=source.title, publisher=source.publisher,
                              date=source.date, url=source.url)
    return brief


def _series(project: Project, as_of: dt.date) -> list[tuple[PartialDate, float]]:
    return [(r.date, r.percent) for r in board.visible(project.progress, as_of) if r.percent is not None]


def _targets(project: Project, as_of: dt.date) -> list[PartialDate]:
    """The target history as of the date. Model v1 keeps one undated target; v2 dates each one."""
    return [project.target] if project.target is not None else []


def _charts(brief: Brief, projects: Iterable[Project], report: StatusReport) -> None:
    at_risk = {row["id"] for row in report.sections["at_risk"].rows}
    changed = {
        row["id"] for row in report.sections["infrastructure"].rows if row["change"] not in (None, 0, 0.0)
    }
    candidates: list[tuple[int, float, Chart]] = []
    for project in projects:
        points = _series(project, report.as_of)
        if not points:
            continue
        targets = _targets(project, report.as_of)
        chart = Chart(project.id, project.name, "reported", points, targets, board.project(project, report.as_of))
        reason: ChartReason = (
            "at-risk" if project.id in at_risk
            else "slipped" if (chart.slip_months or 0) > 0
            else "changed" if project.id in changed
            else "reported"
        )
        chart = Chart(chart.id, chart.name, reason, points, targets, chart.projection)
        latest = points[-1][0].end
        candidates.append((REASONS.index(reason), -latest.toordinal(), chart))
    candidates.sort(key=lambda item: (item[0], item[1], item[2].id))
    brief.charts = [chart for _, _, chart in candidates[:CHART_LIMIT]]
    brief.not_charted = [chart.id for _, _, chart in candidates[CHART_LIMIT:]]


def _places(brief: Brief, records: Iterable[Record]) -> None:
    for record in records:
        if record.location is None:
            brief.unlocated.append(record.id)
            continue
        brief.places.append(Place(
            record.id, record.name, of_model(type(record)).table, record.status.value, record.region,
            record.location.lon, record.location.lat, None,  # v1 locations do not say how close they are
        ))


def _timeline(brief: Brief, records: Iterable[Record], as_of: dt.date) -> None:
    rows: list[tuple[bool, dt.date, str, list[Milestone]]] = []
    for record in records:
        late = {item.path[1] for item in board.overdue_of(record, as_of) if item.item == "milestone"}
        items = [
            Milestone(record.id, "milestone", m.name, m.due, m.done if board.done_by(m.done, as_of) else None,
                      position in late)
            for position, m in enumerate(record.milestones) if m.due is not None or m.done is not None
        ]
        if isinstance(record, Project) and record.target is not None:
            finished = record.status is Status.operating
            items.append(Milestone(record.id, "target", "", record.target, None,
                                   not finished and record.target.end < as_of))
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
        {"owner": row["owner"], "kind": "issue", "record": row["record"], "what": row["title"], "due": row["due"],
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
            if report.region is not None and not any(rid in in_view for rid in decision.related):
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
        for report in record.progress:
            if since < report.date.start <= as_of:
                rows += [
                    (report.date, record.id, "report", figure.field, value, report.source)
                    for figure in FIGURES if (value := getattr(report, figure.field, None)) is not None
                ]
        rows += [
            (m.done, record.id, "milestone", None, m.name, m.source)
            for m in record.milestones if m.done is not None and since < m.done.start <= as_of
        ]
        for issue in record.issues:
            if since < issue.raised.start <= as_of:
                rows.append((issue.raised, record.id, "raised", None, issue.title, issue.source))
            if issue.resolved is not None and since < issue.resolved.start <= as_of:
                rows.append((issue.resolved, record.id, "resolved", None, issue.title, issue.source))
    rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
    for date, record_id, item, figure_field, value, source in rows:
        brief.changes.add(record=record_id, date=date, item=item, field=figure_field, value=value, source=source)
