"""`kitrack done`: mark a meeting's decision done, or dropped with a reason."""

from __future__ import annotations

import typer

from kitrack.cli import editing
from kitrack.cli.options import Settings, fail, global_options, load_data, one_command
from kitrack.domain.problems import Term
from kitrack.edit import changes

command = one_command()


@command.command()
@global_options()
def done(
    settings: Settings,
    address: str = typer.Argument(..., metavar="MEETING/DECISION", help="The meeting's id and the decision's id."),
    date: str | None = typer.Option(
        None, "--date", help="When it was done (or dropped) [default: the as-of date, today].", show_default=False
    ),
    drop: bool = typer.Option(False, "--drop", help="Mark it dropped instead: it will not be done."),
    reason: str | None = typer.Option(
        None, "--reason", help="Why it was dropped (required with --drop).", show_default=False
    ),
    dry_run: bool = editing.DRY_RUN,
) -> None:
    """Mark a decision done on a date, or dropped with a reason (`--drop --reason TEXT`)."""
    meeting, decision = editing.split_address(settings, address, "MEETING/DECISION")
    if drop != (reason is not None):
        raise fail(settings, Term("edit.drop_reason"))
    when = editing.date_option(settings, date, "--date")
    data = load_data(settings)
    change = editing.make(settings, lambda: changes.close_decision(data, meeting, decision, when, reason))
    editing.apply(settings, data, [change], dry_run)
