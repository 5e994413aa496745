"""The official ``openai`` Python SDK, unchanged, streams a file translation from the emulator (spec §3: the SDK
passes ``translation_options`` through ``extra_body``), gets whole answers, and sees the compat errors as its own
exception types."""

from __future__ import annotations

import base64
from typing import Any

import openai
import pytest

from interpreter.core.pcm import VOICE_RATE
from interpreter.emulator.http.faults import HttpFaults
from interpreter.emulator.synth import MS_PER_CHAR
from tests.emulator.httpclient import MODEL, audio_url, wav_bytes

SPEED = 50.0


def _client(emu: Any, max_retries: int = 0) -> openai.OpenAI:
    return openai.OpenAI(api_key=emu.api_key, base_url=emu.compatible_base_url(), max_retries=max_retries, timeout=30)


def _messages(seconds: float) -> list[Any]:
    part = {"type": "input_audio", "input_audio": {"data": audio_url(wav_bytes(seconds)), "format": "wav"}}
    return [{"role": "user", "content": [part]}]


def test_streaming_with_extra_body(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    with _client(emu) as client:
        completion = client.chat.completions.create(
            model=MODEL,
            messages=_messages(6.0),
            modalities=["text", "audio"],
            audio={"voice": "Ethan", "format": "wav"},
            stream=True,
            stream_options={"include_usage": True},
            extra_body={"translation_options": {"source_lang": "en", "target_lang": "fr"}},
        )
        text, pcm, finish, usage = "", b"", None, None
        for chunk in completion:
            if chunk.usage is not None:
                usage = chunk.usage
            if not chunk.choices:
                continue
            delta = chunk.choices[0].delta
            text += delta.content or ""
            audio = getattr(delta, "audio", None)  # typed (ChoiceDeltaAudio) in recent SDKs, an extra field in older
            if audio is not None:
                data = audio["data"] if isinstance(audio, dict) else audio.data
                pcm += base64.b64decode(data)
            finish = chunk.choices[0].finish_reason or finish
    assert text.startswith("[FR démo] Segment 1, 5,0 secondes")
    assert len(pcm) == len(text) * MS_PER_CHAR * VOICE_RATE // 1000 * 2
    assert finish == "stop"
    assert usage is not None
    assert usage.prompt_tokens == 75  # 6 s x 12.5
    assert usage.prompt_tokens_details is not None and usage.prompt_tokens_details.audio_tokens == 75
    assert usage.completion_tokens_details is not None and usage.completion_tokens_details.audio_tokens
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    record = emu.http_requests[-1]
    assert record.stream and record.finish_reason == "stop"


def test_whole_answer(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    with _client(emu) as client:
        answer = client.chat.completions.create(
            model="qwen3-livetranslate-flash-2025-12-01",
            messages=_messages(2.0),
            modalities=["text", "audio"],
            audio={"voice": "Cherry", "format": "wav"},
            extra_body={"translation_options": {"target_lang": "ja"}},
        )
    message = answer.choices[0].message
    assert message.content and message.content.startswith("[JA デモ]")
    assert message.audio is not None and base64.b64decode(message.audio.data)
    assert answer.usage is not None and answer.usage.prompt_tokens == 25


def test_errors_surface_as_sdk_exceptions(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED, http_faults=HttpFaults(status=429, status_times=1, retry_after_s=3))
    with _client(emu) as client:
        with pytest.raises(openai.RateLimitError) as limited:
            client.chat.completions.create(
                model=MODEL,
                messages=_messages(1.0),
                extra_body={"translation_options": {"target_lang": "en"}},
            )
        assert limited.value.response.headers["Retry-After"] == "3"
        assert limited.value.code == "limit_requests"
        with pytest.raises(openai.BadRequestError) as bad:
            client.chat.completions.create(model=MODEL, messages=_messages(1.0))  # no translation_options
        assert bad.value.code == "invalid_parameter_error"
        with pytest.raises(openai.NotFoundError):
            client.chat.completions.create(model="qwen-unknown", messages=_messages(1.0))
    with openai.OpenAI(api_key="sk-wrong", base_url=emu.compatible_base_url(), max_retries=0) as wrong:
        with pytest.raises(openai.AuthenticationError) as denied:
            wrong.chat.completions.create(model=MODEL, messages=_messages(1.0))
        assert denied.value.code == "invalid_api_key"


def test_sdk_retries_through_a_transient_503(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED, http_faults=HttpFaults(status=503, status_times=1, retry_after_s=0))
    with _client(emu, max_retries=1) as client:
        answer = client.chat.completions.create(
            model=MODEL,
            messages=_messages(1.0),
            extra_body={"translation_options": {"target_lang": "en"}},
        )
    assert answer.choices[0].finish_reason == "stop"
    assert [r.status for r in emu.http_requests] == [503, 200]
