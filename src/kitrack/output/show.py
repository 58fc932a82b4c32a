"""`kitrack show ID` rendered: one record in full, on a terminal or as plain text when piped."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from kitrack.domain.dates import PartialDate
from kitrack.output import i18n, inert, render
from kitrack.output.status import slip_line
from kitrack.views.show import Mention, Progress, RecordView, ReportChange, ReportFigure
from kitrack.views.table import Column, Table

if TYPE_CHECKING:
    from rich.console import Console

HEADER_COLUMNS = [Column("field", "text", "col.what"), Column("value", "text", "col.figures")]


def _dated(item: ReportChange, value: str) -> str:
    if item.dated.type == "stage":
        return i18n.label("status", value)
    if item.dated.type == "date":
        return i18n.date(PartialDate.parse(value))
    return value


def _figures(changes: list[ReportFigure | ReportChange]) -> str:
    """`stage planning → construction; Area (ha) 100; Occupied (ha) 72 (+5)`: the stage, target and
    funding with the value before them, and each figure with its change from the previous report."""
    parts = []
    for item in changes:
        if isinstance(item, ReportChange):
            now = _dated(item, item.value)
            shown = now if item.previous is None else f"{_dated(item, item.previous)} → {now}"
            parts.append(f"{i18n.t('change.' + item.dated.field)} {shown}")
            continue
        shown = i18n.percent(item.value) if item.figure.format == "percent" else i18n.figure(item.value)
        text = f"{i18n.t(item.figure.label_key)} {shown}"
        if item.change is not None:
            text += f" ({'+' if item.change > 0 else '−'}{i18n.figure(abs(item.change))})"
        parts.append(text)
    return "; ".join(parts)


def _mention(mention: Mention) -> str:
    key = f"ref.{mention.how}"
    return i18n.t(key, issue=mention.issue) if mention.issue is not None else i18n.t(key)


def progress_line(progress: Progress) -> str:
    """`Progress ≈75.71% (derived from 3 sections, weighted by length; oldest input April 2025)`, or why
    there is no derived figure."""
    if progress.derived and progress.date is not None:
        return i18n.t("show.progress_derived", value=i18n.percent(progress.value), count=progress.inputs,
                      date=i18n.date(progress.date))
    if progress.value is not None and progress.date is not None:
        line = i18n.t("show.progress_reported", value=i18n.percent(progress.value), date=i18n.date(progress.date))
    else:
        line = i18n.t("show.progress_none")
    if progress.blocked is not None:
        why = i18n.t(f"show.blocked.{progress.blocked}", section=inert.terminal(progress.by or ""))
        line += " " + i18n.t("show.not_derived", why=why)
    return line


def print_record(shown: RecordView, out: TextIO) -> None:
    from rich.text import Text  # lazy: start-up

    console = render.console(out)
    console.print(Text(inert.terminal(f"{shown.record_id} — {i18n.text_of(shown.title)}"), style="bold"))
    label = "show.section" if shown.section is not None else shown.kind.label
    console.print(Text(i18n.t(label), style="dim"))
    header = Table("record", HEADER_COLUMNS, [
        {"field": i18n.t(column.label_key), "value": render.cell(column, value)} for column, value in shown.header
    ])
    _print(console, out, header, None, show_header=False)
    if shown.progress is not None:
        console.print(Text(progress_line(shown.progress)))
    if shown.slip is not None:
        console.print(Text(slip_line(shown.slip.steps, shown.slip.months)))
    if shown.notes:
        console.print(Text(f"{i18n.t('show.notes')}: {inert.terminal(i18n.text_of(shown.notes))}"))
    for title, table in shown.sections:
        readable = render.worded(table, {
            "figure-changes": lambda row, key: _figures(row[key]),
            "mention": lambda row, key: _mention(row[key]),
        })
        _print(console, out, readable, i18n.t(title))
    for part in shown.parts:
        console.print()
        print_record(part, out)
    if shown.section is None:  # once, under the record and all its sections
        views = [shown, *shown.parts]
        legend = render.fallback_legend(
            [table for view in views for _, table in view.sections],
            *(text for view in views for text in (view.title, view.notes)),
        )
        if legend:
            console.print()
            console.print(Text(legend, style="dim"))


def _print(console: Console, out: TextIO, table: Table, title: str | None, show_header: bool = True) -> None:
    from rich.text import Text  # lazy: start-up

    console.print()
    if not table.rows:
        if title:
            console.print(Text(f"{title}: {i18n.t('status.none')}", style="bold"))
        return
    render.print_table(table, out, title, show_header)
