"""The next meeting's agenda, as plain data, taken from the meeting view (`kitrack.views.status`):
the same open decisions, projects at risk, overdue targets, open issues and changes, so that the
agenda and `status` can never disagree. `kitrack.output.agenda` drafts it as Markdown or JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kitrack.domain.board import Record
from kitrack.domain.models import Estate
from kitrack.load.dataset import Dataset
from kitrack.views import meetings, status
from kitrack.views.table import Column, Table

# Records with no report since the last meeting: what to ask, and whom.
SILENT_COLUMNS = [
    Column("agency", label="col.agency"), Column("owner"), Column("record"), Column("name"),
    Column("latest_report", "date"),
]
LATE_COLUMNS = [
    Column("id"), Column("section"), Column("name"), Column("reason"), Column("percent", "percent"),
    Column("projected", "date"), Column("target", "date"), Column("history", "list"), Column("slip_months", "count"),
    Column("days", "count", "col.overdue_days"),
]


@dataclass
class Agenda:
    meeting: dt.date  # the date of the meeting the agenda is for
    as_of: dt.date
    since: status.Since
    decisions: Table  # open decisions due by the meeting's date
    late: Table  # projects at risk, or past their target
    issues: Table  # open issues, by the agency that must act
    silent: Table
    changes: list[meetings.Change]
    agencies: dict[str, str]  # each agency's id -> its short name (or name), for the headings


def build(data: Dataset, as_of: dt.date, meeting: dt.date, since: status.Since) -> Agenda:
    view = status.build(data, as_of, since, errors=data.error_count)
    assert view.cycle is not None
    due = view.cycle.decisions.select([c.key for c in view.cycle.decisions.columns])
    due.rows = [row for row in due.rows if row["due"] is not None and row["due"].end <= meeting]
    return Agenda(
        meeting=meeting, as_of=as_of, since=since, decisions=due, late=_late(view), issues=view.sections["issues"],
        silent=_silent(data, view), changes=view.cycle.changes,
        agencies={a.id: meetings.agency_name(data.agencies, a.id) or a.id for a in data.agencies.values()},
    )


def _late(view: status.StatusReport) -> Table:
    """Projects and sections at risk (their pace finishes after the target), whose target slipped, or
    whose target has passed, as `status` shows them."""
    late = Table("late", LATE_COLUMNS)
    blank: dict[str, Any] = {"percent": None, "projected": None, "history": [], "slip_months": None, "days": None}
    for row in view.sections["at_risk"].rows:
        late.add(**{**blank, "id": row["id"], "section": row["section"], "name": row["name"], "reason": "at-risk",
                    "percent": row["percent"], "projected": row["projected"], "target": row["target"]})
    for row in view.sections["slipped"].rows:
        late.add(**{**blank, "id": row["record"], "section": row["section"], "name": row["name"], "reason": "slipped",
                    "target": row["target"], "history": row["history"], "slip_months": row["slip_months"]})
    for row in view.sections["overdue"].rows:
        if row["kind"] == "target":
            late.add(**{**blank, "id": row["record"], "section": row["section"], "name": row["what"],
                        "reason": "target-passed", "target": row["due"], "days": row["days"]})
    return late


def _silent(data: Dataset, view: status.StatusReport) -> Table:
    """Estates and projects with no new report since the comparison point, by the agency to ask:
    a project's owner, an estate's operator."""
    assert view.cycle is not None
    reported = {change.record for change in view.cycle.changes if change.kind == "report"}
    table = Table("silent", SILENT_COLUMNS)
    for key in ("estates", "infrastructure"):
        for row in view.sections[key].rows:
            if row["id"] in reported:
                continue
            record: Record = data.estates.get(row["id"]) or data.projects[row["id"]]
            owner = record.operator if isinstance(record, Estate) else record.owner
            table.add(agency=meetings.agency_name(data.agencies, owner), owner=owner, record=row["id"],
                      name=row["name"], latest_report=row["latest_report"])
    table.rows.sort(key=lambda row: (row["agency"] is None, (row["agency"] or "").casefold(), row["record"]))
    return table
