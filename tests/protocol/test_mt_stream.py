"""Qwen-MT streams, sans I/O: incremental (append) vs cumulative (replace), compat and native, request bodies."""

from __future__ import annotations

import json

import pytest

from interpreter.core.mt_chunking import Term, TmPair
from interpreter.core.mt_languages import StreamingStyle
from interpreter.errors import ProtocolError
from interpreter.protocol.chat_stream import parse_chunk
from interpreter.protocol.mt_stream import (
    MtAccumulator,
    MtRequest,
    compat_request,
    native_request,
    parse_native_payload,
)


def _sse(content: str | None, finish: str | None = None) -> str:
    delta = {} if content is None else {"content": content}
    return json.dumps({"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})


def _feed(accumulator: MtAccumulator, payloads: list[str]) -> list[str]:
    seen = []
    for payload in payloads:
        for event in parse_chunk(payload):
            accumulator.feed(event)
        seen.append(accumulator.text)
    return seen


def test_incremental_stream_appends() -> None:
    accumulator = MtAccumulator(StreamingStyle.INCREMENTAL)
    seen = _feed(accumulator, [_sse("I did"), _sse(" not laugh"), _sse(None, "stop"), "[DONE]"])
    assert seen[:2] == ["I did", "I did not laugh"]
    assert accumulator.complete and accumulator.result().text == "I did not laugh"


def test_cumulative_stream_replaces_and_tolerates_the_repeated_final_text() -> None:
    accumulator = MtAccumulator(StreamingStyle.CUMULATIVE)
    seen = _feed(
        accumulator,
        [_sse("I did"), _sse("I did not laugh"), _sse("I did not laugh ", "stop"), "[DONE]"],
    )
    assert seen[:2] == ["I did", "I did not laugh"]
    assert accumulator.result().text == "I did not laugh"
    # Appending would have tripled the text: this is the mistake the style exists to prevent.
    assert "I didI did" not in accumulator.text


def test_a_stream_without_done_is_not_complete() -> None:
    accumulator = MtAccumulator(StreamingStyle.INCREMENTAL)
    _feed(accumulator, [_sse("partial")])
    assert not accumulator.complete


def test_native_payloads_in_both_styles() -> None:
    def payload(content: str, finish: str) -> dict[str, object]:
        return {
            "output": {"choices": [{"message": {"role": "assistant", "content": content}, "finish_reason": finish}]},
            "usage": {"input_tokens": 11, "output_tokens": 3, "total_tokens": 14},
        }

    cumulative = MtAccumulator(StreamingStyle.CUMULATIVE, native=True)
    for content, finish in (("The", "null"), ("The concept", "null"), ("The concept ", "stop")):
        cumulative.feed_native(payload(content, finish))
    assert cumulative.complete and cumulative.result().text == "The concept"
    assert cumulative.result().usage.total_tokens == 14

    incremental = MtAccumulator(StreamingStyle.INCREMENTAL, native=True)
    for content, finish in (("The", "null"), (" concept", "stop")):
        incremental.feed_native(payload(content, finish))
    assert incremental.result().text == "The concept"
    with pytest.raises(ProtocolError):
        parse_native_payload({"nothing": 1})


def test_request_bodies_follow_the_spec() -> None:
    request = MtRequest(
        model="qwen-mt-plus",
        text="博客园的理念",
        target_lang="English",
        source_lang="Chinese",
        terms=(Term("博客园", "cnblogs"),),
        tm_list=(TmPair("代码改变世界", "Coding changes world"),),
        domains="This text is a promotion.",
    )
    compat = compat_request(request)
    assert compat["messages"] == [{"role": "user", "content": "博客园的理念"}]
    assert compat["translation_options"]["terms"] == [{"source": "博客园", "target": "cnblogs"}]
    assert compat["stream"] is True and compat["stream_options"] == {"include_usage": True}
    native = native_request(request, StreamingStyle.CUMULATIVE)
    assert native["input"]["messages"][0]["role"] == "user"
    assert native["parameters"]["incremental_output"] is False  # plus/turbo cannot stream incrementally
    assert native["parameters"]["translation_options"]["domains"] == "This text is a promotion."
    assert native_request(request, StreamingStyle.INCREMENTAL)["parameters"]["incremental_output"] is True
