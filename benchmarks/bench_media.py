"""Media engine benchmarks: `python -m benchmarks.bench_media` (from the repo root). Writes bench-results/media.json.

Runs against a private PulseAudio (the same virtual devices as the tests) and synthetic media:
1. microphone-to-queue latency in the steady state, p50/p99, split in two: the device's own buffering as PortAudio's
   time info reports it (ADC -> callback) and this pipeline (callback -> block in the asyncio queue); the first
   seconds are left out because PortAudio's ALSA/pulse start-up delivers a backlog of stale audio in one burst;
2. playback latency (delta received -> pulled by the device callback, plus PortAudio's output latency), p50/p99;
3. underruns over a 10-minute simulated stream with network jitter (JitterBuffer on a virtual clock), on ten
   network seeds, target 0;
4. CPU per minute in the steady state with mic + camera (a 30 fps 720p MJPEG webcam stand-in) through the upload
   path (capture, gate, JPEG) and a preview consumer + playback, as % of one core, target < 5 %; the one-off start-up
   cost is reported separately, and so is CPU by thread;
5. image tokens per minute, static slide vs changing scene, gate on vs off; scene-change delay, targets >= 5x, <= 0.5 s.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
from pathlib import Path

import cv2
import numpy as np

from interpreter.core.catalog import load_catalog
from interpreter.media.frames import CameraSource, upload_frames
from interpreter.media.gate import FrameGate, GateConfig
from interpreter.media.jitter import JitterBuffer
from interpreter.media.microphone import Microphone
from interpreter.media.player import VoicePlayer
from tests.fakes.pulse import pulse_daemon

MODEL = "qwen3-livetranslate-flash-realtime"


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


#: PortAudio's ALSA/pulse input takes up to ~2 s to deliver its first callback and then hands over the audio
#: captured meanwhile in a burst (blocks ~0.6 s old): a one-off at session start, left out of the steady state.
MIC_WARMUP_S = 3.0


async def mic_latency(seconds: float = 10.0) -> dict[str, float]:
    device: list[float] = []
    pipeline: list[float] = []
    total: list[float] = []
    startup_age = 0.0
    async with Microphone(block_ms=40) as mic:
        first: float | None = None
        async for block in mic.blocks():
            assert block.callback_at is not None
            first = block.available_at if first is None else first
            if block.available_at - first < MIC_WARMUP_S:
                startup_age = max(startup_age, block.available_at - block.captured_at)
                continue
            device.append((block.callback_at - block.captured_at) * 1000)
            pipeline.append((block.available_at - block.callback_at) * 1000)
            total.append((block.available_at - block.captured_at) * 1000)
            if block.available_at - first > MIC_WARMUP_S + seconds:
                break
    return {
        "p50_ms": pct(total, 50),
        "p99_ms": pct(total, 99),
        "device_p50_ms": pct(device, 50),
        "device_p99_ms": pct(device, 99),
        "pipeline_p50_ms": pct(pipeline, 50),
        "pipeline_p99_ms": pct(pipeline, 99),
        "startup_backlog_max_age_ms": startup_age * 1000,
        "blocks": len(total),
    }


async def playback_latency(seconds: float = 10.0) -> dict[str, float]:
    player = VoicePlayer(samplerate=24000)
    await player.start()
    chunk = (np.sin(np.arange(960) / 5) * 8000).astype(np.int16).tobytes()  # 40 ms
    # Warm-up: the first device callback can come seconds after start; measure the steady state, not that.
    player.feed(chunk * 5)
    player.end_of_response()
    while not player.outputs[0].buffer.drained:  # noqa: ASYNC110 - polling a condition set on a device thread
        await asyncio.sleep(0.01)
    player.outputs[0].buffer.latencies_s.clear()
    t0 = time.monotonic()
    n = 0
    while time.monotonic() - t0 < seconds:  # deltas at real-time pace, by deadline
        player.feed(chunk)
        n += 1
        await asyncio.sleep(max(0.0, t0 + n * 0.04 - time.monotonic()))
    out = player.outputs[0]
    device_ms = out.device_latency_s * 1000
    lat = [x * 1000 + device_ms for x in out.buffer.latencies_s]
    underruns = out.buffer.stats().underruns
    await player.stop()
    return {"p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99), "device_latency_ms": device_ms, "underruns": underruns}


def simulated_underruns(minutes: float = 10.0, seeds: int = 10) -> dict[str, float]:
    per_seed = [_simulated_stream(minutes, seed) for seed in range(1, seeds + 1)]
    return {
        "minutes": minutes,
        "seeds": seeds,
        "underruns": sum(r["underruns"] for r in per_seed),
        "max_underruns_one_seed": max(r["underruns"] for r in per_seed),
        "p99_jitter_ms": float(np.median([r["p99_jitter_ms"] for r in per_seed])),
        "latency_p50_ms": float(np.median([r["latency_p50_ms"] for r in per_seed])),
        "final_target_ms_max": max(r["target_ms"] for r in per_seed),
    }


def _simulated_stream(minutes: float, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    clock = [0.0]
    jb = JitterBuffer(24000, target_ms=80, clock=lambda: clock[0])
    chunk = bytes(960 * 2)
    n_chunks = int(minutes * 60 / 0.04)
    # Network: each 40 ms delta delayed by 20 ms base + exponential jitter (mean 10 ms), order preserved (TCP).
    arrivals = np.maximum.accumulate(np.arange(n_chunks) * 0.04 + 0.02 + rng.exponential(0.01, n_chunks))
    i = 0
    ticks = int(minutes * 60 / 0.01) + 100
    for tick in range(ticks):  # device pulls 10 ms every 10 ms
        clock[0] = tick * 0.01
        while i < n_chunks and arrivals[i] <= clock[0]:
            jb.push(chunk)
            i += 1
        if i == n_chunks:
            jb.mark_end()
        jb.pull(240)
    s = jb.stats()
    return {
        "underruns": s.underruns,
        "p99_jitter_ms": pct(list(np.diff(arrivals) * 1000), 99),
        "latency_p50_ms": pct(list(jb.latencies_s), 50) * 1000,
        "target_ms": s.target_ms,
    }


def gate_tokens(minutes: float = 1.0) -> dict[str, float]:
    model = load_catalog().model(MODEL)
    rng = np.random.default_rng(0)

    def slide(seed: int) -> np.ndarray:
        r = np.random.default_rng(seed)
        img = np.full((720, 1280, 3), 235, np.uint8)
        for _ in range(15):
            y, x = r.integers(0, 680), r.integers(0, 980)
            img[y : y + 30, x : x + int(r.integers(60, 300))] = 20
        return img

    results: dict[str, float] = {}
    fps = 5.0
    times = np.arange(0, minutes * 60, 1 / fps)
    for scene in ("static", "changing"):
        for gated in (True, False):
            cfg = GateConfig() if gated else GateConfig(change_threshold=0.0, keepalive_s=0)
            gate = FrameGate(cfg, model=model)
            delays: list[float] = []
            change_at: float | None = None
            current = 0
            for t in times:
                seed = current
                if scene == "changing" and int(t // 5) != current:  # a new slide every 5 s
                    current = int(t // 5)
                    seed, change_at = current, float(t)
                noise = rng.integers(-3, 4, (720, 1280, 1))
                img = np.clip(slide(seed).astype(np.int16) + noise, 0, 255).astype(np.uint8)
                if gate.process(img, float(t)) is not None and change_at is not None:
                    delays.append(float(t) - change_at)
                    change_at = None
            key = f"{scene}_{'gate' if gated else 'nogate'}"
            results[f"{key}_tokens_per_min"] = gate.stats.tokens / minutes
            results[f"{key}_frames"] = gate.stats.sent
            if scene == "changing" and gated:
                results["max_scene_change_delay_s"] = max(delays) if delays else float("nan")
    results["static_reduction_x"] = results["static_nogate_tokens_per_min"] / results["static_gate_tokens_per_min"]
    return results


#: A webcam's usual rate. Every frame is delivered (grab), only the ones the pipeline wants are decoded (retrieve).
CAMERA_FPS = 30
#: Seconds per slide in the camera scene: the gate sees real scene changes, not only sensor noise.
SCENE_S = 5.0


class MjpegCameraStandIn:
    """A 720p webcam stand-in that costs what a real one costs, for ``CameraSource(capture_factory=...)``.

    Most webcams send MJPEG at 720p. With OpenCV's V4L2 backend ``grab()`` dequeues the next compressed frame (it
    blocks until the camera delivers: that paces the reader) and ``retrieve()`` decodes it to BGR. So: grab()
    waits for the next frame time, retrieve() runs ``cv2.imdecode`` on that frame's JPEG; read() does both.
    """

    def __init__(self, jpegs: list[list[bytes]]) -> None:
        self._jpegs = jpegs  # [scene][noise variant]
        self._period = 1.0 / CAMERA_FPS
        self._t0 = time.monotonic()
        self._frame = -1
        self._stop = threading.Event()

    def isOpened(self) -> bool:
        return True

    def set(self, prop: int, value: float) -> bool:
        return True

    def grab(self) -> bool:
        self._frame += 1
        due = self._t0 + self._frame * self._period
        self._stop.wait(max(0.0, due - time.monotonic()))  # never set: the camera's frame clock
        return True

    def retrieve(self) -> tuple[bool, np.ndarray]:
        scene = self._jpegs[int(self._frame * self._period // SCENE_S) % len(self._jpegs)]
        image = cv2.imdecode(np.frombuffer(scene[self._frame % len(scene)], np.uint8), cv2.IMREAD_COLOR)
        return True, image

    def read(self) -> tuple[bool, np.ndarray]:
        self.grab()
        return self.retrieve()

    def release(self) -> None:
        pass


def _camera_jpegs(scenes: int = 3, variants: int = 10) -> list[list[bytes]]:
    """720p slides (dark text-like boxes on light grey) with per-frame sensor noise, as camera JPEGs."""
    out = []
    for seed in range(scenes):
        rng = np.random.default_rng(seed)
        slide = np.full((720, 1280, 3), 225, np.uint8)
        for _ in range(15):
            y, x = int(rng.integers(0, 680)), int(rng.integers(0, 980))
            slide[y : y + 30, x : x + int(rng.integers(60, 300))] = 30
        frames = []
        for _ in range(variants):
            noisy = np.clip(slide.astype(np.int16) + rng.integers(-4, 5, slide.shape), 0, 255).astype(np.uint8)
            ok, buf = cv2.imencode(".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, 80])  # typical webcam MJPEG quality
            assert ok
            frames.append(buf.tobytes())
        out.append(frames)
    return out


def _thread_cpu() -> dict[int, float]:
    """CPU seconds per thread of this process (Linux /proc; empty elsewhere)."""
    ticks = os.sysconf("SC_CLK_TCK")
    result = {}
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return {}
    for tid in tids:
        try:
            stat = Path(f"/proc/self/task/{tid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        result[int(tid)] = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    return result


def _thread_group(name: str | None) -> str:
    if name is None:
        return "native (PortAudio, PulseAudio client, FFmpeg)"
    if name == "MainThread":
        return "event loop (mic resampling, player feed, polling)"
    if name.startswith("frames-"):
        return "camera worker (grab + decode)"
    if name.startswith(("asyncio_", "ThreadPoolExecutor")):
        return "executor (gate fingerprint + JPEG)"
    return name


async def cpu_usage(seconds: float = 30.0) -> dict[str, float]:
    model = load_catalog().model(MODEL)
    gate = FrameGate(model=model)
    standin = MjpegCameraStandIn(_camera_jpegs())
    t_start, wall_start = time.process_time(), time.monotonic()
    cam = CameraSource(0, capture_factory=lambda _index: standin)  # default capture rate, as the app uses
    cam.start()
    player = VoicePlayer(samplerate=24000)
    await player.start()
    chunk = bytes(1920)  # 40 ms of 24 kHz voice
    names: dict[int, str] = {}
    mic_blocks = 0
    uploads: list[int] = []
    previews = 0
    async with Microphone(block_ms=40) as mic:

        async def consume_mic() -> None:
            nonlocal mic_blocks
            async for _ in mic:
                mic_blocks += 1

        async def consume_uploads() -> None:  # what LiveSession gets: gated JPEGs
            async for encoded in upload_frames(cam, gate):
                uploads.append(len(encoded.jpeg))

        async def consume_preview() -> None:  # what the UI preview gets (painting is Qt's cost, not media's)
            nonlocal previews
            async for _ in cam.preview():
                previews += 1

        tasks = [asyncio.create_task(c()) for c in (consume_mic, consume_uploads, consume_preview)]
        n = 0
        t_feed = time.monotonic()
        measure_from: float | None = None
        t_cpu = 0.0
        before: dict[int, float] = {}
        while True:
            player.feed(chunk)
            n += 1
            await asyncio.sleep(max(0.0, t_feed + n * 0.04 - time.monotonic()))
            now = time.monotonic()
            for thread in threading.enumerate():
                if thread.native_id is not None:
                    names[thread.native_id] = thread.name
            if measure_from is None and mic_blocks and uploads and now - wall_start >= MIC_WARMUP_S:
                measure_from, t_cpu, before = now, time.process_time(), _thread_cpu()
                startup_cpu = t_cpu - t_start
                blocks_at_start, uploads_at_start, previews_at_start = mic_blocks, len(uploads), previews
            if measure_from is not None and now - measure_from >= seconds:
                break
        cpu = time.process_time() - t_cpu
        wall = time.monotonic() - measure_from
        after = _thread_cpu()
    cam.stop()
    await player.stop(drain=False)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    groups: dict[str, float] = {}
    for tid, total in after.items():
        group = _thread_group(names.get(tid))
        groups[group] = groups.get(group, 0.0) + total - before.get(tid, 0.0)
    result = {
        "cpu_percent_of_one_core": 100 * cpu / wall,
        "cpu_s_per_min": cpu / wall * 60,
        "startup_cpu_s": startup_cpu,
        "measured_s": wall,
        "mic_blocks": mic_blocks - blocks_at_start,
        "frames_uploaded": len(uploads) - uploads_at_start,
        "preview_frames": previews - previews_at_start,
        "camera_frames_grabbed_per_s": CAMERA_FPS,
    }
    for group, value in sorted(groups.items(), key=lambda kv: -kv[1]):
        result[f"percent_{group}"] = 100 * value / wall
    return result


async def main() -> None:
    results: dict[str, dict[str, float]] = {}
    results["simulated_underruns_10min"] = simulated_underruns()
    results["gate_tokens"] = gate_tokens()
    with pulse_daemon():
        results["mic_latency"] = await mic_latency()
        results["playback_latency"] = await playback_latency()
        results["cpu"] = await cpu_usage()
    print(f"{'metric':<72}{'value':>12}")
    for group, values in results.items():
        for key, value in values.items():
            print(f"{group + '.' + key:<72}{value:>12.2f}")
    out = Path("bench-results")
    out.mkdir(exist_ok=True)  # noqa: ASYNC240 - once, at the end
    (out / "media.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
