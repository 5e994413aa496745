"""services.voice_preview without Qt: a real preview session against the emulator returns the translated voice."""

from __future__ import annotations

from typing import Any

import pytest

from interpreter.core.pcm import INPUT_RATE, SAMPLE_WIDTH
from interpreter.errors import AuthenticationError
from interpreter.protocol.config import SessionConfig, validate_config
from interpreter.services.voice_preview import VoicePreviewer, preview_snippet


def test_snippet_is_the_bundled_sentence() -> None:
    pcm = preview_snippet()
    assert len(pcm) % SAMPLE_WIDTH == 0
    assert len(pcm) / (SAMPLE_WIDTH * INPUT_RATE) > 1.0  # "Welcome to the conference." lasts about 1.7 s


async def test_synthesize_returns_voice(make_emulator: Any) -> None:
    emulator = make_emulator(speed=10.0)
    config = validate_config(SessionConfig(target_language="zh")).config
    previewer = VoicePreviewer(emulator.api_key, emulator.base_url, speed=10.0)
    audio = await previewer.synthesize(config)
    assert len(audio) > 0 and len(audio) % SAMPLE_WIDTH == 0


async def test_refused_key_raises_the_typed_error(emulator: Any) -> None:
    config = validate_config(SessionConfig(target_language="zh")).config
    with pytest.raises(AuthenticationError):
        await VoicePreviewer("sk-wrong-key-000000000", emulator.base_url).synthesize(config)
