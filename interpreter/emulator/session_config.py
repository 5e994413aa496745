"""The server's view of a LiveTranslate session configuration: defaults, ``session.update`` merge + validation, and
the ``session`` object of ``session.created`` / ``session.updated`` (spec §1.5, §1.6, §9.2-3).

Merge policy (spec §1.5 "Emulator policy"): top-level keys replace the current value; ``null`` for ``voice`` (and for
``sample_rate``, formats, ``enable_voice_clone``) keeps the current value, as the official SDK sends ``voice: null``
when the caller chose none; unknown keys are ignored and not echoed. ``input_audio_transcription`` and
``turn_detection`` set to ``null`` switch ASR off / select Manual mode; inside ``input_audio_transcription`` a missing
``model`` keeps the current one and ``model: null`` switches ASR off (zh page). A rejected update changes nothing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from interpreter.core.catalog import Catalog, ModelInfo

# Accepted format strings: spec §1.5 [!] — the zh page, the en page and the SDK each use different spellings.
INPUT_AUDIO_FORMATS = ("pcm", "pcm16", "opus")
OUTPUT_AUDIO_FORMATS = ("pcm", "pcm24", "pcm16")
SAMPLE_RATES = (8000, 16000)
CLONE_FREQUENCIES = ("never", "once", "always")
# Documented ranges of the VAD settings (spec §1.5).
THRESHOLD_RANGE = (-1.0, 1.0)
SILENCE_DURATION_RANGE_MS = (200, 6000)
# Not documented; bounded so a typo (e.g. seconds given as ms * 1000) is caught instead of buffering minutes.
PREFIX_PADDING_RANGE_MS = (0, 5000)


class SessionUpdateError(Exception):
    """An invalid ``session.update``; becomes an ``error`` event (type ``invalid_request_error``)."""

    def __init__(self, message: str, *, param: str, code: str = "invalid_value") -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.code = code


@dataclass(frozen=True)
class TurnDetection:
    """Server VAD settings (``turn_detection`` object); its absence means Manual mode."""

    threshold: float = 0.2
    prefix_padding_ms: int = 300
    silence_duration_ms: int = 1000
    create_response: bool = True
    interrupt_response: bool = True


@dataclass(frozen=True)
class SessionSettings:
    """Effective configuration of one realtime session."""

    session_id: str
    model: ModelInfo
    modalities: tuple[str, ...]
    voice: str
    sample_rate: int
    input_audio_format: str
    output_audio_format: str
    transcription_model: str | None
    transcription_language: str | None
    turn_detection: TurnDetection | None
    target_language: str
    phrases: dict[str, str] = field(default_factory=dict)
    same_language_skip: dict[str, bool] | None = None
    enable_voice_clone: bool = False
    clone_frequency: str = "once"

    @property
    def audio_output(self) -> bool:
        """True when responses carry audio: audio modality and a target language the model can speak."""
        return "audio" in self.modalities and self.model.has_audio_output(self.target_language)

    @property
    def manual_mode(self) -> bool:
        return self.turn_detection is None


def default_settings(session_id: str, model: ModelInfo, catalog: Catalog) -> SessionSettings:
    """What ``session.created`` reports before the client configures anything (spec §9.2)."""
    return SessionSettings(
        session_id=session_id,
        model=model,
        modalities=("text", "audio"),
        voice=model.default_voice,
        sample_rate=16000,
        input_audio_format=model.default_input_audio_format,
        output_audio_format=model.default_output_audio_format,
        transcription_model=catalog.asr_model if model.transcription_on_by_default else None,
        # en page: qwen3 source language defaults to English; zh page: qwen3.5 auto-detects when unset.
        transcription_language=None if model.transcription_on_by_default else "en",
        turn_detection=TurnDetection(),
        target_language="en",
    )


def render_session(settings: SessionSettings) -> dict[str, Any]:
    """The ``session`` object of ``session.created``/``session.updated`` with the field presence rules of §1.6."""
    session: dict[str, Any] = {
        "id": settings.session_id,
        "object": "realtime.session",
        "model": settings.model.name,
        "modalities": list(settings.modalities),
        "voice": settings.voice,
        "sample_rate": settings.sample_rate,
        "input_audio_format": settings.input_audio_format,
        "output_audio_format": settings.output_audio_format,
    }
    if settings.transcription_model is not None:
        transcription: dict[str, Any] = {"model": settings.transcription_model}
        if settings.transcription_language is not None:
            transcription["language"] = settings.transcription_language
        session["input_audio_transcription"] = transcription
    if settings.turn_detection is not None:
        td = settings.turn_detection
        session["turn_detection"] = {
            "type": "server_vad",
            "threshold": td.threshold,
            "prefix_padding_ms": td.prefix_padding_ms,
            "silence_duration_ms": td.silence_duration_ms,
            "create_response": td.create_response,
            "interrupt_response": td.interrupt_response,
        }
    translation: dict[str, Any] = {"language": settings.target_language}
    if settings.phrases:
        translation["corpus"] = {"phrases": dict(settings.phrases)}
    if settings.same_language_skip is not None:
        translation["same_language_skip_options"] = dict(settings.same_language_skip)
    session["translation"] = translation
    if settings.enable_voice_clone:
        session["enable_voice_clone"] = True
        session["voice_clone_options"] = {"frequency": settings.clone_frequency}
    return session


def apply_update(current: SessionSettings, update: Any, catalog: Catalog) -> SessionSettings:
    """Merge one ``session.update`` ``session`` object into ``current`` and validate the result.

    Raises:
        SessionUpdateError: the first invalid field found (message, ``param`` path, ``code``).
    """
    if not isinstance(update, dict):
        raise SessionUpdateError("The session field must be an object.", param="session")
    model = current.model
    changes: dict[str, Any] = {}
    if "modalities" in update:
        changes["modalities"] = _modalities(update["modalities"])
    for key, allowed in (("input_audio_format", INPUT_AUDIO_FORMATS), ("output_audio_format", OUTPUT_AUDIO_FORMATS)):
        value = update.get(key)
        if value is not None:
            if value not in allowed:
                raise SessionUpdateError(
                    f"Invalid {key}: {value!r}. Supported values are: {_quoted(allowed)}.", param=f"session.{key}"
                )
            changes[key] = value
    if update.get("sample_rate") is not None:
        changes["sample_rate"] = _sample_rate(update["sample_rate"], model)
    if "input_audio_transcription" in update:
        changes.update(_transcription(update["input_audio_transcription"], current, catalog))
    if "turn_detection" in update:
        changes["turn_detection"] = _turn_detection(update["turn_detection"], current.turn_detection)
    if "translation" in update:
        changes.update(_translation(update["translation"], current))
    changes.update(_voice_and_clone(update, current, catalog))
    return dataclasses.replace(current, **changes)


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _modalities(value: Any) -> tuple[str, ...]:
    # Message text verbatim from the service's documented error example (spec §1.6).
    valid = isinstance(value, list) and all(isinstance(m, str) for m in value) and len(value) == len(set(value))
    if valid and sorted(value) in (["text"], ["audio", "text"]):
        return ("text",) if value == ["text"] else ("text", "audio")
    raise SessionUpdateError(
        f"Invalid modalities: {value!r}. Supported combinations are: ['text'] and ['audio', 'text'].",
        param="session.modalities",
    )


def _sample_rate(value: Any, model: ModelInfo) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in SAMPLE_RATES:
        raise SessionUpdateError(
            f"Invalid sample_rate: {value!r}. Supported values are: 8000, 16000.", param="session.sample_rate"
        )
    if value == 8000 and not model.supports_sample_rate_8000:
        raise SessionUpdateError(
            f"The model {model.name} supports only sample_rate 16000.", param="session.sample_rate"
        )
    return value


def _language(value: Any, model: ModelInfo, param: str) -> str:
    if not isinstance(value, str) or not model.supports_language(value):
        raise SessionUpdateError(f"The language {value!r} is not supported by the model {model.name}.", param=param)
    return value


def _transcription(value: Any, current: SessionSettings, catalog: Catalog) -> dict[str, Any]:
    if value is None:
        return {"transcription_model": None}
    if not isinstance(value, dict):
        raise SessionUpdateError(
            "input_audio_transcription must be an object or null.", param="session.input_audio_transcription"
        )
    changes: dict[str, Any] = {}
    if "model" in value:
        asr_model = value["model"]
        if asr_model is not None and asr_model != catalog.asr_model:
            raise SessionUpdateError(
                f"The transcription model {asr_model!r} is not supported; use '{catalog.asr_model}'.",
                param="session.input_audio_transcription.model",
            )
        changes["transcription_model"] = asr_model
    if value.get("language") is not None:
        changes["transcription_language"] = _language(
            value["language"], current.model, "session.input_audio_transcription.language"
        )
    return changes


def _number_in(value: Any, bounds: tuple[float, float], *, integer: bool, param: str, name: str) -> Any:
    kinds: tuple[type, ...] = (int,) if integer else (int, float)
    number_ok = not isinstance(value, bool) and isinstance(value, kinds)
    if not number_ok or not bounds[0] <= float(value) <= bounds[1]:
        low, high = bounds
        raise SessionUpdateError(f"Invalid {name}: {value!r}. It must be between {low} and {high}.", param=param)
    return value


def _turn_detection(value: Any, current: TurnDetection | None) -> TurnDetection | None:
    if value is None:
        return None
    param = "session.turn_detection"
    if not isinstance(value, dict):
        raise SessionUpdateError("turn_detection must be an object or null.", param=param)
    kind = value.get("type", "server_vad")
    if kind != "server_vad":
        raise SessionUpdateError(
            f"Invalid turn_detection type: {kind!r}. Supported values are: 'server_vad'.", param=f"{param}.type"
        )
    base = current or TurnDetection()
    changes: dict[str, Any] = {}
    if value.get("threshold") is not None:
        changes["threshold"] = float(
            _number_in(value["threshold"], THRESHOLD_RANGE, integer=False, param=f"{param}.threshold", name="threshold")
        )
    for key, bounds in (
        ("silence_duration_ms", SILENCE_DURATION_RANGE_MS),
        ("prefix_padding_ms", PREFIX_PADDING_RANGE_MS),
    ):
        if value.get(key) is not None:
            changes[key] = _number_in(value[key], bounds, integer=True, param=f"{param}.{key}", name=key)
    for key in ("create_response", "interrupt_response"):
        if value.get(key) is not None:
            if not isinstance(value[key], bool):
                raise SessionUpdateError(f"{key} must be true or false.", param=f"{param}.{key}")
            changes[key] = value[key]
    return dataclasses.replace(base, **changes)


def _translation(value: Any, current: SessionSettings) -> dict[str, Any]:
    param = "session.translation"
    if not isinstance(value, dict):
        raise SessionUpdateError("translation must be an object.", param=param)
    changes: dict[str, Any] = {"phrases": {}, "same_language_skip": None}
    if value.get("language") is not None:
        changes["target_language"] = _language(value["language"], current.model, f"{param}.language")
    corpus = value.get("corpus")
    if corpus is not None:
        phrases = corpus.get("phrases") if isinstance(corpus, dict) else corpus
        if phrases is not None:
            valid = isinstance(phrases, dict) and all(
                isinstance(k, str) and k and isinstance(v, str) for k, v in phrases.items()
            )
            if not valid:
                raise SessionUpdateError(
                    "corpus.phrases must map source terms to target terms (strings).", param=f"{param}.corpus.phrases"
                )
            changes["phrases"] = dict(phrases)
    skip = value.get("same_language_skip_options")
    if skip is not None:
        if not isinstance(skip, dict) or not all(isinstance(v, bool) for v in skip.values()):
            raise SessionUpdateError(
                "same_language_skip_options must be an object of true/false flags.",
                param=f"{param}.same_language_skip_options",
            )
        changes["same_language_skip"] = {k: skip[k] for k in ("skip_text", "skip_audio") if k in skip}
    return changes


def _voice_and_clone(update: dict[str, Any], current: SessionSettings, catalog: Catalog) -> dict[str, Any]:
    """Voice and voice-clone rules (spec §1.5): a preset without cloning, "default" with frequency once/always,
    a cloned voice id with frequency never."""
    changes: dict[str, Any] = {}
    clone = current.enable_voice_clone
    if update.get("enable_voice_clone") is not None:
        if not isinstance(update["enable_voice_clone"], bool):
            raise SessionUpdateError("enable_voice_clone must be true or false.", param="session.enable_voice_clone")
        clone = update["enable_voice_clone"]
    frequency = current.clone_frequency
    options = update.get("voice_clone_options")
    if options is not None:
        if not isinstance(options, dict):
            raise SessionUpdateError("voice_clone_options must be an object.", param="session.voice_clone_options")
        if options.get("frequency") is not None:
            frequency = options["frequency"]
            if frequency not in CLONE_FREQUENCIES:
                raise SessionUpdateError(
                    f"Invalid frequency: {frequency!r}. Supported values are: {_quoted(CLONE_FREQUENCIES)}.",
                    param="session.voice_clone_options.frequency",
                )
    voice = current.voice
    explicit_voice = update.get("voice")
    if explicit_voice is not None:
        if not isinstance(explicit_voice, str) or not explicit_voice:
            raise SessionUpdateError(f"The requested voice '{explicit_voice}' is not supported.", param="session.voice")
        voice = explicit_voice
    default_clone_voice = catalog.voice_clone_default_voice
    if clone and frequency in ("once", "always"):
        if explicit_voice is None:
            voice = default_clone_voice  # cloning chosen without naming a voice: the only valid value
        elif voice != default_clone_voice:
            raise SessionUpdateError(
                f"With voice cloning (frequency '{frequency}') the voice must be '{default_clone_voice}', "
                f"not '{voice}'.",
                param="session.voice",
            )
    elif clone:  # frequency "never": a voice cloned earlier, referenced by its id
        if voice == default_clone_voice or current.model.voice(voice) is not None:
            raise SessionUpdateError(
                "With voice cloning frequency 'never' the voice must be the id of a voice you cloned before.",
                param="session.voice",
            )
    else:
        if explicit_voice is None and current.model.voice(voice) is None:
            voice = current.model.default_voice  # cloning switched off: fall back from "default"/an id
        elif current.model.voice(voice) is None:
            raise SessionUpdateError(f"The requested voice '{voice}' is not supported.", param="session.voice")
    changes.update(voice=voice, enable_voice_clone=clone, clone_frequency=frequency)
    return changes
