"""Smoke tests of the real entry point, as a whole process: `python -m kitrack` and the `kitrack`
script. Everything else runs the command line in-process (conftest.invoke); these check what only
a process shows: the script is installed, exit codes reach the shell, no traceback reaches the
user, and piped output is plain. Keep this module small: each test starts Python."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import AS_OF, SAMPLE, replace_in, run_kitrack


def test_the_kitrack_script_is_installed_and_reports_its_version():
    script = Path(sys.executable).parent / "kitrack"
    if not script.exists():
        pytest.skip("no `kitrack` script beside this Python (not installed with pip install -e?)")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("kitrack ") and result.stderr == ""


def test_a_clean_data_set_exits_0():
    result = run_kitrack("check", str(SAMPLE), "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == "" and "0 errors" in result.stdout


def test_data_problems_exit_1_without_a_traceback(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    replace_in(data / "estates" / "pier.yaml", "status: operating", "status: [operating")
    result = run_kitrack("check", "--as-of", AS_OF, cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    assert "data/estates/pier.yaml" in result.stdout and "yaml-syntax" in result.stdout


@pytest.mark.parametrize("args", [["check", "--data", "/nonexistent/kitrack"], ["status", "--as-of", "2026-02-30"], ["no-such-command"]])
def test_usage_errors_exit_2_with_a_message_and_no_traceback(args):
    result = run_kitrack("--as-of", AS_OF, *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() and "Traceback" not in result.stderr


def test_piped_output_is_plain_and_unwrapped():
    result = run_kitrack("status", "--data", str(SAMPLE), "--as-of", AS_OF, env={"COLUMNS": "80"})
    assert result.returncode == 0 and result.stderr == ""
    assert "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) > 80  # a pipe is not a screen: no wrapping


# --- kitrack.cli.main, the entry point's last line of defence (in-process) -----------------------


def _main_raising(monkeypatch, exception: BaseException, capsys) -> tuple[int, str]:
    import importlib

    import kitrack.cli

    def broken_app():
        raise exception

    # main() calls the app of its own module, kitrack.cli.app (the package re-exports both names).
    monkeypatch.setattr(importlib.import_module("kitrack.cli.app"), "app", broken_app)
    with pytest.raises(SystemExit) as exit_info:
        kitrack.cli.main()
    return exit_info.value.code, capsys.readouterr().err


def test_an_unexpected_error_is_one_line_and_exit_70(monkeypatch, capsys):
    monkeypatch.delenv("KITRACK_DEBUG", raising=False)
    code, err = _main_raising(monkeypatch, RuntimeError("boom"), capsys)
    assert code == 70 and "Traceback" not in err
    assert err.splitlines() == ["kitrack: internal error: RuntimeError: boom. Please report it; run with KITRACK_DEBUG=1 for details."]


def test_kitrack_debug_shows_the_exception(monkeypatch):
    import importlib

    import kitrack.cli

    monkeypatch.setenv("KITRACK_DEBUG", "1")
    monkeypatch.setattr(importlib.import_module("kitrack.cli.app"), "app", lambda: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        kitrack.cli.main()


def test_an_interrupt_exits_130(monkeypatch, capsys):
    code, err = _main_raising(monkeypatch, KeyboardInterrupt(), capsys)
    assert code == 130 and "Traceback" not in err
