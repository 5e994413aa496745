"""``EmulatorServer``: the local DashScope emulator on one TCP port (start/stop on the caller's event loop)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable, Sequence
from pathlib import Path

from aiohttp import web

from interpreter.emulator.app import build_app
from interpreter.emulator.context import (
    EmulatorContext,
    HttpContext,
    RealtimeContext,
    TextForm,
    TranscriptForm,
)
from interpreter.emulator.exceptions import EmulatorStartError
from interpreter.emulator.faults import RealtimeFaults, ServerStats
from interpreter.emulator.http.faults import HttpFaults
from interpreter.emulator.http.records import HttpRecords, HttpRequestRecord, HttpStats
from interpreter.emulator.records import RealtimeRecords, SessionRecord
from interpreter.emulator.script import Utterance, load_script

DEMO_API_KEY = "sk-emulator-demo"
# On stop, open WebSockets get a "going away" close (1001) and this long to finish the closing handshake.
_STOP_TIMEOUT_S = 2.0


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, "localhost").

    ``interpreter.transport.endpoints.is_loopback`` answers the same question for a client's base URL; the emulator
    keeps its own (it must not import transport) and takes a bare host.
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class EmulatorServer:
    """The emulator: the realtime WebSocket and the HTTP APIs of DashScope on ``host:port``.

    Args:
        host: address to bind; loopback by default.
        port: TCP port; 0 picks a free one (read :attr:`port` / :attr:`base_url` after :meth:`start`).
        api_keys: keys accepted as ``Authorization: Bearer <key>``.
        speed: emulated time runs this many times faster than wall time (> 0).
        script: a script file path, or already-loaded utterances, or None for default demo content.
        faults: realtime (WebSocket) fault injection settings (mutable while running).
        text_form: shape of ``response.text.text`` in text-only mode (spec §1.6 [!]).
        http_faults: HTTP fault injection settings (mutable while running).
        record: keep a record of everything clients send (realtime sessions, HTTP requests), for tests. Off by
            default: the app's demo mode must not keep every audio byte it receives. Switchable later through
            ``realtime_records.enabled`` / ``http_records.enabled``.
        transcript_form: where file-translation answers put their text when speech is requested (spec §3 [!]).
        request_log: append every finished HTTP request's record to this file as a JSON line (turns HTTP records
            on; the records hold sizes and hashes, never media).

    Raises:
        ScriptFileError: the script file is unreadable or malformed (at construction).
        ValueError: a non-positive speed or no API key.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        api_keys: Iterable[str] = (DEMO_API_KEY,),
        speed: float = 1.0,
        script: str | Path | Sequence[Utterance] | None = None,
        faults: RealtimeFaults | None = None,
        text_form: TextForm | str = TextForm.STASH,
        http_faults: HttpFaults | None = None,
        record: bool = False,
        transcript_form: TranscriptForm | str = TranscriptForm.CONTENT,
        request_log: str | Path | None = None,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        keys = frozenset(api_keys)
        if not keys:
            raise ValueError("at least one API key is needed")
        utterances = load_script(script) if isinstance(script, (str, Path)) else tuple(script or ())
        self._host = host
        self._requested_port = port
        self._port: int | None = None
        self._context = EmulatorContext(
            api_keys=keys,
            speed=speed,
            realtime=RealtimeContext(
                script=utterances,
                text_form=TextForm(text_form),
                faults=faults or RealtimeFaults(),
                records=RealtimeRecords(enabled=record),
            ),
            http=HttpContext(
                faults=http_faults or HttpFaults(),
                records=HttpRecords(enabled=record, log_path=Path(request_log) if request_log else None),
                transcript_form=TranscriptForm(transcript_form),
            ),
        )
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the emulator is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """``http://host:port`` (IPv6 hosts in brackets); clients derive ``ws://`` URLs from it."""
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self.port}"

    @property
    def context(self) -> EmulatorContext:
        """The shared state of every route (faults, records, stats of each API family)."""
        return self._context

    @property
    def faults(self) -> RealtimeFaults:
        """Realtime (WebSocket) faults."""
        return self._context.realtime.faults

    @property
    def stats(self) -> ServerStats:
        """Realtime handshake/connection counters."""
        return self._context.realtime.stats

    @property
    def sessions(self) -> list[SessionRecord]:
        """Records of every realtime connection so far (empty unless recording is on)."""
        return self._context.realtime.records.sessions

    @property
    def realtime_records(self) -> RealtimeRecords:
        return self._context.realtime.records

    @property
    def http_faults(self) -> HttpFaults:
        return self._context.http.faults

    @property
    def http_records(self) -> HttpRecords:
        return self._context.http.records

    @property
    def http_requests(self) -> list[HttpRequestRecord]:
        """Records of every HTTP request so far (empty unless recording is on)."""
        return self._context.http.records.requests

    @property
    def http_stats(self) -> HttpStats:
        return self._context.http.stats

    @property
    def api_keys(self) -> frozenset[str]:
        return self._context.api_keys

    async def start(self) -> None:
        """Bind and serve.

        Raises:
            EmulatorStartError: the address cannot be bound (port in use, unknown host).
        """
        runner = web.AppRunner(
            build_app(self._context), handle_signals=False, access_log=None, shutdown_timeout=_STOP_TIMEOUT_S
        )
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._requested_port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise EmulatorStartError(
                f"The emulator cannot listen on {self._host}:{self._requested_port}; choose another --port or --host.",
                detail=str(exc),
            ) from exc
        self._runner = runner
        server = site._server  # aiohttp exposes the bound sockets only here
        sockets: Sequence[socket.socket] = getattr(server, "sockets", None) or ()
        self._port = int(sockets[0].getsockname()[1]) if sockets else self._requested_port

    async def stop(self) -> None:
        """Close every open connection (1001 going away) and stop listening. Idempotent."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        closes = [ws.close(code=1001, message=b"emulator stopping") for ws in list(self._context.realtime.active)]
        if closes:
            await asyncio.wait_for(asyncio.gather(*closes, return_exceptions=True), _STOP_TIMEOUT_S)
        await runner.cleanup()
