"""LiveSession when its audio source fails: what was already said is still translated and written (issue 10)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from interpreter.errors import DeviceError
from interpreter.media.files import decode_audio
from interpreter.protocol.config import SessionConfig
from interpreter.services.live_session import LiveSession

SPEECH = Path(__file__).parents[1] / "data" / "speech_en_16k.wav"
WAIT_S = 45.0
BLOCK_BYTES = 16000 * 40 // 1000 * 2


async def _failing_after(ms: int) -> AsyncIterator[bytes]:
    """The speech file in 40 ms blocks up to ``ms``, then a device failure (a microphone unplugged for good)."""
    pcm = b"".join(decode_audio(SPEECH))[: ms * 32]
    for offset in range(0, len(pcm), BLOCK_BYTES):
        yield pcm[offset : offset + BLOCK_BYTES]
        await asyncio.sleep(0.005)
    raise DeviceError("The microphone stopped working.")


async def test_a_failing_source_is_reported_after_the_sentences_already_sent_are_finished(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=8.0)
    # The source dies at 7.3 s: the second sentence (4.6–7.1 s) has ended, but the service has not yet heard the
    # 1 s of silence that closes it. Only session.finish makes it final; aborting first (the old order) lost it.
    live = LiveSession(
        SessionConfig(target_language="es"),
        api_key=emu.api_key,
        base_url=emu.base_url,
        audio_source=_failing_after(7300),
        out_dir=tmp_path,
    )
    with pytest.raises(DeviceError):
        await asyncio.wait_for(live.run(), WAIT_S)
    rows = [json.loads(line) for line in (tmp_path / "transcript.jsonl").read_text().splitlines()]
    assert [row["index"] for row in rows] == [0, 1]
    assert len(live.summary.segments) == 2
    assert live.summary.files["translation_audio"].exists()
