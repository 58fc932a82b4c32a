"""`kitrack show ID` rendered: one record in full, on a terminal or as plain text when piped."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from kitrack.output import i18n, inert, render
from kitrack.views.show import Mention, RecordView, ReportFigure
from kitrack.views.table import Column, Table

if TYPE_CHECKING:
    from rich.console import Console

HEADER_COLUMNS = [Column("field", "text", "col.what"), Column("value", "text", "col.figures")]


def _figures(changes: list[ReportFigure]) -> str:
    """`Area (ha) 100; Occupied (ha) 72 (+5)`: each figure with its change from the previous report."""
    parts = []
    for item in changes:
        shown = i18n.percent(item.value) if item.figure.format == "percent" else i18n.figure(item.value)
        text = f"{i18n.t(item.figure.label_key)} {shown}"
        if item.change is not None:
            text += f" ({'+' if item.change > 0 else '−'}{i18n.figure(abs(item.change))})"
        parts.append(text)
    return "; ".join(parts)


def _mention(mention: Mention) -> str:
    key = f"ref.{mention.how}"
    return i18n.t(key, issue=mention.issue) if mention.issue is not None else i18n.t(key)


def print_record(shown: RecordView, out: TextIO) -> None:
    from rich.text import Text  # lazy: start-up

    console = render.console(out)
    console.print(Text(inert.terminal(f"{shown.record_id} — {shown.title}"), style="bold"))
    console.print(Text(i18n.t(shown.kind.label), style="dim"))
    header = Table("record", HEADER_COLUMNS, [
        {"field": i18n.t(column.label_key), "value": render.cell(column, value)} for column, value in shown.header
    ])
    _print(console, out, header, None, show_header=False)
    if shown.notes:
        console.print(Text(f"{i18n.t('show.notes')}: {inert.terminal(shown.notes)}"))
    for title, table in shown.sections:
        readable = render.worded(table, {
            "figure-changes": lambda row, key: _figures(row[key]),
            "mention": lambda row, key: _mention(row[key]),
        })
        _print(console, out, readable, i18n.t(title))


def _print(console: Console, out: TextIO, table: Table, title: str | None, show_header: bool = True) -> None:
    from rich.text import Text  # lazy: start-up

    console.print()
    if not table.rows:
        if title:
            console.print(Text(f"{title}: {i18n.t('status.none')}", style="bold"))
        return
    render.print_table(table, out, title, show_header)
