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
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from kitrack.domain import board, decisions
from kitrack.domain.board import Record
from kitrack.domain.defaults import DEFAULT_STALE_DAYS
from kitrack.domain.figures import PROGRESS
from kitrack.domain.kinds import ESTATE, INFRASTRUCTURE
from kitrack.domain.models import Estate, Project, Psn, Status
from kitrack.load.dataset import Dataset
from kitrack.views import meetings, tables
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
    """The last meeting (the latest on or before --as-of), or 30 days before it."""
    latest = meetings.last_meeting(data, as_of)
    if latest is not None:
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
# What a person can ask to see (`--section`): the meeting cycle (what changed since the last meeting
# and the open decisions), then the tables. What needs attention is shown by default, below the
# headline; `--full` shows everything.
SHOWABLE = ("meeting", *SECTIONS)
COMPACT = ("meeting", "overdue", "at_risk", "slipped")

# On a narrow terminal, per section: the columns dropped first to last (the others always stay),
# and the names cut with an ellipsis before any column is dropped.
DROP_FIRST: dict[str, tuple[str, ...]] = {
    "by_region": ("region",),
    "estates": (
        "basis", "occupied_ha", "regency", "tenants", "psn", "occupancy_percent", "name", "latest_report",
        "area_reported", "area_ha",
    ),
    "infrastructure": ("kind", "target", "latest_report", "owner", "name", "change"),
    "overdue": ("due", "owner"),
    "at_risk": ("latest_report", "pace", "percent", "name"),
    "slipped": ("stage", "owner", "target", "name"),
    "issues": ("id", "raised", "due", "record"),
}
SHORTENED = frozenset({"name", "what", "title"})


def _narrowable(table: Table) -> Table:
    """The table with its columns' `drop` priorities and `shorten` marks (DROP_FIRST, SHORTENED)."""
    order = DROP_FIRST.get(table.name, ())
    columns = [
        replace(c, drop=len(order) - order.index(c.key) if c.key in order else 0, shorten=c.key in SHORTENED)
        for c in table.columns
    ]
    return Table(table.name, columns, table.rows)


@dataclass
class StatusReport:
    as_of: dt.date
    since: Since
    region: str | None
    headline: dict[str, Any]
    sections: dict[str, Table] = field(default_factory=dict)  # by SECTIONS
    shown: tuple[str, ...] = COMPACT  # the sections a person sees (JSON has them all)
    agencies: dict[str, str] = field(default_factory=dict)  # an agency's id -> its short name
    stale_days: int = DEFAULT_STALE_DAYS
    projected: int = 0  # units whose pace could be projected; with none, "at risk: none" says nothing
    # Unfinished projects with too few reports to project, shown below the projects at risk.
    too_few: Table = field(default_factory=lambda: Table("too_few", TOO_FEW_COLUMNS))
    errors: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (id, file) of each record that failed to load
    cycle: meetings.Cycle | None = None  # open decisions and what changed since the last meeting


def build(data: Dataset, as_of: dt.date, since: Since, region: str | None = None, baseline: Dataset | None = None,
          stale_days: int = DEFAULT_STALE_DAYS, errors: int = 0, shown: Sequence[str] = COMPACT) -> StatusReport:
    """`baseline` is the data to compare with (the data at a git revision); by default the same data
    at the `since` date. `shown`: the sections a person sees, in any order (shown in SHOWABLE's)."""
    filters = Filters(region=region)
    estates = [e for e in data.estates.values() if region in (None, e.region)]
    projects = [p for p in data.projects.values() if region in (None, *p.regions)]
    estate_stage = {e.id: board.stage(e, as_of) for e in estates}
    project_stage = {p.id: board.stage(p, as_of) for p in projects}
    planned = [e for e in estates if estate_stage[e.id] not in (None, Status.operating)]
    report = StatusReport(
        as_of=as_of, since=since, region=region, errors=errors, left_out=data.left_out, stale_days=stale_days,
        shown=tuple(key for key in SHOWABLE if key in shown),
        agencies={agency.id: agency.short or agency.id for agency in data.agencies.values()},
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
    report.sections["estates"] = _estates(data, as_of, filters)
    report.sections["infrastructure"] = _projects(data, as_of, since, baseline, filters)
    report.sections["overdue"] = _overdue(data, estates, projects, as_of, region)
    report.sections["at_risk"], report.too_few, report.projected = _at_risk(projects, as_of)
    report.sections["slipped"] = _slipped(projects, as_of)
    issues = tables.issues(data, as_of, Filters(region=region, status="open"))
    issues.rows.sort(key=lambda row: (row["owner"], row["raised"].start, row["record"]))
    report.sections["issues"] = issues.select(ISSUE_KEYS)
    report.sections["stale"] = _stale([*estates, *projects], as_of, stale_days)
    then = meetings.Then(baseline, as_of) if baseline is not None else meetings.Then(data, since.date)
    report.cycle = meetings.build(data, then, as_of, [*estates, *projects], region)
    report.sections = {key: _narrowable(table) for key, table in report.sections.items()}
    return report


AREA_REPORTED = Column("area_reported", "date")


def _estates(data: Dataset, as_of: dt.date, filters: Filters) -> Table:
    """The estates of `kitrack list`, with the date of the report that gave each area: the latest
    report as of the date that gives one, as `show` takes it, which need not be the latest report."""
    listed = tables.estates(data, as_of, filters).select(ESTATE_KEYS)
    columns = list(listed.columns)
    columns.insert(ESTATE_KEYS.index("area_ha") + 1, AREA_REPORTED)
    return Table("estates", columns, [
        {**row, "area_reported": board.latest_value(data.estates[row["id"]], "area_ha", as_of)[1]}
        for row in listed.rows
    ])


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
                  change=_change(row[PROGRESS.field], _then(then_record, None, since.date),
                                 _reported_between(board.Unit(project), since.date, as_of)),
                  target_inherited=False)
        for unit in board.Unit(project).children():
            state = tables.unit_state(unit, as_of)
            table.add(
                id=project.id, section=unit.section_id, name=unit.name, kind=row["kind"], owner=row["owner"],
                latest_report=_unit_latest(unit, as_of),
                **{key: state[key] for key in (
                    "status", "status_derived", "percent", "percent_derived", "target", "target_inherited",
                )},
                change=_change(state["percent"], _then(then_record, unit.section_id, since.date),
                               _reported_between(unit, since.date, as_of)),
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


def _reported_between(unit: board.Unit, since: dt.date, as_of: dt.date) -> bool:
    """A report of the unit or of its sections became visible after `since`, up to `as_of`."""
    if any(board.is_visible(r, as_of) and not board.is_visible(r, since) for r in unit.progress):
        return True
    return any(_reported_between(child, since, as_of) for child in unit.children())


def _change(now: float | None, then: float | None, reported: bool) -> float | str | None:
    """The change in points, or "new"; None when there is no figure, and for no change without a
    report in the period (a figure nobody reported on since then did not hold still: nobody looked)."""
    if now is None:
        return None
    if then is None:
        return "new"
    change = round(now - then, 2)
    return change if change or reported else None


def _overdue(data: Dataset, estates: Sequence[Estate], projects: Sequence[Project], as_of: dt.date,
             region: str | None) -> Table:
    records: list[Record] = [*estates, *projects]
    items = [item for record in records for item in board.overdue_of(record, as_of)]
    in_view = {record.id for record in records}
    carried = decisions.carried(data.meetings.values(), as_of)
    for meeting in data.meetings.values():
        for item in board.overdue_of_meeting(meeting, as_of, carried):
            related = meeting.decisions[int(item.path[1])].related
            # With --region, a decision belongs to the view when it names a record in the region.
            if region is None or any(rid in in_view for rid in related):
                items.append(item)
    table = Table("overdue", OVERDUE_COLUMNS)
    for item in sorted(items, key=lambda i: (i.due.end, i.record_id)):
        table.add(record=item.record_id, section=item.section, kind=item.item, what=item.what, due=item.due,
                  days=item.days(as_of), owner=item.owner)
    return table


def _at_risk(projects: Iterable[Project], as_of: dt.date) -> tuple[Table, Table, int]:
    """Per unit, project or section, on its own reported series and its target in force. A project
    whose sections report is judged by them: its own empty series is not "too few". With the two
    tables, how many units had a pace to project."""
    at_risk, too_few = Table("at_risk", RISK_COLUMNS), Table("too_few", TOO_FEW_COLUMNS)
    projected = 0
    for project in projects:
        for unit in board.units(project):
            projection = board.project(unit, as_of)
            projected += projection.pace_per_month is not None
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
    return at_risk, too_few, projected


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
