"""`kitrack report`: the meeting brief as an HTML page, a PDF or a Word document, with charts and a map.

    brief = views.brief.build(dataset, views.status.build(...))
    write("html", brief, Path("brief.html"), force=False, data_root=dataset.root)

The brief is built from the same view as `kitrack status` (`kitrack.views.brief`); `content` words
it once; `html` and `docx` lay the same content out; `pdf` prints the HTML with headless Chromium.
Writing goes through `kitrack.output.atomic`: a temporary file and a rename, never inside the data
directory, an existing file replaced only with `--force`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kitrack.domain.problems import Term
from kitrack.output import atomic, i18n
from kitrack.output.atomic import STDOUT, OutputError
from kitrack.report.pdf import PdfError
from kitrack.views.brief import Brief

FORMATS = ("html", "pdf", "docx")

__all__ = ["FORMATS", "STDOUT", "OutputError", "PdfError", "default_output", "write"]


def default_output(fmt: str, brief: Brief) -> Path:
    return Path(f"brief-{brief.board.as_of.isoformat()}.{fmt}")


def write(fmt: str, brief: Brief, output: Path, force: bool = False, data_root: Path | None = None) -> None:
    """Write the brief in `fmt` (one of FORMATS) to `output`, or HTML to standard output if `output`
    is `-`. Raises OutputError (a usage error) before drawing anything if the output may not be
    written, and PdfError if Chromium is missing or fails."""
    from kitrack.report import charts, content, html  # lazy: start-up

    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    if output == STDOUT:
        if fmt != "html":
            raise OutputError(i18n.t("report.stdout_format", format=fmt))
    else:
        atomic.check_target(output, force, directory=False, data_root=data_root)
    if fmt == "pdf":
        from kitrack.report import pdf  # lazy: start-up

        if pdf.browser() is None:  # before the work of drawing
            raise PdfError(Term("report.no_chromium"))
    words = content.build(brief, charts)
    if fmt == "docx":
        from kitrack.report import docx  # lazy: start-up

        with atomic.atomic_file(output) as temp:
            docx.write(words, temp)
        return
    page = html.render(words)
    if fmt == "pdf":
        with atomic.atomic_file(output) as temp:
            pdf.print_pdf(page, temp)
    elif output == STDOUT:
        sys.stdout.write(page)
    else:
        with atomic.atomic_file(output) as temp:
            temp.write_text(page, encoding="utf-8")
