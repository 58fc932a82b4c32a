"""`kitrack status` rendered: a table on a terminal (plain text when piped), Markdown for the
minutes, or JSON for scripts.

The report is plain data (`kitrack.views.status`). The table and Markdown renderers put it into
words in the language of the output: progress bars, changes in points, the reasons a record is
stale. JSON writes the same data raw, codes and all, so that it never depends on the language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from kitrack.output import i18n, inert, render
from kitrack.views.status import SECTIONS, Since, StatusReport
from kitrack.views.table import Column, Row, Table

SECTION_TITLES = {
    "counts": "status.counts", "by_region": "status.by_region", "estates": "status.estates",
    "infrastructure": "status.infrastructure", "overdue": "status.overdue", "at_risk": "status.at_risk",
    "issues": "status.issues", "stale": "status.stale", "slipped": "status.slipped",
}
assert set(SECTION_TITLES) == set(SECTIONS)
# The reasons a record is stale or unsourced, in words; `{date}` and `{count}` come from its row.
STALE_REASONS = {
    "no-report": "stale.no_report", "latest-report": "stale.latest", "unsourced": "stale.unsourced",
    "unsourced-reports": "stale.unsourced_reports",
}


def since_text(since: Since, escape: Callable[[str], str]) -> str:
    """`escape` makes the meeting id or the revision, as the user gave it, inert for the destination
    (they are shown between backticks)."""
    if since.reason == "revision":
        return i18n.t("status.since.revision", rev=escape(since.meeting or ""))
    if since.reason == "meeting":
        why = i18n.t("status.since.meeting", meeting=escape(since.meeting or ""))
    else:
        why = i18n.t(f"status.since.{since.reason}")
    return i18n.t("status.since", since=i18n.date(since.date), why=why)


def _bar(value: float | None, terminal: bool, width: int = 10) -> str:
    if value is None:
        return i18n.t("status.missing")
    filled = max(0, min(width, round(value / 100 * width)))
    full, empty = ("█", "░") if terminal else ("#", ".")
    return f"{full * filled}{empty * (width - filled)} {i18n.percent(value)}"


def _change(value: float | str | None) -> str:
    if value is None:
        return i18n.t("status.missing")
    if isinstance(value, str):  # "new": there was no figure at the comparison date
        return i18n.t("status.new")
    sign = "+" if value > 0 else "±" if value == 0 else "−"
    return i18n.t("status.points", change=f"{sign}{i18n.figure(abs(value))}")


def _reasons(row: Row) -> str:
    return "; ".join(
        i18n.t(STALE_REASONS[reason], date=i18n.date(row["latest_report"]), count=row["unsourced_reports"])
        for reason in row["reasons"]
    )


def headline(values: dict[str, Any]) -> str:
    estates, psn, projects_psn = values["estates"], values["planned_psn"], values["projects_psn"]
    unknown = estates["stage_unknown"]
    return i18n.t(
        "status.headline", estates=sum(estates.values()), operating=estates["operating"], planned=estates["planned"],
        confirmed=psn["confirmed"], unconfirmed=psn["unconfirmed"], not_psn=psn["not"],
        unknown=i18n.t("status.stage_unknown_count", count=unknown) if unknown else "", projects=values["projects"],
        projects_confirmed=projects_psn["confirmed"], projects_unconfirmed=projects_psn["unconfirmed"],
        projects_not=projects_psn["not"],
    )


def slip_words(months: int) -> str:
    """`+4 years`, `+7 months`, `−1 year`: whole years when the months divide by twelve."""
    direction = "later" if months >= 0 else "earlier"
    count = abs(months)
    unit, count = ("year", count // 12) if count % 12 == 0 and count else ("month", count)
    return i18n.t(f"slip.{direction}_{unit}" + ("" if count == 1 else "s"), count=count)


def slip_line(history: list[Any], months: int) -> str:
    return i18n.t("slip.line", history=" → ".join(i18n.date(step) for step in history), slip=slip_words(months))


def _derived(row: Row, key: str, text: str) -> str:
    return f"≈{text}" if row.get(f"{key}_derived") else text


def _stage(row: Row, key: str) -> str:
    value = row[key]
    text = i18n.label("status", value) if value is not None else i18n.t("status.missing")
    return _derived(row, "status", text)


def readable(table: Table, terminal: bool, bar: Callable[[float | None], str] | None = None) -> Table:
    """The board's own cells in words: a progress bar (or `bar(value)`, for a page that draws its
    own), a change in points, the reasons a record is stale (which put its count of unsourced reports
    in words, so that count's column is not shown), a derived stage or progress marked `≈`, and a
    section shown under its project."""
    shown_bar = bar or (lambda value: _bar(value, terminal))
    if any(column.key == "status_derived" for column in table.columns):
        table = Table(table.name, [
            Column(c.key, "derived-status", c.label) if c.key == "status" else c for c in table.columns
        ], table.rows)
    if any(column.key == "section" for column in table.columns) and table.name != "slipped":
        rows = [{**row, "id" if "id" in row else "record": unit_id(row)} for row in table.rows]
        table = Table(table.name, table.columns, rows)
    return render.worded(table, {
        "bar": lambda row, key: _derived(row, "percent", shown_bar(row[key])),
        "change": lambda row, key: _change(row[key]),
        "stale-reasons": lambda row, key: _reasons(row),
        "derived-status": _stage,
        "stage": lambda row, key: i18n.label("status", row[key]) if row[key] else i18n.t("status.stage_unknown"),
        "slip-history": lambda row, key: slip_line(row[key], row["slip_months"]),
        "unit-target": lambda row, key: render.cell(
            Column(key, "inherited-date" if row.get("target_inherited") else "date"), row[key],
        ),
    }, hidden=["unsourced_reports", "status_derived", "percent_derived", "section", "slip_months", "target_inherited"])


def has_derived(table: Table) -> bool:
    return any(row.get("status_derived") or row.get("percent_derived") for row in table.rows)


def unit_id(row: Row) -> str:
    record = row["id"] if "id" in row else row["record"]
    return record if row.get("section") is None else f"{record}/{row['section']}"


def render_table(report: StatusReport, out: TextIO) -> None:
    from rich.text import Text  # lazy: start-up

    terminal = render.is_terminal(out) and inert.encodes_unicode(out)  # an ASCII terminal gets ASCII bars
    console = render.console(out)
    console.print(Text(i18n.t("status.title", as_of=i18n.date(report.as_of)), style="bold"))
    if report.region:
        console.print(Text(i18n.t("status.region", region=report.region)))
    console.print(Text(since_text(report.since, inert.terminal), style="dim"))
    console.print(Text(headline(report.headline), style="bold cyan"))
    if report.errors:
        console.print(Text(i18n.t("error.data_problems", errors=report.errors), style="red"))
    for key in SECTIONS:
        table, title = report.sections[key], i18n.t(SECTION_TITLES[key])
        console.print()
        if not table.rows:
            console.print(Text(f"{title}: {i18n.t('status.none')}", style="bold"))
        else:
            render.print_table(readable(table, terminal), out, title=title)
        if has_derived(table):
            console.print(Text(i18n.t("status.derived_legend"), style="dim"))
        if key == "at_risk" and report.too_few.rows:
            names = ", ".join(f"{unit_id(row)} ({row['reports']})" for row in report.too_few.rows)
            console.print(Text(f"{i18n.t('status.too_few')}: {names}", style="dim"))
    legend = render.fallback_legend([*report.sections.values(), report.too_few])
    if legend:
        console.print()
        console.print(Text(legend, style="dim"))


def render_markdown(report: StatusReport, out: TextIO) -> None:
    lines = [f"## {i18n.t('status.title', as_of=i18n.date(report.as_of))}", ""]
    if report.region:
        lines += [i18n.t("status.region", region=report.region), ""]
    lines += [f"*{since_text(report.since, inert.markdown_code)}*", ""]
    lines += [f"**{headline(report.headline)}**", ""]
    if report.errors:
        lines += [f"> {i18n.t('error.data_problems', errors=report.errors)}", ""]
    for key in SECTIONS:
        table = report.sections[key]
        lines += [f"### {i18n.t(SECTION_TITLES[key])}", ""]
        lines += [render.markdown(readable(table, terminal=False)) if table.rows else f"_{i18n.t('status.none')}_", ""]
        if has_derived(table):
            lines += [f"_{i18n.t('status.derived_legend')}_", ""]
        if key == "at_risk" and report.too_few.rows:
            names = ", ".join(f"`{unit_id(row)}` ({row['reports']})" for row in report.too_few.rows)
            lines += [f"{i18n.t('status.too_few')}: {names}", ""]
    legend = render.fallback_legend([*report.sections.values(), report.too_few])
    if legend:
        lines += [f"_{legend}_", ""]
    out.write("\n".join(lines))


def render_json(report: StatusReport, out: TextIO) -> None:
    since = report.since
    document: dict[str, Any] = {
        "as_of": report.as_of.isoformat(),
        "since": {"date": since.date.isoformat(), "reason": since.reason, "meeting": since.meeting},
        "region": report.region,
        "headline": report.headline,
        "data_errors": report.errors,
        **{key: render.as_json(report.sections[key]) for key in SECTIONS},
        "too_few_reports": render.as_json(report.too_few),
    }
    inert.write_json(document, out)


RENDERERS: dict[str, Callable[[StatusReport, TextIO], None]] = {
    "table": render_table, "md": render_markdown, "json": render_json,
}
