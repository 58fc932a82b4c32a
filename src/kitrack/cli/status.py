"""`kitrack status`: the meeting view."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from kitrack import checks
from kitrack.cli.options import Settings, choices, fail, global_options, load_data, loading, one_command, parse_date
from kitrack.domain.dates import Revision, parse_since
from kitrack.domain.defaults import DEFAULT_STALE_DAYS
from kitrack.domain.problems import Term
from kitrack.git.repo import GitError
from kitrack.git.snapshot import dataset_at
from kitrack.load.dataset import Dataset
from kitrack.output.status import RENDERERS
from kitrack.views import status as board
from kitrack.views.tables import FilterError, Filters

command = one_command()
SECTION_HELP = f"Show this section (repeatable): {', '.join(board.SHOWABLE)}."
# The options `report` shares with `status`: the brief is the board, compared and judged alike.
SINCE = typer.Option(
    None,
    "--since",
    help="Compare with this date or git revision [default: the latest meeting before --as-of, or 30 days before it].",
    show_default=False,
)
STALE_DAYS = typer.Option(
    DEFAULT_STALE_DAYS, "--stale-days", min=1, help="A record with no report in this many days is stale."
)


@command.command()
@global_options()
@choices(format=RENDERERS)
def status(
    settings: Settings,
    region: str | None = typer.Option(
        None, "--region", "-r", help="Narrow the view to one region (an id from regions.yaml)."
    ),
    since: str | None = SINCE,
    format: str = typer.Option(
        "table", "--format", "-f", help="table on screen, md for the minutes, json for scripts."
    ),
    stale_days: int = STALE_DAYS,
    full: bool = typer.Option(False, "--full", help="Show every section, not only what needs attention."),
    section: list[str] = typer.Option(
        [], "--section", "-s", help=SECTION_HELP,
        show_default=False,
    ),
) -> None:
    """The meeting view: where every estate and project stands, what changed, what is late."""
    unknown = [name for name in section if name not in board.SHOWABLE]
    if unknown:
        raise fail(settings, Term("error.bad_section", section=unknown[0], choices=", ".join(board.SHOWABLE)))
    shown = board.SHOWABLE if full else section or board.COMPACT
    dataset = load_data(settings)
    report = build_board(settings, dataset, region, since, stale_days, shown)
    RENDERERS[format](report, sys.stdout)


def build_board(
    settings: Settings, dataset: Dataset, region: str | None, since: str | None, stale_days: int,
    shown: Sequence[str] = board.SHOWABLE,
) -> board.StatusReport:
    """The board of `status` (and of `report`, which shows every section): the region checked,
    `--since` resolved to a date or to the data of a git revision, the errors counted as `check`
    counts them."""
    try:
        Filters(region=region).validate_region(dataset.regions)
    except FilterError as exc:
        raise fail(settings, exc.reason) from None
    baseline: Dataset | None = None
    if since is None:
        point = board.default_since(dataset, settings.as_of)
    elif isinstance(compared := parse_date(parse_since, since, "--since", settings.language), Revision):
        # A git revision: compared as that revision's data stood on --as-of.
        try:
            with loading():
                baseline = dataset_at(settings.data_dir, compared.name, settings.limits)
        except GitError as exc:
            raise fail(settings, Term("error.bad_since", since=since, detail=str(exc))) from None
        point = board.Since(settings.as_of, "revision", compared.name)
    else:
        if compared > settings.as_of:
            language = settings.language
            raise fail(settings, language.t(
                "error.since_after", since=language.date(compared), as_of=language.date(settings.as_of)))
        point = board.Since(compared, "given")
    return board.build(
        dataset,
        settings.as_of,
        point,
        region=region,
        baseline=baseline,
        stale_days=stale_days,
        errors=checks.error_count(dataset, checks.Context(as_of=settings.as_of, stale_days=stale_days)),
        shown=shown,
    )
