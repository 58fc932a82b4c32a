"""`kitrack check`: validate every record and report every problem."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kitrack import checks
from kitrack.cli.options import (
    EXIT_OK,
    EXIT_PROBLEMS,
    Settings,
    choices,
    fail,
    global_options,
    load_data,
    loading,
    one_command,
)
from kitrack.domain.defaults import DEFAULT_STALE_DAYS
from kitrack.domain.problems import Summary, Term
from kitrack.git.changed import changed_problems
from kitrack.git.repo import GitError
from kitrack.load.dataset import find_data_dir
from kitrack.output.reporters import REPORTERS

command = one_command()


@command.command()
@global_options()
@choices(format=REPORTERS)
def check(
    settings: Settings,
    paths: list[Path] | None = typer.Argument(
        None,
        help="The data directory, or files and folders inside it [default: the data directory].",
        show_default=False,
    ),
    format: str = typer.Option("text", "--format", "-f", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    changed_since: str | None = typer.Option(
        None,
        "--changed-since",
        metavar="REV",
        help="Report only problems in files changed since this git revision, and those the changes caused elsewhere.",
        show_default=False,
    ),
    stale_days: int = typer.Option(
        DEFAULT_STALE_DAYS, "--stale-days", min=1, help="A record with no report in this many days is stale."
    ),
) -> None:
    """Validate every record and report every problem, with file, line and column."""
    paths = paths or []
    root = settings.data or find_data_dir(paths)
    for path in paths:
        if not path.exists():
            raise fail(settings, Term("error.no_path", path=str(path)))
        resolved, base = path.resolve(), root.resolve()
        if resolved != base and base not in resolved.parents:
            raise fail(settings, Term("error.outside", path=str(path), root=str(root)))
    dataset = load_data(settings, root)
    context = checks.Context(as_of=settings.as_of, stale_days=stale_days)
    everything = problems = checks.run(dataset, context)
    scope: Term | None = None  # what was checked, when it is not everything
    if paths and not all(p.resolve() == root.resolve() for p in paths):
        problems = checks.select(problems, dataset, paths)
        scope = Term("check.scope_paths", paths=", ".join(str(path) for path in paths))
    if changed_since is not None:
        try:
            with loading():
                problems, changed = changed_problems(root, changed_since, dataset, problems, context, settings.limits)
        except GitError as exc:
            raise fail(settings, str(exc)) from None
        scope = Term("check.scope_changed", files=Term("noun.file", count=changed), rev=changed_since)
    # The summary and the exit status count every problem; the list shows at most MAX_PER_FILE a file.
    summary = Summary.of(problems, files=len(dataset.files), records=dataset.record_count)
    REPORTERS[format](checks.cap_per_file(problems), summary, sys.stdout, settings.language)
    if scope is not None and format == "text":
        # "No problems" about a few files must not read as "the data is clean": say what was left out.
        listed = set(problems)
        left_out = Summary.of([p for p in everything if p not in listed], files=0, records=0)
        language = settings.language
        sys.stdout.write(language.t(
            "check.scope", scope=language.render(scope),
            errors=language.render(Term("noun.error", count=left_out.errors)),
            warnings=language.render(Term("noun.warning", count=left_out.warnings)),
        ) + "\n")
    failed = summary.errors or (strict and summary.warnings)
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)
