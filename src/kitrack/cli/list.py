"""`kitrack list`: one table of records, filtered and sorted."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

import typer

from kitrack.cli.options import Settings, choices, fail, global_options, load_data, one_command, psn_filter
from kitrack.domain.problems import Term
from kitrack.output import inert, render
from kitrack.views import tables
from kitrack.views.table import Table

command = one_command()


def _delimited(delimiter: str) -> Callable[[Table, TextIO], None]:
    def write(table: Table, out: TextIO) -> None:
        # Formula-looking cells are neutralised here too: list output is often opened in a spreadsheet.
        shown = inert.terminal if render.is_terminal(out) else inert.ci_commands
        render.write_delimited(table, out, delimiter, neutralise=True, shown=shown)

    return write


FORMATS: dict[str, Callable[[Table, TextIO], None]] = {
    "table": render.print_marked,
    "csv": _delimited(","),
    "tsv": _delimited("\t"),
    "json": lambda table, out: inert.write_json(render.as_json(table), out),
}


@command.command("list")
@global_options()
@choices(what=tables.BUILDERS, format=FORMATS)
def list_records(
    settings: Settings,
    what: str = typer.Argument(..., help="What to list."),
    region: str | None = typer.Option(None, "--region", "-r", help="Only this region."),
    status: str | None = typer.Option(None, "--status", help="Only this status (issues: open or resolved)."),
    kind: str | None = typer.Option(
        None, "--kind", help="Only this kind (infrastructure: road, port...; agencies: ministry, bumn...)."
    ),
    owner: str | None = typer.Option(
        None, "--owner", help="Only records owned or operated by this agency (issues: the agency that must act)."
    ),
    psn: bool | None = typer.Option(
        None, "--psn/--no-psn", help="Only National Strategic Projects, or only those that are not.", show_default=False
    ),
    psn_unknown: bool = typer.Option(
        False, "--psn-unknown", help="Only records whose PSN status no source confirms (psn: unknown)."
    ),
    overdue: bool = typer.Option(False, "--overdue", help="Only records with something overdue."),
    sort: str | None = typer.Option(None, "--sort", help="Sort by this column; -column sorts descending."),
    format: str = typer.Option("table", "--format", "-f", help="Output format."),
) -> None:
    """Query records: estates, infrastructure, issues, regions or agencies, or their reports,
    milestones, sources and regencies."""
    chosen_psn = psn_filter(settings, psn, psn_unknown)
    filters = tables.Filters(region=region, status=status, kind=kind, owner=owner, psn=chosen_psn, overdue=overdue)
    try:
        filters.validate(what)
        dataset = load_data(settings)
        filters.validate_region(dataset.regions)
    except tables.FilterError as exc:
        raise fail(settings, exc.reason) from None
    table = tables.build(what, dataset, settings.as_of, filters)
    if sort is not None:
        if table.column(sort.lstrip("-")) is None:
            raise fail(
                settings, Term("error.unknown_sort", field=sort, choices=", ".join(c.key for c in table.columns))
            )
        table = table.sorted_by(sort, settings.language.code)
    FORMATS[format](table, sys.stdout)
