"""Streaming and whole answers of file translation: chunk sequence and shapes (spec §3), usage arithmetic, the
output-token cap, transcript forms, video tokens."""

from __future__ import annotations

import base64
import math
from typing import Any

import pytest

from interpreter.core.pcm import VOICE_RATE
from interpreter.emulator.http.file_answer import demo_translation
from interpreter.emulator.synth import MS_PER_CHAR
from interpreter.emulator.testing import EmulatorHandle
from interpreter.emulator.usage import text_tokens
from tests.emulator.httpclient import (
    MODEL,
    audio_part,
    body,
    chunks,
    post,
    sse_payloads,
    stream,
    video_url,
    wav_bytes,
)
from tests.emulator.media import mp4_bytes

SPEED = 50.0  # responses paced 50x faster than real time


def _stream(emu: EmulatorHandle, request: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    with stream(emu, request) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        payloads = sse_payloads(response)
    return payloads, chunks(payloads)


def _audio_tokens(seconds: float) -> int:
    return math.ceil(seconds * 12.5)


def test_chunk_sequence_text_and_audio(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    payloads, parsed = _stream(emu, body(audio_part(wav_bytes(7.0)), target="zh"))
    assert payloads[-1] == "[DONE]"
    ids = {c["id"] for c in parsed}
    assert len(ids) == 1 and ids.pop().startswith("chatcmpl-")
    assert all(c["object"] == "chat.completion.chunk" and c["model"] == MODEL for c in parsed)
    *deltas, finish, usage = parsed
    assert deltas[0]["choices"][0]["delta"]["role"] == "assistant"
    assert finish["choices"] == [{"index": 0, "delta": {}, "finish_reason": "stop"}]
    assert usage["choices"] == [] and "usage" in usage
    assert all(d["choices"][0]["finish_reason"] is None for d in deltas)

    text = "".join(d["choices"][0]["delta"].get("content", "") for d in deltas)
    assert text == demo_translation(7.0, "zh")
    assert text.startswith("[ZH 演示]")
    audio = [d["choices"][0]["delta"]["audio"] for d in deltas if "audio" in d["choices"][0]["delta"]]
    assert audio and all(set(a) == {"data", "expires_at", "id"} for a in audio)
    assert len({a["id"] for a in audio}) == 1
    pcm = b"".join(base64.b64decode(a["data"]) for a in audio)
    # Speech sized to the text: 24 kHz s16le, MS_PER_CHAR per character.
    assert len(pcm) == len(text) * MS_PER_CHAR * VOICE_RATE // 1000 * 2

    # Text pieces come before their own speech: the first chunk is text, audio follows each piece.
    kinds = ["content" if "content" in d["choices"][0]["delta"] else "audio" for d in deltas]
    assert kinds[0] == "content" and kinds[1] == "audio"

    expected_audio_out = _audio_tokens(len(pcm) / 2 / VOICE_RATE)
    assert usage["usage"] == {
        "prompt_tokens": _audio_tokens(7.0),
        "completion_tokens": text_tokens(text) + expected_audio_out,
        "total_tokens": _audio_tokens(7.0) + text_tokens(text) + expected_audio_out,
        "prompt_tokens_details": {
            "audio_tokens": _audio_tokens(7.0),
            "text_tokens": 0,
            "video_tokens": None,
            "cached_tokens": None,
        },
        "completion_tokens_details": {
            "audio_tokens": expected_audio_out,
            "text_tokens": text_tokens(text),
            "reasoning_tokens": None,
        },
    }


def test_no_usage_chunk_without_include_usage(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    payloads, parsed = _stream(emu, body(usage=False, audio=False, target="en"))
    assert payloads[-1] == "[DONE]"
    assert all(c["choices"] for c in parsed)
    assert parsed[-1]["choices"][0]["finish_reason"] == "stop"
    assert all("audio" not in c["choices"][0]["delta"] for c in parsed)


def test_short_audio_is_billed_as_one_second(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    _, parsed = _stream(emu, body(audio_part(wav_bytes(0.4)), audio=False))
    assert parsed[-1]["usage"]["prompt_tokens_details"]["audio_tokens"] == 13  # ceil(1 s x 12.5)


def test_text_only_target_gets_no_speech(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    _, parsed = _stream(emu, body(target="vi"))  # Vietnamese has text output only (spec §1.10)
    assert all("audio" not in c["choices"][0]["delta"] for c in parsed if c["choices"])
    assert parsed[-1]["usage"]["completion_tokens_details"]["audio_tokens"] == 0


def test_max_tokens_cuts_the_answer_with_finish_reason_length(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    _, parsed = _stream(emu, body(audio_part(wav_bytes(30.0)), max_tokens=40, target="en"))
    *_, finish, usage = parsed
    assert finish["choices"][0]["finish_reason"] == "length"
    assert 0 < usage["usage"]["completion_tokens"] <= 40
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in parsed if c["choices"])
    assert demo_translation(30.0, "en").startswith(text) and text != demo_translation(30.0, "en")


def test_video_tokens_follow_the_spec_formula(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    part = {"type": "video_url", "video_url": {"url": video_url(mp4_bytes(6.0, 320, 240))}}
    _, parsed = _stream(emu, body(part, audio=False))
    details = parsed[-1]["usage"]["prompt_tokens_details"]
    frames = 12  # 6 s at 2 fps
    # 240 px is 7.5 patches: sides are rounded up to whole 32-px patches.
    assert details["video_tokens"] == math.ceil(frames / 2) * math.ceil(240 / 32) * (320 // 32) + 2 == 482
    assert details["audio_tokens"] == _audio_tokens(6.0)
    assert parsed[-1]["usage"]["prompt_tokens"] == details["video_tokens"] + details["audio_tokens"]


def test_video_without_sound_bills_no_audio(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    part = {"type": "video_url", "video_url": {"url": video_url(mp4_bytes(1.0, 64, 64, with_audio=False))}}
    _, parsed = _stream(emu, body(part, audio=False))
    details = parsed[-1]["usage"]["prompt_tokens_details"]
    assert details["audio_tokens"] == 0
    assert details["video_tokens"] == math.ceil(4 / 2) * 2 * 2 + 2  # at least 4 frames; 64 px = 2 patches a side


@pytest.mark.parametrize(
    ("form", "in_content", "in_transcript"), [("audio_transcript", False, True), ("both", True, True)]
)
def test_transcript_forms(make_emulator: Any, form: str, in_content: bool, in_transcript: bool) -> None:
    emu = make_emulator(speed=SPEED, transcript_form=form)
    _, parsed = _stream(emu, body(target="en"))
    deltas = [c["choices"][0]["delta"] for c in parsed if c["choices"]]
    content = "".join(d.get("content") or "" for d in deltas)
    transcript = "".join(d["audio"].get("transcript", "") for d in deltas if "audio" in d)
    expected = demo_translation(3.0, "en")
    assert content == (expected if in_content else "")
    assert transcript == (expected if in_transcript else "")
    assert deltas[0]["role"] == "assistant"


def test_stream_false_returns_one_chat_completion(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    response = post(emu, body(audio_part(wav_bytes(4.0)), stream=False, target="de"))
    assert response.status_code == 200
    answer = response.json()
    assert answer["object"] == "chat.completion"
    choice = answer["choices"][0]
    assert choice["finish_reason"] == "stop"
    message = choice["message"]
    assert message["role"] == "assistant"
    assert message["content"] == demo_translation(4.0, "de")
    pcm = base64.b64decode(message["audio"]["data"])
    assert len(pcm) == len(message["content"]) * MS_PER_CHAR * VOICE_RATE // 1000 * 2
    assert "transcript" not in message["audio"]  # the default form puts the text in content only
    assert answer["usage"]["prompt_tokens_details"]["audio_tokens"] == _audio_tokens(4.0)
    assert answer["usage"]["total_tokens"] == answer["usage"]["prompt_tokens"] + answer["usage"]["completion_tokens"]
