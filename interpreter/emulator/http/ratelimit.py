"""Per-model request and token limits over a sliding minute, like the service's RPM/TPM limits (spec §8.3).

The service counts per account and per model; the emulator counts per model (one emulator = one account). A
request is refused with 429 when the model already took ``requests_per_minute`` requests, or ``tokens_per_minute``
tokens, within the last 60 s; ``Retry-After`` says when the oldest of them leaves the window. Tokens are charged
when an answer is computed (input + output), so a request is admitted on the tokens of the requests before it —
as a real service can only judge a request by what it already counted.

The service also enforces RPM as RPS ≈ RPM/60 in bursts; the emulator does not (a client limiter built for the
minute window is what the benchmarks check), which is the lenient reading.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from dataclasses import dataclass, field

WINDOW_S = 60.0


@dataclass(frozen=True)
class ModelLimits:
    requests_per_minute: int
    tokens_per_minute: int


@dataclass
class _Window:
    requests: deque[float] = field(default_factory=deque)
    tokens: deque[tuple[float, int]] = field(default_factory=deque)


class RateLimiter:
    """Sliding-minute windows per model (thread-safe). ``now`` values come from one monotonic clock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, _Window] = {}

    def admit(self, model: str, limits: ModelLimits, now: float) -> float | None:
        """Count a request for ``model`` at ``now`` if the limits allow it.

        Returns:
            None when admitted (and counted), else the seconds until the window frees up (for ``Retry-After``).
        """
        with self._lock:
            window = self._windows.setdefault(model, _Window())
            self._expire(window, now)
            waits: list[float] = []
            if len(window.requests) >= limits.requests_per_minute:
                waits.append(window.requests[0] + WINDOW_S - now)
            if sum(tokens for _, tokens in window.tokens) >= limits.tokens_per_minute:
                waits.append(window.tokens[0][0] + WINDOW_S - now)
            if waits:
                return max(waits)
            window.requests.append(now)
            return None

    def charge(self, model: str, tokens: int, now: float) -> None:
        """Count ``tokens`` used by an answer for ``model`` at ``now``."""
        with self._lock:
            self._windows.setdefault(model, _Window()).tokens.append((now, tokens))

    @staticmethod
    def _expire(window: _Window, now: float) -> None:
        while window.requests and window.requests[0] <= now - WINDOW_S:
            window.requests.popleft()
        while window.tokens and window.tokens[0][0] <= now - WINDOW_S:
            window.tokens.popleft()


def retry_after_seconds(wait_s: float) -> int:
    """Whole seconds for ``Retry-After`` (rounded up, at least 1)."""
    return max(1, math.ceil(wait_s))
