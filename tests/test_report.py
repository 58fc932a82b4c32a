"""`kitrack report`: the meeting brief as HTML, DOCX (and PDF, in test_report_browser.py), on the
sample data as of 2026-11-29. The page in a real browser is tested in test_report_browser.py."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import AS_OF, SAMPLE, invoke, replace_in
from kitrack.load.dataset import load
from kitrack.views import brief as briefing
from kitrack.views import status as board

SVG = re.compile(r"<svg .*?</svg>", re.DOTALL)


def html_of(*args: str, data: Path = SAMPLE) -> str:
    result = invoke("--data", str(data), "report", "--output", "-", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def brief_of(data: Path, region: str | None = None) -> briefing.Brief:
    as_of = dt.date.fromisoformat(AS_OF)
    dataset = load(data)
    return briefing.build(dataset, board.build(dataset, as_of, board.default_since(dataset, as_of), region=region))


@pytest.fixture(scope="module")
def page() -> str:
    return html_of()


def test_html_is_one_self_contained_file(page):
    assert page.count("<svg ") == 1 + 3 + 1  # the map, a chart per project with a progress series, the timeline
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<script|<link|<img|<iframe|<object|@import|src=", page, re.IGNORECASE)
    # A picture refers only to its own parts (`url(#clip)`, `href="#marker"`); every link is a web
    # address, to a source.
    assert all(ref.startswith("#") for ref in re.findall(r'url\(([^)]*)\)|xlink:href="([^"]*)"', page) for ref in ref if ref)
    links = re.findall(r'<a href="([^"]*)"', page)
    assert links and all(href.startswith(("http://", "https://")) for href in links)


def test_html_in_indonesian_with_its_number_and_date_formats():
    page = html_of("--lang", "id")
    assert '<html lang="id">' in page
    assert "Bahan rapat koordinasi — per 29 November 2026" in page
    assert "Siapa yang harus bertindak" in page and "Januari 2027" in page
    assert '<p class="none">tidak ada</p>' in page  # an empty section, in words
    assert "1.192" in page and "86,43%" in page  # Ngawi's area, Probolinggo–Banyuwangi's progress
    assert "1,192" not in page


def test_the_data_text_in_the_chosen_language(data_copy):
    replace_in(data_copy / "infrastructure" / "spam-umbulan.yaml", "name: SPAM Umbulan (regional drinking water supply)",
               "name: {id: SPAM Umbulan (air minum regional), en: SPAM Umbulan (regional drinking water)}")
    replace_in(data_copy / "estates" / "ki-ngawi.yaml", "name: Kawasan Industri Ngawi",
               "name: {id: Kawasan Industri Ngawi}")
    english, indonesian = html_of(data=data_copy), html_of("--lang", "id", data=data_copy)
    assert "<b>SPAM Umbulan (regional drinking water)</b>" in english  # a chart's title
    assert "<b>SPAM Umbulan (air minum regional)</b>" in indonesian
    assert "Kawasan Industri Ngawi [ID]" in english and "[ID] not available in English; shown in Indonesian" in english
    assert "[ID]" not in indonesian


def test_a_hostile_value_stays_text(data_copy):
    """Markup, a script address and matplotlib's `$` notation in the data are shown, never run."""
    replace_in(data_copy / "estates" / "jiipe.yaml", "name: Java Integrated", "name: <script>alert(1)</script> Java Integrated")
    replace_in(data_copy / "infrastructure" / "tol-klbm.yaml",
               "url: http://global-news.co.id/2020/02/tol-krian-legundi-bunder-manyar-ditargetkan-beroperasi-akhir-2020/",
               "url: javascript:alert(1)")
    replace_in(data_copy / "regions.yaml", "name: Gerbangkertosusila", "name: Gerbang $\\frac{1}{0}$")
    replace_in(data_copy / "estates" / "jiipe.yaml", "region: gerbangkertosusila",
               "region: gerbangkertosusila\nlocation: {lat: -7.1, lon: 112.6, precision: site, source: harianbhirawa-2020}")
    page = html_of(data=data_copy)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Java Integrated" in page
    assert 'href="javascript' not in page and "javascript:alert(1)" in page  # shown as text, not a link
    assert "Gerbang $\\frac{1}{0}$" in page  # drawn on the map as written


def test_map_marks_each_location_by_its_precision(data_copy):
    for record, point in (("pier", "{lat: -7.64, lon: 112.9, precision: town"),
                          ("sier-rungkut", "{lat: -7.33, lon: 112.77, precision: site"),
                          ("ngoro-industrial-park", "{lat: -7.55, lon: 112.5, precision: area")):
        path = data_copy / "estates" / f"{record}.yaml"
        source = re.search(r"^  - id: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1)
        replace_in(path, "\nregency:", f"\nlocation: {point}, source: {source}}}\nregency:")
    brief = brief_of(data_copy)
    assert sorted((p.id, p.precision) for p in brief.places) == [
        ("ngoro-industrial-park", "area"), ("pier", "town"), ("sier-rungkut", "site"),
    ]
    assert "pier" not in brief.unlocated and "jiipe" in brief.unlocated
    map_svg = SVG.findall(html_of(data=data_copy))[0]
    assert ">pier<" in map_svg  # a town centre is labelled with what it stands for
    assert ">sier-rungkut<" not in map_svg and ">ngoro-industrial-park<" not in map_svg  # a site, an area: not
    assert ">Bromo-Tengger-Semeru<" in map_svg and ">Gerbangkertosusila<" in map_svg  # priority regions, named


def test_projects_at_risk_are_charted_first_and_the_cap_names_the_rest(data_copy, monkeypatch):
    replace_in(data_copy / "infrastructure" / "tol-klbm.yaml", "\nmilestones:\n",
               "\n  - {date: 2025-06-30, source: suarasurabaya-2020-11, percent: 40, target: 2027-06}\n"
               "  - {date: 2026-06-30, source: suarasurabaya-2020-11, percent: 50}\nmilestones:\n")
    brief = brief_of(data_copy)
    assert [(c.id, c.reason) for c in brief.charts][:2] == [
        ("tol-klbm", "at-risk"), ("tol-probolinggo-banyuwangi/tahap-1", "reported"),  # a section is charted too
    ]
    assert brief.charts[0].targets[-1].end == dt.date(2027, 6, 30)
    monkeypatch.setattr(briefing, "CHART_LIMIT", 1)
    capped = brief_of(data_copy)
    assert [c.id for c in capped.charts] == ["tol-klbm"]
    assert set(capped.not_charted) == {c.id for c in brief.charts[1:]}


def test_a_slipped_target_is_charted_with_its_history(data_copy):
    replace_in(data_copy / "infrastructure" / "spam-umbulan.yaml", "\nmilestones:\n",
               "\n  - {date: 2025-01, source: kemenkeu-2017-07-21, target: 2026}\n"
               "  - {date: 2025-06, source: kemenkeu-2017-07-21, target: 2028-06}\nmilestones:\n")
    chart = next(c for c in brief_of(data_copy).charts if c.id == "spam-umbulan")
    assert (chart.reason, [str(t) for t in chart.targets], chart.slip_months) == ("slipped", ["2026", "2028-06"], 18)
    assert "target 2026 → June 2028, +18 months" in html_of(data=data_copy)


def test_who_must_act_lists_open_issues_and_open_decisions_by_agency():
    brief = brief_of(SAMPLE)
    rows = [(row["owner"], row["kind"], row["record"], row["overdue"]) for row in brief.act.rows]
    assert ("kementerian-pupr", "decision", "2026-10-27-rakor-ki", True) in rows
    assert ("bappeda-jatim", "decision", "2026-10-27-rakor-ki", False) in rows
    assert not any(row[2] == "2026-10-27-rakor-ki" and row[0] == "pt-sier" for row in rows)  # done 2026-11-18
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)


def test_what_changed_lists_reports_after_the_comparison_date(data_copy):
    replace_in(data_copy / "infrastructure" / "tol-klbm.yaml", "\nmilestones:\n",
               "\n  - {date: 2026-11-10, source: suarasurabaya-2020-11, percent: 55}\nmilestones:\n")
    brief = brief_of(data_copy)
    assert [(r["record"], r["item"], r["field"], r["value"]) for r in brief.changes.rows] == [
        ("tol-klbm", "report", "percent", 55),
    ]
    assert "What changed since 27 October 2026" in html_of(data=data_copy)


def test_region_narrows_the_brief():
    brief = brief_of(SAMPLE, region="selingkar-wilis")
    records = {row["id"] for row in brief.board.sections["estates"].rows} | set(brief.unlocated)
    assert "ki-ngawi" in records and "jiipe" not in records
    assert {row["record"] for row in brief.sources.rows} <= set(brief.unlocated)


def test_docx_has_the_sections_as_tables_and_the_pictures(tmp_path):
    import docx

    output = tmp_path / "brief.docx"
    result = invoke("--data", str(SAMPLE), "--lang", "id", "report", "--format", "docx", "--output", str(output))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"berkas ditulis: {output} (DOCX)\n"
    document = docx.Document(str(output))
    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["Penanggung jawab", "Jenis", "Data", "Apa", "Tenggat", "Lewat tenggat"] in headers
    assert any(row[:2] == ["Nama", "Status"] for row in headers)  # the estates
    # The headline figures, then every table of the page but the three that are empty on the sample
    # (at risk, slipped targets, what changed), which say "tidak ada".
    assert len(document.tables) == 1 + 10 - 3
    assert sum(paragraph.text == "tidak ada" for paragraph in document.paragraphs) == 3
    assert len(document.inline_shapes) == 1 + 3 + 1  # the map, three charts, the timeline
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Bahan rapat koordinasi — per 29 November 2026" in text


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "pdf", "--output", "-"], "only html can go to standard output"),
    (["--region", "nowhere"], "nowhere"),
    (["--format", "rtf"], "rtf"),
])
def test_usage_errors(args, message, tmp_path):
    result = invoke("--data", str(SAMPLE), "report", *args, cwd=tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_with_force_and_never_inside_the_data(data_copy, tmp_path):
    output = tmp_path / "brief.html"
    output.write_text("before")
    refused = invoke("--data", str(data_copy), "report", "--output", str(output))
    assert refused.exit_code == 2 and output.read_text() == "before"
    assert invoke("--data", str(data_copy), "report", "--output", str(output), "--force").exit_code == 0
    assert output.read_text().startswith("<!DOCTYPE html>")
    inside = invoke("--data", str(data_copy), "report", "--output", str(data_copy / "estates" / "jiipe.yaml"), "--force")
    assert inside.exit_code == 2
    assert (data_copy / "estates" / "jiipe.yaml").read_text().startswith("# ")


def test_the_default_output_is_named_by_the_date(tmp_path):
    result = invoke("--data", str(SAMPLE), "report", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [path.name for path in tmp_path.iterdir()] == [f"brief-{AS_OF}.html"]


def test_pdf_without_chromium_is_a_clear_usage_error(tmp_path):
    output = tmp_path / "brief.pdf"
    result = invoke("--data", str(SAMPLE), "report", "--format", "pdf", "--output", str(output),
                    env={"KITRACK_CHROMIUM": str(tmp_path / "no-such-browser")})
    assert result.exit_code == 2
    assert "a PDF is printed by Chromium, which is not installed" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_brief_lists_the_sources_of_its_figures_only():
    # JIIPE's 2018-03-10 report is superseded by later ones for every figure it gives and is not
    # charted: its source is not one of the brief's. The source of its latest report is.
    import datetime as dt

    from kitrack.load.dataset import load
    from kitrack.views import brief as briefing
    from kitrack.views import status as board

    data = load(SAMPLE)
    as_of = dt.date(2026, 11, 29)
    report = board.build(data, as_of, board.default_since(data, as_of), shown=board.SHOWABLE)
    listed = {(row["record"], row["id"]) for row in briefing.build(data, report).sources.rows}
    latest = data.estates["jiipe"].progress[-1].source
    assert ("jiipe", latest) in listed
    assert ("jiipe", "bisnis-2018-03-10") not in listed
    assert len(listed) < sum(len(r.sources) for r in data.records())


def test_the_printed_brief_leaves_the_complete_tables_to_the_screen():
    # Print CSS hides the full estate and project tables (and says so in a print-only line); the
    # page on screen keeps them.
    html = invoke("report", "--data", SAMPLE, "--format", "html", "--output", "-").stdout
    print_css = html[html.index("@media print"):html.index("</style>")]
    assert "#estates, #infrastructure, #by_region { display: none; }" in print_css
    assert '<section id="estates"' in html and '<p class="note print-only">' in html


def test_a_new_report_is_one_change_with_all_its_figures(data_copy):
    replace_in(data_copy / "infrastructure" / "tol-klbm.yaml", "\nmilestones:\n",
               "\n  - {date: 2026-11-10, source: suarasurabaya-2020-11, percent: 55, length_km: 38.4}\nmilestones:\n")
    page = html_of(data=data_copy)
    changes = page[page.index('<section id="changes"'):]
    changes = changes[:changes.index("</section>")]
    assert changes.count("<tr>") == 1 + 1  # the header, and the one report
    assert ">Progress: 55%; Length (km): 38.4<" in changes


def test_sources_name_each_record_once_and_keep_every_link(page):
    sources = page[page.index('<section id="sources"'):]
    sources = sources[:sources.index("</section>")]
    listed = brief_of(SAMPLE).sources.rows
    records = [row["record"] for row in listed]
    assert re.findall(r"<li><b>([^<]+)</b>", sources) == list(dict.fromkeys(records))
    assert sources.count("<a href=") == sum(1 for row in listed if row["url"].startswith("http"))


def test_a_finished_project_is_charted_small_after_the_work_under_way(page, tmp_path):
    import docx

    grids = page[page.index('<section id="charts"'):page.index('<section id="timeline"')]
    under_way, finished = grids.split("<h3>Finished: in operation, or reported at 100%</h3>")
    assert "SPAM Umbulan" in finished and "SPAM Umbulan" not in under_way  # operating since March 2021
    assert '<div class="grid small">' in finished
    assert "Pipa gas Gresik–Semarang" in under_way
    output = tmp_path / "brief.docx"
    assert invoke("--data", str(SAMPLE), "report", "--format", "docx", "--output", str(output)).exit_code == 0
    widths = [shape.width for shape in docx.Document(str(output)).inline_shapes]
    assert widths[1] == widths[2] == widths[0] and widths[3] == widths[0] // 2  # map, two charts, the small one
