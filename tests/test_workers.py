"""Worker processes die with the main process (issue 16, item 5): a SIGTERM to `kitrack check`
during a parallel load used to leave both workers alive for minutes, holding the pipes, so that
`kitrack check | tee log` never ended."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kitrack.load.limits import Limits
from kitrack.load.loader import read_many

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")

# The real command line, with each file read slowly so that the load is surely under way when the
# signal comes (workers are forked with the patch, as they fork with everything else).
SLOW_CHECK = """
import sys, time
from kitrack.load import loader
fast = loader.read
def slow(*args):
    time.sleep(0.2)
    return fast(*args)
loader.read = slow
from kitrack.cli import main
sys.argv = ["kitrack", "check", sys.argv[1], "--as-of", "2026-11-29"]
main()
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_workers_die_with_the_main_process(tmp_path, signum):
    root = tmp_path / "data"
    generate.generate(40, root)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KITRACK_")}
    env["KITRACK_JOBS"] = "2"
    process = subprocess.Popen([sys.executable, "-c", SLOW_CHECK, str(root)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    workers: list[int] = []
    try:
        assert _wait_until(lambda: len(_children(process.pid)) >= 2, 30), "no worker processes started"
        workers = _children(process.pid)
        os.kill(process.pid, signum)
        assert process.wait(timeout=10) == -signum  # it dies of the signal, as before
        # Every writer of the pipe is gone: a reader (`tee`) sees its end.
        assert _wait_until(lambda: not any(_alive(pid) for pid in workers), 10), "workers outlived the main process"
        ready, _, _ = select.select([process.stdout], [], [], 10)
        assert ready and process.stdout.read() == b""
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.kill()
        process.wait()
        process.stdout.close()


def test_the_sigterm_handler_is_only_there_while_workers_read(tmp_path):
    root = tmp_path / "data"
    generate.generate(10, root)
    items = [(path, path.name) for path in sorted(root.rglob("*.yaml"))]
    reading = read_many(items, Limits(max_file_bytes=5_000_000), jobs=2)
    next(reading)
    assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
    assert len(list(reading)) == len(items) - 1
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
