"""`kitrack show ID`: one record in full, with its history and the records that reference it.

Built once as plain data (a `RecordView`) and rendered by `kitrack.output.show`. Its milestones,
issues, sources and regencies are the rows and columns of the tables `list` and `export` build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from kitrack.domain import board, decisions
from kitrack.domain.board import Record
from kitrack.domain.dates import PartialDate
from kitrack.domain.figures import DATED_FIELDS, FIGURES, DatedField, Figure, ReportingKind, reported_by
from kitrack.domain.kinds import RECORD_KINDS, RecordKind, of_model
from kitrack.domain.models import Agency, Estate, Meeting, Project, Region, TextValue
from kitrack.load.dataset import Dataset
from kitrack.views import tables
from kitrack.views.table import Column, Table

Found = Estate | Project | Region | Agency | Meeting

# The fields shown at the head of a record, in this order, each formatted as the list tables (or the
# figure registry) format it; the few that no table shows are defined here.
HEADER_KEYS = (
    "status", "psn", "basis", "kind", "region", "regions", "regency", "regencies", "operator", "owner", "funding",
    "target", "area_ha", "budget_idr_bn", "length_km", "operating_km", "capacity_lps", "capacity_mmscfd",
    "capacity_mtpa", "operating_lps", "operating_mmscfd", "operating_mtpa", "throughput_mt", "location", "serves",
    "sectors", "priority", "members_verified", "short", "type", "url", "date", "chair", "attendees",
)
# The header fields of a record that are dated: their value as of the date, from the reports.
DATED_HEADER = (
    "status", "target", "funding", "area_ha", "budget_idr_bn", "length_km", "operating_km", "capacity_lps",
    "capacity_mmscfd", "capacity_mtpa", "operating_lps", "operating_mmscfd", "operating_mtpa", "throughput_mt",
)
_HEADER_COLUMNS = {
    column.key: column
    for column in (
        Column("regencies", "list"), Column("sectors", "list"), Column("url"), Column("date", "date"),
        Column("chair"), Column("attendees", "list"), Column("location", "location"), Column("within"),
        *(Column(figure.field, figure.format) for figure in FIGURES),
        *tables.AGENCY_COLUMNS, *tables.REGION_COLUMNS, *tables.ESTATE_COLUMNS, *tables.PROJECT_COLUMNS,
    )
}
HISTORY_COLUMNS = [
    Column("date", "date"), Column("source"), Column("figures", "figure-changes"), Column("note", "text", "show.notes"),
]
DECISION_COLUMNS = [
    Column("id"), Column("text", "text", "col.what"), Column("owner"), Column("due", "date"),
    Column("state", "decision-state"), Column("done", "date", "col.closed"), Column("related", "list"),
]
AGENDA_COLUMNS = [Column("position", "count", "col.number"), Column("item", label="col.item")]
REFERENCE_COLUMNS = [Column("record"), Column("what", "mention")]

# How another record names this one: the `ref.<how>` labels.
How = Literal[
    "serves", "region", "owner", "operator", "issue", "issue_owner", "chair", "attendee", "decision", "decision_owner",
]


@dataclass(frozen=True)
class ReportFigure:
    """A figure of a report, and its change from the previous report that gave it (None: no change)."""

    figure: Figure
    value: float
    change: float | None


@dataclass(frozen=True)
class Mention:
    """How another record names this one; `issue` is the issue that does, for the issue mentions."""

    how: How
    issue: str | None = None


@dataclass(frozen=True)
class ReportChange:
    """A dated field of a report that is not a figure (the stage, the target, the funding), and the
    value before it (None: the first report to give it)."""

    dated: DatedField
    value: str
    previous: str | None


@dataclass(frozen=True)
class Progress:
    """A project's or section's progress as of the date: reported, derived from its sections (from
    `inputs` of them, dated by the oldest), or not derived and why (`blocked` by the section `by`)."""

    value: float | None
    date: PartialDate | None
    derived: bool
    inputs: int = 0
    blocked: str | None = None
    by: str | None = None


@dataclass(frozen=True)
class Slip:
    """The successive targets of a unit and the months from the first to the one in force."""

    steps: list[PartialDate]
    months: int


@dataclass
class RecordView:
    record_id: str
    title: TextValue  # its name, or a meeting's title
    kind: RecordKind
    header: list[tuple[Column, Any]]  # (field, raw value) of each field the record has
    notes: TextValue | None
    sections: list[tuple[str, Table]] = field(default_factory=list)  # (label key of its title, table)
    progress: Progress | None = None  # projects and sections
    slip: Slip | None = None  # when the target moved
    parts: list[RecordView] = field(default_factory=list)  # a project's sections, each shown like a small project
    section: str | None = None  # set on a section's view: its id


def all_ids(data: Dataset) -> list[str]:
    return sorted({record_id for kind in RECORD_KINDS for record_id in data.index(kind)})


def find(data: Dataset, record_id: str) -> list[Found]:
    """Every record with this id: ids are unique within a kind, but an agency may share one with an
    estate, say. All of them are shown rather than one picked silently. Ids are lower-case slugs, so
    `JIIPE` finds `jiipe`."""
    wanted = record_id if _has(data, record_id) else record_id.lower()
    return [data.index(kind)[wanted] for kind in RECORD_KINDS if wanted in data.index(kind)]


def _has(data: Dataset, record_id: str) -> bool:
    return any(record_id in data.index(kind) for kind in RECORD_KINDS)


def broken_files(data: Dataset, record_id: str) -> list[str]:
    """The files (as shown to the user) that hold a record with this id which failed to load, so that
    `show` can say the record exists but has errors instead of calling its id unknown."""
    wanted = record_id.lower()
    return list(dict.fromkeys(file for left_id, file in data.left_out if left_id == wanted))


def find_section(data: Dataset, reference: str) -> tuple[Project, board.Unit] | None:
    """The project and section of `record/section`, or None."""
    record_id, _, section_id = reference.partition("/")
    project = data.projects.get(record_id)
    unit = board.section_unit(project, section_id) if project is not None else None
    return (project, unit) if project is not None and unit is not None else None


def section_ids(data: Dataset, record_id: str) -> list[str]:
    project = data.projects.get(record_id)
    return [f"{record_id}/{section.id}" for section in project.sections] if project is not None else []


def _unit_tables(unit: board.Unit, as_of: dt.date) -> list[tuple[str, Table]]:
    """A unit's reports, milestones and issues (a record's own, without its sections')."""
    record = unit.record
    milestones = tables.record_milestones(record, as_of)
    issues = tables.record_issues(record, as_of)
    mine = unit.section_id

    def own(table: Table, keys: list[str]) -> Table:
        return Table(table.name, table.columns, [row for row in table.rows if row["section"] == mine]).select(keys)

    return [
        ("show.reports", history(unit, as_of)),
        ("show.milestones", own(milestones, ["name", "due", "done", "source"])),
        ("show.issues", own(issues, ["id", "title", "owner", "raised", "due", "status", "related"])),
    ]


def _progress(unit: board.Unit, as_of: dt.date) -> Progress | None:
    if not isinstance(unit.record, Project):
        return None
    percent = board.current(unit, "percent", as_of)
    if not unit.children():
        return Progress(percent.value, percent.date, derived=False) if percent.value is not None else None
    derivation = board.derivation(unit, "percent", as_of)
    return Progress(
        percent.value, percent.date, percent.derived, derivation.inputs, derivation.blocked, derivation.by,
    )


def _slip(unit: board.Unit, as_of: dt.date) -> Slip | None:
    history = board.target_history(unit, as_of)
    return Slip(list(history.steps), history.slip_months) if len(history.steps) >= 2 else None


def section_view(project: Project, unit: board.Unit, as_of: dt.date) -> RecordView:
    """One section, shown like a small project."""
    section = unit.section
    assert section is not None
    row = tables.record_sections(project, as_of).rows[unit.position or 0]
    inherited = board.target_in_force(unit, as_of)[1]
    header = [
        (Column("target", "inherited-date") if key == "target" and inherited else _HEADER_COLUMNS[key], row[key])
        for key in ("within", "regencies", "status", "target", "length_km") if row.get(key) not in (None, [])
    ]
    shown = RecordView(
        f"{project.id}/{section.id}", section.name, of_model(Project), header, section.notes,
        sections=_unit_tables(unit, as_of), progress=_progress(unit, as_of), slip=_slip(unit, as_of),
        section=section.id,
    )
    return shown


def view(data: Dataset, record: Found, as_of: dt.date) -> RecordView:
    """Everything `show` prints about one record, as the record stood on `as_of`."""
    title = record.title if isinstance(record, Meeting) else record.name
    shown = RecordView(record.id, title, of_model(type(record)), _header(record, as_of), record.notes)
    if isinstance(record, (Estate, Project)):
        unit = board.Unit(record)
        shown.sections += _unit_tables(unit, as_of)
        shown.progress, shown.slip = _progress(unit, as_of), _slip(unit, as_of)
    if isinstance(record, Project) and record.sections:
        shown.sections.append(("show.sections", tables.record_sections(record, as_of).select(
            ["id", "within", "name", "length_km", "status", "percent", "target", "latest_report"])))
        shown.parts = [section_view(record, unit, as_of) for unit in board.units(record)[1:]]
    if isinstance(record, Region):
        shown.sections.append(("show.regencies", tables.regencies_of(record).select(["id", "name"])))
    if isinstance(record, Meeting):
        if record.agenda:
            shown.sections.append(("show.agenda", Table("agenda", AGENDA_COLUMNS, [
                {"position": position, "item": item} for position, item in enumerate(record.agenda, 1)
            ])))
        carried = decisions.carried(data.meetings.values(), as_of)
        shown.sections.append(("show.decisions", Table("decisions", DECISION_COLUMNS, [
            {"id": d.id, "text": d.text, "owner": d.owner, "due": d.due,
             "state": decisions.state(record, d, as_of, carried), "done": decisions.closed_on(d),
             "related": list(d.related)}
            for d in record.decisions
        ])))
    sources = [] if isinstance(record, Agency) else record.sources
    if sources:
        cited = tables.cited(shown.kind.table, record.id, sources)
        shown.sections.append(("show.sources", cited.select(["id", "publisher", "date", "title", "url"])))
    shown.sections.append(("show.referenced_by", references(data, record)))
    return shown


def _header(record: Found, as_of: dt.date) -> list[tuple[Column, Any]]:
    header = []
    for key in HEADER_KEYS:
        if isinstance(record, Region) and key == "regencies":
            continue  # a region's regencies have their own table below the header
        if isinstance(record, (Estate, Project)) and key in DATED_HEADER:
            value = _dated(record, key, as_of)
        elif key == "basis" and isinstance(record, (Estate, Project)):
            value = board.basis_ids(record)
        else:
            value = getattr(record, key, None)
        if value is not None and value != []:
            header.append((_HEADER_COLUMNS[key], value.value if isinstance(value, Enum) else value))
    return header


def _dated(record: Record, key: str, as_of: dt.date) -> Any:
    if key == "status":
        return board.current(record, "status", as_of).value
    if key == "target":
        return board.target_in_force(board.Unit(record), as_of)[0]
    return board.latest_value(record, key, as_of)[0]


def history(unit: board.Unit | Record, as_of: dt.date) -> Table:
    """Each report with its stage, target, funding and figures and, for each, the change from the
    previous report that had it."""
    record = unit.record if isinstance(unit, board.Unit) else unit
    kind: ReportingKind = "estate" if isinstance(record, Estate) else "infrastructure"
    figures = reported_by(kind)
    dated_fields = [dated for dated in DATED_FIELDS if kind in dated.reported_by]
    table = Table("reports", HISTORY_COLUMNS)
    previous: dict[str, float] = {}
    earlier: dict[str, str] = {}
    for report in board.visible(unit.progress, as_of):
        changes: list[ReportFigure | ReportChange] = []
        for dated in dated_fields:
            raw = getattr(report, dated.field, None)
            if raw is None:
                continue
            text = raw.value if isinstance(raw, Enum) else str(raw)
            changes.append(ReportChange(dated, text, earlier.get(dated.field)))
            earlier[dated.field] = text
        for figure in figures:
            value = getattr(report, figure.field)
            if value is None:
                continue
            before = previous.get(figure.field)
            change = value - before if before is not None and before != value else None
            changes.append(ReportFigure(figure, value, change))
            previous[figure.field] = value
        table.add(date=report.date, source=report.source, figures=changes, note=report.note)
    return table


def references(data: Dataset, record: Found) -> Table:
    """Every record that names this one, and how."""
    rows = [{"record": other, "what": mention} for other, mention in _mentions(data, record)]
    return Table("references", REFERENCE_COLUMNS, rows)


def _mentions(data: Dataset, record: Found) -> Iterator[tuple[str, Mention]]:
    target = record.id
    agency = isinstance(record, Agency)
    for other in data.records():
        if isinstance(other, Project) and target in other.serves:
            yield other.id, Mention("serves")
        if isinstance(record, Region) and target in tables.regions_of(other):
            yield other.id, Mention("region")
        if agency:
            if isinstance(other, Project) and other.owner == target:
                yield other.id, Mention("owner")
            if other.operator == target:
                yield other.id, Mention("operator")
        for issue in other.issues:
            if target in issue.related and other.id != target:
                yield other.id, Mention("issue", issue.id)
            if agency and issue.owner == target:
                yield other.id, Mention("issue_owner", issue.id)
    for meeting in data.meetings.values():
        if agency:
            if meeting.chair == target:
                yield meeting.id, Mention("chair")
            if target in meeting.attendees:
                yield meeting.id, Mention("attendee")
        for decision in meeting.decisions:
            if target in decision.related or (agency and decision.owner == target):
                yield meeting.id, Mention("decision_owner" if decision.owner == target else "decision")
