"""What every editing command does with its changes: check them, show or write them, say what was done.

Not a command: `new`, `log`, `decide`, `done` and `resolve` each make their changes with
`kitrack.edit` and hand them here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import typer

from kitrack import checks
from kitrack.cli.options import EXIT_PROBLEMS, Settings, fail, parse_date
from kitrack.domain.dates import PartialDate
from kitrack.domain.problems import Summary, Term
from kitrack.edit.apply import ChangedOnDisk, judge, write
from kitrack.edit.apply import diff as unified_diff
from kitrack.edit.changes import Change
from kitrack.edit.document import EditError
from kitrack.load.dataset import Dataset
from kitrack.output.reporters import text as report

T = TypeVar("T")

# `--dry-run` of the edit commands that change a file in place (log, decide, done, resolve).
DRY_RUN = typer.Option(False, "--dry-run", help="Show the change as a diff and write nothing.")


def date_option(settings: Settings, value: str | None, option: str) -> PartialDate:
    """A date option as the source gave it (`2026-11` stays a month), checked as `--as-of` is;
    without one, the as-of date (today unless `--as-of` says otherwise)."""
    if value is None:
        return PartialDate.parse(settings.as_of.isoformat())
    return parse_date(PartialDate.parse, value, option, settings.language)


def split_address(settings: Settings, address: str, form: str) -> tuple[str, str]:
    """`meeting/decision` or `record/issue` as its two ids, or a usage error showing the form."""
    first, slash, second = address.partition("/")
    if not slash or not first or not second or "/" in second:
        raise fail(settings, Term("edit.bad_address", value=address, form=form))
    return first, second


def interactive() -> bool:
    """Whether a person is at the keyboard to ask for what is missing (tests pretend there is)."""
    return sys.stdin.isatty()


def make(settings: Settings, build: Callable[[], T]) -> T:
    """`build()`, or a usage error (exit 2) for an edit that cannot be made as asked."""
    try:
        return build()
    except EditError as exc:
        raise fail(settings, exc.reason) from None


def apply(settings: Settings, data: Dataset, changes: list[Change], dry_run: bool) -> None:
    """Refuse changes that add an error (exit 1, nothing written); show them with `dry_run`; else
    write them and say what was done, with any warnings they add."""
    language = settings.language
    verdict = judge(data.root, changes, checks.Context(as_of=settings.as_of), settings.limits)
    if dry_run:
        sys.stdout.write(unified_diff(data.root, changes))
        sys.stdout.flush()  # before the lines on standard error, which follow it on a terminal
    if verdict.errors:
        typer.echo(language.t("edit.refused", errors=language.plural(len(verdict.errors), "error")), err=True)
        summary = Summary.of(verdict.errors, files=len(changes), records=len(changes))
        report(verdict.errors, summary, sys.stderr, language)
        raise typer.Exit(EXIT_PROBLEMS)
    if not dry_run:
        try:
            write(changes)
        except ChangedOnDisk as exc:
            raise fail(settings, exc.reason) from None
        except OSError as exc:
            raise fail(settings, Term("edit.write_failed", reason=exc.strerror or str(exc))) from None
    for change in changes:
        name = str(change.path.relative_to(data.root).as_posix())
        for done in change.done:
            key = "edit.would" if dry_run else "edit.wrote"
            typer.echo(language.t(key, file=name, what=language.render(done)), err=dry_run)
    if verdict.warnings:
        typer.echo(language.t("edit.warnings", warnings=language.plural(len(verdict.warnings), "warning")), err=True)
        summary = Summary.of(verdict.warnings, files=len(changes), records=len(changes))
        report(verdict.warnings, summary, sys.stderr, language)
