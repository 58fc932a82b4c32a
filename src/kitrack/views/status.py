"""The meeting view: everything `kitrack status` shows, built once, rendered as table, md or json."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, TextIO

from kitrack.domain import board
from kitrack.output import i18n, inert, render
from kitrack.views import tables
from kitrack.domain.defaults import DEFAULT_STALE_DAYS
from kitrack.load.dataset import Dataset
from kitrack.domain.models import Project, Status
from kitrack.output.table import Column, Table
from kitrack.views.tables import Filters

DEFAULT_SINCE_DAYS = 30
PERPRES = "perpres-80-2019"


@dataclass(frozen=True)
class Since:
    date: dt.date
    reason: str  # meeting | default | given | revision
    meeting: Optional[str] = None  # the meeting id, or the git revision compared with


def default_since(data: Dataset, as_of: dt.date) -> Since:
    """The latest meeting before --as-of, or 30 days before it."""
    meetings = [m for m in data.meetings.values() if m.date.end < as_of]
    if meetings:
        latest = max(meetings, key=lambda m: (m.date.end, m.id))
        return Since(latest.date.end, "meeting", latest.id)
    return Since(as_of - dt.timedelta(days=DEFAULT_SINCE_DAYS), "default")


@dataclass
class StatusReport:
    as_of: dt.date
    since: Since
    region: Optional[str]
    headline: dict[str, int]
    sections: dict[str, Table] = field(default_factory=dict)
    too_few: list[dict[str, Any]] = field(default_factory=list)
    errors: int = 0


COUNT_COLUMNS = [Column("status", "status"), Column("estates", "number", "kind.estates"), Column("infrastructure", "number", "kind.infrastructure")]
REGION_COUNT_COLUMNS = [Column("region"), Column("name"), Column("estates", "number", "kind.estates"), Column("infrastructure", "number", "kind.infrastructure")]
ESTATE_COLUMNS = ["id", "name", "status", "psn", "basis", "regency", "area_ha", "occupied_ha", "occupancy_percent", "tenants", "latest_report"]
PROJECT_COLUMNS = [
    Column("id"), Column("name"), Column("kind", "project-kind"), Column("status", "status"), Column("owner"),
    Column("percent", "bar"), Column("change", "change"), Column("latest_report", "date"), Column("target", "date"),
]
OVERDUE_COLUMNS = [Column("record"), Column("kind", "overdue-item", "col.type"), Column("what", "text"), Column("due", "date"), Column("days", "number", "col.overdue_days"), Column("owner")]
RISK_COLUMNS = [Column("id"), Column("name"), Column("percent", "percent"), Column("latest_report", "date"), Column("pace", "number"), Column("projected", "date"), Column("target", "date")]
ISSUE_COLUMNS = ["owner", "record", "id", "title", "raised", "due"]
STALE_COLUMNS = [Column("record"), Column("name"), Column("reason", "text"), Column("latest_report", "date")]


def build(data: Dataset, as_of: dt.date, since: Since, region: Optional[str] = None, baseline: Optional[Dataset] = None,
          stale_days: int = DEFAULT_STALE_DAYS, errors: int = 0) -> StatusReport:
    """`baseline` is the data to compare with (the data at a git revision); by default the same data
    at the `since` date."""
    filters = Filters(region=region)
    estates = [e for e in data.estates.values() if region in (None, e.region)]
    projects = [p for p in data.projects.values() if region in (None, p.region)]
    planned = [e for e in estates if e.status is not Status.operating]
    report = StatusReport(
        as_of=as_of, since=since, region=region, errors=errors,
        headline={
            "operating": sum(1 for e in estates if e.status is Status.operating),
            "planned": len(planned),
            "planned_psn": sum(1 for e in planned if e.psn),
            "unconfirmed": sum(1 for e in planned if e.psn and PERPRES not in e.basis),
            "projects": len(projects),
        },
    )
    report.sections["counts"] = Table("counts", COUNT_COLUMNS, [
        {"status": status.value, "estates": sum(1 for e in estates if e.status is status), "infrastructure": sum(1 for p in projects if p.status is status)}
        for status in Status
    ])
    estates_in = Counter(e.region for e in estates)
    projects_in = Counter(p.region for p in projects)
    report.sections["by_region"] = Table("by_region", REGION_COUNT_COLUMNS, [
        {"region": r.id, "name": r.name, "estates": estates_in[r.id], "infrastructure": projects_in[r.id]}
        for r in data.regions.values() if region in (None, r.id)
    ])
    estate_table = tables.estates(data, as_of, filters)
    report.sections["estates"] = estate_table.select(ESTATE_COLUMNS)
    report.sections["infrastructure"] = _projects(data, projects, as_of, since, baseline)
    report.sections["overdue"] = _overdue(data, estates, projects, as_of, region)
    report.sections["at_risk"], report.too_few = _at_risk(projects, as_of)
    issues = tables.issues(data, as_of, Filters(region=region, status="open"))
    issues.rows.sort(key=lambda row: (row["owner"], row["raised"].start, row["record"]))
    report.sections["issues"] = issues.select(ISSUE_COLUMNS)
    report.sections["stale"] = _stale(estates, projects, as_of, stale_days)
    return report


def _projects(data: Dataset, projects: list[Project], as_of: dt.date, since: Since, baseline: Optional[Dataset]) -> Table:
    rows = []
    for project in projects:
        percent, _ = board.latest_value(project, "percent", as_of)
        then_record = (baseline.projects.get(project.id) if baseline is not None else project)
        then = board.latest_value(then_record, "percent", since.date)[0] if then_record is not None else None
        change: Any = None
        if percent is not None:
            change = "new" if then is None else round(percent - then, 2)
        latest = board.latest(project, as_of)
        rows.append({
            "id": project.id, "name": project.name, "kind": project.kind.value, "status": project.status.value,
            "owner": project.owner, "percent": percent, "change": change,
            "latest_report": latest.date if latest else None, "target": project.target,
        })
    return Table("infrastructure", PROJECT_COLUMNS, rows)


def _overdue(data: Dataset, estates, projects, as_of: dt.date, region: Optional[str]) -> Table:
    items = [item for record in (*estates, *projects) for item in board.overdue_of(record, as_of)]
    in_view = {record.id for record in (*estates, *projects)}
    for meeting in data.meetings.values():
        for item in board.overdue_of_meeting(meeting, as_of):
            related = meeting.decisions[item.path[1]].related
            # With --region, a decision belongs to the view when it names a record in the region.
            if region is None or any(rid in in_view for rid in related):
                items.append(item)
    rows = []
    for item in sorted(items, key=lambda i: (i.due.end, i.record_id)):
        rows.append({"record": item.record_id, "kind": item.item, "what": item.what, "due": item.due, "days": item.days(as_of), "owner": item.owner})
    return Table("overdue", OVERDUE_COLUMNS, rows)


def _at_risk(projects: list[Project], as_of: dt.date) -> tuple[Table, list[dict[str, Any]]]:
    rows, too_few = [], []
    for project in projects:
        projection = board.project(project, as_of)
        if projection.state == "at-risk":
            rows.append({
                "id": project.id, "name": project.name, "percent": projection.percent, "latest_report": projection.reported,
                "pace": round(projection.pace_per_month, 2), "projected": projection.projected, "target": projection.target,
            })
        elif projection.state == "too-few" and project.status is not Status.operating:
            too_few.append({"id": project.id, "name": project.name, "reports": projection.reports})
    return Table("at_risk", RISK_COLUMNS, rows), too_few


def _stale(estates, projects, as_of: dt.date, stale_days: int) -> Table:
    rows = []
    for record in (*estates, *projects):
        reasons = []
        stale, newest = board.stale_since(record, as_of, stale_days)
        if stale:
            reasons.append(i18n.t("stale.no_report") if newest is None else i18n.t("stale.latest", date=i18n.date(newest)))
        if not record.sources:
            reasons.append(i18n.t("stale.unsourced"))
        unsourced = board.unsourced_reports(record)
        if unsourced:
            reasons.append(i18n.t("stale.unsourced_reports", count=len(unsourced)))
        if reasons:
            rows.append({"record": record.id, "name": record.name, "reason": "; ".join(reasons), "latest_report": newest})
    return Table("stale", STALE_COLUMNS, rows)


# --- rendering ---------------------------------------------------------------------------------

SECTION_TITLES = {
    "counts": "status.counts", "by_region": "status.by_region", "estates": "status.estates",
    "infrastructure": "status.infrastructure", "overdue": "status.overdue", "at_risk": "status.at_risk",
    "issues": "status.issues", "stale": "status.stale",
}


def _since_text(since: Since, escape: Callable[[str], str]) -> str:
    """`escape` makes the meeting id or the revision, as the user gave it, inert for the destination
    (they are shown between backticks)."""
    if since.reason == "revision":
        return i18n.t("status.since.revision", rev=escape(since.meeting))
    why = {
        "meeting": lambda: i18n.t("status.since.meeting", meeting=escape(since.meeting)),
        "default": lambda: i18n.t("status.since.default"),
        "given": lambda: i18n.t("status.since.given"),
    }[since.reason]()
    return i18n.t("status.since", since=i18n.date(since.date), why=why)


def _bar(value: Optional[float], terminal: bool, width: int = 10) -> str:
    if value is None:
        return i18n.t("status.missing")
    filled = max(0, min(width, round(value / 100 * width)))
    full, empty = ("█", "░") if terminal else ("#", ".")
    return f"{full * filled}{empty * (width - filled)} {i18n.percent(value)}"


def _change(value: Any) -> str:
    if value is None:
        return i18n.t("status.missing")
    if value == "new":
        return i18n.t("status.new")
    sign = "+" if value > 0 else "±" if value == 0 else "−"
    return i18n.t("status.points", change=f"{sign}{i18n.figure(abs(value))}")


def _cell(column: Column, value: Any, terminal: bool) -> str:
    if column.format == "bar":
        return _bar(value, terminal)
    if column.format == "change":
        return _change(value)
    return render.cell(column, value)


def _display_table(table: Table, terminal: bool) -> Table:
    """Pre-format the status-only kinds (bars, changes) so the shared renderers can print them."""
    special = {"bar", "change"}
    if not any(c.format in special for c in table.columns):
        return table
    columns = [Column(c.key, "text", c.label) if c.format in special else c for c in table.columns]
    rows = [{**row, **{c.key: _cell(c, row.get(c.key), terminal) for c in table.columns if c.format in special}} for row in table.rows]
    return Table(table.name, columns, rows)


def render_table(report: StatusReport, out: TextIO) -> None:
    from rich.text import Text  # lazy: start-up

    terminal = render.is_terminal(out) and inert.encodes_unicode(out)  # an ASCII terminal gets ASCII bars
    console = render.console(out)
    console.print(Text(i18n.t("status.title", as_of=i18n.date(report.as_of)), style="bold"))
    if report.region:
        console.print(Text(i18n.t("status.region", region=report.region)))
    console.print(Text(_since_text(report.since, inert.terminal), style="dim"))
    console.print(Text(i18n.t("status.headline", **report.headline), style="bold cyan"))
    if report.errors:
        console.print(Text(i18n.t("error.data_problems", errors=report.errors), style="red"))
    for key, title_key in SECTION_TITLES.items():
        table = report.sections[key]
        console.print()
        if not table.rows:
            console.print(Text(f"{i18n.t(title_key)}: {i18n.t('status.none')}", style="bold"))
        else:
            render.print_table(_display_table(table, terminal), out, title=i18n.t(title_key))
        if key == "at_risk" and report.too_few:
            names = ", ".join(f"{row['id']} ({row['reports']})" for row in report.too_few)
            console.print(Text(f"{i18n.t('status.too_few')}: {names}", style="dim"))


def render_markdown(report: StatusReport, out: TextIO) -> None:
    lines = [f"## {i18n.t('status.title', as_of=i18n.date(report.as_of))}", ""]
    if report.region:
        lines += [i18n.t("status.region", region=report.region), ""]
    lines += [f"*{_since_text(report.since, inert.markdown_code)}*", "", f"**{i18n.t('status.headline', **report.headline)}**", ""]
    if report.errors:
        lines += [f"> {i18n.t('error.data_problems', errors=report.errors)}", ""]
    for key, title_key in SECTION_TITLES.items():
        table = report.sections[key]
        lines += [f"### {i18n.t(title_key)}", ""]
        lines += [render.markdown(_display_table(table, terminal=False)) if table.rows else f"_{i18n.t('status.none')}_", ""]
        if key == "at_risk" and report.too_few:
            names = ", ".join(f"`{row['id']}` ({row['reports']})" for row in report.too_few)
            lines += [f"{i18n.t('status.too_few')}: {names}", ""]
    out.write("\n".join(lines))


def render_json(report: StatusReport, out: TextIO) -> None:
    document = {
        "as_of": report.as_of.isoformat(),
        "since": {"date": report.since.date.isoformat(), "reason": report.since.reason, "meeting": report.since.meeting},
        "region": report.region,
        "headline": report.headline,
        "data_errors": report.errors,
        **{key: render.as_json(table) for key, table in report.sections.items()},
        "too_few_reports": report.too_few,
    }
    inert.write_json(document, out)


RENDERERS = {"table": render_table, "md": render_markdown, "json": render_json}
