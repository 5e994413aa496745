"""Config validation (one test per rule, checking the sentence the user reads) and the session.update payload."""

from __future__ import annotations

import pytest

from interpreter.errors import ConfigError
from interpreter.protocol import (
    DEFAULT_MODEL,
    SessionConfig,
    TurnDetection,
    VoiceClone,
    session_update_payload,
    validate_config,
)

QWEN3 = "qwen3-livetranslate-flash-realtime"
QWEN35 = "qwen3.5-livetranslate-flash-realtime"


def _rejects(config: SessionConfig, field: str) -> str:
    with pytest.raises(ConfigError) as caught:
        validate_config(config)
    assert caught.value.field == field
    return caught.value.user_message


def test_defaults_are_valid_and_resolve_the_voice_explicitly() -> None:
    validated = validate_config(SessionConfig(model=QWEN3))
    assert validated.notices == ()
    assert validated.config.model == QWEN3
    assert validated.config.voice == "Cherry"


def test_unknown_model_names_the_models_that_exist() -> None:
    message = _rejects(SessionConfig(model="gpt-live"), "model")
    assert "'gpt-live' is not a LiveTranslate realtime model" in message
    assert QWEN3 in message and QWEN35 in message


def test_unknown_target_language_says_how_many_languages_and_which() -> None:
    message = _rejects(SessionConfig(model=QWEN3, target_language="xx"), "target_language")
    assert message.startswith("Qwen3 LiveTranslate Flash supports 18 languages; 'xx' is not one of them")
    assert "yue" in message and "el" in message


def test_language_of_the_other_model_is_rejected_for_this_one() -> None:
    # Swedish is a qwen3.5 language only.
    message = _rejects(SessionConfig(model=QWEN3, source_language="sv"), "source_language")
    assert "'sv' is not one of them" in message
    assert validate_config(SessionConfig(model=QWEN35, source_language="sv")).config.source_language == "sv"


def test_text_only_target_turns_audio_off_with_a_notice() -> None:
    validated = validate_config(SessionConfig(model=QWEN3, target_language="el", audio_output=True))
    assert validated.config.audio_output is False
    assert validated.notices == (
        "Qwen3 LiveTranslate Flash cannot speak Greek, so this session shows the translation as text only.",
    )
    assert session_update_payload(validated.config)["modalities"] == ["text"]


def test_text_only_target_also_turns_voice_cloning_off() -> None:
    validated = validate_config(SessionConfig(model=QWEN35, target_language="uk", voice_clone=VoiceClone.ONCE))
    assert validated.config.voice_clone is VoiceClone.OFF
    assert len(validated.notices) == 2


def test_voice_not_of_this_model_names_the_voices_that_speak_the_target() -> None:
    message = _rejects(SessionConfig(model=QWEN3, voice="Tina", target_language="fr"), "voice")
    assert (
        message
        == "'Tina' is not a voice of Qwen3 LiveTranslate Flash; voices that speak French: Cherry, Nofish, Ethan."
    )


def test_voice_that_does_not_speak_the_target_names_those_that_do() -> None:
    message = _rejects(SessionConfig(model=QWEN3, voice="Kiki", target_language="en"), "voice")
    assert message == "The voice Kiki does not speak English; choose one that does: Cherry, Nofish, Ethan."
    assert validate_config(SessionConfig(model=QWEN3, voice="Kiki", target_language="yue")).config.voice == "Kiki"


def test_default_voice_that_cannot_speak_the_target_is_replaced_by_one_that_can() -> None:
    # Cherry (the qwen3 default) does not speak Cantonese; Kiki does.
    assert validate_config(SessionConfig(model=QWEN3, target_language="yue")).config.voice == "Kiki"


def test_voice_names_with_spaces_are_fine() -> None:
    config = SessionConfig(model=QWEN35, voice="Liora Mira", target_language="fil")
    assert session_update_payload(validate_config(config).config)["voice"] == "Liora Mira"


@pytest.mark.parametrize("mode", [VoiceClone.ONCE, VoiceClone.ALWAYS])
def test_runtime_cloning_needs_the_default_voice(mode: VoiceClone) -> None:
    message = _rejects(SessionConfig(voice_clone=mode, voice="Cherry"), "voice")
    assert f"Voice cloning '{mode.value}'" in message and "'default', not 'Cherry'" in message
    assert validate_config(SessionConfig(voice_clone=mode)).config.voice == "default"
    assert validate_config(SessionConfig(voice_clone=mode, voice="default")).config.voice == "default"


@pytest.mark.parametrize("voice", [None, "", "default", "Cherry"])
def test_never_cloning_needs_a_cloned_voice_id(voice: str | None) -> None:
    message = _rejects(SessionConfig(model=QWEN3, voice_clone=VoiceClone.NEVER, voice=voice), "voice")
    assert message.startswith("Voice cloning 'never' uses a voice you cloned earlier")


def test_never_cloning_accepts_a_cloned_voice_id() -> None:
    config = SessionConfig(voice_clone=VoiceClone.NEVER, voice="qwen-translate-vc-abc123")
    payload = session_update_payload(validate_config(config).config)
    assert payload["voice"] == "qwen-translate-vc-abc123"
    assert payload["enable_voice_clone"] is True
    assert payload["voice_clone_options"] == {"frequency": "never"}


@pytest.mark.parametrize("threshold", [-1.01, 1.5, float("nan")])
def test_threshold_outside_minus_one_to_one(threshold: float) -> None:
    message = _rejects(SessionConfig(turn_detection=TurnDetection(threshold=threshold)), "turn_detection.threshold")
    assert message.startswith("The speech detection threshold must be between -1 and 1")


@pytest.mark.parametrize("silence", [199, 6001, 0])
def test_silence_outside_200_to_6000_ms(silence: int) -> None:
    message = _rejects(
        SessionConfig(turn_detection=TurnDetection(silence_duration_ms=silence)), "turn_detection.silence_duration_ms"
    )
    assert message == f"The pause that ends a sentence must be between 200 and 6000 ms, not {silence}."


@pytest.mark.parametrize(("threshold", "silence"), [(-1.0, 200), (1.0, 6000)])
def test_turn_detection_bounds_are_inclusive(threshold: float, silence: int) -> None:
    validate_config(SessionConfig(turn_detection=TurnDetection(threshold=threshold, silence_duration_ms=silence)))


def test_unknown_turn_detection_mode() -> None:
    _rejects(SessionConfig(turn_detection=TurnDetection(mode="semantic")), "turn_detection.mode")  # type: ignore[arg-type]


def test_sample_rate_8000_only_where_the_catalog_allows_it() -> None:
    message = _rejects(SessionConfig(model=QWEN3, input_sample_rate=8000), "input_sample_rate")
    assert message == "Qwen3 LiveTranslate Flash accepts 16000 Hz audio, not 8000 Hz."
    assert validate_config(SessionConfig(model=QWEN35, input_sample_rate=8000)).config.input_sample_rate == 8000
    message = _rejects(SessionConfig(model=QWEN35, input_sample_rate=44100), "input_sample_rate")
    assert "16000 Hz or 8000 Hz" in message


def test_hotword_without_a_translation() -> None:
    message = _rejects(SessionConfig(hotwords={"人工智能": " "}), "hotwords")
    assert "needs both a source term and its translation" in message


def test_hotwords_are_copied_so_the_config_stays_frozen() -> None:
    words = {"人工智能": "Artificial Intelligence"}
    config = SessionConfig(hotwords=words)
    words["机器学习"] = "Machine Learning"
    assert dict(config.hotwords) == {"人工智能": "Artificial Intelligence"}


# --- payload -------------------------------------------------------------------------------------------------------


def test_payload_for_qwen3_with_all_the_trimmings() -> None:
    config = SessionConfig(
        model=QWEN3,
        target_language="en",
        source_language="zh",
        voice="Ethan",
        hotwords={"人工智能": "Artificial Intelligence"},
        turn_detection=TurnDetection(threshold=0.5, silence_duration_ms=800),
    )
    assert session_update_payload(validate_config(config).config) == {
        "modalities": ["text", "audio"],
        "voice": "Ethan",
        "input_audio_format": "pcm16",
        "output_audio_format": "pcm24",
        "input_audio_transcription": {"model": "qwen3-asr-flash-realtime", "language": "zh"},
        "translation": {"language": "en", "corpus": {"phrases": {"人工智能": "Artificial Intelligence"}}},
        "turn_detection": {"type": "server_vad", "threshold": 0.5, "silence_duration_ms": 800},
    }


def test_payload_for_qwen35_text_only_manual_without_transcription() -> None:
    config = SessionConfig(
        model=QWEN35,
        target_language="uk",
        audio_output=False,
        transcribe_source=False,
        turn_detection=TurnDetection(mode="manual"),
        input_sample_rate=8000,
    )
    assert session_update_payload(validate_config(config).config) == {
        "modalities": ["text"],
        "voice": "Tina",
        "input_audio_format": "pcm",
        "output_audio_format": "pcm",
        "sample_rate": 8000,
        "input_audio_transcription": {"model": None},
        "translation": {"language": "uk"},
        "turn_detection": None,
    }


def test_payload_with_runtime_voice_cloning() -> None:
    payload = session_update_payload(validate_config(SessionConfig(model=QWEN35, voice_clone=VoiceClone.ALWAYS)).config)
    assert payload["voice"] == "default"
    assert payload["enable_voice_clone"] is True
    assert payload["voice_clone_options"] == {"frequency": "always"}


def test_payload_sets_the_voice_even_for_an_unvalidated_config() -> None:
    assert session_update_payload(SessionConfig(model=QWEN35))["voice"] == "Tina"
    assert "enable_voice_clone" not in session_update_payload(SessionConfig())


def test_the_default_model_is_the_newer_one() -> None:
    validated = validate_config(SessionConfig())
    assert validated.notices == ()
    assert validated.config.model == QWEN35 == DEFAULT_MODEL
    assert validated.config.voice == "Tina"  # the qwen3.5 default voice, resolved explicitly
