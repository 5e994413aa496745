"""protocol.ocr_stream from authored transcripts (tests/data/transcripts/ocr_*): the native SSE framing with its
``:HTTP_STATUS`` line and ``finish_reason`` "null", the non-streamed native body, the OpenAI-compatible text, and
the request bodies (spec §5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interpreter.core.ocr_tasks import OcrTask, PixelRange
from interpreter.errors import ProtocolError
from interpreter.protocol.ocr_stream import (
    NativeSseDecoder,
    OcrStreamAccumulator,
    compat_ocr_request,
    native_ocr_request,
    parse_native_response,
    result_from_compat_text,
)

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "data" / "transcripts"


def _read(name: str) -> str:
    return (TRANSCRIPTS / name).read_text(encoding="utf-8")


def _decode_all(text: str, step: int) -> list:  # type: ignore[type-arg]
    decoder = NativeSseDecoder()
    events = []
    for i in range(0, len(text), step):
        events.extend(decoder.feed(text[i : i + step]))
    events.extend(decoder.close())
    return events


@pytest.mark.parametrize("step", [1, 7, 100_000])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_native_stream_framing_any_split(step: int, newline: str) -> None:
    text = _read("ocr_native_stream.sse").replace("\n", newline)
    events = _decode_all(text, step)
    assert [(e.event, e.id, e.http_status) for e in events] == [
        ("result", "1", 200),
        ("result", "2", 200),
        ("result", "3", 200),
    ]
    accumulator = OcrStreamAccumulator(OcrTask.TEXT, "qwen-vl-ocr-latest")
    for event in events[:2]:
        accumulator.feed_event(event)
        assert not accumulator.complete  # "null" (a string) is not a finish reason
    accumulator.feed_event(events[2])
    assert accumulator.complete and accumulator.finish_reason == "stop"
    result = accumulator.result()
    assert result.text == "产品介绍\nInvoice 42"
    assert result.usage.output_tokens == 6 and result.usage.total_tokens == 977  # cumulative: the last wins
    assert result.usage.image_tokens == 947
    assert result.request_id == "6aaa3c55-0001"
    assert result.rendered() == "产品介绍\nInvoice 42\n"


def test_native_error_event_keeps_its_status() -> None:
    events = _decode_all(_read("native_sse_error.sse"), 5)
    accumulator = OcrStreamAccumulator(OcrTask.TABLE)
    accumulator.feed_event(events[0])
    assert accumulator.error_status == 400
    assert accumulator.error is not None and accumulator.error.code == "InvalidParameter"
    assert not accumulator.complete


def test_positions_from_the_last_chunk() -> None:
    accumulator = OcrStreamAccumulator(OcrTask.POSITIONS)
    for event in _decode_all(_read("ocr_native_positions_stream.sse"), 64):
        accumulator.feed_event(event)
    result = accumulator.result()
    assert [w.text for w in result.words] == ["INTERNATIONAL", "Airport"]
    assert result.words[0].corners() == [(1704, 390), (4314, 390), (4314, 675), (1704, 675)]
    assert result.words[0].rotate_rect == (3009, 532, 285, 2610, 90)
    assert result.plain_text == "INTERNATIONAL\nAirport"
    assert json.loads(result.rendered())[1]["location"] == [100, 800, 900, 800, 900, 860, 100, 860]


def test_non_streamed_key_information() -> None:
    result = parse_native_response(json.loads(_read("ocr_native_keyinfo.json")), OcrTask.KEYINFO, "qwen-vl-ocr")
    assert result.kv == {"乘车日期": "2013-06-29", "发票": {"发票代码": "221021325353", "发票号码": "10283819"}}
    assert result.usage.image_tokens == 310 and result.usage.total_tokens == 589
    assert "发票 / 发票号码: 10283819" in result.plain_text
    assert json.loads(result.rendered())["发票"]["发票代码"] == "221021325353"


def test_compat_table_text_becomes_a_grid() -> None:
    body = json.loads(_read("ocr_compat_table.json"))
    result = result_from_compat_text(OcrTask.TABLE, body["choices"][0]["message"]["content"])
    assert result.table_rows == [["Item", "Qty"], ["Apples, red", "3"], ["", "4"], ["Total: 7 & more", ""]]
    assert result.rendered() == 'Item,Qty\r\n"Apples, red",3\r\n,4\r\nTotal: 7 & more,\r\n'
    assert result.markdown.splitlines()[1] == "| --- | --- |"


def test_compat_key_information_read_from_fenced_json() -> None:
    result = result_from_compat_text(OcrTask.KEYINFO, '```json\n{"Date": "2025-03-05"}\n```')
    assert result.kv == {"Date": "2025-03-05"}


@pytest.mark.parametrize(
    "bad",
    [
        "id:1\nevent:result\n:HTTP_STATUS/abc\ndata:{}\n\n",
        "id:1\nevent:result\ndata:not json\n\n",
        "id:1\nevent:result\ndata:[1,2]\n\n",
    ],
)
def test_malformed_frames_raise_protocol_error(bad: str) -> None:
    with pytest.raises(ProtocolError):
        NativeSseDecoder().feed(bad)


def test_malformed_words_raise_protocol_error() -> None:
    accumulator = OcrStreamAccumulator(OcrTask.POSITIONS)
    accumulator.feed_payload(
        {
            "output": {
                "choices": [
                    {
                        "message": {"content": [{"ocr_result": {"words_info": [{"location": "x"}]}}]},
                        "finish_reason": "stop",
                    }
                ]
            }
        }
    )
    with pytest.raises(ProtocolError):
        accumulator.result()


def test_native_request_bodies() -> None:
    body = native_ocr_request(
        "qwen-vl-ocr-latest",
        "data:image/png;base64,AAAA",
        OcrTask.KEYINFO,
        schema={"Date": "the date"},
        pixel_range=PixelRange(3072, 1_000_000),
        enable_rotate=True,
    )
    (part,) = body["input"]["messages"][0]["content"]
    assert part == {
        "image": "data:image/png;base64,AAAA",
        "min_pixels": 3072,
        "max_pixels": 1_000_000,
        "enable_rotate": True,
    }
    assert body["parameters"]["ocr_options"] == {
        "task": "key_information_extraction",
        "task_config": {"result_schema": {"Date": "the date"}},
    }
    assert body["parameters"]["incremental_output"] is True
    plain = native_ocr_request("qwen-vl-ocr", "data:image/png;base64,AAAA", None, prompt="Read it")
    assert plain["input"]["messages"][0]["content"][1] == {"text": "Read it"}
    assert "ocr_options" not in plain["parameters"]
    with pytest.raises(ValueError):
        native_ocr_request("qwen-vl-ocr", "data:,", OcrTask.KEYINFO)


def test_compat_request_body() -> None:
    body = compat_ocr_request("qwen-vl-ocr-2024-10-28", "data:image/png;base64,AAAA", "Read", stream=True)
    image, text = body["messages"][0]["content"]
    assert image["type"] == "image_url" and image["image_url"] == {"url": "data:image/png;base64,AAAA"}
    assert image["min_pixels"] == 3072 and image["max_pixels"] == 8388608
    assert text == {"type": "text", "text": "Read"}
    assert body["stream_options"] == {"include_usage": True}
