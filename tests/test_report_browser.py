"""The brief in a real browser: headless Chromium (Debian's `chromium`, driven by Playwright with
`executable_path`; never `playwright install`), and the PDF it prints, read back with poppler.

Skipped, with the reason, where Chromium, poppler or Playwright is missing (`.ci/run` installs
Chromium and poppler-utils with apt-get when it can). One browser serves the whole module; the
screenshots are saved under the test's temporary folder, for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE, invoke
from kitrack.report import pdf

CHROMIUM = pdf.browser()
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed (pdftoppm)"),
]
A4_POINTS = (595, 842)  # 210 × 297 mm, rounded
VIEWPORTS = {"desktop": (1100, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def brief_html(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("brief")
    output = folder / "brief.html"
    result = invoke("--data", str(SAMPLE), "report", "--output", str(output))
    assert result.exit_code == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as driver:
        args = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=args)
        yield launched
        launched.close()


def test_page_loads_nothing_logs_no_error_and_every_picture_has_a_size(browser, brief_html, tmp_path):
    for name, (width, height) in VIEWPORTS.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(brief_html.as_uri())
        page.screenshot(path=str(tmp_path / f"brief-{name}.png"), full_page=True)
        assert errors == [], name
        assert requests == [brief_html.as_uri()], name  # the page itself, and nothing else
        sizes = page.eval_on_selector_all("svg.chart", "all => all.map(s => [s.closest('section').id, "
                                          "s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
        assert [section for section, _, _ in sizes] == ["map", "charts", "charts", "charts", "timeline"], name
        assert all(w > 100 and h > 50 for _, w, h in sizes), (name, sizes)
        # Nothing wider than the screen: a phone scrolls down, never sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        page.close()
    assert (tmp_path / "brief-phone.png").stat().st_size > 10_000


def test_print_css_keeps_rows_whole_and_headings_with_their_content(browser, brief_html):
    page = browser.new_page()
    page.goto(brief_html.as_uri())
    page.emulate_media(media="print")
    styles = page.evaluate("""() => {
        const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
        return {row: style('tbody tr', 'breakInside'), head: style('thead', 'display'),
                heading: style('h2', 'breakAfter'), figure: style('figure', 'breakInside')};
    }""")
    assert styles == {"row": "avoid", "head": "table-header-group", "heading": "avoid", "figure": "avoid"}
    page.close()


def test_pdf_is_a4_with_the_map_on_page_one(tmp_path):
    output = tmp_path / "brief.pdf"
    result = invoke("--data", str(SAMPLE), "report", "--format", "pdf", "--output", str(output))
    assert result.exit_code == 0, result.stderr
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(output)], capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert 3 <= len(sizes) <= 6  # "about six" for the shipped data (6 on 2026-11-29); the sample is older and smaller
    assert all((round(float(w)), round(float(h))) == A4_POINTS for w, h in sizes)
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(output), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Meeting brief — as of 29 November 2026" in first and "Where the estates and projects are" in first
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(output), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(sizes)
    assert all(page.stat().st_size > 2_000 for page in pages)  # none blank
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True, check=True).stdout
    words = " ".join(text.split())
    assert "the printed brief leaves them out" in words  # the full tables are screen-only
    # A source prints as its publisher and date, its title left to the screen; the link stays.
    assert "The Jakarta Post · 13 October 2014" in words
    assert "East Java to build new industrial zone in Mojokerto" not in words
    links = subprocess.run(["pdfinfo", "-url", str(output)], capture_output=True, text=True, check=True).stdout
    assert "https://www.thejakartapost.com/news/2014/10/13/" in links
    import json

    overdue = json.loads(invoke("status", "--data", SAMPLE, "--format", "json").stdout)["overdue"]
    assert overdue
    for row in overdue:
        assert row["record"] in text  # every row of a printed table reaches the PDF
