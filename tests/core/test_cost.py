"""core.cost: usage parsing, per-model estimates from pricing.json, the running meter."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from interpreter.core.catalog import load_catalog
from interpreter.core.cost import (
    CostMeter,
    Pricing,
    TokenCounts,
    TokenKind,
    estimate_live_seconds,
    load_pricing,
)

LIVE = "qwen3-livetranslate-flash-realtime"

# The usage object of the spec's response.done example (§1.7).
SPEC_USAGE = {
    "total_tokens": 56,
    "input_tokens": 47,
    "output_tokens": 9,
    "input_tokens_details": {"text_tokens": 20, "audio_tokens": 27},
    "output_tokens_details": {"text_tokens": 2, "audio_tokens": 7},
}


@dataclass(frozen=True)
class FakeUsage:
    """Shaped like protocol.events.Usage."""

    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0
    input_text_tokens: int = 0
    input_audio_tokens: int = 0
    input_image_tokens: int = 0
    output_text_tokens: int = 0
    output_audio_tokens: int = 0


def test_realtime_usage_json_is_itemised() -> None:
    counts = TokenCounts.from_json(SPEC_USAGE)
    assert counts == TokenCounts(input_text=20, input_audio=27, output_text=2, output_audio=7)
    assert counts.total == 56


def test_openai_compat_usage_with_nulls() -> None:
    usage = {
        "prompt_tokens": 160,
        "completion_tokens": 60,
        "prompt_tokens_details": {"audio_tokens": 160, "text_tokens": 0, "video_tokens": None},
        "completion_tokens_details": {"audio_tokens": 40, "text_tokens": 20, "reasoning_tokens": None},
    }
    assert TokenCounts.from_json(usage) == TokenCounts(input_audio=160, output_text=20, output_audio=40)


def test_ocr_usage_with_top_level_image_tokens() -> None:
    usage = {"image_tokens": 947, "input_tokens": 971, "output_tokens": 1, "input_tokens_details": {"text_tokens": 24}}
    assert TokenCounts.from_json(usage) == TokenCounts(input_text=24, input_image=947, output_text=1)


def test_unitemised_totals_count_as_text() -> None:
    assert TokenCounts.from_json({"input_tokens": 111, "output_tokens": 11}) == TokenCounts(
        input_text=111, output_text=11
    )


def test_typed_usage_matches_json() -> None:
    typed = FakeUsage(47, 9, 56, 20, 27, 0, 2, 7)
    assert TokenCounts.from_usage(typed) == TokenCounts.from_json(SPEC_USAGE)


def test_estimate_uses_the_table_rates() -> None:
    pricing = Pricing(
        {"regions": {"test": {"currency": "USD", "models": {"m": {"input_audio": 10, "output_audio": 20.5}}}}}
    )
    estimate = pricing.estimate(TokenCounts(input_audio=1_000_000, output_audio=500_000, input_text=7), "m", "test")
    assert estimate.amount == Decimal("20.25")
    assert estimate.currency == "USD" and estimate.priced
    assert estimate.format() == "20.2500 USD"


def test_unknown_model_is_unpriced_not_an_error() -> None:
    estimate = load_pricing().estimate(TokenCounts(input_text=5), "no-such-model", "singapore")
    assert not estimate.priced and estimate.amount == 0
    assert estimate.format() == "price unknown"


def test_packaged_pricing_covers_every_catalog_model_in_both_regions() -> None:
    pricing = load_pricing()
    for model in load_catalog().models:
        for region in ("singapore", "beijing"):
            rates = pricing.rates(model, region)
            assert rates is not None, (model, region)
            assert rates.per_million[TokenKind.OUTPUT_AUDIO] > 0


def test_overrides_replace_single_rates() -> None:
    base = load_pricing()
    merged = base.merged({"regions": {"singapore": {"models": {LIVE: {"output_audio": 1.0}}}}})
    rates = merged.rates(LIVE, "singapore")
    old = base.rates(LIVE, "singapore")
    assert rates is not None and old is not None
    assert rates.per_million[TokenKind.OUTPUT_AUDIO] == Decimal("1.0")
    assert rates.per_million[TokenKind.INPUT_AUDIO] == old.per_million[TokenKind.INPUT_AUDIO]
    assert base.rates(LIVE, "singapore") == old  # the original table is untouched


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"regions": {"x": {"currency": "USD"}}},
        {"regions": {"x": {"currency": "USD", "models": {"m": {"input_audio": -1}}}}},
        {"regions": {"x": {"currency": "USD", "models": {"m": {"input_audio": "cheap"}}}}},
        {"regions": {"x": {"currency": "USD", "models": {"m": {"video_frames": 1}}}}},
    ],
)
def test_malformed_pricing_is_rejected(bad: dict) -> None:
    with pytest.raises(ValueError):
        Pricing(bad)


def test_meter_accumulates_typed_and_raw_usage() -> None:
    meter = CostMeter(LIVE, "singapore")
    first = meter.add(SPEC_USAGE)
    second = meter.add(FakeUsage(47, 9, 56, 20, 27, 0, 2, 7))
    assert first.amount == second.amount > 0
    assert meter.responses == 2
    assert meter.tokens.total == 112
    assert meter.total.amount == first.amount * 2


def test_live_estimate_follows_catalog_token_rates() -> None:
    model = load_catalog().model(LIVE)
    assert model is not None
    hour = estimate_live_seconds(3600, model, "singapore")
    assert hour.tokens.input_audio == round(3600 * model.input_audio_tokens_per_second)
    assert hour.tokens.output_audio == round(3600 * model.output_audio_tokens_per_second)
    text_only = estimate_live_seconds(3600, model, "singapore", audio_output=False)
    assert text_only.tokens.output_audio == 0 and text_only.amount < hour.amount
