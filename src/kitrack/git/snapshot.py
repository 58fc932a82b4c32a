"""The data at a git revision, read into memory.

Revisions are read with git itself (`git ls-tree`, then `git cat-file`) into memory: nothing is
written to disk, so no path in a tree, however crafted, can reach the file system. Every path is
still checked (a tree made with `git hash-object --literally` can hold `../x` or `/tmp/x`, which git
would refuse to check out), and each blob's size is asked before it is read. The snapshot is
validated by `dataset.load_files`, the ordinary loader, with files named as in the working tree
(`data/estates/jiipe.yaml`).
"""

from __future__ import annotations

from pathlib import Path

from kitrack.git.repo import GitError, Repo, locate, resolve, run_git
from kitrack.load.dataset import Dataset, ReadFiles, is_data_dir, load_files
from kitrack.load.limits import DEFAULT_LIMITS, Limits
from kitrack.output import inert
from kitrack.output.i18n import t

# Tree entries that are files; symbolic links (120000) and submodules (160000) are not data. git
# reports every mode it reads as one of these, a directory (040000), a link or a submodule.
_FILE_MODES = (b"100644", b"100755")
_SKIPPED_MODES = (b"120000", b"160000")


def _tree(repo: Repo, commit: str, rev: str) -> dict[str, str] | None:
    """The files of the data directory at `commit`: their path relative to it -> their blob's id.
    None when the data directory does not exist at that commit. A GitError names the first
    entry that is not a plain, confined path."""
    pathspec = [repo.prefix] if repo.prefix else []
    listing = run_git(repo.top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *pathspec)
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
            raise GitError(t("git.unsafe_path", rev=rev, path=inert.terminal(path)))
        relative = "/".join(parts)
        if mode in _SKIPPED_MODES:
            continue
        if mode not in _FILE_MODES:
            kind = f"mode {inert.terminal(mode.decode('ascii', 'replace'))}"
            raise GitError(t("git.not_a_file", rev=rev, path=inert.terminal(path), kind=kind))
        if relative in files:
            raise GitError(t("git.twice", rev=rev, path=inert.terminal(path)))
        files[relative] = sha.decode("ascii")
    return files if seen_any else None


def _reader(repo: Repo, files: dict[str, str], rev: str) -> ReadFiles:
    """`dataset.ReadFiles` for the blobs of one tree: their sizes first (`git cat-file
    --batch-check`), then the contents of those within the limit (`git cat-file --batch`), so a
    300 MB blob is never read."""

    def shown(name: str) -> str:
        return inert.terminal(f"{repo.prefix}/{name}" if repo.prefix else name)

    def header(name: str, output: bytes, offset: int) -> tuple[int, int]:
        """The size of `name`'s blob from the reply line at `offset`, and where that line ends."""
        end = output.find(b"\n", offset)
        header = output[offset:end].split(b" ") if end >= 0 else []
        if len(header) == 2 and header[1] == b"missing":
            raise GitError(t("git.missing_object", rev=rev, path=shown(name)))
        if len(header) != 3 or header[0].decode("ascii", "replace") != files[name] or not header[2].isdigit():
            raise GitError(t("git.failed", command="cat-file", detail=t("git.bad_reply")))
        if header[1] != b"blob":  # a file entry whose object is a tree or a commit
            kind = f"git {inert.terminal(header[1].decode('ascii', 'replace'))}"
            raise GitError(t("git.not_a_file", rev=rev, path=shown(name), kind=kind))
        return int(header[2]), end

    def sizes(names: list[str]) -> list[int]:
        output = run_git(repo.top, "cat-file", "--batch-check", stdin=_request(files, names))
        found, offset = [], 0
        for name in names:
            size, end = header(name, output, offset)
            found.append(size)
            offset = end + 1
        return found

    def contents(names: list[str]) -> list[bytes]:
        output = run_git(repo.top, "cat-file", "--batch", stdin=_request(files, names)) if names else b""
        found, offset = [], 0
        for name in names:
            size, end = header(name, output, offset)
            body = output[end + 1 : end + 1 + size]
            if len(body) != size or output[end + 1 + size : end + 2 + size] != b"\n":
                raise GitError(t("git.failed", command="cat-file", detail=t("git.bad_reply")))
            found.append(body)
            offset = end + 2 + size
        return found

    def read(names: list[str], limit: int) -> list[bytes | int]:
        if not names:
            return []
        sized = sizes(names)
        blobs = iter(contents([name for name, size in zip(names, sized, strict=True) if size <= limit]))
        return [next(blobs) if size <= limit else size for size in sized]

    return read


def _request(files: dict[str, str], names: list[str]) -> bytes:
    """The objects of `names`, one per line, as `git cat-file --batch` reads them."""
    return "".join(f"{files[name]}\n" for name in names).encode()


def snapshot(repo: Repo, commit: str, rev: str, limits: Limits = DEFAULT_LIMITS) -> Dataset | None:
    """The data set at `commit` (which `rev` names, for messages), or None when the data directory
    did not exist then."""
    files = _tree(repo, commit, rev)
    if files is None:
        return None
    return load_files(repo.data_dir, files, _reader(repo, files, rev), keep_data=True, limits=limits)


def dataset_at(repo_root_or_data_dir: Path, rev: str, limits: Limits = DEFAULT_LIMITS) -> Dataset:
    """The data set as it was committed at `rev` (a branch, tag, commit or `HEAD~3`).

    `repo_root_or_data_dir` is the data directory, or a repository root whose `data/` is meant.
    The working tree is not touched. Raises GitError outside a git repository, for an unknown
    revision, or when the data directory did not exist at that revision.
    """
    path = Path(repo_root_or_data_dir)
    data_dir = path / "data" if not is_data_dir(path) and (path / ".git").exists() else path
    repo = locate(data_dir)
    commit = resolve(repo, rev)
    data = snapshot(repo, commit, rev, limits)
    if data is None:
        raise GitError(t("git.no_data_at", path=repo.prefix or ".", rev=rev))
    return data
