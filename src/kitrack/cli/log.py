"""`kitrack log`: add a dated report to a record (or one of its sections), and its source if it is new.

The options for what a report gives come from the registries: the dated fields (`--status`,
`--target`, `--funding`: `figures.DATED_FIELDS`) and the figures (`--percent`, `--area-ha`, ...:
`figures.FIGURES`). A new figure or dated field is an option here without a change to this module.
"""

from __future__ import annotations

import inspect
from typing import Any

import typer

from kitrack.cli import editing
from kitrack.cli.options import Settings, _with_signature, choice, choices, global_options, load_data, one_command
from kitrack.domain import figures
from kitrack.domain.models import Funding, SourceKind, Status
from kitrack.edit import changes
from kitrack.edit.numbers import NumberError, parse_number

command = one_command()

# The choices of each kind of dated field that is not a date.
DATED_CHOICES: dict[figures.DatedKind, list[str]] = {
    "stage": [member.value for member in Status],
    "funding": [member.value for member in Funding],
}


def _option(field: str) -> str:
    return "--" + field.replace("_", "-")


def log(
    settings: Settings,
    record_id: str = typer.Argument(..., metavar="ID", help="The estate or infrastructure project."),
    date: str = typer.Option(
        ..., "--date", help="The date the source gives the figures for: 2026-11-29, 2026-11 or 2026."
    ),
    source: str = typer.Option(
        ..., "--source", help="The source: the id of one of the record's sources, or a URL (added if new).",
    ),
    section: str | None = typer.Option(
        None, "--section", help="A section of the project (its id) that the report is about.", show_default=False
    ),
    note: str | None = typer.Option(None, "--note", help="A note on the report.", show_default=False),
    source_title: str | None = typer.Option(
        None, "--source-title", help="The title of a new source (with a URL).", show_default=False
    ),
    source_kind: str | None = typer.Option(
        None, "--source-kind", help="What a new source is (with a URL).", show_default=False
    ),
    dry_run: bool = editing.DRY_RUN,
    **given: Any,
) -> None:
    """Add a dated report with its figures to an estate or project (and its source, if new).

    Numbers may be typed the Indonesian way (1.250,5) or the English way (1,250.5); 1.250 alone is
    refused, since it could be either."""
    language = settings.language
    values: dict[str, Any] = {}
    for dated in figures.DATED_FIELDS:
        value = given.get(dated.field)
        if value is not None:
            text = getattr(value, "value", value)
            values[dated.field] = (
                editing.date_option(settings, text, _option(dated.field)) if dated.type == "date" else text
            )
    for figure in figures.FIGURES:
        text = given.get(figure.field)
        if text is None:
            continue
        try:
            values[figure.field] = parse_number(text)
        except NumberError as exc:
            raise typer.BadParameter(language.render(exc.reason), param_hint=_option(figure.field)) from None
    when = editing.date_option(settings, date, "--date")
    cited = changes.NewSource(source, source_title, source_kind)
    data = load_data(settings)
    change = editing.make(
        settings, lambda: changes.log(data, record_id, when, cited, values, note=note, section=section)
    )
    editing.apply(settings, data, [change], dry_run)


def _parameter(field: str, annotation: Any, metavar: str, help: str) -> inspect.Parameter:
    return inspect.Parameter(
        field,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=typer.Option(None, _option(field), metavar=metavar, help=help, show_default=False),
        annotation=annotation,
    )


def _report_parameters() -> list[inspect.Parameter]:
    """An option for each dated field, then for each figure, as the registries list them."""
    found = []
    for dated in figures.DATED_FIELDS:
        kinds = " and ".join(dated.reported_by)
        if dated.type == "date":
            found.append(_parameter(dated.field, str | None, "DATE", f"The {dated.field} in force from this report on"
                                    f" ({kinds})."))
        else:
            keys = DATED_CHOICES[dated.type]
            found.append(_parameter(dated.field, choice(dated.field.title(), keys) | None, dated.type.upper(),
                                    f"The {dated.field} from this report on ({kinds}): {', '.join(keys)}."))
    for figure in figures.FIGURES:
        help = f"{figure.reported_by.capitalize()} reports: {figure.field} ({figure.unit.name})."
        found.append(_parameter(figure.field, str | None, "NUMBER", help))
    return found


_signature = inspect.signature(log, eval_str=True)
_own = [p for p in _signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
_at = [p.name for p in _own].index("note")
_with_signature(log, _signature.replace(parameters=[*_own[:_at], *_report_parameters(), *_own[_at:]]))
command.command(name="log")(global_options()(choices(source_kind=[kind.value for kind in SourceKind])(log)))
