"""The brief in words: its headline, its tables with every cell worded in the language of the
output, and its pictures. The HTML page and the Word document are two layouts of this one content,
so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from kitrack import __version__
from kitrack.domain.figures import BY_FIELD
from kitrack.output import i18n, inert, render
from kitrack.output import status as board_words
from kitrack.views.brief import CHART_LIMIT, Brief, Chart
from kitrack.views.status import StatusReport
from kitrack.views.table import Column, Row, Table

# The tables of the brief around its charts and timeline, in the order they are shown.
BEFORE_CHARTS = ("act", "overdue", "at_risk", "slipped")
AFTER_CHARTS = ("changes", "estates", "infrastructure", "by_region", "stale", "sources")


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None  # a web address to link to (http and https only)
    numeric: bool = False
    alert: bool = False  # overdue: shown in red
    sub: str | None = None  # a second, smaller line: the id under a record's name


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    notes: list[str] = field(default_factory=list)
    compact: bool = False  # a list, not a table, on the page: long and read by looking up

    def groups(self) -> list[tuple[Cell, list[list[Cell]]]]:
        """The rows by their first cell, in order, for a compact list that names each record once."""
        grouped = (list(rows) for _, rows in itertools.groupby(self.rows, key=lambda row: row[0].text))
        return [(rows[0][0], [row[1:] for row in rows]) for rows in grouped]


@dataclass(frozen=True)
class Picture:
    key: str
    title: str
    caption: str
    draw: Callable[[], Any]  # a matplotlib figure, drawn when asked for
    small: bool = False  # a finished project's chart: drawn small, four to a printed row


@dataclass
class Content:
    title: str
    subtitle: list[str]
    cards: list[tuple[str, str]]  # (figure, what it counts)
    headline: str
    map: Picture
    map_legend: list[tuple[str, str]]  # (mark, meaning)
    map_notes: list[str]
    charts: list[Picture]
    charts_notes: list[str]
    timeline: Picture | None
    timeline_notes: list[str]
    sections: dict[str, Section]
    footer: str


def link(url: str | None) -> str | None:
    """Only web addresses become links: a `javascript:` or `file:` address in the data stays text."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None




def section(key: str, title: str, table: Table, notes: list[str] | None = None,
            cells: Mapping[str, Callable[[Row], Cell]] | None = None, compact: bool = False) -> Section:
    """A table of a view as worded cells; `cells` words the columns that need more than `render.cell`."""
    shown = board_words.readable(table, terminal=False, bar=i18n.percent)
    special = dict(cells or {})
    columns = list(shown.columns)
    keys = [column.key for column in columns]
    ident = next((key for key in ("id", "record") if key in keys), None)
    if ident and "name" in keys:  # a record's id under its name, not in a column of its own
        columns.pop(keys.index(ident))
        special.setdefault("name", lambda row: Cell(_text(row["name"]), sub=row[ident]))
    rows = [
        [special[c.key](row) if c.key in special else _cell(c, row) for c in columns]
        for row in shown.rows
    ]
    headers = [i18n.t(column.label_key) for column in columns]
    legend = [i18n.t("status.derived_legend")] if board_words.has_derived(table) else []
    return Section(key, title, headers, rows, [*legend, *(notes or [])], compact)


def _stale(report: StatusReport) -> Table:
    """The stale list in the board's compact form: one row per reason, naming its records."""
    grouped = board_words.stale_lines(report.sections["stale"], report.stale_days, str)
    return Table("stale", [Column("reason"), Column("record", "text", "col.record")], [
        {"reason": head, "record": ", ".join(items)} for head, items in grouped
    ])


def _text(value: Any) -> str:
    """Free text from the data, in the reader's language (a fallback marked), made inert."""
    return inert.terminal(str(render.chosen(value)))


def _cell(column: Column, row: Row) -> Cell:
    return Cell(render.cell(column, row[column.key]), numeric=column.format in render.NUMERIC)


def _overdue_cell(row: Row) -> Cell:
    return Cell(i18n.t("word.yes" if row["overdue"] else "word.no"), alert=bool(row["overdue"]))


def _change_value(row: Row) -> str:
    if row["field"] == "status":
        return i18n.label("status", row["value"])
    if row["field"] == "target":
        return i18n.date(row["value"])
    figure = BY_FIELD[row["field"]]
    return i18n.percent(row["value"]) if figure.format == "percent" else i18n.figure(row["value"])


def _change_words(row: Row) -> str:
    """One change in words: "Progress: 57.25%", or "milestone done: <its name>"."""
    if row["item"] == "report":
        return i18n.t("col." + row["field"]) + ": " + _change_value(row)
    return i18n.t("brief.change." + row["item"]) + ": " + _text(row["value"])


def _changes(brief: Brief) -> Table:
    """The changes, one row per new report with all its figures in one cell, and one per milestone
    done or issue raised or resolved: a report of five figures is one thing that happened, and five
    rows of it would fill a printed page."""
    columns = [Column("record"), Column("date", "date"), Column("what"), Column("source")]
    rows: dict[object, Row] = {}
    for position, row in enumerate(brief.changes.rows):
        key = (row["record"], str(row["date"]), row["source"]) if row["item"] == "report" else position
        rows.setdefault(key, {"record": row["record"], "date": row["date"], "source": row["source"], "what": []})
        rows[key]["what"].append(_change_words(row))
    return Table("changes", columns, [{**row, "what": "; ".join(row["what"])} for row in rows.values()])


def _sources(brief: Brief) -> Table:
    """One row per source of a record: the record, and the source in one cell (`_source`)."""
    columns = [Column("record"), Column("source")]
    return Table("sources", columns, [{"record": row["record"], "source": row} for row in brief.sources.rows])


def _source(row: Row) -> Cell:
    """A source as its title (else its id), linked to its address, with its publisher (else its site)
    and date below; an address that is not a web link is shown as text instead."""
    source = row["source"]
    url, href = source["url"], link(source["url"])
    about = [source["publisher"] or urlsplit(url).netloc, i18n.date(source["date"]) if source["date"] else None,
             None if href else url]
    return Cell(inert.terminal(source["title"] or source["id"]), href=href,
                sub=inert.terminal(" · ".join(part for part in about if part)))


def build(brief: Brief, charts: Any) -> Content:
    """`charts` is `kitrack.report.charts`, passed in so that matplotlib is imported only when drawing."""
    report, as_of = brief.board, brief.board.as_of
    since = report.since
    subtitle = [board_words.since_text(since, inert.terminal).replace("`", "")]
    if report.region:
        subtitle.insert(0, i18n.t("status.region", region=report.region))
    if report.errors:
        subtitle.append(i18n.t("error.data_problems", errors=report.errors))
    tables = [*report.sections.values(), report.too_few, brief.act, brief.changes]
    legend = render.fallback_legend(tables, *brief.names.values(), *(c.name for c in brief.charts),
                                    *(c.section for c in brief.charts if c.section is not None))
    if legend:
        subtitle.append(legend)
    headline = report.headline
    cards = [
        (i18n.figure(headline["estates"]["operating"]), i18n.t("brief.card.operating")),
        (i18n.figure(headline["estates"]["planned"]), i18n.t("brief.card.planned")),
        (i18n.figure(headline["projects"]), i18n.t("brief.card.projects")),
        (i18n.figure(len(report.sections["overdue"].rows)), i18n.t("brief.card.overdue")),
        (i18n.figure(len(report.sections["at_risk"].rows)), i18n.t("brief.card.at_risk")),
        (i18n.figure(len(report.sections["slipped"].rows)), i18n.t("brief.card.slipped")),
        (i18n.figure(len(brief.act.rows)), i18n.t("brief.card.act")),
    ]
    sections: dict[str, Section] = {}

    def agency(row: Row) -> Cell:
        owner: str | None = row["owner"]
        return Cell(_text(brief.names.get(owner) or owner) if owner else i18n.t("status.missing"))

    act_cells = {"owner": agency, "overdue": _overdue_cell}
    sections["act"] = section("act", i18n.t("brief.act"), brief.act, [i18n.t("brief.act.note")], act_cells)
    sections["overdue"] = section("overdue", i18n.t("status.overdue"), report.sections["overdue"],
                                  cells={"owner": agency})
    too_few = report.too_few.rows
    sections["at_risk"] = section("at_risk", i18n.t("status.at_risk"), report.sections["at_risk"], [
        f"{i18n.t('status.too_few')}: " + ", ".join(f"{board_words.unit_id(row)} ({row['reports']})" for row in too_few)
    ] if too_few else [])
    sections["slipped"] = section("slipped", i18n.t("status.slipped"), report.sections["slipped"],
                                  cells={"owner": agency})
    changes_title = i18n.t("brief.changes", since=i18n.date(since.date))
    sections["changes"] = section("changes", changes_title, _changes(brief))
    sections["estates"] = section("estates", i18n.t("status.estates"), report.sections["estates"])
    sections["infrastructure"] = section("infrastructure", i18n.t("status.infrastructure"),
                                         report.sections["infrastructure"])
    sections["by_region"] = section("by_region", i18n.t("status.by_region"), report.sections["by_region"])
    sections["stale"] = section("stale", i18n.t("status.stale"), _stale(report))
    sections["sources"] = section("sources", i18n.t("brief.sources"), _sources(brief),
                                  [i18n.t("brief.sources.note")], {"source": _source}, compact=True)
    return Content(
        title=i18n.t("brief.title", as_of=i18n.date(as_of)),
        subtitle=subtitle,
        cards=cards,
        headline=board_words.headline(headline),
        map=Picture("map", i18n.t("brief.map"), i18n.t("brief.map.caption"), lambda: charts.east_java_map(brief)),
        map_legend=_legend(),
        map_notes=_map_notes(brief, charts),
        charts=sorted((_chart(chart, as_of, charts) for chart in brief.charts), key=lambda picture: picture.small),
        charts_notes=_chart_notes(brief),
        timeline=Picture("timeline", i18n.t("brief.timeline"), i18n.t("brief.timeline.caption"),
                         lambda: charts.timeline(brief.timeline, as_of)) if brief.timeline else None,
        timeline_notes=[] if brief.timeline else [i18n.t("brief.timeline.none")],
        sections=sections,
        footer=i18n.t("brief.footer", version=__version__, as_of=i18n.date(as_of)),
    )


def _chart(chart: Chart, as_of: dt.date, charts: Any) -> Picture:
    parts = [i18n.t(f"brief.reason.{chart.reason}")]
    projection = chart.projection
    if projection.percent is not None:
        parts.append(i18n.t("brief.chart.latest", percent=i18n.percent(projection.percent),
                            date=i18n.date(projection.reported)))
    if chart.slip_months is not None:
        parts.append(board_words.slip_line(chart.targets, chart.slip_months))
    elif chart.targets:
        parts.append(i18n.t("brief.chart.targets", targets=i18n.date(chart.targets[-1])))
    elif chart.inherited is not None:
        parts.append(i18n.t("brief.chart.inherited", target=i18n.date(chart.inherited)))
    title = _text(chart.name) if chart.section is None else f"{_text(chart.name)} — {_text(chart.section)}"
    # A finished unit's chart is read for one thing, how late it finished: it is drawn small, after
    # the charts of the work still under way, so that the printed brief spends its pages on those.
    small = chart.projection.state == "done"
    return Picture(f"chart-{chart.id}", title, " · ".join(parts),
                   lambda: charts.progress(chart, as_of, small=small), small=small)


def _chart_notes(brief: Brief) -> list[str]:
    notes = [] if brief.charts else [i18n.t("brief.charts.none")]
    if brief.not_charted:
        notes.append(i18n.t("brief.charts.more", count=i18n.figure(len(brief.not_charted)),
                            limit=CHART_LIMIT, ids=_some(brief.not_charted)))
    return notes


def _legend() -> list[tuple[str, str]]:
    return [
        ("●", i18n.t("brief.map.estate")), ("■", i18n.t("brief.map.project")),
        ("●", i18n.t("brief.map.site")), ("◉", i18n.t("brief.map.area")), ("○", i18n.t("brief.map.centre")),
        ("▒", i18n.t("brief.map.regions")),
    ]


def _map_notes(brief: Brief, charts: Any) -> list[str]:
    notes: list[str] = []
    outside = [place.id for place in brief.places if not charts.in_frame(place)]
    if outside:
        notes.append(i18n.t("brief.map.outside", count=i18n.figure(len(outside)), ids=_some(outside)))
    if len(brief.places) - len(outside) > charts.LABEL_LIMIT:
        notes.append(i18n.t("brief.map.unlabelled", count=i18n.figure(len(brief.places) - len(outside)),
                            limit=charts.LABEL_LIMIT))
    if brief.unlocated:
        notes.append(i18n.t("brief.map.unlocated", count=i18n.figure(len(brief.unlocated)), ids=_some(brief.unlocated)))
    return notes


def _some(ids: list[str], shown: int = 40) -> str:
    """Ids to name in a note: the first `shown` of them, then an ellipsis."""
    return ", ".join(ids[:shown]) + (" …" if len(ids) > shown else "")
