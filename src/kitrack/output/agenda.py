"""`kitrack agenda` rendered: a Markdown draft for the secretariat to edit (headings, numbered items,
a line for the minutes under each), or JSON with the same content, language-independent."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

from kitrack.output import i18n, inert, meetings, render
from kitrack.output.meetings import MARKDOWN
from kitrack.output.status import slip_line
from kitrack.views.agenda import Agenda
from kitrack.views.table import Row

md, code = MARKDOWN.text, MARKDOWN.code


def _since(agenda: Agenda) -> str:
    since = agenda.since
    if since.reason == "meeting":
        return i18n.t("agenda.since.meeting", meeting=code(since.meeting or ""), date=i18n.date(since.date))
    return i18n.t("agenda.since.date", date=i18n.date(since.date))


class _Draft:
    """The agenda's lines: numbered sections, numbered items within each, a line for the minutes."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.section = 0
        self.item = 0

    def heading(self, key: str) -> None:
        self.section += 1
        self.item = 0
        self.lines += [f"## {self.section}. {i18n.t(key)}", ""]

    def group(self, title: str) -> None:
        self.lines += [f"### {title}", ""]

    def add(self, text: str) -> None:
        self.item += 1
        self.lines += [f"{self.section}.{self.item}. {text}", "", f"   {i18n.t('agenda.minutes')} ", ""]

    def none(self) -> None:
        self.lines += [f"_{i18n.t('status.none')}_", ""]

    def grouped(self, rows: list[Row], heading: Callable[[Row], str | None], item: Callable[[Row], str]) -> None:
        """Items under a heading per agency, in the rows' order (already grouped)."""
        if not rows:
            self.none()
        shown: str | None = None
        for position, row in enumerate(rows):
            title = md(heading(row) or "") or i18n.t("agenda.no_owner")
            if position == 0 or title != shown:
                self.group(title)
                shown = title
            self.add(item(row))


def _late(row: Row) -> str:
    name = md(meetings.text(row["name"]))
    unit = code(row["id"] if row["section"] is None else f"{row['id']}/{row['section']}")
    if row["reason"] == "at-risk":
        return i18n.t("agenda.at_risk_item", name=name, id=unit, percent=i18n.percent(row["percent"]),
                      projected=i18n.date(row["projected"]), target=i18n.date(row["target"]))
    if row["reason"] == "slipped":
        return i18n.t("agenda.slipped_item", name=name, id=unit, slip=slip_line(row["history"], row["slip_months"]))
    return i18n.t("agenda.target_item", name=name, id=unit, target=i18n.date(row["target"]),
                  days=meetings.day_count(row["days"]))


def _issue(row: Row) -> str:
    due = i18n.t("agenda.issue_due", date=i18n.date(row["due"])) if row["due"] else ""
    record = row["record"] if row["section"] is None else f"{row['record']}/{row['section']}"
    return i18n.t("agenda.issue_item", title=md(meetings.text(row["title"])), record=code(record),
                  id=code(row["id"]), raised=i18n.date(row["raised"]), due=due)


def _silent(row: Row) -> str:
    key = "agenda.never_item" if row["latest_report"] is None else "agenda.silent_item"
    return i18n.t(key, name=md(meetings.text(row["name"])), record=code(row["record"]),
                  date=i18n.date(row["latest_report"]))


def _items(draft: _Draft, rows: Iterable[Row], item: Callable[[Row], str]) -> None:
    listed = list(rows)
    for row in listed:
        draft.add(item(row))
    if not listed:
        draft.none()


def render_markdown(agenda: Agenda, out: TextIO) -> None:
    draft = _Draft()
    draft.lines += [f"# {i18n.t('agenda.title', date=i18n.date(agenda.meeting))}", ""]
    draft.lines += [f"_{i18n.t('agenda.draft', as_of=i18n.date(agenda.as_of), since=_since(agenda))}_", ""]
    draft.heading("agenda.opening")
    draft.lines += [f"{meetings.since_title(agenda.since, MARKDOWN)}:", ""]
    draft.lines += [f"- {meetings.sentence(change, MARKDOWN)}" for change in agenda.changes] or [
        f"- {i18n.t('cycle.nothing')}"]
    draft.lines += ["", f"   {i18n.t('agenda.minutes')} ", ""]
    draft.heading("agenda.decisions")
    draft.grouped(agenda.decisions.rows, lambda row: row["agency"], lambda row: meetings.decision_line(row, MARKDOWN))
    draft.heading("agenda.late")
    _items(draft, agenda.late.rows, _late)
    draft.heading("agenda.issues")
    draft.grouped(agenda.issues.rows, lambda row: agenda.agencies.get(row["owner"], row["owner"]), _issue)
    draft.heading("agenda.silent")
    draft.grouped(agenda.silent.rows, lambda row: row["agency"], _silent)
    draft.heading("agenda.other")
    draft.lines += [f"   {i18n.t('agenda.minutes')} ", ""]
    draft.heading("agenda.close")
    draft.lines += [f"   {i18n.t('agenda.minutes')} ", ""]
    out.write("\n".join(line.rstrip() for line in draft.lines).rstrip("\n") + "\n")


def render_json(agenda: Agenda, out: TextIO) -> None:
    since = agenda.since
    document: dict[str, Any] = {
        "meeting": agenda.meeting.isoformat(),
        "as_of": agenda.as_of.isoformat(),
        "since": {"date": since.date.isoformat(), "reason": since.reason, "meeting": since.meeting},
        "since_last_meeting": [meetings.change_json(change) for change in agenda.changes],
        "decisions": render.as_json(agenda.decisions),
        "late": render.as_json(agenda.late),
        "issues": render.as_json(agenda.issues),
        "no_report": render.as_json(agenda.silent),
    }
    inert.write_json(document, out)


RENDERERS: dict[str, Callable[[Agenda, TextIO], None]] = {"md": render_markdown, "json": render_json}
