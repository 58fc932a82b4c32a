"""`kitrack agenda`: a draft of the next meeting's agenda, from the data."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import typer

from kitrack.cli.options import FORCE, Settings, choices, fail, global_options, load_data, one_command, parse_date
from kitrack.domain.dates import parse_cli_date
from kitrack.domain.problems import Term
from kitrack.output import atomic, inert
from kitrack.output.agenda import RENDERERS
from kitrack.views import agenda as drafting
from kitrack.views import status

command = one_command()


@command.command()
@global_options()
@choices(format=RENDERERS)
def agenda(
    settings: Settings,
    meeting: str | None = typer.Option(
        None, "--meeting", help="The date of the meeting to prepare: decisions due by then are listed "
        "[default: --as-of].", show_default=False,
    ),
    format: str = typer.Option("md", "--format", "-f", help="md, a draft to edit, or json for scripts."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the draft to this file instead of standard output.", show_default=False
    ),
    force: bool = FORCE,
) -> None:
    """Draft the next meeting's agenda: decisions due, projects late, open issues, records to ask about."""
    held = settings.as_of if meeting is None else parse_date(parse_cli_date, meeting, "--meeting", settings.language)
    dataset = load_data(settings)
    draft = drafting.build(dataset, settings.as_of, held, status.default_since(dataset, settings.as_of))
    if output is None:
        RENDERERS[format](draft, sys.stdout)
        return
    text = io.StringIO()
    RENDERERS[format](draft, text)
    try:
        atomic.check_target(output, force, directory=False, data_root=dataset.root)
        with atomic.atomic_file(output) as temp:
            temp.write_text(text.getvalue(), encoding="utf-8")
    except atomic.OutputError as exc:
        raise fail(settings, str(exc)) from None
    except OSError as exc:
        raise fail(settings, Term("export.write_failed", path=str(output), reason=exc.strerror or str(exc))) from None
    typer.echo(settings.language.t("agenda.wrote", path=inert.terminal(str(output)), date=settings.language.date(held)))
