"""Benchmark kitrack against the libyaml parse floor.

    python benchmarks/run.py [--records 5000] [--runs 5] [--scaling 500,5000,20000] [--json PATH]

The results go to kitrack-benchmark.json in the system's temporary folder unless --json names a
file; the tracked benchmarks/results.json, which the README quotes, changes only with
`--json benchmarks/results.json`.

Generates a data set (benchmarks/generate.py, fixed seed), then, in one run:

- the floor: libyaml alone composing every file (`yaml.compose` with `CSafeLoader`), in this process;
- each command of COMMANDS, as a whole process (start-up included), with its peak memory;
- each time as a ratio to the floor.

The machine may be shared and noisy, so every measurement is repeated, runs of the floor and of
the commands are interleaved, and the median is kept. The spread is kept too: for each command the
lowest and highest of its per-run ratios (its time in run i over the floor in run i), and for the
floor itself the range of its times, which says how noisy the machine was, with the load average
before and after. Ratios measured in the same run are what to compare between machines; absolute
times are printed for reference only.

A command the installed kitrack lacks (`kitrack COMMAND --help` fails) is reported as not
available instead of failing the run. `--smoke` is the CI variant: a small data set, one run,
and it only asserts that everything completes correctly.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

AS_OF = generate.AS_OF.isoformat()

# One entry per measured command: a name, the arguments after `kitrack`, and the exit codes that
# mean it worked. {data} and {out} are filled in. Add a command here to measure it.
COMMANDS: list[dict] = [
    {"name": "check", "args": ["check", "{data}", "--as-of", AS_OF], "ok": [0]},
    {"name": "status", "args": ["status", "--data", "{data}", "--as-of", AS_OF], "ok": [0]},
    {"name": "list infrastructure --format json", "args": ["list", "infrastructure", "--data", "{data}", "--as-of", AS_OF, "--format", "json"], "ok": [0]},
    {"name": "export --format sqlite", "args": ["export", "--data", "{data}", "--as-of", AS_OF, "--format", "sqlite", "--output", "{out}/kitrack.sqlite", "--force"], "ok": [0]},
    {"name": "report --format html", "args": ["report", "--data", "{data}", "--as-of", AS_OF, "--format", "html", "--output", "{out}/brief.html", "--force"], "ok": [0]},
]
# Targets from the issue: a command's time as a multiple of the floor.
TARGETS = {"check": 1.5, "status": 2.0, "list infrastructure --format json": 2.0}
# Targets against another command measured in the same runs (issue 14: the brief at most 3x status).
RELATIVE_TARGETS = {"report --format html": ("status", 3.0)}
CHECK_MEMORY_MB = 400
STARTUP_TARGET = 1.3  # `kitrack --version` against `python -c "import typer"`


def kitrack_command() -> list[str]:
    return [sys.executable, "-m", "kitrack"]


def available(command: str) -> bool:
    result = subprocess.run([*kitrack_command(), command, "--help"], capture_output=True, text=True, env=_env())
    return result.returncode == 0


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KITRACK_")}
    env["NO_COLOR"] = "1"
    return env


def floor(files: list[Path]) -> float:
    """libyaml alone: compose every file, in this process."""
    import yaml

    start = time.perf_counter()
    for path in files:
        with open(path, "rb") as handle:
            yaml.compose(handle.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def _memory_kb(pid: int) -> int:
    """Proportional set size (shared pages split among the processes sharing them, so forked
    workers are not counted twice); resident set size where the kernel does not report it."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as handle:
        return int(handle.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def _tree_rss_kb(pid: int) -> int:
    """Memory of a process and all its descendants (worker pools count too), Linux only."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _memory_kb(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_process(argv: list[str]) -> dict:
    """Time one whole process; peak memory is the largest sampled sum over its process tree (PSS)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), text=True)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.02):
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))

    sampler = None
    if os.path.isdir(f"/proc/{process.pid}"):
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    out, err = process.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    if sampler is not None:
        sampler.join()
    return {"seconds": elapsed, "returncode": process.returncode, "stdout": out, "stderr": err, "peak_kb": peak[0]}


def measure(data: Path, runs: int, out_dir: Path) -> dict:
    files = sorted(data.rglob("*.yaml"))
    rows = []
    commands = []
    for spec in COMMANDS:
        name = spec["args"][0]
        if available(name):
            commands.append(spec)
        else:
            rows.append({"command": spec["name"], "available": False})
    floors: list[float] = []
    times: dict[str, list[float]] = {spec["name"]: [] for spec in commands}
    peaks: dict[str, int] = {spec["name"]: 0 for spec in commands}
    failures = []
    floor(files)  # warm the page cache
    for _ in range(runs):  # interleaved: noise on a shared machine hits everything alike
        floors.append(floor(files))
        for spec in commands:
            argv = [*kitrack_command(), *(a.format(data=data, out=out_dir) for a in spec["args"])]
            result = run_process(argv)
            if result["returncode"] not in spec["ok"] or "Traceback" in result["stderr"]:
                failures.append(f"{spec['name']}: exit {result['returncode']}\n{result['stderr'][-2000:]}")
            times[spec["name"]].append(result["seconds"])
            peaks[spec["name"]] = max(peaks[spec["name"]], result["peak_kb"])
    base = statistics.median(floors)
    for spec in commands:
        seconds = statistics.median(times[spec["name"]])
        rows.append({
            "command": spec["name"], "available": True, "seconds": round(seconds, 3),
            "ratio": round(seconds / base, 2), "ratio_range": ratio_range(times[spec["name"]], floors),
            "peak_mb": round(peaks[spec["name"]] / 1024, 1), "target": TARGETS.get(spec["name"]),
        })
    for row in rows:
        other, target = RELATIVE_TARGETS.get(row["command"], (None, None))
        if row["available"] and other in times:
            mine, theirs = times[row["command"]], times[other]
            row["relative"] = {
                "to": other, "ratio": round(statistics.median(mine) / statistics.median(theirs), 2),
                "ratio_range": ratio_range(mine, theirs), "target": target,
            }
    order = [spec["name"] for spec in COMMANDS]
    rows.sort(key=lambda row: order.index(row["command"]))
    return {"files": len(files), "floor_seconds": round(base, 3), "floor_range": spread(floors),
            "commands": rows, "failures": failures}


def ratio_range(times: list[float], floors: list[float]) -> list[float]:
    """The lowest and highest ratio of one run's time to the same run's floor."""
    ratios = [t / f for t, f in zip(times, floors)]
    return [round(min(ratios), 2), round(max(ratios), 2)]


def spread(values: list[float]) -> list[float]:
    return [round(min(values), 3), round(max(values), 3)]


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def versions() -> dict:
    """What the figures depend on: the libraries kitrack is built on, and whether libyaml is there."""
    from importlib import metadata

    import yaml

    found = {"python": platform.python_version()}
    for name in ("pyyaml", "pydantic", "pydantic-core", "typer", "rich"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    found["libyaml"] = yaml.__with_libyaml__
    return found


def default_json() -> Path:
    """Not the tracked benchmarks/results.json: a run changes it only when asked to."""
    return Path(tempfile.gettempdir()) / "kitrack-benchmark.json"


SHIPPED_DATA = Path(__file__).resolve().parent.parent / "data"


def startup(runs: int) -> dict:
    """Whole processes, interleaved: `kitrack --version` against `python -c "import typer"`, and
    `kitrack status` on the shipped data against importing its libraries."""
    typer_times, kitrack_times, library_times, status_times = [], [], [], []
    for _ in range(runs):
        typer_times.append(run_process([sys.executable, "-c", "import typer"])["seconds"])
        kitrack_times.append(run_process([*kitrack_command(), "--version"])["seconds"])
        library_times.append(run_process([sys.executable, "-c", "import typer, rich, pydantic, yaml"])["seconds"])
        status_times.append(run_process([*kitrack_command(), "status", "--data", str(SHIPPED_DATA), "--as-of", AS_OF])["seconds"])
    typer_s, kitrack_s = statistics.median(typer_times), statistics.median(kitrack_times)
    library_s, status_s = statistics.median(library_times), statistics.median(status_times)
    return {
        "runs": runs,
        "import_typer_seconds": round(typer_s, 3), "version_seconds": round(kitrack_s, 3), "ratio": round(kitrack_s / typer_s, 2),
        "ratio_range": ratio_range(kitrack_times, typer_times), "target": STARTUP_TARGET,
        "import_libraries_seconds": round(library_s, 3), "status_shipped_seconds": round(status_s, 3), "status_ratio": round(status_s / library_s, 2),
        "status_ratio_range": ratio_range(status_times, library_times),
    }


def scaling(sizes: list[int], runs: int, work: Path) -> list[dict]:
    """`kitrack check` at several sizes: time per record should stay flat (linear growth)."""
    rows = []
    for size in sizes:
        data = work / f"data-{size}"
        generate.generate(size, data)
        files = sorted(data.rglob("*.yaml"))
        argv = [*kitrack_command(), "check", str(data), "--as-of", AS_OF]
        floors, times = [], []
        floor(files)
        for _ in range(runs):
            floors.append(floor(files))
            result = run_process(argv)
            if result["returncode"] != 0:
                raise SystemExit(f"check failed on {size} records:\n{result['stdout'][-2000:]}{result['stderr'][-2000:]}")
            times.append(result["seconds"])
        seconds, base = statistics.median(times), statistics.median(floors)
        rows.append({"records": size, "runs": runs, "check_seconds": round(seconds, 3), "ms_per_record": round(1000 * seconds / size, 3),
                     "floor_ms_per_record": round(1000 * base / size, 3), "ratio": round(seconds / base, 2),
                     "ratio_range": ratio_range(times, floors)})
        if data.exists():
            import shutil

            shutil.rmtree(data)
    return rows


def table(report: dict) -> str:
    low, high = report["floor_range"]
    noise = (high - low) / report["floor_seconds"] if report["floor_seconds"] else 0.0
    lines = [f"kitrack benchmark: {report['records']} records, {report['files']} files, median of {report['runs']} run(s) "
             f"(range over the runs in brackets)",
             f"floor (libyaml compose, in process): {report['floor_seconds']:.2f} s = 1.00x, range {low:.2f}-{high:.2f} s "
             f"(spread {100 * noise:.0f}% of the median: how noisy the machine was)",
             f"load average (1, 5, 15 min) before {_load(report.get('load_before'))}, after {_load(report.get('load_after'))}, "
             f"on {report['cpus']} CPU(s)", _versions(report.get("versions")), ""]
    lines.append(f"{'command':38} {'x floor':>8} {'(range)':>13} {'target':>7} {'peak MB':>8} {'seconds':>8}")
    for row in report["commands"]:
        if not row["available"]:
            lines.append(f"{row['command']:38} {'not available':>8}")
            continue
        target = f"{row['target']:.1f}x" if row["target"] else "-"
        lines.append(f"{row['command']:38} {row['ratio']:>7.2f}x {_range(row['ratio_range']):>13} {target:>7} "
                     f"{row['peak_mb']:>8.0f} {row['seconds']:>8.2f}")
    for row in report["commands"]:
        if row.get("relative"):
            r = row["relative"]
            lines.append(f"{row['command']} / {r['to']}: {r['ratio']:.2f}x {_range(r['ratio_range'])} (target {r['target']:.1f}x)")
    if "startup" in report:
        s = report["startup"]
        lines += ["", f"start-up, median of {s['runs']}: kitrack --version {s['version_seconds']:.3f} s / python -c 'import typer' "
                  f"{s['import_typer_seconds']:.3f} s = {s['ratio']:.2f}x {_range(s['ratio_range'])} (target {s['target']:.1f}x)",
                  f"status on the shipped data {s['status_shipped_seconds']:.3f} s / python -c 'import typer, rich, pydantic, yaml' "
                  f"{s['import_libraries_seconds']:.3f} s = {s['status_ratio']:.2f}x {_range(s['status_ratio_range'])}"]
    if report.get("scaling"):
        lines += ["", f"{'records':>8} {'runs':>5} {'check ms/record':>16} {'floor ms/record':>16} {'x floor':>8} {'(range)':>13}"]
        for row in report["scaling"]:
            lines.append(f"{row['records']:>8} {row['runs']:>5} {row['ms_per_record']:>16.3f} {row['floor_ms_per_record']:>16.3f} "
                         f"{row['ratio']:>7.2f}x {_range(row['ratio_range']):>13}")
    return "\n".join(lines)


def _range(pair: list[float]) -> str:
    return f"({pair[0]:.2f}-{pair[1]:.2f}x)"


def _versions(found: dict | None) -> str:
    if not found:
        return "versions: unknown"
    return "versions: " + ", ".join(f"{name} {'yes' if value else 'NO'}" if name == "libyaml" else f"{name} {value}"
                                    for name, value in found.items())


def _load(value: list[float] | None) -> str:
    return "unknown" if value is None else ", ".join(f"{x:.2f}" for x in value)


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measurement (median kept)")
    parser.add_argument("--scaling", default="500,5000,20000", help="record counts for the scaling curve; empty to skip")
    parser.add_argument("--json", type=Path, default=None,
                        help=f"where to write the results (default {default_json()}; "
                             "`--json benchmarks/results.json` updates the figures the README quotes)")
    parser.add_argument("--smoke", action="store_true", help="CI: 200 records, one run, no scaling; assert only that all completes")
    args = parser.parse_args(argv)
    if args.smoke:
        args.records, args.runs, args.scaling = 200, 1, ""
    return args


def main() -> None:
    args = arguments()
    with tempfile.TemporaryDirectory(prefix="kitrack-bench-") as tmp:
        work = Path(tmp)
        data = work / "data"
        generate.generate(args.records, data)
        report = {"records": args.records, "python": platform.python_version(), "machine": platform.machine(),
                  "cpus": os.cpu_count(), "runs": args.runs, "versions": versions(), "load_before": load_average()}
        report.update(measure(data, args.runs, work))
        report["startup"] = startup(max(args.runs, 5) if not args.smoke else 1)
        sizes = [int(s) for s in args.scaling.split(",") if s.strip()]
        report["scaling"] = scaling(sizes, max(1, min(args.runs, 3)), work) if sizes else []
        report["load_after"] = load_average()
    failures = report.pop("failures")
    print(table(report))
    path = args.json or default_json()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {path}")
    if failures:
        print("\nFAILED:\n" + "\n".join(failures), file=sys.stderr)
        raise SystemExit(1)
    for needed in ("check", "report --format html"):
        if args.smoke and not any(row["available"] and row["command"] == needed for row in report["commands"]):
            raise SystemExit(f"smoke: kitrack {needed} did not run")


if __name__ == "__main__":
    main()
