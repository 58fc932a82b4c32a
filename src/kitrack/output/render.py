"""Renderers for tables: Rich on a terminal, plain aligned text when piped, CSV, TSV, JSON, Markdown.

Values are formatted for the language only here, at the last moment; JSON and CSV carry the raw
values (ISO dates, plain numbers) so that scripts and spreadsheets read them back exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TextIO

from kitrack.domain import text as texts
from kitrack.domain.dates import PartialDate
from kitrack.output import i18n, inert
from kitrack.views.table import CellFormat, Column, Row, Table

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table as RichTable


def is_terminal(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty()


def console(out: TextIO = sys.stdout) -> Console:
    """A Rich console: colour and box drawing on a terminal; plain and unwrapped when piped."""
    from rich.console import Console  # lazy: start-up

    terminal = is_terminal(out)
    return Console(
        file=out, highlight=False, markup=False, emoji=False,
        no_color=not terminal or "NO_COLOR" in os.environ,
        width=None if terminal else 100_000, soft_wrap=not terminal,
    )


# Formats shown by the label of their value: `<prefix>.<value>` in the label catalogue.
LABELLED: dict[CellFormat, str] = {
    "status": "status", "project-kind": "projkind", "issue-status": "issue", "overdue-item": "overdue",
}


def cell(column: Column, value: Any) -> str:
    """One value as a person reads it, in the current language. Missing is shown as missing. The
    views' own formats (a progress bar, a change, stale reasons...) are formatted by their renderer."""
    if value is None or value == []:
        return i18n.t("status.missing")
    if column.format in ("number", "count"):
        return i18n.figure(value)
    if column.format == "percent":
        return i18n.percent(value)
    if column.format == "date":
        return i18n.date(value)
    if column.format == "inherited-date":  # a section's target that is its phase's or project's
        return i18n.t("show.inherited_target", target=i18n.date(value))
    if column.format == "bool":
        if value == "unknown":  # psn: no source says either way
            return i18n.t("psn.unknown")
        return i18n.t("word.yes" if value else "word.no")
    if column.format == "list":
        return inert.terminal(", ".join(map(str, value)))
    if column.format == "location":  # lat, lon (how close the point is, its source)
        precision = i18n.t(f"precision.{value.precision.value}")
        return inert.terminal(f"{value.lat}, {value.lon} ({precision}, {value.source})")
    if column.format in LABELLED:
        return i18n.label(LABELLED[column.format], value)
    if column.format != "text":
        raise ValueError(f"column {column.key!r}: {column.format!r} cells are formatted by the renderer of its view")
    return inert.terminal(chosen(value))


def fallback_legend(tables: Iterable[Table], *texts_: Any) -> str | None:
    """The legend line for the texts shown in the other language ("[ID] not available in English;
    shown in Indonesian"), if any cell of `tables` or any of `texts_` is one; else None."""
    language = i18n.current().code
    values = [*texts_, *(value for table in tables for row in table.rows for value in row.values())]
    shown = {
        picked.shown for value in values if texts.is_local(value)
        for picked in [texts.pick(value, language)] if picked.fallback and picked.shown
    }
    return " ".join(i18n.t(f"text.fallback.{code}") for code in sorted(shown)) or None


def chosen(value: Any) -> Any:
    """Free text in two languages as the reader's language shows it (a fallback marked); any other
    value as it is. For every output a person reads: tables, CSV, the workbook, SQLite, the map."""
    return i18n.text_of(value) if texts.is_local(value) else value


def raw(value: Any) -> Any:
    """A value for JSON: dates as ISO text, free text in the data's shape (a string, or its languages),
    everything else as it is."""
    if texts.is_local(value):
        return texts.shape(value)
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [raw(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # the models read 245 as 245.0; write it back as the source gave it
    return value


NUMERIC: set[CellFormat] = {"number", "percent", "count"}


def worded(table: Table, words: Mapping[CellFormat, Callable[[Row, str], str]], hidden: Collection[str] = ()) -> Table:
    """The table with the cells of a view's own formats (a progress bar, a change...) put in words by
    `words` (format -> (row, column key) -> text), so that every renderer can print them. The `hidden`
    columns are left out: their values are in those words."""
    if not any(column.format in words or column.key in hidden for column in table.columns):
        return table
    shown = [column for column in table.columns if column.key not in hidden]
    columns = [Column(c.key, "text", c.label) if c.format in words else c for c in shown]
    rows = [
        {c.key: words[c.format](row, c.key) if c.format in words else row[c.key] for c in shown} for row in table.rows
    ]
    return Table(table.name, columns, rows)


def rich_table(table: Table, title: str | None = None, show_header: bool = True) -> RichTable:
    """A Rich table for a terminal: box drawing, bold header, columns that fit the screen."""
    from rich import box  # lazy: start-up
    from rich import table as rich

    result = rich.Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
        header_style="bold", show_header=show_header,
    )
    for column in table.columns:
        result.add_column(
            i18n.t(column.label_key), justify="right" if column.format in NUMERIC else "left", overflow="fold",
        )
    for row in table.rows:
        result.add_row(*(cell(column, row[column.key]) for column in table.columns))
    return result


def plain_lines(table: Table, title: str | None = None, show_header: bool = True) -> list[str]:
    """The same table as plain aligned text, unwrapped, for pipes and files.

    Rich lays out a table for a screen; measuring and wrapping every cell made `status` on 5,000
    records spend most of its time there. Piped output needs only aligned columns."""
    from rich.cells import cell_len  # lazy: start-up

    rows = [[cell(column, row[column.key]) for column in table.columns] for row in table.rows]
    if show_header:
        rows.insert(0, [i18n.t(column.label_key) for column in table.columns])
    widths = [max((cell_len(r[i]) for r in rows), default=0) for i in range(len(table.columns))]
    right = [column.format in NUMERIC for column in table.columns]
    lines = [title] if title else []
    for r in rows:
        padded = [
            " " * (w - cell_len(v)) + v if is_right else v + " " * (w - cell_len(v))
            for v, w, is_right in zip(r, widths, right, strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    return lines


def print_table(table: Table, out: TextIO = sys.stdout, title: str | None = None, show_header: bool = True) -> None:
    if is_terminal(out):
        console(out).print(rich_table(table, title, show_header))
    else:
        out.write("\n".join(plain_lines(table, title, show_header)) + "\n")


def marked(table: Table) -> tuple[Table, list[str]]:
    """A table for a person: a value derived from sections prefixed `≈` (its `<key>_derived` column
    left out), and the legend lines it needs (derived values, texts in the other language)."""
    flags = {c.key.removesuffix("_derived") for c in table.columns if c.key.endswith("_derived")}
    legends = []
    if any(row.get(f"{key}_derived") for row in table.rows for key in flags):
        legends.append(i18n.t("status.derived_legend"))
    fallback = fallback_legend([table])
    if fallback:
        legends.append(fallback)
    if not flags:
        return table, legends
    columns = [c for c in table.columns if not c.key.endswith("_derived")]
    # A column with a derived value is put in words, each of its derived cells marked.
    words = {c.key for c in columns if any(row.get(f"{c.key}_derived") for row in table.rows)}
    rows = [
        {
            c.key: (("≈" if row.get(f"{c.key}_derived") else "") + cell(c, row[c.key])) if c.key in words
            else row[c.key]
            for c in columns
        }
        for row in table.rows
    ]
    shown = [Column(c.key, "text", c.label) if c.key in words else c for c in columns]
    return Table(table.name, shown, rows), legends


def print_marked(table: Table, out: TextIO = sys.stdout) -> None:
    """`print_table` for `kitrack list`: derived values marked, and the legends under the table."""
    shown, legends = marked(table)
    print_table(shown, out)
    for legend in legends:
        out.write(legend + "\n")


def write_delimited(
    table: Table, out: TextIO, delimiter: str = ",", *,
    neutralise: bool = False, decimal: str = ".", shown: Callable[[str], str] | None = None,
) -> None:
    """CSV or TSV with the column keys as header. `neutralise` defuses cells a spreadsheet would run as
    formulas; `decimal=","` writes numbers for a decimal-comma locale (Indonesian Excel); `shown`
    makes text cells inert for where they are written (a terminal, a CI log; see `inert`)."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([column.key for column in table.columns])
    for row in table.rows:
        cells = [_flat(row[column.key]) for column in table.columns]
        if decimal != ".":
            cells = [str(value).replace(".", decimal) if _is_number(value) else value for value in cells]
        if neutralise:
            cells = [defuse(value) if isinstance(value, str) else value for value in cells]
        if shown is not None:
            cells = [shown(value) if isinstance(value, str) else value for value in cells]
        writer.writerow(cells)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?", re.ASCII)  # `-٣` is no number to a spreadsheet


def defuse(text: str) -> str:
    """A cell that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) and is not a number gets a
    leading `'`, so a spreadsheet shows it as text instead of running it (OWASP, CSV injection)."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def join_list(values: Iterable[Any]) -> str:
    """A list in one cell (CSV, XLSX, GeoJSON properties): `kab-gresik;kab-sidoarjo`."""
    return ";".join(map(str, values))


def _flat(value: Any) -> Any:
    value = raw(chosen(value))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return join_list(value)
    return value


def as_json(table: Table) -> list[dict[str, Any]]:
    return [{column.key: raw(row[column.key]) for column in table.columns} for row in table.rows]


def markdown(table: Table) -> str:
    header = [i18n.t(column.label_key) for column in table.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in table.rows:
        cells = (inert.markdown(cell(column, row[column.key])) for column in table.columns)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
