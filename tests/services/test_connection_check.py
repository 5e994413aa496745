"""services.connection_check without Qt: the outcome's reason and its declared messages (id, English, values)."""

from __future__ import annotations

from typing import Any

from interpreter.core.messages import UserMessage
from interpreter.services.connection_check import CheckReason, check_connection
from interpreter.transport.endpoints import Region

BEIJING_KEY = "sk-beijing-only-key-0001"


async def test_blank_key_is_reported_without_connecting() -> None:
    outcome = await check_connection("   ", Region.SINGAPORE, base_url="http://127.0.0.1:9")
    assert (outcome.reason, outcome.message.id, outcome.message) == (
        CheckReason.INVALID_KEY,
        "check.blank_key",
        "Enter an API key first.",
    )
    assert outcome.headline.id == "check.headline.invalid_key"


async def test_good_key_names_the_address(emulator: Any) -> None:
    outcome = await check_connection(emulator.api_key, Region.SINGAPORE, base_url=emulator.base_url)
    assert outcome.ok and outcome.headline == "Connected"
    assert outcome.message.id == "check.works" and outcome.message.params == {"where": emulator.base_url}
    assert outcome.message == f"The key works: a live session opened on {emulator.base_url}."


async def test_bad_key_sentence_names_the_region_and_never_the_key(emulator: Any) -> None:
    bad = "sk-not-a-valid-key-0000"
    outcome = await check_connection(bad, Region.BEIJING, base_url=emulator.base_url)
    assert outcome.reason is CheckReason.INVALID_KEY and outcome.message.id == "check.key_refused"
    region = outcome.message.params["region"]
    assert isinstance(region, UserMessage) and region.id == "region.beijing_mainland"
    assert "Beijing (China mainland) service refused this key" in outcome.message and bad not in outcome.message


async def test_wrong_region_carries_the_region_of_the_key(make_emulator: Any) -> None:
    singapore = make_emulator()
    beijing = make_emulator(api_keys=(BEIJING_KEY,))
    outcome = await check_connection(
        BEIJING_KEY, Region.SINGAPORE, base_url=singapore.base_url, other_region_base_url=beijing.base_url
    )
    assert outcome.reason is CheckReason.WRONG_REGION and outcome.message.id == "check.wrong_region"
    region = outcome.message.params["region"]
    assert outcome.key_region is Region.BEIJING and isinstance(region, UserMessage)
    assert region.id == "region.beijing_mainland"
    assert outcome.message.startswith("This key belongs to the Beijing (China mainland) region")


async def test_other_failures_carry_the_error_sentence(emulator: Any) -> None:
    emulator.faults.update(reject_handshake=403)
    outcome = await check_connection(emulator.api_key, Region.SINGAPORE, base_url=emulator.base_url)
    assert outcome.reason is CheckReason.NO_ACCESS and outcome.message.id == "access.model_denied"
    assert "Model Studio console" in outcome.message
