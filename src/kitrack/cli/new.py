"""`kitrack new`: a new record file with its required fields.

Which fields are required, and what each takes (a choice, yes or no, a date, text), is read from the
record's model, so the questions follow the model. On a terminal the command asks for each required
field not given as an option; in a script (standard input not a terminal) a missing one is a usage
error that names its option.
"""

from __future__ import annotations

import enum
import re
import typing
from typing import Any

import typer

from kitrack.cli import editing
from kitrack.cli.options import Settings, choices, fail, global_options, load_data, one_command, parse_date
from kitrack.domain import kinds
from kitrack.domain.dates import PartialDate
from kitrack.domain.problems import Term
from kitrack.edit import changes

command = one_command()

# `kitrack new project` is clearer than `new infrastructure`; both name the same kind.
KINDS: dict[str, kinds.FolderKind] = {"project": kinds.INFRASTRUCTURE, **{k.name: k for k in kinds.FOLDER_KINDS}}
# A meeting's id starts with its date (`2026-12-01-rakor-ki`, `2022-rakor-ki-jatim`).
_DATED_ID = re.compile(r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)-")


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
    status: str | None = typer.Option(None, "--status", help="Estate, project: its stage.", show_default=False),
    psn: bool | None = typer.Option(
        None, "--psn/--no-psn", help="Estate, project: a National Strategic Project or not.", show_default=False
    ),
    region: str | None = typer.Option(None, "--region", help="Estate, project: its region id.", show_default=False),
    regency: str | None = typer.Option(None, "--regency", help="Estate: its regency id.", show_default=False),
    project_kind: str | None = typer.Option(
        None, "--kind", help="Project: what it builds (toll-road, port, ...).", show_default=False
    ),
    owner: str | None = typer.Option(None, "--owner", help="Project: the owner agency id.", show_default=False),
    operator: str | None = typer.Option(
        None, "--operator", help="Estate, project: the operator agency id.", show_default=False
    ),
    date: str | None = typer.Option(
        None, "--date", help="Meeting: its date [default: from the id, 2026-12-01-...].", show_default=False
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
    given: dict[str, Any] = {
        "name": name, "status": status, "psn": psn, "region": region, "regency": regency, "kind": project_kind,
        "owner": owner, "operator": operator, "date": date, "title": title, "chair": chair,
        "attendees": attendees or None,
    }
    fields = record_kind.model.model_fields
    data = load_data(settings)
    editing.make(settings, lambda: changes.check_new(data, record_kind, record_id))
    dated = _DATED_ID.match(record_id)
    if record_kind is kinds.MEETING and given["date"] is None and dated:
        given["date"] = dated.group(1)
    for field in changes.required_fields(record_kind):
        if given.get(field) is None:
            given[field] = _ask(settings, field, fields[field].annotation)
    values: dict[str, Any] = {}
    for field, value in given.items():
        if value is None:
            continue
        if field not in fields:
            raise fail(settings, Term("edit.not_a_field", option=_option(field), kind=Term(record_kind.label)))
        annotation = fields[field].annotation
        is_date = annotation is PartialDate or PartialDate in typing.get_args(annotation)
        values[field] = parse_date(PartialDate.parse, value, _option(field), settings.language) if is_date else value
    change = editing.make(settings, lambda: changes.new_record(data, record_kind, record_id, values))
    editing.apply(settings, data, [change], dry_run)


def _option(field: str) -> str:
    return {"kind": "--kind", "attendees": "--attendee"}.get(field, "--" + field.replace("_", "-"))


def _ask(settings: Settings, field: str, annotation: Any) -> Any:
    """The value of a required field, asked for on a terminal; in a script, a usage error."""
    if not editing.interactive():
        raise fail(settings, Term("edit.missing_option", option=_option(field), field=field))
    if annotation is bool:
        return typer.confirm(field)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        allowed = [str(member.value) for member in annotation]
        while True:
            answer = str(typer.prompt(f"{field} ({', '.join(allowed)})")).strip()
            if answer in allowed:
                return answer
            typer.echo(settings.language.t("edit.choose", value=answer, allowed=", ".join(allowed)), err=True)
    return typer.prompt(field)
