"""Media engine benchmarks: `python -m benchmarks.bench_media` (from the repo root). Writes bench-results/media.json.

Runs against a private PulseAudio (the same virtual devices as the tests) and synthetic media:
1. microphone-to-queue latency (PortAudio ADC time -> block available in the asyncio queue), p50/p99;
2. playback latency (delta received -> pulled by the device callback, plus PortAudio's output latency), p50/p99;
3. underruns over a 10-minute simulated stream with network jitter (JitterBuffer on a virtual clock), target 0;
4. CPU with mic + 2 fps 720p camera (synthetic video) through the gate + playback, as % of one core, target < 5 %;
5. image tokens per minute, static slide vs changing scene, gate on vs off; scene-change delay, targets >= 5x, <= 0.5 s.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from interpreter.core.catalog import load_catalog
from interpreter.media.frames import CameraSource
from interpreter.media.gate import FrameGate, GateConfig
from interpreter.media.jitter import JitterBuffer
from interpreter.media.microphone import Microphone
from interpreter.media.player import VoicePlayer
from tests.fakes.pulse import pulse_daemon
from tests.media.mediagen import write_video

MODEL = "qwen3-livetranslate-flash-realtime"


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


async def mic_latency(seconds: float = 10.0) -> dict[str, float]:
    lat: list[float] = []
    async with Microphone(block_ms=40) as mic:
        t_end = time.monotonic() + seconds
        async for block in mic.blocks():
            lat.append((block.available_at - block.captured_at) * 1000)
            if time.monotonic() > t_end:
                break
    lat = lat[25:]  # the first second includes stream start-up (PortAudio delivers a backlog in a burst)
    return {"p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99), "blocks": len(lat)}


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


def simulated_underruns(minutes: float = 10.0, seed: int = 1) -> dict[str, float]:
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
    return {"minutes": minutes, "underruns": s.underruns, "p99_jitter_ms": pct(list(np.diff(arrivals) * 1000), 99)}


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


class PacedCapture:
    """A camera stand-in: reads the synthetic video at its frame rate (a real camera blocks in read())."""

    def __init__(self, path: str) -> None:
        import cv2

        self._cap = cv2.VideoCapture(path)
        self._period = 1.0 / (self._cap.get(cv2.CAP_PROP_FPS) or 2)
        self._tick = threading.Event()

    def isOpened(self) -> bool:
        return bool(self._cap.isOpened())

    def set(self, prop: int, value: float) -> bool:
        return bool(self._cap.set(prop, value))

    def read(self) -> tuple[bool, np.ndarray | None]:
        self._tick.wait(self._period)  # never set: waits one frame period, like a camera
        return self._cap.read()

    def release(self) -> None:
        self._cap.release()


async def cpu_usage(seconds: float = 20.0) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        frames = [np.full((720, 1280, 3), (i * 3) % 256, np.uint8) for i in range(int(seconds * 2) + 4)]
        video = write_video(Path(tmp) / "cam.mp4", frames, 2)
        gate = FrameGate(model=load_catalog().model(MODEL))
        t_cpu, t_wall = time.process_time(), time.monotonic()
        cam = CameraSource(str(video), fps=2, capture_factory=PacedCapture)
        cam.start()
        player = VoicePlayer(samplerate=24000)
        await player.start()
        chunk = bytes(1920)
        async with Microphone(block_ms=40) as mic:
            loop = asyncio.get_running_loop()

            async def consume_mic() -> None:
                async for _ in mic:
                    pass

            async def consume_cam() -> None:
                async for f in cam.frames(poll_fps=4):
                    await loop.run_in_executor(None, gate.process, f.image, time.monotonic())

            tasks = [asyncio.create_task(consume_mic()), asyncio.create_task(consume_cam())]
            n = 0
            while time.monotonic() - t_wall < seconds:
                player.feed(chunk)
                n += 1
                await asyncio.sleep(max(0.0, t_wall + n * 0.04 - time.monotonic()))
        cam.stop()
        await player.stop(drain=False)
        for task in tasks:
            task.cancel()
        cpu = time.process_time() - t_cpu
        wall = time.monotonic() - t_wall
    return {
        "cpu_percent_of_one_core": 100 * cpu / wall,
        "cpu_s_per_min": cpu / wall * 60,
        "frames_sent": gate.stats.sent,
    }


async def main() -> None:
    results: dict[str, dict[str, float]] = {}
    results["simulated_underruns_10min"] = simulated_underruns()
    results["gate_tokens"] = gate_tokens()
    with pulse_daemon():
        results["mic_latency"] = await mic_latency()
        results["playback_latency"] = await playback_latency()
        results["cpu"] = await cpu_usage()
    print(f"{'metric':<48}{'value':>12}")
    for group, values in results.items():
        for key, value in values.items():
            print(f"{group + '.' + key:<48}{value:>12.2f}")
    out = Path("bench-results")
    out.mkdir(exist_ok=True)  # noqa: ASYNC240 - once, at the end
    (out / "media.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
