"""Coverage-guided fuzzing of the loader and `check` with atheris (libFuzzer for Python).

    pip install atheris
    python tests/fuzz/fuzz_check.py -max_total_time=60 -rss_limit_mb=2048 tests/fuzz/corpus

Each input becomes an estate file in a small valid data set; loading and checking it must never
raise. CI runs it for a bounded time (.ci/run). A crash is written as `crash-<hash>` (see
-artifact_prefix): add its bytes to `test_crashes_found_by_fuzzing_stay_fixed` in tests/test_fuzz.py,
or as a folder of tests/fixtures/hostile/, and fix the cause.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["kitrack"]):
    from kitrack import checks
    from kitrack.load.dataset import load
    from kitrack.load.limits import Limits
    from kitrack.load.loader import read

REGIONS = "regions:\n  - id: r\n    name: R\n    priority: true\n    regencies:\n      - {id: kab-a, name: A}\n    sources:\n      - {id: s, url: https://example.org}\n"
AGENCIES = "agencies:\n  - {id: ag, name: Agency, type: provincial}\n"
ROOT = Path(tempfile.mkdtemp(prefix="kitrack-fuzz-")) / "data"
(ROOT / "estates").mkdir(parents=True)
(ROOT / "regions.yaml").write_text(REGIONS)
(ROOT / "agencies.yaml").write_text(AGENCIES)
TARGET = ROOT / "estates" / "x.yaml"
CONTEXT = checks.Context(as_of=dt.date(2026, 11, 29))


def one_input(data: bytes) -> None:
    TARGET.write_bytes(data)
    source = read(TARGET, "x.yaml", Limits(max_file_bytes=100_000))
    for problem in source.problems:
        assert problem.line >= 1 and problem.column >= 1, problem
    checks.run(load(ROOT), CONTEXT)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
