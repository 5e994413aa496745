"""Run every benchmark (``python -m benchmarks [name ...]``) and print one summary.

Each ``benchmarks/bench_<area>.py`` runs in its own process (so one benchmark's threads, devices or memory do not
skew another's figures) and writes ``bench-results/<area>.json``; this runner prints them side by side.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
#: Benchmarks that take longer than the usual cap: files translates a 60-minute video at three concurrencies,
#: three times each, bounded by the service's 100 000 tokens/min (about 3-5 minutes per batch on a 2-core VM).
LONG_RUNNING_S = {"files": 3 * 3600}


def _areas(selected: list[str]) -> list[str]:
    found = sorted(p.stem.removeprefix("bench_") for p in (ROOT / "benchmarks").glob("bench_*.py"))
    return [a for a in found if not selected or a in selected]


def main(argv: list[str]) -> int:
    RESULTS.mkdir(exist_ok=True)
    failed = []
    print(f"machine: {platform.node()} {platform.machine()} python {platform.python_version()}, cpus={_cpus()}")
    for area in _areas(argv):
        print(f"\n=== {area}", flush=True)
        started = time.monotonic()
        # Generous cap: the media benchmark simulates ten minutes of stream; none should take longer than this.
        timeout = LONG_RUNNING_S.get(area, 900)
        proc = subprocess.run([sys.executable, "-m", f"benchmarks.bench_{area}"], cwd=ROOT, timeout=timeout)
        print(f"--- {area}: exit {proc.returncode} in {time.monotonic() - started:.1f} s")
        if proc.returncode != 0:
            failed.append(area)
    print("\n=== summary (bench-results/*.json)")
    for path in sorted(RESULTS.glob("*.json")):
        print(f"{path.stem}: {json.dumps(json.loads(path.read_text()), ensure_ascii=False)}")
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
