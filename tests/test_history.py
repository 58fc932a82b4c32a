"""`kitrack diff`, `check --changed-since` and `snapshot.dataset_at` on a throwaway git repository of
the sample data: commit it, edit figures, add and delete records, resolve an issue, break a file."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE, invoke, replace_in
from kitrack.git import snapshot
from kitrack.git.repo import GitError
from kitrack.output import diff as diff_output
from kitrack.views import diff

NEW_ESTATE = """\
id: ki-baru
name: Kawasan Industri Baru
status: planning
psn: false
region: gerbangkertosusila
regency: kab-gresik
sources:
  - id: rakor-2026-11
    url: https://example.org/rakor-2026-11
progress:
  - date: 2026-11-20
    source: rakor-2026-11
    area_ha: 120
"""


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )
    return result.stdout


def make_repo(root: Path) -> Path:
    """A repository with two commits: the sample data, then a KLBM progress report at 75%."""
    repo = root / "repo"
    shutil.copytree(SAMPLE, repo / "data")
    (repo / "README.md").write_text("a data repository\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sample data")
    add_report(repo, "2026-09-01", 75)
    git(repo, "commit", "-q", "-am", "KLBM 75%")
    return repo


def add_report(repo: Path, date: str, percent: float) -> None:
    replace_in(
        repo / "data" / "infrastructure" / "tol-klbm.yaml", "milestones:\n",
        f"  - date: {date}\n    source: suarasurabaya-2020-11\n    percent: {percent}\nmilestones:\n",
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Committed history plus a working tree with every kind of edit a data pull request makes."""
    repo = make_repo(tmp_path_factory.mktemp("history"))
    data = repo / "data"
    replace_in(data / "estates" / "jiipe.yaml", "    tenants: 21\n", "    tenants: 25\n")  # a figure edited
    add_report(repo, "2026-10-15", 82)  # a new report
    replace_in(data / "infrastructure" / "tol-klbm.yaml", "    status: open\n", "    status: resolved\n    resolved: 2026-10\n")
    (data / "estates" / "ki-baru.yaml").write_text(NEW_ESTATE)  # a record added (untracked)
    (data / "estates" / "kig.yaml").unlink()  # a record deleted; still referenced elsewhere
    replace_in(data / "estates" / "ki-ngawi.yaml", "    status: preparation\n", "    status: [preparation\n")  # a broken file
    return repo


def kitrack_in(repo: Path, *args: str):
    return invoke(*args, cwd=repo)


# --- diff ------------------------------------------------------------------------------------------

EXPECTED_LINES = [
    "jiipe: Tenants 21 → 25 (report 13 November 2023, edited)",
    "tol-klbm: new progress report 15 October 2026 (suarasurabaya-2020-11), 75% → 82%",
    "tol-klbm: issue akses-tol-manyar resolved (October 2026)",
    "ki-baru: added: Kawasan Industri Baru — planning, gerbangkertosusila, kab-gresik",
    "kig: removed: Kawasan Industri Gresik (KIG) — operating, gerbangkertosusila, kab-gresik",
]


def test_diff_text_describes_each_change(repo):
    before = git(repo, "status", "--porcelain")
    result = kitrack_in(repo, "diff")
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0] == "Changes to data from HEAD to the working tree:"
    for expected in EXPECTED_LINES:
        assert any(line.endswith(expected) for line in lines), (expected, result.stdout)
    assert "! data/estates/ki-ngawi.yaml in the working tree: YAML syntax error" in result.stdout
    assert "ki-ngawi: removed" not in result.stdout  # broken, not deleted
    assert lines[-1] == "5 changes to 4 records (1 added, 1 removed)"
    assert git(repo, "status", "--porcelain") == before  # the working tree and index are untouched


def test_diff_md_is_a_pull_request_comment(repo):
    result = kitrack_in(repo, "diff", "--format", "md")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("### kitrack diff: `HEAD` → the working tree\n")
    assert "**Estates**" in out and "**Infrastructure**" in out
    assert "- **jiipe**: Tenants 21 → 25 (report 13 November 2023, edited)" in out
    assert "- **tol-klbm**: new progress report 15 October 2026 (suarasurabaya-2020-11), 75% → 82%" in out
    assert "- **tol-klbm**: issue akses-tol-manyar resolved (October 2026)" in out
    assert "- ➕ **ki-baru**: added: Kawasan Industri Baru" in out
    assert "- ➖ **kig**: removed: Kawasan Industri Gresik (KIG)" in out
    assert "- ⚠️ data/estates/ki-ngawi.yaml in the working tree: YAML syntax error" in out
    assert "(yaml-syntax, line 28, column 11)" in out
    assert out.rstrip().endswith("_5 changes to 4 records (1 added, 1 removed)._")


def test_diff_json_is_structured(repo):
    result = kitrack_in(repo, "diff", "--format", "json")
    document = json.loads(result.stdout)
    assert document["from"] == "HEAD" and document["to"] is None
    by_action = {(c["id"], c["action"]): c for c in document["changes"]}
    edited = by_action[("jiipe", "report-changed")]
    assert (edited["field"], edited["old"], edited["new"], edited["date"]) == ("progress.tenants", 21, 25, "2023-11-13")
    report = by_action[("tol-klbm", "report-added")]
    assert report["date"] == "2026-10-15" and report["figures"] == [{"field": "percent", "old": 75, "new": 82}]
    resolved = by_action[("tol-klbm", "issue-resolved")]
    assert (resolved["old"], resolved["new"]) == ("open", "resolved")
    assert by_action[("ki-baru", "added")]["file"] == "data/estates/ki-baru.yaml"
    assert by_action[("kig", "removed")]["kind"] == "estate"
    assert len(document["changes"]) == 5
    (broken,) = document["unreadable"]
    assert broken["file"] == "data/estates/ki-ngawi.yaml" and broken["code"] == "yaml-syntax" and broken["line"] == 28
    assert document["summary"] == {"changes": 5, "records": 4, "added": 1, "removed": 1, "unreadable": 1}


def test_diff_between_two_revisions_and_from_one(repo):
    two = kitrack_in(repo, "diff", "HEAD~1", "HEAD")
    assert two.exit_code == 0
    assert "Changes to data from HEAD~1 to HEAD:" in two.stdout
    assert "tol-klbm: new progress report 1 September 2026 (suarasurabaya-2020-11), 75%\n" in two.stdout
    assert "1 change to 1 record" in two.stdout
    one = kitrack_in(repo, "diff", "HEAD~1", "--format", "json")
    reports = [c for c in json.loads(one.stdout)["changes"] if c["action"] == "report-added"]
    assert [(r["date"], r["figures"][0]["old"], r["figures"][0]["new"]) for r in reports] == [("2026-09-01", None, 75), ("2026-10-15", 75, 82)]
    same = kitrack_in(repo, "diff", "HEAD", "HEAD", "--format", "md")
    assert "No changes to the data" in same.stdout


def test_a_file_that_does_not_parse_at_the_old_revision(tmp_path):
    repo = make_repo(tmp_path)
    pier = repo / "data" / "estates" / "pier.yaml"
    good = pier.read_text()
    pier.write_text(good.replace("name:", "name: [", 1))
    git(repo, "commit", "-q", "-am", "broken")
    pier.write_text(good.replace("psn: false", "psn: true"))
    result = kitrack_in(repo, "diff", "--format", "json")
    document = json.loads(result.stdout)
    assert result.exit_code == 0
    assert [(u["file"], u["side"]) for u in document["unreadable"]] == [("data/estates/pier.yaml", "HEAD")]
    assert document["changes"] == []  # not reported as added
    text = kitrack_in(repo, "diff", "HEAD~1", "HEAD")
    assert "data/estates/pier.yaml in revision HEAD:" in text.stdout


def test_schema_errors_still_show_what_changed(tmp_path):
    repo = make_repo(tmp_path)
    replace_in(repo / "data" / "estates" / "pier.yaml", "status: operating", "status: operational")
    result = kitrack_in(repo, "diff")
    assert "pier: stage operating → operational" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["diff", "no-such-branch"], "unknown git revision `no-such-branch`"),
        (["diff", "HEAD", "nope"], "unknown git revision `nope`"),
        (["diff", "--", "--upload-pack=x"], "is not a git revision"),
        (["diff", "a", "b", "c"], "at most two revisions"),
        (["diff", "--format", "xml"], "xml"),
        (["check", "--changed-since", "nope"], "unknown git revision `nope`"),
    ],
)
def test_usage_errors_exit_2(repo, args, message):
    result = kitrack_in(repo, *args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert result.stdout == ""


def test_outside_a_git_repository(tmp_path):
    shutil.copytree(SAMPLE, tmp_path / "data")
    for args in (["diff"], ["check", "--changed-since", "HEAD"]):
        result = invoke(*args, cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
        assert result.exit_code == 2, result
        assert result.stderr.strip() == "kitrack: error: `data` is not inside a git repository"


def test_a_repository_without_commits(tmp_path):
    shutil.copytree(SAMPLE, tmp_path / "data")
    git(tmp_path, "init", "-q")
    result = invoke("diff", cwd=tmp_path)
    assert result.exit_code == 2 and "unknown git revision `HEAD`" in result.stderr


def test_data_directory_added_since_the_revision(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text("x\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "empty")
    shutil.copytree(SAMPLE, repo / "data")
    document = json.loads(kitrack_in(repo, "diff", "--format", "json").stdout)
    assert document["summary"]["added"] == document["summary"]["changes"] > 30


# --- check --changed-since ---------------------------------------------------------------------


def problems_of(repo: Path, *args: str) -> tuple[int, set]:
    result = kitrack_in(repo, "check", "--format", "json", *args)
    document = json.loads(result.stdout)
    return result.exit_code, {(p["file"], p["line"], p["code"]) for p in document["problems"]}


def test_changed_since_reports_changed_files_and_what_the_changes_caused(repo):
    _, everything = problems_of(repo)
    code, reported = problems_of(repo, "--changed-since", "HEAD")
    assert code == 1
    changed = {"data/estates/jiipe.yaml", "data/estates/ki-baru.yaml", "data/estates/ki-ngawi.yaml", "data/infrastructure/tol-klbm.yaml"}
    in_changed_files = {p for p in everything if p[0] in changed}
    caused = {p for p in reported if p[0] not in changed}
    assert reported == in_changed_files | caused
    # The deleted estate is still served by two unchanged projects: that is the changes' doing.
    assert {(f, c) for f, _, c in caused} == {
        ("data/infrastructure/pipa-gas-gresik-semarang.yaml", "unknown-estate"),
        ("data/infrastructure/spam-umbulan.yaml", "unknown-estate"),
    }
    codes = {(f, c) for f, _, c in reported}
    assert ("data/estates/ki-ngawi.yaml", "yaml-syntax") in codes
    assert ("data/infrastructure/tol-klbm.yaml", "unknown-estate") in codes
    # Old warnings in untouched files (stale pier, stale pipeline) are not this change's business.
    assert not any(f == "data/estates/pier.yaml" for f, _, _ in reported)
    assert ("data/infrastructure/pipa-gas-gresik-semarang.yaml", "stale") in {(f, c) for f, _, c in everything}
    assert ("data/infrastructure/pipa-gas-gresik-semarang.yaml", "stale") not in codes


def test_changed_since_a_clean_revision_reports_nothing(repo):
    code, reported = problems_of(repo, "--changed-since", "HEAD~1", "data/estates/pier.yaml")
    assert code == 0 and reported == set()  # PATH and --changed-since narrow together


def test_changed_since_in_sarif_and_github(repo):
    result = kitrack_in(repo, "check", "--changed-since", "HEAD", "--format", "github")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any("file=data/estates/ki-ngawi.yaml" in line and "title=yaml-syntax" in line for line in annotations)
    assert not any("pier.yaml" in line for line in annotations)


# --- snapshot.dataset_at: the library function `status --since REV` calls ---------------------------


def test_dataset_at_a_revision(repo):
    for where in (repo, repo / "data"):
        old = snapshot.dataset_at(where, "HEAD~1")
        assert "kig" in old.estates and "ki-baru" not in old.estates and "ki-ngawi" in old.estates
        assert [r.percent for r in old.projects["tol-klbm"].progress if r.percent is not None] == []
        assert old.projects["tol-klbm"].issues[0].status.value == "open"
        assert old.estates["jiipe"].progress[-1].tenants == 21
        now = snapshot.dataset_at(where, "HEAD")
        assert [r.percent for r in now.projects["tol-klbm"].progress if r.percent is not None] == [75]
        # Files are named as in the working tree, and problems placed in them, not in a temporary folder.
        origin = now.origin("record", "tol-klbm").file
        assert origin.path == where / "data" / "infrastructure" / "tol-klbm.yaml" if where == repo else origin.path == where / "infrastructure" / "tol-klbm.yaml"
        assert now.problems == []


def test_dataset_at_errors(repo, tmp_path):
    with pytest.raises(GitError, match="unknown git revision `nope`"):
        snapshot.dataset_at(repo, "nope")
    with pytest.raises(GitError, match="not inside a git repository"):
        snapshot.dataset_at(tmp_path, "HEAD")
    other = tmp_path / "r"
    other.mkdir()
    (other / "x.txt").write_text("x")
    git(other, "init", "-q")
    git(other, "add", "-A")
    git(other, "commit", "-q", "-m", "x")
    with pytest.raises(GitError, match="does not exist at revision `HEAD`"):
        snapshot.dataset_at(other, "HEAD")


def test_dataset_at_keeps_problems_of_a_broken_revision(tmp_path):
    repo = make_repo(tmp_path)
    replace_in(repo / "data" / "estates" / "pier.yaml", "psn: false", "psn: yes")
    git(repo, "commit", "-q", "-am", "yes")
    data = snapshot.dataset_at(repo / "data", "HEAD")
    (problem,) = data.problems
    assert problem.code == "yaml11-boolean" and problem.file.endswith("data/estates/pier.yaml")
    assert "pier" not in data.estates


def test_compare_names_every_kind_of_change_and_md_escapes_data(data_copy):
    import io

    from kitrack.load.dataset import load

    klbm = data_copy / "infrastructure" / "tol-klbm.yaml"
    replace_in(klbm, "    due: 2022\n", "    due: 2022\n    done: 2026-11\n")
    replace_in(klbm, "serves: [jiipe, maspion-industrial-estate, kig]", "serves: [jiipe, kig, pier]")
    replace_in(klbm, "budget_idr_bn: 3510", "budget_idr_bn: 3600.5")
    replace_in(klbm, "issues:\n", "issues:\n  - id: banjir\n    title: Flooding <b>*bad*</b> | x\n    owner: kementerian-pupr\n    raised: 2026-11\n    status: open\n")
    replace_in(data_copy / "regions.yaml", "{id: kab-gresik, name: Kabupaten Gresik}", "{id: kab-gresik, name: Kab. Gresik}")
    replace_in(data_copy / "agencies.yaml", "agencies:\n", "agencies:\n  - id: bpjt\n    name: Badan Pengatur Jalan Tol\n    type: ministry\n")
    replace_in(data_copy / "estates" / "jiipe.yaml", "  - id: bisnis-2023-11-13\n", "  - id: antara-2026\n    url: https://example.org/a\n  - id: bisnis-2023-11-13\n")
    result = diff.compare(load(SAMPLE, keep_data=True), load(data_copy, keep_data=True), "HEAD", diff.WORKTREE_LABEL)
    texts = [(c.record_kind, c.id, c.action, diff_output.words(c)) for c in result.changes]
    assert texts == [
        ("region", "gerbangkertosusila", "changed", "regency kab-gresik: name Kabupaten Gresik → Kab. Gresik"),
        ("agency", "bpjt", "added", "added: Badan Pengatur Jalan Tol — ministry"),
        ("estate", "jiipe", "source-added", "new source antara-2026: https://example.org/a"),
        ("infrastructure", "tol-klbm", "changed", "serves: + pier; − maspion-industrial-estate"),
        ("infrastructure", "tol-klbm", "report-changed", "Budget (Rp bn) 3,510 → 3,600.5 (report February 2020, edited)"),
        ("infrastructure", "tol-klbm", "milestone-done", "milestone “Section 4 Bunder–Manyar open” done (November 2026)"),
        ("infrastructure", "tol-klbm", "issue-added", "new issue banjir: Flooding <b>*bad*</b> | x (owner kementerian-pupr)"),
    ]
    out = io.StringIO()
    diff_output.render_md(result, out)
    assert "Flooding \\<b\\>\\*bad\\*\\</b\\> \\| x" in out.getvalue() and "<b>" not in out.getvalue()


def test_diff_in_indonesian(repo):
    result = kitrack_in(repo, "diff", "--lang", "id")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Perubahan pada data dari HEAD ke salinan kerja:")
    assert "kendala akses-tol-manyar selesai (Oktober 2026)" in out
    assert "laporan progres baru 15 Oktober 2026" in out and "Kawasan industri" in out
    assert "5 perubahan pada 4 data (1 ditambahkan, 1 dihapus)" in out


def test_a_figure_removed_from_a_report_is_none_not_none_percent():
    change = diff.Change("infrastructure", "tol-klbm", "f.yaml", "report-changed", field="progress.percent", old=82,
                         new=None, date="2026-10-15")
    assert diff_output.words(change) == "Progress 82% → none (report 15 October 2026, edited)"


def test_compare_names_the_section_of_each_change(data_copy):
    from kitrack.load.dataset import load

    tol = data_copy / "infrastructure" / "tol-probolinggo-banyuwangi.yaml"
    replace_in(tol, "        land_percent: 100", "        land_percent: 100\n      - date: 2026-01-09\n"
               "        source: bisnis-2025-08-19\n        target: 2026-03\n        percent: 92")
    (tol).write_text(tol.read_text(encoding="utf-8") + "  - id: tahap-2\n    name: Tahap II Besuki–Banyuwangi\n",
                     encoding="utf-8")
    result = diff.compare(load(SAMPLE, keep_data=True), load(data_copy, keep_data=True), "HEAD", diff.WORKTREE_LABEL)
    changes = [(c.section, c.action, diff_output.words(c)) for c in result.changes]
    assert changes == [
        ("tahap-1", "report-added", "new progress report 9 January 2026 (bisnis-2025-08-19), target 2026-03, 86.43% → 92%"),
        ("tahap-2", "section-added", "added: Tahap II Besuki–Banyuwangi"),
    ]
