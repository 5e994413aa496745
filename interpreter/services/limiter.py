"""One limiter per API, shared by every request to it: waits until a request fits the per-minute limits, the
per-second smoothing and the concurrency, so a batch saturates the limits without a 429 storm.

    limiter = ApiLimiter.for_api("file-translation", max_concurrency=4)
    async with limiter.slot(estimated_tokens=1_800) as slot:
        result = await client.chat_completion(payload)
        slot.settle(result.usage.total_tokens)

On a 429 with Retry-After, ``limiter.pause_for(seconds)`` holds every waiter (requests already in flight go on).
Waiters are served in arrival order: a large request is not starved by a stream of small ones. The arithmetic is
``core.rate_limit`` (pure); this module adds the clock and the waiting. Clock and sleep are injectable so tests can
run hours of traffic in virtual time.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from interpreter.core.rate_limit import Grant, RateLimits, RateLimitState, limits_for

__all__ = ["ApiLimiter", "LimiterStats", "Slot"]


@dataclass
class LimiterStats:
    """Counters for benchmarks and the UI: requests let through, settled tokens, total seconds spent waiting."""

    granted: int = 0
    tokens_settled: int = 0
    waited_s: float = 0.0
    pauses: int = 0


class Slot:
    """A request's place under the limits; :meth:`settle` with the answer's actual token count."""

    def __init__(self, limiter: ApiLimiter, grant: Grant) -> None:
        self._limiter = limiter
        self._grant = grant

    @property
    def tokens(self) -> int:
        """Tokens currently counted for this request (the estimate until settled)."""
        return self._grant.tokens

    def settle(self, actual_tokens: int) -> None:
        """Count ``actual_tokens`` (the usage the service reported) instead of the estimate."""
        self._limiter._settle(self._grant, actual_tokens)


class ApiLimiter:
    """Requests-per-minute, tokens-per-minute, per-second smoothing and concurrency for one API.

    Args:
        requests_per_minute, tokens_per_minute, max_concurrency: see :class:`~interpreter.core.rate_limit.RateLimits`
            (None = unlimited on that axis).
        requests_per_second: explicit start rate (e.g. 1 for qwen-mt-image); None derives RPM/60.
        burst: back-to-back starts the smoothing allows (None = one second's worth).
        clock: monotonic seconds (``time.monotonic`` by default).
        sleep: ``asyncio.sleep``-like coroutine function for the same clock.
    """

    def __init__(
        self,
        requests_per_minute: float | None = None,
        tokens_per_minute: int | None = None,
        max_concurrency: int | None = None,
        *,
        requests_per_second: float | None = None,
        burst: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        limits = RateLimits(requests_per_minute, tokens_per_minute, max_concurrency, requests_per_second, burst)
        self._state = RateLimitState(limits)
        self._clock = clock
        self._sleep = sleep
        self._queue: deque[object] = deque()
        self._wakeups: set[asyncio.Future[None]] = set()
        self.stats = LimiterStats()

    @classmethod
    def from_limits(
        cls,
        limits: RateLimits,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> ApiLimiter:
        """A limiter enforcing ``limits``."""
        return cls(
            limits.requests_per_minute,
            limits.tokens_per_minute,
            limits.max_concurrency,
            requests_per_second=limits.requests_per_second,
            burst=limits.burst,
            clock=clock,
            sleep=sleep,
        )

    @classmethod
    def for_api(
        cls,
        api: str,
        *,
        max_concurrency: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> ApiLimiter:
        """A limiter with the preset of ``api`` (``core.rate_limit.API_LIMITS``: "file-translation", "ocr",
        "qwen-mt-plus", "mt-image", ...) and the user's concurrency when given."""
        return cls.from_limits(limits_for(api, max_concurrency=max_concurrency), clock=clock, sleep=sleep)

    @property
    def limits(self) -> RateLimits:
        return self._state.limits

    @property
    def in_flight(self) -> int:
        return self._state.in_flight

    @property
    def waiting(self) -> int:
        """Requests waiting for a slot."""
        return len(self._queue)

    @contextlib.asynccontextmanager
    async def slot(self, estimated_tokens: int = 0) -> AsyncIterator[Slot]:
        """Wait until a request estimated at ``estimated_tokens`` fits, then hold its place until the block ends.

        Cancellation while waiting leaves nothing behind; the slot is released however the block ends.
        """
        grant = await self._acquire(max(0, estimated_tokens))
        try:
            yield Slot(self, grant)
        finally:
            self._state.release(grant)
            self._wake_all()

    def pause_for(self, seconds: float) -> None:
        """Start nothing for ``seconds`` (a 429's Retry-After): every waiter holds, in-flight requests go on."""
        if seconds > 0:
            self._state.pause_until(self._clock() + seconds)
            self.stats.pauses += 1
            self._wake_all()

    async def _acquire(self, tokens: int) -> Grant:
        ticket = object()
        self._queue.append(ticket)
        began = self._clock()
        try:
            while True:
                now = self._clock()
                wait = self._state.wait_time(now, tokens) if self._queue[0] is ticket else math.inf
                if wait <= 0:
                    grant = self._state.admit(now, tokens)
                    self.stats.granted += 1
                    self.stats.waited_s += now - began
                    return grant
                await self._wait(wait)
        finally:
            self._queue.remove(ticket)
            self._wake_all()  # the next in line may fit now (or the queue head left by cancellation)

    async def _wait(self, seconds: float) -> None:
        """Until ``seconds`` pass on our clock or something changes (release, settle, pause, queue moved)."""
        loop = asyncio.get_running_loop()
        wakeup: asyncio.Future[None] = loop.create_future()
        self._wakeups.add(wakeup)
        timer = asyncio.ensure_future(self._sleep(seconds)) if math.isfinite(seconds) else None
        try:
            waits: set[asyncio.Future[None]] = {wakeup} if timer is None else {wakeup, timer}
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._wakeups.discard(wakeup)
            if timer is not None and not timer.done():
                timer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await timer

    def _wake_all(self) -> None:
        for wakeup in self._wakeups:
            if not wakeup.done():
                wakeup.set_result(None)

    def _settle(self, grant: Grant, actual_tokens: int) -> None:
        self._state.settle(grant, actual_tokens, self._clock())
        self.stats.tokens_settled += max(0, actual_tokens)
        self._wake_all()
