"""The chat-completion stream parser, driven by authored SSE transcripts (tests/data/transcripts/chat_*.sse)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter.errors import ProtocolError
from interpreter.protocol.chat_stream import (
    AudioDelta,
    AudioTranscriptDelta,
    ChatResponseAccumulator,
    ChatStreamEvent,
    ChatUsage,
    ChoiceFinished,
    ErrorReported,
    StreamDone,
    TextDelta,
    UsageReported,
    error_body_from_payload,
    parse_chunk,
    parse_completion,
)

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "transcripts"
USAGE = ChatUsage(
    prompt_tokens=160,
    completion_tokens=60,
    total_tokens=220,
    prompt_audio_tokens=160,
    completion_audio_tokens=40,
    completion_text_tokens=20,
)


def ramp_pcm(first: int, count: int) -> bytes:
    """The PCM the transcripts carry: s16le samples counting up from ``first``."""
    return b"".join((first + i).to_bytes(2, "little", signed=True) for i in range(count))


def sse_data_payloads(name: str) -> list[str]:
    """The ``data`` fields of a transcript's SSE events (comment lines skipped, multi-line data joined)."""
    payloads: list[str] = []
    for block in (TRANSCRIPTS / name).read_text(encoding="utf-8").split("\n\n"):
        data = [line[5:].removeprefix(" ") for line in block.splitlines() if line.startswith("data:")]
        if data:
            payloads.append("\n".join(data))
    return payloads


def replay(name: str) -> tuple[list[ChatStreamEvent], ChatResponseAccumulator]:
    events = [event for payload in sse_data_payloads(name) for event in parse_chunk(payload)]
    accumulator = ChatResponseAccumulator()
    accumulator.feed_all(events)
    return events, accumulator


def test_audio_stream_gives_text_pcm_finish_usage_and_done_in_order() -> None:
    events, acc = replay("chat_audio_stream.sse")
    assert events == [
        TextDelta("Hello"),
        AudioDelta(ramp_pcm(0, 240)),
        TextDelta(", world."),
        AudioDelta(ramp_pcm(240, 240)),
        ChoiceFinished("stop"),
        UsageReported(USAGE),
        StreamDone(),
    ]
    assert acc.complete
    result = acc.result()
    assert result.text == "Hello, world."
    assert result.pcm == ramp_pcm(0, 480)
    assert result.finish_reason == "stop" and not result.truncated
    assert result.usage == USAGE


def test_length_finish_is_complete_but_truncated_and_usage_may_be_absent() -> None:
    _, acc = replay("chat_text_length.sse")
    assert acc.complete
    result = acc.result()
    assert result.text == "A very long answer" and result.pcm == b""
    assert result.truncated and result.usage is None


def test_audio_transcript_form_is_accepted() -> None:
    events, acc = replay("chat_audio_transcript.sse")
    assert [e for e in events if isinstance(e, AudioTranscriptDelta)] == [
        AudioTranscriptDelta("Good "),
        AudioTranscriptDelta("morning"),
    ]
    result = acc.result()
    assert result.transcript == "Good morning" and result.text == ""
    assert result.pcm == ramp_pcm(0, 240)
    assert acc.complete


def test_a_stream_cut_midway_is_incomplete() -> None:
    _, acc = replay("chat_cut_midway.sse")
    assert not acc.complete and not acc.finished and not acc.done
    assert acc.result().text == "Half of an answer"


def test_finish_without_done_is_incomplete() -> None:
    payloads = sse_data_payloads("chat_audio_stream.sse")[:-1]  # everything but [DONE]
    acc = ChatResponseAccumulator()
    for payload in payloads:
        acc.feed_all(parse_chunk(payload))
    assert acc.finished and not acc.done and not acc.complete


def test_mid_stream_error_is_reported_with_its_code() -> None:
    events, acc = replay("chat_midstream_error.sse")
    assert events[0] == TextDelta("Some")
    assert isinstance(events[1], ErrorReported)
    assert events[1].error.code == "data_inspection_failed"
    assert events[1].error.request_id == "req-77"
    assert acc.error == events[1].error and not acc.complete


def test_flat_native_error_shape_in_a_stream_is_an_error_too() -> None:
    (event,) = parse_chunk('{"code":"InvalidApiKey","message":"No API-key provided."}')
    assert isinstance(event, ErrorReported) and event.error.code == "InvalidApiKey"


def test_non_streaming_completion_gives_the_same_result_shape() -> None:
    result = parse_completion((TRANSCRIPTS / "chat_completion_nonstream.json").read_text(encoding="utf-8"))
    assert result.text == "Hello, world." and result.transcript == "Hello, world."
    assert result.pcm == ramp_pcm(0, 240)
    assert result.finish_reason == "stop" and result.usage == USAGE


def test_non_streaming_content_parts_and_errors() -> None:
    body = {"choices": [{"message": {"content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}}]}
    assert parse_completion(body).text == "ab"
    with pytest.raises(ProtocolError):
        parse_completion({"error": {"code": "x", "message": "y"}})
    with pytest.raises(ProtocolError):
        parse_completion({"choices": []})


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"', ""])
def test_malformed_chunks_are_protocol_errors(raw: str) -> None:
    with pytest.raises(ProtocolError):
        parse_chunk(raw)


def test_audio_that_is_not_base64_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError):
        parse_chunk('{"choices":[{"delta":{"audio":{"data":"@@not base64@@"}}}]}')


def test_keepalive_and_unknown_fields_give_nothing() -> None:
    assert parse_chunk('{"choices":[{"index":0,"delta":{},"finish_reason":null}],"novel":{"a":1}}') == []
    assert parse_chunk('{"choices":[{"delta":{"role":"assistant","content":""}}]}') == []
    assert parse_chunk('{"choices":[{"delta":{"audio":{"id":"a","expires_at":1}}}]}') == []


def test_success_bodies_are_not_errors() -> None:
    assert error_body_from_payload({"choices": [], "code": ""}) is None
    assert error_body_from_payload({"output": {}, "code": "x"}) is None
    assert error_body_from_payload([]) is None


def _chunk(delta: dict[str, object], finish: str | None = None) -> str:
    return json.dumps({"object": "chat.completion.chunk", "choices": [{"delta": delta, "finish_reason": finish}]})


@given(pieces=st.lists(st.text(min_size=1), max_size=20), audio=st.lists(st.binary(min_size=1), max_size=10))
def test_any_split_of_text_and_audio_accumulates_to_the_whole(pieces: list[str], audio: list[bytes]) -> None:
    acc = ChatResponseAccumulator()
    for piece in pieces:
        acc.feed_all(parse_chunk(_chunk({"content": piece})))
    for part in audio:
        acc.feed_all(parse_chunk(_chunk({"audio": {"data": base64.b64encode(part).decode()}})))
    assert not acc.complete
    acc.feed_all(parse_chunk(_chunk({}, "stop")))
    acc.feed_all(parse_chunk("[DONE]"))
    assert acc.complete
    assert acc.result().text == "".join(pieces)
    assert acc.result().pcm == b"".join(audio)


@given(raw=st.text(max_size=200))
def test_arbitrary_text_either_parses_or_is_a_protocol_error(raw: str) -> None:
    try:
        events = parse_chunk(raw)
    except ProtocolError:
        return
    assert isinstance(events, list)


def test_junk_usage_counts_are_zero() -> None:
    (event,) = parse_chunk('{"choices":[],"usage":{"prompt_tokens":1e400,"completion_tokens":"7","total_tokens":true}}')
    assert event == UsageReported(ChatUsage())
