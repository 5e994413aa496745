"""The file-translation models (``file_models`` of ``interpreter/resources/catalog.json``, spec §3), with types.

Their languages and voices are those of the realtime model named by ``languages_from`` (spec §1.9/§1.10: the qwen3
file model shares the qwen3 realtime lists), read through :mod:`interpreter.core.catalog` so the data has one source.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from interpreter.core.catalog import ModelInfo, load_catalog
from interpreter.emulator.http.ratelimit import ModelLimits


@dataclass(frozen=True)
class FileModel:
    """One file-translation model.

    Attributes:
        name: the model name; ``snapshots``: dated names answering the same way.
        languages: accepted ``source_lang`` / ``target_lang`` codes; ``audio_output_languages``: targets with speech.
        voices: accepted ``audio.voice`` names; ``default_voice``: used when ``audio.voice`` is absent.
        input_audio_tokens_per_second / output_audio_tokens_per_second: billing rates (spec §3: 12.5 each).
        max_output_tokens: the answer's token ceiling (``max_tokens`` may only lower it).
        limits: requests and tokens per minute (spec §8.3).
    """

    name: str
    snapshots: tuple[str, ...]
    languages: frozenset[str]
    audio_output_languages: frozenset[str]
    voices: frozenset[str]
    default_voice: str
    input_audio_tokens_per_second: float
    output_audio_tokens_per_second: float
    max_output_tokens: int
    limits: ModelLimits


def _file_model(name: str, raw: dict[str, object], base: ModelInfo) -> FileModel:
    return FileModel(
        name=name,
        snapshots=tuple(str(s) for s in raw["snapshots"]),  # type: ignore[attr-defined]
        languages=frozenset(base.languages),
        audio_output_languages=base.audio_output_languages,
        voices=frozenset(v.name for v in base.voices),
        default_voice=str(raw["default_voice"]),
        input_audio_tokens_per_second=float(raw["input_audio_tokens_per_second"]),  # type: ignore[arg-type]
        output_audio_tokens_per_second=float(raw["output_audio_tokens_per_second"]),  # type: ignore[arg-type]
        max_output_tokens=int(raw["max_output_tokens"]),  # type: ignore[call-overload]
        limits=ModelLimits(
            requests_per_minute=int(raw["requests_per_minute"]),  # type: ignore[call-overload]
            tokens_per_minute=int(raw["tokens_per_minute"]),  # type: ignore[call-overload]
        ),
    )


@cache
def file_models() -> dict[str, FileModel]:
    """Every file-translation model by every name it answers to (its name and its dated snapshots)."""
    text = resources.files("interpreter.resources").joinpath("catalog.json").read_text(encoding="utf-8")
    section = json.loads(text).get("file_models", {})
    catalog = load_catalog()
    by_name: dict[str, FileModel] = {}
    for name, raw in section.items():
        if name.startswith("_"):
            continue  # "_comment"
        base = catalog.model(raw["languages_from"])
        if base is None:
            unknown = raw["languages_from"]
            raise ValueError(f"catalog.json: file model {name} takes its languages from unknown model {unknown}")
        model = _file_model(name, raw, base)
        for alias in (name, *model.snapshots):
            by_name[alias] = model
    return by_name
