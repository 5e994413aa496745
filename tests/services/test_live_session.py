"""LiveSession end to end against the real emulator: file source → connection → captions and files."""

from __future__ import annotations

import asyncio
import json
import wave
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pysubs2

from interpreter.emulator.faults import Faults
from interpreter.errors import AuthenticationError
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.protocol.config import SessionConfig
from interpreter.protocol.retry import backoff
from interpreter.services.live_session import (
    CaptionsChanged,
    LiveSession,
    LiveUpdate,
    SegmentCompleted,
    StatusChanged,
    TranslatedAudio,
    UsageUpdated,
)
from interpreter.transport.realtime import RealtimeConnection

SPEECH = Path(__file__).parents[1] / "data" / "speech_en_16k.wav"
WAIT_S = 45.0


def paced(speed: float = 8.0) -> PacedPcmSource:
    return PacedPcmSource(decode_audio(SPEECH), 16000, 40, speed=speed)


def session(emu: Any, tmp_path: Path, source: Any, **kwargs: Any) -> LiveSession:
    return LiveSession(
        SessionConfig(target_language="es"),
        api_key=kwargs.pop("api_key", emu.api_key),
        base_url=emu.base_url,
        audio_source=source,
        out_dir=tmp_path,
        **kwargs,
    )


async def test_file_session_writes_complete_outputs(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=8.0)
    updates: list[LiveUpdate] = []
    live = session(emu, tmp_path, paced(), on_update=updates.append)
    summary = await asyncio.wait_for(live.run(), WAIT_S)

    assert summary.stop_reason == "end_of_input"
    assert len(summary.segments) == 3
    assert 11.0 < summary.audio_sent_s < 12.0

    lines = [json.loads(line) for line in (tmp_path / "transcript.jsonl").read_text().splitlines()]
    assert [line["index"] for line in lines] == [0, 1, 2]
    assert all(line["source"] and line["translation"] and line["usage"]["total_tokens"] > 0 for line in lines)
    cues = pysubs2.load(str(tmp_path / "captions.srt"))
    assert len(cues) == 3 and cues[0].start < cues[1].start < cues[2].start
    with wave.open(str(tmp_path / "translation.wav")) as wav:
        assert wav.getframerate() == 24000 and wav.getnframes() > 0
        assert abs(wav.getnframes() / 24000 - summary.translated_audio_s) < 0.01

    kinds = {type(u) for u in updates}
    assert {CaptionsChanged, SegmentCompleted, StatusChanged, TranslatedAudio, UsageUpdated} <= kinds
    assert [c.translation for c in live.captions] == [s.translation_text for s in summary.segments]
    assert summary.tokens.total > 0


async def test_stop_request_finishes_the_sentence_in_progress(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=8.0)
    live: LiveSession

    def stop_during_second_sentence(update: LiveUpdate) -> None:
        if isinstance(update, SegmentCompleted) and update.segment.index == 0:
            # The first segment is final around 4.6 s of audio; the second sentence is being spoken then.
            asyncio.get_running_loop().call_later(0.05, live.request_stop)

    live = session(emu, tmp_path, paced(), on_update=stop_during_second_sentence)
    summary = await asyncio.wait_for(live.run(), WAIT_S)
    assert summary.stop_reason == "stop_requested"
    assert summary.audio_sent_s < 11.0
    assert len(summary.segments) == 2, "the interrupted sentence is finalized by session.finish"
    assert len((tmp_path / "transcript.jsonl").read_text().splitlines()) == 2


async def test_max_audio_stops_at_the_limit(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=8.0)
    live = session(emu, tmp_path, paced(), max_audio_s=4.0)
    summary = await asyncio.wait_for(live.run(), WAIT_S)
    assert summary.stop_reason == "duration_reached"
    assert summary.audio_sent_s == 4.0
    assert len(bytes(emu.sessions[0].audio)) == 4 * 16000 * 2


async def test_reconnect_keeps_every_segment_in_the_files(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=8.0, faults=Faults(drop_after_seconds=0.6))

    def clear_fault(update: LiveUpdate) -> None:
        if isinstance(update, StatusChanged) and update.status.state == "reconnecting":
            emu.faults.update(drop_after_seconds=None)

    def factory(config: SessionConfig) -> RealtimeConnection:
        fast = lambda: backoff(initial=0.05, jitter=0.0)  # noqa: E731
        return RealtimeConnection(config, api_key=emu.api_key, base_url=emu.base_url, backoff_factory=fast)

    live = session(emu, tmp_path, paced(), on_update=clear_fault, connection_factory=factory)
    summary = await asyncio.wait_for(live.run(), WAIT_S)
    assert summary.connection is not None and summary.connection.reconnects == 1
    lines = [json.loads(line) for line in (tmp_path / "transcript.jsonl").read_text().splitlines()]
    assert [line["index"] for line in lines if "index" in line] == [0, 1, 2]


async def test_wrong_key_raises_and_leaves_no_output_files(emulator: Any, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    live = session(emulator, out_dir, paced(), api_key="sk-wrong")
    try:
        await asyncio.wait_for(live.run(), WAIT_S)
    except AuthenticationError:
        pass
    else:
        raise AssertionError("a wrong key must fail the session")
    assert not out_dir.exists()  # nothing was said: no empty transcript, captions or WAV to confuse anyone


async def test_updates_iterator_sees_everything_and_ends(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=8.0)
    live = session(emu, tmp_path, paced(speed=16.0))
    seen: list[LiveUpdate] = []

    async def collect(stream: AsyncIterator[LiveUpdate]) -> None:
        async for update in stream:
            seen.append(update)

    collector = asyncio.create_task(collect(live.updates()))
    await asyncio.wait_for(live.run(), WAIT_S)
    await asyncio.wait_for(collector, WAIT_S)
    assert sum(isinstance(u, SegmentCompleted) for u in seen) == 3
    last = [u for u in seen if isinstance(u, StatusChanged)][-1]
    assert last.status.state == "closed"
