"""The Typer app and the entry point.

Each command lives in a module of its own (kitrack.cli.check, kitrack.cli.status, ...), imported
only when it runs or the help lists it: its choices come from registries that load pydantic, and
`kitrack --version` loads none of them.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from typing import Any

import typer
from typer.core import TyperGroup

from kitrack import __version__
from kitrack.cli.options import EXIT_USAGE, Settings, global_options

# Modules, in help's order: the commands that read the data, then those that edit it.
COMMANDS = (
    "check", "status", "agenda", "list", "show", "diff", "schema", "export", "report",
    "new", "log", "decide", "done", "resolve",
)


class _OnDemand(MutableMapping[str, Any]):
    """The commands by name: each one's module is imported, and its command built, when first asked for."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            if name not in COMMANDS:
                raise KeyError(name)
            self._built[name] = typer.main.get_command(importlib.import_module(f"kitrack.cli.{name}").command)
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from COMMANDS
        yield from (name for name in self._built if name not in COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS) + sum(1 for name in self._built if name not in COMMANDS)


class _Commands(TyperGroup):
    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _OnDemand()


app = typer.Typer(
    name="kitrack",
    cls=_Commands,
    help="Track industrial estates (Kawasan Industri) and the infrastructure that serves them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kitrack {__version__}")
        raise typer.Exit()


@app.callback()
@global_options()
def kitrack(
    settings: Settings,
    *,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """The global options given before the command: global_options keeps them for the command."""


def main() -> None:
    """Entry point: never a traceback for the user; KITRACK_DEBUG=1 shows one for developers.

    Output failures are decided in `output`: a reader that has gone leaves the command's own exit
    status; a failed write is one line and exit 2 (reported by the command, in its language, but
    for no standard output at all, found before any option is read)."""
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
        from kitrack.output.i18n import Language  # lazy: start-up

        language = Language.chosen(None)  # no command's options to choose one: KITRACK_LANG or the locale
        message = (
            language.t("error.no_stdout")
            if exc.reason is None
            else language.t("error.output_failed", reason=exc.reason)
        )
        typer.echo(language.t("error.prefix", message=message), err=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:
        if os.environ.get("KITRACK_DEBUG"):
            raise
        print(
            f"kitrack: internal error: {type(exc).__name__}: {exc}. "
            "Please report it; run with KITRACK_DEBUG=1 for details.",
            file=sys.stderr,
        )
        sys.exit(70)
