"""Run the emulator in a background thread with its own event loop — for tests (sync Qt tests and async tests alike)
and tools. The app's demo mode starts :class:`EmulatorServer` on its own loop instead (and records nothing).

    with running_emulator(speed=10.0) as emu:
        url = emu.realtime_url()          # ws://127.0.0.1:N/api-ws/v1/realtime?model=...
        ...                               # connect with emu.api_key
        emu.faults.update(drop_after_messages=5)
        assert emu.sessions[0].received_types()[0] == "session.update"
        emu.http_faults.update(status=429, status_times=1)
        chat = emu.compatible_base_url()  # http://127.0.0.1:N/compatible-mode/v1 (the OpenAI SDK's base_url)
        assert len(emu.http_requests) == 1

Being the test harness, it records what clients send by default (``record=True``); pass ``record=False`` to run
like the demo.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

from interpreter.core.catalog import DEFAULT_MODEL
from interpreter.emulator.faults import RealtimeFaults, ServerStats
from interpreter.emulator.http.faults import HttpFaults
from interpreter.emulator.http.records import HttpRecords, HttpRequestRecord, HttpStats
from interpreter.emulator.realtime import REALTIME_PATH
from interpreter.emulator.records import SessionRecord
from interpreter.emulator.server import EmulatorServer

#: The OpenAI-compatible APIs' base path (clients append ``/chat/completions``).
COMPATIBLE_MODE_PATH = "/compatible-mode/v1"

# Generous: the machine may be loaded by other test runs; starting normally takes milliseconds.
_START_TIMEOUT_S = 20.0
_STOP_TIMEOUT_S = 10.0


class EmulatorHandle:
    """A running emulator as seen from another thread.

    Attributes:
        base_url: ``http://127.0.0.1:N``.
        api_key: the first accepted API key (``sk-emulator-demo`` by default).
        faults: the live realtime fault settings (``faults.update(...)`` from any thread).
        stats: realtime handshake/connection counters.
        http_faults: the live HTTP fault settings; http_stats: HTTP request counters (always kept);
        http_records: HTTP request records (``http_records.enabled`` switches recording).
        server: the :class:`EmulatorServer` (touch it only on its own loop).
    """

    def __init__(self, server: EmulatorServer, api_key: str) -> None:
        self.server = server
        self.base_url = server.base_url
        self.api_key = api_key
        self.faults: RealtimeFaults = server.faults
        self.stats: ServerStats = server.stats
        self.http_faults: HttpFaults = server.http_faults
        self.http_stats: HttpStats = server.http_stats
        self.http_records: HttpRecords = server.http_records

    @property
    def sessions(self) -> list[SessionRecord]:
        """Records of every realtime connection so far, oldest first (empty when recording is off)."""
        return self.server.sessions

    @property
    def http_requests(self) -> list[HttpRequestRecord]:
        """Records of every HTTP request so far, oldest first (empty when recording is off)."""
        return self.server.http_requests

    def compatible_base_url(self) -> str:
        """``http://127.0.0.1:N/compatible-mode/v1``: the ``base_url`` of an OpenAI-compatible client."""
        return f"{self.base_url}{COMPATIBLE_MODE_PATH}"

    def realtime_url(self, model: str = DEFAULT_MODEL) -> str:
        """The realtime WebSocket URL for ``model``."""
        return f"{self.base_url.replace('http://', 'ws://', 1)}{REALTIME_PATH}?model={model}"

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        """Block until ``predicate()`` is true (for sync tests; async tests poll with ``asyncio.sleep``).

        Raises:
            TimeoutError: it did not become true within ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError(f"condition not met within {timeout} s")
            # Sync callers have no loop to wait on; a short poll interval is the least bad option here.
            threading.Event().wait(0.01)


@contextlib.contextmanager
def running_emulator(*, record: bool = True, **kwargs: Any) -> Iterator[EmulatorHandle]:
    """Start an :class:`EmulatorServer` (same keyword arguments) in a daemon thread; stop it on exit.

    ``record`` defaults to True here (tests inspect what was sent), unlike :class:`EmulatorServer`.

    Raises:
        EmulatorStartError / ScriptFileError / ValueError: as :class:`EmulatorServer` (re-raised in the caller).
    """
    server = EmulatorServer(record=record, **kwargs)
    loop = asyncio.new_event_loop()
    started: Future[None] = Future()
    stop_requested = asyncio.Event()

    async def serve() -> None:
        try:
            await server.start()
        except BaseException as exc:
            started.set_exception(exc)
            return
        started.set_result(None)
        try:
            await stop_requested.wait()
        finally:
            await server.stop()

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), name="emulator", daemon=True)
    thread.start()
    try:
        started.result(timeout=_START_TIMEOUT_S)
        yield EmulatorHandle(server, next(iter(sorted(server.api_keys))))
    finally:
        if started.done() and started.exception() is None:
            loop.call_soon_threadsafe(stop_requested.set)
        thread.join(_STOP_TIMEOUT_S)
        if not thread.is_alive():
            loop.close()
