"""Every problem code kitrack reports: one place for its level, wording and examples.

Codes are stable: scripts, CI annotations and SARIF rules refer to them. `docs/checks.md` is
generated from this registry (`python -m kitrack.checks.docs`), and `tests/fixtures/` holds a failing file
for each code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kitrack.domain.defaults import MAX_PER_FILE

Level = Literal["error", "warning"]
ERROR: Level = "error"  # fails the check
WARNING: Level = "warning"  # fails it only under --strict


@dataclass(frozen=True)
class Code:
    name: str
    level: Level
    group: str
    summary: str
    message: str  # a str.format template over the problem's parameters
    bad: str
    good: str
    hint: str | None = None


YAML, SCHEMA, REFERENCES, CONSISTENCY = "YAML", "Schema", "Across records", "Consistency"

CODES: dict[str, Code] = {}


def _code(
    name: str, level: Level, group: str, summary: str, message: str, bad: str, good: str, hint: str | None = None
) -> None:
    CODES[name] = Code(name, level, group, summary, message, bad.strip("\n"), good.strip("\n"), hint)


# --- YAML: the file as text -------------------------------------------------------------------
_code(
    "yaml-syntax", ERROR, YAML, "The file is not valid YAML.",
    "YAML syntax error: {detail}",
    "name: \"Kawasan Industri Ngawi\nstatus: planning",
    "name: \"Kawasan Industri Ngawi\"\nstatus: planning",
    hint="check quotes, brackets and indentation around this place",
)
_code(
    "duplicate-key", ERROR, YAML, "A key appears twice in the same mapping; YAML would silently keep one.",
    "duplicate key `{key}`: first at line {first_line}, again at line {again}",
    "area_ha: 563\narea_ha: 568",
    "area_ha: 568",
    hint="keep one; where sources disagree, record each figure as its own dated report",
)
_code(
    "yaml-alias", ERROR, YAML,
    "Anchors (`&a`) and aliases (`*a`) are refused: every value is written out where it applies.",
    "{what} `{name}` is not allowed: write the value out in full",
    "sources:\n  - &bisnis {id: bisnis-2023, url: https://bisnis.com/x}\n"
    "progress:\n  - {date: 2023-11-13, source: *bisnis}",
    "sources:\n  - {id: bisnis-2023, url: https://bisnis.com/x}\n"
    "progress:\n  - {date: 2023-11-13, source: bisnis-2023}",
)
_code(
    "yaml-tab", ERROR, YAML, "A tab in indentation; YAML indents with spaces only.",
    "tab character in indentation",
    "progress:\n\t- date: 2023-11-13",
    "progress:\n  - date: 2023-11-13",
    hint="replace the tab with spaces",
)
_code(
    "invalid-encoding", ERROR, YAML, "The file is not UTF-8 text (invalid bytes, NUL bytes or UTF-16).",
    "{detail}",
    "name: Kawasan Industri \\xe9 (a Latin-1 byte)",
    "name: Kawasan Industri é (saved as UTF-8)",
    hint="save the file as UTF-8",
)
_code(
    "empty-file", ERROR, YAML, "The file holds no data.",
    "the file is empty",
    "# nothing yet",
    "id: ki-ngawi\nname: Kawasan Industri Ngawi\n...",
    hint="fill in the record, or delete the file",
)
_code(
    "not-a-mapping", ERROR, YAML, "The top level of a record file must be a mapping of field names to values.",
    "the top level is {found}, not a mapping of fields",
    "- id: ki-ngawi\n  name: Kawasan Industri Ngawi",
    "id: ki-ngawi\nname: Kawasan Industri Ngawi",
)
_code(
    "multiple-documents", ERROR, YAML, "A file holds one record: a second `---` document is refused.",
    "a second YAML document starts here; a file holds one document",
    "id: ki-ngawi\n---\nid: ki-nganjuk",
    "id: ki-ngawi   # and ki-nganjuk in estates/ki-nganjuk.yaml",
    hint="move the second document to a file of its own",
)
_code(
    "yaml11-boolean", ERROR, YAML,
    "`yes`/`no`/`on`/`off` are text, not booleans, and are quoted where text is meant "
    "(YAML 1.1 tools read them as booleans); `true`/`false` are not text.",
    "{detail}",
    "psn: yes",
    "psn: true",
)
_code(
    "non-string-key", ERROR, YAML, "Field names are text; a number, boolean, null or collection as a key is refused.",
    "the key {key} is not text",
    "1: first phase",
    "phase_1: first phase   # or a quoted key: \"1\": first phase",
    hint="use a field name, or quote the key",
)
_code(
    "yaml-tag", ERROR, YAML, "Explicit tags such as `!!python/object` or `!!binary` are refused: the data is plain.",
    "the tag `{tag}` is not allowed",
    "name: !!python/object:os.system ls",
    "name: Kawasan Industri Gresik",
    hint="remove the tag",
)
_code(
    "unreadable-file", ERROR, YAML,
    "The file could not be read (permissions, a broken link, a directory named like a file).",
    "cannot read the file: {detail}",
    "estates/jiipe.yaml with mode 000",
    "estates/jiipe.yaml readable by the user running kitrack",
)
_code(
    "missing-file", ERROR, YAML, "`regions.yaml` and `agencies.yaml` must exist in the data directory.",
    "`{name}` is missing from the data directory",
    "data/ without agencies.yaml",
    "data/agencies.yaml with `agencies:` listing every agency",
)
_code(
    "too-many-problems", ERROR, YAML,
    f"A file has more than {MAX_PER_FILE} problems: the first {MAX_PER_FILE} are listed, then one line says how many"
    " more there are; it is a warning if all of those are.",
    "{errors} and {warnings} more in this file are not shown (at most {limit} problems are listed per file)",
    "# 105 reports pasted from a spreadsheet, none with its source\n"
    "progress:\n  - {date: 2017-12, occupied_ha: 60}\n  ...",
    "progress:\n  - {date: 2017-12, source: bps-2017, occupied_ha: 60}\n  ...",
    hint="fix the problems above and check again",
)
_code(
    "unexpected-file", WARNING, YAML,
    "A file kitrack does not read: a record in the wrong folder, or a wrong extension.",
    "kitrack does not read this file: {detail}",
    "data/jiipe.yaml",
    "data/estates/jiipe.yaml",
)

# --- Schema: each record against its model ------------------------------------------------------
_code(
    "missing-field", ERROR, SCHEMA, "A required field is absent; the position is the enclosing mapping.",
    "missing required field `{field}`",
    "id: ki-ngawi\nname: Kawasan Industri Ngawi\npsn: true",
    "id: ki-ngawi\nname: Kawasan Industri Ngawi\nstatus: planning\npsn: true",
)
_code(
    "wrong-type", ERROR, SCHEMA,
    "A value of the wrong type: text where a number is meant, a list where text is meant...",
    "expected {expected}, found {found}",
    "area_ha: \"245\"",
    "area_ha: 245",
)
_code(
    "unknown-field", ERROR, SCHEMA, "A field the record kind does not have, usually a typo.",
    "unknown field `{field}`",
    "regncy: kab-gresik",
    "regency: kab-gresik",
)
_code(
    "invalid-choice", ERROR, SCHEMA, "A value outside its enumeration; the message lists the allowed values.",
    "`{value}` is not one of: {allowed}",
    "status: operational",
    "status: operating",
)
_code(
    "invalid-id", ERROR, SCHEMA, "Ids and references are lowercase slugs: `[a-z0-9][a-z0-9-]*`, at most 64 characters.",
    "`{value}` is not a valid id: use lowercase letters, digits and hyphens",
    "id: KI_Ngawi",
    "id: ki-ngawi",
)
_code(
    "id-mismatch", ERROR, SCHEMA, "A record's `id` must equal its file name without `.yaml`.",
    "id `{id}` does not match the file name `{stem}.yaml`",
    "# estates/ki-ngawi.yaml\nid: ngawi",
    "# estates/ki-ngawi.yaml\nid: ki-ngawi",
    hint="rename the file or change the id",
)
_code(
    "invalid-date", ERROR, SCHEMA, "Dates are ISO: `2027`, `2027-06` or `2027-06-30`, and must exist.",
    "invalid date: {reason}",
    "target: 2026-02-30",
    "target: 2026-02-28",
)
_code(
    "invalid-value", ERROR, SCHEMA, "A value outside what the field allows: a negative area, a latitude past 90, NaN.",
    "{reason}",
    "area_ha: -5",
    "area_ha: 5",
)
_code(
    "moved-to-report", ERROR, SCHEMA,
    "A v1 top-level field (`status`, `target`, `funding`, `area_ha`, `budget_idr_bn`, `length_km`, `capacity_*`)"
    " now goes in a dated report, with the source that gives it.",
    "`{field}` is now given in dated reports, not at the top level",
    "id: ki-ngawi\nstatus: preparation\narea_ha: 1200",
    "id: ki-ngawi\nprogress:\n  - {date: 2023-01-11, source: bisnis-2023-01-11, status: preparation, area_ha: 1200}",
    hint="move it into `progress`: `- {{date: <date the source gives it for>, source: <source id>, {field}: {value}}}`",
)
_code(
    "renamed-field", ERROR, SCHEMA, "A v1 field has a new name: a project's `region` is now `regions`, a list.",
    "`{field}` is now `{new}`",
    "region: gerbangkertosusila",
    "regions: [gerbangkertosusila]",
    hint="write `{new}: [{value}]`",
)
_code(
    "section-nesting", ERROR, SCHEMA,
    "Sections nest one level: `within` names a phase, a section that is not itself within another.",
    "section `{id}` is within `{within}`, which is {parent}",
    "sections:\n  - {id: tahap-1, ...}\n  - {id: seksi-1, within: tahap-1, ...}\n"
    "  - {id: seksi-1a, within: seksi-1, ...}",
    "sections:\n  - {id: tahap-1, ...}\n  - {id: seksi-1, within: tahap-1, ...}\n"
    "  - {id: seksi-1a, within: tahap-1, ...}",
    hint="sections nest one level: phases, and sections `within` a phase",
)

# --- Across records --------------------------------------------------------------------------
_code(
    "duplicate-id", ERROR, REFERENCES, "Two records, sources or issues share an id.",
    "{what} id `{id}` is already used at {first}",
    "sources:\n  - {id: bisnis-2019, url: https://a}\n  - {id: bisnis-2019, url: https://b}",
    "sources:\n  - {id: bisnis-2019-07, url: https://a}\n  - {id: bisnis-2019-08, url: https://b}",
)
for _kind, _file, _bad, _good in (
    ("region", "regions.yaml", "region: gerbangkertosusilo", "region: gerbangkertosusila"),
    ("regency", "regions.yaml", "regency: kab-grsik", "regency: kab-gresik"),
    ("agency", "agencies.yaml", "owner: pupr", "owner: kementerian-pupr"),
    ("estate", "estates/", "serves: [jipe]", "serves: [jiipe]"),
    ("record", "estates/ or infrastructure/", "related: [tol-klb]", "related: [tol-klbm]"),
    ("source", "the record's `sources`", "progress:\n  - {date: 2023-11-13, source: bisnis}",
     "progress:\n  - {date: 2023-11-13, source: bisnis-2023-11-13}"),
):
    _code(
        f"unknown-{_kind}", ERROR, REFERENCES, f"A reference to a {_kind} id that is not defined in {_file}.",
        f"unknown {_kind} `{{id}}`", _bad, _good,
    )
_code(
    "regency-not-in-region", ERROR, REFERENCES,
    "The regency is listed under a different region than the record's (a project's: any of its `regions`).",
    "regency `{regency}` is in region `{actual}`, not `{region}`",
    "region: selingkar-wilis\nregency: kab-gresik",
    "region: gerbangkertosusila\nregency: kab-gresik",
)
_code(
    "unknown-section", ERROR, REFERENCES,
    "`within`, or a `record/section` reference, names a section the record does not have.",
    "unknown section `{id}` in `{record}`",
    "sections:\n  - {id: seksi-1, within: tahap-9, ...}",
    "sections:\n  - {id: seksi-1, within: tahap-1, ...}",
)

# --- Consistency --------------------------------------------------------------------------------
_code(
    "occupied-exceeds-area", ERROR, CONSISTENCY,
    "A report's occupied or available area is larger than the estate's total area.",
    "{field} {value} ha is larger than the total area {area} ha",
    "area_ha: 245\nprogress:\n  - {date: 2019-08, source: bisnis-2019, occupied_ha: 425}",
    "area_ha: 245\nprogress:\n  - {date: 2019-08, source: bisnis-2019, occupied_ha: 225}",
)
_code(
    "progress-order", ERROR, CONSISTENCY, "Progress reports are kept oldest first.",
    "report dated {date} comes after a report dated {previous}",
    "progress:\n  - {date: 2023, ...}\n  - {date: 2019, ...}",
    "progress:\n  - {date: 2019, ...}\n  - {date: 2023, ...}",
    hint="move the report to its place in date order",
)
_code(
    "percent-range", ERROR, CONSISTENCY, "A percentage outside 0–100.",
    "{field} {value} is outside 0–100",
    "percent: 112",
    "percent: 100",
)
_code(
    "percent-decrease", WARNING, CONSISTENCY,
    "Physical progress went down between two reports; usually a typo or a re-baselined project.",
    "{field} went down from {previous} ({previous_date}) to {value}",
    "progress:\n  - {date: 2025-01, percent: 80, ...}\n  - {date: 2025-06, percent: 70, ...}",
    "progress:\n  - {date: 2025-01, percent: 70, ...}\n  - {date: 2025-06, percent: 80, ...}",
    hint="if the project was re-scoped, say so in the report's `note`",
)
_code(
    "future-report", ERROR, CONSISTENCY, "A report dated after the as-of date (today unless `--as-of` is given).",
    "report dated {date} is after the as-of date {as_of}",
    "progress:\n  - {date: 2099-01-01, ...}",
    "progress:\n  - {date: 2025-01-01, ...}",
)
_code(
    "operating-unfinished", WARNING, CONSISTENCY, "A project marked `operating` whose latest report is below 100%.",
    "status is operating, but the latest report ({date}) says {percent}%",
    "status: operating\nprogress:\n  - {date: 2019-10, percent: 98.5, ...}",
    "status: operating\nprogress:\n  - {date: 2019-10, percent: 98.5, ...}\n  - {date: 2020-03, percent: 100, ...}",
)
_code(
    "missing-stage", ERROR, CONSISTENCY, "No report of the record, or of its sections, gives its stage (`status`).",
    "no report gives the stage (`status`) of `{id}`",
    "progress:\n  - {date: 2023-01-11, source: bisnis-2023-01-11, area_ha: 1200}",
    "progress:\n  - {date: 2023-01-11, source: bisnis-2023-01-11, status: preparation, area_ha: 1200}",
    hint="add `status: <stage>` to the report whose source states it",
)
_code(
    "stage-decrease", WARNING, CONSISTENCY,
    "A reported stage goes back between two reports (`operating` → `construction`).",
    "stage went back from {previous} ({previous_date}) to {value}",
    "progress:\n  - {date: 2020, status: operating, ...}\n  - {date: 2022-04, status: construction, ...}",
    "progress:\n  - {date: 2020, status: construction, ...}\n  - {date: 2022-04, status: operating, ...}",
    hint="if the sources disagree or the project was re-scoped, say so in the report's `note`",
)
_code(
    "sections-length", WARNING, CONSISTENCY,
    "The top-level sections add up to more than 5 % off the project's length; below 95 % the whole"
    " project's progress is not derived from them.",
    "the sections add up to {sections} km; the project is {length} km ({date})",
    "progress:\n  - {date: 2025-08, length_km: 175.4, ...}\n"
    "sections:\n  - {id: tahap-1, progress: [{length_km: 49.68, ...}]}",
    "... and a section `tahap-2` with its length (125.72 km) and stage",
    hint="list every section, phases not yet started too (with their stage), or correct a length",
)
_code(
    "psn-unsupported", WARNING, CONSISTENCY, "`psn: true`, but no `basis` item names a source that supports it.",
    "psn is true but no basis names a source",
    "psn: true\nbasis: [perpres-80-2019]",
    "psn: true\nbasis: [{id: perpres-80-2019, source: bisnis-2023-01-11}]",
    hint="cite it: `basis: [{{id: perpres-80-2019, source: <source id>}}]`, or write `psn: unknown`",
)
_code(
    "blog-only", WARNING, CONSISTENCY,
    "A value (a figure, the stage, the target, a location or a basis) rests only on sources of `kind: blog`.",
    "{field} {value} rests only on a blog ({source})",
    "sources:\n  - {id: kabar-2008, url: http://kabar.blogspot.com/x, kind: blog}\n"
    "progress:\n  - {date: 2008-08-05, source: kabar-2008, area_ha: 518}",
    "sources:\n  - {id: antara-2008, url: https://antaranews.com/x, kind: news}\n"
    "progress:\n  - {date: 2008-08-05, source: antara-2008, area_ha: 518}",
    hint="find an official, news, company or academic source that gives it, or keep it as a note",
)
_code(
    "overdue", WARNING, CONSISTENCY, "A target or milestone due date has passed and it is not done.",
    "{what} was due {due} and is not done",
    "target: 2022\nstatus: construction",
    "target: 2027\nstatus: construction",
)
_code(
    "issue-overdue", WARNING, CONSISTENCY, "An open issue is past its due date.",
    "open issue `{id}` was due {due}",
    "issues:\n  - {id: lahan, status: open, due: 2024-06, ...}",
    "issues:\n  - {id: lahan, status: resolved, resolved: 2024-05, due: 2024-06, ...}",
)
_code(
    "stale", WARNING, CONSISTENCY, "No report within the stale period (365 days unless `--stale-days` says otherwise).",
    "no report in the {days} days before {as_of} (latest: {latest})",
    "progress:\n  - {date: 2019-08, ...}",
    "progress:\n  - {date: 2019-08, ...}\n  - {date: 2026-10, ...}",
)
_code(
    "unsourced", WARNING, CONSISTENCY, "A record or report without a source: every figure must be traceable.",
    "{what} has no source",
    "progress:\n  - {date: 2023-11-13, tenants: 21}",
    "progress:\n  - {date: 2023-11-13, source: bisnis-2023-11-13, tenants: 21}",
)


# Indonesian wording of each message and hint, with the same {placeholders} (a test compares them).
INDONESIAN: dict[str, tuple[str, str | None]] = {
    "yaml-syntax": ("galat sintaks YAML: {detail}", "periksa tanda kutip, kurung dan indentasi di sekitar tempat ini"),
    "duplicate-key": (
        "kunci `{key}` ganda: pertama di baris {first_line}, lagi di baris {again}",
        "simpan satu; bila sumber berbeda, catat tiap angka sebagai laporan bertanggal tersendiri",
    ),
    "yaml-alias": ("{what} `{name}` tidak diizinkan: tulis nilainya secara lengkap", None),
    "yaml-tab": ("karakter tab dalam indentasi", "ganti tab dengan spasi"),
    "invalid-encoding": ("{detail}", "simpan berkas sebagai UTF-8"),
    "empty-file": ("berkas kosong", "isi datanya, atau hapus berkasnya"),
    "not-a-mapping": ("tingkat teratas berisi {found}, bukan pemetaan kolom", None),
    "multiple-documents": (
        "dokumen YAML kedua dimulai di sini; satu berkas berisi satu dokumen",
        "pindahkan dokumen kedua ke berkasnya sendiri",
    ),
    "yaml11-boolean": ("{detail}", None),
    "non-string-key": ("kunci {key} bukan teks", "gunakan nama kolom, atau beri tanda kutip pada kuncinya"),
    "yaml-tag": ("tag `{tag}` tidak diizinkan", "hapus tag tersebut"),
    "unreadable-file": ("berkas tidak dapat dibaca: {detail}", None),
    "missing-file": ("`{name}` tidak ada di direktori data", None),
    "too-many-problems": (
        "{errors} dan {warnings} lagi di berkas ini tidak ditampilkan (paling banyak {limit} masalah per berkas)",
        "perbaiki masalah di atas lalu periksa lagi",
    ),
    "unexpected-file": ("kitrack tidak membaca berkas ini: {detail}", None),
    "missing-field": ("kolom wajib `{field}` tidak ada", None),
    "wrong-type": ("seharusnya {expected}, ternyata {found}", None),
    "unknown-field": ("kolom `{field}` tidak dikenal", None),
    "invalid-choice": ("`{value}` bukan salah satu dari: {allowed}", None),
    "invalid-id": ("`{value}` bukan id yang sah: gunakan huruf kecil, angka dan tanda hubung", None),
    "id-mismatch": ("id `{id}` tidak sama dengan nama berkas `{stem}.yaml`", "ganti nama berkas atau ubah id-nya"),
    "invalid-date": ("tanggal tidak sah: {reason}", None),
    "invalid-value": ("{reason}", None),
    "duplicate-id": ("id {what} `{id}` sudah dipakai di {first}", None),
    "unknown-region": ("wilayah `{id}` tidak dikenal", None),
    "unknown-regency": ("kabupaten/kota `{id}` tidak dikenal", None),
    "unknown-agency": ("instansi `{id}` tidak dikenal", None),
    "unknown-estate": ("kawasan industri `{id}` tidak dikenal", None),
    "unknown-record": ("data `{id}` tidak dikenal", None),
    "unknown-source": ("sumber `{id}` tidak dikenal", None),
    "regency-not-in-region": ("kabupaten/kota `{regency}` ada di wilayah `{actual}`, bukan `{region}`", None),
    "moved-to-report": (
        "`{field}` kini dicatat dalam laporan bertanggal, bukan di tingkat teratas",
        "pindahkan ke `progress`: `- {{date: <tanggal menurut sumber>, source: <id sumber>, {field}: {value}}}`",
    ),
    "renamed-field": ("`{field}` kini bernama `{new}`", "tulis `{new}: [{value}]`"),
    "section-nesting": (
        "seksi `{id}` berada di dalam `{within}`, yang {parent}",
        "seksi bersarang satu tingkat saja: tahap, dan seksi `within` suatu tahap",
    ),
    "unknown-section": ("seksi `{id}` tidak dikenal di `{record}`", None),
    "missing-stage": (
        "tidak ada laporan yang menyebut tahap (`status`) `{id}`",
        "tambahkan `status: <tahap>` pada laporan yang sumbernya menyebutkannya",
    ),
    "stage-decrease": (
        "tahap mundur dari {previous} ({previous_date}) menjadi {value}",
        "bila sumber berbeda atau lingkup proyek berubah, jelaskan di `note` laporan",
    ),
    "sections-length": (
        "panjang seksi berjumlah {sections} km; proyek {length} km ({date})",
        "cantumkan setiap seksi, juga tahap yang belum dimulai (dengan tahapnya), atau perbaiki panjangnya",
    ),
    "blog-only": (
        "{field} {value} hanya bersandar pada blog ({source})",
        "cari sumber resmi, berita, perusahaan atau akademik yang menyebutnya, atau simpan sebagai catatan",
    ),
    "psn-unsupported": (
        "psn bernilai true tetapi tidak ada dasar hukum yang menyebut sumber",
        "sebutkan sumbernya: `basis: [{{id: perpres-80-2019, source: <id sumber>}}]`, atau tulis `psn: unknown`",
    ),
    "occupied-exceeds-area": ("{field} {value} ha lebih besar dari luas total {area} ha", None),
    "progress-order": (
        "laporan bertanggal {date} datang setelah laporan bertanggal {previous}",
        "pindahkan laporan ke tempatnya menurut urutan tanggal",
    ),
    "percent-range": ("{field} {value} di luar 0–100", None),
    "percent-decrease": (
        "{field} turun dari {previous} ({previous_date}) menjadi {value}",
        "bila lingkup proyek berubah, jelaskan di `note` laporan",
    ),
    "future-report": ("laporan bertanggal {date} melewati tanggal acuan {as_of}", None),
    "operating-unfinished": ("status beroperasi, tetapi laporan terakhir ({date}) menyebut {percent}%", None),
    "overdue": ("{what} jatuh tempo {due} dan belum selesai", None),
    "issue-overdue": ("kendala terbuka `{id}` jatuh tempo {due}", None),
    "stale": ("tidak ada laporan dalam {days} hari sebelum {as_of} (terakhir: {latest})", None),
    "unsourced": ("{what} tidak punya sumber", None),
}


def wording(name: str, language: str) -> tuple[str, str | None]:
    """The message template and hint of a code in a language."""
    code = CODES[name]
    if language == "id":
        return INDONESIAN[name]
    return code.message, code.hint
