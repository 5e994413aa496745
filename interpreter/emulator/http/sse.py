"""Server-sent events for the OpenAI-compatible streams (``data: {...}`` lines, ``data: [DONE]``), with the stream
faults of :class:`~interpreter.emulator.http.faults.HttpFaultSettings` applied chunk by chunk.

A cut (``cut_after_chunks``) aborts the TCP connection: no ``[DONE]`` and no end of the chunked body, so a client
sees a broken transfer. A mid-stream error (``error_after_chunks``) sends ``data: {"error": {...}}`` and ends the
body normally without ``[DONE]`` (spec §8.2 [I]).
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from interpreter.emulator.http.errors import stream_error_payload
from interpreter.emulator.http.faults import HttpFaultSettings
from interpreter.emulator.http.records import HttpRequestRecord


class StreamInterrupted(Exception):
    """A fault ended the stream; the handler stops producing chunks."""


class SseWriter:
    """Writes one SSE response.

    Args:
        request: the request being answered.
        faults: the fault settings read when the request arrived.
        record: the request's record (None when recording is off).
        request_id: sent as ``x-request-id``.
    """

    def __init__(
        self,
        request: web.Request,
        faults: HttpFaultSettings,
        record: HttpRequestRecord | None,
        request_id: str,
    ) -> None:
        self._request = request
        self._faults = faults
        self._record = record
        self._response = web.StreamResponse(
            status=200,
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
                "x-request-id": request_id,
            },
        )
        self.chunks = 0
        self.cut = False

    @property
    def response(self) -> web.StreamResponse:
        return self._response

    async def start(self) -> None:
        await self._response.prepare(self._request)

    async def send(self, payload: dict[str, Any]) -> None:
        """Write one ``data:`` chunk, then apply the chunk-count faults.

        Raises:
            StreamInterrupted: a fault ended the stream after this chunk.
            ConnectionResetError: the client went away.
        """
        await self._write(payload)
        self.chunks += 1
        if self._record is not None:
            self._record.chunks_sent = self.chunks
        faults = self._faults
        if faults.error_after_chunks is not None and self.chunks >= faults.error_after_chunks:
            await self._write(stream_error_payload(faults.error_code, faults.error_message))
            self.cut = True
            if self._record is not None:
                self._record.error_code = faults.error_code
            await self._response.write_eof()
            raise StreamInterrupted("mid-stream error")
        if faults.cut_after_chunks is not None and self.chunks >= faults.cut_after_chunks:
            self.cut = True
            transport = self._request.transport
            if transport is not None:
                transport.abort()
            raise StreamInterrupted("connection cut")

    async def done(self) -> None:
        """Write ``data: [DONE]`` and end the body."""
        await self._response.write(b"data: [DONE]\n\n")
        await self._response.write_eof()

    async def _write(self, payload: dict[str, Any]) -> None:
        line = "data: " + json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n\n"
        await self._response.write(line.encode("utf-8"))
