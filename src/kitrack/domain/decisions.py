"""Meeting decisions as of a date: open, done, dropped, or carried forward to a later meeting.

A decision carried forward (a later decision names it in `carried_from`) is one thread with the
decision that carries it: from the later meeting on, only the later decision is open, and the earlier
one is shown as carried. A meeting counts from the start of its date's period, as a report does; a
decision is done or dropped from the start of the period of that date (the rules of
`kitrack.domain.board`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from kitrack.domain.dates import PartialDate
from kitrack.domain.models import Decision, Meeting

DecisionState = Literal["open", "done", "dropped", "carried"]


def key(meeting: Meeting, decision: Decision) -> str:
    """How `carried_from` names a decision: `MEETING/DECISION`."""
    return f"{meeting.id}/{decision.id}"


def held(meeting: Meeting, as_of: dt.date) -> bool:
    return meeting.date.start <= as_of


def _by(date: PartialDate | None, as_of: dt.date) -> bool:
    return date is not None and date.start <= as_of


def carried(meetings: Iterable[Meeting], as_of: dt.date) -> dict[str, str]:
    """Each decision carried forward by a meeting held by the date: its key -> the carrying decision's key."""
    return {
        decision.carried_from: key(meeting, decision)
        for meeting in meetings if held(meeting, as_of)
        for decision in meeting.decisions if decision.carried_from is not None
    }


def state(meeting: Meeting, decision: Decision, as_of: dt.date, carried_keys: Iterable[str] = ()) -> DecisionState:
    if key(meeting, decision) in carried_keys:
        return "carried"
    if _by(decision.done, as_of):
        return "done"
    if _by(decision.dropped, as_of):
        return "dropped"
    return "open"


def closed_on(decision: Decision) -> PartialDate | None:
    """The date a decision was done or dropped, if it was."""
    return decision.done or decision.dropped
