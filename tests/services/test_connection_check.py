"""services.connection_check without Qt: the outcome's reason, English sentence, template and parameters."""

from __future__ import annotations

from typing import Any

from interpreter.services.connection_check import (
    BLANK_KEY,
    INVALID_KEY,
    WORKS,
    WRONG_REGION,
    CheckReason,
    check_connection,
)
from interpreter.transport.endpoints import Region

BEIJING_KEY = "sk-beijing-only-key-0001"


async def test_blank_key_is_reported_without_connecting() -> None:
    outcome = await check_connection("   ", Region.SINGAPORE, base_url="http://127.0.0.1:9")
    assert (outcome.reason, outcome.template, outcome.message) == (CheckReason.INVALID_KEY, BLANK_KEY, BLANK_KEY)


async def test_good_key_names_the_address(emulator: Any) -> None:
    outcome = await check_connection(emulator.api_key, Region.SINGAPORE, base_url=emulator.base_url)
    assert outcome.ok and outcome.headline == "Connected"
    assert outcome.template == WORKS and outcome.params["where"] == emulator.base_url
    assert outcome.message == f"The key works: a live session opened on {emulator.base_url}."


async def test_bad_key_sentence_names_the_region_and_never_the_key(emulator: Any) -> None:
    bad = "sk-not-a-valid-key-0000"
    outcome = await check_connection(bad, Region.BEIJING, base_url=emulator.base_url)
    assert outcome.reason is CheckReason.INVALID_KEY and outcome.template == INVALID_KEY
    assert outcome.params == {"region": Region.BEIJING}
    assert "Beijing (China mainland) service refused this key" in outcome.message and bad not in outcome.message


async def test_wrong_region_carries_the_region_of_the_key(make_emulator: Any) -> None:
    singapore = make_emulator()
    beijing = make_emulator(api_keys=(BEIJING_KEY,))
    outcome = await check_connection(
        BEIJING_KEY, Region.SINGAPORE, base_url=singapore.base_url, other_region_base_url=beijing.base_url
    )
    assert outcome.reason is CheckReason.WRONG_REGION and outcome.template == WRONG_REGION
    assert outcome.key_region is Region.BEIJING and outcome.params == {"region": Region.BEIJING}
    assert outcome.message.startswith("This key belongs to the Beijing (China mainland) region")


async def test_other_failures_carry_the_error_sentence(emulator: Any) -> None:
    emulator.faults.update(reject_handshake=403)
    outcome = await check_connection(emulator.api_key, Region.SINGAPORE, base_url=emulator.base_url)
    assert outcome.reason is CheckReason.NO_ACCESS and outcome.template is None
    assert "Model Studio console" in outcome.message
