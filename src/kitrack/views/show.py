"""`kitrack show ID`: one record in full, with its history and the records that reference it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional, TextIO, Union

from kitrack.domain import board
from kitrack.domain.figures import reported_by
from kitrack.domain.kinds import RECORD_KINDS, of_model
from kitrack.output import i18n, inert, render
from kitrack.load.dataset import Dataset
from kitrack.domain.models import Agency, Estate, EstateReport, Meeting, Project, ProjectReport, Region
from kitrack.output.table import Column, Table

Found = Union[Estate, Project, Region, Agency, Meeting]

HEADER_FIELDS = [
    ("status", "status"), ("psn", "bool"), ("basis", "list"), ("kind", "project-kind"), ("region", "text"), ("regency", "text"),
    ("regencies", "list"), ("operator", "text"), ("owner", "text"), ("funding", "text"), ("target", "date"),
    ("area_ha", "number"), ("budget_idr_bn", "number"), ("length_km", "number"), ("capacity_lps", "number"),
    ("capacity_mmscfd", "number"), ("capacity_mtpa", "number"), ("serves", "list"), ("sectors", "list"),
    ("priority", "bool"), ("members_verified", "bool"), ("short", "text"), ("type", "text"), ("url", "text"), ("date", "date"), ("chair", "text"), ("attendees", "list"),
]


def all_ids(data: Dataset) -> list[str]:
    return sorted({record_id for kind in RECORD_KINDS for record_id in data.index(kind)})


def find(data: Dataset, record_id: str) -> list[Found]:
    """Every record with this id: ids are unique within a kind, but an agency may share one with an
    estate, say. All of them are shown rather than one picked silently."""
    return [data.index(kind)[record_id] for kind in RECORD_KINDS if record_id in data.index(kind)]


def history(record: Union[Estate, Project], as_of: dt.date) -> Table:
    """Each report with its figures and, for each figure, the change from the previous report that had it."""
    fields = [(f.field, f.format) for f in reported_by("estate" if isinstance(record, Estate) else "infrastructure")]
    rows, previous = [], {}
    for report in board.visible(record.progress, as_of):
        parts = []
        for name, kind in fields:
            value = getattr(report, name)
            if value is None:
                continue
            shown = i18n.percent(value) if kind == "percent" else i18n.figure(value)
            text = f"{i18n.t('col.' + name)} {shown}"
            if name in previous and previous[name] != value:
                delta = value - previous[name]
                text += f" ({'+' if delta > 0 else '−'}{i18n.figure(abs(delta))})"
            previous[name] = value
            parts.append(text)
        rows.append({"date": report.date, "source": report.source, "figures": "; ".join(parts), "note": report.note})
    columns = [Column("date", "date"), Column("source"), Column("figures"), Column("note", "text", "show.notes")]
    return Table("reports", columns, rows)


def references(data: Dataset, record: Found) -> Table:
    """Every record that names this one, and how."""
    rows: list[dict[str, Any]] = []
    target = record.id
    add = lambda rid, how: rows.append({"record": rid, "what": how})  # noqa: E731
    for other in data.records():
        if isinstance(other, Project) and target in other.serves:
            add(other.id, i18n.t("ref.serves"))
        if isinstance(record, Region) and other.region == target:
            add(other.id, i18n.t("ref.region"))
        if isinstance(record, Agency):
            if getattr(other, "owner", None) == target:
                add(other.id, i18n.t("ref.owner"))
            if getattr(other, "operator", None) == target:
                add(other.id, i18n.t("ref.operator"))
        for issue in other.issues:
            if target in issue.related and other.id != target:
                add(other.id, i18n.t("ref.issue", issue=issue.id))
            if isinstance(record, Agency) and issue.owner == target:
                add(other.id, i18n.t("ref.issue_owner", issue=issue.id))
    for meeting in data.meetings.values():
        if isinstance(record, Agency):
            if meeting.chair == target:
                add(meeting.id, i18n.t("ref.chair"))
            if target in meeting.attendees:
                add(meeting.id, i18n.t("ref.attendee"))
        for decision in meeting.decisions:
            if target in decision.related or (isinstance(record, Agency) and decision.owner == target):
                add(meeting.id, i18n.t("ref.decision_owner" if decision.owner == target else "ref.decision"))
    return Table("references", [Column("record"), Column("what")], rows)


def _header(record: Found) -> Table:
    rows = []
    for name, kind in HEADER_FIELDS:
        value = getattr(record, name, None)
        if value is None or value == [] or (name == "kind" and not isinstance(record, Project)):
            continue
        if name == "type" and hasattr(value, "value"):
            value = value.value
        if name == "funding" and hasattr(value, "value"):
            value = value.value
        label_key = f"col.{name}" if f"col.{name}" in i18n.LABELS else None
        rows.append({"field": i18n.t(label_key) if label_key else name, "value": render.cell(Column(name, kind), getattr(value, "value", value) if kind in ("status", "project-kind") else value)})
    return Table("record", [Column("field", "text", "col.what"), Column("value", "text", "col.figures")], rows)


def print_record(data: Dataset, record: Found, as_of: dt.date, out: TextIO) -> None:
    from rich.text import Text  # lazy: start-up

    console = render.console(out)
    title = f"{record.id} — {getattr(record, 'name', None) or getattr(record, 'title', '')}"
    console.print(Text(inert.terminal(title), style="bold"))
    console.print(Text(i18n.t(of_model(type(record)).label), style="dim"))
    _print(console, _header(record), None, show_header=False)
    if getattr(record, "notes", None):
        console.print(Text(f"{i18n.t('show.notes')}: {inert.terminal(record.notes)}"))
    if isinstance(record, (Estate, Project)):
        _print(console, history(record, as_of), i18n.t("show.reports"))
        milestones = Table("milestones", [Column("name", "text", "col.milestone"), Column("due", "date"), Column("done", "date"), Column("source")],
                           [{"name": m.name, "due": m.due, "done": m.done if board.done_by(m.done, as_of) else None, "source": m.source} for m in record.milestones])
        _print(console, milestones, i18n.t("show.milestones"))
        issues = Table("issues", [Column("id"), Column("title"), Column("owner"), Column("raised", "date"), Column("due", "date"), Column("status", "issue-status"), Column("related", "list")],
                       [{"id": i.id, "title": i.title, "owner": i.owner, "raised": i.raised, "due": i.due,
                         "status": "open" if board.issue_open(i, as_of) else "resolved", "related": list(i.related)}
                        for i in record.issues if i.raised.start <= as_of])  # as the record stood on --as-of
        _print(console, issues, i18n.t("show.issues"))
    if isinstance(record, Region):
        regencies = Table("regencies", [Column("id"), Column("name")], [{"id": r.id, "name": r.name} for r in record.regencies])
        _print(console, regencies, i18n.t("show.regencies"))
    if isinstance(record, Meeting):
        decisions = Table("decisions", [Column("text", "text", "col.what"), Column("owner"), Column("due", "date"), Column("done", "date"), Column("related", "list")],
                          [{"text": d.text, "owner": d.owner, "due": d.due, "done": d.done, "related": list(d.related)} for d in record.decisions])
        _print(console, decisions, i18n.t("show.decisions"))
    sources = getattr(record, "sources", [])
    if sources:
        table = Table("sources", [Column("id"), Column("publisher"), Column("date", "date"), Column("title", "text", "col.source_title"), Column("url")],
                      [{"id": s.id, "publisher": s.publisher, "date": s.date, "title": s.title, "url": s.url} for s in sources])
        _print(console, table, i18n.t("show.sources"))
    _print(console, references(data, record), i18n.t("show.referenced_by"))


def _print(console, table: Table, title: Optional[str], show_header: bool = True) -> None:
    from rich.text import Text  # lazy: start-up

    console.print()
    if not table.rows:
        if title:
            console.print(Text(f"{title}: {i18n.t('status.none')}", style="bold"))
        return
    render.print_table(table, console.file, title, show_header)

