"""Row builders shared by `list`, `status`, `show` and `export`: one builds, many render.

A `Table` (kitrack.views.table) holds column definitions and rows of raw values (numbers stay
numbers, dates stay `PartialDate`, missing stays None). Renderers in `kitrack.output` turn the same
table into a Rich table, CSV, TSV, JSON or Markdown, formatting numbers and dates for the language at
the last moment. What is visible, open or done as of a date is `kitrack.domain.board`'s to say.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from kitrack.domain import board
from kitrack.domain.board import Record
from kitrack.domain.figures import BY_FIELD, FIGURES
from kitrack.domain.kinds import REGION, of_model
from kitrack.domain.models import AgencyType, Estate, IssueStatus, Project, ProjectKind, Region, Source, Status
from kitrack.domain.problems import Term, TermError
from kitrack.domain.suggestions import closest
from kitrack.load.dataset import Dataset
from kitrack.views.table import Column, Row, Table


class FilterError(TermError):
    """A filter that does not apply, or names what does not exist: a usage error."""


@dataclass(frozen=True)
class Filters:
    region: str | None = None
    status: str | None = None
    kind: str | None = None
    owner: str | None = None
    psn: bool | str | None = None  # True, False or "unknown"
    overdue: bool = False

    def given(self) -> list[str]:
        """The filters asked for: `--no-psn` (psn False) is one; `overdue` False is not."""
        asked = [name for name, value in vars(self).items() if value is not None]
        return [name for name in asked if not (name == "overdue" and self.overdue is False)]

    def describe(self) -> str:
        """The filters as they were typed: `--region gerbangkertosusila --no-psn --overdue`."""
        parts = []
        for name in self.given():
            value = getattr(self, name)
            if name == "psn":
                parts.append("--psn-unknown" if value == "unknown" else "--psn" if value else "--no-psn")
            elif value is True:
                parts.append(f"--{name}")
            else:
                parts.append(f"--{name} {value}")
        return " ".join(parts)

    def validate(self, table: str | None = None) -> None:
        """Raise FilterError for a filter `table` does not take (None: an export, where every
        filter applies), or a status or kind no record there can have."""
        if table is not None:
            for name in self.given():
                if name not in APPLICABLE[table]:
                    raise FilterError(Term("error.bad_filter", option=name, table=table))
        statuses = [s.value for s in (IssueStatus if table == "issues" else Status)]
        kinds = [k.value for k in (AgencyType if table == "agencies" else ProjectKind)]
        for option, value, allowed in (("--status", self.status, statuses), ("--kind", self.kind, kinds)):
            if value is not None and value not in allowed:
                raise FilterError(Term("error.bad_value", value=value, option=option, choices=", ".join(allowed)))

    def validate_region(self, regions: Collection[str]) -> None:
        """Raise FilterError, with the nearest ids, if the region is not one of `regions`."""
        if self.region is not None and self.region not in regions:
            nearest = closest(self.region, sorted(regions))
            raise FilterError(Term("error.unknown_region", region=self.region, choices=nearest))


# Which filters each table understands; any other given filter is a usage error.
APPLICABLE = {
    "estates": {"region", "status", "owner", "psn", "overdue"},
    "infrastructure": {"region", "status", "kind", "owner", "psn", "overdue"},
    "issues": {"region", "status", "owner", "overdue"},
    "regions": {"region"},
    "agencies": {"kind"},
    # The tables below hang off estates and infrastructure: a filter chooses the parent records.
    "sections": {"region", "status", "kind", "owner", "psn", "overdue"},
    "progress": {"region", "status", "kind", "owner", "psn", "overdue"},
    "milestones": {"region", "status", "kind", "owner", "psn", "overdue"},
    "sources": {"region", "status", "kind", "owner", "psn", "overdue"},
    "regencies": {"region"},
}

NO_FILTERS = Filters()


def _figure(field: str) -> Column:
    """The column of a figure, formatted as the figure registry says."""
    return Column(field, BY_FIELD[field].format)


ESTATE_COLUMNS = [
    Column("id"), Column("name"), Column("status", "status"), Column("psn", "bool"), Column("basis", "list"),
    Column("region"), Column("regency"), Column("regency_code"), Column("operator"), _figure("area_ha"),
    _figure("occupied_ha"), _figure("occupancy_percent"), _figure("tenants"), _figure("investment_idr_bn"),
    Column("latest_report", "date"), Column("location_precision"),
]
PROJECT_COLUMNS = [
    Column("id"), Column("name"), Column("kind", "project-kind"), Column("status", "status"),
    Column("status_derived", "bool"), Column("psn", "bool"), Column("regions", "list"), Column("owner"),
    Column("funding"), _figure("percent"), Column("percent_derived", "bool"), _figure("land_percent"),
    Column("latest_report", "date"), Column("target", "date"), Column("target_slip_months", "count"),
    _figure("budget_idr_bn"), _figure("length_km"), _figure("operating_km"), Column("serves", "list"),
    Column("sections", "count"), Column("location_precision"),
]
SECTION_COLUMNS = [
    Column("record"), Column("id"), Column("within"), Column("name"), Column("regencies", "list"),
    Column("status", "status"), Column("status_derived", "bool"), _figure("percent"), Column("percent_derived", "bool"),
    _figure("land_percent"), _figure("length_km"), Column("target", "date"), Column("target_slip_months", "count"),
    Column("latest_report", "date"),
]
ISSUE_COLUMNS = [
    Column("record"), Column("section"), Column("id"), Column("title"), Column("owner"), Column("raised", "date"),
    Column("due", "date"), Column("status", "issue-status"), Column("related", "list"),
]
REGION_COLUMNS = [
    Column("id"), Column("name"), Column("priority", "bool"), Column("members_verified", "bool"),
    Column("regency_count", "count"), Column("estate_count", "count"), Column("project_count", "count"),
]
AGENCY_COLUMNS = [
    Column("id"), Column("name"), Column("short"), Column("type"), Column("estate_count", "count"),
    Column("project_count", "count"), Column("open_issues", "count"),
]

# `record_kind` names the table that holds the record: estates, infrastructure (or regions, for sources);
# `position` is the 0-based place of a report or milestone in its record, as in `progress[2]` in
# `kitrack check` messages. Progress has a column for every figure, in the registry's order.
PROGRESS_COLUMNS = [
    Column("record_kind"), Column("record"), Column("section"), Column("position", "count"), Column("date", "date"),
    Column("source"), Column("status", "status"), Column("target", "date"), Column("funding"),
    *(Column(figure.field, figure.format) for figure in FIGURES), Column("note"),
]
MILESTONE_COLUMNS = [
    Column("record_kind"), Column("record"), Column("section"), Column("position", "count"),
    Column("name", "text", "col.milestone"),
    Column("due", "date"), Column("done", "date"), Column("source"), Column("overdue", "bool"),
]
SOURCE_COLUMNS = [
    Column("record_kind"), Column("record"), Column("id"), Column("url"), Column("title", "text", "col.source_title"),
    Column("publisher"), Column("date", "date"), Column("kind"),
]
REGENCY_COLUMNS = [Column("id"), Column("name"), Column("code"), Column("region")]


def regions_of(record: Record) -> list[str]:
    """The regions a record lies in: an estate's one, a project's every one."""
    return list(record.regions) if isinstance(record, Project) else [record.region]


def in_region(record: Record, region: str | None) -> bool:
    return region is None or region in regions_of(record)


def stage_code(record: Record, as_of: dt.date) -> str | None:
    stage = board.stage(record, as_of)
    return stage.value if stage is not None else None


def _matches(record: Record, filters: Filters, as_of: dt.date) -> bool:
    if filters.region and not in_region(record, filters.region):
        return False
    if filters.status and stage_code(record, as_of) != filters.status:
        return False
    if filters.kind and not isinstance(record, Estate) and record.kind.value != filters.kind:
        return False
    if filters.owner and filters.owner not in (getattr(record, "owner", None), record.operator):
        return False
    if filters.psn is not None and record.psn.value != filters.psn:
        return False
    return not filters.overdue or any(True for _ in board.overdue_of(record, as_of))


def _latest(subject: Record | board.Unit, field: str, as_of: dt.date) -> float | None:
    return board.latest_value(subject, field, as_of)[0]


def estates(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    table = Table("estates", ESTATE_COLUMNS)
    for estate in data.estates.values():
        if not _matches(estate, filters, as_of):
            continue
        table.add(
            id=estate.id, name=estate.name, status=stage_code(estate, as_of), psn=estate.psn.value,
            basis=board.basis_ids(estate), region=estate.region, regency=estate.regency,
            regency_code=data.regency_code.get(estate.regency), operator=estate.operator,
            area_ha=board.area(estate, as_of), occupied_ha=_latest(estate, "occupied_ha", as_of),
            occupancy_percent=_latest(estate, "occupancy_percent", as_of), tenants=_latest(estate, "tenants", as_of),
            investment_idr_bn=_latest(estate, "investment_idr_bn", as_of),
            latest_report=board.latest_date(estate, as_of),
            location_precision=estate.location.precision.value if estate.location else None,
        )
    return table


def unit_state(unit: board.Unit, as_of: dt.date) -> Row:
    """The stage, progress and target of a project or section as of the date, derived values marked."""
    stage = board.current(unit, "status", as_of)
    percent = board.current(unit, "percent", as_of)
    target, inherited = board.target_in_force(unit, as_of)
    funding = board.reported(unit, "funding", as_of)[0]
    return {
        "status": stage.value.value if stage.value is not None else None, "status_derived": stage.derived,
        "percent": percent.value, "percent_derived": percent.derived,
        "land_percent": _latest(unit, "land_percent", as_of), "target": target, "target_inherited": inherited,
        "target_slip_months": board.target_history(unit, as_of).slip_months or None,
        "funding": funding.value if funding is not None else None,
    }


def infrastructure(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    table = Table("infrastructure", PROJECT_COLUMNS)
    for project in data.projects.values():
        if not _matches(project, filters, as_of):
            continue
        unit = board.Unit(project)
        table.add(
            id=project.id, name=project.name, kind=project.kind.value, psn=project.psn.value,
            regions=list(project.regions), owner=project.owner,
            **{key: value for key, value in unit_state(unit, as_of).items() if key != "target_inherited"},
            latest_report=board.latest_date(project, as_of),
            budget_idr_bn=_latest(project, "budget_idr_bn", as_of), length_km=_latest(project, "length_km", as_of),
            operating_km=_latest(project, "operating_km", as_of), serves=list(project.serves),
            sections=len(project.sections),
            location_precision=project.location.precision.value if project.location else None,
        )
    return table


def record_sections(project: Project, as_of: dt.date) -> Table:
    """One row per section of a project, with its stage, progress and target as of the date."""
    table = Table("sections", SECTION_COLUMNS)
    for unit in board.units(project)[1:]:
        section = unit.section
        assert section is not None
        state = unit_state(unit, as_of)
        dates = [report.date for report in board.visible(section.progress, as_of)]
        table.add(
            record=project.id, id=section.id, within=section.within, name=section.name,
            regencies=list(section.regencies), length_km=_latest(unit, "length_km", as_of),
            latest_report=max(dates, key=lambda d: (d.end, d.start)) if dates else None,
            **{key: state[key] for key in (
                "status", "status_derived", "percent", "percent_derived", "land_percent", "target",
                "target_slip_months",
            )},
        )
    return table


def sections(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    rows = [
        row for record in _chosen(data, as_of, filters) if isinstance(record, Project)
        for row in record_sections(record, as_of).rows
    ]
    return Table("sections", SECTION_COLUMNS, rows)


def record_issues(record: Record, as_of: dt.date) -> Table:
    """The issues of one record raised by the date, open or resolved as of it, in the record's order."""
    return Table("issues", ISSUE_COLUMNS, [row for _, row in _issue_rows(record, as_of)])


def _issue_rows(record: Record, as_of: dt.date) -> Iterator[tuple[board.Path, Row]]:
    """(path in the record, row) of each issue of the record and its sections raised by the date."""
    for unit in board.units(record):
        for position, issue in enumerate(unit.issues):
            state = board.issue_state(issue, as_of)
            if state is not None:
                yield (*unit.prefix, "issues", position), {
                    "record": record.id, "section": unit.section_id, "id": issue.id, "title": issue.title,
                    "owner": issue.owner, "raised": issue.raised, "due": issue.due, "status": state,
                    "related": list(issue.related),
                }


def issues(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    rows = []
    for record in data.records():
        if not in_region(record, filters.region):
            continue
        overdue = {item.path for item in board.overdue_of(record, as_of) if item.item == "issue"}
        for path, row in _issue_rows(record, as_of):
            if filters.status and row["status"] != filters.status:
                continue
            if filters.owner and row["owner"] != filters.owner:
                continue
            if filters.overdue and (*path, "due") not in overdue:
                continue
            rows.append(row)
    rows.sort(key=lambda row: (row["raised"].start, row["record"]))
    return Table("issues", ISSUE_COLUMNS, rows)


def regions(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    table = Table("regions", REGION_COLUMNS)
    estates_in = Counter(e.region for e in data.estates.values())
    projects_in = Counter(region for p in data.projects.values() for region in p.regions)
    for region in data.regions.values():
        if filters.region and region.id != filters.region:
            continue
        table.add(
            id=region.id, name=region.name, priority=region.priority, members_verified=region.members_verified,
            regency_count=len(region.regencies), estate_count=estates_in[region.id],
            project_count=projects_in[region.id],
        )
    return table


def agencies(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    operated = Counter(estate.operator for estate in data.estates.values() if estate.operator)
    owned = Counter(project.owner for project in data.projects.values())
    open_issues = Counter(
        issue.owner for record in data.records() for unit in board.units(record) for issue in unit.issues
        if board.issue_open(issue, as_of)
    )
    table = Table("agencies", AGENCY_COLUMNS)
    for agency in data.agencies.values():
        if not filters.kind or agency.type.value == filters.kind:
            table.add(
                id=agency.id, name=agency.name, short=agency.short, type=agency.type.value,
                estate_count=operated[agency.id], project_count=owned[agency.id], open_issues=open_issues[agency.id],
            )
    return table


def _chosen(data: Dataset, as_of: dt.date, filters: Filters) -> Iterator[Record]:
    """Estates and projects chosen by the filters, as `list estates` and `list infrastructure` choose
    them (`--kind` narrows infrastructure only)."""
    yield from (estate for estate in data.estates.values() if _matches(estate, filters, as_of))
    yield from (project for project in data.projects.values() if _matches(project, filters, as_of))


def _table_of(record: Record) -> str:
    """The table that lists a record: the `record_kind` of its reports, milestones and sources."""
    return of_model(type(record)).table


def progress(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    """One row per dated report visible as of the date, with every figure it gives."""
    table = Table("progress", PROGRESS_COLUMNS)
    for record in _chosen(data, as_of, filters):
        for unit in board.units(record):
            for position, report in enumerate(unit.progress):
                if board.is_visible(report, as_of):
                    funding = getattr(report, "funding", None)
                    table.add(
                        record_kind=_table_of(record), record=record.id, section=unit.section_id, position=position,
                        date=report.date, source=report.source, note=report.note,
                        status=report.status.value if report.status else None, target=report.target,
                        funding=funding.value if funding else None,
                        **{figure.field: getattr(report, figure.field, None) for figure in FIGURES},
                    )
    return table


def record_milestones(record: Record, as_of: dt.date) -> Table:
    """One row per milestone of one record; `done` only once it has happened as of the date."""
    late = {item.path for item in board.overdue_of(record, as_of) if item.item == "milestone"}
    table = Table("milestones", MILESTONE_COLUMNS)
    for unit in board.units(record):
        for position, milestone in enumerate(unit.milestones):
            table.add(
                record_kind=_table_of(record), record=record.id, section=unit.section_id, position=position,
                name=milestone.name, due=milestone.due,
                done=milestone.done if board.done_by(milestone.done, as_of) else None,
                source=milestone.source, overdue=(*unit.prefix, "milestones", position, "due") in late,
            )
    return table


def milestones(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    rows = [row for record in _chosen(data, as_of, filters) for row in record_milestones(record, as_of).rows]
    return Table("milestones", MILESTONE_COLUMNS, rows)


def cited(record_kind: str, record_id: str, sources: Iterable[Source]) -> Table:
    """The sources one record cites."""
    table = Table("sources", SOURCE_COLUMNS)
    for source in sources:
        table.add(
            record_kind=record_kind, record=record_id, id=source.id, url=source.url, title=source.title,
            publisher=source.publisher, date=source.date, kind=source.kind.value if source.kind else None,
        )
    return table


def sources(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    """Every source cited by the chosen records, and by the regions (all of them, or `--region`'s)."""
    tables = [cited(_table_of(record), record.id, record.sources) for record in _chosen(data, as_of, filters)]
    tables += [
        cited(REGION.table, region.id, region.sources)
        for region in data.regions.values() if not filters.region or region.id == filters.region
    ]
    return Table("sources", SOURCE_COLUMNS, [row for table in tables for row in table.rows])


def regencies_of(region: Region) -> Table:
    return Table("regencies", REGENCY_COLUMNS, [
        {"id": regency.id, "name": regency.name, "code": regency.code, "region": region.id}
        for regency in region.regencies
    ])


def regencies(data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    rows = [
        row for region in data.regions.values() if not filters.region or region.id == filters.region
        for row in regencies_of(region).rows
    ]
    return Table("regencies", REGENCY_COLUMNS, rows)


BUILDERS: dict[str, Callable[[Dataset, dt.date, Filters], Table]] = {
    "estates": estates,
    "infrastructure": infrastructure,
    "sections": sections,
    "issues": issues,
    "regions": regions,
    "agencies": agencies,
    "progress": progress,
    "milestones": milestones,
    "sources": sources,
    "regencies": regencies,
}


def build(name: str, data: Dataset, as_of: dt.date, filters: Filters = NO_FILTERS) -> Table:
    return BUILDERS[name](data, as_of, filters)
