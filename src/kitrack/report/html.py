"""The brief as one self-contained HTML page: inline CSS and SVG, no script, nothing loaded from
anywhere (its Content-Security-Policy forbids it), readable on a phone, printable on A4."""

from __future__ import annotations

from typing import Any

from kitrack import __version__
from kitrack.output import i18n
from kitrack.report import charts
from kitrack.report.content import AFTER_CHARTS, BEFORE_CHARTS, Content


def render(content: Content) -> str:
    import jinja2  # lazy: start-up

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("kitrack.report", "templates"), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    pictures = [content.map, *content.charts, *([content.timeline] if content.timeline else [])]
    svg: dict[str, str] = {}
    for picture in pictures:
        figure = picture.draw()
        svg[picture.key] = charts.svg(figure, picture.key, picture.title)
    context: dict[str, Any] = {
        "c": content, "svg": svg, "lang": i18n.current().code, "version": __version__,
        "nothing": i18n.t("status.none"), "charts_title": i18n.t("brief.charts"),
        "finished_title": i18n.t("brief.charts.done"),
        "timeline_title": i18n.t("brief.timeline"), "print_tables": i18n.t("brief.print_tables"),
        "before_charts": BEFORE_CHARTS, "after_charts": AFTER_CHARTS,
        "stages": [
            *((colour, i18n.label("status", stage)) for stage, colour in charts.STATUS_COLOURS.items()),
            (charts.INK, i18n.t("status.stage_unknown")),
        ],
    }
    return environment.get_template("brief.html.j2").render(context)
