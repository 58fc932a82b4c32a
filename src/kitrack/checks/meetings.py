"""Checks of meetings and their decisions: references (agencies, records, sources, the decision a
decision carries forward), ids, and dates that cannot be (a decision done before it was made)."""

from __future__ import annotations

from collections.abc import Iterator

from kitrack.checks.context import Context
from kitrack.checks.references import Refs
from kitrack.domain import board, decisions
from kitrack.domain.models import Decision, Meeting
from kitrack.domain.problems import FieldPath, Param, Problem, Term
from kitrack.domain.suggestions import did_you_mean
from kitrack.load.dataset import Dataset


def check_meetings(data: Dataset, context: Context) -> Iterator[Problem]:
    refs = Refs(data)
    # Every decision by its key, with its meeting: carried_from must name one of an earlier meeting.
    made = {
        decisions.key(meeting, decision): meeting
        for meeting in data.meetings.values() for decision in meeting.decisions
    }
    carried = decisions.carried(data.meetings.values(), context.as_of)
    for meeting in data.meetings.values():
        yield from _Meeting(data, refs, meeting).check(made)
        for item in board.overdue_of_meeting(meeting, context.as_of, carried):
            yield data.problem("meeting", meeting.id, item.path, "overdue", what=Term("p.decision"), due=str(item.due))


class _Meeting:
    def __init__(self, data: Dataset, refs: Refs, meeting: Meeting):
        self.data, self.refs, self.meeting = data, refs, meeting

    def problem(self, path: FieldPath, code: str, hint: Term | None = None, **params: Param) -> Problem:
        return self.data.problem("meeting", self.meeting.id, path, code, key=False, hint=hint, **params)

    def check(self, made: dict[str, Meeting]) -> Iterator[Problem]:
        meeting, refs, mid = self.meeting, self.refs, self.meeting.id
        if not mid.startswith(f"{meeting.date}-"):
            yield self.problem(("date",), "meeting-date-mismatch", id=mid, date=str(meeting.date))
        yield from refs.check("meeting", mid, ("chair",), "agency", meeting.chair)
        yield from refs.check_all("meeting", mid, ("attendees",), "agency", meeting.attendees)
        yield from self.unique("sources", [source.id for source in meeting.sources], Term("p.source"))
        yield from self.unique("decisions", [decision.id for decision in meeting.decisions], Term("p.decision"))
        # Earlier: another meeting that did not start after this one (`2026-11` may carry from `2026-11-01`).
        earlier = [key for key, other in made.items() if other.id != mid and other.date.start <= meeting.date.start]
        for position, decision in enumerate(meeting.decisions):
            path: FieldPath = ("decisions", position)
            yield from refs.check("meeting", mid, (*path, "owner"), "agency", decision.owner)
            yield from refs.related("meeting", mid, (*path, "related"), decision.related)
            yield from self.source(path, decision.source)
            if decision.carried_from is not None and decision.carried_from not in earlier:
                yield self.problem((*path, "carried_from"), "unknown-decision", id=decision.carried_from,
                                   hint=did_you_mean(decision.carried_from, earlier))
            yield from self.dates(path, decision)

    def unique(self, field: str, ids: list[str], what: Term) -> Iterator[Problem]:
        first: dict[str, int] = {}
        for position, item_id in enumerate(ids):
            if item_id in first:
                yield self.problem((field, position, "id"), "duplicate-id", what=what, id=item_id,
                                   first=f"{field}[{first[item_id]}]")
            first.setdefault(item_id, position)

    def source(self, path: FieldPath, source: str | None) -> Iterator[Problem]:
        cited = [item.id for item in self.meeting.sources]
        if source is not None and source not in cited:
            yield self.problem((*path, "source"), "unknown-source", id=source,
                               hint=did_you_mean(source, cited) or Term("p.add_source"))

    def dates(self, path: FieldPath, decision: Decision) -> Iterator[Problem]:
        held = self.meeting.date
        for name, date in (("done", decision.done), ("dropped", decision.dropped)):
            if date is not None and date.end < held.start:
                yield self.problem((*path, name), "decision-before-meeting", field=Term(f"p.decision_{name}"),
                                   date=str(date), meeting_date=str(held))
        if decision.due is not None and decision.due.end < held.start:
            yield self.problem((*path, "due"), "due-before-meeting", due=str(decision.due), meeting_date=str(held))
        if decision.dropped is not None and decision.reason is None:
            yield self.problem((*path, "dropped"), "dropped-without-reason", id=decision.id)
        if decision.done is not None and decision.dropped is not None:
            yield self.problem((*path, "dropped"), "done-and-dropped", id=decision.id, done=str(decision.done),
                               dropped=str(decision.dropped))
