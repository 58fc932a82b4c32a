"""`kitrack schema`: a JSON Schema for each kind of data file."""

from __future__ import annotations

from pathlib import Path

import typer

from kitrack.cli.options import Settings, fail, global_options, one_command
from kitrack.domain.problems import Term
from kitrack.export import schemas
from kitrack.output.atomic import OutputError

command = one_command()


@command.command()
@global_options(after=())  # it reads no data: only the language, given before it, applies
def schema(
    settings: Settings,
    output: Path = typer.Option(Path("schemas"), "--output", "-o", help="Directory to write the schemas into."),
) -> None:
    """Write a JSON Schema for each record kind, for editors (the YAML language server) and other validators."""
    try:
        written = schemas.write(output)
    except OutputError as exc:
        raise fail(settings, str(exc)) from None
    except OSError as exc:
        raise fail(settings, Term("error.cannot_write", path=str(output), detail=exc.strerror or str(exc))) from None
    for path in written:
        typer.echo(str(path))
