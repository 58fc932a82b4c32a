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
from kitrack.domain.defaults import DEFAULT_STALE_DAYS

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


def _parse_date(value: Optional[str], option: str = "--as-of") -> Optional[dt.date]:
    if value is None:
        return None
    from kitrack.output import i18n  # lazy: start-up
    from kitrack.domain.dates import parse_cli_date

    try:
        return parse_cli_date(value)
    except (TypeError, ValueError) as exc:
        raise typer.BadParameter(i18n.t("error.bad_date", value=value, detail=str(exc)), param_hint=option) from None


DataOption = typer.Option(None, "--data", envvar="KITRACK_DATA", help="Data directory [default: ./data].", show_default=False)
AsOfOption = typer.Option(None, "--as-of", help="Show the data as it stood on this date [default: today].", show_default=False)
LangOption = typer.Option(None, "--lang", envvar="KITRACK_LANG", help="Language of the output: en or id.", show_default=False)
StaleDaysOption = typer.Option(DEFAULT_STALE_DAYS, "--stale-days", min=1, help="A record with no report in this many days is stale.")
# At most 1,024 MB: a data file is a few kilobytes, and `inf` or `1e306` (which overflows to infinity in
# bytes) is a usage error here rather than a limit that no longer limits anything.
MaxFileOption = typer.Option(None, "--max-file-mb", envvar="KITRACK_MAX_FILE_MB", min=0.001, max=1024, help="Refuse data files larger than this many megabytes (0.001–1024) [default: 5].", show_default=False)
MaxDepthOption = typer.Option(None, "--max-depth", envvar="KITRACK_MAX_DEPTH", min=4, max=500, help="Refuse YAML nested deeper than this many levels [default: 64].", show_default=False)


@app.callback()
def root(
    ctx: typer.Context,
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
    max_file_mb: Optional[float] = MaxFileOption,
    max_depth: Optional[int] = MaxDepthOption,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    from kitrack.output import i18n  # lazy: start-up

    i18n.set_language(lang.value if lang else None)  # before anything can fail: errors speak it too
    ctx.obj = {"data": data, "as_of": _parse_date(as_of), "lang": lang, "max_file_mb": max_file_mb, "max_depth": max_depth}


def _settings(ctx: typer.Context, data: Optional[Path], as_of: Optional[str], lang: Optional[Lang] = None, max_file_mb: Optional[float] = None, max_depth: Optional[int] = None) -> tuple[Optional[Path], dt.date]:
    """Merge the options given after the command with those given before it; set the language and
    the limits on what is read."""
    from kitrack.output import i18n  # lazy: start-up
    from kitrack.load.dataset import set_limits

    outer = ctx.obj or {}
    megabytes = max_file_mb if max_file_mb is not None else outer.get("max_file_mb")
    set_limits(max_bytes=None if megabytes is None else int(megabytes * 1024 * 1024), max_depth=max_depth or outer.get("max_depth"))
    chosen = lang or outer.get("lang")
    i18n.set_language(chosen.value if chosen else None)
    day = _parse_date(as_of) or outer.get("as_of") or dt.date.today()
    return data or outer.get("data"), day


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    from kitrack.output import i18n  # lazy: start-up

    typer.echo(i18n.t("error.prefix", message=message), err=True)
    return typer.Exit(code)


def _load(root: Optional[Path]):
    """The data set of the data directory, or a usage error (exit 2) if there is none."""
    from kitrack.output import i18n  # lazy: start-up
    from kitrack.load.dataset import DataDirError, load

    try:
        return load(root or Path("data"))
    except DataDirError as exc:
        raise fail(i18n.t("error.data_dir", detail=str(exc))) from None


def _closest(value: str, choices: list[str]) -> str:
    import difflib  # lazy: start-up

    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.5)
    return ", ".join(f"`{c}`" for c in (close or choices[:8]))


def _check_choice(value: Optional[str], option: str, choices: list[str]) -> None:
    from kitrack.output import i18n  # lazy: start-up

    if value is not None and value not in choices:
        raise fail(i18n.t("error.bad_value", value=value, option=f"--{option}", choices=", ".join(choices)))


def _check_region(dataset, region: Optional[str]) -> None:
    from kitrack.output import i18n  # lazy: start-up

    if region is not None and region not in dataset.regions:
        raise fail(i18n.t("error.unknown_region", region=region, choices=_closest(region, sorted(dataset.regions))))


def _data_errors(dataset) -> int:
    return sum(1 for problem in dataset.problems if problem.level == "error")


def _find_data_dir(explicit: Optional[Path], paths: list[Path]) -> Path:
    """The data directory: --data or KITRACK_DATA; else the first PATH that is one, or contains the
    first PATH; else ./data."""
    from kitrack.load.dataset import is_data_dir  # lazy: start-up

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
    stale_days: int = StaleDaysOption,
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
    max_file_mb: Optional[float] = MaxFileOption,
    max_depth: Optional[int] = MaxDepthOption,
) -> None:
    """Validate every record and report every problem, with file, line and column."""
    from kitrack import checks  # lazy: start-up
    from kitrack.output import i18n
    from kitrack.domain.problems import Summary
    from kitrack.output.reporters import REPORTERS

    data_option, day = _settings(ctx, data, as_of, lang, max_file_mb, max_depth)
    paths = list(paths or [])
    root_dir = _find_data_dir(data_option, paths)
    for path in paths:
        if not path.exists():
            raise fail(i18n.t("error.no_path", path=path))
        resolved, base = path.resolve(), root_dir.resolve()
        if resolved != base and base not in resolved.parents:
            raise fail(i18n.t("error.outside", path=path, root=root_dir))
    dataset = _load(root_dir)
    context = checks.Context(as_of=day, stale_days=stale_days)
    problems = checks.run(dataset, context)
    if paths and not all(p.resolve() == root_dir.resolve() for p in paths):
        problems = checks.select(problems, dataset, paths)
    if changed_since is not None:
        from kitrack.git.changed import changed_problems  # lazy: start-up
        from kitrack.git.repo import GitError

        try:
            problems = changed_problems(root_dir, changed_since, dataset, problems, context)
        except GitError as exc:
            raise fail(str(exc)) from None
    summary = Summary.of(problems, files=len(dataset.files), records=dataset.record_count)
    REPORTERS[format.value](problems, summary, sys.stdout)
    failed = summary.errors or (strict and summary.warnings)
    raise typer.Exit(EXIT_PROBLEMS if failed else EXIT_OK)


class StatusFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"


@app.command()
def status(
    ctx: typer.Context,
    region: Optional[str] = typer.Option(None, "--region", "-r", help="Narrow the view to one region (an id from regions.yaml)."),
    since: Optional[str] = typer.Option(None, "--since", help="Compare with this date or git revision [default: the latest meeting before --as-of, or 30 days before it].", show_default=False),
    format: StatusFormat = typer.Option(StatusFormat.table, "--format", "-f", help="table on screen, md for the minutes, json for scripts."),
    stale_days: int = StaleDaysOption,
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
    max_file_mb: Optional[float] = MaxFileOption,
    max_depth: Optional[int] = MaxDepthOption,
) -> None:
    """The meeting view: where every estate and project stands, what changed, what is late."""
    from kitrack.output import i18n  # lazy: start-up
    from kitrack.output import status as board_output
    from kitrack.views import status as board_view

    data_dir, day = _settings(ctx, data, as_of, lang, max_file_mb, max_depth)
    dataset = _load(data_dir)
    _check_region(dataset, region)
    baseline = None
    if since is None:
        point = board_view.default_since(dataset, day)
    else:
        try:
            point = board_view.Since(_parse_date(since, "--since"), "given")
        except typer.BadParameter:
            # Not a date: a git revision, compared as that revision's data stood on --as-of.
            from kitrack.git.repo import GitError  # lazy: start-up
            from kitrack.git.snapshot import dataset_at

            try:
                baseline = dataset_at(data_dir or Path("data"), since)
            except GitError as exc:
                raise fail(i18n.t("error.bad_since", since=since, detail=str(exc))) from None
            point = board_view.Since(day, "revision", since)
    report = board_view.build(dataset, day, point, region=region, baseline=baseline, stale_days=stale_days, errors=_data_errors(dataset))
    board_output.RENDERERS[format.value](report, sys.stdout)


class ListWhat(str, Enum):
    estates = "estates"
    infrastructure = "infrastructure"
    issues = "issues"
    regions = "regions"
    agencies = "agencies"


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


@app.command("list")
def list_records(
    ctx: typer.Context,
    what: ListWhat = typer.Argument(..., help="What to list."),
    region: Optional[str] = typer.Option(None, "--region", "-r", help="Only this region."),
    status: Optional[str] = typer.Option(None, "--status", help="Only this status (issues: open or resolved)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only this kind (infrastructure: road, port...; agencies: ministry, bumn...)."),
    owner: Optional[str] = typer.Option(None, "--owner", help="Only records owned or operated by this agency (issues: the agency that must act)."),
    psn: Optional[bool] = typer.Option(None, "--psn/--no-psn", help="Only National Strategic Projects, or only the others.", show_default=False),
    overdue: bool = typer.Option(False, "--overdue", help="Only records with something overdue."),
    sort: Optional[str] = typer.Option(None, "--sort", help="Sort by this column; -column sorts descending."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
    max_file_mb: Optional[float] = MaxFileOption,
    max_depth: Optional[int] = MaxDepthOption,
) -> None:
    """Query records: estates, infrastructure, issues, regions or agencies."""
    from kitrack.output import i18n, inert, render  # lazy: start-up
    from kitrack.views import tables
    from kitrack.domain.models import AgencyType, IssueStatus, ProjectKind, Status

    data_dir, day = _settings(ctx, data, as_of, lang, max_file_mb, max_depth)
    filters = tables.Filters(region=region, status=status, kind=kind, owner=owner, psn=psn, overdue=overdue)
    for name in filters.given():
        if name not in tables.APPLICABLE[what.value]:
            raise fail(i18n.t("error.bad_filter", option=name, table=what.value))
    statuses = [s.value for s in (IssueStatus if what is ListWhat.issues else Status)]
    _check_choice(status, "status", statuses)
    _check_choice(kind, "kind", [k.value for k in (AgencyType if what is ListWhat.agencies else ProjectKind)])
    dataset = _load(data_dir)
    _check_region(dataset, region)
    table = tables.build(what.value, dataset, day, filters)
    if sort is not None:
        if table.column(sort.lstrip("-")) is None:
            raise fail(i18n.t("error.unknown_sort", field=sort, choices=", ".join(c.key for c in table.columns)))
        table = table.sorted_by(sort)
    if format is ListFormat.json:
        inert.write_json(render.as_json(table), sys.stdout)
    elif format in (ListFormat.csv, ListFormat.tsv):
        # Formula-looking cells are neutralised here too: list output is often opened in a spreadsheet.
        render.write_delimited(table, sys.stdout, "," if format is ListFormat.csv else "\t", neutralise=True, shown=inert.terminal if render.is_terminal(sys.stdout) else inert.ci_commands)
    else:
        render.print_table(table, sys.stdout)


@app.command()
def show(
    ctx: typer.Context,
    record_id: str = typer.Argument(..., metavar="ID", help="The id of an estate, project, region, agency or meeting."),
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
    max_file_mb: Optional[float] = MaxFileOption,
    max_depth: Optional[int] = MaxDepthOption,
) -> None:
    """One record in full: its figures, reports with the change between them, milestones, issues,
    sources, and the records that reference it."""
    from kitrack.output import i18n  # lazy: start-up
    from kitrack.output import show as printed
    from kitrack.views import show as detail

    data_dir, day = _settings(ctx, data, as_of, lang, max_file_mb, max_depth)
    dataset = _load(data_dir)
    found = detail.find(dataset, record_id)
    if not found:
        raise fail(i18n.t("show.unknown", id=record_id) + "; " + i18n.t("show.closest", ids=_closest(record_id, detail.all_ids(dataset))))
    for position, record in enumerate(found):
        if position:
            sys.stdout.write("\n")
        printed.print_record(detail.view(dataset, record, day), sys.stdout)


@app.command()
def diff(
    ctx: typer.Context,
    revisions: Optional[List[str]] = typer.Argument(None, metavar="REV", help="Git revisions: none compares HEAD with the working tree; one compares it with the working tree; two compare OLD with NEW.", show_default=False),
    format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="Output format; md is ready to post as a pull-request comment."),
    data: Optional[Path] = DataOption,
    lang: Optional[Lang] = LangOption,
    max_file_mb: Optional[float] = MaxFileOption,
    max_depth: Optional[int] = MaxDepthOption,
) -> None:
    """What changed in the data between two git revisions, in words."""
    from kitrack.git.compare import compare_revisions  # lazy: start-up
    from kitrack.git.repo import GitError
    from kitrack.output import diff as diff_output
    from kitrack.output import i18n
    from kitrack.load.dataset import DataDirError

    data_option, _ = _settings(ctx, data, None, lang, max_file_mb, max_depth)
    revisions = list(revisions or [])
    if len(revisions) > 2:
        raise fail(i18n.t("error.two_revisions"))
    try:
        result = compare_revisions(data_option or Path("data"), revisions)
    except (GitError, DataDirError) as exc:
        raise fail(str(exc)) from None
    diff_output.RENDERERS[format.value](result, sys.stdout)


@app.command()
def schema(
    output: Path = typer.Option(Path("schemas"), "--output", "-o", help="Directory to write the schemas into."),
) -> None:
    """Write a JSON Schema for each record kind, for editors (the YAML language server) and other validators."""
    from kitrack.export import schemas  # lazy: start-up
    from kitrack.export.atomic import OutputError
    from kitrack.output import i18n

    try:
        written = schemas.write(output)
    except OutputError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(i18n.t("error.cannot_write", path=output, detail=exc.strerror or exc)) from None
    for path in written:
        typer.echo(str(path))


class ExportFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    geojson = "geojson"
    sqlite = "sqlite"


@app.command()
def export(
    ctx: typer.Context,
    format: ExportFormat = typer.Option(..., "--format", "-f", help="csv (a folder, one file per table), xlsx, json, geojson (estates with a location) or sqlite."),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write; for csv, the folder; - for standard output (json, geojson).", show_default=False),
    force: bool = typer.Option(False, "--force", help="Replace the output if it exists."),
    excel: bool = typer.Option(False, "--excel", help="CSV for Excel with Indonesian regional settings: UTF-8 with BOM, `;` between columns, decimal commas."),
    region: Optional[str] = typer.Option(None, "--region", "-r", help="Only this region."),
    status: Optional[str] = typer.Option(None, "--status", help="Only estates and projects with this status."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only infrastructure of this kind (estates are not narrowed)."),
    owner: Optional[str] = typer.Option(None, "--owner", help="Only records owned or operated by this agency."),
    psn: Optional[bool] = typer.Option(None, "--psn/--no-psn", help="Only National Strategic Projects, or only the others.", show_default=False),
    overdue: bool = typer.Option(False, "--overdue", help="Only records with something overdue."),
    data: Optional[Path] = DataOption,
    as_of: Optional[str] = AsOfOption,
    lang: Optional[Lang] = LangOption,
    max_file_mb: Optional[float] = MaxFileOption,
    max_depth: Optional[int] = MaxDepthOption,
) -> None:
    """Write the data set for reports, maps and SQL: every table, as of a date, with the list filters."""
    from kitrack import export as exporter  # lazy: start-up
    from kitrack.output import i18n
    from kitrack.views import tables
    from kitrack.domain.models import ProjectKind, Status

    data_dir, day = _settings(ctx, data, as_of, lang, max_file_mb, max_depth)
    if excel and format is not ExportFormat.csv:
        raise fail(i18n.t("export.excel_only_csv"))
    _check_choice(status, "status", [s.value for s in Status])
    _check_choice(kind, "kind", [k.value for k in ProjectKind])
    dataset = _load(data_dir)
    _check_region(dataset, region)
    bundle = exporter.gather(dataset, day, tables.Filters(region=region, status=status, kind=kind, owner=owner, psn=psn, overdue=overdue))
    try:
        written = exporter.write(format.value, bundle, output, force=force, excel=excel, data_root=dataset.root)
    except exporter.OutputError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(i18n.t("export.write_failed", path=str(output), reason=exc.strerror or str(exc))) from None
    # With `-o -` the export itself is on stdout: the summary goes to stderr, out of its way.
    summary = sys.stderr if output == exporter.STDOUT else sys.stdout
    exporter.print_summary(written, summary, sys.stderr, data_errors=_data_errors(dataset))


def main() -> None:
    """Entry point: never a traceback for the user; KITRACK_DEBUG=1 shows one for developers.

    Output failures are decided in `output`: a reader that has gone leaves the command's own exit
    status; a failed write is one line and exit 2."""
    from kitrack.output import stream  # lazy: start-up

    try:
        stream.guard()
        try:
            app()
        finally:
            sys.stdout.flush()  # inside the guard: a write that fails at the very end is reported too
    except KeyboardInterrupt:
        sys.exit(130)
    except stream.OutputError as exc:
        from kitrack.output import i18n  # lazy: start-up

        if exc.reason is None:
            i18n.set_language(None)  # before the options are read: from KITRACK_LANG or the locale
        message = i18n.t("error.no_stdout") if exc.reason is None else i18n.t("error.output_failed", reason=exc.reason)
        typer.echo(i18n.t("error.prefix", message=message), err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # noqa: BLE001 - the last line of defence of the no-traceback promise
        if os.environ.get("KITRACK_DEBUG"):
            raise
        print(f"kitrack: internal error: {type(exc).__name__}: {exc}. Please report it; run with KITRACK_DEBUG=1 for details.", file=sys.stderr)
        sys.exit(70)
