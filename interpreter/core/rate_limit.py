"""Rate-limit arithmetic for the DashScope HTTP APIs: requests per minute, tokens per minute, requests per second
and concurrency, with time passed in (pure: no clock, no sleeping, no I/O).

Spec §8.3: limits are per account and model, over a minute, and the RPM limit is ALSO enforced as a rate of about
RPM/60 per second, so a burst under the per-minute count still gets 429s. :class:`RateLimitState` therefore checks,
for a request about to be sent:

- a sliding 60-second window of request start times (at most ``requests_per_minute``);
- a token bucket refilled at ``requests_per_second`` (default RPM/60) holding at most ``burst`` requests (default
  one second's worth, at least 1): the smoothing that keeps a batch from bursting;
- a sliding 60-second window of tokens (at most ``tokens_per_minute``); a request's estimate is counted when it
  starts and replaced by the actual count when its answer arrives (:meth:`RateLimitState.settle`);
- the number of requests in flight (at most ``max_concurrency``);
- a pause (a 429's ``Retry-After``) during which nothing starts.

``services.limiter.ApiLimiter`` drives this with a clock and asyncio waiting. The per-API presets of the spec's table
live here in :data:`API_LIMITS` (one place).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field, replace
from itertools import count

__all__ = ["API_LIMITS", "WINDOW_S", "Grant", "RateLimitState", "RateLimits", "limits_for"]

WINDOW_S = 60.0
"""Length of the service's per-minute windows, in seconds."""

_EPSILON_S = 1e-9
"""Slack for float rounding: waiting exactly the computed time must make the request fit, not miss by 1e-15 s."""


@dataclass(frozen=True)
class RateLimits:
    """The limits of one API (None = not limited on that axis).

    Attributes:
        requests_per_minute: requests started in any 60 s window.
        tokens_per_minute: tokens (estimated, then actual) in any 60 s window.
        max_concurrency: requests in flight at once.
        requests_per_second: sustained start rate; None derives RPM/60 (spec §8.3), or no smoothing without RPM.
        burst: requests the smoothing lets through back to back; None = one second's worth, at least 1.
    """

    requests_per_minute: float | None = None
    tokens_per_minute: int | None = None
    max_concurrency: int | None = None
    requests_per_second: float | None = None
    burst: float | None = None

    def __post_init__(self) -> None:
        for name in ("requests_per_minute", "tokens_per_minute", "max_concurrency", "requests_per_second", "burst"):
            value = getattr(self, name)
            if value is not None and not value > 0:
                raise ValueError(f"{name} must be > 0 or None, got {value!r}")

    @property
    def smoothing_rate(self) -> float | None:
        """Requests per second the token bucket refills at (None = no smoothing)."""
        if self.requests_per_second is not None:
            return self.requests_per_second
        if self.requests_per_minute is not None:
            return self.requests_per_minute / WINDOW_S
        return None

    @property
    def smoothing_burst(self) -> float:
        """Capacity of the token bucket (requests that may start back to back)."""
        if self.burst is not None:
            return self.burst
        rate = self.smoothing_rate
        return max(1.0, rate) if rate is not None else math.inf

    def with_concurrency(self, max_concurrency: int | None) -> RateLimits:
        """A copy with another concurrency (the user's setting)."""
        return replace(self, max_concurrency=max_concurrency)


# Spec §8.3 table. Concurrency for APIs without a documented one is the app's default (configurable by the user):
# enough in flight to keep the per-minute budget busy while answers take seconds, few enough to keep memory flat.
_DEFAULT_CONCURRENCY = 4
API_LIMITS: dict[str, RateLimits] = {
    # qwen3-livetranslate-flash (file translation): 100 RPM, 100 000 TPM.
    "file-translation": RateLimits(requests_per_minute=100, tokens_per_minute=100_000, max_concurrency=4),
    "qwen-mt-plus": RateLimits(requests_per_minute=60, tokens_per_minute=25_000, max_concurrency=_DEFAULT_CONCURRENCY),
    "qwen-mt-flash": RateLimits(requests_per_minute=60, tokens_per_minute=35_000, max_concurrency=_DEFAULT_CONCURRENCY),
    "qwen-mt-lite": RateLimits(requests_per_minute=60, tokens_per_minute=100_000, max_concurrency=_DEFAULT_CONCURRENCY),
    "qwen-mt-turbo": RateLimits(requests_per_minute=60, tokens_per_minute=35_000, max_concurrency=_DEFAULT_CONCURRENCY),
    # qwen-vl-ocr: 600 RPM (1 200 for -latest; we use the lower), 6 000 000 TPM.
    "ocr": RateLimits(requests_per_minute=600, tokens_per_minute=6_000_000, max_concurrency=_DEFAULT_CONCURRENCY),
    # qwen-mt-image: task submission 1 RPS with 2 tasks running at once.
    "mt-image": RateLimits(requests_per_second=1.0, burst=1.0, max_concurrency=2),
    # Task status queries: the MT-image page says 1 RPS, generic async pages 20 RPS [!]; take the stricter.
    "mt-image-query": RateLimits(requests_per_second=1.0, burst=1.0),
    # Temporary upload getPolicy: 100 QPS per account and model.
    "upload-policy": RateLimits(requests_per_second=100.0),
}


def limits_for(api: str, *, max_concurrency: int | None = None) -> RateLimits:
    """The preset of ``api`` (a key of :data:`API_LIMITS`), with the user's concurrency when given.

    Raises:
        KeyError: unknown API name (a programming error: the names are fixed).
    """
    limits = API_LIMITS[api]
    return limits.with_concurrency(max_concurrency) if max_concurrency is not None else limits


@dataclass
class Grant:
    """A request that was let through; keep it to settle its tokens and to release it."""

    id: int
    started_at: float
    tokens: int
    released: bool = False


@dataclass
class _TokenEntry:
    at: float
    tokens: int


@dataclass
class RateLimitState:
    """Bookkeeping of one API's limits; every method takes ``now`` (seconds on a monotonic clock).

    Use: ``wait = state.wait_time(now, tokens)``; when it is 0, ``grant = state.admit(now, tokens)``; after the
    answer ``state.settle(grant, actual, now)``; when the request ends ``state.release(grant)``. ``wait_time`` may
    be ``math.inf`` (all concurrency slots taken: wait for a release).
    """

    limits: RateLimits
    _starts: deque[float] = field(default_factory=deque)
    _tokens: dict[int, _TokenEntry] = field(default_factory=dict)
    _bucket: float | None = None
    _bucket_at: float | None = None
    _paused_until: float = -math.inf
    _in_flight: int = 0
    _ids: count[int] = field(default_factory=count)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def _forget(self, now: float) -> None:
        horizon = now - WINDOW_S + _EPSILON_S
        while self._starts and self._starts[0] <= horizon:
            self._starts.popleft()
        for grant_id in [gid for gid, entry in self._tokens.items() if entry.at <= horizon]:
            del self._tokens[grant_id]

    def _bucket_level(self, now: float) -> float:
        rate = self.limits.smoothing_rate
        capacity = self.limits.smoothing_burst
        if rate is None:
            return math.inf
        if self._bucket is None or self._bucket_at is None:
            return capacity
        return min(capacity, self._bucket + (now - self._bucket_at) * rate)

    def tokens_in_window(self, now: float) -> int:
        """Tokens counted in the 60 s window ending at ``now``."""
        self._forget(now)
        return sum(entry.tokens for entry in self._tokens.values())

    def requests_in_window(self, now: float) -> int:
        """Requests started in the 60 s window ending at ``now``."""
        self._forget(now)
        return len(self._starts)

    def wait_time(self, now: float, tokens: int = 0) -> float:
        """Seconds until a request estimated at ``tokens`` may start (0 = now; inf = when a slot is released).

        A request larger than the whole TPM budget is let through once the window holds no other tokens (it could
        never fit otherwise; the service will judge it).
        """
        self._forget(now)
        limits = self.limits
        if limits.max_concurrency is not None and self._in_flight >= limits.max_concurrency:
            return math.inf
        wait = max(0.0, self._paused_until - now)
        if limits.requests_per_minute is not None:
            cap = max(1, int(limits.requests_per_minute))  # whole requests; a fraction of one cannot start
            if len(self._starts) >= cap:
                # The start that must leave the window before one more fits.
                wait = max(wait, self._starts[len(self._starts) - cap] + WINDOW_S - now)
        rate = limits.smoothing_rate
        if rate is not None:
            level = self._bucket_level(now)
            if level < 1.0 - _EPSILON_S:
                wait = max(wait, (1.0 - level) / rate)
        if limits.tokens_per_minute is not None and tokens > 0:
            wait = max(wait, self._token_wait(now, tokens, limits.tokens_per_minute))
        return wait if wait > _EPSILON_S else 0.0

    def _token_wait(self, now: float, tokens: int, budget: int) -> float:
        entries = sorted(self._tokens.values(), key=lambda entry: entry.at)
        used = sum(entry.tokens for entry in entries)
        if used + tokens <= budget or not entries:
            return 0.0
        for entry in entries:
            used -= entry.tokens
            if used + tokens <= budget or used <= 0:
                return max(0.0, entry.at + WINDOW_S - now)
        return 0.0  # unreachable: the last entry leaves ``used`` at 0

    def admit(self, now: float, tokens: int = 0) -> Grant:
        """Record that a request estimated at ``tokens`` starts now.

        Raises:
            RuntimeError: it does not fit now (call :meth:`wait_time` first).
        """
        if self.wait_time(now, tokens) > 0:
            raise RuntimeError("admit() called while the request does not fit; wait_time() first")
        grant = Grant(id=next(self._ids), started_at=now, tokens=max(0, tokens))
        self._starts.append(now)
        if self.limits.smoothing_rate is not None:
            self._bucket = max(0.0, self._bucket_level(now) - 1.0)  # a level of 0.999999999 counted as 1
            self._bucket_at = now
        if grant.tokens:
            self._tokens[grant.id] = _TokenEntry(now, grant.tokens)
        self._in_flight += 1
        return grant

    def settle(self, grant: Grant, actual_tokens: int, now: float) -> None:
        """Replace the estimate by the tokens the answer reported, counted from ``now`` (when the service
        finished counting them): conservative, so a long answer never lets the next minute overrun."""
        grant.tokens = max(0, actual_tokens)
        self._tokens.pop(grant.id, None)
        if grant.tokens:
            self._tokens[grant.id] = _TokenEntry(now, grant.tokens)

    def release(self, grant: Grant) -> None:
        """The request ended (answered, failed or cancelled): its concurrency slot is free. Idempotent."""
        if not grant.released:
            grant.released = True
            self._in_flight -= 1

    def pause_until(self, when: float) -> None:
        """Start nothing before ``when`` (a 429's Retry-After); a later pause extends, an earlier one is ignored."""
        self._paused_until = max(self._paused_until, when)
