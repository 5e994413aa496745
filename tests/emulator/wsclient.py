"""A deliberately small raw WebSocket client for the emulator tests (aiohttp; never interpreter.protocol, so the
emulator is checked independently of the client's own encoders)."""

from __future__ import annotations

import asyncio
import base64
import json
import wave
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

from interpreter.emulator.testing import EmulatorHandle

DATA = Path(__file__).parent.parent / "data"
QWEN3 = "qwen3-livetranslate-flash-realtime"
QWEN35 = "qwen3.5-livetranslate-flash-realtime"
# Generous per-event timeout: other test runs may load the machine.
EVENT_TIMEOUT_S = 15.0
CHUNK_BYTES = 3200  # 100 ms of 16 kHz s16le, the chunk size of the official samples


class RawClient:
    """JSON-in, JSON-out over one WebSocket; keeps every received event in ``events``."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.events: list[dict[str, Any]] = []

    async def send(self, event_type: str, **fields: Any) -> None:
        await self.ws.send_str(json.dumps({"type": event_type, **fields}))

    async def send_audio(self, pcm: bytes, chunk: int = CHUNK_BYTES) -> None:
        for start in range(0, len(pcm), chunk):
            await self.send("input_audio_buffer.append", audio=base64.b64encode(pcm[start : start + chunk]).decode())

    async def recv(self, wait_s: float = EVENT_TIMEOUT_S) -> dict[str, Any]:
        message = await self.ws.receive(timeout=wait_s)
        if message.type != aiohttp.WSMsgType.TEXT:
            raise ConnectionError(f"connection ended: {message.type!r} {message.data!r}")
        event = json.loads(message.data)
        self.events.append(event)
        return event

    async def until(
        self, predicate: Callable[[dict[str, Any]], bool] | str, wait_s: float = EVENT_TIMEOUT_S
    ) -> dict[str, Any]:
        """Receive until an event matches (a type name or a predicate); returns it."""
        test = (lambda e: e["type"] == predicate) if isinstance(predicate, str) else predicate
        async with asyncio.timeout(wait_s):
            while True:
                event = await self.recv(wait_s)
                if test(event):
                    return event

    def of_type(self, event_type: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["type"] == event_type]


@asynccontextmanager
async def connect(emu: EmulatorHandle, model: str = QWEN3, *, key: str | None = None) -> AsyncIterator[RawClient]:
    """Connect and consume ``session.created`` (kept in ``client.events``)."""
    async with aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bearer {key or emu.api_key}"}
        async with http.ws_connect(emu.realtime_url(model), headers=headers, max_msg_size=0) as ws:
            client = RawClient(ws)
            created = await client.recv()
            assert created["type"] == "session.created"
            yield client


async def configure(client: RawClient, **session: Any) -> dict[str, Any]:
    """Send session.update and return the session.updated (fails on an error event)."""
    await client.send("session.update", session=session)
    event = await client.until(lambda e: e["type"] in ("session.updated", "error"))
    assert event["type"] == "session.updated", event
    return event["session"]


def speech_pcm() -> bytes:
    """The 16 kHz speech fixture (three sentences) as raw s16le."""
    with wave.open(str(DATA / "speech_en_16k.wav")) as wav:
        return wav.readframes(wav.getnframes())


def speech_segments() -> list[dict[str, Any]]:
    return json.loads((DATA / "speech_en_16k.json").read_text())["segments"]


def tone(ms: int, *, rate: int = 16000, level: float = 0.3, freq: float = 220.0) -> bytes:
    """A loud tone: speech to an energy VAD."""
    import numpy as np

    t = np.arange(rate * ms // 1000) / rate
    return (np.sin(2 * np.pi * freq * t) * level * 32767).astype("<i2").tobytes()


def silence(ms: int, *, rate: int = 16000) -> bytes:
    return b"\x00\x00" * (rate * ms // 1000)
