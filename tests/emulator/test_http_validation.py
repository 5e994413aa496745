"""Every request rule of spec §3 is enforced with the OpenAI-compatible error shape (spec §8.2) and its status."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from interpreter.emulator.http.limits import MAX_BASE64_CHARS
from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.httpclient import (
    SNAPSHOT,
    audio_part,
    body,
    chat_url,
    error_of,
    post,
    video_url,
    wav_bytes,
)


def _with(path: str, value: Any) -> dict[str, Any]:
    """A valid body with the field at dotted ``path`` set to ``value`` (``...`` deletes it)."""
    request = body(stream=False)
    holder: Any = request
    keys = path.split(".")
    for key in keys[:-1]:
        holder = holder[int(key)] if key.isdigit() else holder[key]
    last: Any = int(keys[-1]) if keys[-1].isdigit() else keys[-1]
    if value is ...:
        del holder[last]
    else:
        holder[last] = value
    return request


_WAV = wav_bytes(1.0)
_USER = {"role": "user", "content": [audio_part(_WAV)]}

BAD_REQUESTS: list[tuple[str, dict[str, Any], str, str | None]] = [
    # (case, body, error code, param)
    ("no messages", _with("messages", []), "invalid_parameter_error", "messages"),
    ("two user messages", _with("messages", [_USER, _USER]), "invalid_parameter_error", "messages"),
    (
        "system message",
        _with("messages", [{"role": "system", "content": "be brief"}, _USER]),
        "invalid_parameter_error",
        "messages",
    ),
    ("assistant role", _with("messages.0.role", "assistant"), "invalid_parameter_error", "messages[0].role"),
    ("string content", _with("messages.0.content", "hello"), "invalid_parameter_error", "messages[0].content"),
    (
        "two parts",
        _with("messages.0.content", [audio_part(_WAV), audio_part(_WAV)]),
        "invalid_parameter_error",
        "messages[0].content",
    ),
    (
        "text part",
        _with("messages.0.content", [{"type": "text", "text": "hi"}]),
        "invalid_parameter_error",
        "messages[0].content[0].type",
    ),
    (
        "audio not a data URL",
        _with("messages.0.content.0.input_audio.data", base64.b64encode(_WAV).decode()),
        "invalid_parameter_error",
        "messages[0].content[0].input_audio.data",
    ),
    (
        "remote audio URL",
        _with("messages.0.content.0.input_audio.data", "https://example.com/a.wav"),
        "InvalidURL",
        "messages[0].content[0].input_audio.data",
    ),
    (
        "unsupported audio MIME type",
        _with("messages.0.content.0.input_audio.data", "data:audio/midi;base64,AAAA"),
        "invalid_parameter_error",
        "messages[0].content[0].input_audio.data",
    ),
    (
        "unsupported format field",
        _with("messages.0.content.0.input_audio.format", "midi"),
        "invalid_parameter_error",
        "messages[0].content[0].input_audio.format",
    ),
    (
        "invalid Base64",
        _with("messages.0.content.0.input_audio.data", "data:audio/wav;base64,@@@@"),
        "invalid_parameter_error",
        "messages[0].content[0].input_audio.data",
    ),
    (
        "empty data",
        _with("messages.0.content.0.input_audio.data", "data:audio/wav;base64,"),
        "invalid_parameter_error",
        "messages[0].content[0].input_audio.data",
    ),
    (
        "video of another type",
        _with("messages.0.content", [{"type": "video_url", "video_url": {"url": "data:video/webm;base64,AAAA"}}]),
        "invalid_parameter_error",
        "messages[0].content[0].video_url.url",
    ),
    ("no translation_options", _with("translation_options", ...), "invalid_parameter_error", "translation_options"),
    (
        "no target_lang",
        _with("translation_options", {"source_lang": "en"}),
        "invalid_parameter_error",
        "translation_options.target_lang",
    ),
    (
        "unsupported target",
        _with("translation_options.target_lang", "sw"),
        "invalid_parameter_error",
        "translation_options.target_lang",
    ),
    (
        "unsupported source",
        _with("translation_options.source_lang", "xx"),
        "invalid_parameter_error",
        "translation_options.source_lang",
    ),
    ("audio-only modalities", _with("modalities", ["audio"]), "invalid_parameter_error", "modalities"),
    ("unknown modality", _with("modalities", ["text", "image"]), "invalid_parameter_error", "modalities"),
    ("unknown voice", _with("audio.voice", "Tina"), "invalid_value", "audio.voice"),
    ("mp3 output", _with("audio.format", "mp3"), "invalid_parameter_error", "audio.format"),
    ("speech rate too fast", _with("audio.speech_rate", 2.5), "invalid_parameter_error", "audio.speech_rate"),
    ("max_tokens above the cap", _with("max_tokens", 4097), "invalid_parameter_error", "max_tokens"),
    ("max_tokens zero", _with("max_tokens", 0), "invalid_parameter_error", "max_tokens"),
    ("negative seed", _with("seed", -1), "invalid_value", "seed"),
    ("stream not a boolean", _with("stream", "yes"), "invalid_parameter_error", "stream"),
    ("no model", _with("model", ...), "invalid_value", "model"),
]


@pytest.mark.parametrize(
    ("request_body", "code", "param"), [c[1:] for c in BAD_REQUESTS], ids=[c[0] for c in BAD_REQUESTS]
)
def test_each_rule_answers_400_in_the_compat_shape(
    emulator: EmulatorHandle, request_body: dict[str, Any], code: str, param: str | None
) -> None:
    response = post(emulator, request_body)
    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["code"] == code
    assert error["param"] == param
    assert error["type"] == "invalid_request_error"


def test_base64_over_10_mb_is_refused_and_just_under_is_accepted(emulator: EmulatorHandle) -> None:
    prefix = "data:audio/wav;base64,"
    # WAV bytes whose data URL is exactly at the limit, then one Base64 quantum (4 chars) over it.
    fitting = (MAX_BASE64_CHARS - len(prefix)) // 4 * 3
    at_limit = wav_bytes(0.5) + b"\0" * (fitting - len(wav_bytes(0.5)))
    response = post(emulator, body(audio_part(at_limit), stream=False, audio=False))
    assert response.status_code == 200, response.text
    over = at_limit + b"\0\0\0"
    response = post(emulator, body(audio_part(over), stream=False, audio=False))
    assert response.status_code == 400
    assert "10 MB" in error_of(response)["message"]


def test_invalid_json_and_non_object_bodies(emulator: EmulatorHandle) -> None:
    import httpx

    from tests.emulator.httpclient import headers

    for content in (b"{not json", b"[1, 2]"):
        response = httpx.post(chat_url(emulator), content=content, headers=headers(emulator), timeout=30)
        assert response.status_code == 400
        assert error_of(response)["code"] == "invalid_parameter_error"


def test_unknown_model_is_404_model_not_found(emulator: EmulatorHandle) -> None:
    response = post(emulator, body(model="qwen3-livetranslate-flash-1999-01-01", stream=False))
    assert response.status_code == 404
    error = error_of(response)
    assert error["code"] == "model_not_found"
    assert "qwen3-livetranslate-flash-1999-01-01" in error["message"]


@pytest.mark.parametrize(("authorization", "says"), [(None, "didn't provide"), ("Bearer sk-wrong", "Incorrect")])
def test_missing_or_wrong_key_is_401_invalid_api_key(
    emulator: EmulatorHandle, authorization: str | None, says: str
) -> None:
    import httpx

    sent = {"Authorization": authorization} if authorization else {}
    response = httpx.post(chat_url(emulator), json=body(stream=False), headers=sent, timeout=30)
    assert response.status_code == 401
    error = error_of(response)
    assert error["code"] == "invalid_api_key"
    assert error["type"] == "invalid_request_error"
    assert says in error["message"]
    assert response.headers["x-request-id"] == response.json()["request_id"]


@pytest.mark.parametrize(
    "part",
    [
        audio_part(wav_bytes(1.0), fmt=None),  # data:;base64, form, no format field (spec §2.1)
        audio_part(wav_bytes(1.0), fmt="x-wav"),  # MIME alias in the data URL
        {"type": "input_audio", "input_audio": {"data": "data:audio/mpeg;base64,AAAA", "format": "mp3"}},
    ],
    ids=["bare data URL", "x-wav", "mpeg with format"],
)
def test_accepted_audio_forms(emulator: EmulatorHandle, part: dict[str, Any]) -> None:
    if part["input_audio"].get("format") == "x-wav":
        part["input_audio"]["format"] = "wav"
    response = post(emulator, body(part, stream=False, audio=False))
    assert response.status_code == 200, response.text


def test_snapshot_name_and_optional_fields(emulator: EmulatorHandle) -> None:
    request = body(stream=False, model=SNAPSHOT)
    del request["translation_options"]["source_lang"]  # source is optional (auto-detect)
    del request["modalities"]  # ["text"] by default
    request["seed"] = 7
    response = post(emulator, request)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["model"] == SNAPSHOT
    assert "audio" not in answer["choices"][0]["message"]  # text only without "audio" in modalities


def test_video_part_is_accepted(emulator: EmulatorHandle) -> None:
    from tests.emulator.media import mp4_bytes

    part = {"type": "video_url", "video_url": {"url": video_url(mp4_bytes(2.0, 320, 240))}}
    response = post(emulator, body(part, stream=False))
    assert response.status_code == 200, response.text
