"""Retry policy: backoff shape, error classification, and giving up on repeated connect-then-reject."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    InterpreterError,
    MediaError,
    NetworkError,
    NetworkTimeoutError,
    ProtocolError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.protocol import Decision, RejectTracker, backoff, classify


def test_backoff_without_jitter_doubles_up_to_the_cap() -> None:
    delays = list(itertools.islice(backoff(initial=0.5, factor=2.0, maximum=5.0, jitter=0.0), 7))
    assert delays == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0, 5.0]


def test_backoff_jitter_is_deterministic_with_an_injected_rng() -> None:
    first = list(itertools.islice(backoff(rng=random.Random(7).random), 10))
    second = list(itertools.islice(backoff(rng=random.Random(7).random), 10))
    assert first == second
    extremes = list(
        itertools.islice(backoff(initial=1.0, jitter=0.25, rng=itertools.cycle([0.0, 0.999999]).__next__), 2)
    )
    assert extremes[0] == pytest.approx(0.75)
    assert extremes[1] == pytest.approx(2.5, rel=1e-5)


@pytest.mark.parametrize(
    "kwargs", [{"initial": 0}, {"factor": 0.5}, {"maximum": 0.1}, {"jitter": 1.0}, {"jitter": -0.1}]
)
def test_backoff_rejects_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        backoff(**kwargs)


@settings(max_examples=200, deadline=None)
@given(
    initial=st.floats(0.01, 5.0),
    factor=st.floats(1.0, 4.0),
    extra=st.floats(0.0, 60.0),
    jitter=st.floats(0.0, 0.99),
    seed=st.integers(0, 2**32),
)
def test_backoff_is_bounded_and_follows_a_non_decreasing_base(
    initial: float, factor: float, extra: float, jitter: float, seed: int
) -> None:
    maximum = initial + extra
    delays = list(itertools.islice(backoff(initial, factor, maximum, jitter, random.Random(seed).random), 40))
    base = initial
    previous_base = 0.0
    for delay in delays:
        assert 0.0 <= delay <= maximum
        assert base >= previous_base
        # Each delay is its base spread by at most ± jitter (then clipped to the cap).
        assert base * (1 - jitter) - 1e-9 <= delay <= min(maximum, base * (1 + jitter)) + 1e-9
        previous_base, base = base, min(maximum, base * factor)


@pytest.mark.parametrize(
    ("error", "decision"),
    [
        (AuthenticationError("bad key"), Decision.FATAL),
        (AccessDeniedError("no access"), Decision.FATAL),
        (ConfigError("bad voice"), Decision.FATAL),
        (RequestRejectedError("rejected"), Decision.FATAL),
        (NetworkError("dropped"), Decision.RETRY),
        (NetworkTimeoutError("silent"), Decision.RETRY),
        (RateLimitError("429"), Decision.RETRY),
        (ServerError("500"), Decision.RETRY),
        (ProtocolError("garbage"), Decision.FATAL),
        (MediaError("mic gone"), Decision.FATAL),
        (InterpreterError("other"), Decision.FATAL),
        (RuntimeError("bug"), Decision.FATAL),
    ],
)
def test_classify(error: BaseException, decision: Decision) -> None:
    assert classify(error) is decision


def test_reject_tracker_gives_up_after_repeated_connect_then_reject() -> None:
    tracker = RejectTracker(max_rejects=3)
    for _ in range(2):
        tracker.record_connected()
        tracker.record_rejected_after_connect()
        assert not tracker.should_give_up()
    tracker.record_connected()
    tracker.record_rejected_after_connect()
    assert tracker.should_give_up()
    assert tracker.connections == 3


def test_reject_tracker_forgives_after_a_session_that_streamed() -> None:
    tracker = RejectTracker(max_rejects=2)
    tracker.record_connected()
    tracker.record_rejected_after_connect()
    tracker.record_connected()
    tracker.record_success()
    tracker.record_connected()
    tracker.record_rejected_after_connect()
    assert not tracker.should_give_up()
    tracker.record_connected()
    tracker.record_rejected_after_connect()
    assert tracker.should_give_up()


def test_reject_tracker_needs_at_least_one_reject() -> None:
    with pytest.raises(ValueError):
        RejectTracker(max_rejects=0)


def test_exhausted_quota_is_fatal_a_throttle_is_not() -> None:
    from interpreter.protocol.retry import is_quota_exhausted

    assert classify(RateLimitError("quota", code="insufficient_quota")) is Decision.FATAL
    assert is_quota_exhausted(RateLimitError("quota", code="Insufficient-Quota"))
    assert classify(RateLimitError("busy", code="Throttling.RateQuota")) is Decision.RETRY
    assert classify(RateLimitError("busy")) is Decision.RETRY


def test_handshake_pacer_allows_the_limit_then_waits_out_the_window() -> None:
    from interpreter.protocol.retry import HandshakePacer

    pacer = HandshakePacer(limit=6, window_s=60.0)
    for second in range(6):
        assert pacer.wait_before_next(float(second)) == 0.0
        pacer.record(float(second))
    assert pacer.wait_before_next(6.0) == 54.0  # the 7th waits until the 1st leaves the window
    pacer.record(60.0)
    assert pacer.wait_before_next(60.5) == 0.5  # now the 2nd (t=1) is the oldest of the last six
    with pytest.raises(ValueError):
        HandshakePacer(limit=0)
