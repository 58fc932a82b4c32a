"""`kitrack diff` rendered: text for a terminal, Markdown for a pull-request comment, or JSON.

The diff is plain data (`kitrack.views.diff`); here each change is put in words, in the language of
the output, and every value from the data is made inert for where it is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TextIO

from kitrack.domain import figures, kinds
from kitrack.domain.dates import DateError, PartialDate
from kitrack.output import i18n, inert
from kitrack.output.i18n import current, plural, t
from kitrack.output.reporters import message
from kitrack.views.diff import (
    REPORT_FIELDS,
    WORKTREE_LABEL,
    Change,
    Diff,
    Part,
    PlainData,
    Unreadable,
    is_plain,
    is_slug_list,
)

# What describes an item of a keyed list when it is added: a source by its title or address, a
# regency by its name, a decision by its owner.
_DESCRIBED_BY = {"source": ("title", "url"), "regency": ("name",), "decision": ("owner",)}


def _fmt(value: Any, limit: int = 80) -> str:
    """A value from the data, short and on one line."""
    if value is None:
        return t("diff.none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_fmt(v, limit) for v in value) + "]"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt(v, limit)}" for k, v in value.items())
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date(value: Any) -> str:
    """A date from the data in the language's format (`15 Oktober 2026`); anything else as it is."""
    try:
        return i18n.date(PartialDate.parse(value))
    except DateError:
        return _fmt(value)


def _stage(value: Any) -> str:
    """A stage code in words (`perencanaan`); a value that is no stage as it is."""
    return i18n.label("status", value) if isinstance(value, str) and f"status.{value}" in i18n.LABELS else _fmt(value)


def _figure(name: str, value: Any) -> str:
    """A figure as the reader's language writes numbers (`86,43%` in Indonesian); a value of another
    type (text where a number belongs, in a broken file) as it is."""
    registered = figures.BY_FIELD.get(name)
    if registered is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return _fmt(value)
    return i18n.percent(value) if registered.format == "percent" else i18n.figure(value)


def _label(name: str) -> str:
    """Physical progress, the headline figure, is shown without its field name; the stage, target and
    funding by their words (`stage construction → operating`); every other figure by its column label
    (`Land`, `Lahan`), not its YAML key."""
    if name in DATED:
        return f"{t('change.' + name)} "
    if name == figures.PROGRESS.field:
        return ""
    return f"{t('col.' + name)} " if f"col.{name}" in i18n.LABELS else f"{name} "


DATED = {dated.field for dated in figures.DATED_FIELDS}


def _describe(data: PlainData | None) -> str:
    """A record added or removed: its name, then its status, kind, region..."""
    data = dict(data or {})
    name = _fmt(data.get("name") or data.get("title") or "")
    reports = data.get("progress")
    if "status" not in data and isinstance(reports, list):  # the stage is the latest report's that gives one
        stages = [r["status"] for r in reports if isinstance(r, dict) and is_plain(r.get("status"))]
        if stages:
            data["status"] = stages[-1]
    if isinstance(data.get("regions"), list) and is_slug_list(data["regions"]):
        data["region"] = ", ".join(data["regions"])
    shown = {"status": _stage, "date": _date}
    keys = ("status", "kind", "type", "region", "regency", "date")
    details = [shown.get(k, _fmt)(data[k]) for k in keys if is_plain(data.get(k))]
    return f"{name} — {', '.join(details)}" if details and name else name or ", ".join(details)


def _part(part: Part) -> str:
    """The item a change is in: `issue banjir`, `milestone “Section 4 open”`, `source antara-2026`."""
    if part.what == "milestone":
        return t("diff.milestone", name=_fmt(part.key))
    return f"{t('diff.kind.' + part.what)} {_fmt(part.key)}"


def _field(lead: str, before: Any, after: Any) -> str:
    if is_slug_list(before) and is_slug_list(after):
        added = [v for v in after or [] if v not in (before or [])]
        removed = [v for v in before or [] if v not in (after or [])]
        if not added and not removed:
            return t("diff.reordered", lead=lead)
        parts = [f"+ {', '.join(map(_fmt, added))}"] if added else []
        parts += [f"− {', '.join(map(_fmt, removed))}"] if removed else []
        return f"{lead}: {'; '.join(parts)}"
    if before is None:
        return t("diff.set", lead=lead, new=_fmt(after))
    if after is None:
        return t("diff.field_removed", lead=lead, old=_fmt(before))
    if isinstance(after, str) and len(after) > 40:
        return t("diff.text_changed", lead=lead, new=_fmt(after))
    return f"{lead} {_fmt(before)} → {_fmt(after)}"


DATE_KEYS = {"due", "done", "raised", "resolved", "dropped", "date"}


def _facts(data: PlainData, *names: str) -> str:
    """` (owner x, due 2027-01)`: the facts an added issue or milestone has."""
    facts = [t(f"diff.{name}", **{name: _date(data[name]) if name in DATE_KEYS else _fmt(data[name])})
             for name in names if data.get(name)]
    return f" ({', '.join(facts)})" if facts else ""


def _report_added(change: Change) -> str:
    data = change.data or {}
    source = data.get("source") if is_plain(data.get("source")) else None
    described = ", ".join(
        f"{_label(f.field)}{_figure(f.field, f.old)} → {_figure(f.field, f.new)}"
        if f.old is not None and f.old != f.new else f"{_label(f.field)}{_figure(f.field, f.new)}"
        for f in change.figures
    )
    text = t("diff.new_report", date=_date(change.date)) + (f" ({source})" if source else "")
    return text + (f", {described}" if described else "")


def _report_changed(change: Change) -> str:
    name = (change.field or "").removeprefix("progress.")
    if name == "note" and change.new is None:
        return t("diff.note_removed", date=_date(change.date))
    if name == "note":
        return t("diff.note_changed", date=_date(change.date), new=_fmt(change.new))
    old, new = _figure(name, change.old), _figure(name, change.new)
    figure = _label(name) or f"{t('col.percent')} "
    return t("diff.report_edited", figure=figure, old=old, new=new, date=_date(change.date))


def _report_removed(change: Change) -> str:
    said = ", ".join(f"{_label(k)}{_figure(k, v)}" for k, v in (change.data or {}).items() if k not in REPORT_FIELDS)
    return t("diff.report_removed", date=_date(change.date)) + (" " + t("diff.it_said", figures=said) if said else "")


def words(change: Change) -> str:
    """A change in words, without its record's id, in the language of the output."""
    part, data, action = change.part, change.data or {}, change.action
    key = part.key if part is not None else None
    if action in ("added", "removed", "section-added", "section-removed"):
        return t(f"diff.{action.removeprefix('section-')}", what=_describe(change.data))
    if action == "changed":
        lead = change.field or ""
        if part is not None:
            lead = t("diff.issue_prefix", id=key) + lead if part.what == "issue" else f"{_part(part)}: {lead}"
        return _field(lead, change.old, change.new)
    if action == "report-added":
        return _report_added(change)
    if action == "report-changed":
        return _report_changed(change)
    if action == "report-removed":
        return _report_removed(change)
    if action == "issue-added":
        resolved = " " + t("diff.already_resolved") if data.get("status") == "resolved" else ""
        return t("diff.new_issue", id=key, title=_fmt(data.get("title"))) + _facts(data, "owner", "due") + resolved
    if action == "issue-resolved":
        return t("diff.issue_resolved", id=key) + (f" ({_date(data['resolved'])})" if data.get("resolved") else "")
    if action in ("issue-reopened", "issue-removed"):
        return t(f"diff.{action.replace('-', '_')}", id=key)
    assert part is not None  # every other action is about an item of the record
    if action == "milestone-added":
        return t("diff.new", what=_part(part)) + _facts(data, "due", "done")
    if action == "milestone-done":
        return t("diff.milestone_done", what=_part(part), done=_date(change.new))
    if action.endswith("-added"):
        described = _fmt(next((data[k] for k in _DESCRIBED_BY[part.what] if data.get(k)), ""))
        return t("diff.new", what=_part(part)) + (f": {described}" if described else "")
    return t("diff.thing_removed", what=_part(part))  # a milestone, source, regency or decision removed


def _grouped(result: Diff) -> Iterator[tuple[str, list[Change]]]:
    for kind in kinds.RECORD_KINDS:
        changes = [c for c in result.changes if c.record_kind == kind.name]
        if changes:
            yield t(kind.heading), changes


def _summary_text(result: Diff) -> str:
    s = result.summary()
    if not s["changes"]:
        return t("diff.no_changes")
    changes, records = plural(s["changes"], "change"), plural(s["records"], "record")
    return t("diff.summary", changes=changes, records=records, added=s["added"], removed=s["removed"])


def _side_label(label: str) -> str:
    return t("diff.worktree") if label == WORKTREE_LABEL else t("diff.revision", rev=label)


def _unreadable(item: Unreadable, escape: Callable[[str], str]) -> str:
    """A file not compared, its side and its first problem; `escape` makes them inert for the destination."""
    where = t("diff.unreadable_item", file=escape(item.file), side=escape(_side_label(item.side)))
    first = item.problem
    position = t("diff.position", code=first.code, line=first.line, column=first.column)
    return f"{where}: {escape(message(first, current()))} ({position})"


def render_text(result: Diff, out: TextIO) -> None:
    new = t("diff.worktree") if result.new == WORKTREE_LABEL else result.new
    shown = {"data": result.data_dir, "old": result.old, "new": new}
    out.write(t("diff.title", **{key: inert.terminal(value) for key, value in shown.items()}) + "\n")
    for heading, changes in _grouped(result):
        out.write(f"\n{heading}\n")
        for change in changes:
            mark = {"added": "+", "removed": "-"}.get(change.action, "~")
            out.write(f"  {mark} {inert.terminal(_where(change))}: {inert.terminal(words(change))}\n")
    if result.unreadable:
        out.write("\n" + t("diff.unreadable") + "\n")
        for item in result.unreadable:
            out.write(f"  ! {_unreadable(item, inert.terminal)}\n")
    out.write(f"\n{_summary_text(result)}\n")


def render_md(result: Diff, out: TextIO) -> None:
    old = inert.markdown_code(result.old)
    new = inert.markdown(t("diff.worktree")) if result.new == WORKTREE_LABEL else f"`{inert.markdown_code(result.new)}`"
    out.write(f"### kitrack diff: `{old}` → {new}\n\n")
    if not result.changes and not result.unreadable:
        out.write(t("diff.md_no_changes", data=inert.markdown(result.data_dir)) + "\n")
        return
    for heading, changes in _grouped(result):
        out.write(f"**{heading}**\n\n")
        for change in changes:
            verb = {"added": "➕ ", "removed": "➖ "}.get(change.action, "")
            out.write(f"- {verb}**{inert.markdown(_where(change))}**: {inert.markdown(words(change))}\n")
        out.write("\n")
    if result.unreadable:
        out.write(f"**{t('diff.unreadable')}**\n\n")
        for item in result.unreadable:
            out.write(f"- ⚠️ {_unreadable(item, inert.markdown)}\n")
        out.write("\n")
    summary = _summary_text(result)
    out.write(f"_{inert.markdown(summary[:1].upper() + summary[1:])}._\n")


def _where(change: Change) -> str:
    """The record a change is in, and its section: `tol-klbm / seksi-4`."""
    return change.id if change.section is None else f"{change.id} / {change.section}"


def _as_json(change: Change) -> dict[str, Any]:
    document = {
        "kind": change.record_kind, "id": change.id, "section": change.section, "file": change.file,
        "action": change.action,
        "text": words(change), "field": change.field, "old": change.old, "new": change.new, "date": change.date,
    }
    if change.figures:
        document["figures"] = [{"field": f.field, "old": f.old, "new": f.new} for f in change.figures]
    return document


def _unreadable_json(item: Unreadable) -> dict[str, Any]:
    first = item.problem
    return {
        "file": item.file, "side": item.side, "code": first.code, "line": first.line, "column": first.column,
        "message": message(first, current()),
    }


def render_json(result: Diff, out: TextIO) -> None:
    document = {
        "from": result.old,
        "to": None if result.new == WORKTREE_LABEL else result.new,
        "data": result.data_dir,
        "changes": [_as_json(change) for change in result.changes],
        "unreadable": [_unreadable_json(item) for item in result.unreadable],
        "summary": result.summary(),
    }
    inert.write_json(document, out, default=str)


RENDERERS: dict[str, Callable[[Diff, TextIO], None]] = {"text": render_text, "md": render_md, "json": render_json}
