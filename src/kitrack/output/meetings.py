"""The meeting cycle in words: the open decisions and the sentences of "since the last meeting", for
`kitrack status` (table, Markdown, JSON) and `kitrack agenda`.

Every text from the data passes through an escape for its destination: `Escape` holds the one for
running text and the one for inside a code span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from kitrack.domain.figures import BY_FIELD
from kitrack.output import i18n, inert, render
from kitrack.views.meetings import Change, Cycle, Moved
from kitrack.views.status import Since
from kitrack.views.table import Row, Table


@dataclass(frozen=True)
class Escape:
    text: Callable[[str], str]
    code: Callable[[str], str]


TERMINAL = Escape(inert.terminal, inert.terminal)
MARKDOWN = Escape(inert.markdown, inert.markdown_code)


def text(value: Any) -> str:
    """Free text from the data in the output's language. Model v1 text is a plain string."""
    return str(value)


def day_count(count: int) -> str:
    """`1 day`, `1,429 days`: a number of days with the language's separators."""
    return f"{i18n.figure(count)} {i18n.plural(count, 'day').split(' ', 1)[1]}"


def days(value: int | None) -> str:
    if value is None:
        return i18n.t("status.missing")
    if value == 0:
        return i18n.t("cycle.today")
    return i18n.t("cycle.left" if value > 0 else "cycle.late", days=day_count(abs(value)))


def decision_line(row: Row, escape: Escape) -> str:
    """`text (`meeting/id`), due 15 November 2026 (14 days late)`."""
    due = i18n.t("agenda.due", date=i18n.date(row["due"]), days=days(row["days"])) if row["due"] else ""
    return i18n.t("agenda.decision_item", text=escape.text(text(row["text"])),
                  decision=f"{escape.code(row['meeting'])}/{escape.code(row['id'])}", due=due)


def decisions_table(cycle: Cycle) -> Table:
    """The open decisions as people read them: the agency by its short name, days left or late."""
    return render.worded(
        cycle.decisions.select(["agency", "meeting", "id", "text", "due", "days"]),
        {"days-left": lambda row, key: days(row[key])},
    )


def closed_line(cycle: Cycle) -> str:
    return i18n.t("cycle.closed", done=cycle.closed["done"], dropped=cycle.closed["dropped"])


def since_title(since: Since, escape: Escape) -> str:
    if since.reason == "revision":
        return i18n.t("cycle.since.revision", rev=escape.code(since.meeting or ""))
    key = "cycle.since.meeting" if since.reason == "meeting" else "cycle.since.date"
    return i18n.t(key, date=i18n.date(since.date))


def _value(field: str, value: float) -> str:
    return i18n.percent(value) if BY_FIELD[field].format == "percent" else i18n.figure(value)


def _moved(moved: Moved) -> str:
    figure = i18n.t(f"col.{moved.field}")
    if moved.old is None:
        return i18n.t("since.first", figure=figure, new=_value(moved.field, moved.new))
    return i18n.t("since.moved", figure=figure, old=_value(moved.field, moved.old), new=_value(moved.field, moved.new))


def _stage(value: str | None) -> str:
    return i18n.t("status.missing") if value is None else i18n.label("status", value)


def _stage_or_target(change: Change) -> tuple[str, str]:
    if change.kind == "stage":
        return _stage(change.old), _stage(change.new)
    return i18n.date(change.old), i18n.date(change.new)


def sentence(change: Change, escape: Escape) -> str:
    name = escape.text(text(change.name))
    if change.section is not None:
        name = i18n.t("since.section", name=name, section=escape.text(text(change.section_name)))
    if change.kind == "record-added":
        return i18n.t("since.record-added", name=name, record=escape.code(change.record))
    if change.kind == "report":
        figures = "; ".join(_moved(m) for m in change.figures) or i18n.t("since.no_figures")
        key = "since.report.edited" if not change.count else "since.report.one" if change.count == 1 else (
            "since.report.many")
        said = i18n.t(key, name=name, count=change.count, date=i18n.date(change.date), figures=figures)
        return said if not (change.count and change.edited) else f"{said} {i18n.t('since.also_edited')}"
    if change.kind in ("stage", "target"):
        old, new = _stage_or_target(change)
        if change.old is None:  # the first report that gives it
            return i18n.t(f"since.{change.kind}_first", name=name, new=new)
        return i18n.t(f"since.{change.kind}", name=name, old=old, new=new)
    item = escape.code(change.item or "") if change.kind != "milestone-done" else escape.text(text(change.item))
    return i18n.t(f"since.{change.kind}", name=name, item=item, date=i18n.date(change.date),
                  text=escape.text(text(change.text)))


def print_cycle(cycle: Cycle, since: Since, out: TextIO) -> None:
    """Both sections on a terminal, or as plain text when piped."""
    from rich.text import Text  # lazy: start-up

    console = render.console(out)
    console.print()
    console.print(Text(since_title(since, TERMINAL), style="bold"))
    for change in cycle.changes:
        console.print(Text(f"- {sentence(change, TERMINAL)}"))
    if not cycle.changes:
        console.print(Text(i18n.t("cycle.nothing")))
    console.print()
    # A list grouped by agency, not a table: the decisions' text stays readable on 80 columns.
    title = i18n.t("cycle.decisions")
    console.print(Text(title if cycle.decisions.rows else f"{title}: {i18n.t('status.none')}", style="bold"))
    shown: object = object()
    for row in cycle.decisions.rows:
        if row["agency"] != shown:
            shown = row["agency"]
            console.print(Text(inert.terminal(row["agency"] or i18n.t("agenda.no_owner")), style="bold"))
        console.print(Text(f"  - {decision_line(row, TERMINAL)}"))
    console.print(Text(closed_line(cycle), style="dim"))


def markdown_lines(cycle: Cycle, since: Since) -> list[str]:
    lines = [f"### {since_title(since, MARKDOWN)}", ""]
    lines += [f"- {sentence(change, MARKDOWN)}" for change in cycle.changes] or [f"_{i18n.t('cycle.nothing')}_"]
    lines += ["", f"### {i18n.t('cycle.decisions')}", ""]
    lines += [render.markdown(decisions_table(cycle)) if cycle.decisions.rows else f"_{i18n.t('status.none')}_", ""]
    return [*lines, closed_line(cycle), ""]


def change_json(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind, "record": change.record, "section": change.section, "date": render.raw(change.date),
        "item": render.raw(change.item), "text": render.raw(change.text), "count": change.count,
        "edited": change.edited,
        "figures": [{"field": m.field, "from": render.raw(m.old), "to": render.raw(m.new)} for m in change.figures],
        "from": render.raw(change.old), "to": render.raw(change.new),
    }


def as_json(cycle: Cycle) -> dict[str, Any]:
    """The keys `status --format json` adds: language-independent, as the rest of it."""
    return {
        "since_last_meeting": [change_json(change) for change in cycle.changes],
        "decisions": render.as_json(cycle.decisions),
        "decisions_closed": cycle.closed,
    }

