"""LiveSession pictures: held back until audio flows, counted, and a failing picture source never ends the session."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from interpreter.errors import DeviceError
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.protocol.config import SessionConfig
from interpreter.services.live_session import LiveSession

SPEECH = Path(__file__).parents[1] / "data" / "speech_en_16k.wav"
WAIT_S = 45.0


def _jpeg(value: int) -> bytes:
    ok, buf = cv2.imencode(".jpg", np.full((360, 640, 3), value, np.uint8))
    assert ok
    return buf.tobytes()


def _live(emulator: Any, tmp_path: Path, images: AsyncIterator[bytes], seconds: float = 2.0) -> LiveSession:
    return LiveSession(
        SessionConfig(target_language="es"),
        api_key=emulator.api_key,
        base_url=emulator.base_url,
        audio_source=PacedPcmSource(decode_audio(SPEECH), 16000, 40, speed=4.0),
        image_source=images,
        out_dir=tmp_path,
        max_audio_s=seconds,
    )


async def test_pictures_before_the_first_audio_are_held_and_only_the_newest_is_sent(
    emulator: Any, tmp_path: Path
) -> None:
    first, newest = _jpeg(40), _jpeg(200)

    async def images() -> AsyncIterator[bytes]:
        yield first  # both come before any audio: the connection is barely up
        yield newest

    live = _live(emulator, tmp_path, images())
    summary = await asyncio.wait_for(live.run(), WAIT_S)
    assert summary.images_sent == 1
    assert emulator.sessions[0].images == [newest]
    assert summary.visual_error is None


async def test_a_failing_picture_source_leaves_the_session_running(emulator: Any, tmp_path: Path) -> None:
    async def images() -> AsyncIterator[bytes]:
        yield _jpeg(100)
        raise DeviceError("The camera 0 stopped sending pictures; it may have been unplugged.")

    live = _live(emulator, tmp_path, images(), seconds=6.0)
    summary = await asyncio.wait_for(live.run(), WAIT_S)
    assert isinstance(summary.visual_error, DeviceError)
    assert summary.stop_reason == "duration_reached"
    assert summary.audio_sent_s == 6.0
    assert len(summary.segments) >= 1  # the interpretation went on after the camera failed
