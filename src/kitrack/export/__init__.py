"""`kitrack export`: the data set as files for reports, maps and SQL.

One gathering step (`kitrack.export.tables.gather`) builds every table from the row builders that
`kitrack list` uses; one module per format writes them; `atomic` makes every write all-or-nothing.

    bundle = gather(dataset, as_of, filters)
    written = write("xlsx", bundle, Path("report.xlsx"), force=False)
    print_summary(written, sys.stdout)
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TextIO

from kitrack.export import atomic
from kitrack.export.atomic import STDOUT, OutputError
from kitrack.export.tables import Bundle, Written, gather
from kitrack.output import i18n

FORMATS = ("csv", "xlsx", "json", "geojson", "sqlite")
# The formats `-o -` may send to standard output: text documents. CSV is a folder, XLSX is binary
# (garbage on a terminal) and SQLite needs a file it can seek in.
TO_STDOUT = ("json", "geojson")

__all__ = ["FORMATS", "STDOUT", "TO_STDOUT", "Bundle", "OutputError", "Written", "gather", "print_summary", "write"]


def write(
    fmt: str, bundle: Bundle, output: Path, force: bool = False, excel: bool = False, data_root: Path | None = None,
) -> Written:
    """Write `bundle` to `output` in `fmt` (one of FORMATS), or to standard output if `output` is `-`
    (formats in TO_STDOUT). Raises OutputError (a usage error) before writing anything if the output
    cannot or may not be written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    if output == STDOUT:
        if fmt not in TO_STDOUT:
            raise OutputError(i18n.t("export.stdout_format", format=fmt))
    else:
        atomic.check_target(output, force, directory=fmt == "csv", data_root=data_root)
    written = Written(fmt, output, bundle)
    # Each writer is imported only when its format is asked for (xlsxwriter is not light).
    writer = importlib.import_module(f"kitrack.export.to_{fmt}")
    options = {"excel": excel} if fmt == "csv" else {}
    writer.write(bundle, output, written, **options)
    return written


def print_summary(written: Written, out: TextIO, err: TextIO | None = None, data_errors: int | None = None) -> None:
    """What was written: the output, then one line per table with its file and row count, to `out`;
    warnings about the data to `err` (default `out`)."""
    bundle = written.bundle
    out.write(i18n.t(
        "export.wrote", path=str(written.output), format=written.format.upper(), as_of=bundle.as_of.isoformat(),
    ) + "\n")
    if bundle.filters.given():
        out.write("  " + i18n.t("export.filters", filters=bundle.filters.describe()) + "\n")
    names = [
        str(path.relative_to(written.output.parent)) if path != written.output else path.name
        for path, _, _ in written.tables
    ]
    name_width = max((len(n) for n in names), default=0)
    table_width = max((len(table) for _, table, _ in written.tables), default=0)
    for name, (_, table, rows) in zip(names, written.tables, strict=True):
        line = i18n.t("export.rows", rows=rows)
        if written.format == "csv":
            out.write(f"  {name:<{name_width}}  {line}\n")
        else:
            out.write(f"  {table:<{table_width}}  {line}\n")
    if written.format == "geojson":
        estates = sum(1 for place in bundle.located.values() if place.table == "estates")
        projects = len(bundle.located) - estates
        out.write("  " + i18n.t("export.mapped", count=estates, total=estates + len(bundle.unlocated)) + "\n")
        out.write("  " + i18n.t(
            "export.mapped_projects", count=projects, total=projects + len(bundle.projects_unlocated),
        ) + "\n")
    if bundle.unlocated and written.format == "geojson":  # the workbook lists them on its summary sheet
        if not any(place.table == "estates" for place in bundle.located.values()):
            out.write(i18n.t("export.no_locations", count=len(bundle.unlocated)) + "\n")
        else:
            out.write(i18n.t("export.unlocated", count=len(bundle.unlocated)) + "\n")
        out.write("  " + ", ".join(bundle.unlocated) + "\n")
    err = err or out
    if written.skipped:
        err.write(i18n.t("export.skipped", count=written.skipped) + "\n")
    if written.dangling:
        err.write(i18n.t("export.dangling", count=written.dangling) + "\n")
    if data_errors:
        err.write(i18n.t("export.data_errors", errors=data_errors) + "\n")
