"""Support checks: whether a value rests on a source that can carry it.

- `psn-unsupported`: a record marked PSN whose basis names no source.
- `blog-only`: a value (a figure, the stage, the target, a location, a basis) whose every report cites
  a blog. Sources without a `kind` are not blogs: only what the data says is a blog is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kitrack.checks.context import Context
from kitrack.domain import board
from kitrack.domain.figures import DATED_FIELDS, FIGURES
from kitrack.domain.models import Estate, Project, Psn, SourceKind
from kitrack.domain.problems import FieldPath, Problem
from kitrack.load.dataset import Dataset

# Every dated field a report may give, in the registries' order.
FIELDS = tuple(dated.field for dated in DATED_FIELDS) + tuple(figure.field for figure in FIGURES)


def check_support(data: Dataset, context: Context) -> Iterator[Problem]:
    for record in data.records():
        if record.psn is Psn.YES and not board.psn_supported(record):
            yield data.problem("record", record.id, ("psn",), "psn-unsupported")
        blogs = {source.id for source in record.sources if source.kind is SourceKind.blog}
        if blogs:
            yield from _blog_only(data, record, blogs)


def _blog_only(data: Dataset, record: Estate | Project, blogs: set[str]) -> Iterator[Problem]:
    def warn(path: FieldPath, field: str, value: object, source: str) -> Problem:
        return data.problem("record", record.id, path, "blog-only", field=field, value=_shown(value), source=source)

    for unit in board.units(record):
        support: dict[tuple[str, str], _Support] = {}  # (field, value) -> the reports that give it
        for position, report in enumerate(unit.progress):
            for field in FIELDS:
                value = getattr(report, field, None)
                if value is not None:
                    seen = support.setdefault((field, _shown(value)), _Support())
                    seen.add((*unit.prefix, "progress", position, field), report.source, report.source in blogs)
        for (field, value), seen in support.items():
            if seen.only_blogs and seen.path is not None:
                yield warn(seen.path, field, value, seen.source or "")
    location = record.location
    if location is not None and location.source in blogs:
        yield warn(("location", "source"), "location", f"{location.lat}, {location.lon}", location.source)
    for position, basis in enumerate(record.basis):
        if not isinstance(basis, str) and basis.source in blogs:
            yield warn(("basis", position, "source"), "basis", basis.id, basis.source)


@dataclass
class _Support:
    """Whether every report giving one value cites a blog, and the last blog report's path and source."""

    only_blogs: bool = True
    path: FieldPath | None = None
    source: str | None = None

    def add(self, path: FieldPath, source: str | None, on_blog: bool) -> None:
        self.only_blogs = self.only_blogs and on_blog
        if on_blog:
            self.path, self.source = path, source


def _shown(value: object) -> str:
    shown = getattr(value, "value", value)
    return f"{shown:g}" if isinstance(shown, float) else str(shown)
