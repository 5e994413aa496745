"""A tiny HTTP/1.1 server on a real loopback socket that answers with scripted replies.

For HTTP-client tests of shapes the emulator does not produce (both error body shapes, a 200 answer that is not an
event stream, a connection cut inside a chunked body, a reply held back until the test releases it, a proxy).
Each request takes the next :class:`Reply` from the script (the last one repeats).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field


@dataclass
class Reply:
    """What the server sends for one request.

    Attributes:
        status: HTTP status.
        headers: extra response headers.
        chunks: body pieces, each sent as one HTTP chunk (chunked transfer encoding).
        cut_after: when set, the connection is closed after this many chunks, without the final empty chunk.
        hold: when set, the server waits for this event before sending anything (a slow first byte).
    """

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    chunks: list[bytes] = field(default_factory=list)
    cut_after: int | None = None
    hold: asyncio.Event | None = None


@dataclass
class Received:
    """One request as it arrived."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}


class ScriptedHttpServer:
    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.received: list[Received] = []
        self.request_arrived = asyncio.Event()
        self.connections = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self.handlers: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.add(writer)
        task = asyncio.current_task()
        assert task is not None
        self.handlers.add(task)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        name, _, value = line.partition(":")
                        headers[name.strip().lower()] = value.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                self.received.append(Received(method, target, headers, body))
                self.request_arrived.set()
                reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
                if reply.hold is not None:
                    await reply.hold.wait()
                if not await self._send(writer, reply):
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def close_connections(self) -> None:
        for writer in list(self._writers):
            writer.close()

    async def _send(self, writer: asyncio.StreamWriter, reply: Reply) -> bool:
        """Write ``reply``; False when the connection was cut on purpose."""
        reason = _REASONS.get(reply.status, "Status")
        head = [f"HTTP/1.1 {reply.status} {reason}", "Transfer-Encoding: chunked"]
        head += [f"{name}: {value}" for name, value in reply.headers.items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
        for index, chunk in enumerate(reply.chunks):
            if reply.cut_after is not None and index >= reply.cut_after:
                break
            writer.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            await writer.drain()
        if reply.cut_after is not None:
            await writer.drain()
            return False
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True


@contextlib.asynccontextmanager
async def scripted_server(*replies: Reply) -> AsyncIterator[ScriptedHttpServer]:
    """Run a :class:`ScriptedHttpServer` on 127.0.0.1 (a free port) for the duration of the block."""
    server = ScriptedHttpServer(*replies)
    asyncio_server = await asyncio.start_server(server._handle, "127.0.0.1", 0)
    server.port = asyncio_server.sockets[0].getsockname()[1]
    try:
        yield server
    finally:
        for reply in server.replies:
            if reply.hold is not None:
                reply.hold.set()  # release held handlers so the server can close
        server.close_connections()
        asyncio_server.close()
        await asyncio_server.wait_closed()
        if server.handlers:  # let handlers see their closed sockets and end before the loop goes away
            await asyncio.wait(server.handlers, timeout=5)


def sse_reply(sse_text: str, **kwargs: object) -> Reply:
    """A 200 ``text/event-stream`` reply of ``sse_text``, one chunk per SSE event (kwargs as :class:`Reply`)."""
    events = [part + "\n\n" for part in sse_text.split("\n\n") if part.strip()]
    return Reply(
        headers={"Content-Type": "text/event-stream; charset=utf-8"},
        chunks=[event.encode() for event in events],
        **kwargs,  # type: ignore[arg-type]
    )


def json_reply(status: int, body: bytes, **headers: str) -> Reply:
    return Reply(status=status, headers={"Content-Type": "application/json", **headers}, chunks=[body])
