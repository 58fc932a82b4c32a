"""`kitrack new`: a new record file with its required fields.

Which fields are required, and what each takes (a choice, a list, a date, text), is read from the
record's model, so the questions follow the model. An estate or project also gets its first report:
its stage (`--status`), the date and the source (a URL) that give it, since every stage is dated
and sourced. On a terminal the command asks for each required value not given as an option; in a
script (standard input not a terminal) a missing one is a usage error that names its option.
"""

from __future__ import annotations

import enum
import re
import typing
from typing import Any

import typer

from kitrack.cli import editing
from kitrack.cli.options import Settings, choices, fail, global_options, load_data, one_command
from kitrack.domain import kinds
from kitrack.domain.dates import PartialDate
from kitrack.domain.models import SourceKind, Status
from kitrack.domain.problems import Term
from kitrack.edit import changes

command = one_command()

# `kitrack new project` is clearer than `new infrastructure`; both name the same kind.
KINDS: dict[str, kinds.FolderKind] = {"project": kinds.INFRASTRUCTURE, **{k.name: k for k in kinds.FOLDER_KINDS}}
# A meeting's id starts with its date (`2026-12-01-rakor-ki`, `2022-rakor-ki-jatim`).
_DATED_ID = re.compile(r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)-")
# The option of each field whose option is not `--<field>`.
OPTIONS = {"kind": "--kind", "attendees": "--attendee", "regions": "--region"}
# What a first report's stage may be.
STAGES = {member.value: member.value for member in Status}


@command.command()
@global_options()
@choices(kind=KINDS)
def new(
    settings: Settings,
    kind: str = typer.Argument(..., metavar="KIND", help="estate, project (or infrastructure) or meeting."),
    record_id: str = typer.Argument(
        ..., metavar="ID", help="The new record's id, its file name: ki-ngawi, tol-klbm, 2026-12-01-rakor-ki."
    ),
    name: str | None = typer.Option(None, "--name", help="Estate, project: its name.", show_default=False),
    psn: str | None = typer.Option(
        None, "--psn", help="Estate, project: a National Strategic Project? true, false or unknown.", show_default=False
    ),
    regions: list[str] = typer.Option(
        [], "--region", help="Estate: its region id; project: each region it runs through.", show_default=False
    ),
    regency: str | None = typer.Option(None, "--regency", help="Estate: its regency id.", show_default=False),
    project_kind: str | None = typer.Option(
        None, "--kind", help="Project: what it builds (toll-road, port, ...).", show_default=False
    ),
    owner: str | None = typer.Option(None, "--owner", help="Project: the owner agency id.", show_default=False),
    operator: str | None = typer.Option(
        None, "--operator", help="Estate, project: the operator agency id.", show_default=False
    ),
    status: str | None = typer.Option(
        None, "--status", help="Estate, project: its stage, as the source gives it.", show_default=False
    ),
    date: str | None = typer.Option(
        None,
        "--date",
        help="Estate, project: the date the source gives the stage for; meeting: its date [default: from the id].",
        show_default=False,
    ),
    source: str | None = typer.Option(
        None, "--source", help="Estate, project: the URL of the source that gives the stage.", show_default=False
    ),
    source_title: str | None = typer.Option(None, "--source-title", help="The source's title.", show_default=False),
    source_kind: str | None = typer.Option(
        None, "--source-kind", help="What the source is: " + ", ".join(k.value for k in SourceKind) + ".",
        show_default=False,
    ),
    title: str | None = typer.Option(None, "--title", help="Meeting: its title.", show_default=False),
    chair: str | None = typer.Option(None, "--chair", help="Meeting: the chairing agency id.", show_default=False),
    attendees: list[str] = typer.Option(
        [], "--attendee", help="Meeting: an attending agency id; repeat for more.", show_default=False
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the new file as a diff and write nothing."),
) -> None:
    """Write a new estate, project or meeting file with its required fields, asking for any not given."""
    record_kind = KINDS[kind]
    fields = record_kind.model.model_fields
    data = load_data(settings)
    editing.make(settings, lambda: changes.check_new(data, record_kind, record_id))
    region_field = "regions" if "regions" in fields else "region"  # a project runs through several
    region: Any = regions if region_field == "regions" else next(iter(regions), None)
    given: dict[str, Any] = {
        "name": name, "psn": psn, region_field: region or None,
        "regency": regency, "kind": project_kind, "owner": owner, "operator": operator, "title": title,
        "chair": chair, "attendees": attendees or None,
    }
    if region_field == "region" and len(regions) > 1:
        raise fail(settings, Term("edit.one_region"))
    dated = _DATED_ID.match(record_id)
    if "date" in fields:
        given["date"] = date if date is not None or not dated else dated.group(1)
    for field in changes.required_fields(record_kind):
        if given.get(field) is None:
            given[field] = _ask(settings, field, fields[field].annotation)
    values: dict[str, Any] = {}
    for field, value in given.items():
        if value is None:
            continue
        if field not in fields:
            raise fail(settings, Term("edit.not_a_field", option=_option(field), kind=Term(record_kind.label)))
        values[field] = _value(settings, field, fields[field].annotation, value)
    first = None
    if changes.needs_stage(record_kind):
        stage = status if status is not None else _ask(settings, "status", Status)
        _choose(settings, "status", STAGES, stage)
        when = editing.date_option(settings, date if date is not None else _ask(settings, "date", str), "--date")
        url = source if source is not None else _ask(settings, "source", str)
        if source_kind is not None:
            _choose(settings, "source_kind", {k.value: k.value for k in SourceKind}, source_kind)
        first = (when, changes.NewSource(url, source_title, source_kind), {"status": stage})
    change = editing.make(settings, lambda: changes.new_record(data, record_kind, record_id, values, first))
    editing.apply(settings, data, [change], dry_run)


def _option(field: str) -> str:
    return OPTIONS.get(field, "--" + field.replace("_", "-"))


def _choices(annotation: Any) -> dict[str, Any] | None:
    """The answers a field allows, as typed (`true`, `planning`), and the value each one means."""
    enums = [a for a in (annotation, *typing.get_args(annotation)) if isinstance(a, type) and issubclass(a, enum.Enum)]
    if not enums:
        return None
    return {(str(m.value).lower() if isinstance(m.value, bool) else str(m.value)): m.value for m in enums[0]}


def _value(settings: Settings, field: str, annotation: Any, value: Any) -> Any:
    """A field's value as given (text) turned into what the model takes: a choice, a date, a list."""
    allowed = _choices(annotation)
    if allowed is not None and isinstance(value, str):
        return _choose(settings, field, allowed, value)
    if annotation is PartialDate or PartialDate in typing.get_args(annotation):
        return editing.date_option(settings, value, _option(field))
    if typing.get_origin(annotation) is list and isinstance(value, str):
        return [item for item in re.split(r"[,\s]+", value) if item]
    return value


def _choose(settings: Settings, field: str, allowed: dict[str, Any], value: str) -> Any:
    if value not in allowed:
        raise fail(settings, Term("edit.bad_choice", option=_option(field), value=value, allowed=", ".join(allowed)))
    return allowed[value]


def _ask(settings: Settings, field: str, annotation: Any) -> Any:
    """A required value, asked for on a terminal (a choice again until it is one); in a script, a
    usage error that names the option."""
    if not editing.interactive():
        raise fail(settings, Term("edit.missing_option", option=_option(field), field=field))
    allowed = _choices(annotation)
    if allowed is None:
        question = f"{field} (separated by commas)" if typing.get_origin(annotation) is list else field
        return typer.prompt(question)
    while True:
        answer = str(typer.prompt(f"{field} ({', '.join(allowed)})")).strip()
        if answer in allowed:
            return answer
        typer.echo(settings.language.t("edit.choose", value=answer, allowed=", ".join(allowed)), err=True)
