"""Ordered, optionally delayed sending of server events on one WebSocket.

Every server event goes through :meth:`Outbox.send`, which stamps an ``event_id``, records the event, and queues it
with a due time of "now + delay_ms" (the ``delay_ms`` fault): events keep their order and throughput stays the same,
only latency grows, like a slow network path. A stalled outbox silently discards everything.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

from interpreter.emulator.ids import new_id
from interpreter.emulator.records import SessionRecord

# Payload fields replaced by a byte count in the record (they are big and not needed for assertions).
_SUMMARISED = {"response.audio.delta": "delta"}


class Outbox:
    """Writer of one connection's server events.

    Args:
        ws: the prepared WebSocket.
        record: where sent events are recorded (None: recording is off).
        delay_ms: returns the current extra latency in ms (read per event, so a test can change it live).
    """

    def __init__(self, ws: web.WebSocketResponse, record: SessionRecord | None, delay_ms: Callable[[], float]) -> None:
        self._ws = ws
        self._record = record
        self._delay_ms = delay_ms
        self._queue: asyncio.Queue[tuple[float, str]] = asyncio.Queue()
        self._stalled = False

    def send(self, event_type: str, **fields: Any) -> dict[str, Any]:
        """Queue one event; returns it (with its ``event_id``)."""
        event = {"event_id": new_id("event"), "type": event_type, **fields}
        if self._record is not None:
            summarised = _SUMMARISED.get(event_type)
            if summarised is not None:
                self._record.sent.append({**event, summarised: f"<{len(fields.get(summarised, ''))} base64 chars>"})
            else:
                self._record.sent.append(event)
        if not self._stalled:
            due = asyncio.get_running_loop().time() + self._delay_ms() / 1000.0
            self._queue.put_nowait((due, json.dumps(event, ensure_ascii=False)))
        return event

    def stall(self) -> None:
        """Stop sending anything, now and later (the socket stays open)."""
        self._stalled = True
        while not self._queue.empty():
            self._queue.get_nowait()

    async def drained(self) -> None:
        """Wait until everything queued so far has been written."""
        await self._queue.join()

    async def run(self) -> None:
        """Write queued events until the socket closes (run as a task; cancelled at the end of the session)."""
        loop = asyncio.get_running_loop()
        while True:
            due, text = await self._queue.get()
            try:
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not self._stalled and not self._ws.closed:
                    await self._ws.send_str(text)
            except (ConnectionError, RuntimeError):
                # The peer vanished (reset, or aiohttp refusing to write to a closing socket): nothing left to do;
                # the receive loop notices the end of the connection on its own.
                self._stalled = True
            finally:
                self._queue.task_done()
