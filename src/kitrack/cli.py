"""The command line: a thin Typer app. Options in, a library call, a renderer out.

Global options (`--data`, `--as-of`, `--lang`) are accepted both before the command
(`kitrack --data d check`) and after it (`kitrack check --data d`); the later one wins.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from kitrack import __version__

app = typer.Typer(
    name="kitrack",
    help="Track industrial estates (Kawasan Industri) and the infrastructure that serves them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class Lang(str, Enum):
    en = "en"
    id = "id"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kitrack {__version__}")
        raise typer.Exit()


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    from kitrack.dates import parse_cli_date

    try:
        return parse_cli_date(value)
    except (TypeError, ValueError) as exc:
        raise typer.BadParameter(f"`{value}` is not a date ({exc}); use a date such as 2026-11-29, 2026-11 or 2026", param_hint="--as-of") from None


DataOption = typer.Option(None, "--data", envvar="KITRACK_DATA", help="Data directory [default: ./data].", show_default=False)
AsOfOption = typer.Option(None, "--as-of", help="Show the data as it stood on this date [default: today].", show_default=False)
LangOption = typer.Option(None, "--lang", envvar="KITRACK_LANG", help="Language of the output: en or id.", show_default=False)


@app.callback()
def root(
    ctx: typer.Context,
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    ctx.obj = {"data": data, "as_of": _parse_date(as_of), "lang": lang}


def _settings(ctx: typer.Context, data: Optional[Path], as_of: Optional[str]) -> tuple[Optional[Path], dt.date]:
    outer = ctx.obj or {}
    day = _parse_date(as_of) or outer.get("as_of") or dt.date.today()
    return data or outer.get("data"), day


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    typer.echo(f"kitrack: error: {message}", err=True)
    return typer.Exit(code)


def _find_data_dir(explicit: Optional[Path], paths: list[Path]) -> Path:
    """The data directory: --data or KITRACK_DATA; else the first PATH that is one, or contains the
    first PATH; else ./data."""
    from kitrack.dataset import is_data_dir

    if explicit is not None:
        return explicit
    if paths:
        first = paths[0]
        for candidate in (first, *first.resolve().parents):
            if is_data_dir(candidate):
                return candidate
    return Path("data")


@app.command()
def check(
    ctx: typer.Context,
    paths: Optional[List[Path]] = typer.Argument(None, help="The data directory, or files and folders inside it [default: the data directory].", show_default=False),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REV", help="Report only problems in files changed since this git revision, and those the changes caused elsewhere.", show_default=False),
    stale_days: int = typer.Option(365, "--stale-days", min=1, help="A record with no report in this many days is stale."),
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
) -> None:
    """Validate every record and report every problem, with file, line and column."""
    from kitrack import checks
    from kitrack.dataset import DataDirError, load
    from kitrack.problems import Summary
    from kitrack.reporters import REPORTERS

    data_option, day = _settings(ctx, data, as_of)
    paths = list(paths or [])
    root_dir = _find_data_dir(data_option, paths)
    for path in paths:
        if not path.exists():
            raise fail(f"`{path}` does not exist")
        resolved, base = path.resolve(), root_dir.resolve()
        if resolved != base and base not in resolved.parents:
            raise fail(f"`{path}` is not inside the data directory `{root_dir}`; pass --data DIR")
    try:
        dataset = load(root_dir)
    except DataDirError as exc:
        raise fail(f"{exc}; pass --data DIR or set KITRACK_DATA") from None
    problems = checks.run(dataset, checks.Context(as_of=day, stale_days=stale_days))
    if paths and not all(p.resolve() == root_dir.resolve() for p in paths):
        problems = checks.select(problems, dataset, paths)
    if changed_since is not None:
        from kitrack import history

        try:
            problems = history.changed_problems(root_dir, changed_since, dataset, problems, checks.Context(as_of=day, stale_days=stale_days))
        except history.HistoryError as exc:
            raise fail(str(exc)) from None
    summary = Summary.of(problems, files=len(dataset.files), records=dataset.record_count)
    REPORTERS[format.value](problems, summary, sys.stdout)
    failed = summary.errors or (strict and summary.warnings)
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)


@app.command()
def diff(
    ctx: typer.Context,
    revisions: Optional[List[str]] = typer.Argument(None, metavar="REV", help="Git revisions: none compares HEAD with the working tree; one compares it with the working tree; two compare OLD with NEW.", show_default=False),
    format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="Output format; md is ready to post as a pull-request comment."),
    data: Optional[Path] = DataOption,
    lang: Optional[Lang] = LangOption,
) -> None:
    """What changed in the data between two git revisions, in words."""
    from kitrack import history

    data_option, _ = _settings(ctx, data, None)
    revisions = list(revisions or [])
    if len(revisions) > 2:
        raise fail("give at most two revisions: kitrack diff [OLD [NEW]]")
    try:
        result = history.diff(data_option or Path("data"), revisions)
    except history.HistoryError as exc:
        raise fail(str(exc)) from None
    history.RENDERERS[format.value](result, sys.stdout)


@app.command()
def schema(
    output: Path = typer.Option(Path("schemas"), "--output", "-o", help="Directory to write the schemas into."),
) -> None:
    """Write a JSON Schema for each record kind, for editors (the YAML language server) and other validators."""
    from kitrack import schemas

    try:
        written = schemas.write(output)
    except OSError as exc:
        raise fail(f"cannot write to `{output}`: {exc.strerror or exc}") from None
    for path in written:
        typer.echo(str(path))


def main() -> None:
    """Entry point: never a traceback for the user; KITRACK_DEBUG=1 shows one for developers."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # Output piped into `head`: not an error. Silence the flush at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)
    except Exception as exc:  # noqa: BLE001 - the last line of defence of the no-traceback promise
        if os.environ.get("KITRACK_DEBUG"):
            raise
        print(f"kitrack: internal error: {type(exc).__name__}: {exc}. Please report it; run with KITRACK_DEBUG=1 for details.", file=sys.stderr)
        sys.exit(70)
