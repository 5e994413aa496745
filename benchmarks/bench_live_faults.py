"""A long live session through a bad network: does every spoken sentence come out translated, or marked lost?

Setup: the emulator (in-process, its own thread and loop) and a ``services.live_session.LiveSession`` fed a speech
file with known sentences (``tests/data/speech_en_16k.wav``, 3 sentences in 11.6 s, looped to ``--minutes`` of
audio) at ``--speed`` times real time. Faults, in session-audio time (the emulator's own flags):

- every connection is dropped ``--drop-every`` seconds after it opened (``drop_after_seconds``, no close frame);
- every ``--stall-every`` seconds the current connection stalls (``stall_after_messages``: the socket stays open,
  nothing more is answered) until the client gives up on it; the fault is lifted at the client's "reconnecting".

Everything the client times by the wall clock is scaled by the same ``--speed`` (stall timeout, backoff, handshake
pacing, 429 wait), so the session behaves as it would at real-time pace, only faster; rates are reported per minute
of *session* audio, i.e. per real minute of a live talk.

Figures (``bench-results/live_faults.json``): per run, sentences translated / sentences spoken (target: all),
sentences lost without a gap marking them (target: 0), sentences inside a marked gap, duplicates, handshakes per
minute of session and the most in any one minute (limit: 6), stalls detected, reconnects; then the median and
spread (min–max) over ``--runs`` runs.

Run: ``python -m benchmarks.bench_live_faults [--runs 3 --minutes 10 --speed 10]`` from the repo root.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from interpreter.core.pcm import INPUT_RATE, SAMPLE_WIDTH
from interpreter.emulator.faults import Faults
from interpreter.emulator.testing import running_emulator
from interpreter.errors import NetworkTimeoutError
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.protocol.config import SessionConfig
from interpreter.protocol.retry import HandshakePacer, backoff
from interpreter.services.live_session import LiveSession, LiveUpdate, StatusChanged
from interpreter.transport import realtime

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT / "tests" / "data" / "speech_en_16k.wav"
SENTENCES = ROOT / "tests" / "data" / "speech_en_16k.json"
RESULTS = ROOT / "bench-results" / "live_faults.json"
BYTES_PER_MS = INPUT_RATE * SAMPLE_WIDTH // 1000


def _looped_speech(minutes: float) -> tuple[bytes, list[tuple[int, int]]]:
    """The speech file repeated to ``minutes`` of audio, and the (start, end) ms of every sentence in it."""
    one = b"".join(decode_audio(SPEECH, rate=INPUT_RATE))
    one_ms = len(one) // BYTES_PER_MS
    known = [(s["start_ms"], s["end_ms"]) for s in json.loads(SENTENCES.read_text())["segments"]]
    loops = max(1, round(minutes * 60_000 / one_ms))
    sentences = [(start + i * one_ms, end + i * one_ms) for i in range(loops) for start, end in known]
    return one * loops, sentences


def _chunks(pcm: bytes, size: int = 64_000) -> Iterator[bytes]:
    for offset in range(0, len(pcm), size):
        yield pcm[offset : offset + size]


def _overlaps(a: tuple[int, int], b: tuple[int | None, int | None]) -> bool:
    if b[0] is None or b[1] is None:
        return False
    return a[0] < b[1] and b[0] < a[1]


async def _one_run(speed: float, minutes: float, drop_every_s: float, stall_every_s: float) -> dict[str, Any]:
    pcm, sentences = _looped_speech(minutes)
    with running_emulator(speed=speed, faults=Faults(drop_after_seconds=drop_every_s / speed)) as emu:

        def connect(config: SessionConfig) -> realtime.RealtimeConnection:
            # The client's wall-clock policies, scaled like the audio (see the module docstring).
            return realtime.RealtimeConnection(
                config,
                api_key=emu.api_key,
                base_url=emu.base_url,
                stall_timeout=realtime.STALL_TIMEOUT_S / speed,
                handshake_pacer=pacer,
                rate_limited_wait=realtime.RATE_LIMITED_WAIT_S / speed,
                backoff_factory=lambda: backoff(initial=0.5 / speed, maximum=realtime.RECONNECT_BACKOFF_MAX_S / speed),
                configure_timeout=realtime.CONFIGURE_TIMEOUT_S / speed,
                finish_timeout=60.0,
            )

        timeouts = 0
        pacer = _RecordingPacer(window_s=60.0 / speed)

        def on_update(update: LiveUpdate) -> None:
            nonlocal timeouts
            if isinstance(update, StatusChanged) and update.status.state == "reconnecting":
                emu.faults.update(stall_after_messages=None)  # the client noticed the stall: lift it
                timeouts += isinstance(update.status.error, NetworkTimeoutError)

        async def stall_periodically() -> None:
            # Half a drop period off the drop schedule: a stall landing on the handshake of a fresh connection would
            # be a configure timeout, not the mid-session stall this measures.
            await asyncio.sleep(drop_every_s / 2 / speed)
            while True:
                await asyncio.sleep(stall_every_s / speed)
                emu.faults.update(stall_after_messages=0)  # the current connection goes silent at its next message

        session = LiveSession(
            SessionConfig(target_language="es"),
            api_key=emu.api_key,
            audio_source=PacedPcmSource(_chunks(pcm), INPUT_RATE, 40, speed=speed),
            on_update=on_update,
            connection_factory=connect,
        )
        started = time.monotonic()
        staller = asyncio.create_task(stall_periodically())
        try:
            summary = await session.run()
        finally:
            staller.cancel()
        wall_s = time.monotonic() - started
        connection = session.connection
        stalls = connection.stalls if connection is not None else 0

    translated = [s for s in summary.segments if s.translation_text.strip()]
    spans = [(s.start_ms, s.end_ms) for s in translated]
    covered = sum(1 for sentence in sentences if any(_overlaps(sentence, span) for span in spans))
    in_gap = sum(
        1
        for sentence in sentences
        if not any(_overlaps(sentence, span) for span in spans)
        and any(_overlaps(sentence, (start, end)) for start, end in summary.gaps)
    )
    audio_min = len(pcm) / BYTES_PER_MS / 60_000
    session_min = wall_s * speed / 60  # the session as it would last at real-time pace (finishing included)
    window = 60.0 / speed  # one minute of session
    busiest_minute = max(
        (sum(1 for t in pacer.times if first <= t < first + window) for first in pacer.times), default=0
    )
    stats = summary.connection
    assert stats is not None
    return {
        "sentences_spoken": len(sentences),
        "sentences_translated": covered,
        "sentences_in_marked_gaps": in_gap,
        "sentences_lost_unmarked": len(sentences) - covered - in_gap,
        "segments": len(summary.segments),
        "duplicates": max(0, len(translated) - covered),
        "gaps": len(summary.gaps),
        "gap_s": round(summary.untranslated_s, 1),
        "handshakes": stats.handshakes,
        "handshakes_per_min": round(stats.handshakes / session_min, 2),
        "max_handshakes_in_a_minute": busiest_minute,
        "reconnects": stats.reconnects,
        "stalls_detected": stalls,
        "timeouts_recovered": timeouts,
        "audio_min": round(audio_min, 2),
        "wall_s": round(wall_s, 1),
        "complete": summary.complete,
    }


class _RecordingPacer(HandshakePacer):
    """The connection's own pacer, noting when each handshake started (loop clock, exactly as the pacer sees it)."""

    def __init__(self, window_s: float) -> None:
        super().__init__(window_s=window_s)
        self.times: list[float] = []

    def record(self, now: float) -> None:
        self.times.append(now)
        super().record(now)


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--minutes", type=float, default=10.0, help="session audio per run")
    parser.add_argument("--speed", type=float, default=10.0, help="times real time (emulator and client alike)")
    parser.add_argument("--drop-every", type=float, default=30.0, help="seconds of session between drops")
    parser.add_argument("--stall-every", type=float, default=120.0, help="seconds of session between stalls")
    args = parser.parse_args(argv)
    runs = []
    for index in range(args.runs):
        result = asyncio.run(_one_run(args.speed, args.minutes, args.drop_every, args.stall_every))
        runs.append(result)
        print(f"run {index + 1}: {json.dumps(result)}", flush=True)
    keys = (
        "sentences_translated",
        "sentences_lost_unmarked",
        "handshakes_per_min",
        "max_handshakes_in_a_minute",
        "stalls_detected",
        "gaps",
    )
    summary = {key: _spread([float(run[key]) for run in runs]) for key in keys}
    report = {
        "machine": f"{platform.node()} cpus={__import__('os').cpu_count()}",
        "settings": vars(args),
        "sentences_spoken": runs[0]["sentences_spoken"],
        "summary": summary,
        "runs": runs,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1))
    print(json.dumps({"sentences_spoken": report["sentences_spoken"], **summary}))
    lost = any(run["sentences_lost_unmarked"] for run in runs)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
