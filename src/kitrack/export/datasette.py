"""Datasette metadata for the SQLite export: the database as a browsable, searchable web portal.

    kitrack export --format sqlite --output kitrack.sqlite
    datasette kitrack.sqlite --metadata metadata-id.json     # or metadata-en.json

The metadata gives every table and column a title and a description in one language (Datasette
shows one set of words, so there is a file per language) and three canned queries: what is overdue,
the projects at risk, and each agency's load. Datasette names a database after its file, so the
metadata describes a database named `kitrack`: save the export as `kitrack.sqlite`.

The files ship in `src/kitrack/assets/datasette/`; they are generated from the label catalogue and
the exported tables, and a test fails when they are out of date:

    python -m kitrack.export.datasette --write src/kitrack/assets/datasette
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from kitrack.domain.board import PACE_WINDOW_DAYS
from kitrack.export.tables import TABLES, gather
from kitrack.load.dataset import Dataset
from kitrack.output.i18n import Language
from kitrack.output.languages import LANGUAGES

DATABASE = "kitrack"
# The tables Datasette shows, with the two the database adds to the exported ones.
SHOWN = (*TABLES, "records", "latest")
EXTRA_COLUMNS = {"records": ("id", "kind", "name")}

# A partial date's last day (`2027` is 2027-12-31, `2027-06` is 2027-06-30), the day kitrack judges
# it by (kitrack.domain.board).
def _end(column: str) -> str:
    return (
        f"(CASE length({column}) WHEN 4 THEN {column} || '-12-31' "
        f"WHEN 7 THEN date({column} || '-01', '+1 month', '-1 day') ELSE {column} END)"
    )


# `:as_of` is the date to judge by, as `--as-of` (ISO; empty: today). Something is overdue once the
# last day of its due date has passed, as in `kitrack status`.
AS_OF = "coalesce(nullif(:as_of, ''), date('now'))"
# Units, as kitrack.domain.board has them: each estate and project, and each section of a project,
# with its stage and target in force (a section's may be its phase's or project's) and the agency
# responsible. `section` is NULL for a record itself.
UNITS = """units AS (
  SELECT 'estates' AS record_kind, id AS record, NULL AS section, name, status, NULL AS target,
         operator AS owner FROM estates
  UNION ALL
  SELECT 'infrastructure', id, NULL, name, status, target, owner FROM infrastructure
  UNION ALL
  SELECT 'infrastructure', s.record, s.id, s.name, s.status, s.target, p.owner
  FROM sections s JOIN infrastructure p ON p.id = s.record
)"""
OVERDUE_SQL = f"""WITH {UNITS},
own AS (  -- a unit's own target in force: the last of its reports that gives one
  SELECT p.record, p.section, p.target FROM progress p
  WHERE p.target IS NOT NULL AND p.position = (
    SELECT max(q.position) FROM progress q
    WHERE q.record = p.record AND q.section IS p.section AND q.target IS NOT NULL)
)
SELECT 'target' AS item, u.record, u.section, u.name, NULL AS what, o.target AS due,
       CAST(julianday({AS_OF}) - julianday({_end("o.target")}) AS INTEGER) AS days_late, u.owner
FROM units u JOIN own o ON o.record = u.record AND o.section IS u.section
WHERE (u.status IS NULL OR u.status <> 'operating') AND {_end("o.target")} < {AS_OF}
UNION ALL
SELECT 'milestone', m.record, m.section, u.name, m.name, m.due,
       CAST(julianday({AS_OF}) - julianday({_end("m.due")}) AS INTEGER), u.owner
FROM milestones m JOIN units u ON u.record = m.record AND u.section IS m.section
WHERE m.due IS NOT NULL AND m.done IS NULL AND {_end("m.due")} < {AS_OF}
UNION ALL
SELECT 'issue', i.record, i.section, r.name, i.title, i.due,
       CAST(julianday({AS_OF}) - julianday({_end("i.due")}) AS INTEGER), i.owner
FROM issues i JOIN records r ON r.id = i.record
WHERE i.due IS NOT NULL AND i.status = 'open' AND {_end("i.due")} < {AS_OF}
ORDER BY due, record, section"""

# The at-risk rule of `kitrack status` (kitrack.domain.board.project), per unit, over the exported
# reports: the pace from the first report within a year before the latest (else the one just before
# it) to the latest, extrapolated to 100 %, finishes after the target in force, or never. A test
# holds it to status.
AT_RISK_SQL = f"""WITH {UNITS},
points AS (
  SELECT record, section, position, percent, {_end("date")} AS day FROM progress
  WHERE record_kind = 'infrastructure' AND percent IS NOT NULL
), latest AS (
  SELECT p.* FROM points p WHERE p.position = (
    SELECT max(q.position) FROM points q WHERE q.record = p.record AND q.section IS p.section)
), first AS (
  SELECT l.record, l.section, coalesce(
    (SELECT e.position FROM points e WHERE e.record = l.record AND e.section IS l.section AND e.day < l.day
       AND julianday(l.day) - julianday(e.day) <= {PACE_WINDOW_DAYS} ORDER BY e.position LIMIT 1),
    (SELECT e.position FROM points e WHERE e.record = l.record AND e.section IS l.section AND e.day < l.day
       ORDER BY e.position DESC LIMIT 1)) AS position
  FROM latest l
), pace AS (
  SELECT l.record, l.section, l.percent, l.day,
         (l.percent - f.percent) / (julianday(l.day) - julianday(f.day)) AS per_day
  FROM latest l JOIN first x ON x.record = l.record AND x.section IS l.section
  JOIN points f ON f.record = x.record AND f.section IS x.section AND f.position = x.position
  WHERE l.percent < 100
), projected AS (
  SELECT k.*, CASE WHEN k.per_day > 0 THEN
           date(k.day, '+' || CAST(ceil((100 - k.percent) / k.per_day) AS INTEGER) || ' days') END AS projected
  FROM pace k
)
SELECT u.record AS id, u.section, u.name, u.owner, k.percent, k.day AS latest_report,
       round(k.per_day * 30, 2) AS pace, k.projected, u.target
FROM projected k JOIN units u ON u.record = k.record AND u.section IS k.section
WHERE u.target IS NOT NULL AND (k.projected IS NULL OR k.projected > {_end("u.target")})
ORDER BY u.record, u.section"""

BY_AGENCY_SQL = """SELECT a.id, a.name, a.short, a.type,
       (SELECT count(*) FROM infrastructure p WHERE p.owner = a.id) AS projects_owned,
       (SELECT count(*) FROM estates e WHERE e.operator = a.id) AS estates_operated,
       (SELECT count(*) FROM issues i WHERE i.owner = a.id AND i.status = 'open') AS open_issues,
       (SELECT group_concat(i.record || ': ' || i.title, ' · ') FROM issues i
         WHERE i.owner = a.id AND i.status = 'open') AS issues
FROM agencies a
WHERE projects_owned + estates_operated + open_issues > 0
ORDER BY open_issues DESC, projects_owned DESC, a.id"""

QUERIES = {"overdue": OVERDUE_SQL, "at_risk": AT_RISK_SQL, "by_agency": BY_AGENCY_SQL}


def _columns() -> dict[str, tuple[str, ...]]:
    bundle = gather(Dataset(root=Path()), dt.date(2000, 1, 1))
    columns = {name: tuple(column.key for column in bundle.tables[name].columns) for name in TABLES}
    return {**columns, **EXTRA_COLUMNS}


def metadata(language: Language) -> dict[str, Any]:
    """The Datasette metadata, in `language`."""
    t = language.t
    tables: dict[str, Any] = {}
    for name, columns in _columns().items():
        tables[name] = {
            "title": t(f"datasette.{name}"), "description": t(f"datasette.{name}.about"),
            "columns": {key: t(f"col.{key}") for key in columns},
        }
    tables["latest"] = {"title": t("datasette.latest"), "description": t("datasette.latest.about")}
    return {
        "title": t("datasette.title"),
        "description": t("datasette.about"),
        "databases": {DATABASE: {
            "tables": tables,
            "queries": {
                name: {"title": t(f"datasette.query.{name}"), "description": t(f"datasette.query.{name}.about"),
                       "sql": sql}
                for name, sql in QUERIES.items()
            },
        }},
    }


def text(language: Language) -> str:
    return json.dumps(metadata(language), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> None:
    """`--write DIR` writes metadata-<lang>.json for every language; without it, English to stdout."""
    if argv[:1] == ["--write"] and len(argv) == 2:
        for code in LANGUAGES:
            (Path(argv[1]) / f"metadata-{code}.json").write_text(text(Language(code)), encoding="utf-8")
    else:
        sys.stdout.write(text(Language("en")))


if __name__ == "__main__":
    main(sys.argv[1:])
