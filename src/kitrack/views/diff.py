"""What changed from one data set to another, record by record, as plain data: `kitrack diff`.

`compare(old, new)` works on the plain data of each file, not on validated models: a record that
has a schema error still shows what changed in it. Only a file that cannot be read as YAML at all is
reported as unreadable instead. Each change holds the facts that describe it (its action, the field,
the values before and after, the report, issue or milestone it is in); `kitrack.output.diff` puts
them in words, in the language of the output.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kitrack.domain import kinds
from kitrack.domain.problems import Problem
from kitrack.load.dataset import Dataset

WORKTREE_LABEL = "the working tree"

Action = Literal[
    "added", "removed", "changed", "report-added", "report-changed", "report-removed",
    "issue-added", "issue-resolved", "issue-reopened", "issue-removed",
    "milestone-added", "milestone-done", "milestone-removed",
    "source-added", "source-removed", "regency-added", "regency-removed", "decision-added", "decision-removed",
    "section-added", "section-removed",
]
# The items inside a record that a change can be in, keyed by an id (a milestone by its name).
PartKind = Literal["issue", "milestone", "source", "regency", "decision"]
PlainData = dict[str, Any]
# The fields of a progress report that are not figures.
REPORT_FIELDS = ("date", "source", "note")


@dataclass(frozen=True)
class Part:
    """The item of a record that a change is in."""

    what: PartKind
    key: str | int | float  # as the data gives it


@dataclass(frozen=True)
class FigureChange:
    """A figure of a new report, against the latest earlier value (None: not reported before)."""

    field: str
    old: Any
    new: Any


@dataclass
class Change:
    """One thing that changed in one record."""

    record_kind: str  # estate, infrastructure, region, agency, meeting (the kinds' names)
    id: str
    file: str
    action: Action
    field: str | None = None  # the field path, where one field changed
    old: Any = None
    new: Any = None
    date: str | None = None  # the report's date, for report changes
    # report-added: each figure it gives (`field` above is a field name, hence dataclasses.field)
    figures: list[FigureChange] = dataclasses.field(default_factory=list)
    # What the words of a change need besides the above: the item it is in, and the plain data of
    # what was added or removed (a record, a report, an issue, a milestone, a source...).
    part: Part | None = None
    data: PlainData | None = None
    section: str | None = None  # the project's section the change is in; None for the record's own


@dataclass
class Unreadable:
    """A file that could not be read as YAML at one side of the comparison."""

    file: str
    side: str  # the revision's label
    problem: Problem  # the first problem of the file, which the renderer words


@dataclass
class Diff:
    old: str  # labels: a revision as given, or WORKTREE_LABEL
    new: str
    data_dir: str
    changes: list[Change] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        records = {(c.record_kind, c.id) for c in self.changes}
        return {
            "changes": len(self.changes),
            "records": len(records),
            "added": sum(1 for c in self.changes if c.action == "added"),
            "removed": sum(1 for c in self.changes if c.action == "removed"),
            "unreadable": len(self.unreadable),
        }


@dataclass
class _Side:
    label: str
    entities: dict[tuple[str, str], tuple[str, PlainData]] = field(default_factory=dict)  # key -> (file, data)
    unknown_keys: set[tuple[str, str]] = field(default_factory=set)  # records whose file could not be read
    unknown_kinds: set[str] = field(default_factory=set)  # regions/agencies when their file could not be read
    unreadable: list[Unreadable] = field(default_factory=list)


_NOT_READ = {"missing-file", "unexpected-file"}
_AMBIGUOUS = {"duplicate-key"}
_LIST_KINDS = {kind.file: kind for kind in kinds.LIST_KINDS}
_FOLDER_KINDS = {kind.folder: kind for kind in kinds.FOLDER_KINDS}


def _side(data: Dataset | None, label: str) -> _Side:
    side = _Side(label)
    if data is None:
        return side
    for source in data.files:
        try:
            parts = source.path.relative_to(data.root).parts
        except ValueError:
            continue
        list_kind = _LIST_KINDS.get(parts[0]) if len(parts) == 1 else None
        folder_kind = _FOLDER_KINDS.get(parts[0]) if len(parts) == 2 and parts[1].endswith(".yaml") else None
        if list_kind is None and folder_kind is None:
            continue
        if source.data is None and source.text is not None and not source.problems:
            raise ValueError("compare() needs data sets loaded with load(..., keep_data=True)")
        # A duplicate key leaves the file's value ambiguous (which of the two did the author mean?):
        # such a file is named as unreadable rather than compared on one reading of it.
        ambiguous = [p for p in source.problems if p.code in _AMBIGUOUS]
        if not isinstance(source.data, dict) or ambiguous:
            problems = ambiguous or [p for p in source.problems if p.code not in _NOT_READ]
            if problems:
                first = min(problems)
                unreadable = Unreadable(source.name, label, first)
                side.unreadable.append(unreadable)
                if list_kind is not None:
                    side.unknown_kinds.add(list_kind.name)
                elif folder_kind is not None:
                    side.unknown_keys.add((folder_kind.name, Path(parts[1]).stem))
            continue
        if folder_kind is not None:
            side.entities[(folder_kind.name, Path(parts[1]).stem)] = (source.name, source.data)
            continue
        assert list_kind is not None
        items = source.data.get(list_kind.key)
        if not isinstance(items, list):
            side.unknown_kinds.add(list_kind.name)
            continue
        for item in items:
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str) and (list_kind.name, item_id) not in side.entities:
                side.entities[(list_kind.name, item_id)] = (source.name, item)
    return side


def compare(old: Dataset | None, new: Dataset | None, old_label: str, new_label: str, data_dir: str = "data") -> Diff:
    """What changed from `old` to `new` (either may be None: no data directory at that side).
    Both must be loaded with `load(..., keep_data=True)`: the comparison is of plain data."""
    before, after = _side(old, old_label), _side(new, new_label)
    diff = Diff(old_label, new_label, data_dir, unreadable=before.unreadable + after.unreadable)
    order = list(kinds.BY_NAME)
    keys = sorted(before.entities.keys() | after.entities.keys(), key=lambda k: (order.index(k[0]), k[1]))
    for key in keys:
        kind, rid = key
        if any(key in side.unknown_keys or kind in side.unknown_kinds for side in (before, after)):
            continue  # one side could not be read: it is listed as unreadable instead
        if key not in after.entities:
            file, data = before.entities[key]
            diff.changes.append(Change(kind, rid, file, "removed", data=data))
        elif key not in before.entities:
            file, data = after.entities[key]
            diff.changes.append(Change(kind, rid, file, "added", data=data))
        else:
            file, data = after.entities[key]
            diff.changes.extend(_Record(kind, rid, file).compare(before.entities[key][1], data))
    return diff


def is_plain(value: Any) -> bool:
    """A single value as YAML gives it: text or a number, not a list, a mapping or a boolean."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def is_slug_list(value: Any) -> bool:
    """A list of plain values (ids, names), or nothing: compared as the values added and removed."""
    return value is None or (isinstance(value, list) and all(is_plain(v) for v in value))


def _key_of(item: Any, key: str) -> Any:
    if key == "name" and isinstance(item, dict):
        # A milestone by its own id if it has one, else by its name: a name in two languages by its
        # canonical form, so that reordering the languages is no change.
        if is_plain(item.get("id")):
            return item["id"]
        if isinstance(item.get("name"), dict):
            return json.dumps(item["name"], sort_keys=True, ensure_ascii=False)
    return item.get(key) if isinstance(item, dict) and is_plain(item.get(key)) else None


def _keyed(items: Any, key: Callable[[Any], Hashable | None]) -> dict[Any, PlainData] | None:
    """A list of mappings indexed by `key`; None when the list cannot be keyed (the schema is broken)."""
    if not isinstance(items, list):
        return None
    out: dict[Any, PlainData] = {}
    for item in items:
        k = key(item)
        if k is None or k in out:
            return None
        out[k] = item
    return out


Pair = tuple[Any, PlainData | None, PlainData | None]


def _pairs(old: Any, new: Any, key: str) -> list[Pair] | None:
    """The items of two keyed lists (issues by id, milestones by name...) as (key, old item, new
    item), None where a side lacks it: the new list's order, then the items removed. None when
    either list cannot be keyed (the schema is broken)."""
    before, after = _keyed(old, lambda item: _key_of(item, key)), _keyed(new, lambda item: _key_of(item, key))
    if before is None or after is None:
        return None
    pairs: list[Pair] = [(k, before.get(k), item) for k, item in after.items()]
    return pairs + [(k, item, None) for k, item in before.items() if k not in after]


def _in_order(after: PlainData, before: PlainData) -> Iterator[str]:
    """The keys of both mappings: the new one's in its order, then those only the old one has."""
    yield from after
    yield from (k for k in before if k not in after)


# Each item of a record by the key it is found by, and its actions when added and removed.
_ITEM_KEYS: dict[PartKind, str] = {
    "issue": "id", "milestone": "name", "source": "id", "regency": "id", "decision": "id",
}
_ITEM_ACTIONS: dict[PartKind, tuple[Action, Action]] = {
    "issue": ("issue-added", "issue-removed"),
    "milestone": ("milestone-added", "milestone-removed"),
    "source": ("source-added", "source-removed"),
    "regency": ("regency-added", "regency-removed"),
    "decision": ("decision-added", "decision-removed"),
}


class _Record:
    def __init__(self, kind: str, rid: str, file: str):
        self.kind, self.id, self.file = kind, rid, file
        self.out: list[Change] = []
        self.section: str | None = None  # the section being compared

    def add(self, action: Action, **facts: Any) -> None:
        self.out.append(Change(self.kind, self.id, self.file, action, section=self.section, **facts))

    def compare(self, old: PlainData, new: PlainData) -> list[Change]:
        special: dict[str, Callable[[Any, Any], bool]] = {
            "progress": self.progress,
            "issues": self.issues,
            "milestones": self.milestones,
            "sources": self.sources,
            "regencies": self.regencies,
            "decisions": self.decisions,
            "sections": self.sections,
        }
        for name in _in_order(new, old):
            before, after = old.get(name), new.get(name)
            if before == after:
                continue
            handler = special.get(name)
            if handler is not None and handler(before or [], after or []):
                continue
            self.field(name, before, after)
        return self.out

    def field(self, name: str, before: Any, after: Any, part: Part | None = None) -> None:
        self.add("changed", field=name, old=before, new=after, part=part)

    # -- dated progress reports ------------------------------------------------------------------
    def progress(self, old: Any, new: Any) -> bool:
        def key(item: Any) -> tuple[str, Any] | None:
            if not isinstance(item, dict) or not is_plain(item.get("date")):
                return None
            return (str(item["date"]), item.get("source") if is_plain(item.get("source")) else None)

        before, after = _keyed(old, key), _keyed(new, key)
        if before is None or after is None:
            return False
        latest: dict[str, Any] = {}  # field -> the latest value among earlier reports of the new list
        for (date, source), report in after.items():
            if (date, source) not in before:
                figures = [FigureChange(k, latest.get(k), v) for k, v in report.items() if k not in REPORT_FIELDS]
                self.add("report-added", date=date, figures=figures, data=report)
            else:
                previous = before[(date, source)]
                for name in _in_order(report, previous):
                    was, now = previous.get(name), report.get(name)
                    if was != now:
                        self.add("report-changed", field=f"progress.{name}", old=was, new=now, date=date)
            for k, v in report.items():
                if k not in REPORT_FIELDS and v is not None:
                    latest[k] = v
        for (date, _source), report in before.items():
            if (date, _source) not in after:
                self.add("report-removed", date=date, data=report)
        return True

    # -- keyed lists: issues, milestones, sources, regencies, decisions ---------------------------
    def _items(self, old: Any, new: Any, what: PartKind,
               changed: Callable[[Part, PlainData, PlainData], None] | None = None) -> bool:
        """Items added and removed, and what changed in each item both sides have (`changed`, by
        default each field)."""
        pairs = _pairs(old, new, _ITEM_KEYS[what])
        if pairs is None:
            return False
        added, removed = _ITEM_ACTIONS[what]
        for key, previous, item in pairs:
            part = Part(what, key)
            path = f"issues.{key}" if what == "issue" else None  # scripts find an issue by its path
            if previous is None:
                self.add(added, field=path, part=part, data=item)
            elif item is None:
                self.add(removed, field=path, part=part)
            else:
                (changed or self._fields)(part, previous, item)
        return True

    def _fields(self, part: Part, previous: PlainData, item: PlainData) -> None:
        for name in _in_order(item, previous):
            if previous.get(name) != item.get(name):
                self.field(name, previous.get(name), item.get(name), part)

    def _issue(self, part: Part, previous: PlainData, issue: PlainData) -> None:
        status = f"issues.{part.key}.status"
        for name in _in_order(issue, previous):
            was, now = previous.get(name), issue.get(name)
            if was == now or (name == "resolved" and issue.get("status") != previous.get("status")):
                continue
            if name == "status" and now == "resolved":
                self.add("issue-resolved", field=status, old=was, new=now, part=part, data=issue)
            elif name == "status" and now == "open":
                self.add("issue-reopened", field=status, old=was, new=now, part=part)
            else:
                self.field(name, was, now, part)

    def _milestone(self, part: Part, previous: PlainData, milestone: PlainData) -> None:
        for key in _in_order(milestone, previous):
            was, now = previous.get(key), milestone.get(key)
            if was != now and key == "done" and was is None:
                self.add("milestone-done", field="milestones.done", old=was, new=now, part=part)
            elif was != now:
                self.field(key, was, now, part)

    def issues(self, old: Any, new: Any) -> bool:
        return self._items(old, new, "issue", self._issue)

    def milestones(self, old: Any, new: Any) -> bool:
        return self._items(old, new, "milestone", self._milestone)

    def sources(self, old: Any, new: Any) -> bool:
        return self._items(old, new, "source")

    def regencies(self, old: Any, new: Any) -> bool:
        if is_slug_list(old) and is_slug_list(new):  # infrastructure: a list of regency ids
            return False
        return self._items(old, new, "regency")

    def decisions(self, old: Any, new: Any) -> bool:
        return self._items(old, new, "decision")

    def sections(self, old: Any, new: Any) -> bool:
        """Sections by id: added and removed, and in each one both sides have, its own changes (its
        reports, milestones, issues, fields), marked with its id."""
        if self.section is not None:
            return False  # sections nest in the data only through `within`
        pairs = _pairs(old, new, "id")
        if pairs is None:
            return False
        for key, previous, section in pairs:
            self.section = str(key)
            if previous is None:
                self.add("section-added", data=section)
            elif section is None:
                self.add("section-removed", data=previous)
            else:
                self.compare(previous, section)
            self.section = None
        return True
