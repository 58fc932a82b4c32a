"""The brief as PDF: the HTML page printed by headless Chromium, so the PDF is the page a browser
prints (A4, the page's print CSS), not a second layout.

Chromium is found as `KITRACK_CHROMIUM`, else `chromium`, `chromium-browser`, `google-chrome` on
the PATH. It runs with a throwaway profile and reads the page from a temporary file; the page's
Content-Security-Policy forbids any request, so printing needs no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kitrack.domain.problems import Term, TermError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 120


class PdfError(TermError):
    """Chromium is missing or could not print: a usage or configuration error (exit 2)."""


def browser() -> str | None:
    """The Chromium to print with, or None."""
    given = os.environ.get("KITRACK_CHROMIUM")
    if given:
        return given if os.access(given, os.X_OK) else None
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdf(html: str, target: Path) -> None:
    """Print `html` to the PDF file `target`."""
    executable = browser()
    if executable is None:
        raise PdfError(Term("report.no_chromium"))
    with tempfile.TemporaryDirectory(prefix="kitrack-pdf-") as work:
        page = Path(work) / "brief.html"
        page.write_text(html, encoding="utf-8")
        argv = [
            executable, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
            f"--user-data-dir={Path(work) / 'profile'}", "--no-pdf-header-footer",
            f"--print-to-pdf={target}", page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            argv.insert(1, "--no-sandbox")  # Chromium refuses to start as root with its sandbox on
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(Term("report.chromium_failed", reason=str(exc))) from None
        if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
            last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            raise PdfError(Term("report.chromium_failed", reason=last))
