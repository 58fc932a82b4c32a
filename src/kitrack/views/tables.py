"""Row builders shared by `list`, `status` and `export`: one builds, many render.

A `Table` (kitrack.output.table) holds column definitions and rows of raw values (numbers stay
numbers, dates stay `PartialDate`, missing stays None). Renderers in `kitrack.output.render` turn
the same table into a Rich table, CSV, TSV, JSON or Markdown, formatting numbers and dates for the
language at the last moment.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from kitrack.domain import board
from kitrack.load.dataset import Dataset
from kitrack.domain.models import Estate, Project
from kitrack.output.table import Column, Table


@dataclass(frozen=True)
class Filters:
    region: Optional[str] = None
    status: Optional[str] = None
    kind: Optional[str] = None
    owner: Optional[str] = None
    psn: Optional[bool] = None
    overdue: bool = False

    def given(self) -> list[str]:
        """The filters asked for: `--no-psn` (psn False) is one; `overdue` False is not."""
        return [name for name, value in vars(self).items() if value is not None and not (name == "overdue" and value is False)]

    def describe(self) -> str:
        """The filters as they were typed: `--region gerbangkertosusila --no-psn --overdue`."""
        parts = []
        for name in self.given():
            value = getattr(self, name)
            if name == "psn":
                parts.append("--psn" if value else "--no-psn")
            elif value is True:
                parts.append(f"--{name}")
            else:
                parts.append(f"--{name} {value}")
        return " ".join(parts)


# Which filters each table understands; any other given filter is a usage error.
APPLICABLE = {
    "estates": {"region", "status", "owner", "psn", "overdue"},
    "infrastructure": {"region", "status", "kind", "owner", "psn", "overdue"},
    "issues": {"region", "status", "owner", "overdue"},
    "regions": {"region"},
    "agencies": {"kind"},
    # The tables below hang off estates and infrastructure: a filter chooses the parent records.
    "progress": {"region", "status", "kind", "owner", "psn", "overdue"},
    "milestones": {"region", "status", "kind", "owner", "psn", "overdue"},
    "sources": {"region", "status", "kind", "owner", "psn", "overdue"},
    "regencies": {"region"},
}

ESTATE_COLUMNS = [
    Column("id"), Column("name"), Column("status", "status"), Column("psn", "bool"), Column("basis", "list"),
    Column("region"), Column("regency"), Column("operator"), Column("area_ha", "number"),
    Column("occupied_ha", "number"), Column("occupancy_percent", "percent"), Column("tenants", "number"),
    Column("investment_idr_bn", "number"), Column("latest_report", "date"),
]
PROJECT_COLUMNS = [
    Column("id"), Column("name"), Column("kind", "project-kind"), Column("status", "status"), Column("psn", "bool"),
    Column("region"), Column("owner"), Column("funding"), Column("percent", "percent"),
    Column("land_percent", "percent"), Column("latest_report", "date"), Column("target", "date"),
    Column("budget_idr_bn", "number"), Column("length_km", "number"), Column("serves", "list"),
]
ISSUE_COLUMNS = [
    Column("record"), Column("id"), Column("title"), Column("owner"), Column("raised", "date"),
    Column("due", "date"), Column("status", "issue-status"), Column("related", "list"),
]
REGION_COLUMNS = [
    Column("id"), Column("name"), Column("priority", "bool"), Column("members_verified", "bool"), Column("regency_count", "number"),
    Column("estate_count", "number"), Column("project_count", "number"),
]
AGENCY_COLUMNS = [
    Column("id"), Column("name"), Column("short"), Column("type"), Column("estate_count", "number"),
    Column("project_count", "number"), Column("open_issues", "number"),
]

# `record_kind` names the table that holds the record: estates, infrastructure (or regions, for sources);
# `position` is the 0-based place of a report or milestone in its record, as in `progress[2]` in
# `kitrack check` messages.
PROGRESS_COLUMNS = [
    Column("record_kind"), Column("record"), Column("position", "number"), Column("date", "date"), Column("source"),
    Column("area_ha", "number"), Column("occupied_ha", "number"), Column("available_ha", "number"),
    Column("occupancy_percent", "percent"), Column("tenants", "number"), Column("investment_idr_bn", "number"),
    Column("percent", "percent"), Column("land_percent", "percent"), Column("length_km", "number"),
    Column("capacity_lps", "number"), Column("capacity_mmscfd", "number"), Column("capacity_mtpa", "number"),
    Column("note"),
]
PROGRESS_FIGURES = [c.key for c in PROGRESS_COLUMNS[5:-1]]
MILESTONE_COLUMNS = [
    Column("record_kind"), Column("record"), Column("position", "number"), Column("name", "text", "col.milestone"),
    Column("due", "date"), Column("done", "date"), Column("source"), Column("overdue", "bool"),
]
SOURCE_COLUMNS = [
    Column("record_kind"), Column("record"), Column("id"), Column("url"), Column("title", "text", "col.source_title"),
    Column("publisher"), Column("date", "date"),
]
REGENCY_COLUMNS = [Column("id"), Column("name"), Column("region")]


def _matches(record: Estate | Project, filters: Filters, as_of: dt.date) -> bool:
    if filters.region and record.region != filters.region:
        return False
    if filters.status and record.status.value != filters.status:
        return False
    if filters.kind and getattr(record, "kind", None) is not None and record.kind.value != filters.kind:
        return False
    if filters.owner and filters.owner not in (getattr(record, "owner", None), getattr(record, "operator", None)):
        return False
    if filters.psn is not None and record.psn != filters.psn:
        return False
    if filters.overdue and not any(True for _ in board.overdue_of(record, as_of)):
        return False
    return True


def estates(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    rows = []
    for estate in data.estates.values():
        if not _matches(estate, filters, as_of):
            continue
        latest = board.latest(estate, as_of)
        value = lambda name: board.latest_value(estate, name, as_of)[0]  # noqa: E731
        rows.append({
            "id": estate.id, "name": estate.name, "status": estate.status.value, "psn": estate.psn,
            "basis": list(estate.basis), "region": estate.region, "regency": estate.regency,
            "operator": estate.operator, "area_ha": board.area(estate, as_of),
            "occupied_ha": value("occupied_ha"), "occupancy_percent": value("occupancy_percent"),
            "tenants": value("tenants"), "investment_idr_bn": value("investment_idr_bn"),
            "latest_report": latest.date if latest else None,
        })
    return Table("estates", ESTATE_COLUMNS, rows)


def infrastructure(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    rows = []
    for project in data.projects.values():
        if not _matches(project, filters, as_of):
            continue
        percent, reported = board.latest_value(project, "percent", as_of)
        latest = board.latest(project, as_of)
        rows.append({
            "id": project.id, "name": project.name, "kind": project.kind.value, "status": project.status.value,
            "psn": project.psn, "region": project.region, "owner": project.owner,
            "funding": project.funding.value if project.funding else None,
            "percent": percent, "land_percent": board.latest_value(project, "land_percent", as_of)[0],
            "latest_report": latest.date if latest else None, "target": project.target,
            "budget_idr_bn": project.budget_idr_bn, "length_km": project.length_km, "serves": list(project.serves),
        })
    return Table("infrastructure", PROJECT_COLUMNS, rows)


def issues(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    rows = []
    for record in data.records():
        if filters.region and record.region != filters.region:
            continue
        overdue = {item.path[1] for item in board.overdue_of(record, as_of) if item.kind == "issue"}
        for position, issue in enumerate(record.issues):
            if issue.raised.start > as_of:
                continue
            state = "open" if board.issue_open(issue, as_of) else "resolved"
            if filters.status and state != filters.status:
                continue
            if filters.owner and issue.owner != filters.owner:
                continue
            if filters.overdue and position not in overdue:
                continue
            rows.append({
                "record": record.id, "id": issue.id, "title": issue.title, "owner": issue.owner,
                "raised": issue.raised, "due": issue.due, "status": state, "related": list(issue.related),
            })
    rows.sort(key=lambda row: (row["raised"].start, row["record"]))
    return Table("issues", ISSUE_COLUMNS, rows)


def regions(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    rows = []
    estates_in = Counter(e.region for e in data.estates.values())
    projects_in = Counter(p.region for p in data.projects.values())
    for region in data.regions.values():
        if filters.region and region.id != filters.region:
            continue
        rows.append({
            "id": region.id, "name": region.name, "priority": region.priority, "members_verified": region.members_verified,
            "regency_count": len(region.regencies),
            "estate_count": estates_in[region.id], "project_count": projects_in[region.id],
        })
    return Table("regions", REGION_COLUMNS, rows)


def agencies(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    operated: dict[str, int] = {}
    owned: dict[str, int] = {}
    open_issues: dict[str, int] = {}
    for estate in data.estates.values():
        if estate.operator:
            operated[estate.operator] = operated.get(estate.operator, 0) + 1
    for project in data.projects.values():
        owned[project.owner] = owned.get(project.owner, 0) + 1
    for record in data.records():
        for issue in record.issues:
            if board.issue_open(issue, as_of):
                open_issues[issue.owner] = open_issues.get(issue.owner, 0) + 1
    rows = [
        {
            "id": agency.id, "name": agency.name, "short": agency.short, "type": agency.type.value,
            "estate_count": operated.get(agency.id, 0), "project_count": owned.get(agency.id, 0),
            "open_issues": open_issues.get(agency.id, 0),
        }
        for agency in data.agencies.values()
        if not filters.kind or agency.type.value == filters.kind
    ]
    return Table("agencies", AGENCY_COLUMNS, rows)


def _chosen(data: Dataset, as_of: dt.date, filters: Filters) -> Iterable[tuple[str, Estate | Project]]:
    """Estates and projects chosen by the filters, as `list estates` and `list infrastructure` choose
    them (`--kind` narrows infrastructure only), with the name of their table."""
    for estate in data.estates.values():
        if _matches(estate, filters, as_of):
            yield "estates", estate
    for project in data.projects.values():
        if _matches(project, filters, as_of):
            yield "infrastructure", project


def progress(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    """One row per dated report visible as of the date, with every figure it gives."""
    rows = []
    for kind, record in _chosen(data, as_of, filters):
        for position, report in enumerate(record.progress):
            if report.date.start > as_of:
                continue
            row = {"record_kind": kind, "record": record.id, "position": position, "date": report.date,
                   "source": report.source, "note": report.note}
            row.update({name: getattr(report, name, None) for name in PROGRESS_FIGURES})
            rows.append(row)
    return Table("progress", PROGRESS_COLUMNS, rows)


def milestones(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    """One row per milestone; `done` only once it has happened as of the date."""
    rows = []
    for kind, record in _chosen(data, as_of, filters):
        late = {item.path[1] for item in board.overdue_of(record, as_of) if item.kind == "milestone"}
        for position, milestone in enumerate(record.milestones):
            done = milestone.done if board.done_by(milestone.done, as_of) else None
            overdue = position in late
            rows.append({
                "record_kind": kind, "record": record.id, "position": position, "name": milestone.name,
                "due": milestone.due, "done": done, "source": milestone.source, "overdue": overdue,
            })
    return Table("milestones", MILESTONE_COLUMNS, rows)


def sources(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    """Every source cited by the chosen records, and by the regions (all of them, or `--region`'s)."""
    rows = []

    def add(kind: str, record_id: str, cited: Iterable) -> None:
        for source in cited:
            rows.append({"record_kind": kind, "record": record_id, "id": source.id, "url": source.url,
                         "title": source.title, "publisher": source.publisher, "date": source.date})

    for kind, record in _chosen(data, as_of, filters):
        add(kind, record.id, record.sources)
    for region in data.regions.values():
        if not filters.region or region.id == filters.region:
            add("regions", region.id, region.sources)
    return Table("sources", SOURCE_COLUMNS, rows)


def regencies(data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    rows = [
        {"id": regency.id, "name": regency.name, "region": region.id}
        for region in data.regions.values()
        if not filters.region or region.id == filters.region
        for regency in region.regencies
    ]
    return Table("regencies", REGENCY_COLUMNS, rows)


BUILDERS: dict[str, Callable[[Dataset, dt.date, Filters], Table]] = {
    "estates": estates,
    "infrastructure": infrastructure,
    "issues": issues,
    "regions": regions,
    "agencies": agencies,
    "progress": progress,
    "milestones": milestones,
    "sources": sources,
    "regencies": regencies,
}


def build(name: str, data: Dataset, as_of: dt.date, filters: Filters = Filters()) -> Table:
    return BUILDERS[name](data, as_of, filters)

