"""`kitrack status` rendered: a table on a terminal (plain text when piped), Markdown for the
minutes, or JSON for scripts.

The report is plain data (`kitrack.views.status`). The table and Markdown renderers put it into
words in the language of the output: progress bars, changes in points, the reasons a record is
stale. JSON writes the same data raw, codes and all, so that it never depends on the language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TextIO

from kitrack.output import i18n, inert, meetings, render
from kitrack.views.status import SECTIONS, Since, StatusReport
from kitrack.views.table import Column, Row, Table

SECTION_TITLES = {
    "counts": "status.counts", "by_region": "status.by_region", "estates": "status.estates",
    "infrastructure": "status.infrastructure", "overdue": "status.overdue", "at_risk": "status.at_risk",
    "issues": "status.issues", "stale": "status.stale", "slipped": "status.slipped",
}
assert set(SECTION_TITLES) == set(SECTIONS)
# The reasons a record is stale or unsourced, in words: one line each, naming the records.
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


def stale_lines(table: Table, stale_days: int, code: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """The stale list in its compact form: per reason, its words and the records it names, with the
    latest report's date or the count of unsourced reports in brackets. `code` shows an id
    (backticks in Markdown)."""
    def named(row: Row, reason: str) -> str:
        if reason == "latest-report":
            return f"{code(row['record'])} ({i18n.date(row['latest_report'])})"
        if reason == "unsourced-reports":
            return f"{code(row['record'])} ({i18n.figure(row['unsourced_reports'])})"
        return code(row["record"])

    return [
        (i18n.t(label, days=i18n.figure(stale_days)), [named(row, r) for row in table.rows if r in row["reasons"]])
        for r, label in STALE_REASONS.items() if any(r in row["reasons"] for row in table.rows)
    ]


def wrapped(head: str, items: list[str], width: int | None) -> list[str]:
    """`head: a, b, c` in lines of at most `width` (None: one line), broken between items only, so
    that no date is split; the lines after the first indented."""
    lines = [f"{head}:"]
    for number, item in enumerate(items):
        text = item + ("," if number < len(items) - 1 else "")
        if width is not None and len(lines[-1]) + 1 + len(text) > width and lines[-1].strip():
            lines.append("  " + text)
        else:
            lines[-1] += " " + text
    return lines


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


def readable(
    table: Table, terminal: bool, agencies: Mapping[str, str] | None = None,
    bar: Callable[[float | None], str] | None = None,
) -> Table:
    """The board's own cells in words: a progress bar (or `bar(value)`, for a page that draws its
    own), a change in points, a derived stage or progress marked `≈`, a section shown under its
    project, and agencies by their short names (`agencies`: id -> short name). All-zero count rows
    are left out."""
    shown_bar = bar or (lambda value: _bar(value, terminal))
    agencies = agencies or {}
    if table.name == "counts":
        table = Table(table.name, table.columns, [row for row in table.rows if row["estates"] or row["infrastructure"]])
    if any(column.key == "owner" for column in table.columns):
        table = Table(table.name, table.columns, [
            {**row, "owner": agencies.get(row["owner"], row["owner"])} for row in table.rows
        ])
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


# Rows a terminal highlights, by section (plain when piped or with NO_COLOR).
HIGHLIGHT = {"overdue": "red", "at_risk": "yellow"}


def _at_risk_none(report: StatusReport) -> str:
    """`none`, or why there is none to show: no unit could be projected."""
    if report.projected == 0 and report.too_few.rows:
        return i18n.t("status.none_projected", count=len(report.too_few.rows))
    return i18n.t("status.none")


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
        console.print(Text(_data_problems(report, inert.terminal), style="red"))
    for key in report.shown:
        if key == "meeting":
            if report.cycle is not None:
                meetings.print_cycle(report.cycle, report.since, out)
            continue
        table, title = report.sections[key], i18n.t(SECTION_TITLES[key])
        console.print()
        if not table.rows:
            none = _at_risk_none(report) if key == "at_risk" else i18n.t("status.none")
            console.print(Text(f"{title}: {none}", style="bold"))
        elif key == "stale":
            console.print(Text(title, style="italic"))
            width = console.width if render.is_terminal(out) else None
            for head, items in stale_lines(table, report.stale_days, inert.terminal):
                for line in wrapped(head, items, width):
                    console.print(Text(line))
        else:
            style = HIGHLIGHT.get(key)
            render.print_table(
                readable(table, terminal, report.agencies), out, title=title, styles=[style] * len(table.rows),
            )
        if has_derived(table):
            console.print(Text(i18n.t("status.derived_legend"), style="dim"))
        if key == "at_risk" and report.too_few.rows and report.projected:
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
        lines += [f"> {_data_problems(report, lambda text: f'`{inert.markdown_code(text)}`')}", ""]
    for key in report.shown:
        if key == "meeting":
            lines += meetings.markdown_lines(report.cycle, report.since) if report.cycle is not None else []
            continue
        table = report.sections[key]
        lines += [f"### {i18n.t(SECTION_TITLES[key])}", ""]
        if key == "stale" and table.rows:
            stale = stale_lines(table, report.stale_days, lambda text: f"`{inert.markdown_code(text)}`")
            lines += [*(f"- {head}: {', '.join(items)}" for head, items in stale), ""]
        elif table.rows:
            lines += [render.markdown(readable(table, False, report.agencies)), ""]
        else:
            lines += [f"_{_at_risk_none(report) if key == 'at_risk' else i18n.t('status.none')}_", ""]
        if has_derived(table):
            lines += [f"_{i18n.t('status.derived_legend')}_", ""]
        if key == "at_risk" and report.too_few.rows and report.projected:
            names = ", ".join(f"`{unit_id(row)}` ({row['reports']})" for row in report.too_few.rows)
            lines += [f"{i18n.t('status.too_few')}: {names}", ""]
    legend = render.fallback_legend([*report.sections.values(), report.too_few])
    if legend:
        lines += [f"_{legend}_", ""]
    out.write("\n".join(lines))


# Records named under the headline; the rest are counted, `kitrack check` lists them all.
LEFT_OUT_SHOWN = 5


def _data_problems(report: StatusReport, shown: Callable[[str], str]) -> str:
    """How many errors check reports, and the records every figure below misses by name and file
    (`tol-x (data/infrastructure/tol-x.yaml)`), each id and file made safe by `shown` for where it
    is written."""
    records = report.left_out
    if not records:
        return i18n.t("error.data_problems", errors=report.errors)
    names = [f"{shown(record_id)} ({shown(file)})" for record_id, file in records[:LEFT_OUT_SHOWN]]
    if len(records) > LEFT_OUT_SHOWN:
        names.append(i18n.t("status.left_out_more", count=len(records) - LEFT_OUT_SHOWN))
    return i18n.t("error.data_problems_left_out", errors=report.errors, records=", ".join(names))


def render_json(report: StatusReport, out: TextIO) -> None:
    since = report.since
    document: dict[str, Any] = {
        "as_of": report.as_of.isoformat(),
        "since": {"date": since.date.isoformat(), "reason": since.reason, "meeting": since.meeting},
        "region": report.region,
        "headline": report.headline,
        "data_errors": report.errors,
        "left_out": [{"id": record_id, "file": file} for record_id, file in report.left_out],
        **{key: render.as_json(report.sections[key]) for key in SECTIONS},
        "too_few_reports": render.as_json(report.too_few),
        **(meetings.as_json(report.cycle) if report.cycle is not None else {}),
    }
    inert.write_json(document, out)


RENDERERS: dict[str, Callable[[StatusReport, TextIO], None]] = {
    "table": render_table, "md": render_markdown, "json": render_json,
}
