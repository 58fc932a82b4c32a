"""The brief as a Word document (python-docx), for minutes (notulen) written in Word: the same
sections as the page, as editable Word tables, and the map, charts and timeline as pictures."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kitrack.output import i18n
from kitrack.report import charts
from kitrack.report.content import AFTER_CHARTS, BEFORE_CHARTS, Content, Picture, Section

if TYPE_CHECKING:
    from docx.document import Document

PAGE_WIDTH_MM, PAGE_HEIGHT_MM, MARGIN_MM = 210, 297, 14  # A4
PICTURE_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM


def write(content: Content, target: Path) -> None:
    import docx  # lazy: start-up
    from docx.shared import Mm, Pt  # lazy: start-up

    document = docx.Document()
    page = document.sections[0]
    page.page_width, page.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = Mm(MARGIN_MM)
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = content.title
    document.core_properties.language = i18n.current().code
    document.add_heading(content.title, level=0)
    for line in content.subtitle:
        document.add_paragraph(line).runs[0].italic = True
    cards = document.add_table(rows=2, cols=len(content.cards))
    cards.style = "Table Grid"
    for column, (figure, what) in enumerate(content.cards):
        cards.cell(0, column).paragraphs[0].add_run(figure).bold = True
        cards.cell(1, column).text = what
    document.add_paragraph(content.headline).runs[0].bold = True
    _picture(document, content.map)
    stages = " · ".join(
        [*(i18n.label("status", stage) for stage in charts.STATUS_COLOURS), i18n.t("status.stage_unknown")]
    )
    document.add_paragraph(f"{i18n.t('col.status')}: {stages}", style="Caption")
    for mark, meaning in content.map_legend:
        document.add_paragraph(f"{mark} {meaning}", style="List Bullet")
    for note in content.map_notes:
        document.add_paragraph(note, style="Caption")
    document.add_page_break()  # type: ignore[no-untyped-call]
    for key in BEFORE_CHARTS:
        _table(document, content.sections[key])
    document.add_heading(i18n.t("brief.charts"), level=1)
    for position, chart in enumerate(content.charts):
        if chart.small and (position == 0 or not content.charts[position - 1].small):
            document.add_heading(i18n.t("brief.charts.done"), level=2)
        document.add_paragraph().add_run(chart.title).bold = True
        _picture(document, chart, heading=False)
    for note in content.charts_notes:
        document.add_paragraph(note, style="Caption")
    document.add_heading(i18n.t("brief.timeline"), level=1)
    if content.timeline is not None:
        _picture(document, content.timeline, heading=False)
    for note in content.timeline_notes:
        document.add_paragraph(note, style="Caption")
    for key in AFTER_CHARTS:
        _table(document, content.sections[key])
    document.add_paragraph(content.footer, style="Caption")
    document.save(str(target))


def _picture(document: Document, picture: Picture, heading: bool = True) -> None:
    from docx.shared import Mm  # lazy: start-up

    if heading:
        document.add_heading(picture.title, level=1)
    width = PICTURE_WIDTH_MM / 2 if picture.small else PICTURE_WIDTH_MM
    document.add_picture(io.BytesIO(charts.png(picture.draw(), picture.key)), width=Mm(width))
    document.add_paragraph(picture.caption, style="Caption")


def _table(document: Document, section: Section) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # lazy: start-up
    from docx.shared import Pt, RGBColor  # lazy: start-up

    document.add_heading(section.title, level=1)
    if not section.rows:
        document.add_paragraph(i18n.t("status.none")).runs[0].italic = True
    else:
        table = document.add_table(rows=1, cols=len(section.headers))
        table.style = "Table Grid"
        for column, header in enumerate(section.headers):
            table.rows[0].cells[column].paragraphs[0].add_run(header).bold = True
        _repeat_header(table.rows[0])
        for row in section.rows:
            cells = table.add_row().cells
            for column, cell in enumerate(row):
                paragraph = cells[column].paragraphs[0]
                run = _hyperlink(paragraph, cell.text, cell.href) if cell.href else paragraph.add_run(cell.text)
                if cell.sub:
                    paragraph.add_run("\n" + cell.sub).font.color.rgb = RGBColor(0x66, 0x66, 0x66)
                if cell.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if cell.alert:
                    run.font.color.rgb = RGBColor(0xC0, 0x39, 0x2B)
                    run.bold = True
        for row_cells in table.rows:
            for cell_ in row_cells.cells:
                for paragraph in cell_.paragraphs:
                    for run_ in paragraph.runs:
                        run_.font.size = Pt(8)
    for note in section.notes:
        document.add_paragraph(note, style="Caption")


def _repeat_header(row: Any) -> None:
    """The header row repeats at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement  # lazy: start-up
    from docx.oxml.ns import qn  # lazy: start-up

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _hyperlink(paragraph: Any, text: str, url: str) -> Any:
    """A run that links to `url` (python-docx has no API for links)."""
    from docx.oxml import OxmlElement  # lazy: start-up
    from docx.oxml.ns import qn  # lazy: start-up
    from docx.shared import RGBColor  # lazy: start-up
    from docx.text.run import Run  # lazy: start-up

    relation = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True,
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    element = OxmlElement("w:r")
    link.append(element)
    paragraph._p.append(link)
    run = Run(element, paragraph)
    run.text = text
    run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    run.font.underline = True
    return run
