"""The edits the commands make, each as a `Change`: a file's text before and after.

Each function finds what it edits in a loaded data set (which file holds the record, what its
sources and reports are), builds the new entry from the models' field order, and splices it in with
`Document`. Nothing is written here: `kitrack.edit.apply` validates and writes the changes.

Records are addressed through the record-kind registry (`domain/kinds.py`) and reports' figures
through the figure registry (`domain/figures.py`), so a new kind or figure needs nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from kitrack.domain import board, figures, kinds
from kitrack.domain.dates import PartialDate
from kitrack.domain.models import SLUG_PATTERN, Estate, Meeting, Project
from kitrack.domain.problems import Term, format_path
from kitrack.domain.suggestions import closest
from kitrack.edit.document import Document, EditError, render_document
from kitrack.load.dataset import Dataset


@dataclass
class Change:
    """One file's text before (None: a new file) and after the edit, and what was done, in words."""

    path: Path
    before: str | None
    after: str
    done: list[Term] = field(default_factory=list)


# The lists that close a file, in the order the shipped files keep them: the rest of a record first.
_CLOSING = ("sources", "progress", "sections", "milestones", "issues", "decisions")


def _order(model: type[BaseModel]) -> list[str]:
    """A model's fields in the order a file keeps them: where a new key goes, and a new file's order."""
    fields = list(model.model_fields)
    return [name for name in fields if name not in _CLOSING] + [name for name in _CLOSING if name in fields]


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _document(dataset: Dataset, id_space: str, record_id: str) -> Document:
    path = dataset.origin(id_space, record_id).file.path
    return Document(path, _read(path))


def _change(document: Document, before: str, done: list[Term]) -> Change:
    return Change(document.path, before, document.text, done)


def find_record(dataset: Dataset, record_id: str) -> Estate | Project:
    record = dataset.estates.get(record_id) or dataset.projects.get(record_id)
    if record is None:
        known = sorted([*dataset.estates, *dataset.projects])
        raise EditError(Term("edit.unknown_record", id=record_id, ids=closest(record_id, known)))
    return record


def find_meeting(dataset: Dataset, meeting_id: str) -> Meeting:
    meeting = dataset.meetings.get(meeting_id)
    if meeting is None:
        raise EditError(Term("edit.unknown_meeting", id=meeting_id, ids=closest(meeting_id, sorted(dataset.meetings))))
    return meeting


# --- kitrack log --------------------------------------------------------------------------------


def reporting_kind(record: Estate | Project) -> figures.ReportingKind:
    return "estate" if isinstance(record, Estate) else "infrastructure"


def reported_fields(kind: figures.ReportingKind) -> list[str]:
    """What a report of `kind` may give, in the order a report is written: the dated fields (stage,
    target, funding), then the figures."""
    dated = [field.field for field in figures.DATED_FIELDS if kind in field.reported_by]
    return dated + [figure.field for figure in figures.reported_by(kind)]


@dataclass(frozen=True)
class NewSource:
    """A source to cite: one of the record's by id or URL, or a URL to add, with what is known of it."""

    given: str  # an id of the record's sources, or a URL
    title: str | None = None
    kind: str | None = None


def log(
    dataset: Dataset,
    record_id: str,
    date: PartialDate,
    source: NewSource,
    values: Mapping[str, Any],
    note: str | None = None,
    section: str | None = None,
) -> Change:
    """A dated report on the record (or on one of its sections), after the last report whose date is
    not later; its source added to the record's `sources` when it is a URL not cited there yet."""
    record = find_record(dataset, record_id)
    kind = reporting_kind(record)
    allowed = reported_fields(kind)
    for name in values:
        if name not in allowed:
            options = ", ".join(f"--{field.replace('_', '-')}" for field in allowed)
            heading = Term(kinds.BY_NAME[kind].heading)
            raise EditError(Term("edit.not_reported_by", field=name, kind=heading, allowed=options))
    if not values and note is None:
        raise EditError(Term("edit.empty_report"))
    where: tuple[str | int, ...] = ()
    reports = record.progress
    if section is not None:
        sections = getattr(record, "sections", [])
        ids = [known.id for known in sections]
        if section not in ids:
            suggestions = closest(section, ids) or "—"
            raise EditError(Term("edit.unknown_section", id=section, record=record.id, ids=suggestions))
        where = ("sections", ids.index(section))
        reports = sections[ids.index(section)].progress
    document = _document(dataset, "record", record.id)
    before = document.text
    done: list[Term] = []
    source_id = _source_id(record, source.given)
    if source_id is None:
        source_id = _new_source_id({known.id for known in record.sources}, source.given, date)
        entry = _source_entry(source_id, source)
        position = document.insert_item(("sources",), entry, None, _order(type(record)))
        done.append(Term("edit.added_source", id=source_id, path=f"sources[{position}]"))
    report: dict[str, Any] = {"date": date, "source": source_id}
    report.update((name, values[name]) for name in allowed if name in values)
    if note is not None:
        report["note"] = note
    index = _after_last_not_later(reports, date)
    position = document.insert_item((*where, "progress"), report, index, ["progress"])
    path = format_path((*where, "progress", position))
    done.insert(0, Term("edit.added_report", date=str(date), path=path))
    return _change(document, before, done)


def _source_entry(source_id: str, source: NewSource) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": source_id, "url": source.given}
    if source.title:
        entry["title"] = source.title
    if source.kind:
        entry["kind"] = source.kind
    return entry


def _not_later(reports: Sequence[Any], date: PartialDate) -> list[int]:
    return [position for position, report in enumerate(reports) if not report.date > date]


def _after_last_not_later(reports: Sequence[Any], date: PartialDate) -> int:
    """The position after the last report whose date is not later than `date` (0: before them all)."""
    positions = _not_later(reports, date)
    return positions[-1] + 1 if positions else 0


def _source_id(record: Estate | Project, source: str) -> str | None:
    """The id of the record's source that `source` names, by id or by URL; None for a new URL."""
    for known in record.sources:
        if source in (known.id, known.url):
            return known.id
    if "://" not in source:
        ids = [known.id for known in record.sources]
        raise EditError(Term("edit.unknown_source", id=source, record=record.id, ids=closest(source, ids) or "—"))
    return None


_SECOND_LEVEL = {"co", "go", "ac", "or", "com", "net", "org", "web", "sch", "mil", "my", "biz"}


def _new_source_id(taken: set[str], url: str, date: PartialDate) -> str:
    """`<site>-<date>` (`bisnis-2026-11-29`), as the shipped data names its sources, not one of `taken`."""
    host = (urlsplit(url).hostname or "").lower()
    labels = [label for label in host.split(".") if label]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        site = labels[-3]
    elif len(labels) >= 2:
        site = labels[-2]
    else:
        site = labels[0] if labels else "source"
    site = re.sub(r"[^a-z0-9]+", "-", site).strip("-") or "source"
    base = f"{site}-{date}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# --- kitrack decide, done -----------------------------------------------------------------------


def slug_of(text: str, taken: set[str]) -> str:
    """A decision's id from its first words: `PUPR to report the land...` -> `pupr-to-report-the-land`."""
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    base = "-".join(words[:5])[:48].strip("-") or "decision"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def decide(
    dataset: Dataset,
    meeting_id: str,
    text: str,
    owner: str,
    due: PartialDate | None,
    related: Sequence[str],
    decision_id: str | None,
) -> Change:
    meeting = find_meeting(dataset, meeting_id)
    taken = {decision.id for decision in meeting.decisions if decision.id}
    if decision_id is None:
        decision_id = slug_of(text, taken)
    elif decision_id in taken:
        raise EditError(Term("edit.decision_exists", id=decision_id, meeting=meeting.id))
    if not re.fullmatch(SLUG_PATTERN.strip("^$"), decision_id):
        raise EditError(Term("edit.bad_slug", value=decision_id))
    entry: dict[str, Any] = {"id": decision_id, "text": text, "owner": owner}
    if due is not None:
        entry["due"] = due
    if related:
        entry["related"] = list(related)
    document = _document(dataset, "meeting", meeting.id)
    before = document.text
    position = document.insert_item(("decisions",), entry, None, _order(Meeting))
    return _change(document, before, [Term("edit.added_decision", id=decision_id, path=f"decisions[{position}]")])


def close_decision(
    dataset: Dataset, meeting_id: str, decision_id: str, date: PartialDate, reason: str | None
) -> Change:
    """Mark a decision done on `date`, or dropped with a `reason` (when one is given)."""
    meeting = find_meeting(dataset, meeting_id)
    ids = [decision.id for decision in meeting.decisions]
    if decision_id not in ids:
        known = sorted(i for i in ids if i)
        suggestions = closest(decision_id, known) or "—"
        raise EditError(Term("edit.unknown_decision", id=decision_id, meeting=meeting.id, ids=suggestions))
    position = ids.index(decision_id)
    decision = meeting.decisions[position]
    closed = decision.done or getattr(decision, "dropped", None)
    if closed is not None:
        raise EditError(Term("edit.already_closed", id=decision_id, date=str(closed)))
    document = _document(dataset, "meeting", meeting.id)
    before = document.text
    order = _order(type(decision))
    path = ("decisions", position)
    if reason is None:
        document.add_entry(path, "done", date, order)
        done = Term("edit.marked_done", id=decision_id, date=str(date))
    else:
        document.add_entry(path, "dropped", date, order)
        document.add_entry(path, "reason", reason, order)
        done = Term("edit.marked_dropped", id=decision_id, date=str(date))
    return _change(document, before, [done])


# --- kitrack resolve ----------------------------------------------------------------------------


def resolve(dataset: Dataset, record_id: str, issue_id: str, date: PartialDate) -> Change:
    record = find_record(dataset, record_id)
    # Issue ids are unique across a record and its sections: the issue may sit in any of them.
    found = {
        issue.id: (unit, position) for unit in board.units(record) for position, issue in enumerate(unit.issues)
    }
    if issue_id not in found:
        ids = list(found)
        raise EditError(Term("edit.unknown_issue", id=issue_id, record=record.id, ids=closest(issue_id, ids) or "—"))
    unit, position = found[issue_id]
    issue = unit.issues[position]
    if issue.status.value == "resolved":
        raise EditError(Term("edit.already_resolved", id=issue_id, date=str(issue.resolved or "—")))
    document = _document(dataset, "record", record.id)
    before = document.text
    path = (*unit.prefix, "issues", position)
    document.set_scalar((*path, "status"), "resolved")
    document.add_entry(path, "resolved", date, _order(type(issue)))
    return _change(document, before, [Term("edit.marked_resolved", id=issue_id, date=str(date))])


# --- kitrack new --------------------------------------------------------------------------------


def check_new(dataset: Dataset, kind: kinds.FolderKind, record_id: str) -> Path:
    """The file a new record `record_id` goes to, or EditError if the id is bad or taken."""
    if not re.fullmatch(SLUG_PATTERN.strip("^$"), record_id):
        raise EditError(Term("edit.bad_slug", value=record_id))
    path = dataset.root / kind.folder / f"{record_id}.yaml"
    if (kind.id_space, record_id) in dataset.origins or record_id in dataset.broken_ids[kind.id_space]:
        raise EditError(Term("edit.id_exists", id=record_id))
    if path.exists() or path.is_symlink():
        raise EditError(Term("edit.file_exists", path=str(path)))
    return path


def needs_stage(kind: kinds.FolderKind) -> bool:
    """Whether records of `kind` need a report giving their stage (`status`) from the start."""
    return any(field.field == "status" and kind.name in field.reported_by for field in figures.DATED_FIELDS)


def new_record(
    dataset: Dataset,
    kind: kinds.FolderKind,
    record_id: str,
    values: Mapping[str, Any],
    first: tuple[PartialDate, NewSource, Mapping[str, Any]] | None = None,
) -> Change:
    """A new record file: `id` and the given fields, in the order files keep them; with `first`
    (the date, the source and the dated fields of a first report, its stage), that report and its source."""
    path = check_new(dataset, kind, record_id)
    content = {"id": record_id, **values}
    if first is not None:
        date, source, reported = first
        if "://" not in source.given:
            raise EditError(Term("edit.source_url", value=source.given))
        source_id = _new_source_id(set(), source.given, date)
        content["sources"] = [_source_entry(source_id, source)]
        content["progress"] = [{"date": date, "source": source_id, **reported}]
    ordered = {name: content[name] for name in _order(kind.model) if name in content}
    text = render_document(ordered)
    return Change(path, None, text, [Term("edit.created", kind=Term(kind.label), id=record_id)])


def required_fields(kind: kinds.FolderKind) -> list[str]:
    """The fields a new record of `kind` must be given, besides its id, in the model's order."""
    return [name for name, info in kind.model.model_fields.items() if info.is_required() and name != "id"]
