"""All-or-nothing writes: a temporary file (or folder) next to the output, then a rename.

Nothing is left behind on error, an existing output is replaced only when asked (`--force`), and a
folder is replaced only if it looks like an earlier CSV export (it holds nothing but `.csv` files).
Only a regular file (or, for CSV, a real folder) is ever replaced: what the output path itself is
gets read with lstat, so a symbolic link (to `/proc/self/fd/1`, to a file elsewhere), a device
(`/dev/null` when run as root), a named pipe or a socket is refused, even with `--force`. A rename
would replace the link or device node itself, which is never what the user meant.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kitrack.output import i18n

# `-o -`: the export goes to standard output instead of a file (text formats only).
STDOUT = Path("-")


class OutputError(Exception):
    """The output cannot or may not be written: a usage error (exit 2). The message is translated."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _refuse_odd(path: Path, directory: bool) -> bool:
    """Whether `path` exists, after refusing anything there that an export may not replace: anything but
    a regular file (`directory` False) or a real folder (`directory` True). Links are not followed.
    Checked before writing and again just before the rename."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(mode) and not directory:
        raise OutputError(i18n.t("export.is_dir", path=str(path)))
    if stat.S_ISREG(mode) and directory:
        raise OutputError(i18n.t("export.not_dir", path=str(path)))
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OutputError(i18n.t("export.not_regular", path=str(path)))
    return True


def check_target(path: Path, force: bool, directory: bool, data_root: Path | None = None) -> None:
    """Refuse, before anything is written, an output that cannot or may not be written: one inside
    the data directory (even with --force: an export must never replace a data file)."""
    if data_root is not None:
        target, root = path.resolve(), data_root.resolve()
        if target == root or root in target.parents:
            raise OutputError(i18n.t("export.inside_data", path=str(path), root=str(data_root)))
    parent = path.absolute().parent
    if not parent.is_dir():
        raise OutputError(i18n.t("export.no_parent", path=str(path), parent=str(path.parent)))
    if not _refuse_odd(path, directory):
        return
    if not force:
        raise OutputError(i18n.t("export.exists", path=str(path)))
    if directory and not all(_is_csv_file(child) for child in path.iterdir()):
        raise OutputError(i18n.t("export.not_export_dir", path=str(path)))


def _is_csv_file(path: Path) -> bool:
    return stat.S_ISREG(os.lstat(path).st_mode) and path.suffix == ".csv"


@contextmanager
def atomic_file(path: Path, mode: int | None = None) -> Iterator[Path]:
    """Yields a temporary path in the output's folder; renamed over `path` if the block succeeds,
    with permissions `mode` (default: a new file's, as the umask allows)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.absolute().parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        os.chmod(temp, 0o666 & ~_umask() if mode is None else mode)
        _refuse_odd(path, directory=False)  # again: something may have taken its place while we wrote
        os.replace(temp, path)
    except BaseException:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            with suppress(FileNotFoundError):
                leftover.unlink()
        raise


@contextmanager
def atomic_dir(path: Path) -> Iterator[Path]:
    """Yields a temporary folder next to `path`; it takes the place of `path` if the block succeeds."""
    parent = path.absolute().parent
    temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    try:
        yield temp
        os.chmod(temp, 0o777 & ~_umask())
        if _refuse_odd(path, directory=True):  # again: something may have taken its place while we wrote
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=parent))
            os.replace(path, old / "previous")
            try:
                os.replace(temp, path)
            except BaseException:
                os.replace(old / "previous", path)  # put the earlier export back
                shutil.rmtree(old, ignore_errors=True)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temp, path)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
