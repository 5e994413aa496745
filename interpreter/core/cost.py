"""Token usage → estimated money, per model and region, plus a running session total.

Prices are data (``interpreter/resources/pricing.json``): per-million-token rates for each kind of token, per region
(Singapore bills in USD, Beijing in CNY). The shipped numbers are illustrative placeholders; the user can override
them (the store layer reads a user file and passes it to :meth:`Pricing.merged`). Estimates are never a bill: the
service's own console is the truth, and this module exists so the user sees cost grow *during* a session instead of
after it.

Money is :class:`decimal.Decimal` so that adding thousands of tiny per-response amounts does not drift.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any, Protocol

from interpreter.core import file_limits
from interpreter.core.catalog import ModelInfo

#: Rates in pricing.json are per this many tokens (the unit every price list uses).
TOKENS_PER_RATE_UNIT = 1_000_000


class TokenKind(StrEnum):
    """The token classes the service bills differently (keys of pricing.json model entries)."""

    INPUT_TEXT = "input_text"
    INPUT_AUDIO = "input_audio"
    INPUT_IMAGE = "input_image"
    OUTPUT_TEXT = "output_text"
    OUTPUT_AUDIO = "output_audio"


class UsageLike(Protocol):
    """Anything with the token counts of a ``response.done`` usage (``protocol.events.Usage`` fits)."""

    @property
    def input_tokens(self) -> int: ...
    @property
    def output_tokens(self) -> int: ...
    @property
    def input_text_tokens(self) -> int: ...
    @property
    def input_audio_tokens(self) -> int: ...
    @property
    def input_image_tokens(self) -> int: ...
    @property
    def output_text_tokens(self) -> int: ...
    @property
    def output_audio_tokens(self) -> int: ...


def _int(value: Any) -> int:
    # The service sends null for absent details (compat mode: "video_tokens": null); treat as 0, never crash.
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True, slots=True)
class TokenCounts:
    """Tokens by billing class. Input/output tokens the service did not itemise are counted as text tokens (the
    cheapest class, so an estimate errs low rather than inventing audio)."""

    input_text: int = 0
    input_audio: int = 0
    input_image: int = 0
    output_text: int = 0
    output_audio: int = 0

    @classmethod
    def from_usage(cls, usage: UsageLike) -> TokenCounts:
        """Counts from a typed usage object (the realtime ``response.done`` usage)."""
        return cls._itemised(
            usage.input_tokens,
            usage.output_tokens,
            input_text=usage.input_text_tokens,
            input_audio=usage.input_audio_tokens,
            input_image=usage.input_image_tokens,
            output_text=usage.output_text_tokens,
            output_audio=usage.output_audio_tokens,
        )

    @classmethod
    def from_json(cls, usage: Mapping[str, Any]) -> TokenCounts:
        """Counts from a raw usage object in any of the service's shapes.

        Accepts the realtime/native shape (``input_tokens`` + ``input_tokens_details``, ``image_tokens`` at top
        level in OCR) and the OpenAI-compatible shape (``prompt_tokens`` + ``prompt_tokens_details``).
        """
        in_details = usage.get("input_tokens_details") or usage.get("prompt_tokens_details") or {}
        out_details = usage.get("output_tokens_details") or usage.get("completion_tokens_details") or {}
        total_in = usage.get("input_tokens", usage.get("prompt_tokens"))
        total_out = usage.get("output_tokens", usage.get("completion_tokens"))
        image = in_details.get("image_tokens", usage.get("image_tokens")) or 0
        video = in_details.get("video_tokens") or 0  # billed like image tokens
        return cls._itemised(
            _int(total_in),
            _int(total_out),
            input_text=_int(in_details.get("text_tokens")),
            input_audio=_int(in_details.get("audio_tokens")),
            input_image=_int(image) + _int(video),
            output_text=_int(out_details.get("text_tokens")),
            output_audio=_int(out_details.get("audio_tokens")),
        )

    @classmethod
    def _itemised(
        cls,
        total_in: int,
        total_out: int,
        *,
        input_text: int,
        input_audio: int,
        input_image: int,
        output_text: int,
        output_audio: int,
    ) -> TokenCounts:
        unattributed_in = max(0, total_in - (input_text + input_audio + input_image))
        unattributed_out = max(0, total_out - (output_text + output_audio))
        return cls(
            input_text=input_text + unattributed_in,
            input_audio=input_audio,
            input_image=input_image,
            output_text=output_text + unattributed_out,
            output_audio=output_audio,
        )

    @property
    def input_total(self) -> int:
        return self.input_text + self.input_audio + self.input_image

    @property
    def output_total(self) -> int:
        return self.output_text + self.output_audio

    @property
    def total(self) -> int:
        return self.input_total + self.output_total

    def of(self, kind: TokenKind) -> int:
        """Count of one billing class."""
        return int(getattr(self, kind.value))

    def __add__(self, other: TokenCounts) -> TokenCounts:
        return TokenCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True, slots=True)
class ModelRates:
    """Price per :data:`TOKENS_PER_RATE_UNIT` tokens of each class, in ``currency``."""

    currency: str
    per_million: Mapping[TokenKind, Decimal]

    def cost(self, tokens: TokenCounts) -> Decimal:
        """Money for ``tokens`` at these rates (classes without a rate cost nothing)."""
        amount = sum(
            (Decimal(tokens.of(kind)) * rate for kind, rate in self.per_million.items()),
            start=Decimal(0),
        )
        return amount / TOKENS_PER_RATE_UNIT


@dataclass(frozen=True, slots=True)
class Estimate:
    """An estimated amount; ``priced`` is False when no rate was known for the model (amount is then 0)."""

    amount: Decimal
    currency: str
    tokens: TokenCounts
    priced: bool = True

    def format(self) -> str:
        """Human text such as ``0.0123 USD`` or ``price unknown`` (four decimals: a segment costs fractions of a
        cent, and two decimals would show 0.00 for most of a session)."""
        if not self.priced:
            return "price unknown"
        return f"{self.amount.quantize(Decimal('0.0001'))} {self.currency}"


class Pricing:
    """Per-region price tables. Build with :func:`load_pricing` (packaged data) and :meth:`merged` (user overrides).

    Raises:
        ValueError: the data is malformed (not the documented shape, or a negative/non-numeric rate).
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = _validated(data)
        self._rates: dict[tuple[str, str], ModelRates] = {}
        for region, table in self._data["regions"].items():
            currency = str(table["currency"])
            for model, rates in table["models"].items():
                self._rates[(region, model)] = ModelRates(
                    currency, {TokenKind(k): Decimal(str(v)) for k, v in rates.items()}
                )

    def regions(self) -> tuple[str, ...]:
        return tuple(self._data["regions"])

    def rates(self, model: str, region: str) -> ModelRates | None:
        """Rates for a model in a region, or None when the table does not price it."""
        return self._rates.get((region, model))

    def estimate(self, tokens: TokenCounts, model: str, region: str) -> Estimate:
        """Money for ``tokens`` on ``model`` in ``region`` (unpriced → amount 0, ``priced`` False)."""
        rates = self.rates(model, region)
        if rates is None:
            return Estimate(Decimal(0), "", tokens, priced=False)
        return Estimate(rates.cost(tokens), rates.currency, tokens)

    def merged(self, overrides: Mapping[str, Any]) -> Pricing:
        """A new table with ``overrides`` (same shape as pricing.json, any subset) laid over this one.

        Rates are replaced per token class, so a user can override one number without restating the rest.
        """
        merged: dict[str, Any] = json.loads(json.dumps(self._data))
        for region, table in dict(overrides.get("regions") or {}).items():
            target = merged["regions"].setdefault(region, {"currency": table.get("currency", ""), "models": {}})
            if "currency" in table:
                target["currency"] = table["currency"]
            for model, rates in dict(table.get("models") or {}).items():
                target["models"].setdefault(model, {}).update(rates)
        return Pricing(merged)


def _validated(data: Mapping[str, Any]) -> dict[str, Any]:
    regions = data.get("regions")
    if not isinstance(regions, Mapping):
        raise ValueError("pricing data needs a 'regions' object")
    clean: dict[str, Any] = {"regions": {}}
    valid_kinds = {k.value for k in TokenKind}
    for region, table in regions.items():
        if not isinstance(table, Mapping) or not isinstance(table.get("models"), Mapping):
            raise ValueError(f"pricing for region {region!r} needs 'currency' and a 'models' object")
        models: dict[str, dict[str, float]] = {}
        for model, rates in table["models"].items():
            if not isinstance(rates, Mapping):
                raise ValueError(f"rates for {model!r} in {region!r} must be an object")
            unknown = set(rates) - valid_kinds
            if unknown:
                raise ValueError(f"unknown token classes for {model!r} in {region!r}: {sorted(unknown)}")
            for kind, value in rates.items():
                if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                    raise ValueError(f"rate {kind} for {model!r} in {region!r} must be a number >= 0, got {value!r}")
            models[str(model)] = {str(k): float(v) for k, v in rates.items()}
        clean["regions"][str(region)] = {"currency": str(table.get("currency", "")), "models": models}
    return clean


@cache
def load_pricing() -> Pricing:
    """The packaged placeholder price table (read once, then cached)."""
    text = resources.files("interpreter.resources").joinpath("pricing.json").read_text(encoding="utf-8")
    return Pricing(json.loads(text))


def estimate_live_seconds(
    seconds: float,
    model: ModelInfo,
    region: str,
    *,
    audio_output: bool = True,
    pricing: Pricing | None = None,
) -> Estimate:
    """A before-you-start estimate for ``seconds`` of live speech on ``model``.

    Assumes the translated speech lasts about as long as the source (true to within tens of percent for speech) and
    ignores text tokens, which are a small fraction of audio tokens. Image frames are not included.
    """
    seconds = max(0.0, seconds)
    tokens = TokenCounts(
        input_audio=round(seconds * model.input_audio_tokens_per_second),
        output_audio=round(seconds * model.output_audio_tokens_per_second) if audio_output else 0,
    )
    return (pricing or load_pricing()).estimate(tokens, model.name, region)


@dataclass
class CostMeter:
    """Running token and money total for one session (one model, one region).

    Not thread-safe: feed it from the event-loop thread.
    """

    model: str
    region: str
    pricing: Pricing = field(default_factory=load_pricing)
    tokens: TokenCounts = field(default_factory=TokenCounts)
    responses: int = 0

    def add(self, usage: UsageLike | Mapping[str, Any]) -> Estimate:
        """Count one response's usage (typed or raw JSON) and return the estimate for just that response."""
        counts = TokenCounts.from_json(usage) if isinstance(usage, Mapping) else TokenCounts.from_usage(usage)
        self.tokens = self.tokens + counts
        self.responses += 1
        return self.pricing.estimate(counts, self.model, self.region)

    @property
    def total(self) -> Estimate:
        """The session so far."""
        return self.pricing.estimate(self.tokens, self.model, self.region)


# ------------------------------------------------------------------------------------------ file translation (spec §3)

#: Translated text tokens per second of speech: people speak ~2.5 words/s and a word is ~1.3 tokens. Only an
#: estimate (the service reports the real count), but it keeps a text-only job from being estimated at zero output.
FILE_TEXT_TOKENS_PER_SECOND = 3.0


def file_translation_tokens(
    segment_seconds: Sequence[float],
    *,
    audio_output: bool,
    video_size: tuple[int, int] | None = None,
) -> TokenCounts:
    """Tokens a file-translation job is expected to use: one request per segment.

    Args:
        segment_seconds: the duration of each planned segment (each request is billed on its own, so per-segment
            rounding matters for many short segments).
        audio_output: translated speech requested (else text only).
        video_size: ``(width, height)`` of the video clips sent, None for audio inputs.

    The translated speech is assumed to last as long as the source (true within tens of percent for speech).
    Billing rules (12.5 audio tokens/s, under 1 s billed as 1 s, the video-token formula) are those of
    :mod:`interpreter.core.file_limits`.
    """
    counts = TokenCounts()
    for seconds in segment_seconds:
        seconds = max(0.0, seconds)
        counts = counts + TokenCounts(
            input_audio=file_limits.audio_tokens(seconds),
            input_image=(
                file_limits.estimate_video_tokens(file_limits.video_frames(seconds), *video_size) if video_size else 0
            ),
            output_text=math.ceil(seconds * FILE_TEXT_TOKENS_PER_SECOND),
            output_audio=file_limits.audio_tokens(seconds) if audio_output else 0,
        )
    return counts


def estimate_file_translation(
    segment_seconds: Sequence[float],
    *,
    region: str,
    audio_output: bool,
    video_size: tuple[int, int] | None = None,
    model: str = "qwen3-livetranslate-flash",
    pricing: Pricing | None = None,
) -> Estimate:
    """A before-you-start money estimate for a file-translation job (see :func:`file_translation_tokens`).

    Video tokens are priced at the image rate (the service bills them as image tokens).
    """
    tokens = file_translation_tokens(segment_seconds, audio_output=audio_output, video_size=video_size)
    return (pricing or load_pricing()).estimate(tokens, model, region)
