"""The command line: `app`, the Typer app, and `main`, the entry point (kitrack.cli.app); the
options every command shares (kitrack.cli.options); one module per command."""

from kitrack.cli.app import app, main

__all__ = ["app", "main"]
