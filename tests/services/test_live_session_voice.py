"""The translated voice leaves LiveSession response by response: every response that spoke ends exactly once
(``TranslatedAudioEnded``), so a player can tell the pause between responses from a late chunk."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from interpreter.emulator.faults import Faults
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.media.player import VoicePlayer
from interpreter.protocol.config import SessionConfig
from interpreter.protocol.events import AudioDone
from interpreter.protocol.retry import backoff
from interpreter.services.live_session import (
    LiveSession,
    LiveUpdate,
    StatusChanged,
    TranslatedAudio,
    TranslatedAudioEnded,
    UsageUpdated,
)
from interpreter.transport.realtime import ConnectionEvent, RealtimeConnection
from tests.fakes.sounddevice_fake import FakeDevice, FakeSoundDevice

SPEECH = Path(__file__).parents[1] / "data" / "speech_en_16k.wav"
WAIT_S = 45.0
#: The fixture's three sentences: each one is answered by one spoken response.
SENTENCES = 3
#: Jitter-buffer target for the playback tests: more than the 80 ms default so that a stall of the emulator's thread
#: on a loaded test machine cannot cause an underrun inside a response; what is tested is the boundary between
#: responses, which no target can cover.
TEST_TARGET_MS = 200


def paced(speed: float) -> PacedPcmSource:
    return PacedPcmSource(decode_audio(SPEECH), 16000, 40, speed=speed)


def session(emu: Any, source: Any, **kwargs: Any) -> LiveSession:
    return LiveSession(
        SessionConfig(target_language="es"), api_key=emu.api_key, base_url=emu.base_url, audio_source=source, **kwargs
    )


def voice_by_response(updates: list[LiveUpdate]) -> dict[str, list[int]]:
    """Response id -> positions of its audio chunks in ``updates``; asserts each ends once, after its last chunk."""
    chunks: dict[str, list[int]] = {}
    ended: dict[str, int] = {}
    for position, update in enumerate(updates):
        if isinstance(update, TranslatedAudio):
            assert update.response_id not in ended, "no voice after the response's end"
            chunks.setdefault(update.response_id, []).append(position)
        elif isinstance(update, TranslatedAudioEnded):
            assert update.response_id not in ended, "a response's voice ends once"
            ended[update.response_id] = position
    assert set(ended) == set(chunks), "every response that spoke has ended, and only those"
    return chunks


async def test_every_spoken_response_ends_once_after_its_last_chunk(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=8.0)
    updates: list[LiveUpdate] = []
    summary = await asyncio.wait_for(session(emu, paced(8.0), on_update=updates.append).run(), WAIT_S)
    assert len(summary.segments) == SENTENCES
    chunks = voice_by_response(updates)
    assert len(chunks) == SENTENCES and all(chunks.values())
    assert "" not in chunks, "every chunk names its response"


class _NoAudioDone(RealtimeConnection):
    """A real connection to the emulator that hides ``response.audio.done`` (the service may skip it)."""

    async def events(self) -> AsyncIterator[ConnectionEvent]:
        async for event in super().events():
            if not isinstance(event, AudioDone):
                yield event


async def test_response_done_ends_the_voice_when_audio_done_never_came(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=8.0)
    updates: list[LiveUpdate] = []

    def factory(config: SessionConfig) -> RealtimeConnection:
        return _NoAudioDone(config, api_key=emu.api_key, base_url=emu.base_url)

    await asyncio.wait_for(session(emu, paced(8.0), on_update=updates.append, connection_factory=factory).run(), WAIT_S)
    assert len(voice_by_response(updates)) == SENTENCES
    # Each end comes with its response.done: immediately followed by that response's usage.
    for position, update in enumerate(updates):
        if isinstance(update, TranslatedAudioEnded):
            assert isinstance(updates[position + 1], UsageUpdated)


async def test_a_broken_connection_leaves_no_response_open(make_emulator: Callable[..., Any]) -> None:
    # The link dies 0.6 s after connecting, at 8x speed while the first response is speaking: that response is
    # abandoned (its speech is replayed and answered again after the reconnect). No response may stay open, or a
    # player would count the silence after it as an underrun.
    emu = make_emulator(speed=8.0, faults=Faults(drop_after_seconds=0.6))
    updates: list[LiveUpdate] = []

    def on_update(update: LiveUpdate) -> None:
        updates.append(update)
        if isinstance(update, StatusChanged) and update.status.state == "reconnecting":
            emu.faults.update(drop_after_seconds=None)

    def factory(config: SessionConfig) -> RealtimeConnection:
        fast = lambda: backoff(initial=0.05, jitter=0.0)  # noqa: E731
        return RealtimeConnection(config, api_key=emu.api_key, base_url=emu.base_url, backoff_factory=fast)

    summary = await asyncio.wait_for(
        session(emu, paced(8.0), on_update=on_update, connection_factory=factory).run(), WAIT_S
    )
    assert summary.connection is not None and summary.connection.reconnects >= 1
    assert len(voice_by_response(updates)) >= SENTENCES


async def test_played_voice_has_no_underrun_between_responses(make_emulator: Callable[..., Any]) -> None:
    # Real time, so that the silence between two responses is real: a player that is not told where a response
    # ends (the control) runs dry there and counts an underrun; the one that is told counts none.
    emu = make_emulator(speed=1.0)
    speakers = FakeSoundDevice(
        [FakeDevice("told", inputs=0, outputs=1, rate=24000), FakeDevice("control", inputs=0, outputs=1, rate=24000)]
    )
    told = VoicePlayer(0, sd=speakers, target_ms=TEST_TARGET_MS)
    control = VoicePlayer(1, sd=speakers, target_ms=TEST_TARGET_MS)
    voice_bytes = 0
    ends = 0

    def on_update(update: LiveUpdate) -> None:
        nonlocal voice_bytes, ends
        if isinstance(update, TranslatedAudio):
            voice_bytes += len(update.pcm)
            told.feed(update.pcm)
            control.feed(update.pcm)
        elif isinstance(update, TranslatedAudioEnded):
            ends += 1
            told.end_of_response()

    async with told, control:
        told_output, control_output = told.outputs[0], control.outputs[0]
        live = session(emu, paced(1.0), on_update=on_update)
        summary = await asyncio.wait_for(live.run(), WAIT_S)
        assert ends == len(summary.segments) == SENTENCES
    # Leaving the context drained both players: everything received was played before the streams closed.
    told_stats, control_stats = told_output.stats().jitter, control_output.stats().jitter

    assert told_stats.underruns == 0, told_stats
    assert told_stats.played_ms == pytest.approx(voice_bytes / 2 / 24)  # all received voice played (24 samples/ms)
    assert told_stats.buffered_ms == 0 and not told_stats.playing and told_stats.dropped_ms == 0
    assert control_stats.underruns >= 1, "the control proves the pauses between responses are really there"
