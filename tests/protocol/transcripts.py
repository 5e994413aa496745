"""Replay harness for recorded JSONL event transcripts (tests/data/transcripts/*.jsonl).

One JSON object per line; blank lines and lines starting with ``//`` are comments. Kinds of line:

``{"meta": {"config": {...SessionConfig fields...}, "replay_limit_ms": N}}``
    first line: how to build the session (``turn_detection`` as an object, ``voice_clone`` as its value).
``{"server": {...}}``
    a server frame, fed to ``receive()`` as JSON text exactly as written (``"server_raw": "text"`` feeds raw text).
``{"client": "append_audio", "ms": 100, "repeat": 1}`` / ``append_image`` / ``commit`` / ``clear`` / ``finish`` /
``connection_lost`` / ``begin_reconnect``
    a call on the session. Appended PCM is a ramp: sample *n* of the session has the value ``n % 30000``, so a test
    can tell exactly which part of the session's audio a replayed frame carries.
``{"expect_frames": ["session.update", ["input_audio_buffer.append", 12]]}``
    the frame types sent since the previous ``expect_frames`` (a pair means that many in a row).
``{"expect_events": ["SessionCreated", ...]}``
    the class names of the events received since the previous ``expect_events``.
``{"expect_state": "streaming"}``
    the session state now.

Expectations are checked as the transcript runs, so a failure points at its line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interpreter.protocol import (
    OutgoingFrame,
    RealtimeSession,
    SegmentFinalized,
    SessionConfig,
    SessionEvent,
    TurnDetection,
    VoiceClone,
)

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "transcripts"
RAMP_MODULUS = 30000  # stays inside int16 and never repeats within a 1.8 s window at 16 kHz


def ramp_pcm(first_sample: int, count: int) -> bytes:
    """``count`` s16le samples whose values are their session sample index modulo :data:`RAMP_MODULUS`."""
    return b"".join(((first_sample + i) % RAMP_MODULUS).to_bytes(2, "little", signed=True) for i in range(count))


def ramp_start(pcm: bytes) -> int:
    """The ramp value of the first sample of ``pcm`` (its session sample index modulo :data:`RAMP_MODULUS`)."""
    return int.from_bytes(pcm[:2], "little", signed=True)


def frame_type(frame: OutgoingFrame) -> str:
    return str(json.loads(frame.text)["type"])


@dataclass
class TranscriptRun:
    """Everything a transcript produced, for assertions beyond the inline ones."""

    session: RealtimeSession
    frames: list[OutgoingFrame] = field(default_factory=list)
    events: list[SessionEvent] = field(default_factory=list)

    @property
    def segments(self) -> list[Any]:
        return [e.segment for e in self.events if isinstance(e, SegmentFinalized)]

    def events_of(self, cls: type) -> list[Any]:
        return [e for e in self.events if isinstance(e, cls)]

    def frames_of(self, wire_type: str) -> list[dict[str, Any]]:
        return [json.loads(f.text) for f in self.frames if frame_type(f) == wire_type]


def _config(raw: dict[str, Any]) -> SessionConfig:
    raw = dict(raw)
    if "turn_detection" in raw:
        raw["turn_detection"] = TurnDetection(**raw["turn_detection"])
    if "voice_clone" in raw:
        raw["voice_clone"] = VoiceClone(raw["voice_clone"])
    return SessionConfig(**raw)


def _expand(expected: list[Any]) -> list[str]:
    out: list[str] = []
    for item in expected:
        if isinstance(item, list):
            out.extend([item[0]] * item[1])
        else:
            out.append(item)
    return out


def run_transcript(name: str) -> TranscriptRun:
    """Run ``tests/data/transcripts/<name>.jsonl`` and check its inline expectations."""
    path = TRANSCRIPTS / f"{name}.jsonl"
    lines = [
        (number, json.loads(text))
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if text.strip() and not text.lstrip().startswith("//")
    ]
    _, first = lines[0]
    meta = first["meta"]
    counter = iter(range(1_000_000))
    session = RealtimeSession(
        _config(meta.get("config", {})),
        replay_limit_ms=meta.get("replay_limit_ms", 60_000),
        event_ids=lambda: f"event_client_{next(counter)}",
    )
    run = TranscriptRun(session)
    frames_mark = 0
    events_mark = 0
    rate = session.config.input_sample_rate
    for number, step in lines[1:]:
        where = f"{path.name}:{number}"
        if "server" in step:
            session.receive(json.dumps(step["server"], ensure_ascii=False))
        elif "server_raw" in step:
            session.receive(step["server_raw"])
        elif "client" in step:
            _client_call(session, step, rate)
        run.frames.extend(session.data_to_send())
        run.events.extend(session.events_received())
        if "expect_frames" in step:
            got = [frame_type(f) for f in run.frames[frames_mark:]]
            assert got == _expand(step["expect_frames"]), f"{where}: frames {got}"
            frames_mark = len(run.frames)
        if "expect_events" in step:
            got = [type(e).__name__ for e in run.events[events_mark:]]
            assert got == step["expect_events"], f"{where}: events {got}"
            events_mark = len(run.events)
        if "expect_state" in step:
            assert session.state.value == step["expect_state"], f"{where}: state {session.state}"
    return run


def _client_call(session: RealtimeSession, step: dict[str, Any], rate: int) -> None:
    call = step["client"]
    if call == "append_audio":
        samples = step["ms"] * rate // 1000
        for _ in range(step.get("repeat", 1)):
            first = session.audio_sent_ms * rate // 1000
            session.append_audio(ramp_pcm(first, samples))
    elif call == "append_image":
        session.append_image(b"\xff\xd8" + bytes(step.get("bytes", 64)) + b"\xff\xd9")
    elif call in ("commit", "clear", "finish", "connection_lost", "begin_reconnect"):
        getattr(session, call)()
    else:
        raise AssertionError(f"unknown client call {call!r}")
