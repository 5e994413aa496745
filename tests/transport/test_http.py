"""HttpClient over real loopback sockets: streams, both error shapes, Retry-After, cut streams, slow first byte."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from interpreter.errors import (
    AuthenticationError,
    NetworkError,
    NetworkTimeoutError,
    ProtocolError,
    QuotaExhaustedError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.protocol.chat_stream import ChoiceFinished, StreamDone, TextDelta
from interpreter.transport.errors import ModelNotFoundError, StreamIncompleteError
from interpreter.transport.http import HttpClient, HttpClientPool, HttpTimeouts
from tests.transport.scripted_http import Reply, ScriptedHttpServer, json_reply, scripted_server, sse_reply

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "transcripts"
KEY = "sk-http-test-0123456789abcdef"
PAYLOAD = {
    "model": "qwen3-livetranslate-flash",
    "messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "data:;base64,AA=="}}]}],
    "stream": True,
    "stream_options": {"include_usage": True},
    "translation_options": {"target_lang": "en"},
}


@contextlib.asynccontextmanager
async def served(
    *replies: Reply, api_key: str | None = KEY, timeouts: HttpTimeouts | None = None
) -> AsyncIterator[tuple[ScriptedHttpServer, HttpClient]]:
    """A scripted server and an HttpClient pointed at it."""
    async with (
        scripted_server(*replies) as server,
        HttpClient(server.base_url, api_key=api_key, timeouts=timeouts) as client,
    ):
        yield server, client


def transcript(name: str) -> str:
    return (TRANSCRIPTS / name).read_text(encoding="utf-8")


async def test_streamed_answer_is_gathered_and_the_key_is_only_in_the_header(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with served(sse_reply(transcript("chat_audio_stream.sse"))) as (server, client):
        result = await client.chat_completion(PAYLOAD)
    assert result.text == "Hello, world." and len(result.pcm) == 960 and result.finish_reason == "stop"
    assert result.usage is not None and result.usage.total_tokens == 220
    (request,) = server.received
    assert request.method == "POST" and request.target == "/compatible-mode/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert json.loads(request.body) == PAYLOAD
    assert KEY not in request.target and KEY not in request.body.decode()
    assert KEY not in caplog.text


async def test_stream_events_end_with_done() -> None:
    async with served(sse_reply(transcript("chat_text_length.sse"))) as (_server, client):
        events = [event async for event in client.stream_chat_completion(PAYLOAD)]
    assert events == [TextDelta("A very long"), TextDelta(" answer"), ChoiceFinished("length"), StreamDone()]


async def test_keep_alive_reuses_one_connection() -> None:
    body = transcript("chat_text_length.sse")
    async with served(sse_reply(body)) as (server, client):
        for _ in range(3):
            await client.chat_completion(PAYLOAD)
    assert len(server.received) == 3
    assert server.connections == 1


async def test_a_non_streamed_completion_body_is_accepted() -> None:
    body = (TRANSCRIPTS / "chat_completion_nonstream.json").read_bytes()
    async with served(json_reply(200, body)) as (_server, client):
        result = await client.chat_completion({**PAYLOAD, "stream": False})
    assert result.text == "Hello, world." and result.finish_reason == "stop" and len(result.pcm) == 480


async def test_stream_cut_midway_is_incomplete_and_retryable() -> None:
    cut = sse_reply(transcript("chat_audio_stream.sse"), cut_after=3)
    async with served(cut) as (_server, client):
        with pytest.raises(StreamIncompleteError) as raised:
            await client.chat_completion(PAYLOAD)
    assert isinstance(raised.value, NetworkError)


async def test_stream_that_ends_cleanly_without_done_is_incomplete() -> None:
    async with served(sse_reply(transcript("chat_cut_midway.sse"))) as (_server, client):
        with pytest.raises(StreamIncompleteError):
            await client.chat_completion(PAYLOAD)


async def test_mid_stream_error_is_raised_mapped() -> None:
    async with served(sse_reply(transcript("chat_midstream_error.sse"))) as (_server, client):
        with pytest.raises(RequestRejectedError) as raised:
            await client.chat_completion(PAYLOAD)
    assert raised.value.code == "data_inspection_failed"


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (401, {"code": "InvalidApiKey", "message": "Invalid API-key provided."}, AuthenticationError),
        (401, {"error": {"code": "invalid_api_key", "message": "Incorrect API key provided."}}, AuthenticationError),
        (404, {"error": {"code": "model_not_found", "message": "The model does not exist."}}, ModelNotFoundError),
        (429, {"error": {"code": "insufficient_quota", "message": "You exceeded your quota"}}, QuotaExhaustedError),
        (500, {"code": "InternalError", "message": "An internal error has occured"}, ServerError),
        (400, {"code": "InvalidParameter", "message": "Role must be user or assistant"}, RequestRejectedError),
    ],
)
async def test_error_answers_of_both_shapes_are_mapped(
    status: int, body: dict[str, object], kind: type[Exception]
) -> None:
    async with served(json_reply(status, json.dumps(body).encode())) as (_server, client):
        with pytest.raises(kind) as raised:
            await client.chat_completion(PAYLOAD)
        with pytest.raises(kind):
            await client.post_json("/api/v1/services/aigc/multimodal-generation/generation", {"model": "m"})
    error = raised.value
    assert getattr(error, "http_status", None) == status
    if status == 401:
        assert "region" in str(error) and "127.0.0.1" in str(error)


async def test_429_carries_retry_after() -> None:
    reply = json_reply(429, b'{"error":{"code":"limit_requests","message":"slow down"}}', **{"Retry-After": "3"})
    async with served(reply) as (_server, client):
        with pytest.raises(RateLimitError) as raised:
            await client.chat_completion(PAYLOAD)
    assert raised.value.retry_after_s == 3.0


async def test_slow_first_byte_times_out_as_a_network_timeout() -> None:
    held = Reply(hold=asyncio.Event())
    async with scripted_server(held) as server:
        timeouts = HttpTimeouts(stream_read=0.2)
        async with HttpClient(server.base_url, api_key=KEY, timeouts=timeouts) as client:
            with pytest.raises(NetworkTimeoutError):
                await client.chat_completion(PAYLOAD)


async def test_slow_first_byte_within_the_allowance_is_fine() -> None:
    release = asyncio.Event()
    reply = sse_reply(transcript("chat_text_length.sse"), hold=release)
    async with served(reply) as (server, client):
        task = asyncio.create_task(client.chat_completion(PAYLOAD))
        await asyncio.wait_for(server.request_arrived.wait(), 10)  # the server now holds its answer
        assert not task.done()
        release.set()
        result = await task
    assert result.text == "A very long answer"


async def test_connection_refused_is_a_network_error() -> None:
    async with scripted_server(Reply()) as server:
        url = server.base_url
    async with HttpClient(url, api_key=KEY) as client:
        with pytest.raises(NetworkError) as raised:
            await client.get_json("/api/v1/tasks/x")
    assert not isinstance(raised.value, StreamIncompleteError)
    assert "Cannot reach" in raised.value.user_message


async def test_get_json_and_post_json_return_objects_and_reject_junk() -> None:
    replies = [json_reply(200, b'{"output":{"task_status":"RUNNING"}}'), json_reply(200, b"not json")]
    async with served(*replies) as (server, client):
        assert await client.get_json("/api/v1/tasks/t1", {"a": "b"}) == {"output": {"task_status": "RUNNING"}}
        with pytest.raises(ProtocolError):
            await client.post_json("/api/v1/x", {})
    assert server.received[0].target == "/api/v1/tasks/t1?a=b"


async def test_native_sse_results_and_error_event() -> None:
    replies = [sse_reply(transcript("native_sse_result.sse")), sse_reply(transcript("native_sse_error.sse"))]
    async with served(*replies) as (server, client):
        messages = [m async for m in client.stream_sse("/api/v1/services/aigc/multimodal-generation/generation", {})]
        with pytest.raises(RequestRejectedError) as raised:
            async for _ in client.stream_sse("/api/v1/services/aigc/multimodal-generation/generation", {}):
                pass
    assert [m.event for m in messages] == ["result", "result"] and messages[1].id == "2"
    assert messages[1].data["output"]["choices"][0]["finish_reason"] == "stop"
    assert server.received[0].headers["x-dashscope-sse"] == "enable"
    assert raised.value.code == "InvalidParameter"


async def test_multipart_upload_sends_the_file_last() -> None:
    async with served(Reply(status=200), api_key=None) as (server, client):
        status = await client.post_multipart(
            server.base_url + "/",
            {"key": "dir/a.wav", "policy": "p"},
            file_field="file",
            file_name="a.wav",
            content=b"RIFF....",
            content_type="audio/wav",
        )
    assert status == 200
    (request,) = server.received
    assert "authorization" not in request.headers
    body = request.body
    assert body.index(b'name="key"') < body.index(b'name="policy"') < body.index(b'name="file"')


async def test_system_proxy_settings_are_respected(monkeypatch: pytest.MonkeyPatch) -> None:
    async with scripted_server(json_reply(200, b"{}")) as proxy:
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        async with HttpClient("http://service.example.invalid", api_key=KEY) as client:
            assert await client.get_json("/api/v1/uploads", {"action": "getPolicy"}) == {}
    (request,) = proxy.received
    assert request.target == "http://service.example.invalid/api/v1/uploads?action=getPolicy"


async def test_pool_keeps_one_client_per_base_url_and_replaces_it_for_a_new_key() -> None:
    pool = HttpClientPool()
    try:
        beijing = await pool.client("beijing", api_key=KEY)
        assert beijing.base_url == "https://dashscope.aliyuncs.com" and beijing.region_label == "Beijing"
        assert await pool.client("https://dashscope.aliyuncs.com/compatible-mode/v1", api_key=KEY) is beijing
        singapore = await pool.client("singapore", api_key=KEY)
        assert singapore is not beijing and singapore.base_url == "https://dashscope-intl.aliyuncs.com"
        replaced = await pool.client("beijing", api_key=KEY + "x")
        assert replaced is not beijing and beijing.closed
        assert KEY not in repr(replaced)
    finally:
        await pool.aclose()
    assert replaced.closed and singapore.closed
