"""CurrentEndpointClient: each request goes to the endpoint current at that moment (two real emulators over
loopback), and no endpoint is a refused key, not a crash."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from interpreter.core.jobs import FileTranslationOptions, JobKind
from interpreter.core.segment_plan import SegmentSpan
from interpreter.errors import AuthenticationError
from interpreter.media.clips import encode_audio_segment
from interpreter.services.endpoint_client import CurrentEndpointClient
from interpreter.services.file_translation import request_payload
from interpreter.transport.endpoints import Endpoint
from tests.services import filegen


def _payload(tmp_path: Path) -> dict[str, Any]:
    wav = filegen.speech_wav(tmp_path / "one.wav", count=1)
    clip = encode_audio_segment(wav, SegmentSpan(0, 0, 2500, ((0, 2500),)))
    url = f"data:{clip.mime};base64,{base64.b64encode(clip.data).decode()}"
    return request_payload(FileTranslationOptions("en", source="zh"), url, JobKind.AUDIO, voice="Cherry")


async def test_requests_follow_the_endpoint_of_the_moment(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    demo, service = make_emulator(speed=10.0), make_emulator(speed=10.0, api_keys=("sk-real-key-for-test",))
    current: list[Endpoint | None] = [Endpoint(demo.api_key, demo.base_url, demo=True)]
    client = CurrentEndpointClient(lambda: current[0])
    payload = _payload(tmp_path)
    try:
        first = await client.chat_completion(payload)
        current[0] = Endpoint("sk-real-key-for-test", service.base_url)  # the user saved a key
        second = await client.chat_completion(payload)
        assert first.text and second.text
        assert (len(demo.http_requests), len(service.http_requests)) == (1, 1)

        current[0] = None
        with pytest.raises(AuthenticationError):
            await client.chat_completion(payload)
    finally:
        await client.aclose()
