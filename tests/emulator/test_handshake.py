"""Handshake answers: bad/missing key, unknown/missing model, plain HTTP, injected rejections, counters."""

from __future__ import annotations

import aiohttp
import pytest

from interpreter.emulator.faults import RealtimeFaults
from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.wsclient import QWEN3, connect


async def _handshake(url: str, headers: dict[str, str]) -> aiohttp.WSServerHandshakeError:
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await http.ws_connect(url, headers=headers)
    return info.value


async def _http_get(url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], dict[str, object]]:
    async with aiohttp.ClientSession() as http, http.get(url.replace("ws://", "http://"), headers=headers) as resp:
        return resp.status, dict(resp.headers), await resp.json()


@pytest.mark.parametrize(
    ("headers", "message"),
    [({}, "No API-key provided."), ({"Authorization": "Bearer sk-wrong"}, "Invalid API-key provided.")],
)
async def test_missing_or_unknown_key_is_401_with_dashscope_body(
    emulator: EmulatorHandle, headers: dict[str, str], message: str
) -> None:
    error = await _handshake(emulator.realtime_url(), headers)
    assert error.status == 401
    status, _, body = await _http_get(emulator.realtime_url(), headers)
    assert status == 401
    assert body["code"] == "InvalidApiKey"
    assert body["message"] == message
    assert isinstance(body["request_id"], str) and body["request_id"]
    assert emulator.stats.connections == 0
    assert emulator.sessions == []


async def test_unknown_model_is_404(emulator: EmulatorHandle) -> None:
    headers = {"Authorization": f"Bearer {emulator.api_key}"}
    url = emulator.realtime_url("qwen-no-such-model")
    assert (await _handshake(url, headers)).status == 404
    status, _, body = await _http_get(url, headers)
    assert (status, body["code"]) == (404, "ModelNotFound")
    assert "qwen-no-such-model" in str(body["message"])


async def test_missing_model_is_400(emulator: EmulatorHandle) -> None:
    url = emulator.realtime_url().split("?")[0]
    status, _, body = await _http_get(url, {"Authorization": f"Bearer {emulator.api_key}"})
    assert (status, body["code"]) == (400, "InvalidParameter")


async def test_plain_http_without_upgrade_is_426(emulator: EmulatorHandle) -> None:
    status, _, _ = await _http_get(emulator.realtime_url(), {"Authorization": f"Bearer {emulator.api_key}"})
    assert status == 426


async def test_extra_api_keys_are_accepted(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu = make_emulator(api_keys=("sk-one", "sk-two"))
    async with connect(emu, key="sk-two") as client:
        assert client.events[0]["session"]["model"] == QWEN3


@pytest.mark.parametrize(
    ("status", "code"), [(401, "InvalidApiKey"), (403, "AccessDenied"), (429, "Throttling.RateQuota")]
)
async def test_injected_handshake_rejections(make_emulator, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    emu = make_emulator(faults=RealtimeFaults(reject_handshake=status, retry_after_s=7))
    headers = {"Authorization": f"Bearer {emu.api_key}"}
    assert (await _handshake(emu.realtime_url(), headers)).status == status
    got_status, got_headers, body = await _http_get(emu.realtime_url(), headers)
    assert (got_status, body["code"]) == (status, code)
    assert (got_headers.get("Retry-After") == "7") == (status == 429)
    assert emu.stats.handshake_attempts == 2
    assert emu.stats.handshakes_rejected == 2
    assert emu.stats.connections == 0


async def test_limited_rejections_then_accept_and_live_update(emulator: EmulatorHandle) -> None:
    emulator.faults.update(reject_handshake=429, reject_handshake_times=2)
    headers = {"Authorization": f"Bearer {emulator.api_key}"}
    for _ in range(2):
        assert (await _handshake(emulator.realtime_url(), headers)).status == 429
    async with connect(emulator):
        pass
    assert (emulator.stats.handshake_attempts, emulator.stats.connections) == (3, 1)
    emulator.faults.update(reject_handshake=403, reject_handshake_times=None)
    assert (await _handshake(emulator.realtime_url(), headers)).status == 403
    emulator.faults.clear()
    async with connect(emulator):
        pass
    assert emulator.stats.connections == 2


def test_faults_reject_invalid_settings() -> None:
    with pytest.raises(ValueError):
        RealtimeFaults(reject_handshake=500)
    faults = RealtimeFaults()
    with pytest.raises(TypeError):
        faults.update(no_such_fault=1)
    with pytest.raises(ValueError):
        faults.update(delay_ms=-1)
    assert faults.delay_ms == 0.0
