"""Whether a failed HTTP request is made again, and after how long."""

from __future__ import annotations

import pytest

from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    NetworkError,
    NetworkTimeoutError,
    ProtocolError,
    QuotaExhaustedError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.protocol.retry import HttpRetryPolicy, backoff, http_retry_delay
from interpreter.transport.errors import ModelNotFoundError, StreamIncompleteError


@pytest.mark.parametrize(
    "error",
    [
        NetworkError("x"),
        NetworkTimeoutError("x"),
        StreamIncompleteError("cut"),
        ServerError("x", http_status=500),
        RateLimitError("x", http_status=429),
    ],
)
def test_transient_failures_are_retried_after_the_backoff(error: Exception) -> None:
    assert http_retry_delay(error, attempt=1, max_attempts=3, backoff_delay=0.7) == 0.7


@pytest.mark.parametrize(
    "error",
    [
        AuthenticationError("x", http_status=401),
        QuotaExhaustedError("x", http_status=429, code="insufficient_quota"),
        AccessDeniedError("x", http_status=403),
        RequestRejectedError("x", http_status=400),
        ModelNotFoundError("x", http_status=404, code=None, detail=None),
        ProtocolError("x"),
        ValueError("a bug"),
    ],
)
def test_failures_waiting_cannot_fix_are_not_retried(error: Exception) -> None:
    assert http_retry_delay(error, attempt=1, max_attempts=5, backoff_delay=0.7) is None


def test_retry_after_is_a_floor_under_the_backoff() -> None:
    limited = RateLimitError("x", http_status=429, retry_after_s=12.0)
    assert http_retry_delay(limited, attempt=1, max_attempts=5, backoff_delay=0.5) == 12.0
    assert http_retry_delay(limited, attempt=1, max_attempts=5, backoff_delay=20.0) == 20.0


def test_policy_gives_up_after_max_attempts() -> None:
    policy = HttpRetryPolicy(max_attempts=3, delays=backoff(initial=1.0, jitter=0.0))
    assert policy.next_delay(ServerError("x")) == 1.0
    assert policy.next_delay(StreamIncompleteError("cut")) == 2.0
    assert policy.next_delay(ServerError("x")) is None
    assert policy.attempts == 3
    with pytest.raises(ValueError):
        HttpRetryPolicy(max_attempts=0)
