"""Qwen-MT models and their languages (spec §4.3-§4.5), read from the ``mt`` section of ``catalog.json``.

The API takes a language as its English name ("Chinese") or its code ("zh"); users type either, in any case. This
module resolves both to one :class:`MtLanguage` and refuses, locally and with a sentence naming what is supported, a
language the chosen model does not translate (qwen-mt-lite knows 31 languages, the others 92) — a refused request
would otherwise cost a round trip and come back as a bare "The currently set language is not supported!".

Pure: reads packaged data once (importlib.resources), no other I/O.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from interpreter.errors import ConfigError

__all__ = [
    "AUTO",
    "DEFAULT_MT_MODEL",
    "MT_MODELS",
    "MtLanguage",
    "MtModelInfo",
    "StreamingStyle",
    "is_mt_model",
    "mt_model",
    "mt_models",
    "resolve_language",
    "resolve_pair",
]

AUTO = "auto"
"""``source_lang`` value asking the service to detect the source language (spec §4.2)."""

DEFAULT_MT_MODEL = "qwen-mt-flash"
"""The default: the quality of the larger models at a fifteenth of qwen-mt-plus's price, streaming incrementally."""

MT_MODELS = ("qwen-mt-plus", "qwen-mt-flash", "qwen-mt-lite", "qwen-mt-turbo")


class StreamingStyle(StrEnum):
    """How a model streams (spec §4.3): every delta new text, or every chunk the whole translation so far."""

    INCREMENTAL = "incremental"
    CUMULATIVE = "cumulative"


@dataclass(frozen=True)
class MtLanguage:
    """A language as Qwen-MT names it: ``code`` ("zh_tw") and English ``name`` ("Traditional Chinese")."""

    code: str
    name: str


@dataclass(frozen=True)
class MtModelInfo:
    """One Qwen-MT model.

    Attributes:
        name: the model name; ``streaming``: its streaming style.
        quality, speed: relative ranks 1-3 for the model picker (3 = best / fastest).
        languages: every language it translates, in the catalog's order.
        requests_per_minute, tokens_per_minute: the documented limits (spec §4.5).
        max_input_tokens: the input limit, terms/tm_list/domains included (spec §4.2).
        max_output_tokens: the answer's ceiling.
    """

    name: str
    streaming: StreamingStyle
    quality: int
    speed: int
    languages: tuple[MtLanguage, ...]
    requests_per_minute: int
    tokens_per_minute: int
    max_input_tokens: int
    max_output_tokens: int

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(language.code for language in self.languages)

    def language(self, value: str) -> MtLanguage | None:
        """The language named by code or English name (case-insensitive; "zh-TW" = "zh_tw"), or None."""
        wanted = _fold(value)
        for language in self.languages:
            if _fold(language.code) == wanted or _fold(language.name) == wanted:
                return language
        return _ALIASES_BY_MODEL.get((self.name, wanted))


def _fold(value: str) -> str:
    return value.strip().casefold().replace("-", "_")


_ALIASES_BY_MODEL: dict[tuple[str, str], MtLanguage] = {}


def _read_section() -> dict[str, Any]:
    text = resources.files("interpreter.resources").joinpath("catalog.json").read_text(encoding="utf-8")
    section = json.loads(text)["mt"]
    assert isinstance(section, dict)
    return section


@cache
def mt_models() -> dict[str, MtModelInfo]:
    """Every Qwen-MT model by name."""
    section = _read_section()
    all_languages = tuple(MtLanguage(code, name) for code, name in section["languages"].items())
    lite_names: dict[str, str] = section.get("lite_names", {})
    lite = tuple(
        MtLanguage(code, lite_names.get(code, section["languages"][code])) for code in section["lite_languages"]
    )
    models: dict[str, MtModelInfo] = {}
    for name, raw in section["models"].items():
        languages = lite if raw["languages"] == "lite" else all_languages
        models[name] = MtModelInfo(
            name=name,
            streaming=StreamingStyle(raw["streaming"]),
            quality=int(raw["quality"]),
            speed=int(raw["speed"]),
            languages=languages,
            requests_per_minute=int(raw["requests_per_minute"]),
            tokens_per_minute=int(raw["tokens_per_minute"]),
            max_input_tokens=int(section["max_input_tokens"]),
            max_output_tokens=int(section["max_output_tokens"]),
        )
        if raw["languages"] == "lite":
            # lite's own name for a language ("Persian") and the full list's ("Western Persian") both work.
            for code in lite_names:
                _ALIASES_BY_MODEL[(name, _fold(section["languages"][code]))] = MtLanguage(code, lite_names[code])
    return models


def is_mt_model(name: str) -> bool:
    """True for a Qwen-MT model name or a dated snapshot of one (``qwen-mt-plus-2025-...``)."""
    return _base_name(name) in mt_models()


def _base_name(name: str) -> str:
    for model in MT_MODELS:
        if name == model or name.startswith(model + "-"):
            return model
    return name


def mt_model(name: str) -> MtModelInfo:
    """The model ``name`` (or a snapshot of it).

    Raises:
        ConfigError: not a Qwen-MT model; the sentence lists the models.
    """
    info = mt_models().get(_base_name(name))
    if info is None:
        raise ConfigError(f"{name!r} is not a Qwen-MT model; choose one of {', '.join(MT_MODELS)}.", field="model")
    return info


def resolve_language(value: str, model: str, *, role: str = "target", allow_auto: bool = False) -> MtLanguage:
    """The language ``value`` (code or English name) as ``model`` knows it.

    Args:
        value: "en", "English", "zh-TW", "traditional chinese"...
        model: the Qwen-MT model that will translate.
        role: "source" or "target", for the sentence.
        allow_auto: accept "auto" (source only) as ``MtLanguage("auto", "auto")``.

    Raises:
        ConfigError: the model does not translate that language; the sentence says how many it does and where
            to see them (the whole list would not fit one sentence for 92 languages, so it names a few).
    """
    info = mt_model(model)
    if allow_auto and _fold(value) == AUTO:
        return MtLanguage(AUTO, AUTO)
    found = info.language(value)
    if found is None:
        sample = ", ".join(f"{lang.name} ({lang.code})" for lang in info.languages[:8])
        direction = "from" if role == "source" else "into"
        larger = (
            ""
            if len(info.languages) == len(_largest_list())
            else (f"; qwen-mt-plus, -flash and -turbo know {len(_largest_list())}")
        )
        raise ConfigError(
            f"{info.name} cannot translate {direction} {value!r}; it supports {len(info.languages)} languages, "
            f"e.g. {sample}{larger}.",
            field=f"{role}_language",
        )
    return found


def _largest_list() -> tuple[MtLanguage, ...]:
    return max((info.languages for info in mt_models().values()), key=len)


def resolve_pair(source: str | None, target: str, model: str) -> tuple[MtLanguage, MtLanguage]:
    """``(source, target)`` for ``model``; a missing source is "auto".

    Raises:
        ConfigError: an unsupported language (see :func:`resolve_language`), or the same language on both sides.
    """
    resolved_target = resolve_language(target, model, role="target")
    resolved_source = resolve_language(source or AUTO, model, role="source", allow_auto=True)
    if resolved_source.code == resolved_target.code:
        raise ConfigError(
            f"The text is already in {resolved_target.name}; choose a different target language.",
            field="target_language",
        )
    return resolved_source, resolved_target
