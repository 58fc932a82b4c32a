"""All records of a data directory, validated, with their indexes and where each came from."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from kitrack.domain.codes import ERROR
from kitrack.domain.kinds import FOLDER_KINDS, LIST_KINDS, RECORD_KINDS, FolderKind, ListKind, RecordKind
from kitrack.domain.models import Agency, Estate, Meeting, Project, Region
from kitrack.domain.problems import FieldPath, Param, Problem, Term, TermError, display_path, format_path
from kitrack.domain.suggestions import did_you_mean
from kitrack.load.limits import DEFAULT_LIMITS, Limits
from kitrack.load.loader import SourceFile, from_bytes, read, read_many, too_big
from kitrack.load.schema import describe, problems_from

RecordModel = type[Estate] | type[Project] | type[Meeting]
ListModel = type[Region] | type[Agency]


class DataDirError(TermError):
    """The data directory itself cannot be used: a usage or configuration error (exit 2)."""


@dataclass(frozen=True)
class Origin:
    """Where a record lives: its file, and its path inside that file (`("regions", 2)`)."""

    file: SourceFile
    prefix: FieldPath = ()


@dataclass
class Dataset:
    root: Path
    files: list[SourceFile] = field(default_factory=list)
    regions: dict[str, Region] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    estates: dict[str, Estate] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    # regency id -> region id, from regions.yaml
    regency_region: dict[str, str] = field(default_factory=dict)
    regency_code: dict[str, str] = field(default_factory=dict)  # regency id -> its kode wilayah
    # Ids seen in files that failed validation: references to them are not reported again.
    broken_ids: dict[str, set[str]] = field(
        default_factory=lambda: {k: set() for k in ("regency", *(kind.id_space for kind in RECORD_KINDS))}
    )
    # Kinds whose list file could not be read at all: references to them cannot be checked.
    unreadable: set[str] = field(default_factory=set)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        """Errors found while loading: records that failed to load are missing from every view."""
        return sum(1 for problem in self.problems if problem.level == ERROR)

    @property
    def record_count(self) -> int:
        return len(self.regions) + len(self.agencies) + len(self.estates) + len(self.projects) + len(self.meetings)

    def records(self) -> Iterator[Estate | Project]:
        yield from self.estates.values()
        yield from self.projects.values()

    def index(self, kind: RecordKind) -> dict[str, Any]:
        """The records of one kind, by id."""
        index: dict[str, Any] = getattr(self, kind.index)
        return index

    def origin(self, kind: str, record_id: str) -> Origin:
        return self.origins[(kind, record_id)]

    def problem(
        self,
        kind: str,
        record_id: str,
        path: FieldPath,
        code: str,
        *,
        key: bool = False,
        hint: Term | None = None,
        **params: Param,
    ) -> Problem:
        """A problem at `path` inside a record, placed at its line and column."""
        origin = self.origins[(kind, record_id)]
        full = origin.prefix + tuple(path)
        line, column = origin.file.locate(full, key=key)
        return origin.file.problem(code, line, column, format_path(full), hint, **params)


def is_data_dir(path: Path) -> bool:
    return path.is_dir() and any(
        (path / name).exists() for name in ("regions.yaml", "agencies.yaml", "estates", "infrastructure")
    )


def find_data_dir(paths: Sequence[Path]) -> Path:
    """The data directory `kitrack check PATH...` means: the first PATH if it is one, else the
    nearest folder above it that is one, else ./data."""
    if paths:
        first = paths[0]
        for candidate in (first, *first.resolve().parents):
            if is_data_dir(candidate):
                return candidate
    return Path("data")


def load(root: Path, limits: Limits = DEFAULT_LIMITS, keep_data: bool = False) -> Dataset:
    """Read and validate every file under `root`, within `limits`. Problems are collected, never raised.

    A valid record's plain data is dropped once its model holds it (it would double the memory),
    unless `keep_data`: `kitrack diff` compares plain data, broken records included."""
    if not root.exists():
        raise DataDirError(Term("error.no_data_dir", root=str(root)))
    if not root.is_dir():
        raise DataDirError(Term("error.not_a_dir", root=str(root)))
    if not os.access(root, os.R_OK | os.X_OK):
        raise DataDirError(Term("error.unreadable_dir", root=str(root)))
    with collector_paused():
        return _load(root, limits, keep_data)


# Contents of each path asked for, in order; for a file over the limit (the second argument, in
# bytes), its size instead, and its contents are never read.
ReadFiles = Callable[[list[str], int], list[bytes | int]]


def load_files(
    root: Path, names: Iterable[str], read_files: ReadFiles, keep_data: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Dataset:
    """Validate files that are not on disk (the blobs of a git revision) as `load` validates a
    directory, naming each `root / name` although `root` need not exist.

    `names` are every file's path relative to `root` in POSIX form (`estates/jiipe.yaml`), already
    checked by the caller: no `..`, `.` or empty part, none absolute, none twice. Only the files
    `load` would read are asked of `read_files`, in one call."""
    folders = _folders(names)
    top = folders.get("", {})
    shown = PurePosixPath(display_path(root))  # once: the files are not on disk to resolve
    listed = {  # record folder -> its .yaml and .yml entries, as `_load` lists them
        folder_kind.folder: sorted(
            n for n in folders.get(folder_kind.folder, {}) if PurePosixPath(n).suffix in (".yaml", ".yml")
        )
        for folder_kind in FOLDER_KINDS
        if top.get(folder_kind.folder)
    }
    wanted = [list_kind.file for list_kind in LIST_KINDS if top.get(list_kind.file) is False]
    wanted += [
        f"{folder}/{n}"
        for folder, entries in listed.items()
        for n in entries
        if n.endswith(".yaml") and not folders[folder][n]
    ]
    with collector_paused():
        contents = dict(zip(wanted, read_files(wanted, limits.max_file_bytes), strict=True))

        def source(name: str) -> SourceFile:
            path, content = root / name, contents.pop(name, None)  # popped: the bytes go once parsed
            if isinstance(content, bytes):
                return from_bytes(path, str(shown / name), content, limits)
            refused = SourceFile(path, str(shown / name))
            refused.add(
                "unreadable-file",
                1,
                1,
                detail=Term("p.is_directory") if content is None else too_big(content, limits.max_file_bytes),
            )
            return refused

        data = Dataset(root)
        for list_kind in LIST_KINDS:
            if list_kind.file in top:
                _add_list(data, source(list_kind.file), list_kind)
            else:
                _missing_list(data, root / list_kind.file, str(shown / list_kind.file), list_kind)
        for kind in FOLDER_KINDS:
            if top.get(kind.folder) is False:  # a file where the folder should be
                _refuse(data, root / kind.folder, Term("p.not_a_folder", folder=kind.folder))
                data.unreadable.add(kind.id_space)
            for entry in listed.get(kind.folder, []):
                name = f"{kind.folder}/{entry}"
                if entry.endswith(".yml"):
                    _unexpected(
                        data, root / name, Term("p.rename_yml", stem=PurePosixPath(entry).stem), str(shown / name)
                    )
                else:
                    _add_record(data, source(name), kind, keep_data)
        _find_strays(
            data,
            [(root / n, is_dir) for n, is_dir in sorted(top.items())],
            lambda path: any(PurePosixPath(n).suffix in (".yaml", ".yml") for n in folders[path.name]),
            lambda path: str(shown / path.name),
        )
        for file in data.files:
            data.problems.extend(file.problems)
        return data


def _folders(names: Iterable[str]) -> dict[str, dict[str, bool]]:
    """The folders that file paths imply: folder ("" for the top) -> {entry: is a folder}."""
    folders: dict[str, dict[str, bool]] = {}
    for name in names:
        parts = name.split("/")
        for depth, part in enumerate(parts):
            entries = folders.setdefault("/".join(parts[:depth]), {})
            entries[part] = entries.get(part, False) or depth < len(parts) - 1
    return folders


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block, and as it was after it (nested blocks
    leave it to the outermost)."""
    # Loading allocates millions of small objects (nodes, dicts, models) and frees none of them in
    # cycles: the cyclic garbage collector would only rescan the growing heap, which made loading
    # 5,000 records several times slower. Reference counting still frees everything.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(root: Path, limits: Limits, keep_data: bool) -> Dataset:
    data = Dataset(root)
    base = root.resolve()
    for list_kind in LIST_KINDS:
        path = root / list_kind.file
        if not path.exists() and not path.is_symlink():
            _missing_list(data, path, display_path(path), list_kind)
            continue
        link = _link_problem(base, path)
        if link is not None:
            _refuse(data, path, link)
            data.unreadable.add(list_kind.id_space)
            continue
        _add_list(data, read(path, display_path(path), limits), list_kind)
    listed: list[tuple[FolderKind, Path]] = []  # (kind, path) of every record file, in order
    refused: dict[Path, Term] = {}  # files not to read: symbolic links out of the data directory, loops
    for kind in FOLDER_KINDS:
        directory = root / kind.folder
        if not directory.is_dir():
            if directory.is_symlink() or directory.exists():  # a broken link, a loop, or a file
                _refuse(data, directory, _link_problem(base, directory) or Term("p.not_a_folder", folder=kind.folder))
                data.unreadable.add(kind.id_space)  # references to its records cannot be checked
            continue
        detail: Param | None = _link_problem(base, directory)
        if detail is None:
            try:
                entries = sorted(directory.iterdir())
            except OSError as exc:
                detail = exc.strerror or str(exc)
        if detail is not None:
            _refuse(data, directory, detail)
            data.unreadable.add(kind.id_space)
            continue
        for path in entries:
            if path.suffix in (".yaml", ".yml"):
                listed.append((kind, path))
                link = _link_problem(base, path) if path.suffix == ".yaml" else None
                if link is not None:
                    refused[path] = link
    names = _display_names([path for _, path in listed if path.suffix == ".yaml" and path not in refused])
    sources = read_many(names, limits)  # in order; parsed by worker processes for large data sets
    for kind, path in listed:
        if path.suffix == ".yml":
            _unexpected(data, path, Term("p.rename_yml", stem=path.stem))
            continue
        if path in refused:
            _refuse(data, path, refused[path])
            data.broken_ids[kind.id_space].add(path.stem)
            continue
        _add_record(data, next(sources), kind, keep_data)
    _find_strays(data, [(path, path.is_dir()) for path in sorted(root.iterdir())], _holds_yaml, display_path)
    for source in data.files:
        data.problems.extend(source.problems)
    return data


def _display_names(paths: list[Path]) -> list[tuple[Path, str]]:
    """(path, display_path(path)) for each path, resolving each directory once rather than each
    file (a symlinked file still resolves on its own)."""
    try:
        cwd = Path.cwd().resolve()
    except OSError:
        return [(path, display_path(path)) for path in paths]
    directories: dict[Path, Path | None] = {}
    out = []
    for path in paths:
        parent = path.parent
        if parent not in directories:
            try:
                directories[parent] = parent.resolve().relative_to(cwd)
            except (ValueError, OSError):
                directories[parent] = None
        relative = directories[parent]
        if path.is_symlink():
            out.append((path, display_path(path)))
        elif relative is None:  # outside the working directory: shown as given
            out.append((path, str(path)))
        else:
            out.append((path, str(relative / path.name)))
    return out


def _missing_list(data: Dataset, path: Path, name: str, kind: ListKind) -> None:
    missing = SourceFile(path, name)
    missing.add("missing-file", 1, 1, name=path.name)
    data.files.append(missing)
    data.unreadable.add(kind.id_space)


def _add_list(data: Dataset, source: SourceFile, kind: ListKind) -> None:
    data.files.append(source)
    if source.data is not None:
        _load_list(data, source, kind)
    else:
        data.unreadable.add(kind.id_space)


def _add_record(data: Dataset, source: SourceFile, kind: FolderKind, keep_data: bool) -> None:
    data.files.append(source)
    if source.data is not None:
        _load_record(data, source, kind, keep_data)
    else:  # unreadable as YAML: references to it are not reported as unknown too
        data.broken_ids[kind.id_space].add(source.path.stem)


def _link_problem(base: Path, path: Path) -> Term | None:
    """Why a symbolic link must not be followed: it loops, or leads out of the data directory
    (`base`, resolved). None for anything else; a broken link is reported when it is read."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 and earlier: a loop
        return Term("p.symlink_loop")
    except OSError as exc:
        return Term("p.symlink_loop") if exc.errno == errno.ELOOP else None
    if target == base or base in target.parents:
        return None
    try:
        shown = os.readlink(path)
    except OSError:
        shown = str(target)
    return Term("p.symlink_outside", target=shown)


def _refuse(data: Dataset, path: Path, detail: Param) -> None:
    """An unreadable-file problem for `path`, named by where the link is, not where it leads."""
    source = SourceFile(path, str(Path(display_path(path.parent)) / path.name))
    source.add("unreadable-file", 1, 1, detail=detail)
    data.files.append(source)


def _unexpected(data: Dataset, path: Path, detail: Term, name: str | None = None) -> None:
    source = SourceFile(path, name or display_path(path))
    source.add("unexpected-file", 1, 1, detail=detail)
    data.files.append(source)


def _find_strays(
    data: Dataset, entries: list[tuple[Path, bool]], holds_yaml: Callable[[Path], bool], name_of: Callable[[Path], str]
) -> None:
    """YAML files kitrack would silently ignore: records in the wrong folder, typos in folder names.
    `entries` are what the data directory holds: (path, is a folder)."""
    known = {kind.file for kind in LIST_KINDS} | {kind.folder for kind in FOLDER_KINDS}
    for path, is_dir in entries:
        if path.name.startswith(".") or path.name in known:
            continue
        if path.suffix in (".yaml", ".yml") and not is_dir:
            _unexpected(data, path, Term("p.wrong_folder"), name_of(path))
        elif is_dir and holds_yaml(path):
            hint = did_you_mean(path.name, sorted(kind.folder for kind in FOLDER_KINDS))
            detail = (
                Term("p.folder_not_read_hint", folder=path.name, hint=hint)
                if hint
                else Term("p.folder_not_read", folder=path.name)
            )
            _unexpected(data, path, detail, name_of(path))


def _holds_yaml(path: Path) -> bool:
    try:
        return any(p.suffix in (".yaml", ".yml") for p in path.iterdir())
    except OSError:  # unreadable: nothing kitrack could have read either
        return False


def _load_record(data: Dataset, source: SourceFile, kind: FolderKind, keep_data: bool = False) -> None:
    raw = source.data
    model = kind.model
    record_id = raw.get("id") if isinstance(raw.get("id"), str) else source.path.stem
    try:
        record = model.model_validate(raw)
    except ValidationError as error:
        source.problems.extend(problems_from([(error, ())], model, source))
        data.broken_ids[kind.id_space].add(record_id)
        data.broken_ids[kind.id_space].add(source.path.stem)
        return
    if record.id != source.path.stem:
        line, column = source.locate(("id",))
        source.add("id-mismatch", line, column, "id", id=record.id, stem=source.path.stem)
    if (kind.id_space, record.id) in data.origins:
        first = data.origins[(kind.id_space, record.id)].file
        line, column = source.locate(("id",))
        source.add("duplicate-id", line, column, "id", what=Term("p.record"), id=record.id, first=first.name)
        return
    data.index(kind)[record.id] = record
    data.origins[(kind.id_space, record.id)] = Origin(source)
    if not keep_data:
        source.data = None  # the model holds it now; the plain copy doubled the memory of a data set


def _load_list(data: Dataset, source: SourceFile, kind: ListKind) -> None:
    raw = source.data
    key, model = kind.key, kind.model
    for extra in raw:
        if extra != key:
            line, column = source.locate((extra,), key=True)
            source.add(
                "unknown-field",
                line,
                column,
                extra,
                field=extra,
                hint=did_you_mean(extra, [key]) or Term("p.one_list", key=key),
            )
    items = raw.get(key)
    if items is None and key not in raw:
        source.add("missing-field", 1, 1, field=key)
        return
    if not isinstance(items, list):
        line, column = source.locate((key,))
        source.add("wrong-type", line, column, key, expected=Term("p.list"), found=describe(items))
        return
    index = data.index(kind)
    # (error, prefix) of each broken entry: turned into problems together, once per file
    failures: list[tuple[ValidationError, FieldPath]] = []
    codes: dict[str, str] = {}  # kode wilayah -> the first regency that has it
    for position, item in enumerate(items):
        prefix = (key, position)
        try:
            record = model.model_validate(item)
        except ValidationError as error:
            failures.append((error, prefix))
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                data.broken_ids[kind.id_space].add(item["id"])
                if model is Region:
                    for regency in item.get("regencies") or []:
                        if isinstance(regency, dict) and isinstance(regency.get("id"), str):
                            data.broken_ids["regency"].add(regency["id"])
            continue
        if record.id in index:
            first = data.origins[(kind.id_space, record.id)]
            line, column = source.locate((*prefix, "id"))
            first_line, _ = source.locate((*first.prefix, "id"))
            source.add(
                "duplicate-id",
                line,
                column,
                f"{key}[{position}].id",
                what=Term(kind.label),
                id=record.id,
                first=Term("p.line", line=first_line),
            )
            continue
        index[record.id] = record
        data.origins[(kind.id_space, record.id)] = Origin(source, prefix)
        if isinstance(record, Region):
            for number, regency in enumerate(record.regencies):
                if regency.id in data.regency_region:
                    line, column = source.locate((*prefix, "regencies", number, "id"))
                    source.add(
                        "duplicate-id",
                        line,
                        column,
                        f"{key}[{position}].regencies[{number}].id",
                        what=Term("p.regency"),
                        id=regency.id,
                        first=Term("p.region", region=data.regency_region[regency.id]),
                    )
                    continue
                data.regency_region[regency.id] = record.id
                if regency.code is not None:
                    if regency.code in codes:
                        line, column = source.locate((*prefix, "regencies", number, "code"))
                        source.add(
                            "duplicate-id", line, column, f"{key}[{position}].regencies[{number}].code",
                            what=Term("p.regency_code"), id=regency.code,
                            first=Term("p.regency_named", id=codes[regency.code]),
                        )
                    else:
                        codes[regency.code] = regency.id
                        data.regency_code[regency.id] = regency.code
    if failures:
        source.problems.extend(problems_from(failures, model, source))
