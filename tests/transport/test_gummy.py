"""GummyConnection against the real emulator: URL rules, refusals mapped to typed errors, retries, reconnect replay."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from interpreter.core.pcm import INPUT_RATE
from interpreter.errors import AccessDeniedError, ConfigError, RequestRejectedError
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.protocol.gummy import GummyConfig
from interpreter.protocol.retry import backoff
from interpreter.services.gummy_session import GummyLiveSession
from interpreter.services.live_session import LiveUpdate, StatusChanged
from interpreter.transport import texts
from interpreter.transport.gummy import GummyConnection, inference_url

SPEECH = Path(__file__).parents[1] / "data" / "speech_en_16k.wav"
WAIT_S = 45.0
CONFIG = GummyConfig(target_language="zh", source_language="en")


def fast_backoff() -> Iterator[float]:
    return backoff(initial=0.01, maximum=0.05)


def paced(speed: float = 8.0) -> PacedPcmSource:
    return PacedPcmSource(decode_audio(SPEECH), INPUT_RATE, 40, speed=speed)


def test_inference_url() -> None:
    assert inference_url("beijing") == "wss://dashscope.aliyuncs.com/api-ws/v1/inference"
    assert inference_url("http://127.0.0.1:8123") == "ws://127.0.0.1:8123/api-ws/v1/inference"
    assert inference_url("https://proxy.example/api-ws/v1/realtime") == "wss://proxy.example/api-ws/v1/inference"
    with pytest.raises(ConfigError) as caught:
        inference_url("singapore")
    assert caught.value.user_message == texts.GUMMY_BEIJING_ONLY()
    assert caught.value.user_message.id == "region.gummy_beijing_only"
    with pytest.raises(ConfigError):
        GummyConnection(CONFIG, api_key="sk-x", region="singapore")
    with pytest.raises(ConfigError):
        GummyConnection(CONFIG, api_key=" ", base_url="http://127.0.0.1:1")


async def test_task_failed_is_a_typed_fatal_error(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator()
    emu.faults.update(error_after_messages=3, error_code="InvalidParameter", error_message="bad audio")
    connection = GummyConnection(CONFIG, api_key=emu.api_key, base_url=emu.base_url, backoff_factory=fast_backoff)
    await asyncio.wait_for(connection.start(), WAIT_S)
    connection.send_audio(b"\x00\x00" * 1600 * 3)  # three 100 ms frames: the second is the third message
    with pytest.raises(RequestRejectedError) as caught:
        async with asyncio.timeout(WAIT_S):
            async for _ in connection.events():
                pass
    assert caught.value.code == "InvalidParameter" and "bad audio" in (caught.value.detail or "")
    assert connection.stats.handshakes == 1  # a refused task is not retried
    await connection.abort()


async def test_handshake_refusals_are_retried_or_fatal(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator()
    emu.faults.update(reject_handshake=429, reject_handshake_times=2, retry_after_s=0)
    connection = GummyConnection(CONFIG, api_key=emu.api_key, base_url=emu.base_url, backoff_factory=fast_backoff)
    await asyncio.wait_for(connection.start(), WAIT_S)
    assert connection.stats.handshakes == 3
    await connection.finish()

    emu.faults.update(reject_handshake=403, reject_handshake_times=None)
    refused = GummyConnection(CONFIG, api_key=emu.api_key, base_url=emu.base_url, backoff_factory=fast_backoff)
    with pytest.raises(AccessDeniedError):
        await asyncio.wait_for(refused.start(), WAIT_S)
    assert refused.stats.handshakes == 1


async def test_dropped_connection_reconnects_and_replays_the_open_sentence(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator()
    # run-task + 30 audio frames (3 s, inside the first sentence of the fixture), then the TCP connection dies.
    emu.faults.update(drop_after_messages=31)
    updates: list[LiveUpdate] = []

    def on_update(update: LiveUpdate) -> None:
        updates.append(update)
        if isinstance(update, StatusChanged) and update.status.state == "reconnecting":
            emu.faults.clear()

    live = GummyLiveSession(
        CONFIG,
        api_key=emu.api_key,
        base_url=emu.base_url,
        audio_source=paced(),
        out_dir=tmp_path,
        on_update=on_update,
        connection_factory=lambda config: GummyConnection(
            config, api_key=emu.api_key, base_url=emu.base_url, backoff_factory=fast_backoff
        ),
    )
    summary = await asyncio.wait_for(live.run(), WAIT_S)
    states = [u.status.state for u in updates if isinstance(u, StatusChanged)]
    assert "reconnecting" in states and states[-1] == "closed"
    assert summary.connection is not None and summary.connection.reconnects == 1
    # The sentence cut by the drop is sent again in the new task: still three sentences, in order, on one clock.
    assert len(summary.segments) == 3 and all(s.complete for s in summary.segments)
    assert [s.index for s in summary.segments] == [0, 1, 2]
    # The replayed task's times are shifted onto the session clock: they match where the fixture's speech is.
    spoken = json.loads(SPEECH.with_suffix(".json").read_text())["segments"]
    for segment, truth in zip(summary.segments, spoken, strict=True):
        assert abs((segment.start_ms or 0) - truth["start_ms"]) <= 100
        assert abs((segment.end_ms or 0) - truth["end_ms"]) <= 100
    assert not summary.gaps
