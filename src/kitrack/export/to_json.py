"""JSON: one document holding the whole export.

    {"kitrack": "0.1.0", "as_of": "2026-11-29", "filters": {"region": null, ...},
     "tables": {"estates": [{...}, ...], "infrastructure": [...], ...},
     "estates_without_location": ["jiipe", ...]}

Each table is an array of objects with the same keys as its CSV columns; dates are ISO text as the
source gave them (`2027`, `2027-06`, `2027-06-30`), numbers are numbers, lists are arrays and missing
values are null.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kitrack import __version__
from kitrack.export.atomic import STDOUT, atomic_file
from kitrack.export.tables import Bundle, Written
from kitrack.output import inert, render


def document(bundle: Bundle) -> dict[str, Any]:
    return {
        "kitrack": __version__,
        "as_of": bundle.as_of.isoformat(),
        "filters": dict(vars(bundle.filters)),
        "tables": {name: render.as_json(table) for name, table in bundle.tables.items()},
        "estates_without_location": list(bundle.unlocated),
        "projects_without_location": list(bundle.projects_unlocated),
    }


def dump(value: Any, output: Path) -> None:
    """Write `value` to the file `output`, atomically, or to standard output for `-o -`."""
    if output == STDOUT:
        inert.write_json(value, sys.stdout)
        sys.stdout.flush()  # here, so that a failed write is reported as one
        return
    with atomic_file(output) as temp, open(temp, "w", encoding="utf-8") as out:
        inert.write_json(value, out)


def write(bundle: Bundle, output: Path, written: Written) -> None:
    dump(document(bundle), output)
    written.tables = [(output, name, len(table.rows)) for name, table in bundle.tables.items()]
