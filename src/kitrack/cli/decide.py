"""`kitrack decide`: add a decision to a meeting."""

from __future__ import annotations

import typer

from kitrack.cli import editing
from kitrack.cli.options import Settings, global_options, load_data, one_command
from kitrack.edit import changes

command = one_command()


@command.command()
@global_options()
def decide(
    settings: Settings,
    meeting: str = typer.Argument(..., metavar="MEETING", help="The meeting's id (its file name without .yaml)."),
    text: str = typer.Argument(..., metavar="TEXT", help="What was decided."),
    owner: str = typer.Option(..., "--owner", help="The agency that must act (an id from agencies.yaml)."),
    due: str | None = typer.Option(
        None, "--due", help="When it is due: 2027-03-31, 2027-03 or 2027.", show_default=False
    ),
    related: list[str] = typer.Option(
        [], "--related", help="A record it concerns (or record/section); repeat for more.", show_default=False
    ),
    decision_id: str | None = typer.Option(
        None, "--id", help="The decision's id [default: from its first words].", show_default=False
    ),
    dry_run: bool = editing.DRY_RUN,
) -> None:
    """Add a decision to a meeting: what, who must act, by when."""
    when = editing.date_option(settings, due, "--due") if due is not None else None
    data = load_data(settings)
    change = editing.make(settings, lambda: changes.decide(data, meeting, text, owner, when, related, decision_id))
    editing.apply(settings, data, [change], dry_run)
