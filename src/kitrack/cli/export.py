"""`kitrack export`: the data set as files for reports, maps and SQL."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kitrack import checks
from kitrack import export as exporter
from kitrack.cli.options import (
    FORCE,
    Settings,
    as_code,
    choices,
    fail,
    global_options,
    load_data,
    one_command,
    psn_filter,
)
from kitrack.domain.problems import Term
from kitrack.views.tables import FilterError, Filters

command = one_command()


@command.command()
@global_options()
@choices(format=exporter.FORMATS)
def export(
    settings: Settings,
    format: str = typer.Option(
        ...,
        "--format",
        "-f",
        help="csv (a folder, one file per table), xlsx, json, geojson (estates with a location) or sqlite.",
    ),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        help="The file to write; for csv, the folder; - for standard output (json, geojson).",
        show_default=False,
    ),
    force: bool = FORCE,
    excel: bool = typer.Option(
        False,
        "--excel",
        help="CSV for Excel with Indonesian regional settings: UTF-8 with BOM, `;` between columns, decimal commas.",
    ),
    region: str | None = typer.Option(None, "--region", "-r", help="Only this region."),
    status: str | None = typer.Option(None, "--status", help="Only estates and projects with this status."),
    kind: str | None = typer.Option(
        None, "--kind", help="Only infrastructure of this kind (estates are not narrowed)."
    ),
    owner: str | None = typer.Option(None, "--owner", help="Only records owned or operated by this agency."),
    psn: bool | None = typer.Option(
        None, "--psn/--no-psn", help="Only National Strategic Projects, or only those that are not.", show_default=False
    ),
    psn_unknown: bool = typer.Option(
        False, "--psn-unknown", help="Only records whose PSN status no source confirms (psn: unknown)."
    ),
    overdue: bool = typer.Option(False, "--overdue", help="Only records with something overdue."),
) -> None:
    """Write the data set for reports, maps and SQL: every table, as of a date, with the list filters."""
    if excel and format != "csv":
        raise fail(settings, Term("export.excel_only_csv"))
    chosen_psn = psn_filter(settings, psn, psn_unknown)
    filters = Filters(
        region=region, status=as_code("status", status), kind=as_code("projkind", kind), owner=owner, psn=chosen_psn,
        overdue=overdue,
    )
    try:
        filters.validate()
        dataset = load_data(settings)
        filters.validate_region(dataset.regions)
    except FilterError as exc:
        raise fail(settings, exc.reason) from None
    bundle = exporter.gather(dataset, settings.as_of, filters)
    try:
        written = exporter.write(format, bundle, output, force=force, excel=excel, data_root=dataset.root)
    except exporter.OutputError as exc:
        raise fail(settings, str(exc)) from None
    except OSError as exc:
        raise fail(settings, Term("export.write_failed", path=str(output), reason=exc.strerror or str(exc))) from None
    # With `-o -` the export itself is on stdout: the summary goes to stderr, out of its way.
    summary = sys.stderr if output == exporter.STDOUT else sys.stdout
    errors = checks.error_count(dataset, checks.Context(as_of=settings.as_of))
    exporter.print_summary(written, summary, sys.stderr, data_errors=errors)
