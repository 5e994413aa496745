"""session.created defaults per model, session.update merge + every validation error, SDK default payload."""

from __future__ import annotations

import re
from typing import Any

import pytest

from interpreter.core.catalog import load_catalog
from interpreter.emulator.session_config import SessionUpdateError, apply_update, default_settings, render_session
from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.wsclient import QWEN3, QWEN35, configure, connect

ID = re.compile(r"^(event|sess)_[A-Za-z0-9]{21}$")


async def test_session_created_qwen3_defaults(emulator: EmulatorHandle) -> None:
    async with connect(emulator, QWEN3) as client:
        created = client.events[0]
    assert ID.match(created["event_id"])
    session = created["session"]
    assert ID.match(session["id"]) and session["id"].startswith("sess_")
    assert session["object"] == "realtime.session"
    assert session["model"] == QWEN3
    assert session["modalities"] == ["text", "audio"]
    assert session["voice"] == "Cherry"
    assert (session["input_audio_format"], session["output_audio_format"]) == ("pcm16", "pcm24")
    assert "input_audio_transcription" not in session  # qwen3: ASR only when a model is set
    assert session["turn_detection"] == {
        "type": "server_vad",
        "threshold": 0.2,
        "prefix_padding_ms": 300,
        "silence_duration_ms": 1000,
        "create_response": True,
        "interrupt_response": True,
    }
    assert session["translation"] == {"language": "en"}
    assert "enable_voice_clone" not in session and "voice_clone_options" not in session


async def test_session_created_qwen35_defaults(emulator: EmulatorHandle) -> None:
    async with connect(emulator, QWEN35) as client:
        session = client.events[0]["session"]
    assert session["model"] == QWEN35
    assert session["voice"] == "Tina"
    assert session["sample_rate"] == 16000
    assert (session["input_audio_format"], session["output_audio_format"]) == ("pcm", "pcm")
    assert session["input_audio_transcription"] == {"model": "qwen3-asr-flash-realtime"}
    assert session["turn_detection"]["silence_duration_ms"] == 1000


# What OmniRealtimeConversation.update_session sends with its defaults plus translation_params (spec §1.5).
SDK_DEFAULT_SESSION: dict[str, Any] = {
    "modalities": ["text", "audio"],
    "voice": None,
    "input_audio_format": "pcm16",
    "output_audio_format": "pcm16",
    "input_audio_transcription": {"model": None},
    "turn_detection": {"type": "server_vad", "threshold": 0.2, "prefix_padding_ms": 300, "silence_duration_ms": 800},
    "translation": {"language": "en"},
}


@pytest.mark.parametrize("model", [QWEN3, QWEN35])
async def test_sdk_default_payload_is_accepted(emulator: EmulatorHandle, model: str) -> None:
    async with connect(emulator, model) as client:
        session = await configure(
            client, **SDK_DEFAULT_SESSION, audio={"input": {"format": {"type": "pcm"}}}, unknown_extra=1
        )
    assert session["voice"] == ("Cherry" if model == QWEN3 else "Tina")  # voice null keeps the default
    assert "input_audio_transcription" not in session  # model null switches ASR off
    assert session["turn_detection"]["silence_duration_ms"] == 800
    assert session["output_audio_format"] == "pcm16"
    assert "unknown_extra" not in session and "audio" not in session


async def test_full_update_is_echoed(emulator: EmulatorHandle) -> None:
    async with connect(emulator, QWEN35) as client:
        session = await configure(
            client,
            modalities=["text"],
            voice="Liora Mira",
            sample_rate=8000,
            input_audio_format="pcm",
            output_audio_format="pcm",
            input_audio_transcription={"model": "qwen3-asr-flash-realtime", "language": "zh"},
            translation={"language": "fr", "corpus": {"phrases": {"人工智能": "intelligence artificielle"}}},
        )
        # A later partial update keeps everything it does not mention.
        again = await configure(client, voice="Raymond")
    assert session["modalities"] == ["text"]
    assert session["voice"] == "Liora Mira"
    assert session["sample_rate"] == 8000
    assert session["input_audio_transcription"] == {"model": "qwen3-asr-flash-realtime", "language": "zh"}
    assert session["translation"] == {
        "language": "fr",
        "corpus": {"phrases": {"人工智能": "intelligence artificielle"}},
    }
    assert again["voice"] == "Raymond"
    assert again["translation"] == session["translation"]
    assert again["id"] == session["id"]


async def test_manual_mode_omits_turn_detection_and_clone_fields_appear(emulator: EmulatorHandle) -> None:
    async with connect(emulator, QWEN35) as client:
        session = await configure(
            client,
            turn_detection=None,
            voice="default",
            enable_voice_clone=True,
            voice_clone_options={"frequency": "always"},
        )
    assert "turn_detection" not in session
    assert session["voice"] == "default"
    assert session["enable_voice_clone"] is True
    assert session["voice_clone_options"] == {"frequency": "always"}


MODALITIES_MESSAGE = "Invalid modalities: ['audio']. Supported combinations are: ['text'] and ['audio', 'text']."


async def test_invalid_update_gives_spec_error_event_and_changes_nothing(emulator: EmulatorHandle) -> None:
    async with connect(emulator, QWEN3) as client:
        await client.send(
            "session.update", event_id="event_client1", session={"modalities": ["audio"], "voice": "Ethan"}
        )
        error = await client.until("error")
        session = await configure(client, translation={"language": "de"})
    assert error["error"] == {
        "type": "invalid_request_error",
        "code": "invalid_value",
        "message": MODALITIES_MESSAGE,
        "param": "session.modalities",
        "event_id": "event_client1",
    }
    assert session["voice"] == "Cherry"  # the rejected update did not half-apply


# (model, update, param, message fragment) — every validation rule.
INVALID_UPDATES = [
    (QWEN3, {"modalities": ["audio"]}, "session.modalities", MODALITIES_MESSAGE),
    (QWEN3, {"modalities": "text"}, "session.modalities", "Invalid modalities: 'text'."),
    (QWEN3, {"modalities": ["text", "text"]}, "session.modalities", "Invalid modalities"),
    (QWEN3, {"voice": "Tina"}, "session.voice", "The requested voice 'Tina' is not supported."),
    (QWEN35, {"voice": "Cherry"}, "session.voice", "The requested voice 'Cherry' is not supported."),
    (QWEN3, {"voice": "default"}, "session.voice", "The requested voice 'default' is not supported."),
    (
        QWEN3,
        {"enable_voice_clone": True, "voice": "Cherry", "voice_clone_options": {"frequency": "once"}},
        "session.voice",
        "must be 'default'",
    ),
    (
        QWEN3,
        {"enable_voice_clone": True, "voice": "default", "voice_clone_options": {"frequency": "never"}},
        "session.voice",
        "id of a voice you cloned",
    ),
    (
        QWEN3,
        {"enable_voice_clone": True, "voice_clone_options": {"frequency": "sometimes"}},
        "session.voice_clone_options.frequency",
        "Invalid frequency: 'sometimes'",
    ),
    (QWEN3, {"enable_voice_clone": "yes"}, "session.enable_voice_clone", "true or false"),
    (QWEN35, {"sample_rate": 44100}, "session.sample_rate", "Invalid sample_rate: 44100"),
    (QWEN3, {"sample_rate": 8000}, "session.sample_rate", "supports only sample_rate 16000"),
    (QWEN3, {"input_audio_format": "mp3"}, "session.input_audio_format", "Invalid input_audio_format: 'mp3'"),
    (QWEN3, {"output_audio_format": "opus"}, "session.output_audio_format", "Invalid output_audio_format"),
    (QWEN3, {"turn_detection": {"type": "semantic_vad"}}, "session.turn_detection.type", "semantic_vad"),
    (QWEN3, {"turn_detection": {"threshold": 1.5}}, "session.turn_detection.threshold", "between -1.0 and 1.0"),
    (QWEN3, {"turn_detection": {"threshold": "high"}}, "session.turn_detection.threshold", "Invalid threshold"),
    (
        QWEN3,
        {"turn_detection": {"silence_duration_ms": 100}},
        "session.turn_detection.silence_duration_ms",
        "between 200 and 6000",
    ),
    (
        QWEN3,
        {"turn_detection": {"silence_duration_ms": 7000}},
        "session.turn_detection.silence_duration_ms",
        "between 200 and 6000",
    ),
    (
        QWEN3,
        {"turn_detection": {"silence_duration_ms": 500.5}},
        "session.turn_detection.silence_duration_ms",
        "Invalid silence_duration_ms",
    ),
    (QWEN3, {"turn_detection": {"prefix_padding_ms": -1}}, "session.turn_detection.prefix_padding_ms", "Invalid"),
    (QWEN3, {"turn_detection": "on"}, "session.turn_detection", "object or null"),
    (QWEN3, {"translation": {"language": "sw"}}, "session.translation.language", "'sw' is not supported"),
    (
        QWEN3,
        {"translation": {"language": "en", "corpus": {"phrases": ["AI"]}}},
        "session.translation.corpus.phrases",
        "map source terms",
    ),
    (QWEN3, {"translation": "en"}, "session.translation", "must be an object"),
    (
        QWEN3,
        {"input_audio_transcription": {"model": "whisper-1"}},
        "session.input_audio_transcription.model",
        "'whisper-1' is not supported",
    ),
    (
        QWEN3,
        {"input_audio_transcription": {"language": "xx"}},
        "session.input_audio_transcription.language",
        "'xx' is not supported",
    ),
]


@pytest.mark.parametrize(("model", "update", "param", "fragment"), INVALID_UPDATES)
def test_every_validation_rule(model: str, update: dict[str, Any], param: str, fragment: str) -> None:
    catalog = load_catalog()
    model_info = catalog.model(model)
    assert model_info is not None
    with pytest.raises(SessionUpdateError) as info:
        apply_update(default_settings("sess_x", model_info, catalog), update, catalog)
    assert info.value.param == param
    assert info.value.code == "invalid_value"
    assert fragment in info.value.message


async def test_validation_error_over_the_wire(emulator: EmulatorHandle) -> None:
    async with connect(emulator, QWEN3) as client:
        await client.send("session.update", session={"voice": "NoSuchVoice"})
        error = (await client.until("error"))["error"]
    assert error["message"] == "The requested voice 'NoSuchVoice' is not supported."
    assert error["param"] == "session.voice"


def test_never_frequency_accepts_a_cloned_voice_id_and_switching_clone_off_restores_a_preset() -> None:
    catalog = load_catalog()
    model = catalog.model(QWEN3)
    assert model is not None
    settings = apply_update(
        default_settings("sess_x", model, catalog),
        {"enable_voice_clone": True, "voice": "qwen-translate-vc-abc", "voice_clone_options": {"frequency": "never"}},
        catalog,
    )
    assert render_session(settings)["voice"] == "qwen-translate-vc-abc"
    off = apply_update(settings, {"enable_voice_clone": False}, catalog)
    assert render_session(off)["voice"] == "Cherry"


async def test_unknown_client_event_type_is_an_error(emulator: EmulatorHandle) -> None:
    async with connect(emulator) as client:
        await client.send("response.create", response={})
        error = (await client.until("error"))["error"]
        await client.ws.send_str("not json")
        bad_json = (await client.until("error"))["error"]
        await client.ws.send_bytes(b"\x00\x01")
        binary = (await client.until("error"))["error"]
    assert error["type"] == "invalid_request_error"
    assert "invalid event type" in error["message"] and "response.create" in error["message"]
    assert bad_json["code"] == "invalid_json"
    assert "Binary frames" in binary["message"]
