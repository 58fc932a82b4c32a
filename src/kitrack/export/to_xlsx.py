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
from typing import TYPE_CHECKING, Any

from kitrack import __version__
from kitrack.domain.dates import PartialDate
from kitrack.export.atomic import atomic_file
from kitrack.export.tables import Bundle, Written
from kitrack.output import i18n, render

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

DATE_FORMATS = {"day": "yyyy-mm-dd", "month": "yyyy-mm", "year": "yyyy"}
MAX_WIDTH, MIN_WIDTH = 60, 6


def _text(value: Any) -> str:
    value = render.chosen(value)
    if isinstance(value, list):
        return render.join_list(value)
    return str(getattr(value, "value", value))


def _finite(value: int | float) -> bool:
    """Whether a number fits an XLSX number cell (a finite double); others are written as text."""
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer past any double
        return False


def write(bundle: Bundle, output: Path, written: Written) -> None:
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


def _fill(workbook: Workbook, bundle: Bundle) -> None:
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
                value = row[column.key]
                if value is not None and value != []:
                    widths[number] = max(widths[number], _cell(sheet, line, number, value, dates))
        for number, width in enumerate(widths):
            sheet.set_column(number, number, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)


def _cell(sheet: Worksheet, line: int, number: int, value: Any, dates: dict[str, Format]) -> int:
    """Write one value as the cell type it is; return the width it needs."""
    if isinstance(value, PartialDate):
        sheet.write_datetime(line, number, dt.datetime.combine(value.end, dt.time()), dates[value.precision])
        return len(str(value))
    if isinstance(value, dt.date):
        sheet.write_datetime(line, number, dt.datetime.combine(value, dt.time()), dates["day"])
        return 10
    if isinstance(value, bool):
        sheet.write_boolean(line, number, value)
        return 5
    if isinstance(value, (int, float)) and _finite(value):
        sheet.write_number(line, number, value)
        return len(f"{value:g}")
    text = _text(value)
    sheet.write_string(line, number, text)
    return len(text)


def _summary(workbook: Workbook, bundle: Bundle, bold: Format, day: Format) -> None:
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
    line += 2
    sheet.write_string(line, 0, i18n.t("export.sheet.projects_unlocated"), bold)
    sheet.write_number(line, 1, len(bundle.projects_unlocated))
    for project_id in bundle.projects_unlocated:
        line += 1
        sheet.write_string(line, 0, project_id)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 14)
