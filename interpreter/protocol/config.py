"""Session configuration for the LiveTranslate realtime models: what the user chose, checked against the catalog,
and turned into the ``session`` object of ``session.update`` (dashscope-protocol.md §1.5).

Validation happens here, before connecting, so that a wrong choice becomes a sentence the user can act on instead
of an ``error`` event from the server after the microphone is already open.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal

from interpreter.core.catalog import DEFAULT_MODEL, Catalog, ModelInfo, load_catalog
from interpreter.core.pcm import INPUT_RATE
from interpreter.errors import ConfigError

__all__ = [
    "DEFAULT_MODEL",
    "SessionConfig",
    "TurnDetection",
    "ValidatedConfig",
    "VoiceClone",
    "resolve_voice",
    "session_update_payload",
    "validate_config",
]

# Documented ranges of the server VAD (spec §1.5, turn_detection).
THRESHOLD_RANGE = (-1.0, 1.0)
SILENCE_RANGE_MS = (200, 6000)
# Every model accepts core.pcm.INPUT_RATE (16 kHz); 8 kHz only where the catalog says so (qwen3.5, spec §1.5
# sample_rate).
NARROWBAND_SAMPLE_RATE = 8000


@dataclass(frozen=True)
class TurnDetection:
    """How turns are cut: ``server_vad`` (the server detects pauses) or ``manual`` (the client commits).

    Attributes:
        threshold: VAD sensitivity in [-1.0, 1.0]; higher needs louder speech.
        silence_duration_ms: pause in [200, 6000] ms that ends a turn.
    """

    mode: Literal["server_vad", "manual"] = "server_vad"
    threshold: float = 0.2
    silence_duration_ms: int = 1000


class VoiceClone(StrEnum):
    """Voice cloning (``voice_clone_options.frequency``): translate in the speaker's own voice."""

    OFF = "off"
    NEVER = "never"  # use a voice cloned earlier; ``voice`` is its id
    ONCE = "once"  # clone at session start (one speaker)
    ALWAYS = "always"  # clone again before every response (several speakers)


@dataclass(frozen=True)
class SessionConfig:
    """What the user asked for. ``voice=None`` means the model's default voice; ``source_language=None`` means
    auto-detect. ``hotwords`` maps source terms to their required translations (``translation.corpus.phrases``)."""

    model: str = DEFAULT_MODEL
    target_language: str = "en"
    source_language: str | None = None
    audio_output: bool = True
    voice: str | None = None
    hotwords: Mapping[str, str] = field(default_factory=dict)
    transcribe_source: bool = True
    voice_clone: VoiceClone = VoiceClone.OFF
    turn_detection: TurnDetection = field(default_factory=TurnDetection)
    input_sample_rate: int = INPUT_RATE

    def __post_init__(self) -> None:
        # A read-only copy: the caller's dict may change later, a frozen config must not.
        object.__setattr__(self, "hotwords", MappingProxyType(dict(self.hotwords)))


@dataclass(frozen=True)
class ValidatedConfig:
    """A config that passed :func:`validate_config`, plus sentences telling the user what was adjusted."""

    config: SessionConfig
    notices: tuple[str, ...] = ()


def _model_name(model: ModelInfo) -> str:
    # Catalog labels read "Qwen3 LiveTranslate Flash (18 languages)"; messages say the count themselves.
    return model.label.split(" (", 1)[0]


def _language(catalog: Catalog, code: str) -> str:
    name = catalog.language_name(code)
    return name if name != code else f"'{code}'"


def _names(voices: tuple[Any, ...]) -> str:
    return ", ".join(v.name for v in voices)


def resolve_voice(config: SessionConfig, model: ModelInfo, catalog: Catalog) -> str:
    """The voice to send: the explicit one, ``"default"`` when cloning at runtime, else the model's default voice
    if it speaks the target language, else the first voice that does (so ``session.update`` never leaves the voice
    implicit, which other clients saw fail with HTTP 400)."""
    if config.voice_clone in (VoiceClone.ONCE, VoiceClone.ALWAYS):
        return catalog.voice_clone_default_voice
    if config.voice is not None:
        return config.voice
    default = model.voice(model.default_voice)
    if default is not None and default.speaks(config.target_language):
        return model.default_voice
    speaking = model.voices_for(config.target_language)
    return speaking[0].name if speaking else model.default_voice


def validate_config(config: SessionConfig, catalog: Catalog | None = None) -> ValidatedConfig:
    """Check a session configuration against the model catalog.

    Args:
        config: what the user chose.
        catalog: the catalog to check against (default: the packaged one).

    Returns:
        The config to use, with the voice resolved to an explicit name, and notices: a target language without
        voice output turns ``audio_output`` off (and voice cloning with it) and says so instead of failing.

    Raises:
        ConfigError: with ``field`` naming the setting and a sentence saying which values would work.
    """
    catalog = catalog or load_catalog()
    model = catalog.model(config.model)
    if model is None:
        choices = "; ".join(f"{m.name} ({_model_name(m)})" for m in catalog.models.values())
        raise ConfigError(
            f"'{config.model}' is not a LiveTranslate realtime model; choose one of: {choices}.", field="model"
        )
    name = _model_name(model)
    _check_language(config.target_language, "target_language", model, name)
    if config.source_language is not None:
        _check_language(config.source_language, "source_language", model, name)
    _check_hotwords(config.hotwords)
    _check_turn_detection(config.turn_detection)
    _check_sample_rate(config.input_sample_rate, model, name)

    notices: list[str] = []
    if config.audio_output and not model.has_audio_output(config.target_language):
        target = _language(catalog, config.target_language)
        notices.append(f"{name} cannot speak {target}, so this session shows the translation as text only.")
        config = replace(config, audio_output=False)
        if config.voice_clone is not VoiceClone.OFF:
            notices.append("Voice cloning is off because this session produces no translated voice.")
            config = replace(config, voice_clone=VoiceClone.OFF)
    if config.audio_output:
        _check_voice(config, model, catalog, name)
    elif config.voice is not None and model.voice(config.voice) is None:
        # Without voice output the chosen voice is never heard; send one the model knows rather than fail.
        config = replace(config, voice=None)
    return ValidatedConfig(replace(config, voice=resolve_voice(config, model, catalog)), tuple(notices))


def _check_language(code: str, field_name: str, model: ModelInfo, name: str) -> None:
    if not model.supports_language(code):
        raise ConfigError(
            f"{name} supports {len(model.languages)} languages; '{code}' is not one of them "
            f"(supported: {', '.join(sorted(model.languages))}).",
            field=field_name,
        )


def _check_hotwords(hotwords: Mapping[str, str]) -> None:
    for source, target in hotwords.items():
        if not isinstance(source, str) or not isinstance(target, str) or not source.strip() or not target.strip():
            raise ConfigError(
                f"The hot word {source!r} → {target!r} needs both a source term and its translation.",
                field="hotwords",
            )


def _check_turn_detection(turn: TurnDetection) -> None:
    if turn.mode not in ("server_vad", "manual"):
        raise ConfigError(
            f"Turn detection must be 'server_vad' or 'manual', not '{turn.mode}'.", field="turn_detection.mode"
        )
    if turn.mode == "manual":
        return  # threshold and silence are VAD settings; the server ignores them in manual mode
    low, high = THRESHOLD_RANGE
    if not (
        isinstance(turn.threshold, int | float) and math.isfinite(turn.threshold) and low <= turn.threshold <= high
    ):
        raise ConfigError(
            f"The speech detection threshold must be between {low:g} and {high:g}, not {turn.threshold}.",
            field="turn_detection.threshold",
        )
    low_ms, high_ms = SILENCE_RANGE_MS
    silence = turn.silence_duration_ms
    if isinstance(silence, bool) or not isinstance(silence, int) or not low_ms <= silence <= high_ms:
        raise ConfigError(
            f"The pause that ends a sentence must be between {low_ms} and {high_ms} ms, not {silence}.",
            field="turn_detection.silence_duration_ms",
        )


def _check_sample_rate(rate: int, model: ModelInfo, name: str) -> None:
    allowed = (INPUT_RATE, NARROWBAND_SAMPLE_RATE) if model.supports_sample_rate_8000 else (INPUT_RATE,)
    if rate not in allowed:
        spelled = " or ".join(f"{r} Hz" for r in allowed)
        raise ConfigError(f"{name} accepts {spelled} audio, not {rate} Hz.", field="input_sample_rate")


def _check_voice(config: SessionConfig, model: ModelInfo, catalog: Catalog, name: str) -> None:
    clone_voice = catalog.voice_clone_default_voice
    target = _language(catalog, config.target_language)
    speaking = model.voices_for(config.target_language)
    voice = config.voice
    if config.voice_clone in (VoiceClone.ONCE, VoiceClone.ALWAYS):
        if voice not in (None, clone_voice):
            raise ConfigError(
                f"Voice cloning '{config.voice_clone.value}' speaks in the speaker's own voice, so the voice must be "
                f"'{clone_voice}', not '{voice}'.",
                field="voice",
            )
        return
    if config.voice_clone is VoiceClone.NEVER:
        if voice is None or not voice.strip() or voice == clone_voice or model.voice(voice) is not None:
            shown = "nothing" if voice is None or not voice.strip() else f"'{voice}'"
            raise ConfigError(
                f"Voice cloning 'never' uses a voice you cloned earlier: enter its voice id (got {shown}; preset "
                f"voices and '{clone_voice}' do not count).",
                field="voice",
            )
        return
    if voice is None:
        if not speaking:
            raise ConfigError(f"No voice of {name} speaks {target}; turn voice output off.", field="voice")
        return
    known = model.voice(voice)
    if known is None:
        raise ConfigError(
            f"'{voice}' is not a voice of {name}; voices that speak {target}: {_names(speaking) or 'none'}.",
            field="voice",
        )
    if not known.speaks(config.target_language):
        raise ConfigError(
            f"The voice {voice} does not speak {target}; choose one that does: {_names(speaking) or 'none'}.",
            field="voice",
        )


def session_update_payload(config: SessionConfig, catalog: Catalog | None = None) -> dict[str, Any]:
    """The ``session`` object of ``session.update`` for a config that passed :func:`validate_config`.

    Always sets ``voice`` explicitly. Switches source transcription off with an explicit ``"model": null``
    (qwen3.5 transcribes by default, qwen3 only when a model is named) while still passing a chosen source
    language. Omits ``translation.corpus`` when there are no hot words, sends ``turn_detection: null`` for manual
    turns, and sends ``sample_rate`` only to models that take it.

    Raises:
        ConfigError: the model is not in the catalog (the config was not validated).
    """
    catalog = catalog or load_catalog()
    model = catalog.model(config.model)
    if model is None:
        raise ConfigError(f"'{config.model}' is not a LiveTranslate realtime model.", field="model")
    session: dict[str, Any] = {
        "modalities": ["text", "audio"] if config.audio_output else ["text"],
        "voice": resolve_voice(config, model, catalog),
        "input_audio_format": model.default_input_audio_format,
        "output_audio_format": model.default_output_audio_format,
    }
    # The catalog marks the model that has the sample_rate field (qwen3.5) by its 8 kHz support.
    if model.supports_sample_rate_8000:
        session["sample_rate"] = config.input_sample_rate
    # An explicit null model switches transcription off on both generations; the source language still goes along
    # because it tells the translator what it hears (qwen3 otherwise assumes English, spec §1.5).
    transcription: dict[str, Any] = {"model": catalog.asr_model if config.transcribe_source else None}
    if config.source_language is not None:
        transcription["language"] = config.source_language
    session["input_audio_transcription"] = transcription
    translation: dict[str, Any] = {"language": config.target_language}
    if config.hotwords:
        translation["corpus"] = {"phrases": dict(config.hotwords)}
    session["translation"] = translation
    turn = config.turn_detection
    session["turn_detection"] = (
        None
        if turn.mode == "manual"
        else {"type": "server_vad", "threshold": turn.threshold, "silence_duration_ms": turn.silence_duration_ms}
    )
    if config.voice_clone is not VoiceClone.OFF:
        session["enable_voice_clone"] = True
        session["voice_clone_options"] = {"frequency": config.voice_clone.value}
    return session
