"""`kitrack resolve`: mark a record's issue resolved."""

from __future__ import annotations

import typer

from kitrack.cli import editing
from kitrack.cli.options import Settings, global_options, load_data, one_command
from kitrack.edit import changes

command = one_command()


@command.command()
@global_options()
def resolve(
    settings: Settings,
    address: str = typer.Argument(..., metavar="RECORD/ISSUE", help="The record's id and the issue's id."),
    date: str | None = typer.Option(
        None, "--date", help="When it was resolved [default: the as-of date, today].", show_default=False
    ),
    dry_run: bool = editing.DRY_RUN,
) -> None:
    """Mark an issue (kendala) resolved on a date."""
    record, issue = editing.split_address(settings, address, "RECORD/ISSUE")
    when = editing.date_option(settings, date, "--date")
    data = load_data(settings)
    change = editing.make(settings, lambda: changes.resolve(data, record, issue, when))
    editing.apply(settings, data, [change], dry_run)
