"""Retry policy as pure code: how long to wait, whether to try again, and when to stop.

The transport owns the sockets and the clock; it asks this module what to do. Keeping the policy free of I/O makes
it testable without an event loop and the same for every connection.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable, Iterator
from enum import Enum

from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    NetworkError,
    QuotaExhaustedError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
    ServiceError,
)

__all__ = [
    "QUOTA_EXHAUSTED_CODES",
    "Decision",
    "HandshakePacer",
    "HttpRetryPolicy",
    "RejectTracker",
    "backoff",
    "classify",
    "http_retry_delay",
    "is_quota_exhausted",
    "normalize_code",
]


def backoff(
    initial: float = 0.5,
    factor: float = 2.0,
    maximum: float = 30.0,
    jitter: float = 0.25,
    rng: Callable[[], float] = random.random,
) -> Iterator[float]:
    """Endless exponential backoff delays in seconds, each spread by ± ``jitter`` of itself.

    The base delay goes ``initial, initial*factor, …`` up to ``maximum``; each yielded delay is the base times a
    factor drawn from [1 - jitter, 1 + jitter) and then clipped to [0, maximum]. Jitter keeps many clients that lost
    the same server from reconnecting in lock step (and tripping the 10 connections/minute limit together).

    Args:
        initial: first base delay (s), > 0.
        factor: growth per attempt, >= 1.
        maximum: cap (s), >= initial.
        jitter: relative spread in [0, 1).
        rng: source of uniform numbers in [0, 1); inject a seeded one for deterministic tests.

    Raises:
        ValueError: for arguments outside those ranges.
    """
    if initial <= 0 or factor < 1 or maximum < initial or not 0 <= jitter < 1:
        raise ValueError(f"invalid backoff({initial=}, {factor=}, {maximum=}, {jitter=})")
    return _delays(initial, factor, maximum, jitter, rng)


def _delays(initial: float, factor: float, maximum: float, jitter: float, rng: Callable[[], float]) -> Iterator[float]:
    base = initial
    while True:
        spread = 1.0 + jitter * (2.0 * rng() - 1.0)
        yield min(maximum, max(0.0, base * spread))
        base = min(maximum, base * factor)


class Decision(Enum):
    """What to do after a failure."""

    RETRY = "retry"
    FATAL = "fatal"


# Failures that waiting cannot fix: a wrong key, a model the account may not use, a config the server refuses.
_FATAL: tuple[type[BaseException], ...] = (AuthenticationError, AccessDeniedError, ConfigError, RequestRejectedError)
# Failures that waiting can fix: the network, throttling, the service having a bad moment.
_RETRY: tuple[type[BaseException], ...] = (NetworkError, RateLimitError, ServerError)


def classify(error: BaseException) -> Decision:
    """RETRY for network trouble, throttling and server errors; FATAL for everything else, including errors this
    policy does not know (retrying an unknown failure forever hides it from the user)."""
    if isinstance(error, _FATAL) or is_quota_exhausted(error):
        return Decision.FATAL
    if isinstance(error, _RETRY):
        return Decision.RETRY
    return Decision.FATAL


def normalize_code(code: str | None) -> str:
    """``code`` lower-cased without separators, so ``Throttling.AllocationQuota``, ``throttling_allocation_quota``
    and ``THROTTLING-ALLOCATION-QUOTA`` compare equal (spec §8.2: compare codes, never messages)."""
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


# Codes meaning the account's quota or balance is gone (spec §8.1-§8.3: ``insufficient_quota`` "check your plan and
# billing details", the allocated or free-tier quota, arrears). Unlike a per-minute throttle, waiting does not bring
# it back, so they are fatal even when the status is 429. One list for realtime events, handshakes and HTTP.
QUOTA_EXHAUSTED_CODES = frozenset(
    {"insufficientquota", "throttlingallocationquota", "allocationquota", "allocationquotafreetieronly", "arrearage"}
)


def is_quota_exhausted(error: BaseException) -> bool:
    """True for a refusal because the account's quota is used up (not a per-minute throttle): retrying is useless."""
    if isinstance(error, QuotaExhaustedError):
        return True
    if not isinstance(error, ServiceError) or error.code is None:
        return False
    return normalize_code(error.code) in QUOTA_EXHAUSTED_CODES


MAX_HANDSHAKES_PER_MINUTE = 6
"""The realtime service admits about 10 new connections per minute per account (spec §1.12); 6 leaves room for a
second window or a preview, so a client that keeps being refused (429) or dropped never burns the whole quota."""


class HandshakePacer:
    """Sliding-window limit on connection attempts: at most ``limit`` handshakes in any ``window_s`` seconds.

    Pure bookkeeping: the caller passes its clock readings (monotonic seconds).

    Args:
        limit: handshakes allowed per window (>= 1).
        window_s: window length in seconds (> 0).
    """

    def __init__(self, limit: int = MAX_HANDSHAKES_PER_MINUTE, window_s: float = 60.0) -> None:
        if limit < 1 or window_s <= 0:
            raise ValueError(f"invalid HandshakePacer({limit=}, {window_s=})")
        self.limit = limit
        self.window_s = window_s
        self._times: deque[float] = deque()

    def record(self, now: float) -> None:
        """A handshake starts at ``now``."""
        self._times.append(now)
        while len(self._times) > self.limit:
            self._times.popleft()

    def wait_before_next(self, now: float) -> float:
        """Seconds to wait from ``now`` so that the next handshake stays within the limit (0: go ahead)."""
        if len(self._times) < self.limit:
            return 0.0
        return max(0.0, self._times[0] + self.window_s - now)


class RejectTracker:
    """Stops reconnecting when the service keeps accepting the connection and then rejecting the session.

    A bad key or a disabled model often shows up as "connected, then refused" rather than as a failed connect;
    such an answer does not improve with waiting, so after ``max_rejects`` of them in a row without one session that
    actually streamed, :meth:`should_give_up` turns True.

    Args:
        max_rejects: consecutive connect-then-reject outcomes that end the retries (>= 1). Three tells a real
            refusal from a blip without keeping the user waiting through a long backoff.
    """

    def __init__(self, max_rejects: int = 3) -> None:
        if max_rejects < 1:
            raise ValueError(f"max_rejects must be >= 1, got {max_rejects}")
        self.max_rejects = max_rejects
        self.consecutive_rejects = 0
        self.connections = 0

    def record_connected(self) -> None:
        """The handshake succeeded (the session is not proven yet)."""
        self.connections += 1

    def record_rejected_after_connect(self) -> None:
        """The session failed after a successful handshake, before it streamed."""
        self.consecutive_rejects += 1

    def record_success(self) -> None:
        """A configured session streamed audio: the key and config work, so later failures are blips again."""
        self.consecutive_rejects = 0

    def should_give_up(self) -> bool:
        """True once ``max_rejects`` connect-then-reject outcomes happened in a row."""
        return self.consecutive_rejects >= self.max_rejects


def http_retry_delay(error: BaseException, *, attempt: int, max_attempts: int, backoff_delay: float) -> float | None:
    """Seconds to wait before making a failed HTTP request again, or None when it must not be made again.

    Retried: network trouble (including a stream cut mid-way: the whole request is made again, nothing partial is
    kept), throttling and server errors, while ``attempt < max_attempts``. Never retried: a wrong key, an exhausted
    quota (``QuotaExhaustedError`` is an ``AccessDeniedError``), a model that does not exist, a rejected request,
    an answer we cannot parse, anything unknown. A server's ``Retry-After`` (``RateLimitError.retry_after_s``) is a
    floor under the backoff delay.

    Args:
        error: what the failed attempt raised.
        attempt: how many attempts were made so far (>= 1).
        max_attempts: attempts allowed in all (>= 1).
        backoff_delay: this attempt's delay from :func:`backoff`.
    """
    if attempt >= max_attempts or classify(error) is Decision.FATAL:
        return None
    delay = backoff_delay
    if isinstance(error, RateLimitError) and error.retry_after_s is not None:
        delay = max(delay, error.retry_after_s)
    return delay


class HttpRetryPolicy:
    """Attempts of one HTTP request: ``next_delay(error)`` after each failure, None meaning give up.

    Args:
        max_attempts: attempts allowed in all, the first included. Five spans about half a minute of default
            backoff, enough to ride out a throttling minute (spec §8.3: limits recover within ~1 minute with a
            Retry-After) without hiding a real outage from the user for long.
        delays: backoff delays (a fresh :func:`backoff` by default; inject a seeded one in tests).
    """

    def __init__(self, max_attempts: int = 5, delays: Iterator[float] | None = None) -> None:
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be >= 1, got {max_attempts}")
        self.max_attempts = max_attempts
        self.attempts = 0
        self._delays = delays if delays is not None else backoff(initial=1.0)

    def next_delay(self, error: BaseException) -> float | None:
        """Record a failed attempt; the seconds to wait before the next one, or None to give up."""
        self.attempts += 1
        return http_retry_delay(
            error, attempt=self.attempts, max_attempts=self.max_attempts, backoff_delay=next(self._delays)
        )
