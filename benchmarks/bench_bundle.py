"""The installable bundle: build time, size unpacked (target < 250 MB) and cold start to window shown, bundle vs
source (target: no slower).

1. Build: ``packaging/build.sh --tarball`` into a temp folder, timed (a clean PyInstaller build, as CI does).
2. Size: bytes of every file in the bundle folder (unpacked, what the user's disk holds), the tarball's size, and
   the largest parts (which library costs what).
3. Cold start: a fresh process per run, alternating bundle and source (``python -m interpreter``) so that machine
   load hits both alike; each runs ``--demo --self-test`` offscreen. Spawn → window shown is measured as: the moment
   the app logs its first record (``run_gui`` start, wall clock from the log's timestamp) minus the spawn moment,
   plus the app's own ``window_shown_ms`` (run_gui start → window shown). Both are the same code path in both
   forms, so the difference is the bundle's (bootloader, frozen imports) against the source's. The page cache is
   warm after the first run ("cold" = a new process, not a rebooted machine); run 1 is reported too.

Run: ``python -m benchmarks.bench_bundle`` (about 3 minutes on 2 cores); writes ``bench-results/bundle.json``.
``--runs N`` sets the start-up runs per form (default 7, at least 5).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results" / "bundle.json"
TARGET_SIZE_MB = 250.0
#: A self-test plays a ~6 s sample in real time; a run that takes longer than this is hung.
RUN_TIMEOUT_S = 120
#: The first log record of a run: ``app.run_gui`` logs it right after setting up logging (its ``t0``).
START_RECORD = " interpreter.app: starting "
MB = 1024 * 1024


def _build(out: Path) -> tuple[Path, Path, float]:
    started = time.monotonic()
    subprocess.run(
        [str(ROOT / "packaging" / "build.sh"), "--tarball", "--dist", str(out / "dist"), "--work", str(out / "work")],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable},
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=1800,
    )
    seconds = time.monotonic() - started
    tarball = next((out / "dist").glob("live-interpreter-*.tar.gz"))
    return out / "dist" / "live-interpreter", tarball, seconds


def _glibc_floor(bundle: Path) -> str:
    sys.path.insert(0, str(ROOT / "packaging"))
    from glibc_floor import glibc_floor  # packaging/glibc_floor.py (packaging/ is no Python package)

    floor, _ = glibc_floor(bundle)
    return ".".join(map(str, floor))


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _largest_parts(bundle: Path, count: int = 8) -> dict[str, float]:
    internal = bundle / "_internal"
    # Top-level symlinks (PyInstaller links libraries next to the executable's folder) are not counted twice.
    parts = {p.name: (_size(p) if p.is_dir() else p.stat().st_size) for p in internal.iterdir() if not p.is_symlink()}
    top = sorted(parts.items(), key=lambda item: item[1], reverse=True)[:count]
    return {name: round(size / MB, 1) for name, size in top}


def _start_record_time(log_dir: Path) -> float:
    """Wall-clock time (epoch s) of the run's first ``starting`` log record."""
    for path in sorted(log_dir.glob("*.log*")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if START_RECORD in line:
                stamp = " ".join(line.split(" ", 2)[:2])  # "2026-12-04 20:17:20,123" (local time, ms)
                return datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f").timestamp()
    raise RuntimeError(f"no start record in the log under {log_dir}")


def _one_start(command: list[str], scratch: Path) -> tuple[float, float]:
    """``(spawn → window shown, run_gui → window shown)`` in seconds for one ``--demo --self-test`` run."""
    if scratch.exists():
        shutil.rmtree(scratch)
    dirs = {kind: scratch / kind for kind in ("config", "data", "log", "cache")}
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        **{f"LIVE_INTERPRETER_{kind.upper()}_DIR": str(path) for kind, path in dirs.items()},
    }
    spawned = time.time()
    proc = subprocess.run(
        [*command, "--demo", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} --self-test failed ({proc.returncode}): {proc.stdout}{proc.stderr}")
    result = json.loads([line for line in proc.stdout.splitlines() if line.startswith("{")][-1])
    in_app = result["window_shown_ms"] / 1000
    return _start_record_time(dirs["log"]) - spawned + in_app, in_app


def _summary(values: list[float]) -> dict[str, float]:
    return {
        "median_s": round(statistics.median(values), 3),
        "min_s": round(min(values), 3),
        "max_s": round(max(values), 3),
        "stdev_s": round(statistics.stdev(values), 3) if len(values) > 1 else 0.0,
        "first_run_s": round(values[0], 3),
    }


def _cold_starts(bundle: Path, runs: int, scratch: Path) -> dict[str, Any]:
    forms = {"bundle": [str(bundle / "live-interpreter")], "source": [sys.executable, "-m", "interpreter"]}
    walls: dict[str, list[float]] = {name: [] for name in forms}
    inside: dict[str, list[float]] = {name: [] for name in forms}
    for _ in range(runs):
        for name, command in forms.items():
            wall, in_app = _one_start(command, scratch / name)
            walls[name].append(wall)
            inside[name].append(in_app)
    out: dict[str, Any] = {"runs": runs}
    for name in forms:
        out[name] = {**_summary(walls[name]), "median_in_app_s": round(statistics.median(inside[name]), 3)}
    out["ok"] = out["bundle"]["median_s"] <= out["source"]["median_s"]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per form (at least 5)")
    args = parser.parse_args(argv)
    runs = max(args.runs, 5)
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        work = Path(tmp)
        bundle, tarball, build_s = _build(work)
        size = _size(bundle)
        result: dict[str, Any] = {
            "machine": f"{platform.machine()} {os.cpu_count()} cpus, python {platform.python_version()}",
            "build_s": round(build_s, 1),
            "size": {
                "unpacked_mb": round(size / MB, 1),
                "tarball_mb": round(tarball.stat().st_size / MB, 1),
                "target_mb": TARGET_SIZE_MB,
                "ok": size / MB < TARGET_SIZE_MB,
                "largest_mb": _largest_parts(bundle),
            },
            "glibc_floor": _glibc_floor(bundle),
            "cold_start_to_window": _cold_starts(bundle, runs, work / "runs"),
        }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0 if result["size"]["ok"] and result["cold_start_to_window"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
