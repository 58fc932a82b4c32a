"""The data at a git revision, and what changed between two revisions, in words.

Revisions are read with git itself (`git ls-tree`, then `git cat-file`) into memory: nothing is
written to disk, so no path in a tree, however crafted, can reach the file system. Every path is
still checked (a tree made with `git hash-object --literally` can hold `../x` or `/tmp/x`, which git
would refuse to check out), and each blob's size is asked before it is read. The snapshot is
validated by `dataset.load_files`, the ordinary loader, with files named as in the working tree
(`data/estates/jiipe.yaml`).

`compare(old, new)` works on the plain data of each file, not on validated models: a record that
has a schema error still shows what changed in it. Only a file that cannot be read as YAML at all is
reported as unreadable instead.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, TextIO, Union

from kitrack import checks
from kitrack.domain import kinds
from kitrack.load.dataset import Dataset, is_data_dir, load, load_files
from kitrack.domain.problems import Problem, display_path
from kitrack.output.i18n import plural, t
from kitrack.output import inert

WORKTREE_LABEL = "the working tree"


class HistoryError(Exception):
    """Git cannot answer: not a repository, an unknown revision, git missing. A usage error (exit 2)."""


class _GitFailed(HistoryError):
    """A git command failed; its message is git's last line (the reason, after any context)."""


def _git(cwd: Path, *args: str, stdin: Optional[bytes] = None) -> bytes:
    # Pathspecs are the data directory's own name, never patterns (`data[1]` is a folder name).
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_LITERAL_PATHSPECS": "1"}
    try:
        result = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env)
    except FileNotFoundError:
        raise HistoryError(t("git.missing")) from None
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {result.returncode}"]
        raise _GitFailed(t("git.failed", command=args[0], detail=inert.terminal(lines[-1])))
    return result.stdout


@dataclass(frozen=True)
class Repo:
    """A data directory inside a git repository."""

    top: Path  # the repository's top level
    prefix: str  # the data directory relative to `top`, in git's spelling ("data", or "" for the top)
    data_dir: Path  # the data directory as the user named it


def locate(data_dir: Path) -> Repo:
    """The git repository that holds `data_dir` (which need not exist in the working tree)."""
    probe = data_dir.resolve()
    while not probe.is_dir() and probe != probe.parent:
        probe = probe.parent
    try:
        top = Path(_git(probe, "rev-parse", "--show-toplevel").decode("utf-8").strip())
    except _GitFailed:
        raise HistoryError(t("git.no_repo", path=data_dir)) from None
    try:
        relative = data_dir.resolve().relative_to(top.resolve())
    except ValueError:
        raise HistoryError(t("git.outside", path=data_dir, top=top)) from None
    prefix = relative.as_posix()
    return Repo(top, "" if prefix == "." else prefix, data_dir)


def resolve(repo: Repo, rev: str) -> str:
    """The commit a revision names, or a HistoryError."""
    if not rev or rev.startswith("-") or "\n" in rev or "\0" in rev:
        raise HistoryError(t("git.not_rev", rev=rev))
    try:
        return _git(repo.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except _GitFailed:
        raise HistoryError(t("git.unknown_rev", rev=rev, top=repo.top)) from None


# Tree entries that are files; symbolic links (120000) and submodules (160000) are not data. git
# reports every mode it reads as one of these, a directory (040000), a link or a submodule.
_FILE_MODES = (b"100644", b"100755")
_SKIPPED_MODES = (b"120000", b"160000")


def _tree(repo: Repo, commit: str, rev: str) -> Optional[dict[str, str]]:
    """The files of the data directory at `commit`: their path relative to it -> their blob's id.
    None when the data directory does not exist at that commit. A HistoryError names the first
    entry that is not a plain, confined path."""
    pathspec = [repo.prefix] if repo.prefix else []
    listing = _git(repo.top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *pathspec)
    lead = f"{repo.prefix}/" if repo.prefix else ""
    files: dict[str, str] = {}
    seen_any = False
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, _, sha = meta.split(b" ")
        path = raw_path.decode("utf-8", "surrogateescape")
        if path == repo.prefix:
            continue  # the data directory's name is a file or a link at this commit: no data directory
        seen_any = True
        # A name cannot hold a NUL (it ends a name in a tree), but it can hold `/`, or be `..`, `.`
        # or empty: git itself refuses to check such a tree out.
        parts = path[len(lead):].split("/") if path.startswith(lead) else [""]
        if any(part in ("", ".", "..") for part in parts):
            raise HistoryError(t("git.unsafe_path", rev=rev, path=inert.terminal(path)))
        relative = "/".join(parts)
        if mode in _SKIPPED_MODES:
            continue
        if mode not in _FILE_MODES:
            raise HistoryError(t("git.not_a_file", rev=rev, path=inert.terminal(path), kind=f"mode {inert.terminal(mode.decode('ascii', 'replace'))}"))
        if relative in files:
            raise HistoryError(t("git.twice", rev=rev, path=inert.terminal(path)))
        files[relative] = sha.decode("ascii")
    return files if seen_any else None


def _reader(repo: Repo, files: dict[str, str], rev: str) -> Callable[[list[str], int], list[Union[bytes, int]]]:
    """`dataset.ReadFiles` for the blobs of one tree: their sizes first (`git cat-file
    --batch-check`), then the contents of those within the limit (`git cat-file --batch`), so a
    300 MB blob is never read."""

    def shown(name: str) -> str:
        return inert.terminal(f"{repo.prefix}/{name}" if repo.prefix else name)

    def replies(names: list[str], output: bytes, contents: bool) -> list[Union[bytes, int]]:
        out: list[Union[bytes, int]] = []
        offset = 0
        for name in names:
            end = output.find(b"\n", offset)
            header = output[offset:end].split(b" ") if end >= 0 else []
            if len(header) == 2 and header[1] == b"missing":
                raise HistoryError(t("git.missing_object", rev=rev, path=shown(name)))
            if len(header) != 3 or header[0].decode("ascii", "replace") != files[name] or not header[2].isdigit():
                raise HistoryError(t("git.failed", command="cat-file", detail=t("git.bad_reply")))
            if header[1] != b"blob":  # a file entry whose object is a tree or a commit
                raise HistoryError(t("git.not_a_file", rev=rev, path=shown(name), kind=f"git {inert.terminal(header[1].decode('ascii', 'replace'))}"))
            size = int(header[2])
            if not contents:
                out.append(size)
                offset = end + 1
                continue
            body = output[end + 1 : end + 1 + size]
            if len(body) != size or output[end + 1 + size : end + 2 + size] != b"\n":
                raise HistoryError(t("git.failed", command="cat-file", detail=t("git.bad_reply")))
            out.append(body)
            offset = end + 2 + size
        return out

    def read(names: list[str], limit: int) -> list[Union[bytes, int]]:
        if not names:
            return []
        request = "".join(f"{files[name]}\n" for name in names).encode()
        sizes = replies(names, _git(repo.top, "cat-file", "--batch-check", stdin=request), contents=False)
        small = [name for name, size in zip(names, sizes) if size <= limit]
        request = "".join(f"{files[name]}\n" for name in small).encode()
        blobs = iter(replies(small, _git(repo.top, "cat-file", "--batch", stdin=request), contents=True) if small else [])
        return [next(blobs) if size <= limit else size for size in sizes]

    return read


def snapshot(repo: Repo, commit: str, rev: str) -> Optional[Dataset]:
    """The data set at `commit` (which `rev` names, for messages), or None when the data directory
    did not exist then."""
    files = _tree(repo, commit, rev)
    if files is None:
        return None
    return load_files(repo.data_dir, files, _reader(repo, files, rev), keep_data=True)


def dataset_at(repo_root_or_data_dir: Path, rev: str) -> Dataset:
    """The data set as it was committed at `rev` (a branch, tag, commit or `HEAD~3`).

    `repo_root_or_data_dir` is the data directory, or a repository root whose `data/` is meant.
    The working tree is not touched. Raises HistoryError outside a git repository, for an unknown
    revision, or when the data directory did not exist at that revision.
    """
    path = Path(repo_root_or_data_dir)
    data_dir = path / "data" if not is_data_dir(path) and (path / ".git").exists() else path
    repo = locate(data_dir)
    commit = resolve(repo, rev)
    data = snapshot(repo, commit, rev)
    if data is None:
        raise HistoryError(t("git.no_data_at", path=repo.prefix or ".", rev=rev))
    return data


# --- files changed since a revision -------------------------------------------------------------


def changed_paths(repo: Repo, commit: str) -> set[Path]:
    """Files under the data directory that differ between `commit` and the working tree (staged,
    unstaged or untracked), as resolved paths. Deleted files are included."""
    pathspec = [repo.prefix] if repo.prefix else []
    changed = _git(repo.top, "diff", "--name-only", "-z", "--no-renames", commit, "--", *pathspec)
    untracked = _git(repo.top, "ls-files", "--others", "--exclude-standard", "-z", "--", *pathspec)
    names = [n for n in (changed + b"\0" + untracked).split(b"\0") if n]
    return {(repo.top / n.decode("utf-8", "surrogateescape")).resolve() for n in names}


def _problem_key(problem: Problem) -> tuple:
    return (problem.file, problem.line, problem.column, problem.code, problem.message)


def changed_problems(data_dir: Path, rev: str, dataset: Dataset, problems: list[Problem], context) -> list[Problem]:
    """Of `problems` (found in the whole working-tree `dataset`), those in files changed since
    `rev`, and those elsewhere that were not there at `rev`: what the changes caused (a deleted
    estate still referenced, a renamed agency)."""
    repo = locate(data_dir)
    commit = resolve(repo, rev)
    changed = changed_paths(repo, commit)
    changed_names = {source.name for source in dataset.files if source.path.resolve() in changed}
    before_data = snapshot(repo, commit, rev)
    before = {_problem_key(p) for p in checks.run(before_data, context)} if before_data is not None else set()
    return [p for p in problems if p.file in changed_names or _problem_key(p) not in before]


# --- semantic diff -------------------------------------------------------------------------------


@dataclass
class Change:
    """One thing that changed in one record."""

    kind: str  # estate, infrastructure, region, agency, meeting
    id: str
    file: str
    action: str  # added, removed, changed, report-added, report-changed, report-removed, issue-..., ...
    text: str  # in words, without the record's id
    field: Optional[str] = None  # the field path, where one field changed
    old: Any = None
    new: Any = None
    date: Optional[str] = None  # the report's date, for report changes
    figures: list[dict] = dataclasses.field(default_factory=list)  # report-added: [{field, old, new}]

    def as_dict(self) -> dict:
        data = dataclasses.asdict(self)
        if not self.figures:
            data.pop("figures")
        return data


@dataclass
class Unreadable:
    """A file that could not be read as YAML at one side of the comparison."""

    file: str
    side: str  # the revision's label
    code: str
    line: int
    column: int
    message: str


@dataclass
class Diff:
    old: str  # labels: a revision as given, or "the working tree"
    new: str
    data_dir: str
    changes: list[Change] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def summary(self) -> dict:
        records = {(c.kind, c.id) for c in self.changes}
        return {
            "changes": len(self.changes),
            "records": len(records),
            "added": sum(1 for c in self.changes if c.action == "added"),
            "removed": sum(1 for c in self.changes if c.action == "removed"),
            "unreadable": len(self.unreadable),
        }


@dataclass
class _Side:
    label: str
    entities: dict[tuple[str, str], tuple[str, dict]] = field(default_factory=dict)  # key -> (file, data)
    unknown_keys: set = field(default_factory=set)  # records whose file could not be read
    unknown_kinds: set = field(default_factory=set)  # regions/agencies when their file could not be read
    unreadable: list[Unreadable] = field(default_factory=list)


_NOT_READ = {"missing-file", "unexpected-file"}
_LIST_KINDS = {kind.file: kind for kind in kinds.LIST_KINDS}
_FOLDER_KINDS = {kind.folder: kind for kind in kinds.FOLDER_KINDS}


def _side(data: Optional[Dataset], label: str) -> _Side:
    side = _Side(label)
    if data is None:
        return side
    for source in data.files:
        try:
            parts = source.path.relative_to(data.root).parts
        except ValueError:
            continue
        list_kind = _LIST_KINDS.get(parts[0]) if len(parts) == 1 else None
        folder_kind = _FOLDER_KINDS.get(parts[0]) if len(parts) == 2 and parts[1].endswith(".yaml") else None
        if list_kind is None and folder_kind is None:
            continue
        if source.data is None and source.text is not None and not source.problems:
            raise ValueError("compare() needs data sets loaded with load(..., keep_data=True)")
        if not isinstance(source.data, dict):
            problems = [p for p in source.problems if p.code not in _NOT_READ]
            if problems:
                first = min(problems)
                side.unreadable.append(Unreadable(source.name, label, first.code, first.line, first.column, first.message))
                if list_kind:
                    side.unknown_kinds.add(list_kind.name)
                else:
                    side.unknown_keys.add((folder_kind.name, Path(parts[1]).stem))
            continue
        if folder_kind:
            side.entities[(folder_kind.name, Path(parts[1]).stem)] = (source.name, source.data)
            continue
        items = source.data.get(list_kind.key)
        if not isinstance(items, list):
            side.unknown_kinds.add(list_kind.name)
            continue
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str) and (list_kind.name, item["id"]) not in side.entities:
                side.entities[(list_kind.name, item["id"])] = (source.name, item)
    return side


def compare(old: Optional[Dataset], new: Optional[Dataset], old_label: str, new_label: str, data_dir: str = "data") -> Diff:
    """What changed from `old` to `new` (either may be None: no data directory at that side).
    Both must be loaded with `load(..., keep_data=True)`: the comparison is of plain data."""
    before, after = _side(old, old_label), _side(new, new_label)
    diff = Diff(old_label, new_label, data_dir, unreadable=before.unreadable + after.unreadable)
    order = list(kinds.BY_NAME)
    keys = sorted(before.entities.keys() | after.entities.keys(), key=lambda k: (order.index(k[0]), k[1]))
    for key in keys:
        kind, rid = key
        if key in before.unknown_keys or key in after.unknown_keys or kind in before.unknown_kinds or kind in after.unknown_kinds:
            continue  # one side could not be read: it is listed as unreadable instead
        if key not in after.entities:
            file, data = before.entities[key]
            diff.changes.append(Change(kind, rid, file, "removed", t("diff.removed", what=_describe(kind, data))))
        elif key not in before.entities:
            file, data = after.entities[key]
            diff.changes.append(Change(kind, rid, file, "added", t("diff.added", what=_describe(kind, data))))
        else:
            file, data = after.entities[key]
            diff.changes.extend(_Record(kind, rid, file).compare(before.entities[key][1], data))
    return diff


def _describe(kind: str, data: dict) -> str:
    name = _fmt(data.get("name") or data.get("title") or "")
    details = [_fmt(data[k]) for k in ("status", "kind", "type", "region", "regency", "date") if _plain(data.get(k))]
    return f"{name} — {', '.join(details)}" if details and name else name or ", ".join(details)


def _plain(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _fmt(value: Any, limit: int = 80) -> str:
    if value is None:
        return t("diff.none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_fmt(v, limit) for v in value) + "]"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt(v, limit)}" for k, v in value.items())
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _figure(name: str, value: Any) -> str:
    if name == "percent":
        return f"{_fmt(value)}%"
    if name.endswith("_percent") and value is not None:
        return f"{_fmt(value)}%"
    return _fmt(value)


def _label(name: str) -> str:
    """The physical-progress percent is the headline figure: shown without its field name."""
    return "" if name == "percent" else f"{name} "


def _key_of(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) and _plain(item.get(key)) else None


def _keyed(items: Any, key: Callable[[Any], Any]) -> Optional[dict]:
    """A list of mappings indexed by `key`; None when the list cannot be keyed (the schema is broken)."""
    if not isinstance(items, list):
        return None
    out: dict = {}
    for item in items:
        k = key(item)
        if k is None or k in out:
            return None
        out[k] = item
    return out


class _Record:
    def __init__(self, kind: str, rid: str, file: str):
        self.kind, self.id, self.file = kind, rid, file
        self.out: list[Change] = []

    def add(self, action: str, text: str, **extra) -> None:
        self.out.append(Change(self.kind, self.id, self.file, action, text, **extra))

    def compare(self, old: dict, new: dict) -> list[Change]:
        special = {
            "progress": self.progress,
            "issues": self.issues,
            "milestones": self.milestones,
            "sources": self.sources,
            "regencies": self.regencies,
            "decisions": self.decisions,
        }
        for name in [*new, *(k for k in old if k not in new)]:
            before, after = old.get(name), new.get(name)
            if before == after:
                continue
            handler = special.get(name)
            if handler is not None and handler(before or [], after or []):
                continue
            self.field(name, before, after)
        return self.out

    def field(self, path: str, before: Any, after: Any, prefix: str = "", **extra) -> None:
        lead = f"{prefix}{path}"
        if _is_slug_list(before) and _is_slug_list(after):
            added = [v for v in after or [] if v not in (before or [])]
            removed = [v for v in before or [] if v not in (after or [])]
            if added or removed:
                parts = ([f"+ {', '.join(map(_fmt, added))}"] if added else []) + ([f"− {', '.join(map(_fmt, removed))}"] if removed else [])
                self.add("changed", f"{lead}: {'; '.join(parts)}", field=path, old=before, new=after, **extra)
            else:
                self.add("changed", t("diff.reordered", lead=lead), field=path, old=before, new=after, **extra)
            return
        if before is None:
            text = t("diff.set", lead=lead, new=_fmt(after))
        elif after is None:
            text = t("diff.field_removed", lead=lead, old=_fmt(before))
        elif isinstance(after, str) and len(after) > 40:
            text = t("diff.text_changed", lead=lead, new=_fmt(after))
        else:
            text = f"{lead} {_fmt(before)} → {_fmt(after)}"
        self.add("changed", text, field=path, old=before, new=after, **extra)

    # -- dated progress reports ------------------------------------------------------------------
    def progress(self, old: Any, new: Any) -> bool:
        def key(item: Any) -> Any:
            if not isinstance(item, dict) or not _plain(item.get("date")):
                return None
            return (str(item["date"]), item.get("source") if _plain(item.get("source")) else None)

        before, after = _keyed(old, key), _keyed(new, key)
        if before is None or after is None:
            return False
        latest: dict[str, Any] = {}  # field -> the latest value among earlier reports of the new list
        for (date, source), report in after.items():
            if (date, source) not in before:
                figures = [(k, v) for k, v in report.items() if k not in ("date", "source", "note")]
                described = ", ".join(
                    f"{_label(k)}{_figure(k, latest[k])} → {_figure(k, v)}" if k in latest and latest[k] != v else f"{_label(k)}{_figure(k, v)}"
                    for k, v in figures
                )
                text = t("diff.new_report", date=date) + (f" ({source})" if source else "") + (f", {described}" if described else "")
                self.add(
                    "report-added", text, date=date,
                    figures=[{"field": k, "old": latest.get(k), "new": v} for k, v in figures],
                )
            else:
                previous = before[(date, source)]
                for name in [*report, *(k for k in previous if k not in report)]:
                    if report.get(name) != previous.get(name):
                        was, now = previous.get(name), report.get(name)
                        if name == "note":
                            text = t("diff.note_removed", date=date) if now is None else t("diff.note_changed", date=date, new=_fmt(now))
                        else:
                            text = t("diff.report_edited", figure=_label(name) or t("diff.percent"), old=_figure(name, was), new=_figure(name, now), date=date)
                        self.add("report-changed", text, field=f"progress.{name}", old=was, new=now, date=date)
            for k, v in report.items():
                if k not in ("date", "source", "note") and v is not None:
                    latest[k] = v
        for (date, source), report in before.items():
            if (date, source) not in after:
                figures = ", ".join(f"{_label(k)}{_figure(k, v)}" for k, v in report.items() if k not in ("date", "source", "note"))
                self.add("report-removed", t("diff.report_removed", date=date) + (" " + t("diff.it_said", figures=figures) if figures else ""), date=date)
        return True

    # -- issues (kendala) ------------------------------------------------------------------------
    def issues(self, old: Any, new: Any) -> bool:
        before, after = _keyed(old, lambda i: _key_of(i, "id")), _keyed(new, lambda i: _key_of(i, "id"))
        if before is None or after is None:
            return False
        for iid, issue in after.items():
            if iid not in before:
                facts = [t("diff.owner", owner=_fmt(issue["owner"]))] if issue.get("owner") else []
                facts += [t("diff.due", due=_fmt(issue["due"]))] if issue.get("due") else []
                status = " " + t("diff.already_resolved") if issue.get("status") == "resolved" else ""
                self.add("issue-added", t("diff.new_issue", id=iid, title=_fmt(issue.get("title"))) + (f" ({', '.join(facts)})" if facts else "") + status, field=f"issues.{iid}")
                continue
            previous = before[iid]
            for name in [*issue, *(k for k in previous if k not in issue)]:
                was, now = previous.get(name), issue.get(name)
                if was == now or (name == "resolved" and issue.get("status") != previous.get("status")):
                    continue
                if name == "status" and now == "resolved":
                    when = f" ({_fmt(issue['resolved'])})" if issue.get("resolved") else ""
                    self.add("issue-resolved", t("diff.issue_resolved", id=iid) + when, field=f"issues.{iid}.status", old=was, new=now)
                elif name == "status" and now == "open":
                    self.add("issue-reopened", t("diff.issue_reopened", id=iid), field=f"issues.{iid}.status", old=was, new=now)
                else:
                    self.field(name, was, now, prefix=t("diff.issue_prefix", id=iid))
        for iid in before:
            if iid not in after:
                self.add("issue-removed", t("diff.issue_removed", id=iid), field=f"issues.{iid}")
        return True

    # -- milestones ------------------------------------------------------------------------------
    def milestones(self, old: Any, new: Any) -> bool:
        before, after = _keyed(old, lambda m: _key_of(m, "name")), _keyed(new, lambda m: _key_of(m, "name"))
        if before is None or after is None:
            return False
        for name, milestone in after.items():
            label = t("diff.milestone", name=_fmt(name))
            if name not in before:
                facts = [t("diff.due", due=_fmt(milestone["due"]))] if milestone.get("due") else []
                facts += [t("diff.done", done=_fmt(milestone["done"]))] if milestone.get("done") else []
                self.add("milestone-added", t("diff.new", what=label) + (f" ({', '.join(facts)})" if facts else ""))
                continue
            previous = before[name]
            for key in [*milestone, *(k for k in previous if k not in milestone)]:
                was, now = previous.get(key), milestone.get(key)
                if was == now:
                    continue
                if key == "done" and was is None:
                    self.add("milestone-done", t("diff.milestone_done", what=label, done=_fmt(now)), field="milestones.done", old=was, new=now)
                else:
                    self.field(key, was, now, prefix=f"{label}: ")
        for name in before:
            if name not in after:
                self.add("milestone-removed", t("diff.thing_removed", what=t("diff.milestone", name=_fmt(name))))
        return True

    # -- sources, regencies, decisions: keyed lists ----------------------------------------------
    def _by_id(self, old: Any, new: Any, what: str, describe: Callable[[dict], str], key: str = "id") -> bool:
        before, after = _keyed(old, lambda s: _key_of(s, key)), _keyed(new, lambda s: _key_of(s, key))
        if before is None or after is None:
            return False
        for sid, item in after.items():
            if sid not in before:
                self.add(f"{what}-added", t("diff.new", what=f"{t('diff.kind.' + what)} {_fmt(sid)}") + (f": {describe(item)}" if describe(item) else ""))
                continue
            for name in [*item, *(k for k in before[sid] if k not in item)]:
                if before[sid].get(name) != item.get(name):
                    self.field(name, before[sid].get(name), item.get(name), prefix=f"{t('diff.kind.' + what)} {_fmt(sid)}: ")
        for sid in before:
            if sid not in after:
                self.add(f"{what}-removed", t("diff.thing_removed", what=f"{t('diff.kind.' + what)} {_fmt(sid)}"))
        return True

    def sources(self, old: Any, new: Any) -> bool:
        return self._by_id(old, new, "source", lambda s: _fmt(s.get("title") or s.get("url") or ""))

    def regencies(self, old: Any, new: Any) -> bool:
        if _is_slug_list(old) and _is_slug_list(new):  # infrastructure: a list of regency ids
            return False
        return self._by_id(old, new, "regency", lambda r: _fmt(r.get("name") or ""))

    def decisions(self, old: Any, new: Any) -> bool:
        return self._by_id(old, new, "decision", lambda d: _fmt(d.get("owner") or ""), key="text")


def _is_slug_list(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(_plain(v) for v in value))


# --- reading revisions for a diff ----------------------------------------------------------------


def diff(data_dir: Path, revisions: list[str]) -> Diff:
    """`kitrack diff`: no revision compares HEAD with the working tree; one compares it with the
    working tree; two compare the first with the second."""
    if len(revisions) > 2:
        raise HistoryError(t("error.two_revisions"))
    repo = locate(data_dir)
    old_rev = revisions[0] if revisions else "HEAD"
    old_data = snapshot(repo, resolve(repo, old_rev), old_rev)
    if len(revisions) == 2:
        new_label = revisions[1]
        new_data = snapshot(repo, resolve(repo, new_label), new_label)
    else:
        new_label = WORKTREE_LABEL
        new_data = load(data_dir, keep_data=True) if data_dir.is_dir() else None
    return compare(old_data, new_data, old_rev, new_label, display_path(data_dir))


# --- rendering ------------------------------------------------------------------------------------


def _grouped(result: Diff) -> Iterable[tuple[str, list[Change]]]:
    for kind in kinds.RECORD_KINDS:
        changes = [c for c in result.changes if c.kind == kind.name]
        if changes:
            yield t(kind.heading), changes


def _summary_text(result: Diff) -> str:
    s = result.summary()
    if not s["changes"]:
        return t("diff.no_changes")
    return t("diff.summary", changes=plural(s["changes"], "change"), records=plural(s["records"], "record"), added=s["added"], removed=s["removed"])


def _side_label(label: str) -> str:
    return t("diff.worktree") if label == WORKTREE_LABEL else t("diff.revision", rev=label)


def render_text(result: Diff, out: TextIO) -> None:
    new = t("diff.worktree") if result.new == WORKTREE_LABEL else result.new
    out.write(t("diff.title", data=inert.terminal(result.data_dir), old=inert.terminal(result.old), new=inert.terminal(new)) + "\n")
    for heading, changes in _grouped(result):
        out.write(f"\n{heading}\n")
        for change in changes:
            mark = {"added": "+", "removed": "-"}.get(change.action, "~")
            out.write(f"  {mark} {inert.terminal(change.id)}: {inert.terminal(change.text)}\n")
    if result.unreadable:
        out.write("\n" + t("diff.unreadable") + "\n")
        for item in result.unreadable:
            where = t("diff.unreadable_item", file=inert.terminal(item.file), side=inert.terminal(_side_label(item.side)))
            out.write(f"  ! {where}: {inert.terminal(item.message)} ({t('diff.position', code=item.code, line=item.line, column=item.column)})\n")
    out.write(f"\n{_summary_text(result)}\n")




def render_md(result: Diff, out: TextIO) -> None:
    old = inert.markdown_code(result.old)
    new = inert.markdown(t("diff.worktree")) if result.new == WORKTREE_LABEL else f"`{inert.markdown_code(result.new)}`"
    out.write(f"### kitrack diff: `{old}` → {new}\n\n")
    if not result.changes and not result.unreadable:
        out.write(t("diff.md_no_changes", data=inert.markdown(result.data_dir)) + "\n")
        return
    for heading, changes in _grouped(result):
        out.write(f"**{heading}**\n\n")
        for change in changes:
            verb = {"added": "➕ ", "removed": "➖ "}.get(change.action, "")
            out.write(f"- {verb}**{inert.markdown(change.id)}**: {inert.markdown(change.text)}\n")
        out.write("\n")
    if result.unreadable:
        out.write(f"**{t('diff.unreadable')}**\n\n")
        for item in result.unreadable:
            where = t("diff.unreadable_item", file=inert.markdown(item.file), side=inert.markdown(_side_label(item.side)))
            out.write(f"- ⚠️ {where}: {inert.markdown(item.message)} ({t('diff.position', code=item.code, line=item.line, column=item.column)})\n")
        out.write("\n")
    summary = _summary_text(result)
    out.write(f"_{inert.markdown(summary[:1].upper() + summary[1:])}._\n")


def render_json(result: Diff, out: TextIO) -> None:
    document = {
        "from": result.old,
        "to": None if result.new == WORKTREE_LABEL else result.new,
        "data": result.data_dir,
        "changes": [change.as_dict() for change in result.changes],
        "unreadable": [dataclasses.asdict(item) for item in result.unreadable],
        "summary": result.summary(),
    }
    inert.write_json(document, out, default=str)


RENDERERS: dict[str, Callable[[Diff, TextIO], None]] = {"text": render_text, "md": render_md, "json": render_json}
