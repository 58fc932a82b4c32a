"""Renderers for tables: Rich on a terminal, plain aligned text when piped, CSV, TSV, JSON, Markdown.

Values are formatted for the language only here, at the last moment; JSON and CSV carry the raw
values (ISO dates, plain numbers) so that scripts and spreadsheets read them back exactly.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from typing import Any, Callable, Optional, TextIO

from kitrack.output import i18n, inert
from kitrack.output.table import Column, Table


def is_terminal(out: TextIO) -> bool:
    return hasattr(out, "isatty") and out.isatty()


def console(out: TextIO = sys.stdout):
    """A Rich console: colour and box drawing on a terminal; plain and unwrapped when piped."""
    from rich.console import Console  # lazy: start-up

    terminal = is_terminal(out)
    return Console(
        file=out, highlight=False, markup=False, emoji=False,
        no_color=not terminal or "NO_COLOR" in os.environ,
        width=None if terminal else 100_000, soft_wrap=not terminal,
    )


def cell(column: Column, value: Any) -> str:
    """One value as a person reads it, in the current language. Missing is shown as missing."""
    if value is None or value == []:
        return i18n.t("status.missing")
    if column.kind == "number":
        return i18n.figure(value)
    if column.kind == "percent":
        return i18n.percent(value)
    if column.kind == "date":
        return i18n.date(value)
    if column.kind == "bool":
        return i18n.t("word.yes" if value else "word.no")
    if column.kind == "list":
        return inert.terminal(", ".join(map(str, value)))
    if column.kind == "status":
        return i18n.label("status", value)
    if column.kind == "projkind":
        return i18n.label("projkind", value)
    if column.kind == "issue":
        return i18n.label("issue", value)
    if column.kind.startswith("enum:"):  # a value whose label is `<prefix>.<value>` in i18n
        return i18n.label(column.kind[5:], value)
    return inert.terminal(str(value))


def raw(value: Any) -> Any:
    """A value for JSON: dates as ISO text, everything else as it is."""
    if hasattr(value, "start") and hasattr(value, "end"):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        return [raw(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)  # the models read 245 as 245.0; write it back as the source gave it
    return value


NUMERIC = {"number", "percent"}


def rich_table(table: Table, title: Optional[str] = None, show_header: bool = True):
    """A Rich table for a terminal: box drawing, bold header, columns that fit the screen."""
    from rich import box  # lazy: start-up
    from rich.table import Table as RichTable

    result = RichTable(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
        header_style="bold", show_header=show_header,
    )
    for column in table.columns:
        result.add_column(i18n.t(column.label_key), justify="right" if column.kind in NUMERIC else "left", overflow="fold")
    for row in table.rows:
        result.add_row(*(cell(column, row.get(column.key)) for column in table.columns))
    return result


def plain_lines(table: Table, title: Optional[str] = None, show_header: bool = True) -> list[str]:
    """The same table as plain aligned text, unwrapped, for pipes and files.

    Rich lays out a table for a screen; measuring and wrapping every cell made `status` on 5,000
    records spend most of its time there. Piped output needs only aligned columns."""
    from rich.cells import cell_len  # lazy: start-up

    rows = [[cell(column, row.get(column.key)) for column in table.columns] for row in table.rows]
    if show_header:
        rows.insert(0, [i18n.t(column.label_key) for column in table.columns])
    widths = [max((cell_len(r[i]) for r in rows), default=0) for i in range(len(table.columns))]
    right = [column.kind in NUMERIC for column in table.columns]
    lines = [title] if title else []
    for r in rows:
        padded = [
            " " * (w - cell_len(v)) + v if is_right else v + " " * (w - cell_len(v))
            for v, w, is_right in zip(r, widths, right)
        ]
        lines.append("  ".join(padded).rstrip())
    return lines


def print_table(table: Table, out: TextIO = sys.stdout, title: Optional[str] = None, show_header: bool = True) -> None:
    if is_terminal(out):
        console(out).print(rich_table(table, title, show_header))
    else:
        out.write("\n".join(plain_lines(table, title, show_header)) + "\n")


def write_delimited(table: Table, out: TextIO, delimiter: str = ",", *, neutralise: bool = False, decimal: str = ".", shown: Optional[Callable[[str], str]] = None) -> None:
    """CSV or TSV with the column keys as header. `neutralise` defuses cells a spreadsheet would run as
    formulas; `decimal=","` writes numbers for a decimal-comma locale (Indonesian Excel); `shown`
    makes text cells inert for where they are written (a terminal, a CI log; see `inert`)."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([column.key for column in table.columns])
    for row in table.rows:
        cells = [_flat(row.get(column.key)) for column in table.columns]
        if decimal != ".":
            cells = [str(value).replace(".", decimal) if isinstance(value, (int, float)) and not isinstance(value, bool) else value for value in cells]
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


def join_list(values: list) -> str:
    """A list in one cell (CSV, XLSX, GeoJSON properties): `kab-gresik;kab-sidoarjo`."""
    return ";".join(map(str, values))


def _flat(value: Any) -> Any:
    value = raw(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return join_list(value)
    return value


def as_json(table: Table) -> list[dict[str, Any]]:
    return [{column.key: raw(row.get(column.key)) for column in table.columns} for row in table.rows]


def markdown(table: Table) -> str:
    header = [i18n.t(column.label_key) for column in table.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in table.rows:
        lines.append("| " + " | ".join(inert.markdown(cell(column, row.get(column.key))) for column in table.columns) + " |")
    return "\n".join(lines)
