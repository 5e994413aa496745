"""Rate-limit arithmetic with time passed in: per-minute windows, per-second smoothing, tokens, concurrency."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter.core.rate_limit import API_LIMITS, WINDOW_S, RateLimits, RateLimitState, limits_for


def test_rpm_is_smoothed_to_one_second_steps() -> None:
    state = RateLimitState(RateLimits(requests_per_minute=60))
    state.admit(0.0)
    assert state.wait_time(0.0) == pytest.approx(1.0)
    assert state.wait_time(0.4) == pytest.approx(0.6)
    state.admit(1.0)
    with pytest.raises(RuntimeError):
        state.admit(1.5)


def test_rpm_window_holds_once_the_minute_is_used_up() -> None:
    state = RateLimitState(RateLimits(requests_per_minute=5, burst=5))
    for _ in range(5):
        state.admit(0.0)
    assert state.requests_in_window(0.0) == 5
    assert state.wait_time(10.0) == pytest.approx(50.0)
    assert state.wait_time(WINDOW_S) == 0.0


def test_tokens_per_minute_with_settled_actuals() -> None:
    state = RateLimitState(RateLimits(tokens_per_minute=1000))
    grant = state.admit(0.0, 600)
    assert state.wait_time(0.0, 500) == pytest.approx(60.0)
    state.settle(grant, 300, now=10.0)
    assert state.tokens_in_window(10.0) == 300
    assert state.wait_time(10.0, 500) == 0.0
    state.admit(10.0, 500)
    # Both entries must leave before 900 more fit; the settled one counts from when it was settled.
    assert state.wait_time(20.0, 900) == pytest.approx(50.0)


def test_a_request_bigger_than_the_budget_goes_alone() -> None:
    state = RateLimitState(RateLimits(tokens_per_minute=1000))
    assert state.wait_time(0.0, 5000) == 0.0
    state.admit(0.0, 5000)
    assert state.wait_time(1.0, 10) == pytest.approx(59.0)


def test_concurrency_waits_for_a_release() -> None:
    state = RateLimitState(RateLimits(max_concurrency=2))
    first = state.admit(0.0)
    state.admit(0.0)
    assert state.wait_time(0.0) == math.inf
    state.release(first)
    state.release(first)  # idempotent
    assert state.in_flight == 1 and state.wait_time(0.0) == 0.0


def test_pause_holds_new_requests() -> None:
    state = RateLimitState(RateLimits())
    state.pause_until(30.0)
    state.pause_until(5.0)  # an earlier pause does not shorten it
    assert state.wait_time(10.0) == pytest.approx(20.0)
    assert state.wait_time(30.0) == 0.0


def test_presets_follow_the_spec_table() -> None:
    files = limits_for("file-translation")
    assert (files.requests_per_minute, files.tokens_per_minute) == (100, 100_000)
    assert files.smoothing_rate == pytest.approx(100 / 60)
    assert limits_for("file-translation", max_concurrency=8).max_concurrency == 8
    assert API_LIMITS["qwen-mt-plus"].requests_per_minute == 60
    assert API_LIMITS["ocr"].requests_per_minute == 600
    image = API_LIMITS["mt-image"]
    assert (image.smoothing_rate, image.smoothing_burst, image.max_concurrency) == (1.0, 1.0, 2)
    with pytest.raises(ValueError):
        RateLimits(requests_per_minute=0)


@settings(max_examples=60, deadline=None)
@given(
    rpm=st.integers(min_value=1, max_value=700),
    tpm=st.integers(min_value=1000, max_value=200_000),
    requests=st.lists(
        st.tuples(st.floats(min_value=0, max_value=5), st.integers(min_value=0, max_value=5000)),
        min_size=1,
        max_size=150,
    ),
)
def test_greedy_admission_never_breaks_a_limit(rpm: int, tpm: int, requests: list[tuple[float, int]]) -> None:
    limits = RateLimits(requests_per_minute=rpm, tokens_per_minute=tpm)
    state = RateLimitState(limits)
    now = 0.0
    starts: list[tuple[float, int]] = []
    for gap, tokens in requests:
        now += gap
        now += state.wait_time(now, tokens)
        state.admit(now, tokens)
        starts.append((now, tokens))
    rate, burst = limits.smoothing_rate, limits.smoothing_burst
    assert rate is not None
    slack = 1e-6  # float rounding at window edges (the service counts in far coarser steps)
    for begin, _ in starts:
        in_minute = [(t, k) for t, k in starts if begin <= t < begin + WINDOW_S - slack]
        assert len(in_minute) <= rpm
        # Tokens: over the budget only when a single oversized request went alone.
        assert sum(k for _, k in in_minute) <= tpm or len([k for _, k in in_minute if k]) == 1
        in_second = [t for t, _ in starts if begin <= t < begin + 1.0 - slack]
        assert len(in_second) <= math.floor(burst + rate * 1.0 + 1e-9)
