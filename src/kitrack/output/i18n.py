"""Every user-facing label, in English and Indonesian, and numbers and dates in each language.

A `Language` words output: `Language("id").t("status.title", as_of=...)`. The command line chooses it
once, from `--lang`, else `KITRACK_LANG`, else the locale (`id_ID.UTF-8` -> Indonesian), else English
(`Language.chosen`), and passes it to the reporters. Renderers that do not take one yet ask
`current()`, the language of the `speaking(...)` block they run in (English outside any). A test
fails if a label is missing in either language or if the two disagree on their `{placeholders}`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kitrack.domain import text
from kitrack.domain.problems import Date, Number, Param, Term
from kitrack.output.languages import LANGUAGES, Code, detect_language

if TYPE_CHECKING:
    from kitrack.domain.models import TextValue

MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    "id": [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ],
}

LABELS: dict[str, dict[str, str]] = {
    # record kinds and enumerations
    "kind.estates": {"en": "Estates", "id": "Kawasan industri"},
    "kind.infrastructure": {"en": "Infrastructure", "id": "Infrastruktur"},
    "kind.regions": {"en": "Regions", "id": "Wilayah"},
    "kind.agencies": {"en": "Agencies", "id": "Instansi"},
    "kind.meetings": {"en": "Meetings", "id": "Rapat"},
    "kind.estate": {"en": "estate", "id": "kawasan industri"},
    "kind.project": {"en": "infrastructure project", "id": "proyek infrastruktur"},
    "kind.region": {"en": "region", "id": "wilayah"},
    "kind.agency": {"en": "agency", "id": "instansi"},
    "kind.meeting": {"en": "meeting", "id": "rapat"},
    "status.planning": {"en": "planning", "id": "perencanaan"},
    "status.preparation": {"en": "preparation", "id": "penyiapan"},
    "status.transaction": {"en": "transaction", "id": "transaksi"},
    "status.construction": {"en": "construction", "id": "konstruksi"},
    "status.partially-operating": {"en": "partially operating", "id": "beroperasi sebagian"},
    "status.operating": {"en": "operating", "id": "beroperasi"},
    "issue.open": {"en": "open", "id": "terbuka"},
    "issue.resolved": {"en": "resolved", "id": "selesai"},
    "decision.open": {"en": "open", "id": "terbuka"},
    "decision.done": {"en": "done", "id": "selesai"},
    "decision.dropped": {"en": "dropped", "id": "dibatalkan"},
    "decision.carried": {"en": "carried forward", "id": "dilanjutkan"},
    "col.state": {"en": "State", "id": "Keadaan"},
    "col.closed": {"en": "Closed", "id": "Ditutup"},
    "col.number": {"en": "No.", "id": "No."},
    "col.item": {"en": "Item", "id": "Butir"},
    "projkind.road": {"en": "road", "id": "jalan"},
    "projkind.toll-road": {"en": "toll road", "id": "jalan tol"},
    "projkind.rail": {"en": "rail", "id": "kereta api"},
    "projkind.port": {"en": "port", "id": "pelabuhan"},
    "projkind.airport": {"en": "airport", "id": "bandara"},
    "projkind.water": {"en": "water", "id": "air bersih"},
    "projkind.gas": {"en": "gas", "id": "gas"},
    "projkind.power": {"en": "power", "id": "listrik"},
    "projkind.other": {"en": "other", "id": "lainnya"},
    # column headings
    "col.id": {"en": "ID", "id": "ID"},
    "col.name": {"en": "Name", "id": "Nama"},
    "col.status": {"en": "Status", "id": "Status"},
    "col.psn": {"en": "PSN", "id": "PSN"},
    "col.basis": {"en": "Basis", "id": "Dasar hukum"},
    "col.region": {"en": "Region", "id": "Wilayah"},
    "col.regency": {"en": "Regency", "id": "Kab./Kota"},
    "col.regencies": {"en": "Regencies", "id": "Kab./Kota"},
    "col.operator": {"en": "Operator", "id": "Pengelola"},
    "col.owner": {"en": "Owner", "id": "Penanggung jawab"},
    "col.kind": {"en": "Kind", "id": "Jenis"},
    "col.type": {"en": "Type", "id": "Jenis"},
    "col.funding": {"en": "Funding", "id": "Pendanaan"},
    "col.area_ha": {"en": "Area (ha)", "id": "Luas (ha)"},
    "col.occupied_ha": {"en": "Occupied (ha)", "id": "Terisi (ha)"},
    "col.available_ha": {"en": "Available (ha)", "id": "Tersedia (ha)"},
    "col.capacity_lps": {"en": "Capacity (l/s)", "id": "Kapasitas (l/detik)"},
    "col.capacity_mmscfd": {"en": "Capacity (MMSCFD)", "id": "Kapasitas (MMSCFD)"},
    "col.capacity_mtpa": {"en": "Capacity (Mt/year)", "id": "Kapasitas (juta ton/tahun)"},
    "col.source_title": {"en": "Title", "id": "Judul"},
    "col.operating_km": {"en": "In operation (km)", "id": "Beroperasi (km)"},
    "col.operating_lps": {"en": "In operation (l/s)", "id": "Beroperasi (l/detik)"},
    "col.operating_mmscfd": {"en": "In operation (MMSCFD)", "id": "Beroperasi (MMSCFD)"},
    "col.operating_mtpa": {"en": "In operation (Mt/year)", "id": "Beroperasi (juta ton/tahun)"},
    "col.throughput_mt": {"en": "Throughput (Mt)", "id": "Arus barang (juta ton)"},
    "col.regions": {"en": "Regions", "id": "Wilayah"},
    "col.regency_code": {"en": "Regency code", "id": "Kode wilayah"},
    "col.code": {"en": "Code", "id": "Kode"},
    "col.location_precision": {"en": "Location precision", "id": "Ketepatan lokasi"},
    "col.location": {"en": "Location", "id": "Lokasi"},
    "col.status_derived": {"en": "Status derived", "id": "Status diturunkan"},
    "col.percent_derived": {"en": "Progress derived", "id": "Progres diturunkan"},
    "col.target_slip_months": {"en": "Slip (months)", "id": "Mundur (bulan)"},
    "col.sections": {"en": "Sections", "id": "Seksi"},
    "col.section": {"en": "Section", "id": "Seksi"},
    "col.within": {"en": "Within", "id": "Bagian dari"},
    "col.history": {"en": "Target history", "id": "Riwayat target"},
    "col.stage": {"en": "Stage", "id": "Tahap"},
    "col.occupancy_percent": {"en": "Occupancy", "id": "Okupansi"},
    "col.tenants": {"en": "Tenants", "id": "Tenant"},
    "col.investment_idr_bn": {"en": "Investment (Rp bn)", "id": "Investasi (Rp miliar)"},
    "col.latest_report": {"en": "Latest report", "id": "Laporan terakhir"},
    "col.area_reported": {"en": "Area reported", "id": "Luas dilaporkan"},
    "col.percent": {"en": "Progress", "id": "Progres"},
    "col.land_percent": {"en": "Land", "id": "Lahan"},
    "col.change": {"en": "Change", "id": "Perubahan"},
    "col.target": {"en": "Target", "id": "Target"},
    "col.budget_idr_bn": {"en": "Budget (Rp bn)", "id": "Anggaran (Rp miliar)"},
    "col.length_km": {"en": "Length (km)", "id": "Panjang (km)"},
    "col.serves": {"en": "Serves", "id": "Melayani"},
    "col.record": {"en": "Record", "id": "Data"},
    "col.title": {"en": "Issue", "id": "Kendala"},
    "col.raised": {"en": "Raised", "id": "Dilaporkan"},
    "col.due": {"en": "Due", "id": "Tenggat"},
    "col.done": {"en": "Done", "id": "Selesai"},
    "col.related": {"en": "Related", "id": "Terkait"},
    "col.priority": {"en": "Priority", "id": "Prioritas"},
    "col.regency_count": {"en": "Regencies", "id": "Kab./Kota"},
    "col.estate_count": {"en": "Estates", "id": "Kawasan"},
    "col.project_count": {"en": "Projects", "id": "Proyek"},
    "col.sectors": {"en": "Sectors", "id": "Sektor"},
    "col.chair": {"en": "Chair", "id": "Pimpinan rapat"},
    "col.attendees": {"en": "Attendees", "id": "Peserta"},
    "col.members_verified": {"en": "Members verified", "id": "Anggota terverifikasi"},
    "col.short": {"en": "Short", "id": "Singkatan"},
    "col.what": {"en": "What", "id": "Apa"},
    "col.projected": {"en": "Projected", "id": "Proyeksi selesai"},
    "col.pace": {"en": "Pace (pts/month)", "id": "Laju (poin/bulan)"},
    "col.date": {"en": "Date", "id": "Tanggal"},
    "col.source": {"en": "Source", "id": "Sumber"},
    "col.figures": {"en": "Figures", "id": "Angka"},
    "col.url": {"en": "Address", "id": "Alamat"},
    "col.publisher": {"en": "Publisher", "id": "Penerbit"},
    "col.milestone": {"en": "Milestone", "id": "Tahapan"},
    "col.reason": {"en": "Why", "id": "Alasan"},
    "col.overdue_days": {"en": "Days late", "id": "Hari terlambat"},
    "col.open_issues": {"en": "Open issues", "id": "Kendala terbuka"},
    "col.reports": {"en": "Reports", "id": "Laporan"},
    "col.unsourced_reports": {"en": "Reports without a source", "id": "Laporan tanpa sumber"},
    "col.record_kind": {"en": "Record kind", "id": "Jenis data"},
    "col.position": {"en": "No.", "id": "No."},
    "col.overdue": {"en": "Overdue", "id": "Lewat tenggat"},
    "col.note": {"en": "Note", "id": "Catatan"},
    # status board
    "status.title": {
        "en": "Industrial estates and infrastructure — as of {as_of}",
        "id": "Kawasan industri dan infrastruktur — per {as_of}",
    },
    "status.since": {"en": "Changes since {since} ({why})", "id": "Perubahan sejak {since} ({why})"},
    "status.since.meeting": {"en": "the meeting `{meeting}`", "id": "rapat `{meeting}`"},
    "status.since.default": {"en": "30 days earlier", "id": "30 hari sebelumnya"},
    "status.since.given": {"en": "as asked", "id": "sesuai permintaan"},
    "status.since.revision": {"en": "Changes since git revision `{rev}`", "id": "Perubahan sejak revisi git `{rev}`"},
    "status.region": {"en": "Region: {region}", "id": "Wilayah: {region}"},
    "status.headline": {
        "en": (
            "{estates} estates: {operating} operating, {planned} planned (PSN: {confirmed} confirmed, "
            "{unconfirmed} unconfirmed, {not_psn} not){unknown} · {projects} infrastructure projects (PSN: "
            "{projects_confirmed} confirmed, {projects_unconfirmed} unconfirmed, {projects_not} not)"
        ),
        "id": (
            "{estates} kawasan: {operating} beroperasi, {planned} direncanakan (PSN: {confirmed} pasti, "
            "{unconfirmed} belum pasti, {not_psn} bukan){unknown} · {projects} proyek infrastruktur (PSN: "
            "{projects_confirmed} pasti, {projects_unconfirmed} belum pasti, {projects_not} bukan)"
        ),
    },
    "status.stage_unknown_count": {"en": ", {count} stage unknown", "id": ", {count} tahap belum diketahui"},
    "status.slipped": {"en": "Slipped targets", "id": "Target mundur"},
    "status.derived_legend": {
        "en": "≈ derived from the sections, weighted by length; not reported",
        "id": "≈ diturunkan dari seksi, dibobot menurut panjang; bukan angka laporan",
    },
    "status.stage_unknown": {"en": "stage unknown", "id": "tahap belum diketahui"},
    "psn.unknown": {"en": "unknown", "id": "belum pasti"},
    "text.fallback.id": {
        "en": "[ID] not available in English; shown in Indonesian",
        "id": "[ID] ditampilkan dalam bahasa Indonesia",
    },
    "text.fallback.en": {
        "en": "[EN] shown in English",
        "id": "[EN] tidak tersedia dalam bahasa Indonesia; ditampilkan dalam bahasa Inggris",
    },
    "precision.site": {"en": "site", "id": "tapak"},
    "precision.area": {"en": "near the site", "id": "sekitar kawasan"},
    "precision.town": {"en": "town centre", "id": "pusat kota"},
    "precision.regency": {"en": "regency seat", "id": "ibu kota kabupaten"},
    "slip.later_years": {"en": "+{count} years", "id": "mundur {count} tahun"},
    "slip.later_year": {"en": "+1 year", "id": "mundur 1 tahun"},
    "slip.later_months": {"en": "+{count} months", "id": "mundur {count} bulan"},
    "slip.later_month": {"en": "+1 month", "id": "mundur 1 bulan"},
    "slip.earlier_years": {"en": "−{count} years", "id": "maju {count} tahun"},
    "slip.earlier_year": {"en": "−1 year", "id": "maju 1 tahun"},
    "slip.earlier_months": {"en": "−{count} months", "id": "maju {count} bulan"},
    "slip.earlier_month": {"en": "−1 month", "id": "maju 1 bulan"},
    "slip.line": {"en": "target {history}, {slip}", "id": "target {history}, {slip}"},
    "status.counts": {"en": "Counts by status", "id": "Jumlah menurut status"},
    "status.by_region": {"en": "Counts by region", "id": "Jumlah menurut wilayah"},
    "status.estates": {"en": "Estates", "id": "Kawasan industri"},
    "status.infrastructure": {"en": "Infrastructure", "id": "Infrastruktur"},
    "status.overdue": {"en": "Overdue", "id": "Lewat tenggat"},
    "status.at_risk": {"en": "At risk", "id": "Berisiko terlambat"},
    "status.left_out_more": {"en": "and {count} more", "id": "dan {count} lainnya"},
    "status.too_few": {"en": "Too few reports to project", "id": "Laporan terlalu sedikit untuk proyeksi"},
    "status.issues": {
        "en": "Open issues by the agency that must act",
        "id": "Kendala terbuka menurut instansi yang harus bertindak",
    },
    "status.stale": {"en": "Stale or unsourced", "id": "Belum diperbarui atau tanpa sumber"},
    # the meeting cycle: open decisions and what changed since the last meeting
    "col.agency": {"en": "Agency", "id": "Instansi"},
    "col.meeting": {"en": "Meeting", "id": "Rapat"},
    "col.decision": {"en": "Decision", "id": "Keputusan"},
    "col.days_left": {"en": "Days", "id": "Hari"},
    "col.carried_from": {"en": "Carried from", "id": "Lanjutan dari"},
    "noun.day": {"en": "day|days", "id": "hari"},
    "cycle.decisions": {"en": "Open decisions", "id": "Keputusan yang belum selesai"},
    "cycle.closed": {
        "en": "Decisions closed since then: {done} done, {dropped} dropped",
        "id": "Keputusan yang ditutup sejak itu: {done} selesai, {dropped} dibatalkan",
    },
    "cycle.left": {"en": "{days} left", "id": "sisa {days}"},
    "cycle.late": {"en": "{days} late", "id": "terlambat {days}"},
    "cycle.today": {"en": "due today", "id": "tenggat hari ini"},
    "cycle.since.meeting": {"en": "Since the last meeting ({date})", "id": "Sejak rapat terakhir ({date})"},
    "cycle.since.date": {"en": "Since {date}", "id": "Sejak {date}"},
    "cycle.since.revision": {"en": "Since git revision `{rev}`", "id": "Sejak revisi git `{rev}`"},
    "cycle.nothing": {"en": "nothing changed", "id": "tidak ada yang berubah"},
    "since.record-added": {"en": "New record: {name} (`{record}`).", "id": "Data baru: {name} (`{record}`)."},
    "since.report.one": {
        "en": "{name}: a new report ({date}): {figures}.",
        "id": "{name}: satu laporan baru ({date}): {figures}.",
    },
    "since.report.many": {
        "en": "{name}: {count} new reports, the latest {date}: {figures}.",
        "id": "{name}: {count} laporan baru, terakhir {date}: {figures}.",
    },
    "agenda.wrote": {"en": "Wrote {path} (the agenda of {date})", "id": "Berkas ditulis: {path} (agenda rapat {date})"},
    "agenda.title": {
        "en": "Draft agenda: coordination meeting of {date}",
        "id": "Rancangan agenda: rapat koordinasi {date}",
    },
    "agenda.draft": {
        "en": "Drafted by kitrack from the data as of {as_of}; {since}. A draft: edit it before it goes round.",
        "id": "Disusun kitrack dari data per {as_of}; {since}. Ini rancangan: sunting sebelum diedarkan.",
    },
    "agenda.since.meeting": {
        "en": "the last meeting was `{meeting}` ({date})",
        "id": "rapat terakhir `{meeting}` ({date})",
    },
    "agenda.since.date": {"en": "compared with {date}", "id": "dibandingkan dengan {date}"},
    "agenda.opening": {"en": "Opening; the minutes of the last meeting", "id": "Pembukaan; notulen rapat sebelumnya"},
    "agenda.decisions": {
        "en": "Decisions due or overdue, by owner",
        "id": "Keputusan yang mencapai atau melewati tenggat, menurut penanggung jawab",
    },
    "agenda.late": {
        "en": "Projects at risk, with slipped targets or past them",
        "id": "Proyek berisiko terlambat, targetnya mundur atau terlewati",
    },
    "agenda.issues": {
        "en": "Open issues, by the agency that must act",
        "id": "Kendala terbuka, menurut instansi yang harus bertindak",
    },
    "agenda.silent": {
        "en": "No report since the last meeting: whom to ask",
        "id": "Belum ada laporan sejak rapat terakhir: siapa yang ditanya",
    },
    "agenda.other": {"en": "Other business", "id": "Lain-lain"},
    "agenda.close": {"en": "Decisions of this meeting and closing", "id": "Keputusan rapat ini dan penutup"},
    "agenda.minutes": {"en": "Minutes:", "id": "Catatan:"},
    "agenda.no_owner": {"en": "No owner named", "id": "Tanpa penanggung jawab"},
    "agenda.decision_item": {"en": "{text} (`{decision}`){due}", "id": "{text} (`{decision}`){due}"},
    "agenda.due": {"en": ", due {date} ({days})", "id": ", tenggat {date} ({days})"},
    "agenda.at_risk_item": {
        "en": "{name} (`{id}`): {percent}; at this pace done {projected}, target {target}",
        "id": "{name} (`{id}`): {percent}; dengan laju ini selesai {projected}, target {target}",
    },
    "agenda.slipped_item": {"en": "{name} (`{id}`): {slip}", "id": "{name} (`{id}`): {slip}"},
    "agenda.target_item": {
        "en": "{name} (`{id}`): target {target} passed {days} ago",
        "id": "{name} (`{id}`): target {target} terlewati {days} lalu",
    },
    "agenda.issue_item": {
        "en": "{title} (`{record}/{id}`, raised {raised}){due}",
        "id": "{title} (`{record}/{id}`, dilaporkan {raised}){due}",
    },
    "agenda.issue_due": {"en": ", due {date}", "id": ", tenggat {date}"},
    "agenda.never_item": {
        "en": "{name} (`{record}`): no report yet", "id": "{name} (`{record}`): belum pernah ada laporan",
    },
    "agenda.silent_item": {
        "en": "{name} (`{record}`): latest report {date}",
        "id": "{name} (`{record}`): laporan terakhir {date}",
    },
    "since.report.edited": {
        "en": "{name}: a report edited ({date}): {figures}.", "id": "{name}: laporan diubah ({date}): {figures}.",
    },
    "since.also_edited": {"en": "An earlier report was edited too.", "id": "Laporan sebelumnya juga diubah."},
    "since.section": {"en": "{name}, {section}", "id": "{name}, {section}"},
    "since.no_figures": {"en": "no figure changed", "id": "tidak ada angka yang berubah"},
    "since.moved": {"en": "{figure} {old} → {new}", "id": "{figure} {old} → {new}"},
    "since.first": {"en": "{figure} {new} (first figure)", "id": "{figure} {new} (angka pertama)"},
    "since.stage": {"en": "{name}: stage {old} → {new}.", "id": "{name}: tahap {old} → {new}."},
    "since.stage_first": {
        "en": "{name}: stage {new} (first reported).", "id": "{name}: tahap {new} (laporan pertama).",
    },
    "since.target_first": {
        "en": "{name}: target {new} (first reported).", "id": "{name}: target {new} (laporan pertama).",
    },
    "since.target": {"en": "{name}: target {old} → {new}.", "id": "{name}: target {old} → {new}."},
    "since.milestone-done": {
        "en": "{name}: milestone “{item}” reached ({date}).", "id": "{name}: tahapan “{item}” tercapai ({date}).",
    },
    "since.issue-raised": {
        "en": "{name}: issue `{item}` raised ({date}): {text}.",
        "id": "{name}: kendala `{item}` dilaporkan ({date}): {text}.",
    },
    "since.issue-resolved": {
        "en": "{name}: issue `{item}` resolved ({date}).", "id": "{name}: kendala `{item}` selesai ({date}).",
    },
    "status.none": {"en": "none", "id": "tidak ada"},
    "status.none_projected": {
        "en": "none could be projected: {count} projects have fewer than two reports",
        "id": "tidak ada yang dapat diproyeksikan: {count} proyek memiliki kurang dari dua laporan",
    },
    "check.scope": {
        "en": "Checked {scope}; {errors} and {warnings} in the rest of the data are not listed (run `kitrack check`).",
        "id": "Yang diperiksa: {scope}; {errors} dan {warnings} di bagian data lainnya tidak ditampilkan "
        "(jalankan `kitrack check`).",
    },
    "check.scope_changed": {
        "en": "the {files} changed since {rev}, and what the changes caused elsewhere",
        "id": "{files} yang berubah sejak {rev}, dan akibat perubahan itu di tempat lain",
    },
    "check.scope_paths": {"en": "only {paths}", "id": "hanya {paths}"},
    "list.none": {"en": "No rows match.", "id": "Tidak ada baris yang cocok."},
    "status.missing": {"en": "—", "id": "—"},
    "status.new": {"en": "new", "id": "baru"},
    "status.points": {"en": "{change} pts", "id": "{change} poin"},
    "overdue.target": {"en": "target", "id": "target"},
    "overdue.milestone": {"en": "milestone", "id": "tahapan"},
    "overdue.issue": {"en": "issue", "id": "kendala"},
    "overdue.decision": {"en": "decision", "id": "keputusan"},
    "stale.no_report": {"en": "no report at all", "id": "belum ada laporan"},
    "stale.latest": {"en": "no report in {days} days", "id": "tidak ada laporan dalam {days} hari terakhir"},
    "stale.unsourced": {"en": "no source", "id": "tanpa sumber"},
    "stale.unsourced_reports": {"en": "reports without a source", "id": "laporan tanpa sumber"},
    # the meeting brief (kitrack report)
    "brief.title": {"en": "Meeting brief — as of {as_of}", "id": "Bahan rapat koordinasi — per {as_of}"},
    "brief.card.operating": {"en": "operating estates", "id": "kawasan beroperasi"},
    "brief.card.planned": {"en": "planned estates", "id": "kawasan yang direncanakan"},
    "brief.card.projects": {"en": "infrastructure projects", "id": "proyek infrastruktur"},
    "brief.card.overdue": {"en": "items overdue", "id": "butir lewat tenggat"},
    "brief.card.at_risk": {"en": "projects at risk", "id": "proyek berisiko terlambat"},
    "brief.card.slipped": {"en": "targets slipped", "id": "target mundur"},
    "brief.card.act": {"en": "open issues and decisions", "id": "kendala dan keputusan terbuka"},
    "brief.map": {"en": "Where the estates and projects are", "id": "Lokasi kawasan dan proyek"},
    "brief.map.caption": {
        "en": "East Java: coastline from Natural Earth (public domain); colour: stage; shape: kind.",
        "id": "Jawa Timur: garis pantai dari Natural Earth (domain publik); warna: tahap; bentuk: jenis.",
    },
    "brief.map.none": {
        "en": "No record in this brief has a location yet: the map shows the coast only.",
        "id": "Belum ada data dalam bahan ini yang memiliki lokasi: peta hanya menampilkan garis pantai.",
    },
    "brief.map.estate": {"en": "estate", "id": "kawasan industri"},
    "brief.map.project": {"en": "infrastructure project", "id": "proyek infrastruktur"},
    "brief.map.site": {"en": "solid: on the site itself", "id": "penuh: tepat di tapaknya"},
    "brief.map.area": {
        "en": "ringed: near the site (same village or district)",
        "id": "bercincin: dekat tapak (desa atau kecamatan yang sama)",
    },
    "brief.map.centre": {
        "en": "hollow, labelled: a town or regency centre standing for the place, not its site",
        "id": "kosong, berlabel: pusat kota atau kabupaten sebagai pengganti, bukan tapaknya",
    },
    "brief.map.regions": {
        "en": (
            "shaded: around the located records of each priority region; no open regency boundaries exist, "
            "so this is where the region's records are, not where the region ends"
        ),
        "id": (
            "arsiran: sekitar data berlokasi di tiap wilayah prioritas; batas kabupaten terbuka tidak tersedia, "
            "jadi ini letak data wilayah itu, bukan batas wilayahnya"
        ),
    },
    "brief.map.outside": {
        "en": "Outside this map of East Java: {count} — {ids}",
        "id": "Di luar peta Jawa Timur ini: {count} — {ids}",
    },
    "brief.map.unlabelled": {
        "en": "{count} records on the map: above {limit}, centres are not labelled, so that the map stays readable.",
        "id": "{count} data di peta: di atas {limit}, pusat tidak diberi label agar peta tetap terbaca.",
    },
    "brief.map.unlocated": {
        "en": "Not on the map (no location): {count} — {ids}",
        "id": "Tidak di peta (tanpa lokasi): {count} — {ids}",
    },
    "brief.act": {"en": "Who must act", "id": "Siapa yang harus bertindak"},
    "brief.act.note": {
        "en": "Open issues and meeting decisions not yet done, by the agency responsible; overdue first.",
        "id": (
            "Kendala terbuka dan keputusan rapat yang belum selesai, menurut instansi penanggung jawab; yang lewat "
            "tenggat lebih dulu."
        ),
    },
    "brief.charts": {"en": "Progress against target", "id": "Progres terhadap target"},
    "brief.charts.done": {
        "en": "Finished: in operation, or reported at 100%",
        "id": "Selesai: sudah beroperasi, atau dilaporkan 100%",
    },
    "brief.charts.none": {
        "en": "No project has a reported physical progress figure.",
        "id": "Belum ada proyek dengan angka progres fisik yang dilaporkan.",
    },
    "brief.charts.more": {
        "en": (
            "{count} more projects with progress figures are not charted (at most {limit}: at risk, then slipped, then "
            "changed, then the latest reported): {ids}"
        ),
        "id": (
            "{count} proyek lain dengan angka progres tidak digambar (paling banyak {limit}: berisiko, lalu target "
            "mundur, lalu berubah, lalu laporan terbaru): {ids}"
        ),
    },
    "brief.reason.at-risk": {"en": "at risk", "id": "berisiko terlambat"},
    "brief.reason.slipped": {"en": "target slipped", "id": "target mundur"},
    "brief.reason.changed": {"en": "changed since the last meeting", "id": "berubah sejak rapat terakhir"},
    "brief.reason.reported": {"en": "reported", "id": "dilaporkan"},
    "brief.chart.latest": {"en": "{percent} on {date}", "id": "{percent} pada {date}"},
    "brief.chart.targets": {"en": "target {targets}", "id": "target {targets}"},
    "brief.chart.inherited": {"en": "target {target} (the project's)", "id": "target {target} (milik proyek)"},
    "brief.timeline": {"en": "Milestones and targets", "id": "Tahapan dan target"},
    "brief.timeline.caption": {
        "en": (
            "One row per record: overdue first, then the soonest due (at most 20 rows); the grey line is the date of "
            "the brief."
        ),
        "id": (
            "Satu baris per data: yang lewat tenggat lebih dulu, lalu tenggat terdekat (paling banyak 20 baris); garis "
            "abu-abu adalah tanggal bahan ini."
        ),
    },
    "brief.timeline.none": {
        "en": "No milestone or target has a date.",
        "id": "Tidak ada tahapan atau target yang bertanggal.",
    },
    "brief.changes": {"en": "What changed since {since}", "id": "Yang berubah sejak {since}"},
    "brief.change.milestone": {"en": "milestone done", "id": "tahapan tercapai"},
    "brief.change.raised": {"en": "issue raised", "id": "kendala dilaporkan"},
    "brief.change.resolved": {"en": "issue resolved", "id": "kendala selesai"},
    "brief.sources": {"en": "Sources", "id": "Sumber"},
    "brief.print_tables": {
        "en": "The complete tables of the estates and projects, the counts by region and the titles of the sources "
        "are in the page on screen and in the Word version of this brief; the printed brief leaves them out.",
        "id": "Tabel lengkap kawasan dan proyek, jumlah menurut wilayah, dan judul sumber ada di halaman layar dan "
        "di versi Word bahan ini; bahan cetak tidak memuatnya.",
    },
    "brief.sources.note": {
        "en": "Every figure in this brief comes from a dated report that names one of these sources.",
        "id": "Setiap angka dalam bahan ini berasal dari laporan bertanggal yang menyebut salah satu sumber ini.",
    },
    "brief.footer": {
        "en": "Made by kitrack {version} from the data as of {as_of}. Missing figures are shown as —, never as 0.",
        "id": "Dibuat oleh kitrack {version} dari data per {as_of}. Angka yang tidak ada ditampilkan —, bukan 0.",
    },
    "chart.reported": {"en": "reported progress", "id": "progres dilaporkan"},
    "chart.projection": {"en": "at the recent pace", "id": "dengan laju terakhir"},
    "chart.projected": {"en": "100% by {date}", "id": "100% pada {date}"},
    "chart.target": {"en": "target {date}", "id": "target {date}"},
    "chart.slip_years": {"en": "target +{years} yr", "id": "target mundur {years} th"},
    "chart.slip_months": {"en": "target +{months} mo", "id": "target mundur {months} bln"},
    "chart.item.done": {"en": "milestone done", "id": "tahapan tercapai"},
    "chart.item.due": {"en": "milestone due", "id": "tahapan berjalan"},
    "chart.item.overdue": {"en": "overdue", "id": "lewat tenggat"},
    "chart.item.target": {"en": "target", "id": "target"},
    "col.value": {"en": "Value", "id": "Nilai"},
    "report.wrote": {"en": "wrote {path} ({format})", "id": "berkas ditulis: {path} ({format})"},
    "report.stdout_format": {
        "en": "only html can go to standard output; give --output FILE for {format}",
        "id": "hanya html yang dapat ke keluaran standar; berikan --output BERKAS untuk {format}",
    },
    "report.no_chromium": {
        "en": (
            "a PDF is printed by Chromium, which is not installed: install it (apt-get install chromium) or set "
            "KITRACK_CHROMIUM to its path; html and docx need no browser"
        ),
        "id": (
            "PDF dicetak oleh Chromium, yang belum terpasang: pasang (apt-get install chromium) atau isi "
            "KITRACK_CHROMIUM dengan lokasinya; html dan docx tidak memerlukan peramban"
        ),
    },
    "report.chromium_failed": {
        "en": "Chromium could not print the PDF: {reason}",
        "id": "Chromium gagal mencetak PDF: {reason}",
    },
    # Datasette metadata of the SQLite export (kitrack.export.datasette)
    "datasette.title": {
        "en": "kitrack: industrial estates and their infrastructure",
        "id": "kitrack: kawasan industri dan infrastrukturnya",
    },
    "datasette.about": {
        "en": (
            "The data of kitrack, exported as of one date: estates, infrastructure projects, their dated and "
            "sourced reports, milestones, issues and sources. Dates are ISO text as the source gave them (2027, "
            "2027-06, 2027-06-30); lists are JSON arrays."
        ),
        "id": (
            "Data kitrack, diekspor per satu tanggal: kawasan industri, proyek infrastruktur, laporan bertanggal "
            "dan bersumber, tahapan, kendala dan sumbernya. Tanggal berupa teks ISO seperti dari sumbernya (2027, "
            "2027-06, 2027-06-30); daftar berupa larik JSON."
        ),
    },
    "datasette.estates": {"en": "Industrial estates", "id": "Kawasan industri"},
    "datasette.estates.about": {
        "en": "One row per estate, with its latest reported figures as of the export's date.",
        "id": "Satu baris per kawasan, dengan angka laporan terakhir per tanggal ekspor.",
    },
    "datasette.infrastructure": {"en": "Infrastructure projects", "id": "Proyek infrastruktur"},
    "datasette.infrastructure.about": {
        "en": "Roads, toll roads, railways, ports, water, gas and power projects, with their latest progress.",
        "id": "Proyek jalan, jalan tol, kereta api, pelabuhan, air, gas dan listrik, dengan progres terakhirnya.",
    },
    "datasette.sections": {"en": "Sections", "id": "Seksi"},
    "datasette.sections.about": {
        "en": "The parts of projects reported on their own (phases, seksi), with their current stage and progress.",
        "id": "Bagian proyek yang dilaporkan tersendiri (tahap, seksi), dengan tahap dan progres terakhirnya.",
    },
    "datasette.progress": {"en": "Reports", "id": "Laporan"},
    "datasette.progress.about": {
        "en": "One row per dated report of an estate or project: the figures one source gave on one date.",
        "id": "Satu baris per laporan bertanggal sebuah kawasan atau proyek: angka dari satu sumber pada satu tanggal.",
    },
    "datasette.milestones": {"en": "Milestones", "id": "Tahapan"},
    "datasette.milestones.about": {
        "en": "Milestones of estates and projects: due, done, and whether overdue as of the export's date.",
        "id": "Tahapan kawasan dan proyek: tenggat, selesai, dan apakah lewat tenggat per tanggal ekspor.",
    },
    "datasette.issues": {"en": "Issues", "id": "Kendala"},
    "datasette.issues.about": {
        "en": "Obstacles (kendala) raised in meetings, with the agency that must act.",
        "id": "Kendala yang dilaporkan dalam rapat, dengan instansi yang harus bertindak.",
    },
    "datasette.sources": {"en": "Sources", "id": "Sumber"},
    "datasette.sources.about": {
        "en": "Every source the records and regions cite; a report's `source` names one of its record's.",
        "id": "Setiap sumber yang dikutip data dan wilayah; `source` laporan menyebut salah satu sumber datanya.",
    },
    "datasette.regions": {"en": "Regions", "id": "Wilayah"},
    "datasette.regions.about": {
        "en": "Development regions, the Perpres 80/2019 priority regions among them.",
        "id": "Wilayah pengembangan, termasuk wilayah prioritas Perpres 80/2019.",
    },
    "datasette.regencies": {"en": "Regencies and cities", "id": "Kabupaten dan kota"},
    "datasette.regencies.about": {
        "en": "Each regency (kabupaten) and city (kota), and its region.",
        "id": "Setiap kabupaten dan kota, dan wilayahnya.",
    },
    "datasette.agencies": {"en": "Agencies", "id": "Instansi"},
    "datasette.agencies.about": {
        "en": "Ministries, provincial offices, state and regional enterprises, estate operators.",
        "id": "Kementerian, perangkat daerah provinsi, BUMN dan BUMD, pengelola kawasan.",
    },
    "datasette.records": {"en": "Records", "id": "Data"},
    "datasette.records.about": {
        "en": "Every exported estate and project: what the `record` of reports, milestones and issues points at.",
        "id": "Setiap kawasan dan proyek yang diekspor: rujukan kolom `record` pada laporan, tahapan dan kendala.",
    },
    "datasette.latest": {"en": "Latest state", "id": "Keadaan terakhir"},
    "datasette.latest.about": {
        "en": "Each record's latest report date and the newest reported value of every figure.",
        "id": "Tanggal laporan terakhir setiap data dan nilai terbaru setiap angka.",
    },
    "datasette.query.overdue": {"en": "Overdue", "id": "Lewat tenggat"},
    "datasette.query.overdue.about": {
        "en": (
            "Targets, milestones and open issues past their due date as of as_of (ISO date; empty: today), "
            "with days late and the agency responsible, as in kitrack status."
        ),
        "id": (
            "Target, tahapan dan kendala terbuka yang lewat tenggat per as_of (tanggal ISO; kosong: hari ini), "
            "dengan hari keterlambatan dan instansi penanggung jawab, seperti kitrack status."
        ),
    },
    "datasette.query.at_risk": {"en": "At risk", "id": "Berisiko terlambat"},
    "datasette.query.at_risk.about": {
        "en": (
            "Projects whose recent pace (points per 30 days over the year before the latest report), "
            "extrapolated, finishes after the target, or never: the rule of kitrack status."
        ),
        "id": (
            "Proyek yang laju terakhirnya (poin per 30 hari dalam setahun sebelum laporan terakhir), "
            "bila diteruskan, selesai setelah target atau tidak pernah: aturan kitrack status."
        ),
    },
    "datasette.query.by_agency": {"en": "By agency", "id": "Menurut instansi"},
    "datasette.query.by_agency.about": {
        "en": "Each agency's projects, estates and open issues, the most open issues first.",
        "id": "Proyek, kawasan dan kendala terbuka setiap instansi, yang kendalanya terbanyak lebih dulu.",
    },
    # show
    "show.reports": {"en": "Reports", "id": "Laporan"},
    "show.milestones": {"en": "Milestones", "id": "Tahapan"},
    "show.issues": {"en": "Issues", "id": "Kendala"},
    "show.sources": {"en": "Sources", "id": "Sumber"},
    "show.referenced_by": {"en": "Referenced by", "id": "Dirujuk oleh"},
    "show.regencies": {"en": "Regencies and cities", "id": "Kabupaten dan kota"},
    "show.decisions": {"en": "Decisions", "id": "Keputusan"},
    "show.agenda": {"en": "Agenda", "id": "Agenda"},
    "show.notes": {"en": "Notes", "id": "Catatan"},
    "show.sections": {"en": "Sections", "id": "Seksi"},
    "show.inherited_target": {"en": "{target} (the project's)", "id": "{target} (target proyek)"},
    "show.section": {"en": "section", "id": "seksi"},
    "show.progress_derived": {
        "en": "Progress ≈{value} (derived from {count} sections, weighted by length; oldest input {date})",
        "id": "Progres ≈{value} (diturunkan dari {count} seksi, dibobot menurut panjang; masukan tertua {date})",
    },
    "show.progress_reported": {"en": "Progress {value} (reported {date})", "id": "Progres {value} (laporan {date})"},
    "show.progress_none": {"en": "Progress —", "id": "Progres —"},
    "show.not_derived": {"en": "(not derived: {why})", "id": "(tidak diturunkan: {why})"},
    "show.blocked.no-percent": {
        "en": "`{section}` has no progress figure and its stage does not imply one",
        "id": "`{section}` tidak punya angka progres dan tahapnya tidak menyiratkannya",
    },
    "show.blocked.no-length": {"en": "`{section}` has no length", "id": "`{section}` tidak punya panjang"},
    "show.blocked.no-stage": {"en": "`{section}` has no stage", "id": "`{section}` tidak punya tahap"},
    "show.blocked.partial": {
        "en": "the sections cover less than 95% of the project's length",
        "id": "seksi mencakup kurang dari 95% panjang proyek",
    },
    "show.blocked.no-sections": {"en": "no sections", "id": "tidak ada seksi"},
    "change.status": {"en": "stage", "id": "tahap"},
    "change.target": {"en": "target", "id": "target"},
    "change.funding": {"en": "funding", "id": "pendanaan"},
    "show.unknown": {"en": "no record has the id `{id}`", "id": "tidak ada data dengan id `{id}`"},
    "show.closest": {"en": "closest: {ids}", "id": "yang mirip: {ids}"},
    "show.broken": {
        "en": "`{id}` is in {files}, which has errors, so it cannot be shown; run `kitrack check {files}`",
        "id": "`{id}` ada di {files}, yang berisi kesalahan, sehingga tidak dapat ditampilkan; "
        "jalankan `kitrack check {files}`",
    },
    "ref.serves": {"en": "serves it", "id": "melayaninya"},
    "ref.issue": {"en": "issue `{issue}` names it", "id": "kendala `{issue}` menyebutnya"},
    "ref.decision": {"en": "a decision names it", "id": "sebuah keputusan menyebutnya"},
    "ref.region": {"en": "in this region", "id": "di wilayah ini"},
    "ref.owner": {"en": "owner", "id": "penanggung jawab"},
    "ref.operator": {"en": "operator", "id": "pengelola"},
    "ref.issue_owner": {"en": "must act on `{issue}`", "id": "harus menindaklanjuti `{issue}`"},
    "ref.chair": {"en": "chairs", "id": "memimpin"},
    "ref.attendee": {"en": "attends", "id": "hadir"},
    "ref.decision_owner": {"en": "owes a decision", "id": "menanggung keputusan"},
    # words
    "word.yes": {"en": "yes", "id": "ya"},
    "word.no": {"en": "no", "id": "tidak"},
    "word.error": {"en": "error", "id": "kesalahan"},
    "word.warning": {"en": "warning", "id": "peringatan"},
    "word.hint": {"en": "hint", "id": "saran"},
    # check
    "noun.record": {"en": "record|records", "id": "data"},
    "noun.file": {"en": "file|files", "id": "berkas"},
    "noun.error": {"en": "error|errors", "id": "kesalahan"},
    "noun.warning": {"en": "warning|warnings", "id": "peringatan"},
    "check.clean": {"en": "{checked}: no problems", "id": "{checked}: tidak ada masalah"},
    "check.problems": {"en": "{checked}: {errors}, {warnings}", "id": "{checked}: {errors}, {warnings}"},
    "check.checked": {"en": "{records} in {files}", "id": "{records} dalam {files}"},
    # parts of check messages and hints
    "p.text": {"en": "text", "id": "teks"},
    "p.whole_number": {"en": "a whole number", "id": "bilangan bulat"},
    "p.number": {"en": "a number", "id": "angka"},
    "p.boolean": {"en": "true or false", "id": "true atau false"},
    "p.list": {"en": "a list", "id": "daftar"},
    "p.mapping": {"en": "a mapping of fields", "id": "pemetaan kolom"},
    "p.a_mapping": {"en": "a mapping", "id": "pemetaan"},
    "p.a_scalar": {"en": "a single value", "id": "satu nilai"},
    "p.a_date": {"en": "a date such as 2027-06-30", "id": "tanggal seperti 2027-06-30"},
    "p.empty": {"en": "nothing (an empty value)", "id": "kosong (tanpa nilai)"},
    "p.the_number": {"en": "the number {value}", "id": "angka {value}"},
    "p.the_text": {"en": "text `{value}`", "id": "teks `{value}`"},
    "p.did_you_mean": {"en": "did you mean `{choice}`?", "id": "mungkin maksud Anda `{choice}`?"},
    "p.did_you_mean_short": {
        "en": "did you mean `{choice}` ({short})?", "id": "mungkin maksud Anda `{choice}` ({short})?"
    },
    # YAML syntax errors in plain words; the parser's message follows
    "p.syntax": {"en": "{explanation} (the parser says: {parser})", "id": "{explanation} (kata parser: {parser})"},
    "p.syntax.colon": {
        "en": "the text on line {line} contains `: `, which YAML reads as a second key; "
        "text containing ': ' must be quoted",
        "id": "teks di baris {line} memuat `: `, yang dibaca YAML sebagai kunci kedua; teks yang memuat ': ' harus "
        "diberi tanda kutip",
    },
    "p.syntax.quote_it": {"en": "write it as {example}", "id": "tulis sebagai {example}"},
    "p.syntax.indented_more": {
        "en": "line {line} is indented more than the line above (line {above})",
        "id": "baris {line} menjorok lebih dalam dari baris di atasnya (baris {above})",
    },
    "p.syntax.not_lined_up": {
        "en": "line {line} is not lined up with the list or mapping it belongs to, which starts at line {start}, "
        "column {column}",
        "id": "baris {line} tidak sejajar dengan daftar atau pemetaan tempatnya, yang dimulai di baris {start}, "
        "kolom {column}",
    },
    "p.syntax.line_up": {
        "en": "indent the keys of one mapping to the same column, and the `- ` items of one list to the same column "
        "(with spaces)",
        "id": "jorokkan kunci-kunci satu pemetaan ke kolom yang sama, dan butir `- ` satu daftar ke kolom yang sama "
        "(dengan spasi)",
    },
    "p.syntax.after_quote": {
        "en": "text goes on after the closing quote on line {line}",
        "id": "teks berlanjut setelah tanda kutip penutup di baris {line}",
    },
    "p.syntax.quote_whole": {
        "en": "put the whole text inside the quotes",
        "id": "masukkan seluruh teks ke dalam tanda kutip",
    },
    "p.syntax.open_quote": {
        "en": "the quote {quote} opened at line {line}, column {column} is never closed",
        "id": "tanda kutip {quote} yang dibuka di baris {line}, kolom {column} tidak pernah ditutup",
    },
    "p.syntax.close_quote": {
        "en": "close it with another {quote} at the end of the text",
        "id": "tutup dengan {quote} lagi di akhir teks",
    },
    "p.syntax.open_bracket": {
        "en": "the bracket `{bracket}` opened at line {line}, column {column} is not closed before line {at}",
        "id": "kurung `{bracket}` yang dibuka di baris {line}, kolom {column} belum ditutup sebelum baris {at}",
    },
    "p.syntax.close_bracket": {
        "en": "close it with `{bracket}`, and separate its items with `, `",
        "id": "tutup dengan `{bracket}`, dan pisahkan butirnya dengan `, `",
    },
    "p.syntax.cannot_start": {
        "en": "a value cannot start with `{character}` unless it is quoted",
        "id": "nilai tidak boleh diawali `{character}` kecuali diberi tanda kutip",
    },
    "p.syntax.quote_text": {
        "en": "put the text in double quotes: \"...\"",
        "id": "beri teksnya tanda kutip ganda: \"...\"",
    },
    "p.syntax.no_colon": {
        "en": "line {line} is neither `key: value` nor a `- ` list item",
        "id": "baris {line} bukan `kunci: nilai` dan bukan butir daftar `- `",
    },
    "p.syntax.colon_or_dash": {
        "en": "a key ends with a colon and a space (`name: ...`), a list item starts with a dash and a space "
        "(`- ...`); or join the line to the text above",
        "id": "kunci diakhiri titik dua dan spasi (`name: ...`), butir daftar diawali tanda hubung dan spasi "
        "(`- ...`); atau gabungkan baris ini dengan teks di atasnya",
    },
    "p.syntax.control": {
        "en": "the file holds an invisible control character ({code}), often pasted from a PDF or a word processor; "
        "delete it",
        "id": "berkas memuat karakter kontrol tak terlihat ({code}), sering tertempel dari PDF atau pengolah kata; "
        "hapus karakter itu",
    },
    "p.syntax.unknown": {
        "en": "the text here is not valid YAML",
        "id": "teks di sini bukan YAML yang sah",
    },
    "p.allowed_fields": {"en": "allowed fields: {fields}", "id": "kolom yang boleh: {fields}"},
    "p.one_of": {"en": "one of: {choices}", "id": "salah satu dari: {choices}"},
    "p.write": {"en": "write `{value}`", "id": "tulis `{value}`"},
    "p.write_figure": {"en": "write the figure, or leave the field out", "id": "tulis angkanya, atau hapus kolomnya"},
    "p.yaml11_text": {
        "en": "`{value}` is read here as text, but as a boolean by YAML 1.1 tools: quote it (`'{value}'`)",
        "id": (
            "`{value}` di sini dibaca sebagai teks, tetapi sebagai boolean oleh alat YAML 1.1: beri tanda kutip "
            "(`'{value}'`)"
        ),
    },
    "p.leading_zero": {
        "en": (
            "`{value}` has a leading zero: it is read here as {number}, but as an octal number by YAML 1.1 tools; "
            "write {number}"
        ),
        "id": (
            "`{value}` diawali nol: di sini dibaca sebagai {number}, tetapi sebagai bilangan oktal oleh alat YAML 1.1; "
            "tulis {number}"
        ),
    },
    "p.sexagesimal": {
        "en": (
            "`{value}` is read here as text, but as a base-60 number by YAML 1.1 tools: quote it (`'{value}'`), or "
            "write the number"
        ),
        "id": (
            "`{value}` di sini dibaca sebagai teks, tetapi sebagai bilangan basis 60 oleh alat YAML 1.1: beri tanda "
            "kutip (`'{value}'`), atau tulis angkanya"
        ),
    },
    "p.yaml11": {
        "en": "`{value}` is text here, not a boolean: {fix}",
        "id": "`{value}` di sini adalah teks, bukan boolean: {fix}",
    },
    "p.plain_number": {
        "en": "write a plain number: no quotes, no thousands separators (2933 or 2933.5)",
        "id": "tulis angka biasa: tanpa tanda kutip, tanpa pemisah ribuan (2933 atau 2933.5)",
    },
    "p.quote_it": {"en": "quote the value to make it text", "id": "beri tanda kutip agar menjadi teks"},
    "p.write_list": {
        "en": "write a list: [a, b] or one `- item` per line",
        "id": "tulis daftar: [a, b] atau satu `- item` per baris",
    },
    "p.not_empty": {"en": "the value must not be empty", "id": "nilai tidak boleh kosong"},
    "p.too_long": {
        "en": "the text is longer than {limit} characters",
        "id": "teks lebih panjang dari {limit} karakter",
    },
    "p.limit_ge": {
        "en": "{value} is less than {limit}, the limit for `{field}`",
        "id": "{value} kurang dari {limit}, batas untuk `{field}`",
    },
    "p.limit_le": {
        "en": "{value} is more than {limit}, the limit for `{field}`",
        "id": "{value} lebih dari {limit}, batas untuk `{field}`",
    },
    "p.limit_gt": {
        "en": "{value} is not more than {limit}, the limit for `{field}`",
        "id": "{value} tidak lebih dari {limit}, batas untuk `{field}`",
    },
    "p.limit_lt": {
        "en": "{value} is not less than {limit}, the limit for `{field}`",
        "id": "{value} tidak kurang dari {limit}, batas untuk `{field}`",
    },
    "p.not_finite": {
        "en": "NaN and infinity are not figures: write a number or leave the field out",
        "id": "NaN dan tak hingga bukan angka: tulis angka atau hapus kolomnya",
    },
    "p.too_large": {"en": "the number is too large", "id": "angkanya terlalu besar"},
    "p.too_big": {
        "en": "{size} bytes is over the {limit}-byte limit (raise it with --max-file-mb)",
        "id": "{size} bita melebihi batas {limit} bita (naikkan dengan --max-file-mb)",
    },
    "p.is_directory": {"en": "it is a directory", "id": "ini sebuah direktori"},
    "p.not_regular": {
        "en": "it is not a regular file (a named pipe, socket or device)",
        "id": "ini bukan berkas biasa (pipa bernama, soket atau perangkat)",
    },
    "p.symlink_loop": {
        "en": "it is a symbolic link that leads back to itself",
        "id": "ini tautan simbolik yang kembali ke dirinya sendiri",
    },
    "p.symlink_outside": {
        "en": "it is a symbolic link to `{target}`, outside the data directory; kitrack does not follow it",
        "id": "ini tautan simbolik ke `{target}`, di luar direktori data; kitrack tidak mengikutinya",
    },
    "p.not_a_folder": {
        "en": "`{folder}` should be a folder of record files",
        "id": "`{folder}` seharusnya folder berisi berkas data",
    },
    "p.utf16": {"en": "the file is UTF-16; kitrack reads UTF-8", "id": "berkas ini UTF-16; kitrack membaca UTF-8"},
    "p.bad_byte": {"en": "byte {byte} is not valid UTF-8", "id": "bita {byte} bukan UTF-8 yang sah"},
    "p.nul_byte": {"en": "the file contains a NUL byte", "id": "berkas berisi bita NUL"},
    "p.too_deep": {
        "en": "nesting deeper than {limit} levels (the limit is set with --max-depth)",
        "id": "bersarang lebih dari {limit} tingkat (batasnya diatur dengan --max-depth)",
    },
    "p.alias": {"en": "alias", "id": "alias"},
    "p.anchor": {"en": "anchor", "id": "jangkar"},
    "p.record": {"en": "record", "id": "data"},
    "p.record_named": {"en": "record `{id}`", "id": "data `{id}`"},
    "p.report_dated": {"en": "the report dated {date}", "id": "laporan bertanggal {date}"},
    "p.source": {"en": "source", "id": "sumber"},
    "p.issue": {"en": "issue", "id": "kendala"},
    "p.regency": {"en": "regency", "id": "kabupaten/kota"},
    "p.region": {"en": "region `{region}`", "id": "wilayah `{region}`"},
    "p.line": {"en": "line {line}", "id": "baris {line}"},
    "p.decision": {"en": "decision", "id": "keputusan"},
    "p.decision_done": {"en": "done", "id": "selesai"},
    "p.decision_dropped": {"en": "dropped", "id": "dibatalkan"},
    "p.milestone": {"en": "milestone `{name}`", "id": "tahapan `{name}`"},
    "p.target": {"en": "target", "id": "target"},
    "p.one_list": {"en": "the file holds one list, `{key}:`", "id": "berkas ini berisi satu daftar, `{key}:`"},
    "p.add_source": {"en": "add it to the record's `sources`", "id": "tambahkan ke `sources` data ini"},
    "p.section": {"en": "section", "id": "seksi"},
    "p.text_empty": {
        "en": "give the text in at least one language, under `id:` or `en:`",
        "id": "tulis teksnya dalam sekurang-kurangnya satu bahasa, di bawah `id:` atau `en:`",
    },
    "p.regency_code": {"en": "regency code", "id": "kode wilayah"},
    "p.regency_named": {"en": "regency `{id}`", "id": "kabupaten/kota `{id}`"},
    "p.the_section_itself": {"en": "the section itself", "id": "seksi itu sendiri"},
    "p.within_another": {"en": "itself within `{section}`", "id": "sendiri berada di dalam `{section}`"},
    "p.add_region": {
        "en": "add `{actual}` to `regions`, or pick a regency of those regions",
        "id": "tambahkan `{actual}` ke `regions`, atau pilih kabupaten/kota di wilayah tersebut",
    },
    "p.set_region": {
        "en": "set `region: {actual}`, or pick a regency of `{region}`",
        "id": "isi `region: {actual}`, atau pilih kabupaten/kota di `{region}`",
    },
    "p.rename_yml": {
        "en": "record files end in `.yaml`: rename it to `{stem}.yaml`",
        "id": "berkas data berakhiran `.yaml`: ganti namanya menjadi `{stem}.yaml`",
    },
    "p.wrong_folder": {
        "en": "records go in estates/, infrastructure/ or meetings/",
        "id": "data disimpan di estates/, infrastructure/ atau meetings/",
    },
    "p.folder_not_read": {"en": "folder `{folder}/` is not read", "id": "folder `{folder}/` tidak dibaca"},
    "p.folder_not_read_hint": {
        "en": "folder `{folder}/` is not read; {hint}",
        "id": "folder `{folder}/` tidak dibaca; {hint}",
    },
    "p.date_year": {"en": "year {year} is outside 1900–2200", "id": "tahun {year} di luar 1900–2200"},
    "p.date_day_month": {"en": "a day needs a month", "id": "hari memerlukan bulan"},
    "p.date_month": {"en": "month {month} does not exist", "id": "bulan {month} tidak ada"},
    "p.date_day": {
        "en": "{month} has no day {day} (it has {last} days)",
        "id": "{month} tidak punya tanggal {day} (hanya {last} hari)",
    },
    "p.date_time": {"en": "expected a date, not a date and time", "id": "seharusnya tanggal, bukan tanggal dan waktu"},
    "p.date_expected": {
        "en": "expected a date such as 2027, 2027-06 or 2027-06-30",
        "id": "seharusnya tanggal seperti 2027, 2027-06 atau 2027-06-30",
    },
    "p.date_bad": {
        "en": "`{value}` is not a date such as 2027, 2027-06 or 2027-06-30",
        "id": "`{value}` bukan tanggal seperti 2027, 2027-06 atau 2027-06-30",
    },
    # diff
    "noun.change": {"en": "change|changes", "id": "perubahan"},
    # editing commands (kitrack new, log, decide, done, resolve)
    "edit.not_a_number": {
        "en": "`{value}` is not a number",
        "id": "`{value}` bukan angka",
    },
    "edit.ambiguous_number": {
        "en": "`{value}` is ambiguous: {thousands} if `{separator}` separates thousands, {decimal} if it marks "
        "decimals; type `{thousands}`, or `{comma}` (or `{decimal}`) for the decimal",
        "id": "`{value}` ambigu: {thousands} bila `{separator}` pemisah ribuan, {comma} bila tanda desimal; "
        "ketik `{thousands}`, atau `{comma}` (atau `{decimal}`) untuk desimal",
    },
    "edit.unreadable": {
        "en": "cannot edit {file}: it is not valid YAML ({detail}); run `kitrack check` and fix it first",
        "id": "tidak dapat menyunting {file}: bukan YAML yang sah ({detail}); "
        "jalankan `kitrack check` dan perbaiki dulu",
    },
    "edit.not_block_list": {
        "en": "cannot add to `{field}` in {file}: it is written on one line in brackets; write it as a list "
        "with one `- ` item per line first",
        "id": "tidak dapat menambah ke `{field}` di {file}: ditulis satu baris dalam kurung; tulis dulu sebagai "
        "daftar dengan satu butir `- ` per baris",
    },
    "edit.unknown_record": {
        "en": "unknown estate or project `{id}`; closest: {ids}",
        "id": "kawasan industri atau proyek `{id}` tidak dikenal; yang terdekat: {ids}",
    },
    "edit.unknown_meeting": {
        "en": "unknown meeting `{id}`; closest: {ids}",
        "id": "rapat `{id}` tidak dikenal; yang terdekat: {ids}",
    },
    "edit.not_reported_by": {
        "en": "`{field}` is not reported for {kind}; their figures: {allowed}",
        "id": "`{field}` tidak dilaporkan untuk {kind}; angkanya: {allowed}",
    },
    "edit.empty_report": {
        "en": "a report needs a figure (such as --percent) or a --note",
        "id": "laporan perlu angka (misalnya --percent) atau --note",
    },
    "edit.unknown_source": {
        "en": "`{id}` is not a source of `{record}`: give its URL to add it, or one of its sources ({ids})",
        "id": "`{id}` bukan sumber `{record}`: berikan URL-nya untuk menambahkannya, atau salah satu sumbernya ({ids})",
    },
    "edit.decision_exists": {
        "en": "meeting `{meeting}` already has a decision `{id}`: choose another --id",
        "id": "rapat `{meeting}` sudah punya keputusan `{id}`: pilih --id lain",
    },
    "edit.bad_slug": {
        "en": "`{value}` is not a valid id: use lowercase letters, digits and hyphens",
        "id": "`{value}` bukan id yang sah: gunakan huruf kecil, angka dan tanda hubung",
    },
    "edit.unknown_decision": {
        "en": "meeting `{meeting}` has no decision `{id}`; its decisions: {ids}",
        "id": "rapat `{meeting}` tidak punya keputusan `{id}`; keputusannya: {ids}",
    },
    "edit.already_closed": {
        "en": "decision `{id}` is already closed ({date})",
        "id": "keputusan `{id}` sudah ditutup ({date})",
    },
    "edit.source_url": {
        "en": "`{value}` is not a URL: a new record's --source is the address of the page that gives its stage",
        "id": "`{value}` bukan URL: --source data baru adalah alamat halaman yang menyebut tahapnya",
    },
    "edit.unknown_section": {
        "en": "`{record}` has no section `{id}`; its sections: {ids}",
        "id": "`{record}` tidak punya seksi `{id}`; seksinya: {ids}",
    },
    "edit.unknown_issue": {
        "en": "`{record}` has no issue `{id}`; its issues: {ids}",
        "id": "`{record}` tidak punya kendala `{id}`; kendalanya: {ids}",
    },
    "edit.already_resolved": {
        "en": "issue `{id}` is already resolved ({date})",
        "id": "kendala `{id}` sudah selesai ({date})",
    },
    "edit.id_exists": {
        "en": "the id `{id}` is already used",
        "id": "id `{id}` sudah dipakai",
    },
    "edit.file_exists": {
        "en": "`{path}` already exists",
        "id": "`{path}` sudah ada",
    },
    "edit.not_a_field": {
        "en": "{option} does not apply to a new {kind}",
        "id": "{option} tidak berlaku untuk {kind} baru",
    },
    "edit.missing_option": {
        "en": "`{field}` is required: give it with {option}",
        "id": "`{field}` wajib diisi: berikan dengan {option}",
    },
    "edit.bad_address": {
        "en": "`{value}` is not {form}",
        "id": "`{value}` bukan {form}",
    },
    "edit.choose": {
        "en": "`{value}` is not one of: {allowed}",
        "id": "`{value}` bukan salah satu dari: {allowed}",
    },
    "edit.bad_choice": {
        "en": "{option}: `{value}` is not one of: {allowed}",
        "id": "{option}: `{value}` bukan salah satu dari: {allowed}",
    },
    "edit.one_region": {
        "en": "an estate is in one region: give --region once",
        "id": "kawasan industri berada di satu wilayah: berikan --region sekali saja",
    },
    "edit.drop_reason": {
        "en": "--drop and --reason go together: a dropped decision says why",
        "id": "--drop dan --reason dipakai bersama: keputusan yang dibatalkan menyebut alasannya",
    },
    "edit.changed_on_disk": {
        "en": "`{path}` changed while kitrack was editing it; nothing was written: run the command again",
        "id": "`{path}` berubah saat kitrack menyuntingnya; tidak ada yang ditulis: jalankan perintahnya lagi",
    },
    "edit.write_failed": {
        "en": "cannot write the change: {reason}; nothing was written",
        "id": "tidak dapat menulis perubahan: {reason}; tidak ada yang ditulis",
    },
    "edit.refused": {
        "en": "kitrack: refused: the change would add {errors}; nothing was written",
        "id": "kitrack: ditolak: perubahan ini menambah {errors}; tidak ada yang ditulis",
    },
    "edit.warnings": {
        "en": "kitrack: the change adds {warnings}:",
        "id": "kitrack: perubahan ini menambah {warnings}:",
    },
    "edit.wrote": {"en": "{file}: {what}", "id": "{file}: {what}"},
    "edit.would": {"en": "{file} (not written, --dry-run): {what}", "id": "{file} (tidak ditulis, --dry-run): {what}"},
    "edit.added_report": {
        "en": "added a report dated {date} ({path})",
        "id": "laporan bertanggal {date} ditambahkan ({path})",
    },
    "edit.added_source": {"en": "added the source `{id}` ({path})", "id": "sumber `{id}` ditambahkan ({path})"},
    "edit.added_decision": {"en": "added the decision `{id}` ({path})", "id": "keputusan `{id}` ditambahkan ({path})"},
    "edit.marked_done": {"en": "decision `{id}` done on {date}", "id": "keputusan `{id}` selesai pada {date}"},
    "edit.marked_dropped": {"en": "decision `{id}` dropped on {date}", "id": "keputusan `{id}` dibatalkan pada {date}"},
    "edit.marked_resolved": {"en": "issue `{id}` resolved on {date}", "id": "kendala `{id}` selesai pada {date}"},
    "edit.created": {"en": "created the {kind} `{id}`", "id": "{kind} `{id}` dibuat"},
    "git.missing": {
        "en": "git is not installed (or not on PATH)",
        "id": "git tidak terpasang (atau tidak ada di PATH)",
    },
    "git.no_repo": {
        "en": "`{path}` is not inside a git repository",
        "id": "`{path}` tidak berada di dalam repositori git",
    },
    "git.outside": {
        "en": "`{path}` is not inside the git repository at `{top}`",
        "id": "`{path}` tidak berada di dalam repositori git di `{top}`",
    },
    "git.not_rev": {"en": "`{rev}` is not a git revision", "id": "`{rev}` bukan revisi git"},
    "git.unknown_rev": {
        "en": "unknown git revision `{rev}` in `{top}`",
        "id": "revisi git `{rev}` tidak dikenal di `{top}`",
    },
    "git.no_data_at": {
        "en": "`{path}` does not exist at revision `{rev}`",
        "id": "`{path}` tidak ada pada revisi `{rev}`",
    },
    "git.failed": {"en": "git {command} failed: {detail}", "id": "git {command} gagal: {detail}"},
    "git.bad_reply": {"en": "its output is not what was asked for", "id": "keluarannya bukan yang diminta"},
    "git.unsafe_path": {
        "en": (
            "revision `{rev}` holds a path git itself refuses to check out: `{path}` (absolute, or with a `..`, `.` or "
            "empty part); the revision is not read"
        ),
        "id": (
            "revisi `{rev}` memuat path yang ditolak git sendiri: `{path}` (absolut, atau dengan bagian `..`, `.` atau "
            "kosong); revisi ini tidak dibaca"
        ),
    },
    "git.not_a_file": {
        "en": "revision `{rev}`: `{path}` is not a plain file ({kind}); the revision is not read",
        "id": "revisi `{rev}`: `{path}` bukan berkas biasa ({kind}); revisi ini tidak dibaca",
    },
    "git.twice": {
        "en": "revision `{rev}` lists `{path}` twice; the revision is not read",
        "id": "revisi `{rev}` mencantumkan `{path}` dua kali; revisi ini tidak dibaca",
    },
    "git.missing_object": {
        "en": (
            "revision `{rev}`: the contents of `{path}` are not in this repository (a damaged repository, or a partial "
            "clone that cannot fetch them: run `git fetch`)"
        ),
        "id": (
            "revisi `{rev}`: isi `{path}` tidak ada di repositori ini (repositori rusak, atau partial clone yang tidak "
            "dapat mengambilnya: jalankan `git fetch`)"
        ),
    },
    "diff.title": {"en": "Changes to {data} from {old} to {new}:", "id": "Perubahan pada {data} dari {old} ke {new}:"},
    "diff.worktree": {"en": "the working tree", "id": "salinan kerja"},
    "diff.revision": {"en": "revision {rev}", "id": "revisi {rev}"},
    "diff.added": {"en": "added: {what}", "id": "ditambahkan: {what}"},
    "diff.removed": {"en": "removed: {what}", "id": "dihapus: {what}"},
    "diff.none": {"en": "none", "id": "belum ada"},
    "diff.reordered": {"en": "{lead}: reordered", "id": "{lead}: urutan diubah"},
    "diff.set": {"en": "{lead} set to {new}", "id": "{lead} diisi {new}"},
    "diff.field_removed": {"en": "{lead} removed (was {old})", "id": "{lead} dihapus (sebelumnya {old})"},
    "diff.text_changed": {"en": "{lead} changed: “{new}”", "id": "{lead} diubah: “{new}”"},
    "diff.new_report": {"en": "new progress report {date}", "id": "laporan progres baru {date}"},
    "diff.note_removed": {"en": "report {date}: note removed", "id": "laporan {date}: catatan dihapus"},
    "diff.note_changed": {
        "en": "report {date}: note changed: “{new}”",
        "id": "laporan {date}: catatan diubah: “{new}”",
    },
    "diff.report_edited": {
        "en": "{figure}{old} → {new} (report {date}, edited)",
        "id": "{figure}{old} → {new} (laporan {date}, diedit)",
    },
    "diff.report_removed": {"en": "progress report {date} removed", "id": "laporan progres {date} dihapus"},
    "diff.it_said": {"en": "(it said {figures})", "id": "(isinya {figures})"},
    "diff.owner": {"en": "owner {owner}", "id": "penanggung jawab {owner}"},
    "diff.due": {"en": "due {due}", "id": "tenggat {due}"},
    "diff.done": {"en": "done {done}", "id": "selesai {done}"},
    "diff.already_resolved": {"en": "(already resolved)", "id": "(sudah selesai)"},
    "diff.new_issue": {"en": "new issue {id}: {title}", "id": "kendala baru {id}: {title}"},
    "diff.issue_resolved": {"en": "issue {id} resolved", "id": "kendala {id} selesai"},
    "diff.issue_reopened": {"en": "issue {id} reopened", "id": "kendala {id} dibuka kembali"},
    "diff.issue_prefix": {"en": "issue {id}: ", "id": "kendala {id}: "},
    "diff.issue_removed": {"en": "issue {id} removed", "id": "kendala {id} dihapus"},
    "diff.milestone": {"en": "milestone “{name}”", "id": "tahapan “{name}”"},
    "diff.milestone_done": {"en": "{what} done ({done})", "id": "{what} selesai ({done})"},
    "diff.new": {"en": "new {what}", "id": "{what} baru"},
    "diff.thing_removed": {"en": "{what} removed", "id": "{what} dihapus"},
    "diff.kind.source": {"en": "source", "id": "sumber"},
    "diff.kind.regency": {"en": "regency", "id": "kabupaten/kota"},
    "diff.kind.decision": {"en": "decision", "id": "keputusan"},
    "diff.no_changes": {"en": "no changes to the data", "id": "tidak ada perubahan data"},
    "diff.summary": {
        "en": "{changes} to {records} ({added} added, {removed} removed)",
        "id": "{changes} pada {records} ({added} ditambahkan, {removed} dihapus)",
    },
    "diff.unreadable": {
        "en": "Not compared: files that could not be read",
        "id": "Tidak dibandingkan: berkas yang tidak dapat dibaca",
    },
    "diff.unreadable_item": {"en": "{file} in {side}", "id": "{file} di {side}"},
    "diff.position": {"en": "{code}, line {line}, column {column}", "id": "{code}, baris {line}, kolom {column}"},
    "diff.md_no_changes": {"en": "No changes to the data in `{data}`.", "id": "Tidak ada perubahan data di `{data}`."},
    # errors from the command line
    "error.prefix": {"en": "kitrack: error: {message}", "id": "kitrack: kesalahan: {message}"},
    "error.unknown_region": {
        "en": "unknown region `{region}`; {choices}",
        "id": "wilayah `{region}` tidak dikenal; {choices}",
    },
    "error.unknown_sort": {
        "en": "cannot sort by `{field}`; columns: {choices}",
        "id": "tidak bisa mengurutkan menurut `{field}`; kolom: {choices}",
    },
    "error.psn_filters": {
        "en": "give one of `--psn`, `--no-psn` and `--psn-unknown`",
        "id": "pilih salah satu dari `--psn`, `--no-psn` dan `--psn-unknown`",
    },
    "error.bad_filter": {
        "en": "`--{option}` does not apply to {table}",
        "id": "`--{option}` tidak berlaku untuk {table}",
    },
    "error.bad_value": {
        "en": "`{value}` is not a valid {option}; one of: {choices}",
        "id": "`{value}` bukan {option} yang sah; salah satu dari: {choices}",
    },
    "error.bad_section": {
        "en": "`--section {section}` is not a section of the board; choose from {choices}",
        "id": "`--section {section}` bukan bagian dari papan; pilih dari {choices}",
    },
    "error.bad_since": {
        "en": "`--since {since}` is neither a date nor a git revision: {detail}",
        "id": "`--since {since}` bukan tanggal maupun revisi git: {detail}",
    },
    "error.bad_date": {
        "en": "`{value}` is not a date ({detail}); use a date such as 2026-11-29, 2026-11 or 2026",
        "id": "`{value}` bukan tanggal ({detail}); gunakan tanggal seperti 2026-11-29, 2026-11 atau 2026",
    },
    "error.not_a_date": {
        "en": "`{value}` is not a date; use a date such as 2026-11-29, 2026-11 or 2026",
        "id": "`{value}` bukan tanggal; gunakan tanggal seperti 2026-11-29, 2026-11 atau 2026",
    },
    "error.since_after": {
        "en": "--since {since} is after --as-of {as_of}: the comparison must look back; give an earlier --since",
        "id": "--since {since} jatuh setelah --as-of {as_of}: pembandingnya harus sebelumnya; "
        "berikan --since yang lebih awal",
    },
    "error.no_path": {"en": "`{path}` does not exist", "id": "`{path}` tidak ada"},
    "error.outside": {
        "en": "`{path}` is not inside the data directory `{root}`; pass --data DIR",
        "id": "`{path}` tidak berada di dalam direktori data `{root}`; gunakan --data DIR",
    },
    "error.two_revisions": {
        "en": "give at most two revisions: kitrack diff [OLD [NEW]]",
        "id": "berikan paling banyak dua revisi: kitrack diff [LAMA [BARU]]",
    },
    "error.cannot_write": {
        "en": "cannot write to `{path}`: {detail}",
        "id": "tidak dapat menulis ke `{path}`: {detail}",
    },
    "error.no_stdout": {
        "en": "standard output is closed; redirect it to a file or /dev/null",
        "id": "keluaran standar tertutup; alihkan ke berkas atau /dev/null",
    },
    "error.output_failed": {"en": "cannot write the output: {reason}", "id": "tidak dapat menulis keluaran: {reason}"},
    "error.no_data_dir": {"en": "data directory `{root}` does not exist", "id": "direktori data `{root}` tidak ada"},
    "error.not_a_dir": {"en": "`{root}` is not a directory", "id": "`{root}` bukan direktori"},
    "error.unreadable_dir": {
        "en": "data directory `{root}` cannot be read",
        "id": "direktori data `{root}` tidak dapat dibaca",
    },
    "error.data_dir": {
        "en": "{detail}; pass --data DIR or set KITRACK_DATA",
        "id": "{detail}; gunakan --data DIR atau atur KITRACK_DATA",
    },
    # export
    "export.wrote": {
        "en": "Wrote {path} ({format}, as of {as_of}):", "id": "Berkas ditulis: {path} ({format}, per {as_of}):"
    },
    "export.filters": {"en": "filters: {filters}", "id": "filter: {filters}"},
    "export.rows": {"en": "{rows} row(s)", "id": "{rows} baris"},
    "export.mapped": {"en": "{count} of {total} estate(s) on the map", "id": "{count} dari {total} kawasan di peta"},
    "export.mapped_projects": {
        "en": "{count} of {total} infrastructure project(s) on the map",
        "id": "{count} dari {total} proyek infrastruktur di peta",
    },
    "export.no_locations": {
        "en": (
            "No estate has a location (no source has given coordinates yet), so none of the {count} estate(s) is on a "
            "map:"
        ),
        "id": (
            "Belum ada kawasan yang memiliki lokasi (belum ada sumber yang memberi koordinat), jadi tidak satu pun "
            "dari {count} kawasan ada di peta:"
        ),
    },
    "export.unlocated": {
        "en": "{count} estate(s) have no location and are not on a map:",
        "id": "{count} kawasan tidak memiliki lokasi dan tidak ada di peta:",
    },
    "export.skipped": {
        "en": "warning: {count} row(s) left out because their key repeats (duplicate ids); run `kitrack check`",
        "id": "peringatan: {count} baris tidak dimuat karena kuncinya berulang (id ganda); jalankan `kitrack check`",
    },
    "export.dangling": {
        "en": (
            "warning: {count} reference(s) point at rows that are not in the export (unknown ids in the data); run "
            "`kitrack check`"
        ),
        "id": (
            "peringatan: {count} rujukan menunjuk baris yang tidak ada dalam ekspor (id tak dikenal dalam data); "
            "jalankan `kitrack check`"
        ),
    },
    "export.data_errors": {
        "en": (
            "warning: the data has {errors} error(s); records that failed to load are not exported; run `kitrack check`"
        ),
        "id": (
            "peringatan: data memiliki {errors} kesalahan; data yang gagal dibaca tidak diekspor; "
            "jalankan `kitrack check`"
        ),
    },
    "export.no_parent": {
        "en": "cannot write `{path}`: the folder `{parent}` does not exist",
        "id": "tidak bisa menulis `{path}`: folder `{parent}` tidak ada",
    },
    "export.inside_data": {
        "en": "`{path}` is inside the data directory `{root}`: an export never writes there; choose another output",
        "id": (
            "`{path}` berada di dalam direktori data `{root}`: ekspor tidak pernah menulis di sana; pilih keluaran lain"
        ),
    },
    "export.exists": {
        "en": "`{path}` already exists; pass --force to replace it",
        "id": "`{path}` sudah ada; gunakan --force untuk menggantinya",
    },
    "export.is_dir": {
        "en": "`{path}` is a folder; give a file name",
        "id": "`{path}` adalah folder; berikan nama berkas",
    },
    "export.not_dir": {
        "en": "`{path}` is a file; CSV export writes a folder of files",
        "id": "`{path}` adalah berkas; ekspor CSV menulis sebuah folder berisi berkas",
    },
    "export.not_regular": {
        "en": (
            "`{path}` is a symbolic link, device, named pipe or socket, not a regular file or folder; an export never "
            "replaces it, even with --force: choose another output"
        ),
        "id": (
            "`{path}` adalah tautan simbolik, perangkat, pipa bernama atau soket, bukan berkas atau folder biasa; "
            "ekspor tidak pernah menggantinya, meskipun dengan --force: pilih keluaran lain"
        ),
    },
    "export.stdout_format": {
        "en": "--output - (standard output) takes only --format json or geojson; {format} needs a file name",
        "id": "--output - (keluaran standar) hanya untuk --format json atau geojson; {format} memerlukan nama berkas",
    },
    "export.not_export_dir": {
        "en": "`{path}` holds more than CSV files; not replacing it, even with --force",
        "id": "`{path}` berisi selain berkas CSV; tidak diganti, meskipun dengan --force",
    },
    "export.excel_only_csv": {
        "en": "--excel applies only to --format csv",
        "id": "--excel hanya berlaku untuk --format csv",
    },
    "export.write_failed": {"en": "could not write `{path}`: {reason}", "id": "gagal menulis `{path}`: {reason}"},
    # the workbook's sheets (at most 31 characters, none of []:*?/\)
    "export.table.summary": {"en": "Summary", "id": "Ringkasan"},
    "export.table.estates": {"en": "Estates", "id": "Kawasan industri"},
    "export.table.infrastructure": {"en": "Infrastructure", "id": "Infrastruktur"},
    "export.table.sections": {"en": "Sections", "id": "Seksi"},
    "export.table.progress": {"en": "Progress reports", "id": "Laporan progres"},
    "export.table.milestones": {"en": "Milestones", "id": "Tahapan"},
    "export.table.issues": {"en": "Issues", "id": "Kendala"},
    "export.table.sources": {"en": "Sources", "id": "Sumber"},
    "export.table.regions": {"en": "Regions", "id": "Wilayah"},
    "export.table.regencies": {"en": "Regencies", "id": "Kabupaten dan kota"},
    "export.table.agencies": {"en": "Agencies", "id": "Instansi"},
    "export.sheet.title": {"en": "kitrack export", "id": "Ekspor kitrack"},
    "export.sheet.as_of": {"en": "As of", "id": "Per tanggal"},
    "export.sheet.generated": {"en": "Made by", "id": "Dibuat oleh"},
    "export.sheet.filters": {"en": "Filters", "id": "Filter"},
    "export.sheet.table": {"en": "Sheet", "id": "Lembar"},
    "export.sheet.rows": {"en": "Rows", "id": "Baris"},
    "export.sheet.unlocated": {"en": "Estates without a location", "id": "Kawasan tanpa lokasi"},
    "export.sheet.projects_unlocated": {
        "en": "Infrastructure projects without a location", "id": "Proyek infrastruktur tanpa lokasi",
    },
    "export.sheet.no_locations": {
        "en": "no source has given coordinates yet",
        "id": "belum ada sumber yang memberi koordinat",
    },
    "error.data_problems": {
        "en": "the data has {errors} error(s); run `kitrack check` — figures below leave out the broken records",
        "id": "data memiliki {errors} kesalahan; jalankan `kitrack check` — angka di bawah tidak memuat data yang "
        "rusak",
    },
    "error.data_problems_left_out": {
        "en": "the data has {errors} error(s); run `kitrack check` — figures below leave out {records}",
        "id": "data memiliki {errors} kesalahan; jalankan `kitrack check` — angka di bawah tidak memuat {records}",
    },
}


@dataclass(frozen=True)
class Language:
    """One language of the output: its labels, and how it writes plurals, numbers and dates."""

    code: Code

    @classmethod
    def chosen(cls, code: str | None) -> Language:
        """The language `code` names (`--lang`); without one, KITRACK_LANG or the locale decides."""
        for known in LANGUAGES:
            if code == known:
                return cls(known)
        return cls(detect_language())

    def t(self, key: str, **params: Any) -> str:
        text = LABELS[key][self.code]
        return text.format(**params) if params else text

    def plural(self, count: int, noun: str) -> str:
        """`1 error`, `2 errors`; Indonesian nouns do not change."""
        forms = self.t(f"noun.{noun}").split("|")
        return f"{count} {forms[0] if count == 1 or len(forms) == 1 else forms[1]}"

    def number(self, value: float | None, decimals: int = 0) -> str:
        """1,234.5 in English; 1.234,5 in Indonesian. Missing stays visibly missing, never 0."""
        if value is None:
            return self.t("status.missing")
        if isinstance(value, int):  # exact, and no float conversion to overflow on a huge count
            text = f"{value:,}" + ("." + "0" * decimals if decimals else "")
        else:
            text = f"{value:,.{decimals}f}"
            if text.startswith("-") and not text.strip("-0.,"):  # -0.0, or -0.001 to two places: no sign on zero
                text = text[1:]
        if self.code == "id":
            text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return text

    def figure(self, value: float | None) -> str:
        """A figure as its source gave it: no decimals for whole numbers, up to two otherwise."""
        if value is None:
            return self.t("status.missing")
        if isinstance(value, int) or value.is_integer():
            return self.number(value, 0)
        return self.number(value, 2).rstrip("0").rstrip("," if self.code == "id" else ".")

    def percent(self, value: float | None) -> str:
        return self.t("status.missing") if value is None else f"{self.figure(value)}%"

    def date(self, value: Any) -> str:
        """29 November 2026 in both languages' order; partial dates keep their precision."""
        if value is None:
            return self.t("status.missing")
        months = MONTHS[self.code]
        if isinstance(value, dt.date):
            return f"{value.day} {months[value.month - 1]} {value.year}"
        if value.day is not None:
            return f"{value.day} {months[value.month - 1]} {value.year}"
        if value.month is not None:
            return f"{months[value.month - 1]} {value.year}"
        return str(value.year)

    def label(self, prefix: str, value: Any) -> str:
        """The label of an enumeration value, e.g. label("status", Status.operating)."""
        raw = getattr(value, "value", value)
        return self.t(f"{prefix}.{raw}")

    def render(self, value: Param) -> str:
        """A parameter of a message as words: a Term as its label, a Number as a figure, a Date as
        the language writes dates, the rest as it is."""
        if isinstance(value, Term):
            count = value.params.get("count")
            if value.key.startswith("noun.") and isinstance(count, int):
                # A counted noun, `Term("noun.error", count=3)`: "3 errors", in the language's plural.
                return self.plural(count, value.key.removeprefix("noun."))
            return self.t(value.key, **{name: self.render(param) for name, param in value.params.items()})
        if isinstance(value, Number):
            return self.figure(value.value)
        if isinstance(value, Date):
            return self.date(value.value)
        if text.is_local(value):
            return self.text(value)
        return str(value)

    def text(self, value: TextValue) -> str:
        """Free text in this language, or in the other one marked ` [ID]` / ` [EN]`."""
        picked = text.pick(value, self.code)
        return f"{picked.text} [{picked.shown.upper()}]" if picked.fallback and picked.shown else picked.text


ENGLISH = Language("en")


# The language of the `speaking` block that runs now. A context variable, not a module global: each
# block restores what was there before, so one run's language never leaks into the next.
_speaking: ContextVar[Language] = ContextVar("kitrack_language", default=ENGLISH)


@contextmanager
def speaking(language: Language) -> Iterator[Language]:
    """Word everything rendered inside the block in `language`."""
    token = _speaking.set(language)
    try:
        yield language
    finally:
        _speaking.reset(token)


def current() -> Language:
    return _speaking.get()


# The current language's words, for the renderers that do not take a Language.
def t(key: str, **params: Any) -> str:
    return current().t(key, **params)


def plural(count: int, noun: str) -> str:
    return current().plural(count, noun)


def number(value: float | None, decimals: int = 0) -> str:
    return current().number(value, decimals)


def figure(value: float | None) -> str:
    return current().figure(value)


def text_of(value: TextValue) -> str:
    """Free text in the current language (a fallback marked)."""
    return current().text(value)


def percent(value: float | None) -> str:
    return current().percent(value)


def date(value: Any) -> str:
    return current().date(value)


def label(prefix: str, value: Any) -> str:
    return current().label(prefix, value)


def code_for(prefix: str, word: str) -> str | None:
    """The enumeration value whose label, in any language, is `word` (ignoring case): `perencanaan`
    and `Planning` both give `planning`, so a filter takes the words the tables show. None if no
    label of `prefix` reads so."""
    wanted = word.casefold()
    for key, texts in LABELS.items():
        if key.startswith(prefix + ".") and any(text.casefold() == wanted for text in texts.values()):
            return key[len(prefix) + 1 :]
    return None
