"""Checks across records: every reference resolves, every id is unique where it must be.

Indexes are built once by the dataset, so each reference costs one dictionary lookup: the checks
grow linearly with the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from kitrack.checks.context import Context
from kitrack.domain.models import Estate, Issue, Meeting, Milestone, Project, Report
from kitrack.domain.problems import FieldPath, Problem, Term, format_path
from kitrack.domain.suggestions import did_you_mean
from kitrack.load.dataset import Dataset


class _Refs:
    def __init__(self, data: Dataset):
        self.data = data
        self.known = {
            "region": data.regions.keys() | data.broken_ids["region"],
            "regency": data.regency_region.keys() | data.broken_ids["regency"],
            "agency": data.agencies.keys() | data.broken_ids["agency"],
            "estate": data.estates.keys() | data.broken_ids["record"],
            "record": data.estates.keys() | data.projects.keys() | data.broken_ids["record"],
        }
        self.choices = {
            "region": sorted(data.regions),
            "regency": sorted(data.regency_region),
            "agency": sorted(data.agencies),
            "estate": sorted(data.estates),
            "record": sorted(data.estates.keys() | data.projects.keys()),
        }

    def check(self, kind: str, record_id: str, path: FieldPath, target: str, value: str | None) -> Iterator[Problem]:
        if value is not None and value not in self.known[target] and not self._unchecked(target):
            yield self.data.problem(
                kind, record_id, path, f"unknown-{target}", id=value, hint=self._suggest(target, value)
            )

    def _suggest(self, target: str, value: str) -> Term | None:
        if target == "agency":  # `owner: pupr` -> the agency whose short name is PUPR
            for agency in self.data.agencies.values():
                if agency.short and agency.short.lower() == value.lower():
                    return Term("p.did_you_mean_short", choice=agency.id, short=agency.short)
        return did_you_mean(value, self.choices[target])

    def _unchecked(self, target: str) -> bool:
        if target == "regency":
            target = "region"
        elif target == "estate":  # estates are records: an unreadable records folder hides them
            target = "record"
        return target in self.data.unreadable

    def check_all(
        self, kind: str, record_id: str, path: FieldPath, target: str, values: Iterable[str]
    ) -> Iterator[Problem]:
        for position, value in enumerate(values):
            yield from self.check(kind, record_id, (*path, position), target, value)

    def related(self, kind: str, record_id: str, path: FieldPath, values: Iterable[str]) -> Iterator[Problem]:
        """References to records, or to a section of one as `record/section`."""
        for position, value in enumerate(values):
            record, _, section = value.partition("/")
            yield from self.check(kind, record_id, (*path, position), "record", record)
            project = self.data.projects.get(record)
            if section and project is not None and section not in {s.id for s in project.sections}:
                yield self.data.problem(
                    kind, record_id, (*path, position), "unknown-section", id=section, record=record,
                    hint=did_you_mean(section, [s.id for s in project.sections]),
                )


def check_references(data: Dataset, context: Context) -> Iterator[Problem]:
    refs = _Refs(data)
    for record in data.records():
        yield from _record(data, refs, record)
    for meeting in data.meetings.values():
        yield from _meeting(refs, meeting)


def _record(data: Dataset, refs: _Refs, record: Estate | Project) -> Iterator[Problem]:
    rid = record.id
    if isinstance(record, Estate):
        yield from refs.check("record", rid, ("region",), "region", record.region)
        yield from _regency(data, refs, rid, ("regency",), record.regency, [record.region])
        yield from refs.check("record", rid, ("operator",), "agency", record.operator)
    else:
        yield from refs.check_all("record", rid, ("regions",), "region", record.regions)
        for position, regency in enumerate(record.regencies):
            yield from _regency(data, refs, rid, ("regencies", position), regency, record.regions)
        yield from refs.check("record", rid, ("owner",), "agency", record.owner)
        yield from refs.check("record", rid, ("operator",), "agency", record.operator)
        yield from refs.check_all("record", rid, ("serves",), "estate", record.serves)
        yield from _sections(data, refs, record)

    source_ids: dict[str, int] = {}
    for position, source in enumerate(record.sources):
        if source.id in source_ids:
            yield data.problem(
                "record",
                rid,
                ("sources", position, "id"),
                "duplicate-id",
                what=Term("p.source"),
                id=source.id,
                first=f"sources[{source_ids[source.id]}]",
            )
        else:
            source_ids[source.id] = position

    def cited(path: FieldPath, source: str | None) -> Iterator[Problem]:
        if source is not None and source not in source_ids:
            yield data.problem(
                "record",
                rid,
                path,
                "unknown-source",
                id=source,
                hint=did_you_mean(source, list(source_ids)) or Term("p.add_source"),
            )

    if record.location is not None:
        yield from cited(("location", "source"), record.location.source)
    for position, basis in enumerate(record.basis):
        if not isinstance(basis, str):
            yield from cited(("basis", position, "source"), basis.source)
    issue_ids: dict[str, str] = {}
    units: list[tuple[FieldPath, Sequence[Report], Sequence[Milestone], Sequence[Issue]]] = [
        ((), record.progress, record.milestones, record.issues),
    ]
    if isinstance(record, Project):
        units += [
            (("sections", place), section.progress, section.milestones, section.issues)
            for place, section in enumerate(record.sections)
        ]
    for prefix, reports, milestones, issues in units:
        for position, report in enumerate(reports):
            yield from cited((*prefix, "progress", position, "source"), report.source)
        for position, milestone in enumerate(milestones):
            yield from cited((*prefix, "milestones", position, "source"), milestone.source)
        for position, issue in enumerate(issues):
            path = (*prefix, "issues", position)
            if issue.id in issue_ids:
                yield data.problem(
                    "record", rid, (*path, "id"), "duplicate-id", what=Term("p.issue"), id=issue.id,
                    first=issue_ids[issue.id],
                )
            issue_ids.setdefault(issue.id, format_path(path))
            yield from refs.check("record", rid, (*path, "owner"), "agency", issue.owner)
            yield from refs.related("record", rid, (*path, "related"), issue.related)
            yield from cited((*path, "source"), issue.source)


def _sections(data: Dataset, refs: _Refs, project: Project) -> Iterator[Problem]:
    rid = project.id
    places: dict[str, int] = {}
    for position, section in enumerate(project.sections):
        if section.id in places:
            yield data.problem(
                "record", rid, ("sections", position, "id"), "duplicate-id", what=Term("p.section"), id=section.id,
                first=f"sections[{places[section.id]}]",
            )
        places.setdefault(section.id, position)
    for position, section in enumerate(project.sections):
        path: FieldPath = ("sections", position)
        for place, regency in enumerate(section.regencies):
            yield from _regency(data, refs, rid, (*path, "regencies", place), regency, project.regions)
        if section.within is None:
            continue
        if section.within == section.id:
            parent: Term = Term("p.the_section_itself")
        elif section.within not in places:
            yield data.problem(
                "record", rid, (*path, "within"), "unknown-section", id=section.within, record=rid,
                hint=did_you_mean(section.within, list(places)),
            )
            continue
        else:
            outer = project.sections[places[section.within]].within
            if outer is None:
                continue
            parent = Term("p.within_another", section=outer)
        yield data.problem(
            "record", rid, (*path, "within"), "section-nesting", id=section.id, within=section.within, parent=parent,
        )


def _regency(
    data: Dataset, refs: _Refs, rid: str, path: FieldPath, regency: str, regions: list[str]
) -> Iterator[Problem]:
    unknown = list(refs.check("record", rid, path, "regency", regency))
    if unknown:
        yield from unknown
        return
    actual = data.regency_region.get(regency)
    known = [region for region in regions if region in data.regions]
    if actual is not None and actual not in regions and known:
        yield data.problem(
            "record",
            rid,
            path,
            "regency-not-in-region",
            regency=regency,
            actual=actual,
            region=", ".join(regions),
            hint=Term("p.set_region", actual=actual, region=regions[0]) if path == ("regency",)
            else Term("p.add_region", actual=actual),
        )


def _meeting(refs: _Refs, meeting: Meeting) -> Iterator[Problem]:
    mid = meeting.id
    yield from refs.check("meeting", mid, ("chair",), "agency", meeting.chair)
    yield from refs.check_all("meeting", mid, ("attendees",), "agency", meeting.attendees)
    for position, decision in enumerate(meeting.decisions):
        path = ("decisions", position)
        yield from refs.check("meeting", mid, (*path, "owner"), "agency", decision.owner)
        yield from refs.related("meeting", mid, (*path, "related"), decision.related)
