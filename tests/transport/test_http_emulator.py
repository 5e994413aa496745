"""HttpClient against the real emulator over sockets: success, 401, 429 + Retry-After, 500, a stream cut mid-way
(retried as a whole, never duplicated), an error inside the stream, a slow first byte."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from interpreter.emulator.http.file_answer import demo_translation
from interpreter.errors import AuthenticationError, NetworkTimeoutError, RateLimitError, ServerError
from interpreter.protocol.chat_stream import ChatResult, StreamDone
from interpreter.protocol.retry import HttpRetryPolicy, backoff
from interpreter.transport.errors import StreamIncompleteError
from interpreter.transport.http import HttpClient, HttpTimeouts
from tests.emulator.httpclient import audio_part, body, wav_bytes

SPEED = 50.0  # answers paced 50x faster than real time
SECONDS = 4.0


def request() -> dict[str, Any]:
    return body(audio_part(wav_bytes(SECONDS)), target="en")


async def test_streamed_translation_is_whole(make_emulator: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    emu = make_emulator(speed=SPEED)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        events = [event async for event in client.stream_chat_completion(request())]
        result = await client.chat_completion(request())
    assert events[-1] == StreamDone()
    assert result.text == demo_translation(SECONDS, "en")
    assert result.finish_reason == "stop" and len(result.pcm) > 0 and len(result.pcm) % 2 == 0
    assert result.usage is not None and result.usage.prompt_audio_tokens > 0
    assert emu.api_key not in caplog.text


async def test_wrong_key_is_an_authentication_error_naming_the_region(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    async with HttpClient(emu.base_url, api_key="sk-wrong-key-0000000000") as client:
        with pytest.raises(AuthenticationError) as raised:
            await client.chat_completion(request())
    assert raised.value.http_status == 401 and raised.value.code == "invalid_api_key"
    assert "region" in raised.value.user_message


async def test_429_with_retry_after_then_success(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(status=429, status_times=1, retry_after_s=7)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        with pytest.raises(RateLimitError) as raised:
            await client.chat_completion(request())
        assert raised.value.retry_after_s == 7.0
        policy = HttpRetryPolicy(max_attempts=3, delays=backoff(initial=0.1, jitter=0.0))
        assert policy.next_delay(raised.value) == 7.0  # Retry-After is the floor
        result = await client.chat_completion(request())
    assert result.finish_reason == "stop"


async def test_500_is_a_server_error(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(status=500, status_times=1)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        with pytest.raises(ServerError) as raised:
            await client.chat_completion(request())
    assert raised.value.http_status == 500


async def _with_retries(client: HttpClient, payload: dict[str, Any], policy: HttpRetryPolicy) -> ChatResult:
    """What a caller does: retry the whole request on a retryable failure (delays skipped: the test has no need)."""
    while True:
        try:
            return await client.chat_completion(payload)
        except Exception as error:
            if policy.next_delay(error) is None:
                raise


async def test_stream_cut_midway_is_retried_as_a_whole_and_never_duplicated(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(cut_after_chunks=3)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        with pytest.raises(StreamIncompleteError):
            await client.chat_completion(request())
        emu.http_faults.clear()
        result = await _with_retries(client, request(), HttpRetryPolicy(max_attempts=3))
    assert result.text == demo_translation(SECONDS, "en")  # once, not the cut part plus the whole
    first, second = emu.http_requests
    assert first.cut and second.finish_reason == "stop"


async def test_error_inside_the_stream_is_raised_mapped(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(error_after_chunks=2, error_code="internal_error")
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        with pytest.raises(ServerError) as raised:
            await client.chat_completion(request())
    assert raised.value.code == "internal_error" and raised.value.http_status is None


async def test_slow_first_byte(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(first_byte_delay_ms=1500)
    async with HttpClient(emu.base_url, api_key=emu.api_key, timeouts=HttpTimeouts(stream_read=0.3)) as impatient:
        with pytest.raises(NetworkTimeoutError):
            await impatient.chat_completion(request())
    emu.http_faults.update(first_byte_delay_ms=300)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:  # the default allowance is generous
        result = await client.chat_completion(request())
    assert result.finish_reason == "stop"
