"""Run the emulator in a background thread with its own event loop — for tests (sync Qt tests and async tests alike)
and for the desktop app's demo mode.

    with running_emulator(speed=10.0) as emu:
        url = emu.realtime_url()          # ws://127.0.0.1:N/api-ws/v1/realtime?model=...
        ...                               # connect with emu.api_key
        emu.faults.update(drop_after_messages=5)
        assert emu.sessions[0].received_types()[0] == "session.update"
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
from interpreter.emulator.app import REALTIME_PATH
from interpreter.emulator.faults import Faults, ServerStats
from interpreter.emulator.records import SessionRecord
from interpreter.emulator.server import EmulatorServer

# Generous: the machine may be loaded by other test runs; starting normally takes milliseconds.
_START_TIMEOUT_S = 20.0
_STOP_TIMEOUT_S = 10.0


class EmulatorHandle:
    """A running emulator as seen from another thread.

    Attributes:
        base_url: ``http://127.0.0.1:N``.
        api_key: the first accepted API key (``sk-emulator-demo`` by default).
        faults: the live fault settings (``faults.update(...)`` from any thread).
        stats: handshake/connection counters.
        server: the :class:`EmulatorServer` (touch it only on its own loop).
    """

    def __init__(self, server: EmulatorServer, api_key: str) -> None:
        self.server = server
        self.base_url = server.base_url
        self.api_key = api_key
        self.faults: Faults = server.faults
        self.stats: ServerStats = server.stats

    @property
    def sessions(self) -> list[SessionRecord]:
        """Records of every connection so far, oldest first."""
        return self.server.sessions

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
def running_emulator(**kwargs: Any) -> Iterator[EmulatorHandle]:
    """Start an :class:`EmulatorServer` (same keyword arguments) in a daemon thread; stop it on exit.

    Raises:
        EmulatorStartError / ScriptFileError / ValueError: as :class:`EmulatorServer` (re-raised in the caller).
    """
    server = EmulatorServer(**kwargs)
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
