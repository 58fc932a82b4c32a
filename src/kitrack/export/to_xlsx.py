"""XLSX: one workbook, a summary sheet first, then one sheet per table named by its table key.

Each table sheet has its column keys as a bold, frozen header row, an autofilter over all rows and
columns sized to their contents. Numbers are number cells and booleans are boolean cells. Dates are
real date cells: a full date (`2026-11-29`) is shown `yyyy-mm-dd`; a partial date holds the *end* of
its period, as kitrack compares it (`2027-06` holds 2027-06-30, `2027` holds 2027-12-31), and is
shown with the precision the source gave (`yyyy-mm`, `yyyy`), so sorting and date filters work and
the sheet shows what the source said. Text is always written as text: a name such as
`=HYPERLINK("http://x")` is a string cell, never a formula, and addresses are not turned into links.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from kitrack import __version__
from kitrack.output import i18n, render
from kitrack.export.atomic import atomic_file
from kitrack.export.tables import Bundle

DATE_FORMATS = {"day": "yyyy-mm-dd", "month": "yyyy-mm", "year": "yyyy"}
MAX_WIDTH, MIN_WIDTH = 60, 6


def _text(value: Any) -> str:
    if isinstance(value, list):
        return render.join_list(value)
    return str(getattr(value, "value", value))


def _finite(value: int | float) -> bool:
    """Whether a number fits an XLSX number cell (a finite double); others are written as text."""
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer past any double
        return False


def write(bundle: Bundle, output: Path, written) -> None:
    import xlsxwriter  # lazy: start-up

    with atomic_file(output) as temp:
        workbook = xlsxwriter.Workbook(str(temp), {
            "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        })
        try:
            _fill(workbook, bundle)
        finally:
            workbook.close()
    written.tables = [(output, name, len(table.rows)) for name, table in bundle.tables.items()]


def _fill(workbook, bundle: Bundle) -> None:
    bold = workbook.add_format({"bold": True})
    dates = {precision: workbook.add_format({"num_format": fmt}) for precision, fmt in DATE_FORMATS.items()}
    _summary(workbook, bundle, bold, dates["day"])
    for name, table in bundle.tables.items():
        sheet = workbook.add_worksheet(name)
        widths = [len(column.key) for column in table.columns]
        for number, column in enumerate(table.columns):
            sheet.write_string(0, number, column.key, bold)
        for line, row in enumerate(table.rows, start=1):
            for number, column in enumerate(table.columns):
                value = row.get(column.key)
                if value is None or value == []:
                    continue
                if hasattr(value, "precision") and hasattr(value, "end"):  # PartialDate
                    sheet.write_datetime(line, number, dt.datetime.combine(value.end, dt.time()), dates[value.precision])
                    width = len(str(value))
                elif isinstance(value, dt.date):
                    sheet.write_datetime(line, number, dt.datetime.combine(value, dt.time()), dates["day"])
                    width = 10
                elif isinstance(value, bool):
                    sheet.write_boolean(line, number, value)
                    width = 5
                elif isinstance(value, (int, float)) and _finite(value):
                    sheet.write_number(line, number, value)
                    width = len(f"{value:g}")
                else:
                    text = _text(value)
                    sheet.write_string(line, number, text)
                    width = len(text)
                widths[number] = max(widths[number], width)
        for number, width in enumerate(widths):
            sheet.set_column(number, number, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)


def _summary(workbook, bundle: Bundle, bold, day) -> None:
    sheet = workbook.add_worksheet("summary")
    sheet.write_string(0, 0, i18n.t("export.sheet.title"), workbook.add_format({"bold": True, "font_size": 14}))
    sheet.write_string(1, 0, i18n.t("export.sheet.as_of"), bold)
    sheet.write_datetime(1, 1, dt.datetime.combine(bundle.as_of, dt.time()), day)
    sheet.write_string(2, 0, i18n.t("export.sheet.generated"), bold)
    sheet.write_string(2, 1, f"kitrack {__version__}")
    sheet.write_string(3, 0, i18n.t("export.sheet.filters"), bold)
    sheet.write_string(3, 1, bundle.filters.describe() or i18n.t("status.none"))
    sheet.write_string(5, 0, i18n.t("export.sheet.table"), bold)
    sheet.write_string(5, 1, i18n.t("export.sheet.rows"), bold)
    line = 6
    for name, table in bundle.tables.items():
        sheet.write_url(line, 0, f"internal:'{name}'!A1", string=name)
        sheet.write_number(line, 1, len(table.rows))
        line += 1
    line += 1
    sheet.write_string(line, 0, i18n.t("export.sheet.unlocated"), bold)
    sheet.write_number(line, 1, len(bundle.unlocated))
    if bundle.unlocated and not bundle.located:
        sheet.write_string(line, 2, i18n.t("export.sheet.no_locations"))
    for estate_id in bundle.unlocated:
        line += 1
        sheet.write_string(line, 0, estate_id)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 14)
