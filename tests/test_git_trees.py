"""Git revisions are read into memory, never onto disk, and only within the limits.

Trees are crafted in each test with `git hash-object -t tree --literally`, as an attacker would (a
default `git fetch` accepts them): entry names with `/`, `..`, `.`, an empty name, a file entry that
points at a tree, a blob that is not in the repository. Every command that reads a revision (`diff`,
`status --since REV`, `check --changed-since REV`) must refuse them with a one-line usage error, and
write nothing, in or out of the working tree.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_fixtures import BASE, FIXTURE_NAMES, build

from kitrack.git import snapshot
from kitrack.cli import app
from kitrack.domain.problems import Term
from kitrack.load.dataset import load
from kitrack.load.limits import Limits

AS_OF = "2026-11-29"


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo, input=stdin, capture_output=True, check=True,
    )
    return result.stdout.decode().strip()


def make_repo(path: Path) -> Path:
    """A repository whose one commit, `main`, holds the base fixture as `data/`."""
    shutil.copytree(BASE, path / "data")
    git(path, "init", "-q", "-b", "main")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "base")
    return path


def blob(repo: Path, content: bytes) -> str:
    return git(repo, "hash-object", "-w", "--stdin", stdin=content)


def tree_with(repo: Path, tree: str, folders: list[str], mode: str, name: bytes, sha: str) -> str:
    """`tree` with one more entry in its sub-folder `folders`, written as git would never write it."""
    entries = []
    for line in subprocess.run(["git", "ls-tree", "-z", tree], cwd=repo, capture_output=True, check=True).stdout.split(b"\0"):
        if line:
            meta, _, entry_name = line.partition(b"\t")
            entry_mode, _, entry_sha = meta.decode().split()
            if folders and entry_name == folders[0].encode():
                entry_sha = tree_with(repo, entry_sha, folders[1:], mode, name, sha)
            entries.append((entry_mode, entry_name, entry_sha))
    if not folders:
        entries.append((mode, name, sha))
    raw = b"".join(m.encode() + b" " + n + b"\0" + bytes.fromhex(s) for m, n, s in entries)
    return git(repo, "hash-object", "-w", "-t", "tree", "--literally", "--stdin", stdin=raw)


def commit_with(repo: Path, folders: list[str], mode: str, name: bytes, sha: str, branch: str = "evil") -> None:
    tree = tree_with(repo, git(repo, "rev-parse", "main^{tree}"), folders, mode, name, sha)
    git(repo, "branch", "-f", branch, git(repo, "commit-tree", tree, "-p", "main", "-m", "crafted"))


def kitrack(repo: Path, monkeypatch, *args: str):
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(app, [*args, "--data", "data"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


READERS = [["diff", "main", "evil"], ["diff", "evil"], ["status", "--since", "evil", "--as-of", AS_OF], ["check", "--changed-since", "evil", "--as-of", AS_OF]]


def state(path: Path) -> dict:
    return {p.relative_to(path).as_posix(): (p.read_bytes() if p.is_file() else None) for p in sorted(path.rglob("*")) if ".git" not in p.parts}


@pytest.mark.parametrize("folders, name", [
    (["data", "estates"], "../../../../../../../../../../../..{outside}/escape.yaml"),  # climbs out of any folder
    (["data"], "{outside}/absolute.yaml"),  # `data//tmp/x.yaml`: joined to a folder, it was `/tmp/x.yaml`
    (["data"], "{repo}/data/estates/ki-alpha.yaml"),  # aims at a tracked file of the working tree
    (["data", "estates"], "./ki-dot.yaml"),
])
def test_a_path_git_would_refuse_is_refused_and_nothing_is_written(tmp_path, monkeypatch, folders, name):
    repo, outside = make_repo(tmp_path / "repo"), tmp_path / "outside"
    outside.mkdir()
    name = name.format(outside=outside, repo=repo)
    commit_with(repo, folders, "100644", name.encode(), blob(repo, b"id: forged\nname: forged\n"))
    before, status = state(tmp_path), git(repo, "status", "--porcelain", "--ignored")
    for args in READERS:
        result = kitrack(repo, monkeypatch, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "revision `evil` holds a path git itself refuses to check out" in result.output
        assert f"`{'/'.join(folders)}/{name}`" in result.output and len(result.output.strip().splitlines()) == 1
    assert state(tmp_path) == before  # nothing written outside, nothing overwritten inside
    assert git(repo, "status", "--porcelain", "--ignored") == status


@pytest.mark.parametrize("name, mode", [(b"..", "40000"), (b".", "40000"), (b"", "40000"), (b"", "100644"), (b"ki-alpha.yaml", "100644")])
def test_dot_dot_dot_empty_and_twice_are_refused(tmp_path, monkeypatch, name, mode):
    repo = make_repo(tmp_path / "repo")
    inner = git(repo, "rev-parse", "main:data/estates") if mode == "40000" else blob(repo, b"id: x\n")
    commit_with(repo, ["data", "estates"], mode, name, inner)
    result = kitrack(repo, monkeypatch, "diff", "main", "evil")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
    # git itself stops at an empty name; kitrack refuses the others
    expected = {b"": "git ls-tree failed: fatal: empty filename in tree entry", b"ki-alpha.yaml": "lists `data/estates/ki-alpha.yaml` twice"}
    assert expected.get(name, "refuses to check out") in result.output


def test_a_file_entry_that_is_a_tree_is_refused(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "repo")
    commit_with(repo, ["data", "estates"], "100644", b"ki-tree.yaml", git(repo, "rev-parse", "main:data"))
    result = kitrack(repo, monkeypatch, "diff", "main", "evil")
    assert result.exit_code == 2
    assert result.output.strip() == "kitrack: error: revision `evil`: `data/estates/ki-tree.yaml` is not a plain file (git tree); the revision is not read"


def test_links_and_submodules_are_not_data(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "repo")
    commit_with(repo, ["data", "estates"], "120000", b"ki-link.yaml", blob(repo, b"/etc/passwd"), branch="link")
    commit_with(repo, ["data", "estates"], "160000", b"ki-sub.yaml", git(repo, "rev-parse", "main"), branch="evil")
    for args in (["diff", "main", "link"], ["diff", "main", "evil"]):
        result = kitrack(repo, monkeypatch, *args)
        assert result.exit_code == 0 and "no changes to the data" in result.output, result.output


# --- item 8: git fails after the revision resolves -----------------------------------------------


def test_a_missing_blob_is_a_one_line_usage_error(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "repo")
    absent = git(repo, "hash-object", "--stdin", stdin=b"id: never-written\n")  # its id, but no object
    commit_with(repo, ["data", "estates"], "100644", b"ki-gone.yaml", absent)
    for args in READERS:
        result = kitrack(repo, monkeypatch, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "revision `evil`: the contents of `data/estates/ki-gone.yaml` are not in this repository" in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_a_partial_clone_whose_remote_is_gone(tmp_path, monkeypatch):
    origin = make_repo(tmp_path / "origin")
    git(origin, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--filter=blob:none", "--no-checkout", f"file://{origin}", str(clone))
    shutil.rmtree(origin)
    result = kitrack(clone, monkeypatch, "diff", "origin/main", "origin/main")
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kitrack: error: git cat-file failed: ") and "promisor" in lines[0], lines


# --- item 11: the size limit applies before a blob is read ---------------------------------------


def test_a_blob_over_the_limit_is_never_read(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "repo")
    big = repo / "data" / "estates" / "ki-big.yaml"
    big.write_bytes(b"id: ki-big\nnotes: " + b"x" * 300_000 + b"\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "big")
    big_sha = git(repo, "rev-parse", "HEAD:data/estates/ki-big.yaml")
    requests: list[bytes] = []
    real_git = snapshot.run_git

    def spy(cwd, *args, stdin=None):
        if args[:2] == ("cat-file", "--batch"):
            requests.append(stdin)
        return real_git(cwd, *args, stdin=stdin)

    monkeypatch.setattr(snapshot, "run_git", spy)
    monkeypatch.chdir(repo)
    data = snapshot.dataset_at(repo / "data", "HEAD", Limits(max_file_bytes=100_000))
    (problem,) = data.problems
    assert (problem.file, problem.code) == ("data/estates/ki-big.yaml", "unreadable-file")
    assert problem.params == {"detail": Term("p.too_big", size="300,019", limit="100,000")}
    assert requests and not any(big_sha.encode() in request for request in requests)
    result = kitrack(repo, monkeypatch, "diff", "main", "HEAD", "--max-file-mb", "0.1", "--format", "json")
    assert '"file": "data/estates/ki-big.yaml"' in result.output and "over the 104,857-byte limit" in result.output


# --- the snapshot is read as the working tree is -------------------------------------------------


def test_a_revision_gives_the_same_problems_as_its_checkout(tmp_path):
    """Every fixture data set, committed, then read back from git: the same problems, at the same
    places, named as in the working tree (the in-memory loader and the one on disk agree)."""
    repo = tmp_path / "repo"
    sets = {name: build(name, repo / name) for name in FIXTURE_NAMES}
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "fixtures")
    for name, root in sets.items():
        on_disk = load(root, keep_data=True)
        from_git = snapshot.dataset_at(root, "HEAD")
        assert from_git.problems == on_disk.problems, name
        assert [f.name for f in from_git.files] == [f.name for f in on_disk.files], name
        assert from_git.record_count == on_disk.record_count, name
