"""Each fault: drop after N messages / N seconds, delay, error after N messages, stall; set live from a test."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from interpreter.emulator.faults import RealtimeFaults
from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.wsclient import QWEN3, configure, connect, silence


async def _wait_closed(client_ws: aiohttp.ClientWebSocketResponse) -> aiohttp.WSMessage:
    """The next message must be the end of the connection (close/closed/error), not an event."""
    message = await client_ws.receive(timeout=15)
    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR), message
    return message


async def test_drop_after_messages_aborts_without_close_frame(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(faults=RealtimeFaults(drop_after_messages=3))
    async with connect(emu, QWEN3) as client:
        await client.send_audio(silence(300))  # 3 messages of 100 ms
        await _wait_closed(client.ws)
    record = emu.sessions[0]
    assert await asyncio.to_thread(record.closed.wait, 10)
    assert len(record.received) == 3
    # An aborted TCP connection: the client never got a proper close code from the server.
    assert client.ws.close_code in (None, 1006)


async def test_drop_after_seconds(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(faults=RealtimeFaults(drop_after_seconds=0.3))
    async with connect(emu) as client:
        started = time.monotonic()
        await _wait_closed(client.ws)
    assert time.monotonic() - started >= 0.2
    assert client.ws.close_code in (None, 1006)


async def test_delay_adds_latency_in_order(emulator: EmulatorHandle) -> None:
    async with connect(emulator) as client:
        emulator.faults.update(delay_ms=400)
        started = time.monotonic()
        await client.send("session.update", session={"voice": "Ethan"})
        await client.send("input_audio_buffer.commit")  # answered with an error (VAD mode), after the update
        updated = await client.recv()
        elapsed = time.monotonic() - started
        error = await client.recv()
    assert (updated["type"], error["type"]) == ("session.updated", "error")
    assert elapsed >= 0.35


async def test_error_after_messages_keeps_session_open(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(faults=RealtimeFaults(error_after_messages=2, error_code="internal_error"))
    async with connect(emu) as client:
        await client.send_audio(silence(200))
        error = await client.until("error")
        session = await configure(client, voice="Ethan")  # still serving
    assert error["error"]["code"] == "internal_error"
    assert error["error"]["type"] == "server_error"
    assert error["error"]["message"]
    assert session["voice"] == "Ethan"
    assert len(client.of_type("error")) == 1  # only once


async def test_stall_keeps_socket_open_but_silent(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(faults=RealtimeFaults(stall_after_messages=1))
    async with connect(emu) as client:
        await client.send("session.update", session={"voice": "Ethan"})
        with pytest.raises(asyncio.TimeoutError):
            await client.ws.receive(timeout=0.5)
        assert not client.ws.closed
        # Pings are still answered by the WebSocket layer; the application is what stalled.
        await client.send("session.update", session={"voice": "Nofish"})
        with pytest.raises(asyncio.TimeoutError):
            await client.ws.receive(timeout=0.3)
    assert emu.sessions[0].received_types() == ["session.update", "<ignored while stalled>"]


async def test_faults_changed_live_from_another_thread(emulator: EmulatorHandle) -> None:
    async with connect(emulator) as client:
        await configure(client, voice="Ethan")
        await asyncio.to_thread(emulator.faults.update, drop_after_messages=1)
        await client.send("session.update", session={"voice": "Cherry"})
        # The connection is aborted right after that message; replies still queued are lost, as on a real drop.
        await _wait_closed(client.ws)
    assert emulator.sessions[0].received_types() == ["session.update", "session.update"]
