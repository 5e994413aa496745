"""store.pricing: user overrides merged over the packaged table; a bad file is ignored with a notice."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from interpreter.core.cost import TokenKind, load_pricing
from interpreter.store.paths import config_dir
from interpreter.store.pricing import USER_PRICING_FILE, load_effective_pricing

LIVE = "qwen3-livetranslate-flash-realtime"


def test_without_a_user_file_the_packaged_table_is_used() -> None:
    pricing, notices = load_effective_pricing()
    assert notices == ()
    assert pricing.rates(LIVE, "singapore") == load_pricing().rates(LIVE, "singapore")


def test_user_file_overrides_one_rate_and_adds_a_model() -> None:
    (config_dir() / USER_PRICING_FILE).write_text(
        json.dumps(
            {
                "regions": {
                    "singapore": {
                        "models": {LIVE: {"input_audio": 1.5}, "my-private-model": {"input_text": 9}},
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    pricing, notices = load_effective_pricing()
    assert notices == ()
    rates = pricing.rates(LIVE, "singapore")
    assert rates is not None and rates.per_million[TokenKind.INPUT_AUDIO] == Decimal("1.5")
    assert rates.currency == "USD"
    assert pricing.rates("my-private-model", "singapore") is not None


@pytest.mark.parametrize(
    "content",
    ["{broken", "[1]", json.dumps({"regions": {"singapore": {"models": {LIVE: {"input_audio": -3}}}}})],
)
def test_unusable_user_file_is_ignored_with_a_notice(content: str) -> None:
    (config_dir() / USER_PRICING_FILE).write_text(content, encoding="utf-8")
    pricing, notices = load_effective_pricing()
    assert len(notices) == 1 and USER_PRICING_FILE in notices[0]
    assert pricing.rates(LIVE, "singapore") == load_pricing().rates(LIVE, "singapore")
