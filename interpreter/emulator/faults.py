"""Realtime (WebSocket) fault injection and connection counters, shared between the emulator's loop thread and the
test thread; plus :class:`LiveSettings`, the thread-safe holder both the realtime and the HTTP faults are built on.

Tests and the ``--drop-after-seconds``-style command-line flags describe faults with :class:`RealtimeFaults`. The
emulator reads a consistent copy (:meth:`LiveSettings.snapshot`) when a connection starts and on every client message,
so a test can change faults at any time from any thread with :meth:`LiveSettings.update` and the next connection (or
the next message of a live one) sees the change. HTTP faults live in :mod:`interpreter.emulator.http.faults`.

Fault timings are wall-clock (they model the network), unlike emulated speech time, which ``speed`` scales.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

# Handshake rejections a test can ask for (spec §1.12 / §8.1): bad key, access denied, throttled.
REJECT_STATUSES = (401, 403, 429)


@dataclass(frozen=True)
class RealtimeFaultSettings:
    """One consistent set of realtime fault settings (all ``None`` = no fault).

    Attributes:
        reject_handshake: answer the WebSocket upgrade with this HTTP status (401, 403 or 429) instead of accepting.
        reject_handshake_times: reject only this many more handshakes, then accept again (``None`` = every one).
            Decremented by each rejection, so ``reject_handshake=429, reject_handshake_times=2`` lets the third
            attempt through — the shape of a retry test.
        retry_after_s: ``Retry-After`` header value of a 429 rejection, in whole seconds.
        drop_after_seconds: abort the TCP connection (no close frame) this long after the upgrade.
        drop_after_messages: abort the TCP connection after receiving this many client messages.
        delay_ms: extra latency added to every server event (events keep their order; throughput is unchanged).
        error_after_messages: after this many client messages, send one ``error`` event with ``error_code``.
        error_code: code of that injected error event.
        error_message: message of that injected error event.
        stall_after_messages: after this many client messages, stop sending anything and ignore the client, while
            keeping the socket open (the client's own timeouts must notice).
    """

    reject_handshake: int | None = None
    reject_handshake_times: int | None = None
    retry_after_s: int = 1
    drop_after_seconds: float | None = None
    drop_after_messages: int | None = None
    delay_ms: float = 0.0
    error_after_messages: int | None = None
    error_code: str = "internal_error"
    error_message: str = "An internal error has occured, try again later or contact service support."
    stall_after_messages: int | None = None

    def __post_init__(self) -> None:
        if self.reject_handshake is not None and self.reject_handshake not in REJECT_STATUSES:
            raise ValueError(f"reject_handshake must be one of {REJECT_STATUSES}, not {self.reject_handshake}")
        for name in ("drop_after_seconds", "drop_after_messages", "error_after_messages", "stall_after_messages"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")
        if self.delay_ms < 0:
            raise ValueError("delay_ms must not be negative")


_Settings = TypeVar("_Settings")


class LiveSettings(Generic[_Settings]):
    """A frozen settings dataclass behind a lock: replaced atomically, read as consistent snapshots from any thread.

    Reading an attribute (``faults.delay_ms``) returns its current value.
    """

    def __init__(self, settings: _Settings) -> None:
        self._lock = threading.Lock()
        self._settings = settings
        self._initial_type = type(settings)

    def update(self, **changes: Any) -> None:
        """Change some settings atomically; unknown names or invalid values raise ``TypeError``/``ValueError``."""
        with self._lock:
            self._settings = dataclasses.replace(self._settings, **changes)  # type: ignore[type-var]
            self._on_update()

    def clear(self) -> None:
        """Remove every fault (back to the defaults)."""
        with self._lock:
            self._settings = self._initial_type()
            self._on_update()

    def snapshot(self) -> _Settings:
        """A consistent copy of the current settings."""
        with self._lock:
            return self._settings

    def _on_update(self) -> None:
        """Hook for subclasses, called under the lock after every change."""

    def __getattr__(self, name: str) -> Any:
        # Only reached for names that are not real attributes: read-through to the current settings.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.snapshot(), name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.snapshot()!r})"


class RealtimeFaults(LiveSettings[RealtimeFaultSettings]):
    """Thread-safe, mutable realtime fault settings (see :class:`RealtimeFaultSettings` for each field).

    Example:
        ``faults = RealtimeFaults(drop_after_messages=10)``; later, from any thread:
        ``faults.update(drop_after_messages=None)``.
    """

    def __init__(self, **settings: Any) -> None:
        super().__init__(RealtimeFaultSettings(**settings))

    def take_handshake_rejection(self) -> RealtimeFaultSettings | None:
        """Decide whether to reject the handshake now; consumes one of ``reject_handshake_times`` if limited.

        Returns:
            The settings to reject with (status, Retry-After), or None to accept.
        """
        with self._lock:
            settings = self._settings
            if settings.reject_handshake is None:
                return None
            if settings.reject_handshake_times is not None:
                if settings.reject_handshake_times <= 0:
                    return None
                self._settings = dataclasses.replace(
                    settings, reject_handshake_times=settings.reject_handshake_times - 1
                )
            return settings


# The names before the HTTP routes existed; tests across the suite still use them.
Faults = RealtimeFaults
FaultSettings = RealtimeFaultSettings


@dataclass
class ServerStats:
    """Counters for assertions such as "the client did not storm the server with retries" (thread-safe)."""

    handshake_attempts: int = 0
    handshakes_rejected: int = 0
    connections: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, name: str) -> None:
        """Increment the counter ``name`` by one."""
        with self._lock:
            setattr(self, name, getattr(self, name) + 1)
