"""Language, model and voice catalogs for the LiveTranslate realtime models.

The data lives in ``interpreter/resources/catalog.json`` (one place); this module gives it types.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

#: The realtime model of new settings, of ``SessionConfig()`` and of the ``live`` command without ``--model``: the
#: newer model (60 languages, cheaper audio input). A model saved in the user's settings is kept.
DEFAULT_MODEL = "qwen3.5-livetranslate-flash-realtime"
#: The UI languages the app ships, as the settings store them: "system" follows the OS locale (a Chinese desktop
#: starts in Chinese); the others pin a language.
UiLanguage = Literal["system", "en", "zh_CN"]
#: The UI language whose names are the catalog's own ``languages`` map (the source language of the UI).
SOURCE_UI_LANGUAGE = "en"
#: Prefix of the catalog keys holding the language names of one UI translation ("language_names_zh_CN").
_LOCALIZED_NAMES_PREFIX = "language_names_"


@dataclass(frozen=True)
class Language:
    code: str
    name: str


@dataclass(frozen=True)
class Voice:
    name: str
    description: str
    languages: frozenset[str]

    def speaks(self, language: str) -> bool:
        return language in self.languages


@dataclass(frozen=True)
class ModelInfo:
    """What one realtime model supports and what it costs."""

    name: str
    label: str
    default_voice: str
    languages: tuple[str, ...]
    audio_output_languages: frozenset[str]
    voices: tuple[Voice, ...]
    input_audio_tokens_per_second: float
    output_audio_tokens_per_second: float
    image_token_patch_px: int
    image_tokens_per_patch: float
    supports_sample_rate_8000: bool
    default_input_audio_format: str
    default_output_audio_format: str
    transcription_on_by_default: bool

    def supports_language(self, code: str) -> bool:
        return code in self.languages

    def has_audio_output(self, code: str) -> bool:
        return code in self.audio_output_languages

    def voice(self, name: str) -> Voice | None:
        return next((v for v in self.voices if v.name == name), None)

    def voices_for(self, language: str) -> tuple[Voice, ...]:
        return tuple(v for v in self.voices if v.speaks(language))

    def image_tokens(self, width: int, height: int) -> int:
        """Tokens billed for one image frame (spec §1.11: 0.5 token per patch of patch_px × patch_px)."""
        patches = -(-width // self.image_token_patch_px) * -(-height // self.image_token_patch_px)
        return round(patches * self.image_tokens_per_patch)


@dataclass(frozen=True)
class Catalog:
    """The packaged catalog.

    Attributes:
        languages: every language code the models know, with its English name.
        models: realtime models by name.
        asr_model: the transcription model the realtime models use.
        voice_clone_default_voice: the voice value that asks for cloning.
        localized_names: per UI language (e.g. "zh_CN"), the name of every code of ``languages`` in that language.
    """

    languages: dict[str, Language]
    models: dict[str, ModelInfo]
    asr_model: str
    voice_clone_default_voice: str
    localized_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def model(self, name: str) -> ModelInfo | None:
        return self.models.get(name)

    def language_name(self, code: str, ui_language: str = SOURCE_UI_LANGUAGE) -> str:
        """The name of language ``code`` as the UI in ``ui_language`` shows it.

        Args:
            code: a language code ("de", "yue").
            ui_language: the UI language ("en", "zh_CN"). A UI language without its own names, or a code it does
                not name, falls back to the English name, so a picker never shows a blank entry.

        Returns:
            The localized name, else the English name, else ``code`` itself (an unknown code from old settings).
        """
        localized = self.localized_names.get(ui_language, {}).get(code)
        if localized:
            return localized
        lang = self.languages.get(code)
        return lang.name if lang else code

    def ui_languages(self) -> tuple[str, ...]:
        """The UI languages with their own language names, the English source first."""
        return (SOURCE_UI_LANGUAGE, *sorted(self.localized_names))


def _parse(raw: dict) -> Catalog:  # type: ignore[type-arg]
    languages = {code: Language(code, name) for code, name in raw["languages"].items()}
    models: dict[str, ModelInfo] = {}
    for name, m in raw["models"].items():
        audio_langs = frozenset(m["audio_output_languages"])
        voices = tuple(
            Voice(
                name=v["name"],
                description=v["description"],
                # "audio_output_languages" is shorthand for "every language this model can speak".
                languages=audio_langs if v["languages"] == "audio_output_languages" else frozenset(v["languages"]),
            )
            for v in m["voices"]
        )
        models[name] = ModelInfo(
            name=name,
            label=m["label"],
            default_voice=m["default_voice"],
            languages=tuple(m["languages"]),
            audio_output_languages=audio_langs,
            voices=voices,
            input_audio_tokens_per_second=float(m["input_audio_tokens_per_second"]),
            output_audio_tokens_per_second=float(m["output_audio_tokens_per_second"]),
            image_token_patch_px=int(m["image_token_patch_px"]),
            image_tokens_per_patch=float(m["image_tokens_per_patch"]),
            supports_sample_rate_8000=bool(m["supports_sample_rate_8000"]),
            default_input_audio_format=m["default_input_audio_format"],
            default_output_audio_format=m["default_output_audio_format"],
            transcription_on_by_default=bool(m["transcription_on_by_default"]),
        )
    localized_names = {
        key.removeprefix(_LOCALIZED_NAMES_PREFIX): dict(names)
        for key, names in raw.items()
        if key.startswith(_LOCALIZED_NAMES_PREFIX)
    }
    return Catalog(
        languages=languages,
        models=models,
        asr_model=raw["asr_model"],
        voice_clone_default_voice=raw["voice_clone_default_voice"],
        localized_names=localized_names,
    )


@cache
def load_catalog() -> Catalog:
    """The packaged catalog (read once, then cached)."""
    text = resources.files("interpreter.resources").joinpath("catalog.json").read_text(encoding="utf-8")
    return _parse(json.loads(text))
