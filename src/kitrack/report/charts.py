"""The brief's pictures, drawn with matplotlib: progress charts, the timeline and the map.

One matplotlib figure gives both outputs: SVG for the page and the PDF (crisp at any zoom, text
kept as text), PNG for Word, which python-docx cannot embed as SVG. Plain SVG templates would have
needed a second route to PNG for Word (a browser's screenshot, or cairo), so a Word document would
have needed Chromium too; matplotlib draws a chart in about 20 ms, so even the brief's cap of charts
costs well under a second. The figures are built with the object API (no pyplot state) and written
deterministically: no date in the metadata, and element ids salted by the chart's own key, so that
several SVGs on one page never share an id and the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from kitrack.domain.dates import PartialDate
from kitrack.output import i18n
from kitrack.views.brief import Brief, Chart, Milestone, Place, RegionArea

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Stages, earliest to latest, each in a colour of the Okabe–Ito palette (told apart with colour
# blindness too); grey for planning, green for operating.
STATUS_COLOURS = {
    "planning": "#999999", "preparation": "#CC79A7", "transaction": "#56B4E9", "construction": "#E69F00",
    "partially-operating": "#0072B2", "operating": "#009E73",
}
INK, MUTED, LATE, LINE = "#222222", "#777777", "#C0392B", "#1F4E79"
LAND, NEIGHBOUR, SEA = "#ECE8DC", "#F4F2EC", "#EAF2F8"
MARKERS = {"estates": "o", "infrastructure": "s"}
# A projection past this many years after the latest target or the date of the brief is cut at the
# chart's edge and its date written there, so that one slow project does not squeeze its own chart.
PROJECTION_YEARS = 6
DPI = 150  # PNG pictures for Word: sharp when printed at the width of an A4 page


@contextmanager
def _style(salt: str) -> Iterator[None]:
    import matplotlib  # lazy: start-up

    with matplotlib.rc_context({
        "svg.fonttype": "none", "svg.hashsalt": salt, "font.size": 8, "font.family": "sans-serif",
        "axes.edgecolor": MUTED, "axes.labelcolor": INK, "xtick.color": MUTED, "ytick.color": MUTED,
        "axes.spines.top": False, "axes.spines.right": False,
    }):
        yield


@contextmanager
def drawing(key: str, width: float, height: float) -> Iterator[Figure]:
    """A new figure `width` by `height` inches, styled and salted by `key`. Its margins are set by
    hand: matplotlib's automatic layout measures every label and took half the time of a chart."""
    with _style(key):
        from matplotlib.figure import Figure  # lazy: start-up

        yield Figure(figsize=(width, height))


def svg(figure: Figure, key: str, label: str) -> str:
    """The figure as an SVG element to put inline in HTML: no XML prolog, sized by the page (its
    viewBox kept), with a label for screen readers."""
    out = io.StringIO()
    with _style(key):
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", text, count=1)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return text.replace("<svg", f'<svg role="img" aria-label="{label}" class="chart"', 1)


def png(figure: Figure, key: str) -> bytes:
    out = io.BytesIO()
    with _style(key):
        figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def plain(text: str) -> str:
    """Text from the data as matplotlib shows it literally: `$` would start mathematical notation."""
    return text.replace("$", r"\$")


def _num(day: dt.date) -> float:
    from matplotlib.dates import date2num  # lazy: start-up

    return float(date2num(day))  # type: ignore[no-untyped-call]


def _year_axis(axes: Axes, first: dt.date, last: dt.date, most: int = 8) -> None:
    """Ticks on whole years, as many as fit: every year over up to `most`, else every second, fifth..."""
    from matplotlib.dates import DateFormatter, YearLocator  # lazy: start-up

    years = last.year - first.year + 1
    step = next(step for step in (1, 2, 5, 10, 20, 50, 100) if years / step <= most or step == 100)
    axes.xaxis.set_major_locator(YearLocator(step))  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(DateFormatter("%Y"))  # type: ignore[no-untyped-call]


# --- progress over time ------------------------------------------------------------------------


def progress(chart: Chart, as_of: dt.date, small: bool = False) -> Figure:
    """Reported physical progress over time; the target in force (a red dashed line), earlier targets
    (grey, with the slip between them), the projection at the recent pace (dotted, to 100 %) and the
    date of the brief. A `small` chart, of a finished project, has no legend: the full-size charts
    beside it carry one."""
    with drawing(chart.id, *((2.8, 1.5) if small else (5.6, 2.4))) as figure:
        if small:
            figure.subplots_adjust(left=0.17, right=0.97, top=0.9, bottom=0.16)
        else:
            figure.subplots_adjust(left=0.1, right=0.98, top=0.96, bottom=0.25)
        axes = figure.add_subplot()
        days = [date.end for date, _ in chart.points]
        values = [value for _, value in chart.points]
        axes.plot([_num(d) for d in days], values, color=LINE, marker="o", markersize=3.5, linewidth=1.6,
                  label=i18n.t("chart.reported"))
        horizon = [*days, as_of, *(t.end for t in chart.targets)]
        projection = chart.projection
        right = max(horizon)
        if projection.projected is not None and projection.percent is not None and projection.reported is not None:
            limit = dt.date(min(right.year + PROJECTION_YEARS, dt.date.max.year - 1), 12, 31)
            end = min(projection.projected, limit)
            share = (end - projection.reported.end).days / max(1, (projection.projected - projection.reported.end).days)
            reach = projection.percent + (100 - projection.percent) * share
            axes.plot([_num(projection.reported.end), _num(end)], [projection.percent, reach], color=LINE,
                      linestyle=":", linewidth=1.4, label=i18n.t("chart.projection"))
            axes.annotate(i18n.t("chart.projected", date=i18n.date(projection.projected)), (_num(end), reach),
                          textcoords="offset points", xytext=(-4, 4), ha="right", color=LINE)
            right = max(right, end)
        for earlier in chart.targets[:-1]:
            axes.axvline(_num(earlier.end), color=MUTED, linestyle=":", linewidth=1)
        if chart.targets:
            target = chart.targets[-1]
            axes.axvline(_num(target.end), color=LATE, linestyle="--", linewidth=1.3,
                         label=i18n.t("chart.target", date=i18n.date(target)))
        if chart.slip_months:
            first = chart.targets[0]
            axes.annotate("", xy=(_num(chart.targets[-1].end), 103), xytext=(_num(first.end), 103),
                          arrowprops={"arrowstyle": "->", "color": LATE})
            axes.text(_num(first.end), 106, _slip(chart.slip_months), color=LATE, va="bottom")
        axes.axvline(_num(as_of), color=INK, linewidth=0.6, alpha=0.5)
        axes.text(_num(as_of), 1, " " + i18n.date(as_of), color=MUTED, rotation=90, va="bottom", fontsize=6.5)
        left = min(days[0], *(t.end for t in chart.targets)) if chart.targets else days[0]
        span = max(30, (right - left).days)
        axes.set_xlim(_num(left - dt.timedelta(days=span // 20)), _num(right + dt.timedelta(days=span // 12)))
        axes.set_ylim(0, 112 if chart.slip_months else 105)
        ticks = (0, 50, 100) if small else (0, 25, 50, 75, 100)
        axes.set_yticks(ticks, [i18n.percent(v) for v in ticks])
        axes.grid(axis="y", color="#DDDDDD", linewidth=0.6)
        _year_axis(axes, left, right, most=4 if small else 8)
        if not small:
            axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), frameon=False, fontsize=7, ncols=3)
    return figure


def _slip(months: int) -> str:
    if months % 12 == 0:
        return i18n.t("chart.slip_years", years=i18n.figure(months // 12))
    return i18n.t("chart.slip_months", months=i18n.figure(months))


# --- milestones and targets --------------------------------------------------------------------


def timeline(items: dict[str, list[Milestone]], as_of: dt.date) -> Figure:
    """One row per record: milestones done (filled), due (hollow), overdue (red), and targets (a red
    bar), with the date of the brief."""
    rows = list(items)
    height = 0.9 + 0.28 * len(rows)
    with drawing("timeline", 7.2, height) as figure:
        label_width = 0.06 * max((len(record) for record in rows), default=4)  # inches, at 8 points
        figure.subplots_adjust(left=min(0.45, (label_width + 0.15) / 7.2), right=0.98, top=1 - 0.1 / height,
                               bottom=0.6 / height)
        axes = figure.add_subplot()
        for y, record in enumerate(rows):
            for item in items[record]:
                when = item.done or item.due
                if when is None:
                    continue
                style = _item_style(item)
                axes.plot([_num(when.end)], [y], linestyle="none", **style)
        axes.axvline(_num(as_of), color=INK, linewidth=0.6, alpha=0.5)
        axes.set_yticks(range(len(rows)), rows)
        axes.set_ylim(len(rows) - 0.5, -0.5)
        axes.grid(axis="x", color="#EEEEEE", linewidth=0.6)
        dates = [when.end for record in rows for item in items[record] if (when := item.done or item.due)]
        _year_axis(axes, min(dates, default=as_of), max([*dates, as_of]))
        from matplotlib.lines import Line2D  # lazy: start-up

        legend = [
            Line2D([], [], linestyle="none", label=i18n.t(f"chart.item.{key}"), **_item_style(example))
            for key, example in _LEGEND
        ]
        axes.legend(handles=legend, loc="upper center", bbox_to_anchor=(0.5, -0.25 / (height - 0.7)), ncols=4,
                    frameon=False, fontsize=7)
    return figure


_DONE, _DUE = PartialDate(2000), PartialDate(2001)
_LEGEND = (
    ("done", Milestone("", "milestone", "", _DUE, _DONE, False)),
    ("due", Milestone("", "milestone", "", _DUE, None, False)),
    ("overdue", Milestone("", "milestone", "", _DUE, None, True)),
    ("target", Milestone("", "target", "", _DUE, None, False)),
)


def _item_style(item: Milestone) -> dict[str, Any]:
    if item.kind == "target":
        return {"marker": "|", "markersize": 11, "markeredgewidth": 2.2, "color": LATE if item.overdue else LINE}
    if item.done is not None:
        return {"marker": "D", "markersize": 5, "color": STATUS_COLOURS["operating"]}
    if item.overdue:
        return {"marker": "X", "markersize": 6.5, "color": LATE}
    return {"marker": "D", "markersize": 5, "markerfacecolor": "white", "markeredgecolor": LINE, "color": LINE}


# --- the map -----------------------------------------------------------------------------------


@cache
def basemap() -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """The land polygons of the shipped base map: (island name, rings of (lon, lat))."""
    text = (resources.files("kitrack") / "assets" / "basemap" / "east-java.geojson").read_text(encoding="utf-8")
    return [
        (feature["properties"]["name"], [[(lon, lat) for lon, lat in ring] for ring in rings])
        for feature in json.loads(text)["features"] if (rings := feature["geometry"]["coordinates"])
    ]


# Islands of the base map that are not East Java: drawn paler, as neighbours.
NEIGHBOURS = {"Bali", "Nusa Penida"}
# The map's frame: East Java and its islands, with Bali's west end as a neighbour.
FRAME = (110.85, 115.75, -8.9, -5.65)


# Above this many records on the map, centres are not labelled: the labels would hide the map.
LABEL_LIMIT = 40


def east_java_map(brief: Brief) -> Figure:
    """The coast of East Java, the priority regions' located records shaded together, and each
    record coloured by status and marked by how close its point is to the place itself."""
    with drawing("map", 7.4, 4.9) as figure:
        axes = figure.add_axes((0.005, 0.005, 0.99, 0.99))
        axes.set_facecolor(SEA)
        from matplotlib.patches import Polygon  # lazy: start-up

        for name, rings in basemap():
            colour = NEIGHBOUR if name in NEIGHBOURS else LAND
            axes.add_patch(Polygon(rings[0], closed=True, facecolor=colour, edgecolor="#B9B3A0", linewidth=0.5))
            for hole in rings[1:]:
                axes.add_patch(Polygon(hole, closed=True, facecolor=SEA, edgecolor="#B9B3A0", linewidth=0.5))
        shown = [place for place in brief.places if in_frame(place)]
        _regions(axes, brief.regions, shown)
        _places(axes, shown)
        if not shown:
            axes.text(0.5, 0.5, i18n.t("brief.map.none"), transform=axes.transAxes, ha="center", va="center",
                      color=MUTED, fontsize=9, wrap=True)
        west, east, south, north = FRAME
        axes.set_xlim(west, east)
        axes.set_ylim(south, north)
        axes.set_aspect(1.0)
        axes.set_xticks([])
        axes.set_yticks([])
        for spine in axes.spines.values():
            spine.set_visible(True)
            spine.set_color("#B9B3A0")
    return figure


def in_frame(place: Place) -> bool:
    west, east, south, north = FRAME
    return west <= place.lon <= east and south <= place.lat <= north


def _places(axes: Axes, places: Sequence[Place]) -> None:
    """One marker style per (stage, kind, precision), each drawn as one line of points: thousands of
    records cost one call per style, not one per record."""
    groups: dict[tuple[str | None, str, str], list[Place]] = {}
    for place in places:
        groups.setdefault((place.status, place.table, place.precision), []).append(place)
    for (status, table, precision), members in sorted(groups.items(), key=lambda item: str(item[0])):
        colour = STATUS_COLOURS.get(status or "", INK)  # black: no report gives the stage yet
        marker = MARKERS.get(table, "o")
        lons, lats = [p.lon for p in members], [p.lat for p in members]
        if precision == "site":
            axes.plot(lons, lats, linestyle="none", marker=marker, markersize=7, color=colour, markeredgecolor="white")
        elif precision == "area":
            axes.plot(lons, lats, linestyle="none", marker=marker, markersize=5.5, color=colour,
                      markeredgecolor="white")
            axes.plot(lons, lats, linestyle="none", marker="o", markersize=13, markerfacecolor="none",
                      markeredgecolor=colour, markeredgewidth=1.2)
        else:  # a town or regency centre: never drawn as a site
            axes.plot(lons, lats, linestyle="none", marker=marker, markersize=8, markerfacecolor="white",
                      markeredgecolor=colour, markeredgewidth=1.8)
            if len(places) <= LABEL_LIMIT:
                for place in members:
                    label = axes.annotate(place.id, (place.lon, place.lat), textcoords="offset points",
                                          xytext=(6, 3), fontsize=6, color=INK, annotation_clip=True)
                    label.set_in_layout(False)


def _regions(axes: Axes, regions: Sequence[RegionArea], places: Sequence[Place]) -> None:
    """No open regency boundaries exist, so a priority region is shown as the hull of its located
    records, padded, and labelled with its name: where its records are, not where it ends."""
    from matplotlib.patches import Polygon  # lazy: start-up

    for region in regions:
        points = sorted({(p.lon, p.lat) for p in places if region.id in p.regions})
        if not region.priority or not points:
            continue
        hull = _hull(points)
        if len(hull) == 1:  # one record: a disc around it
            axes.plot(*hull[0], marker="o", markersize=24, color="#7F8C8D", alpha=0.13, markeredgewidth=0)
        else:
            axes.add_patch(Polygon(hull, closed=True, facecolor="#7F8C8D", alpha=0.13, edgecolor="#7F8C8D",
                                   linewidth=22, joinstyle="round"))
        lon = sum(x for x, _ in hull) / len(hull)
        lat = max(y for _, y in hull)
        axes.text(lon, lat + 0.12, plain(region.name), ha="center", va="bottom", fontsize=7, color="#4D5656",
                  style="italic")


def _hull(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull of sorted points (Andrew's monotone chain); one or two points stand as they are."""
    if len(points) < 3:
        return list(points)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for point in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    for point in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return lower[:-1] + upper[:-1]
