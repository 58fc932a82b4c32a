"""The options every command shares, in one bundle, and the one `Settings` value they make.

The global options (`--data`, `--as-of`, `--lang`, `--max-file-mb`, `--max-depth`) are taken both
before the command (`kitrack --lang id check`, by the app) and after it (`kitrack check --lang id`);
the later one wins. `@global_options` adds them to a command, which receives one frozen `Settings`
instead, and runs it in the chosen language. `@choices` offers a parameter the keys of a registry.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import inspect
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import typer

from kitrack.load.limits import DEFAULT_LIMITS, MEGABYTE, Limits
from kitrack.output.languages import LANGUAGES

if TYPE_CHECKING:
    from kitrack.domain.problems import Param
    from kitrack.load.dataset import Dataset
    from kitrack.output.i18n import Language

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

Command = Callable[..., None]
T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    data: Path | None  # --data or KITRACK_DATA; None: ./data (`check` looks above its paths first)
    as_of: dt.date  # --as-of, else today
    language: Language  # --lang, else KITRACK_LANG or the locale
    limits: Limits  # --max-file-mb, --max-depth

    @property
    def data_dir(self) -> Path:
        return self.data or Path("data")


# `--force`, the same for every command that writes a file of its own (export, report, agenda).
FORCE = typer.Option(False, "--force", help="Replace the output if it exists.")


def choice(name: str, keys: Iterable[str]) -> type[Enum]:
    """An Enum of a registry's keys: what Typer offers, shows in the help and checks. Its members
    are str, equal to their keys."""
    # The functional API makes a class; mypy reads the call as a lookup of a member.
    return cast("type[Enum]", Enum(name, [(key, key) for key in keys], type=str))


def choices(**registries: Collection[str]) -> Callable[[Command], Command]:
    """Offer each named parameter (a str) the keys of its registry, and hand the command the key
    chosen: `@choices(format=REPORTERS)`."""

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        enums = {name: choice(name.title(), keys) for name, keys in registries.items()}
        parameters = [
            p.replace(annotation=enums[p.name]) if p.name in enums else p for p in signature.parameters.values()
        ]

        @functools.wraps(command)
        def with_keys(*args: Any, **kwargs: Any) -> None:
            for name in enums:
                if isinstance(kwargs.get(name), Enum):
                    kwargs[name] = kwargs[name].value
            command(*args, **kwargs)

        return _with_signature(with_keys, signature.replace(parameters=parameters))

    return decorate


def _with_signature(function: Command, signature: inspect.Signature) -> Command:
    """`function` as Typer reads it: with this signature and its annotations as objects (Typer
    prefers evaluated `__annotations__` to the signature's, and a wrapper copies the wrapped's)."""
    function.__signature__ = signature  # type: ignore[attr-defined]
    function.__annotations__ = {p.name: p.annotation for p in signature.parameters.values()}
    return function


_Lang = choice("Lang", LANGUAGES)
_GLOBAL: dict[str, tuple[Any, Any]] = {  # name -> (annotation, option)
    "data": (
        Path | None,
        typer.Option(
            None, "--data", envvar="KITRACK_DATA", help="Data directory [default: ./data].", show_default=False
        ),
    ),
    "as_of": (
        str | None,
        typer.Option(
            None, "--as-of", help="Show the data as it stood on this date [default: today].", show_default=False
        ),
    ),
    "lang": (
        _Lang | None,
        typer.Option(
            None,
            "--lang",
            envvar="KITRACK_LANG",
            help=f"Language of the output: {' or '.join(LANGUAGES)}.",
            show_default=False,
        ),
    ),
    "max_file_mb": (
        float | None,
        # At most 1,024 MB: a data file is a few kilobytes, and `inf` or `1e306` (which overflows to
        # infinity in bytes) is a usage error here rather than a limit that no longer limits anything.
        typer.Option(
            None,
            "--max-file-mb",
            envvar="KITRACK_MAX_FILE_MB",
            min=0.001,
            max=1024,
            show_default=False,
            help="Refuse data files larger than this many megabytes (0.001–1024) "
            f"[default: {DEFAULT_LIMITS.max_file_bytes // MEGABYTE}].",
        ),
    ),
    "max_depth": (
        int | None,
        typer.Option(
            None,
            "--max-depth",
            envvar="KITRACK_MAX_DEPTH",
            min=4,
            max=500,
            show_default=False,
            help=f"Refuse YAML nested deeper than this many levels [default: {DEFAULT_LIMITS.max_depth}].",
        ),
    ),
}
EVERY_OPTION = tuple(_GLOBAL)


def global_options(after: Collection[str] = EVERY_OPTION) -> Callable[[Command], Command]:
    """Give a command the global options named in `after` (given after its name) and those given
    before it, as one `settings: Settings`, its first parameter. The help lists them after the
    command's own options, but before its keyword-only ones. The command runs in the settings'
    language, and its output is flushed inside it, so a failed write is reported in that language."""

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        own = [p for p in signature.parameters.values() if p.name != "settings" and p.kind is not p.KEYWORD_ONLY]
        last = [p for p in signature.parameters.values() if p.kind is p.KEYWORD_ONLY]
        context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
        shared = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, default=_GLOBAL[name][1], annotation=_GLOBAL[name][0]
            )
            for name in after
        ]

        @functools.wraps(command)
        def with_settings(ctx: typer.Context, **kwargs: Any) -> None:
            from kitrack.domain.problems import Term  # lazy: start-up
            from kitrack.output import stream
            from kitrack.output.i18n import speaking

            before = ctx.obj if isinstance(ctx.obj, Settings) else None
            given = {name: kwargs.pop(name) for name in after}
            if before is not None:  # the environment was read before the command: only typed options count here
                given = {name: value for name, value in given.items() if _typed(ctx, name)}
            settings = _settings(given, before)
            ctx.obj = settings  # for the command, when these are the app's options before it
            with speaking(settings.language):
                try:
                    try:
                        command(settings, **kwargs)
                    finally:
                        sys.stdout.flush()
                except stream.OutputError as exc:
                    raise fail(settings, Term("error.output_failed", reason=exc.reason or "")) from None

        return _with_signature(with_settings, signature.replace(parameters=[context, *own, *shared, *last]))

    return decorate


def _typed(ctx: typer.Context, name: str) -> bool:
    """Whether the option was typed on the command line, not taken from the environment or its default."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


def _settings(given: dict[str, Any], before: Settings | None) -> Settings:
    """The settings from the options `given` after the command, over those `before` it."""
    from kitrack.domain.dates import parse_cli_date  # lazy: start-up
    from kitrack.output.i18n import Language

    base = before or Settings(None, dt.date.today(), Language.chosen(None), DEFAULT_LIMITS)
    lang = given.get("lang")
    language = Language.chosen(lang.value) if lang is not None else base.language
    as_of, megabytes, depth = given.get("as_of"), given.get("max_file_mb"), given.get("max_depth")
    limits = Limits(
        max_file_bytes=base.limits.max_file_bytes if megabytes is None else int(megabytes * MEGABYTE),
        max_depth=base.limits.max_depth if depth is None else depth,
    )
    return dataclasses.replace(
        base,
        data=given.get("data") or base.data,
        language=language,
        limits=limits,
        as_of=base.as_of if as_of is None else parse_date(parse_cli_date, as_of, "--as-of", language),
    )


def parse_date(parse: Callable[[str], T], value: str, option: str, language: Language) -> T:
    """`parse(value)` for an option that takes a date, or a usage error that names the option."""
    from kitrack.domain.dates import DateError  # lazy: start-up

    try:
        return parse(value)
    except DateError as exc:
        if exc.reason.key == "p.date_bad":  # its wording already names the value: say it once
            reason = language.t("error.not_a_date", value=value)
        else:
            reason = language.t("error.bad_date", value=value, detail=language.render(exc.reason))
        raise typer.BadParameter(reason, param_hint=option) from None


def as_code(prefix: str, value: str | None) -> str | None:
    """A filter value typed as the tables show it (`perencanaan`, `toll road`) as its code; codes and
    unknown words pass through, for the filter's own check to accept or refuse."""
    from kitrack.output import i18n  # lazy: start-up

    return None if value is None else i18n.code_for(prefix, value) or value


def fail(settings: Settings, reason: Param, status: int = EXIT_USAGE) -> typer.Exit:
    """A usage error (exit 2, or `status`): `kitrack: error: ...` on standard error, in the settings'
    language. Raise what it returns."""
    language = settings.language
    typer.echo(language.t("error.prefix", message=language.render(reason)), err=True)
    return typer.Exit(status)


def load_data(settings: Settings, root: Path | None = None) -> Dataset:
    """The data set of `root` (default: the settings' data directory), or a usage error if there is none."""
    from kitrack.domain.problems import Term  # lazy: start-up
    from kitrack.load.dataset import DataDirError, load

    try:
        with loading():
            dataset = load(root or settings.data_dir, settings.limits)
    except DataDirError as exc:
        raise fail(settings, Term("error.data_dir", detail=exc.reason)) from None
    return dataset


@contextmanager
def loading() -> Iterator[None]:
    """Around a library call that loads data sets: the cyclic garbage collector paused, and what was
    loaded frozen before it runs again. A data set lives as long as the command, so no collection need
    rescan it: status on 5,000 records otherwise spent a tenth of its time in the collector, and the
    first collection after loading alone took half a second."""
    from kitrack.load.dataset import collector_paused  # lazy: start-up

    with collector_paused():
        yield
        gc.freeze()


def one_command() -> typer.Typer:
    """The Typer app of one command's module, configured as the main app."""
    return typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


def psn_filter(settings: Settings, psn: bool | None, unknown: bool) -> bool | str | None:
    """`--psn`, `--no-psn` or `--psn-unknown`: at most one of them."""
    from kitrack.domain.problems import Term  # lazy: start-up

    if unknown and psn is not None:
        raise fail(settings, Term("error.psn_filters"))
    return "unknown" if unknown else psn
