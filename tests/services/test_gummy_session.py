"""GummyLiveSession end to end against the real emulator over sockets: captions, segments and files come out."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pysubs2
import pytest

from interpreter.core.pcm import INPUT_RATE
from interpreter.errors import AuthenticationError, ConfigError
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.protocol.gummy import GummyConfig
from interpreter.services.gummy_session import GummyLiveSession
from interpreter.services.live_session import (
    CaptionsChanged,
    LiveUpdate,
    SegmentCompleted,
    StatusChanged,
    TranslatedAudio,
    UsageUpdated,
)
from interpreter.transport import texts

SPEECH = Path(__file__).parents[1] / "data" / "speech_en_16k.wav"
WAIT_S = 45.0


def paced(speed: float = 8.0) -> PacedPcmSource:
    return PacedPcmSource(decode_audio(SPEECH), INPUT_RATE, 40, speed=speed)


async def test_gummy_session_produces_captions_segments_and_files(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=8.0)
    updates: list[LiveUpdate] = []
    live = GummyLiveSession(
        GummyConfig(target_language="zh", source_language="en"),
        api_key=emu.api_key,
        base_url=emu.base_url,
        audio_source=paced(),
        out_dir=tmp_path,
        on_update=updates.append,
    )
    summary = await asyncio.wait_for(live.run(), WAIT_S)

    assert summary.stop_reason == "end_of_input"
    assert len(summary.segments) == 3
    assert all(s.complete for s in summary.segments)
    assert summary.segments[0].translation_text.startswith("[ZH 演示] 第1段")
    assert all(s.source_text.startswith(f"Demo segment {n}") for n, s in enumerate(summary.segments, 1))
    starts = [s.start_ms or 0 for s in summary.segments]
    assert starts == sorted(starts) and all(s.end_ms and s.end_ms > (s.start_ms or 0) for s in summary.segments)
    lines = [json.loads(line) for line in (tmp_path / "transcript.jsonl").read_text().splitlines()]
    assert [line["translation"] for line in lines] == [s.translation_text for s in summary.segments]
    assert len(pysubs2.load(str(tmp_path / "captions.srt"))) == 3
    kinds = {type(u) for u in updates}
    assert {CaptionsChanged, SegmentCompleted, StatusChanged, UsageUpdated} <= kinds
    assert TranslatedAudio not in kinds  # Gummy is text only
    # Partial captions came before the final rows (sentence_end:false results).
    partial = [u for u in updates if isinstance(u, CaptionsChanged) and not u.caption.final]
    assert partial
    assert [c.translation for c in live.captions] == [s.translation_text for s in summary.segments]
    assert live.billed_seconds > 0
    cost = live.cost()
    assert cost is not None and cost[1] == "CNY" and cost[0] > 0
    assert summary.connection is not None and summary.connection.audio_frames_sent > 0


async def test_gummy_wrong_key_is_an_authentication_error(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator()
    live = GummyLiveSession(
        GummyConfig(target_language="zh"),
        api_key="sk-wrong",
        base_url=emu.base_url,
        audio_source=paced(),
        out_dir=tmp_path / "out",
    )
    with pytest.raises(AuthenticationError):
        await asyncio.wait_for(live.run(), WAIT_S)
    assert not (tmp_path / "out").exists()  # refused before any file was opened


async def test_gummy_singapore_region_is_refused_before_connecting(tmp_path: Path) -> None:
    live = GummyLiveSession(
        GummyConfig(target_language="zh"), api_key="sk-any", region="singapore", audio_source=paced()
    )
    with pytest.raises(ConfigError) as caught:
        await live.run()
    assert caught.value.user_message == texts.GUMMY_BEIJING_ONLY()
    assert caught.value.user_message.id == "region.gummy_beijing_only"


def test_gummy_unsupported_pair_is_refused_locally() -> None:
    from interpreter.protocol.gummy import validate_gummy_config

    with pytest.raises(ConfigError, match="does not translate"):
        validate_gummy_config(GummyConfig(target_language="th", source_language="zh"))
