"""HTTP fault injection (thread-safe, changeable while running), for the HTTP routes only.

Settable from tests (``emu.http_faults.update(status=503, status_times=2)``) and from the ``live-interpreter
emulator`` command line (``--http-status``, ``--http-cut-after-chunks``...). Wall-clock delays model the network and
are not scaled by the emulator's speed-up.

Status faults count the HTTP requests seen since the last :meth:`HttpFaults.update` / :meth:`HttpFaults.clear`:
``status_every=3`` fails requests 3, 6, 9...; ``status_times=2`` fails the next two; neither fails every request.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from interpreter.emulator.faults import LiveSettings
from interpreter.emulator.http.errors import INJECTABLE_STATUSES


@dataclass(frozen=True)
class HttpFaultSettings:
    """One consistent set of HTTP fault settings (the defaults inject nothing).

    Attributes:
        status: answer with this HTTP status (400, 401, 403, 404, 429, 500, 502, 503, 504) and its compat error body.
        status_times: only the next N requests (decremented by each injected answer); ``None`` = no count limit.
        status_every: only every Nth request (counted since the last change); wins over ``status_times``.
        retry_after_s: ``Retry-After`` of an injected 429/503 and of the rate limiter's 429, whole seconds.
        first_byte_delay_ms: wait this long before answering anything (headers included): a slow first byte.
        cut_after_chunks: abort the TCP connection after sending this many SSE chunks (no ``[DONE]``, no end of the
            chunked body): a stream cut mid-way.
        error_after_chunks: after this many SSE chunks, send ``data: {"error": {...}}`` and end the stream normally
            (without ``[DONE]``).
        error_code: code (and type) of that mid-stream error; ``error_message`` its message.
        rate_limits: enforce each model's documented per-minute request and token limits (spec §8.3) with 429
            ``limit_requests`` + ``Retry-After``; off by default so a test's burst of requests is not throttled.
    """

    status: int | None = None
    status_times: int | None = None
    status_every: int | None = None
    retry_after_s: int = 1
    first_byte_delay_ms: float = 0.0
    cut_after_chunks: int | None = None
    error_after_chunks: int | None = None
    error_code: str = "internal_error"
    error_message: str = "An internal error has occured, try again later or contact service support."
    rate_limits: bool = False

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in INJECTABLE_STATUSES:
            raise ValueError(f"status must be one of {INJECTABLE_STATUSES}, not {self.status}")
        for name in ("status_times", "cut_after_chunks", "error_after_chunks", "retry_after_s"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")
        if self.status_every is not None and self.status_every < 1:
            raise ValueError("status_every must be at least 1")
        if self.first_byte_delay_ms < 0:
            raise ValueError("first_byte_delay_ms must not be negative")


class HttpFaults(LiveSettings[HttpFaultSettings]):
    """Thread-safe, mutable HTTP fault settings (see :class:`HttpFaultSettings`).

    Example:
        ``HttpFaults(status=429, status_times=1)``: the next request gets 429 + ``Retry-After``, the one after
        succeeds — the shape of a retry test.
    """

    def __init__(self, **settings: Any) -> None:
        super().__init__(HttpFaultSettings(**settings))
        self._requests = 0

    def _on_update(self) -> None:
        self._requests = 0

    def take_request(self) -> tuple[HttpFaultSettings, int | None]:
        """Count one request and decide its injected status.

        Returns:
            The settings for this request and the status to answer with, or None to serve it normally.
        """
        with self._lock:
            self._requests += 1
            settings = self._settings
            if settings.status is None:
                return settings, None
            if settings.status_every is not None:
                return settings, settings.status if self._requests % settings.status_every == 0 else None
            if settings.status_times is not None:
                if settings.status_times <= 0:
                    return settings, None
                self._settings = dataclasses.replace(settings, status_times=settings.status_times - 1)
            return settings, settings.status
