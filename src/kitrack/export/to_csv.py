"""CSV: one file per table (`estates.csv`, ...) in a folder, written into a temporary folder first.

UTF-8 with `,` by default. `excel=True` writes what Excel with Indonesian regional settings opens
correctly by double-click: a UTF-8 BOM (so accents survive), `;` between columns (the list separator
of a decimal-comma locale) and decimal commas (`86,43`). Cells that would run as formulas are
neutralised in both modes.
"""

from __future__ import annotations

from pathlib import Path

from kitrack.export.tables import Bundle, Written
from kitrack.output import render
from kitrack.output.atomic import atomic_dir


def write(bundle: Bundle, output: Path, written: Written, excel: bool = False) -> None:
    encoding = "utf-8-sig" if excel else "utf-8"
    delimiter, decimal = (";", ",") if excel else (",", ".")
    with atomic_dir(output) as folder:
        for name, table in bundle.tables.items():
            with open(folder / f"{name}.csv", "w", encoding=encoding, newline="") as out:
                render.write_delimited(table, out, delimiter, neutralise=True, decimal=decimal)
    written.tables = [(output / f"{name}.csv", name, len(table.rows)) for name, table in bundle.tables.items()]
