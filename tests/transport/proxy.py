"""A TCP proxy whose client side can stop reading: a real congested uplink for backpressure tests.

While paused, the proxy no longer reads what the client sends; the kernel's small receive buffer fills, the TCP
window closes and the client's socket stops accepting data, exactly like a stalled uplink. Resuming lets everything
through in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator

# Small kernel receive buffer on the proxy's client-facing socket, so that a paused proxy closes the TCP window
# after a few KB instead of absorbing megabytes of the client's data.
_RECEIVE_BUFFER_BYTES = 4096


class _Pipe(asyncio.Protocol):
    """One direction of the proxied connection: what arrives on this side is written to ``peer``."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.peer: _Pipe | None = None
        self._backlog: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        assert self.peer is not None
        self.peer.write(data)

    def write(self, data: bytes) -> None:
        if self.transport is None:
            self._backlog.append(data)
        else:
            self.transport.write(data)

    def flush_backlog(self) -> None:
        assert self.transport is not None
        for data in self._backlog:
            self.transport.write(data)
        self._backlog.clear()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.close()


class PausableProxy:
    """Forwards 127.0.0.1:``port`` to ``target_host``:``target_port``; ``pause_uplink()``/``resume_uplink()``."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self._target = (target_host, target_port)
        self._server: asyncio.Server | None = None
        self._client_sides: list[_Pipe] = []
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Set before listen(): accepted sockets inherit it, and the window is negotiated from it.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _RECEIVE_BUFFER_BYTES)
        listener.bind(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        self._server = await loop.create_server(self._accept, sock=listener)

    def _accept(self) -> _Pipe:
        client_side = _Pipe()
        server_side = _Pipe()
        client_side.peer = server_side
        server_side.peer = client_side
        self._client_sides.append(client_side)

        async def connect_upstream() -> None:
            loop = asyncio.get_running_loop()
            await loop.create_connection(lambda: server_side, *self._target)
            server_side.flush_backlog()

        task = asyncio.ensure_future(connect_upstream())
        task.add_done_callback(lambda t: t.exception())  # a failed upstream shows as a closed connection
        return client_side

    def pause_uplink(self) -> None:
        """Stop reading from every client: their sends back up."""
        for pipe in self._client_sides:
            assert pipe.transport is not None
            pipe.transport.pause_reading()

    def resume_uplink(self) -> None:
        for pipe in self._client_sides:
            if pipe.transport is not None and not pipe.transport.is_closing():
                pipe.transport.resume_reading()

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for pipe in self._client_sides:
            if pipe.transport is not None:
                pipe.transport.close()
            if pipe.peer is not None and pipe.peer.transport is not None:
                pipe.peer.transport.close()
        if self._server is not None:
            await self._server.wait_closed()


@contextlib.asynccontextmanager
async def pausable_proxy(base_url: str) -> AsyncIterator[PausableProxy]:
    """A running proxy in front of ``base_url`` (``http://host:port``)."""
    host, port = base_url.removeprefix("http://").rstrip("/").rsplit(":", 1)
    proxy = PausableProxy(host, int(port))
    await proxy.start()
    try:
        yield proxy
    finally:
        await proxy.stop()
