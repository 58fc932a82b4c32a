from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "data"
AS_OF = dt.date(2026, 11, 29)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the shipped data set, to break."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED, target)
    return target


def run_kitrack(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real entry point, as a whole process."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KITRACK_")}
    environment.update({"NO_COLOR": "1", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "kitrack", *args],
        cwd=cwd or REPO, env=environment, capture_output=True, text=True, timeout=120,
    )


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
