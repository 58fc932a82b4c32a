"""`kitrack diff`: what changed in the data between two git revisions."""

from __future__ import annotations

import sys

import typer

from kitrack.cli.options import EVERY_OPTION, Settings, choices, fail, global_options, loading, one_command
from kitrack.domain.problems import Term
from kitrack.git.compare import compare_revisions
from kitrack.git.repo import GitError
from kitrack.load.dataset import DataDirError
from kitrack.output.diff import RENDERERS

command = one_command()


@command.command()
@global_options(after=[name for name in EVERY_OPTION if name != "as_of"])  # a diff is of revisions, not of a day
@choices(format=RENDERERS)
def diff(
    settings: Settings,
    revisions: list[str] | None = typer.Argument(
        None,
        metavar="REV",
        help="Git revisions: none compares HEAD with the working tree; one compares it with the working tree; "
        "two compare OLD with NEW.",
        show_default=False,
    ),
    format: str = typer.Option(
        "text", "--format", "-f", help="Output format; md is ready to post as a pull-request comment."
    ),
) -> None:
    """What changed in the data between two git revisions, in words."""
    revisions = revisions or []
    if len(revisions) > 2:
        raise fail(settings, Term("error.two_revisions"))
    try:
        with loading():
            result = compare_revisions(settings.data_dir, revisions, settings.limits)
    except GitError as exc:
        raise fail(settings, str(exc)) from None
    except DataDirError as exc:
        raise fail(settings, exc.reason) from None
    RENDERERS[format](result, sys.stdout)
