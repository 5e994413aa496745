"""Desktop UI benchmarks (offscreen Qt, real widgets, real emulator over real sockets).

1. Event-loop lag while streaming: the main window runs a live demo session (speech sample paced in real time into
   the embedded emulator), the caption model takes 10 updates per second on top of what the session sends, and a
   synthetic 2 fps camera feeds the preview and the frame gate. A 10 ms probe measures how late the Qt/asyncio loop
   wakes it; target p99 < 16 ms (one frame at 60 Hz).
2. Caption view cost with 100, 10 000 and 50 000 rows: a one-row update (the open row's text grows,
   ``dataChanged`` on one index) and a new row, each until painted; targets < 2 ms and < 5 ms at every size, and
   the update cost at 10 000 rows ≤ 2× the cost at 100. Also timed with a forced repaint of the whole viewport.
2b. Event-loop lag with 50 000 caption rows, partials 10×/s, a new row every 3 s and a resize half-way (every row
   re-measured in the background): target p99 < 16 ms.
3. Memory growth over a two-hour session run at emulator speed-up: RSS before and after (target < 50 MB).
4. Cold start to window shown: a fresh interpreter per run (subprocess), median of several runs (target < 1.5 s).

Run: ``python -m benchmarks.bench_ui`` from the repo root (about 2–3 minutes); writes ``bench-results/ui.json``.
``--quick`` shortens every part (for a smoke run).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results" / "ui.json"
SAMPLE = ROOT / "interpreter" / "resources" / "samples" / "speech_en_16k.wav"

TARGET_LAG_P99_MS = 16.0
TARGET_VIEW_RATIO = 2.0
TARGET_MEMORY_MB = 50.0
TARGET_COLD_START_S = 1.5

#: Lag probe period: 10 ms resolves a 16 ms budget while costing the loop almost nothing.
PROBE_MS = 10
#: Synthetic caption update rate required by the issue (a fast talker's partials arrive at about this rate).
CAPTION_HZ = 10
#: Synthetic camera: 2 fps (the service's limit), 1280x720 like a typical webcam.
CAMERA_FPS, CAMERA_SIZE = 2.0, (1280, 720)
#: 1.5 s of silence (16 kHz s16le: 32 000 bytes/s) after each sample: longer than the VAD's 1 s end-of-speech
#: silence, like a speaker's pause between sentences.
PAUSE_BYTES = 48_000
#: Partials per row in the caption-lag part: at 10 updates/s a new row every 3 s, a typical sentence length.
NEW_ROW_EVERY = 30
#: Rows in the caption view for the caption-lag part: the largest size of ``VIEW_SIZES``.
LAG_ROWS = 50_000
#: Caption list sizes measured: a short talk, the issue's reference (10 000 segments), and a very long day.
VIEW_SIZES = (100, 10_000, 50_000)
#: Timed one-row updates and new rows per size (half of them with a forced full repaint, see ``_view_cost``).
VIEW_UPDATES, VIEW_INSERTS = 300, 40
#: A one-row update and a new row must each fit well inside one 16 ms frame, whatever the session length.
TARGET_UPDATE_MS = 2.0
TARGET_INSERT_MS = 5.0
#: A two-hour session, run this many times faster than real time (emulator clock and audio pacing alike).
SESSION_HOURS, SESSION_SPEED = 2.0, 80.0
#: Audio blocks during the speed-up: 200 ms keeps the message rate near 400/s at 80x (40 ms blocks would be 2000/s).
FAST_BLOCK_MS = 200


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _pcm_sample() -> list[bytes]:
    """The speech sample followed by a pause, so that looping it makes one segment per repetition."""
    from interpreter.media.files import decode_audio

    return [*decode_audio(SAMPLE), bytes(PAUSE_BYTES)]


class _SyntheticCapture:
    """A ``cv2.VideoCapture`` stand-in: a moving bar on a gradient, delivered at the camera's own frame rate."""

    def __init__(self, _index: Any) -> None:
        import numpy as np

        self._np = np
        width, height = CAMERA_SIZE
        self._base = np.tile(np.linspace(0, 255, width, dtype=np.uint8)[None, :, None], (height, 1, 3))
        self._n = 0
        self._next = time.monotonic()

    def isOpened(self) -> bool:  # OpenCV's name
        return True

    def set(self, *_args: Any) -> bool:
        return True

    def grab(self) -> bool:
        # Block like a real camera until the next frame is due (this runs in the source's worker thread).
        self._next += 1.0 / CAMERA_FPS
        time.sleep(max(0.0, self._next - time.monotonic()))
        return True

    def retrieve(self) -> tuple[bool, Any]:
        frame = self._base.copy()
        x = (self._n * 97) % (CAMERA_SIZE[0] - 100)
        frame[:, x : x + 100] = (40, 200, 240)
        self._n += 1
        return True, frame

    def read(self) -> tuple[bool, Any]:
        return self.grab() and self.retrieve()

    def release(self) -> None:
        pass


async def _probe_loop_lag(lags: list[float], stop: asyncio.Event) -> None:
    """Sleep PROBE_MS at a time and record how late each wake-up is: the event loop's lag, in ms."""
    period = PROBE_MS / 1000
    while not stop.is_set():
        due = time.perf_counter() + period
        await asyncio.sleep(period)
        lags.append(max(0.0, (time.perf_counter() - due) * 1000))


async def _lag_under_load(seconds: float) -> dict[str, Any]:
    from interpreter.core.captions import Caption
    from interpreter.core.catalog import load_catalog
    from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer
    from interpreter.media.frames import CameraSource
    from interpreter.media.pacing import PacedPcmSource
    from interpreter.ui.main_window import MainWindow
    from interpreter.ui.presentation_window import PresentationOptions, PresentationWindow
    from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
    from interpreter.ui.viewmodels.live_options import LiveOptions
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

    pcm = _pcm_sample()
    server = EmulatorServer()
    await server.start()
    repeats = int(seconds // 5) + 2  # the sample is ~5 s: loop it for the whole measurement
    env = LiveEnvironment(
        endpoint=lambda: Endpoint(DEMO_API_KEY, server.base_url, demo=True),
        open_audio_source=lambda _o: PacedPcmSource(chunk for _ in range(repeats) for chunk in pcm),
        open_image_source=lambda _o: CameraSource(0, fps=CAMERA_FPS, capture_factory=_SyntheticCapture),
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions(source_language="en", target_language="zh"))
    window = MainWindow(vm, demo=True)
    window.resize(1280, 800)
    window.show()
    presentation = PresentationWindow(vm.captions, PresentationOptions(font_pt=36, show_source=True))
    presentation.resize(1200, 300)
    presentation.show()
    previews = [0]
    vm.preview_changed.connect(lambda _image: previews.__setitem__(0, previews[0] + 1))
    sent = [0, 0]
    vm.visual_stats_changed.connect(lambda frames, tokens: sent.__setitem__(slice(None), [frames, tokens]))
    assert await vm.start_session(), "the demo session did not start"

    lags: list[float] = []
    synthetic = [0]
    stop = asyncio.Event()

    async def captions() -> None:
        # A synthetic extra row at the end whose tentative text grows 10x/s, like partials of a fast talker.
        n = 0
        while not stop.is_set():
            await asyncio.sleep(1 / CAPTION_HZ)
            row = vm.captions.rowCount()
            words = " ".join(f"word{i}" for i in range(n % 30))
            vm.captions.set_row(
                max(0, row - 1) if n % 30 else row,
                Caption(
                    index=row,
                    source_item_id=f"bench_{n // 30}",
                    source=words,
                    source_stash=" next",
                    translation=words.upper(),
                    translation_stash=" …",
                    start_ms=None,
                    end_ms=None,
                    final=False,
                    gap=False,
                ),
            )
            n += 1
            synthetic[0] = n

    tasks = [asyncio.ensure_future(_probe_loop_lag(lags, stop)), asyncio.ensure_future(captions())]
    await asyncio.sleep(seconds)
    stop.set()
    await asyncio.gather(*tasks)
    rows = vm.captions.rowCount()
    await vm.stop_session()
    presentation.close()
    window.close()
    await server.stop()
    lags.sort()
    return {
        "seconds": seconds,
        "probes": len(lags),
        "lag_p50_ms": round(statistics.median(lags), 2),
        "lag_p99_ms": round(lags[int(len(lags) * 0.99) - 1], 2),
        "lag_max_ms": round(lags[-1], 2),
        "synthetic_caption_updates": synthetic[0],
        "caption_rows": rows,
        "preview_frames": previews[0],
        "frames_sent": sent[0],
        "image_tokens": sent[1],
        "target_p99_ms": TARGET_LAG_P99_MS,
        "ok": lags[int(len(lags) * 0.99) - 1] < TARGET_LAG_P99_MS,
    }


class _PaintCounter:
    """Counts paint events on a widget: proves each timed step really painted (not just updated the model)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class _Filter(QObject):
            count = 0

            def eventFilter(self, _watched: Any, event: Any) -> bool:
                if event.type() == paint:
                    _Filter.count += 1
                return False

        self._filter = _Filter(widget)
        self._kind = _Filter
        widget.installEventFilter(self._filter)

    @property
    def count(self) -> int:
        return self._kind.count


def _finished_caption(i: int) -> Any:
    from interpreter.core.captions import Caption

    text = f"Finished sentence number {i} with a few more words to wrap"
    return Caption(i, f"s{i}", text, "", text.upper(), "", i * 3000, i * 3000 + 2500, True, False)


def _wait_settled(app: Any, view: Any, limit_s: float = 60.0) -> float:
    """Spin the loop until the list has measured every row (no-op for views without background work)."""
    settled = getattr(view.list, "is_settled", None)
    start = time.perf_counter()
    while settled is not None and not settled() and time.perf_counter() - start < limit_s:
        for _ in range(50):  # is_settled walks every row: check it every 50 loop turns, not every turn
            app.processEvents()
    return time.perf_counter() - start


def _view_cost(sizes: tuple[int, ...], updates: int, inserts: int) -> dict[str, Any]:
    """Per-update and per-insert cost of the caption view with ``sizes`` rows already in it.

    Two ways of counting each step: ``app`` is what the application does (model update, then the loop paints what
    the view marked dirty); ``full`` additionally forces a synchronous repaint of the whole viewport (the worst case,
    and the method of the first version of this benchmark, kept for before/after comparison).
    """
    from PySide6.QtWidgets import QApplication

    from interpreter.core.captions import Caption
    from interpreter.ui.caption_model import CaptionListModel
    from interpreter.ui.caption_view import CaptionView

    app = QApplication.instance()
    result: dict[str, Any] = {}
    for size in sizes:
        # Rows first, view second: one initial layout instead of one per row (the prefill is not what is measured).
        model = CaptionListModel()
        for i in range(size):
            model.set_row(i, _finished_caption(i))
        view = CaptionView(model)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        settle_s = _wait_settled(app, view)
        paints = _PaintCounter(view.list.viewport())
        timings: dict[str, list[float]] = {"app": [], "full": []}
        for n in range(updates):
            words = " ".join(f"w{k}" for k in range(n % 40))
            caption = Caption(size, f"s{size}", words, " stash", words.upper(), " …", None, None, False, False)
            mode = "full" if n % 2 else "app"
            start = time.perf_counter()
            model.set_row(size, caption)
            if mode == "full":
                view.list.viewport().repaint()  # a synchronous paint of everything visible
            app.processEvents()
            timings[mode].append((time.perf_counter() - start) * 1000)
        update_paints = paints.count
        appends: dict[str, list[float]] = {"app": [], "full": []}
        for n in range(inserts):
            index = model.rowCount()
            caption = Caption(index, f"n{index}", "New sentence", "", "NEW SENTENCE", "", None, None, False, False)
            mode = "full" if n % 2 else "app"
            start = time.perf_counter()
            model.set_row(index, caption)
            if mode == "full":
                view.list.viewport().repaint()
            app.processEvents()
            appends[mode].append((time.perf_counter() - start) * 1000)
        insert_paints = paints.count - update_paints
        # A width change makes every height an estimate: how long until all rows are exact again, in the background.
        view.resize(1000, 700)
        app.processEvents()
        resettle_s = _wait_settled(app, view)
        view.close()
        view.deleteLater()
        app.processEvents()
        result[str(size)] = {
            "update_ms": round(statistics.median(timings["app"]), 3),
            "update_p95_ms": round(_p(timings["app"], 95), 3),
            "update_full_repaint_ms": round(statistics.median(timings["full"]), 3),
            "insert_ms": round(statistics.median(appends["app"]), 3),
            "insert_p95_ms": round(_p(appends["app"], 95), 3),
            "insert_full_repaint_ms": round(statistics.median(appends["full"]), 3),
            "paints_per_update": round(update_paints / updates, 2),
            "paints_per_insert": round(insert_paints / inserts, 2),
            "initial_settle_s": round(settle_s, 2),
            "resize_settle_s": round(resettle_s, 2),
        }
    small, large = result[str(sizes[0])]["update_ms"], result[str(sizes[1])]["update_ms"]
    result["ratio"] = round(large / small, 2) if small else float("inf")
    result["target_ratio"] = TARGET_VIEW_RATIO
    result["target_update_ms"] = TARGET_UPDATE_MS
    result["target_insert_ms"] = TARGET_INSERT_MS
    worst_update = max(result[str(size)]["update_ms"] for size in sizes)
    worst_insert = max(result[str(size)]["insert_ms"] for size in sizes)
    result["ok"] = (
        result["ratio"] <= TARGET_VIEW_RATIO and worst_update < TARGET_UPDATE_MS and worst_insert < TARGET_INSERT_MS
    )
    return result


async def _settled(view: Any) -> None:
    """Return once the caption list has measured every row (its ``heights_settled`` signal)."""
    if view.list.is_settled():
        return
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def finished() -> None:
        if not done.done():
            done.set_result(None)

    view.list.heights_settled.connect(finished)
    await asyncio.wait_for(done, timeout=60)  # 60 s: 50 000 rows settle in ~5 s; anything near this is a hang


async def _caption_lag(size: int, seconds: float) -> dict[str, Any]:
    """Event-loop lag with ``size`` rows in the caption view, partials 10x/s, a new row every 3 s, and a resize.

    The resize half-way makes every height an estimate, so the background re-measuring runs during the
    measurement: its slices must not show up as lag either.
    """
    from interpreter.core.captions import Caption
    from interpreter.ui.caption_model import CaptionListModel
    from interpreter.ui.caption_view import CaptionView

    model = CaptionListModel()
    for i in range(size):
        model.set_row(i, _finished_caption(i))
    view = CaptionView(model)
    view.resize(1200, 700)
    view.show()
    await _settled(view)  # the first measuring pass is not what this part measures
    lags: list[float] = []
    stop = asyncio.Event()

    async def captions() -> None:
        n = 0
        while not stop.is_set():
            await asyncio.sleep(1 / CAPTION_HZ)
            row = model.rowCount() - (1 if n % NEW_ROW_EVERY else 0)
            words = " ".join(f"word{k}" for k in range(n % NEW_ROW_EVERY))
            caption = Caption(row, f"lag{row}", words, " next", words.upper(), " …", None, None, False, False)
            model.set_row(row, caption)
            n += 1

    tasks = [asyncio.ensure_future(_probe_loop_lag(lags, stop)), asyncio.ensure_future(captions())]
    await asyncio.sleep(seconds / 2)
    resized = time.perf_counter()
    view.resize(1000, 700)
    await _settled(view)
    settle_s = time.perf_counter() - resized
    await asyncio.sleep(max(0.0, seconds / 2 - settle_s))
    stop.set()
    await asyncio.gather(*tasks)
    view.close()
    view.deleteLater()
    lags.sort()
    p99 = lags[int(len(lags) * 0.99) - 1]
    return {
        "rows": size,
        "seconds": seconds,
        "probes": len(lags),
        "lag_p50_ms": round(statistics.median(lags), 2),
        "lag_p99_ms": round(p99, 2),
        "lag_max_ms": round(lags[-1], 2),
        "resize_settle_s": round(settle_s, 2),
        "target_p99_ms": TARGET_LAG_P99_MS,
        "ok": p99 < TARGET_LAG_P99_MS,
    }


def _p(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


async def _memory(hours: float, speed: float) -> dict[str, Any]:
    from interpreter.core.catalog import load_catalog
    from interpreter.emulator.server import DEMO_API_KEY
    from interpreter.media.pacing import PacedPcmSource
    from interpreter.ui.main_window import MainWindow
    from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
    from interpreter.ui.viewmodels.live_options import LiveOptions
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

    pcm = _pcm_sample()
    sample_s = sum(len(c) for c in pcm) / 32_000  # 16 kHz s16le mono: 32 000 bytes per second
    repeats = int(hours * 3600 / sample_s) + 1
    # The emulator runs in its own process here: it records every audio byte it receives (230 MB for two hours),
    # which would otherwise be counted as the app's growth.
    emulator = subprocess.Popen(  # noqa: ASYNC220 (setup before measuring; blocking for a moment is harmless)
        [sys.executable, "-m", "interpreter", "emulator", "--port", "0", "--speed", str(speed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert emulator.stdout is not None
    base_url = emulator.stdout.readline().strip()  # the emulator prints its base URL first
    env = LiveEnvironment(
        endpoint=lambda: Endpoint(DEMO_API_KEY, base_url, demo=True),
        open_audio_source=lambda _o: PacedPcmSource(
            (chunk for _ in range(repeats) for chunk in pcm), speed=speed, block_ms=FAST_BLOCK_MS
        ),
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions(source_language="en", target_language="zh"))
    window = MainWindow(vm, demo=True)
    window.show()
    # Warm-up: the first session allocates Qt's caches, fonts and the emulator's per-connection state; measure
    # the growth of a long session on top of that, as a user would see it after the first minute.
    gc.collect()
    before = _rss_mb()
    started = time.monotonic()
    assert await vm.start_session(), "the long session did not start"
    finished = asyncio.get_running_loop().create_future()
    vm.session_finished.connect(lambda: finished.done() or finished.set_result(None))
    await finished
    elapsed = time.monotonic() - started
    rows = vm.captions.rowCount()
    gc.collect()
    after = _rss_mb()
    window.close()
    emulator.terminate()
    emulator.wait(timeout=30)
    return {
        "session_hours": round(repeats * sample_s / 3600, 2),
        "speed": speed,
        "wall_s": round(elapsed, 1),
        "caption_rows": rows,
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "growth_mb": round(after - before, 1),
        "target_mb": TARGET_MEMORY_MB,
        "ok": after - before < TARGET_MEMORY_MB,
    }


_COLD_START_CHILD = """
import json, sys
from interpreter import app, self_test

async def shown(vm, window_shown_ms):  # stop right after the window is shown: no session
    print(json.dumps({"window_shown_ms": window_shown_ms}), flush=True)
    return 0

self_test.run_self_test = shown  # AppContext imports it when the self-test starts
sys.exit(app.run_gui(demo=True, self_test=True))
"""


def _cold_start(runs: int) -> dict[str, Any]:
    walls, inside = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _COLD_START_CHILD],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        walls.append(time.perf_counter() - start)  # spawn → window shown, including Python's own start
        proc.wait(timeout=60)
        inside.append(json.loads(line)["window_shown_ms"] / 1000)
    median = statistics.median(walls)
    return {
        "runs": runs,
        "median_s": round(median, 3),
        "min_s": round(min(walls), 3),
        "max_s": round(max(walls), 3),
        "median_in_app_s": round(statistics.median(inside), 3),
        "target_s": TARGET_COLD_START_S,
        "ok": median < TARGET_COLD_START_S,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short runs (smoke test)")
    parser.add_argument(
        "--only", choices=PARTS, action="append", help="run only this part (repeatable); results are merged"
    )
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # the parts open and close windows; the loop must outlive them
    results: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() and args.only else {}
    results.update(python=platform.python_version(), machine=platform.machine(), cpus=os.cpu_count())
    if "cold_start" in parts:  # first: before this process warms the disk cache further
        results["cold_start"] = _cold_start(3 if args.quick else 7)
    if "caption_view" in parts:
        results["caption_view"] = (
            _view_cost(VIEW_SIZES[:2], 60, 10) if args.quick else _view_cost(VIEW_SIZES, VIEW_UPDATES, VIEW_INSERTS)
        )

    async def run_async() -> None:
        if "event_loop_lag" in parts:
            results["event_loop_lag"] = await _lag_under_load(6.0 if args.quick else 20.0)
        if "caption_lag" in parts:
            results["caption_lag"] = await _caption_lag(*((10_000, 6.0) if args.quick else (LAG_ROWS, 20.0)))
        if "memory" in parts:
            hours, speed = (0.1, 40.0) if args.quick else (SESSION_HOURS, SESSION_SPEED)
            results["memory"] = await _memory(hours, speed)

    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(run_async())

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    _print_table(results)
    return 0


PARTS = ("cold_start", "caption_view", "event_loop_lag", "caption_lag", "memory")


def _view_rows(view: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    sizes = [key for key in view if key.isdigit()]
    rows: list[tuple[str, str, str, bool | None]] = []
    for size in sizes:
        cost = view[size]
        label = f"{int(size):,}".replace(",", " ")
        ok_update = cost["update_ms"] < TARGET_UPDATE_MS
        ok_insert = cost["insert_ms"] < TARGET_INSERT_MS
        rows.append(
            (f"caption update, {label} rows", f"{cost['update_ms']} ms", f"< {TARGET_UPDATE_MS:g} ms", ok_update)
        )
        rows.append(("  (full viewport repaint)", f"{cost['update_full_repaint_ms']} ms", "", None))
        rows.append(
            (f"new caption row, {label} rows", f"{cost['insert_ms']} ms", f"< {TARGET_INSERT_MS:g} ms", ok_insert)
        )
        rows.append(("  (full viewport repaint)", f"{cost['insert_full_repaint_ms']} ms", "", None))
    rows.append(("  update ratio 10 000 / 100", f"{view['ratio']}x", f"<= {TARGET_VIEW_RATIO:g}x", view["ratio"] <= 2))
    return rows


def _caption_lag_rows(lag: dict[str, Any] | None) -> list[tuple[str, str, str, bool | None]]:
    if lag is None:
        return []
    label = f"{lag['rows']:,}".replace(",", " ")
    return [
        (f"lag p99, captions at {label} rows", f"{lag['lag_p99_ms']} ms", f"< {TARGET_LAG_P99_MS:g} ms", lag["ok"]),
        ("  (incl. a resize: all rows re-measured)", f"{lag['resize_settle_s']} s", "", None),
    ]


def _print_table(r: dict[str, Any]) -> None:
    lag, view, mem, cold = r["event_loop_lag"], r["caption_view"], r["memory"], r["cold_start"]
    rows = [
        ("event-loop lag p99 (streaming)", f"{lag['lag_p99_ms']} ms", f"< {TARGET_LAG_P99_MS:g} ms", lag["ok"]),
        *_view_rows(view),
        *_caption_lag_rows(r.get("caption_lag")),
        (
            f"memory growth, {mem['session_hours']} h session",
            f"{mem['growth_mb']} MB",
            f"< {TARGET_MEMORY_MB:g} MB",
            mem["ok"],
        ),
        ("cold start to window shown (median)", f"{cold['median_s']} s", f"< {TARGET_COLD_START_S:g} s", cold["ok"]),
    ]
    print(f"{'measure':<40} {'value':>12} {'target':>10}  ok")
    for name, value, target, ok in rows:
        print(f"{name:<40} {value:>12} {target:>10}  {'' if ok is None else ('yes' if ok else 'NO')}")
    print(
        f"(lag run: {lag['synthetic_caption_updates']} synthetic caption updates, {lag['caption_rows']} rows, "
        f"{lag['preview_frames']} preview frames, {lag['frames_sent']} pictures sent; "
        f"memory run: {mem['caption_rows']} rows in {mem['wall_s']} s)"
    )
    print(f"results: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
