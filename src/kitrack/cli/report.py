"""`kitrack report`: the meeting brief as a page, a PDF or a Word document."""

from __future__ import annotations

from pathlib import Path

import typer

from kitrack import report as reporter
from kitrack.cli.options import FORCE, Settings, choices, fail, global_options, load_data, one_command
from kitrack.cli.status import SINCE, STALE_DAYS, build_board
from kitrack.domain.problems import Term
from kitrack.views import brief as briefing

command = one_command()


@command.command()
@global_options()
@choices(format=reporter.FORMATS)
def report(
    settings: Settings,
    format: str = typer.Option(
        "html", "--format", "-f", help="html (one self-contained page), pdf (printed by Chromium) or docx (Word)."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="The file to write [default: brief-AS_OF.FORMAT]; - for standard output (html).",
        show_default=False,
    ),
    force: bool = FORCE,
    region: str | None = typer.Option(None, "--region", "-r", help="Narrow the brief to one region."),
    since: str | None = SINCE,
    stale_days: int = STALE_DAYS,
) -> None:
    """The meeting brief, with charts and a map: the status board to print or circulate."""
    dataset = load_data(settings)
    brief = briefing.build(dataset, build_board(settings, dataset, region, since, stale_days))
    target = output if output is not None else reporter.default_output(format, brief)
    try:
        reporter.write(format, brief, target, force=force, data_root=dataset.root)
    except reporter.OutputError as exc:
        raise fail(settings, str(exc)) from None
    except reporter.PdfError as exc:
        raise fail(settings, exc.reason) from None
    except OSError as exc:
        raise fail(settings, Term("export.write_failed", path=str(target), reason=exc.strerror or str(exc))) from None
    if target != reporter.STDOUT:
        typer.echo(settings.language.t("report.wrote", path=str(target), format=format.upper()))
