"""The meeting view: everything `kitrack status` shows, built once as plain data.

`kitrack.output.status` renders it as a table, Markdown or JSON. Nothing here depends on the
language: reasons are codes, and dates and numbers stay raw, so the JSON is the same in every
language. Estates, projects and open issues are the rows of `kitrack list`, narrowed to the columns
the meeting needs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kitrack.domain import board
from kitrack.domain.board import Record
from kitrack.domain.defaults import DEFAULT_STALE_DAYS
from kitrack.domain.figures import PROGRESS
from kitrack.domain.kinds import ESTATE, INFRASTRUCTURE
from kitrack.domain.models import Estate, Project, Psn, Status
from kitrack.load.dataset import Dataset
from kitrack.views import tables
from kitrack.views.table import Column, Table
from kitrack.views.tables import Filters

DEFAULT_SINCE_DAYS = 30
SinceReason = Literal["meeting", "default", "given", "revision"]
# Why a record is listed as stale or unsourced, in the order they are given.
StaleReason = Literal["no-report", "latest-report", "unsourced", "unsourced-reports"]


@dataclass(frozen=True)
class Since:
    date: dt.date
    reason: SinceReason
    meeting: str | None = None  # the meeting id, or the git revision compared with


def default_since(data: Dataset, as_of: dt.date) -> Since:
    """The latest meeting before --as-of, or 30 days before it."""
    meetings = [m for m in data.meetings.values() if m.date.end < as_of]
    if meetings:
        latest = max(meetings, key=lambda m: (m.date.end, m.id))
        return Since(latest.date.end, "meeting", latest.id)
    return Since(as_of - dt.timedelta(days=DEFAULT_SINCE_DAYS), "default")


COUNT_COLUMNS = [
    Column("status", "stage"), Column("estates", "count", ESTATE.heading),
    Column("infrastructure", "count", INFRASTRUCTURE.heading),
]
REGION_COUNT_COLUMNS = [
    Column("region"), Column("name"), Column("estates", "count", ESTATE.heading),
    Column("infrastructure", "count", INFRASTRUCTURE.heading),
]
# The columns of `kitrack list`'s tables that the board shows.
ESTATE_KEYS = (
    "id", "name", "status", "psn", "basis", "regency", "area_ha", "occupied_ha", "occupancy_percent", "tenants",
    "latest_report",
)
PROJECT_KEYS = (
    "id", "section", "name", "kind", "status", "status_derived", "owner", PROGRESS.field, "percent_derived",
    "latest_report", "target",
)
# A section's target may be its phase's or project's (shown so): a column beside `target`.
TARGET = Column("target", "unit-target")
TARGET_INHERITED = Column("target_inherited", "bool")
ISSUE_KEYS = ("owner", "record", "section", "id", "title", "raised", "due")
# Physical progress as a bar, and its change in points since the comparison date: a number, "new"
# when there was no figure then, or None.
PROGRESS_BAR = Column(PROGRESS.field, "bar")
CHANGE = Column("change", "change")
OVERDUE_COLUMNS = [
    Column("record"), Column("section"), Column("kind", "overdue-item", "col.type"), Column("what"),
    Column("due", "date"),
    Column("days", "count", "col.overdue_days"), Column("owner"),
]
RISK_COLUMNS = [
    Column("id"), Column("section"), Column("name"), Column(PROGRESS.field, PROGRESS.format),
    Column("latest_report", "date"), Column("pace", "number"), Column("projected", "date"), Column("target", "date"),
]
TOO_FEW_COLUMNS = [Column("id"), Column("section"), Column("name"), Column("reports", "count")]
SLIPPED_COLUMNS = [
    Column("record"), Column("section"), Column("name"), Column("history", "slip-history"),
    Column("target", "date"), Column("slip_months", "count", "col.target_slip_months"), Column("stage", "status"),
    Column("owner"),
]
STALE_COLUMNS = [
    Column("record"), Column("name"), Column("reasons", "stale-reasons", "col.reason"),
    Column("unsourced_reports", "count"), Column("latest_report", "date"),
]


# The sections of the board, in the order they are shown.
SECTIONS = ("counts", "by_region", "estates", "infrastructure", "overdue", "at_risk", "slipped", "issues", "stale")


@dataclass
class StatusReport:
    as_of: dt.date
    since: Since
    region: str | None
    headline: dict[str, Any]
    sections: dict[str, Table] = field(default_factory=dict)  # by SECTIONS
    # Unfinished projects with too few reports to project, shown below the projects at risk.
    too_few: Table = field(default_factory=lambda: Table("too_few", TOO_FEW_COLUMNS))
    errors: int = 0


def build(data: Dataset, as_of: dt.date, since: Since, region: str | None = None, baseline: Dataset | None = None,
          stale_days: int = DEFAULT_STALE_DAYS, errors: int = 0) -> StatusReport:
    """`baseline` is the data to compare with (the data at a git revision); by default the same data
    at the `since` date."""
    filters = Filters(region=region)
    estates = [e for e in data.estates.values() if region in (None, e.region)]
    projects = [p for p in data.projects.values() if region in (None, *p.regions)]
    estate_stage = {e.id: board.stage(e, as_of) for e in estates}
    project_stage = {p.id: board.stage(p, as_of) for p in projects}
    planned = [e for e in estates if estate_stage[e.id] not in (None, Status.operating)]
    report = StatusReport(
        as_of=as_of, since=since, region=region, errors=errors,
        headline={
            "estates": {
                "operating": sum(1 for e in estates if estate_stage[e.id] is Status.operating),
                "planned": len(planned),
                "stage_unknown": sum(1 for e in estates if estate_stage[e.id] is None),
            },
            "planned_psn": _psn_counts(planned),
            "projects": len(projects),
            "projects_psn": _psn_counts(projects),
        },
    )
    stages: list[Status | None] = [*Status]
    if None in estate_stage.values() or None in project_stage.values():
        stages.append(None)
    report.sections["counts"] = Table("counts", COUNT_COLUMNS, [
        {
            "status": status.value if status is not None else None,
            "estates": sum(1 for value in estate_stage.values() if value is status),
            "infrastructure": sum(1 for value in project_stage.values() if value is status),
        }
        for status in stages
    ])
    estates_in = Counter(e.region for e in estates)
    projects_in = Counter(r for p in projects for r in p.regions)
    report.sections["by_region"] = Table("by_region", REGION_COUNT_COLUMNS, [
        {"region": r.id, "name": r.name, "estates": estates_in[r.id], "infrastructure": projects_in[r.id]}
        for r in data.regions.values() if region in (None, r.id)
    ])
    report.sections["estates"] = tables.estates(data, as_of, filters).select(ESTATE_KEYS)
    report.sections["infrastructure"] = _projects(data, as_of, since, baseline, filters)
    report.sections["overdue"] = _overdue(data, estates, projects, as_of, region)
    report.sections["at_risk"], report.too_few = _at_risk(projects, as_of)
    report.sections["slipped"] = _slipped(projects, as_of)
    issues = tables.issues(data, as_of, Filters(region=region, status="open"))
    issues.rows.sort(key=lambda row: (row["owner"], row["raised"].start, row["record"]))
    report.sections["issues"] = issues.select(ISSUE_KEYS)
    report.sections["stale"] = _stale([*estates, *projects], as_of, stale_days)
    return report


def _psn_counts(records: Sequence[Record]) -> dict[str, int]:
    return {
        "confirmed": sum(1 for r in records if r.psn is Psn.YES),
        "unconfirmed": sum(1 for r in records if r.psn is Psn.UNKNOWN),
        "not": sum(1 for r in records if r.psn is Psn.NO),
    }


def _projects(data: Dataset, as_of: dt.date, since: Since, baseline: Dataset | None, filters: Filters) -> Table:
    """The infrastructure rows of `kitrack list`, each followed by its top-level sections, with progress
    as a bar and its change since then (derived values included: the current value is compared)."""
    listed = tables.infrastructure(data, as_of, filters)
    columns = [column for column in listed.columns if column.key in PROJECT_KEYS]
    columns.insert(1, Column("section"))
    columns = [PROGRESS_BAR if column.key == PROGRESS.field else column for column in columns]
    columns.insert(columns.index(PROGRESS_BAR) + 1, CHANGE)
    columns = [TARGET if column.key == "target" else column for column in columns] + [TARGET_INHERITED]
    table = Table("infrastructure", columns)
    for row in listed.rows:
        project = data.projects[row["id"]]
        then_record = baseline.projects.get(row["id"]) if baseline is not None else project
        table.add(**{key: row.get(key) for key in PROJECT_KEYS if key != "section"}, section=None,
                  change=_change(row[PROGRESS.field], _then(then_record, None, since.date)), target_inherited=False)
        for unit in board.Unit(project).children():
            state = tables.unit_state(unit, as_of)
            table.add(
                id=project.id, section=unit.section_id, name=unit.name, kind=row["kind"], owner=row["owner"],
                latest_report=_unit_latest(unit, as_of),
                **{key: state[key] for key in (
                    "status", "status_derived", "percent", "percent_derived", "target", "target_inherited",
                )},
                change=_change(state["percent"], _then(then_record, unit.section_id, since.date)),
            )
    return table


def _unit_latest(unit: board.Unit, as_of: dt.date) -> Any:
    dates = [r.date for r in board.visible(unit.progress, as_of)]
    return max(dates, key=lambda d: (d.end, d.start)) if dates else None


def _then(project: Project | None, section: str | None, date: dt.date) -> float | None:
    if project is None:
        return None
    unit = board.Unit(project) if section is None else board.section_unit(project, section)
    if unit is None:
        return None
    value: float | None = board.current(unit, PROGRESS.field, date).value
    return value


def _change(now: float | None, then: float | None) -> float | str | None:
    if now is None:
        return None
    return "new" if then is None else round(now - then, 2)


def _overdue(data: Dataset, estates: Sequence[Estate], projects: Sequence[Project], as_of: dt.date,
             region: str | None) -> Table:
    records: list[Record] = [*estates, *projects]
    items = [item for record in records for item in board.overdue_of(record, as_of)]
    in_view = {record.id for record in records}
    for meeting in data.meetings.values():
        for item in board.overdue_of_meeting(meeting, as_of):
            related = meeting.decisions[int(item.path[1])].related
            # With --region, a decision belongs to the view when it names a record in the region.
            if region is None or any(rid in in_view for rid in related):
                items.append(item)
    table = Table("overdue", OVERDUE_COLUMNS)
    for item in sorted(items, key=lambda i: (i.due.end, i.record_id)):
        table.add(record=item.record_id, section=item.section, kind=item.item, what=item.what, due=item.due,
                  days=item.days(as_of), owner=item.owner)
    return table


def _at_risk(projects: Iterable[Project], as_of: dt.date) -> tuple[Table, Table]:
    """Per unit, project or section, on its own reported series and its target in force. A project
    whose sections report is judged by them: its own empty series is not "too few"."""
    at_risk, too_few = Table("at_risk", RISK_COLUMNS), Table("too_few", TOO_FEW_COLUMNS)
    for project in projects:
        for unit in board.units(project):
            projection = board.project(unit, as_of)
            if projection.state == "at-risk" and projection.pace_per_month is not None:
                at_risk.add(
                    id=project.id, section=unit.section_id, name=unit.name, percent=projection.percent,
                    latest_report=projection.reported, pace=round(projection.pace_per_month, 2),
                    projected=projection.projected, target=projection.target,
                )
            elif projection.state == "too-few" and board.stage(unit, as_of) is not Status.operating and (
                unit.section is not None or projection.reports or not project.sections
            ):
                too_few.add(id=project.id, section=unit.section_id, name=unit.name, reports=projection.reports)
    return at_risk, too_few


def _slipped(projects: Iterable[Project], as_of: dt.date) -> Table:
    table = Table("slipped", SLIPPED_COLUMNS)
    for project in projects:
        for unit in board.units(project):
            history = board.target_history(unit, as_of)
            if history.slipped:
                stage = board.stage(unit, as_of)
                table.add(
                    record=project.id, section=unit.section_id, name=unit.name, history=list(history.steps),
                    target=history.steps[-1], slip_months=history.slip_months,
                    stage=stage.value if stage is not None else None, owner=project.owner,
                )
    return table


def _stale(records: Iterable[Record], as_of: dt.date, stale_days: int) -> Table:
    table = Table("stale", STALE_COLUMNS)
    for record in records:
        reasons: list[StaleReason] = []
        stale, newest = board.stale_since(record, as_of, stale_days)
        if stale:
            reasons.append("no-report" if newest is None else "latest-report")
        if not record.sources:
            reasons.append("unsourced")
        unsourced = len(board.unsourced_reports(record))
        if unsourced:
            reasons.append("unsourced-reports")
        if reasons:
            table.add(record=record.id, name=record.name, reasons=reasons, unsourced_reports=unsourced,
                      latest_report=newest)
    return table
