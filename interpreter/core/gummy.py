"""Gummy (``gummy-realtime-v1``) catalog and per-second prices, as typed data (spec §7).

The data lives in ``interpreter/resources/catalog.json`` (key ``gummy``) and ``pricing.json`` (key ``per_second``);
both are read once. The protocol layer validates language pairs against :class:`GummyCatalog`; the emulator may read
the same catalog (core data is shared, encoders are not).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

GUMMY_MODEL = "gummy-realtime-v1"


@dataclass(frozen=True)
class GummyModel:
    """One Gummy model: where it is offered and what it accepts."""

    name: str
    label: str
    regions: frozenset[str]
    min_sample_rate: int
    one_sentence: bool


@dataclass(frozen=True)
class GummyCatalog:
    """Models, recognisable source languages and translation pairs of Gummy.

    Attributes:
        models: by name.
        asr_languages: codes ``source_language`` may name (None means automatic detection).
        pairs: source code -> target codes it translates into.
    """

    models: Mapping[str, GummyModel]
    asr_languages: frozenset[str]
    pairs: Mapping[str, frozenset[str]]

    def model(self, name: str) -> GummyModel | None:
        return self.models.get(name)

    def targets_for(self, source: str | None) -> frozenset[str]:
        """Targets reachable from ``source``; with automatic detection (None) every target of any pair."""
        if source is None:
            return frozenset().union(*self.pairs.values())
        return self.pairs.get(source, frozenset())

    def supports_pair(self, source: str | None, target: str) -> bool:
        return target in self.targets_for(source)


@dataclass(frozen=True)
class PerSecondRates:
    """Prices per second of audio, for recognition and for translation (billed separately, spec §7)."""

    currency: str
    transcription: Decimal
    translation: Decimal

    def cost(self, seconds: float, *, transcription: bool = True, translation: bool = True) -> Decimal:
        """Money for ``seconds`` of audio with the given parts switched on."""
        rate = (self.transcription if transcription else Decimal(0)) + (self.translation if translation else Decimal(0))
        return rate * Decimal(str(max(0.0, seconds)))


def _parse_catalog(raw: Mapping[str, Any]) -> GummyCatalog:
    models = {
        name: GummyModel(
            name=name,
            label=str(m["label"]),
            regions=frozenset(m["regions"]),
            min_sample_rate=int(m["min_sample_rate"]),
            one_sentence=bool(m["one_sentence"]),
        )
        for name, m in raw["models"].items()
    }
    pairs = {str(source): frozenset(targets) for source, targets in raw["translation_pairs"].items()}
    return GummyCatalog(models=models, asr_languages=frozenset(raw["asr_languages"]), pairs=pairs)


@cache
def load_gummy_catalog() -> GummyCatalog:
    """The packaged Gummy catalog (read once, then cached)."""
    text = resources.files("interpreter.resources").joinpath("catalog.json").read_text(encoding="utf-8")
    return _parse_catalog(json.loads(text)["gummy"])


@cache
def _per_second_table() -> Mapping[str, Any]:
    text = resources.files("interpreter.resources").joinpath("pricing.json").read_text(encoding="utf-8")
    table: Mapping[str, Any] = json.loads(text).get("per_second", {})
    return table


def per_second_rates(model: str, region: str) -> PerSecondRates | None:
    """The packaged per-second prices of ``model`` in ``region``, or None when it is not priced there."""
    table = _per_second_table().get(region)
    if not isinstance(table, Mapping):
        return None
    rates = table.get("models", {}).get(model)
    if not isinstance(rates, Mapping):
        return None
    return PerSecondRates(
        currency=str(table.get("currency", "")),
        transcription=Decimal(str(rates.get("transcription", 0))),
        translation=Decimal(str(rates.get("translation", 0))),
    )
