"""`kitrack show`: one record in full."""

from __future__ import annotations

import sys

import typer

from kitrack.cli.options import Settings, fail, global_options, load_data, one_command
from kitrack.domain.suggestions import closest
from kitrack.output.show import print_record
from kitrack.views import show as detail

command = one_command()


@command.command()
@global_options()
def show(
    settings: Settings,
    record_id: str = typer.Argument(..., metavar="ID", help="The id of an estate, project, region, agency or meeting."),
) -> None:
    """One record in full: its figures, reports with the change between them, milestones, issues,
    sources, and the records that reference it."""
    dataset = load_data(settings)
    if "/" in record_id:  # a section: `tol-klbm/seksi-4`
        located = detail.find_section(dataset, record_id)
        if located is None:
            language = settings.language
            choices = detail.section_ids(dataset, record_id.partition("/")[0]) or detail.all_ids(dataset)
            nearest = language.t("show.closest", ids=closest(record_id, choices))
            raise fail(settings, f"{language.t('show.unknown', id=record_id)}; {nearest}")
        print_record(detail.section_view(*located, settings.as_of), sys.stdout)
        return
    found = detail.find(dataset, record_id)
    if not found:
        language = settings.language
        nearest = language.t("show.closest", ids=closest(record_id, detail.all_ids(dataset)))
        raise fail(settings, f"{language.t('show.unknown', id=record_id)}; {nearest}")
    for position, record in enumerate(found):
        if position:
            sys.stdout.write("\n")
        print_record(detail.view(dataset, record, settings.as_of), sys.stdout)
