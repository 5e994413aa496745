"""Client cost of the live path: send latency (send_audio → frame on the socket) and CPU per minute of audio.

Setup: the emulator runs in a SEPARATE process (``python -m interpreter.emulator --port 0``), so its CPU is not
counted; this process runs only the client: wall-clock paced 40 ms blocks (``media.pacing.PacedPcmSource``) →
``RealtimeConnection.send_audio`` → send queue → writer task → WebSocket, plus the receive side consuming every
event the emulator sends back (captions, translated audio, segments).

- Latency: ``RealtimeConnection``'s ``on_frame_written`` hook gets each frame with the ``perf_counter()`` at which
  its audio entered ``send_audio`` and the moment ``ws.send`` returned: the full in-client path, measured without a
  wrapper that would change behaviour. Target p99 ≤ 5 ms.
- CPU: ``time.process_time()`` of this process over the streaming phase divided by the audio streamed. Expressed
  as CPU seconds per minute of audio and as % of one core at real-time pace. Target ≤ 1 % of one core.

Pacing: by default 4x real time (``--speed``), with the emulator at the same speed, so ~25 s of wall time stream
100 s of audio = 2 500 blocks. The per-block work is the same as at 1x; only the idle time between blocks shrinks,
so the CPU share per audio minute is unchanged (if anything, slightly pessimistic: less time to batch).

Run: ``python -m benchmarks.bench_client`` from the repo root; writes ``bench-results/client.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.protocol.config import SessionConfig
from interpreter.transport.realtime import RealtimeConnection
from interpreter.transport.send_queue import QueuedFrame

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results" / "client.json"
SPEECH = ROOT / "tests" / "data" / "speech_en_16k.wav"
RATE = 16000
BLOCK_MS = 40  # the app's microphone block size
TARGET_P99_MS = 5.0
TARGET_CPU_PERCENT = 1.0
EMULATOR_START_TIMEOUT_S = 30.0


def _looped_speech(pcm: bytes, seconds: float) -> Iterator[bytes]:
    """``pcm`` repeated until ``seconds`` of audio (the test speech: 3 sentences with pauses per 11.6 s)."""
    needed = int(seconds * RATE) * 2
    sent = 0
    while sent < needed:
        chunk = pcm[: needed - sent]
        sent += len(chunk)
        yield chunk


def _start_emulator(speed: float) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "interpreter.emulator", "--port", "0", "--speed", str(speed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    # The emulator prints its base URL as the first line (docs/dev/CONTRACTS.md).
    line = process.stdout.readline().strip()
    if not line.startswith("http"):
        process.kill()
        raise RuntimeError(f"the emulator did not print its URL (got {line!r})")
    return process, line


async def _stream(base_url: str, audio_s: float, speed: float) -> dict[str, object]:
    latencies_ms: list[float] = []

    def on_written(item: QueuedFrame, written_at: float) -> None:
        if item.frame.kind == "audio":
            latencies_ms.append((written_at - item.entered_at) * 1000.0)

    conn = RealtimeConnection(
        SessionConfig(target_language="es"),
        api_key="sk-emulator-demo",
        base_url=base_url,
        on_frame_written=on_written,
    )
    events = 0

    async def consume() -> None:
        nonlocal events
        async for _ in conn.events():
            events += 1

    consumer = asyncio.create_task(consume())
    await conn.start()
    # Decoded before the measurement: file decoding is the file input's cost, not the live path's.
    speech = b"".join(decode_audio(SPEECH, rate=RATE))
    source = PacedPcmSource(_looped_speech(speech, audio_s), RATE, BLOCK_MS, speed=speed)
    times0, cpu0, wall0 = os.times(), time.process_time(), time.perf_counter()
    async for block in source:
        conn.send_audio(block)
    times1, cpu1, wall1 = os.times(), time.process_time(), time.perf_counter()
    await conn.finish()
    await consumer
    stats = conn.stats
    cpu_s = cpu1 - cpu0
    streamed_s = source.position_s
    ordered = sorted(latencies_ms)
    p99_index = min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))
    return {
        "blocks": len(latencies_ms),
        "audio_s": round(streamed_s, 2),
        "wall_s": round(wall1 - wall0, 2),
        "speed": speed,
        "latency_p50_ms": round(statistics.median(ordered), 3),
        "latency_p99_ms": round(ordered[p99_index], 3),
        "latency_max_ms": round(ordered[-1], 3),
        "cpu_s": round(cpu_s, 3),
        # On loopback the kernel delivers each segment to the emulator's socket inside the sender's send()
        # syscall, so "system" time includes receive-side work a real network would not charge to the client.
        "cpu_user_s": round(times1.user - times0.user, 3),
        "cpu_system_s": round(times1.system - times0.system, 3),
        "cpu_s_per_audio_minute": round(cpu_s / streamed_s * 60.0, 3),
        "cpu_percent_of_one_core_at_real_time": round(cpu_s / streamed_s * 100.0, 3),
        "events_received": events,
        "audio_frames_dropped": stats.audio_frames_dropped,
        "send_queue_high_water": stats.send_queue_high_water,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audio-seconds", type=float, default=100.0, help="audio to stream (default 100 s)")
    parser.add_argument("--speed", type=float, default=4.0, help="pace factor (default 4x real time)")
    args = parser.parse_args(argv)

    process, base_url = _start_emulator(args.speed)
    try:
        result = asyncio.run(_stream(base_url, args.audio_seconds, args.speed))
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
        if process.poll() is None:
            process.kill()

    result["target_p99_ms"] = TARGET_P99_MS
    result["target_cpu_percent"] = TARGET_CPU_PERCENT
    result["p99_ok"] = float(str(result["latency_p99_ms"])) <= TARGET_P99_MS
    result["cpu_ok"] = float(str(result["cpu_percent_of_one_core_at_real_time"])) <= TARGET_CPU_PERCENT
    result["python"] = platform.python_version()
    result["machine"] = platform.machine()

    print(
        f"client bench: {result['blocks']} blocks of {BLOCK_MS} ms, {result['audio_s']} s of audio "
        f"in {result['wall_s']} s ({args.speed:g}x)"
    )
    print(f"  {'metric':<36}{'value':>12}{'target':>12}")
    print(f"  {'send latency p50 (ms)':<36}{result['latency_p50_ms']:>12}{'':>12}")
    print(f"  {'send latency p99 (ms)':<36}{result['latency_p99_ms']:>12}{'≤ ' + str(TARGET_P99_MS):>12}")
    print(f"  {'send latency max (ms)':<36}{result['latency_max_ms']:>12}{'':>12}")
    print(f"  {'client CPU per audio minute (s)':<36}{result['cpu_s_per_audio_minute']:>12}{'':>12}")
    print(
        f"  {'% of one core at real time':<36}{result['cpu_percent_of_one_core_at_real_time']:>12}"
        f"{'≤ ' + str(TARGET_CPU_PERCENT):>12}"
    )
    print(f"  {'audio blocks dropped':<36}{result['audio_frames_dropped']:>12}{'0':>12}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
