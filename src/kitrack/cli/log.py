"""`kitrack log`: add a dated report to a record, and its source if it is new.

The figure options (`--percent`, `--area-ha`, ...) come from the figure registry
(`domain/figures.py`): a new figure is an option here without a change to this module.
"""

from __future__ import annotations

import inspect

import typer

from kitrack.cli import editing
from kitrack.cli.options import Settings, _with_signature, global_options, load_data, one_command
from kitrack.domain import figures
from kitrack.edit import changes
from kitrack.edit.numbers import NumberError, parse_number

command = one_command()


def _option(figure: figures.Figure) -> str:
    return "--" + figure.field.replace("_", "-")


def log(
    settings: Settings,
    record_id: str = typer.Argument(..., metavar="ID", help="The estate or infrastructure project."),
    date: str = typer.Option(
        ..., "--date", help="The date the source gives the figures for: 2026-11-29, 2026-11 or 2026."
    ),
    source: str = typer.Option(
        ..., "--source", help="The source: the id of one of the record's sources, or a URL (added if new).",
    ),
    note: str | None = typer.Option(None, "--note", help="A note on the report.", show_default=False),
    source_title: str | None = typer.Option(
        None, "--source-title", help="The title of a new source (with a URL).", show_default=False
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the change as a diff and write nothing."),
    **given: str | None,
) -> None:
    """Add a dated report with its figures to an estate or project (and its source, if new).

    Numbers may be typed the Indonesian way (1.250,5) or the English way (1,250.5); 1.250 alone is
    refused, since it could be either."""
    language = settings.language
    values: dict[str, float] = {}
    for figure in figures.FIGURES:
        text = given.get(figure.field)
        if text is None:
            continue
        try:
            values[figure.field] = parse_number(text)
        except NumberError as exc:
            raise typer.BadParameter(language.render(exc.reason), param_hint=_option(figure)) from None
    when = editing.date_option(settings, date, "--date")
    data = load_data(settings)
    change = editing.make(
        settings, lambda: changes.log(data, record_id, when, source, values, note=note, source_title=source_title)
    )
    editing.apply(settings, data, [change], dry_run)


def _figure_parameters() -> list[inspect.Parameter]:
    return [
        inspect.Parameter(
            figure.field,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=typer.Option(
                None,
                _option(figure),
                metavar="NUMBER",
                help=f"{figure.reported_by.capitalize()} reports: {figure.field} ({figure.unit.name}).",
                show_default=False,
            ),
            annotation=str | None,
        )
        for figure in figures.FIGURES
    ]


_signature = inspect.signature(log, eval_str=True)
_own = [p for p in _signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
_at = [p.name for p in _own].index("note")
_with_signature(log, _signature.replace(parameters=[*_own[:_at], *_figure_parameters(), *_own[_at:]]))
command.command(name="log")(global_options()(log))
