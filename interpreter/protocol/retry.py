"""Retry policy as pure code: how long to wait, whether to try again, and when to stop.

The transport owns the sockets and the clock; it asks this module what to do. Keeping the policy free of I/O makes
it testable without an event loop and the same for every connection.
"""

from __future__ import annotations

import random
import re
from collections import deque
from collections.abc import Callable, Iterator
from enum import Enum

from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    NetworkError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
    ServiceError,
)

__all__ = ["Decision", "HandshakePacer", "RejectTracker", "backoff", "classify", "is_quota_exhausted"]


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


# Codes meaning the account's quota or balance is used up (spec §8.2, ``insufficient_quota``: "check your plan and
# billing details"), compared without case or separators. Unlike a per-minute throttle, waiting does not fix it.
_QUOTA_EXHAUSTED_CODES = ("insufficientquota",)


def is_quota_exhausted(error: BaseException) -> bool:
    """True for a refusal because the account's quota is used up (not a per-minute throttle): retrying is useless."""
    if not isinstance(error, ServiceError) or error.code is None:
        return False
    return re.sub(r"[^a-z0-9]", "", error.code.lower()) in _QUOTA_EXHAUSTED_CODES


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
