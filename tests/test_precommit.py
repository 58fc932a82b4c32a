"""The README's pre-commit set-up and docs/ci.md's install line, run for real.

A snapshot of this checkout (pyproject.toml, README.md, .pre-commit-hooks.yaml and src/) is
committed to a throwaway git repository, which stands for https://github.com/YOUR-ORG/kitrack; a
throwaway data repository holds a copy of the small valid data set tests/fixtures/base/ as its
`data/`, and the README's `.pre-commit-config.yaml`, with `YOUR-ORG/kitrack` and `COMMIT-SHA` replaced by the snapshot's
path and commit. Then `pre-commit install` and `git commit`, as a maintainer would, with
PRE_COMMIT_HOME in tmp_path (the user's cache is never touched).

pre-commit builds the hook's environment with pip (kitrack at the commit and its dependencies), so
these tests need the package index once per run, about 15 s. They are skipped when pre-commit is not
installed (it is in the `test` extra) and when pip cannot reach an index; the hook definitions
are still checked as plain commands by tests/test_integrations.py.

One deviation from the README: the hook gets `args: [--as-of, DATE]`, so that the verdict does not
depend on the day the tests run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, replace_in

pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install -e '.[test]' installs it)")

BASE = REPO / "tests" / "fixtures" / "base"  # valid, no warnings as of AS_OF
AS_OF = "2026-11-29"
NETWORK = re.compile(r"Could not find a version|No matching distribution|Failed to establish|Temporary failure in name resolution|Network is unreachable", re.I)


def readme_configs() -> list[dict]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Pre-commit and CI", 1)[1].split("\n## ", 1)[0]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]


def env_for(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KITRACK_", "GIT_", "PRE_COMMIT"))}
    env.update({
        "PRE_COMMIT_HOME": str(home / "pre-commit-cache"), "NO_COLOR": "1",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
        # the `kitrack` of the local hook: this interpreter's, as an activated virtual environment has it
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    })
    return env


def run(argv: list[str], cwd: Path, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"{argv} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("precommit")


@pytest.fixture(scope="module")
def kitrack_repo(home) -> tuple[Path, str]:
    """The snapshot standing for kitrack's repository, and its commit."""
    repo = home / "kitrack"
    repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, repo / name)
    shutil.copytree(REPO / "src", repo / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    env = env_for(home)
    run(["git", "init", "-q", "-b", "main"], repo, env)
    run(["git", "add", "-A"], repo, env)
    run(["git", "commit", "-q", "-m", "kitrack"], repo, env)
    return repo, run(["git", "rev-parse", "HEAD"], repo, env).stdout.strip()


def data_repo(path: Path, config: dict, env: dict) -> Path:
    shutil.copytree(BASE, path / "data")
    (path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run(["git", "init", "-q", "-b", "main"], path, env)
    run([sys.executable, "-m", "pre_commit", "install"], path, env)
    return path


def commit(repo: Path, env: dict, message: str) -> subprocess.CompletedProcess:
    run(["git", "add", "-A"], repo, env)
    return run(["git", "commit", "-q", "-m", message], repo, env, check=False)


def remote_config(kitrack_repo: tuple[Path, str], as_of: str = AS_OF, **hook) -> dict:
    """The README's first configuration, its placeholders filled in."""
    config = readme_configs()[0]
    (entry,) = config["repos"]
    assert entry["repo"] == "https://github.com/YOUR-ORG/kitrack" and entry["rev"] == "COMMIT-SHA"
    entry["repo"], entry["rev"] = str(kitrack_repo[0]), kitrack_repo[1]
    entry["hooks"][0].update({"args": ["--as-of", as_of], **hook})
    return config


@pytest.fixture(scope="module")
def hook_environment(kitrack_repo, home) -> None:
    """Build the hook's environment once (pip install of kitrack at the commit), shared by the tests."""
    env = env_for(home)
    repo = data_repo(home / "warm-up", remote_config(kitrack_repo), env)
    result = run([sys.executable, "-m", "pre_commit", "install-hooks"], repo, env, check=False)
    if result.returncode != 0:
        log = home / "pre-commit-cache" / "pre-commit.log"
        text = result.stdout + result.stderr + (log.read_text(errors="replace") if log.exists() else "")
        if NETWORK.search(text):
            pytest.skip(f"pre-commit could not build the hook environment without the package index:\n{text[-1500:]}")
        raise AssertionError(text[-4000:])


def test_readme_configuration_blocks_a_broken_commit(kitrack_repo, hook_environment, home, tmp_path):
    env = env_for(home)
    repo = data_repo(tmp_path / "data-repo", remote_config(kitrack_repo), env)
    first = commit(repo, env, "the shipped data")
    assert first.returncode == 0, first.stdout + first.stderr
    assert re.search(r"kitrack check\.+Passed", first.stdout + first.stderr)

    replace_in(repo / "data" / "estates" / "ki-beta.yaml", "regency:", "regncy:")
    refused = commit(repo, env, "a misspelt field")
    out = refused.stdout + refused.stderr
    assert refused.returncode == 1 and re.search(r"kitrack check\.+Failed", out), out
    assert "unknown-field" in out and "data/estates/ki-beta.yaml" in out
    assert "a misspelt field" not in run(["git", "log", "--format=%s"], repo, env).stdout

    replace_in(repo / "data" / "estates" / "ki-beta.yaml", "regncy:", "regency:")
    (repo / "notes.txt").write_text("minutes\n")
    skipped = commit(repo, env, "no YAML")
    assert skipped.returncode == 0 and re.search(r"kitrack check\.+\(no files to check\)Skipped", skipped.stdout + skipped.stderr)

    # A change to one file breaks a reference in another: the hook checks the whole data set.
    estate = repo / "data" / "estates" / "ki-alpha.yaml"
    replace_in(estate, "id: ki-alpha\n", "id: ki-gamma\n")
    estate.rename(estate.with_name("ki-gamma.yaml"))
    refused = commit(repo, env, "rename an estate that a project serves")
    out = refused.stdout + refused.stderr
    assert refused.returncode == 1 and "unknown-estate" in out and "data/infrastructure/tol-alpha.yaml" in out, out


def test_a_deletion_only_commit_needs_always_run(kitrack_repo, hook_environment, home, tmp_path):
    """As the README says: pre-commit skips a commit that only deletes files, unless always_run."""
    env = env_for(home)
    for always_run, expected in ((False, 0), (True, 1)):
        extra = {"always_run": True} if always_run else {}
        repo = data_repo(tmp_path / f"always-{always_run}", remote_config(kitrack_repo, **extra), env)
        assert commit(repo, env, "the shipped data").returncode == 0
        (repo / "data" / "estates" / "ki-alpha.yaml").unlink()  # tol-alpha still serves it
        result = commit(repo, env, "delete an estate")
        assert result.returncode == expected, result.stdout + result.stderr


def test_strict_hook_fails_on_warnings(kitrack_repo, hook_environment, home, tmp_path):
    """Two years on, the data has overdue and stale warnings: kitrack-check passes, -strict fails."""
    env = env_for(home)
    config = remote_config(kitrack_repo, as_of="2028-11-29")
    hooks = config["repos"][0]["hooks"]
    hooks.append({**hooks[0], "id": "kitrack-check-strict"})
    repo = data_repo(tmp_path / "strict", config, env)
    run(["git", "add", "-A"], repo, env)
    result = run([sys.executable, "-m", "pre_commit", "run", "--all-files"], repo, env, check=False)
    assert result.returncode == 1, result.stdout
    assert re.search(r"^kitrack check\.+Passed", result.stdout, re.M), result.stdout
    assert re.search(r"^kitrack check --strict\.+Failed", result.stdout, re.M), result.stdout
    assert "overdue" in result.stdout and "stale" in result.stdout


def test_pre_commit_autoupdate_moves_the_pin_to_the_newest_commit(kitrack_repo, home, tmp_path):
    """kitrack has no tags: autoupdate takes the newest commit of the default branch."""
    env = env_for(home)
    source = tmp_path / "kitrack"
    run(["git", "clone", "-q", str(kitrack_repo[0]), str(source)], tmp_path, env)
    run(["git", "commit", "-q", "--allow-empty", "-m", "newer"], source, env)
    newest = run(["git", "rev-parse", "HEAD"], source, env).stdout.strip()
    repo = data_repo(tmp_path / "data-repo", remote_config((source, kitrack_repo[1])), env)
    run([sys.executable, "-m", "pre_commit", "autoupdate"], repo, env)
    assert yaml.safe_load((repo / ".pre-commit-config.yaml").read_text())["repos"][0]["rev"] == newest


def test_readme_local_hook_uses_the_installed_kitrack(home, tmp_path):
    """The second configuration: `language: system`, nothing to build or download."""
    config = readme_configs()[1]
    (entry,) = config["repos"]
    assert entry["repo"] == "local"
    (hook,) = entry["hooks"]
    definition = next(h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text()) if h["id"] == hook["id"])
    assert {k: hook[k] for k in ("entry", "pass_filenames", "files")} == {k: definition[k] for k in ("entry", "pass_filenames", "files")}
    hook["args"] = ["--as-of", AS_OF]
    env = env_for(home)
    repo = data_repo(tmp_path / "local", config, env)
    first = commit(repo, env, "the shipped data")
    assert first.returncode == 0 and re.search(r"kitrack check\.+Passed", first.stdout + first.stderr), first.stdout + first.stderr
    replace_in(repo / "data" / "estates" / "ki-beta.yaml", "status: planning", "status: dreaming")
    refused = commit(repo, env, "a status outside the list")
    out = refused.stdout + refused.stderr
    assert refused.returncode == 1 and re.search(r"kitrack check\.+Failed", out) and "`dreaming`" in out, out


def test_ci_install_line_installs_kitrack_pinned_to_a_commit(kitrack_repo, home):
    """docs/ci.md's `pip install "kitrack @ git+URL@COMMIT-SHA"`, with the snapshot as URL (dry run)."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    (requirement,) = re.findall(r'pip install "(kitrack @ git\+https://github\.com/YOUR-ORG/kitrack@COMMIT-SHA)"', text)
    # file://localhost/...: the requirement parser of older pips wants a host in the URL
    url = f"file://localhost{kitrack_repo[0].as_posix()}"
    requirement = requirement.replace("https://github.com/YOUR-ORG/kitrack", url).replace("COMMIT-SHA", kitrack_repo[1])
    result = run([sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--ignore-installed", requirement], home, env_for(home), check=False)
    if result.returncode != 0 and NETWORK.search(result.stdout + result.stderr):
        pytest.skip("pip cannot reach an index to build kitrack")
    assert result.returncode == 0 and "Would install kitrack-" in result.stdout, result.stdout + result.stderr
