"""JitterBuffer and its adaptive policy: pure, on a virtual clock."""

from __future__ import annotations

import numpy as np
import pytest

from interpreter.media.jitter import JitterBuffer
from interpreter.media.jitter_policy import ArrivalDelayTracker, adaptive_target_ms

RATE = 24000
PULL = 240  # 10 ms device pulls


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _pcm(ms: float, value: int = 1000, rate: int = RATE) -> bytes:
    return np.full(int(rate * ms / 1000), value, np.int16).tobytes()


def _samples(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm, np.int16)


def test_holds_the_first_audio_for_the_target_then_plays_in_order() -> None:
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, clock=clock)
    jb.push(_pcm(40, 1))
    clock.now = 0.04
    jb.push(_pcm(40, 2))
    clock.now = 0.079
    assert jb.pull(PULL) == bytes(2 * PULL)  # held: silence, not an underrun
    clock.now = 0.08
    out = _samples(jb.pull(960 + 960))
    assert list(out[:960]) == [1] * 960 and list(out[960:]) == [2] * 960
    assert jb.stats().underruns == 0


def test_running_dry_mid_stream_is_an_underrun_and_rebuffers() -> None:
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, max_target_ms=80, clock=clock)
    jb.push(_pcm(100))
    clock.now = 0.1
    jb.pull(2400)
    assert jb.pull(480) == bytes(960)  # 20 ms wanted, nothing there
    assert jb.stats().underruns == 1
    jb.push(_pcm(40))
    clock.now = 0.15
    assert jb.pull(PULL) == bytes(480)  # rebuffering: the new audio is held for the target again
    clock.now = 0.18
    assert _samples(jb.pull(PULL)).all()
    assert jb.stats().underruns == 1


def test_end_of_stream_plays_the_short_tail_at_once_without_underrun() -> None:
    jb = JitterBuffer(RATE, target_ms=80, clock=Clock())
    jb.push(_pcm(30, 5))
    jb.mark_end()
    out = _samples(jb.pull(960))
    assert list(out[:720]) == [5] * 720 and not out[720:].any()
    assert jb.stats().underruns == 0
    assert jb.drained


def test_overrun_drops_oldest() -> None:
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, max_ms=200, clock=clock)
    jb.push(_pcm(150, 1))
    jb.push(_pcm(100, 2))
    stats = jb.stats()
    assert stats.overruns == 1
    assert stats.dropped_ms == pytest.approx(50)
    clock.now = 1.0
    out = _samples(jb.pull(2400 * 2))
    assert out[0] == 1 and out[-1] == 2 and (out == 2).sum() == 2400


def test_clear_is_immediate() -> None:
    jb = JitterBuffer(RATE)
    jb.push(_pcm(500))
    jb.clear()
    assert jb.drained and jb.pull(100) == bytes(200)


def test_latency_from_push_to_pull() -> None:
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, clock=clock)
    for i in range(4):
        clock.now = i * 0.04
        jb.push(_pcm(40))
    clock.now = 0.2
    jb.pull(4800)
    assert list(jb.latencies_s) == pytest.approx([0.2, 0.16, 0.12, 0.08])


def _stream(
    jb: JitterBuffer,
    clock: Clock,
    arrivals: np.ndarray,
    chunk: bytes,
    seconds: float,
    *,
    start_s: float = 0.0,
    end: bool = True,
) -> None:
    """Deliver one ``chunk`` at each arrival time while the device pulls 10 ms every 10 ms, from ``start_s`` for
    ``seconds``; with ``end``, mark the end of the stream after the last chunk."""
    i = int(np.searchsorted(arrivals, start_s, side="right")) if start_s else 0
    for tick in range(round(start_s / 0.01), round((start_s + seconds) / 0.01)):
        clock.now = tick * 0.01
        while i < len(arrivals) and arrivals[i] <= clock.now:
            jb.push(chunk)
            i += 1
        if end and i == len(arrivals):
            jb.mark_end()
        jb.pull(PULL)


def test_calm_network_keeps_the_base_target() -> None:
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, clock=clock)
    arrivals = np.arange(750) * 0.04 + 0.02 + np.random.default_rng(3).uniform(0, 0.005, 750)  # 30 s, ±5 ms
    _stream(jb, clock, arrivals, bytes(1920), 31)
    stats = jb.stats()
    assert stats.underruns == 0 and stats.target_ms == 80 and stats.padded_ms == 0


def test_a_raised_target_carries_over_to_the_next_responses() -> None:
    # Twelve 5 s responses, 1 s apart; in each, one chunk comes 120 ms late (the next ones queue behind it, as on
    # TCP). A fixed 80 ms target underruns in every response; the adaptive one only in the first.
    arrivals: list[float] = []
    ends: list[int] = []
    for response in range(12):
        t0 = response * 6.0
        times = t0 + np.arange(125) * 0.04 + 0.02
        times[60:] += 0.12
        arrivals.extend(np.maximum.accumulate(times))
        ends.append(len(arrivals))
    results = []
    for max_target in (80, 300):
        clock = Clock()
        jb = JitterBuffer(RATE, target_ms=80, max_target_ms=max_target, clock=clock)
        i = 0
        for tick in range(12 * 600):
            clock.now = tick * 0.01
            while i < len(arrivals) and arrivals[i] <= clock.now:
                jb.push(bytes(1920))
                i += 1
                if i in ends:
                    jb.mark_end()
            jb.pull(PULL)
        results.append(jb.stats())
    fixed, adaptive = results
    assert fixed.underruns == 12
    assert adaptive.underruns == 1
    assert 200 <= adaptive.target_ms <= 300  # 2 x 120 ms + margin, capped at 300


def test_speech_is_never_padded_or_trimmed() -> None:
    # A continuous tone (no pause anywhere) on a jittery network: the target may rise, but only a (re)start may
    # apply it; no sample of speech is replaced by silence or skipped.
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, clock=clock)
    arrivals = np.arange(500) * 0.04 + 0.02
    arrivals[100] += 0.06
    arrivals = np.maximum.accumulate(arrivals)
    _stream(jb, clock, arrivals, _pcm(40, 3000), 21)
    stats = jb.stats()
    assert stats.target_ms > 80
    assert stats.padded_ms == 0 and stats.trimmed_ms == 0
    assert stats.played_ms == pytest.approx(500 * 40)


def test_target_returns_to_base_after_a_calm_minute_and_the_extra_delay_is_taken_back() -> None:
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, clock=clock)
    n = 2500  # 100 s
    arrivals = np.arange(n) * 0.04 + 0.02
    arrivals[50] += 0.1  # one bad moment at 2 s, then calm
    arrivals = np.maximum.accumulate(arrivals)
    _stream(jb, clock, arrivals, bytes(1920), 20, end=False)
    grown = jb.stats()
    assert grown.target_ms > 150
    assert grown.underruns <= 1  # the very first late chunk cannot be foreseen
    _stream(jb, clock, arrivals, bytes(1920), 81, start_s=20)
    calm = jb.stats()
    assert calm.target_ms == 80
    # Back down inside silence, by no more than the buffer itself added above the base target.
    assert 0 < calm.trimmed_ms <= grown.target_ms - 80 + calm.padded_ms
    assert calm.underruns == grown.underruns


def test_adaptive_stream_with_exponential_jitter_has_no_underruns() -> None:
    clock = Clock()
    jb = JitterBuffer(RATE, target_ms=80, clock=clock)
    rng = np.random.default_rng(1)
    arrivals = np.maximum.accumulate(np.arange(3000) * 0.04 + 0.02 + rng.exponential(0.01, 3000))  # 2 minutes
    _stream(jb, clock, arrivals, bytes(1920), 121)
    stats = jb.stats()
    assert stats.underruns == 0
    assert 80 < stats.target_ms <= 300
    assert stats.padded_ms > 0  # grown inside silence, before a late chunk could cause an underrun


def test_delay_tracker_ignores_bursts_and_new_streams() -> None:
    tracker = ArrivalDelayTracker()
    # A burst: 1 s of audio in 0.1 s. Nothing is late.
    assert max(tracker.observe(i * 0.004, 0.04) for i in range(25)) == pytest.approx(0)
    # The pause before the next response is not jitter: new stream.
    tracker.new_stream()
    assert tracker.observe(10.0, 0.04) == pytest.approx(0)
    assert tracker.observe(10.04 + 0.07, 0.04) == pytest.approx(0.07)
    assert tracker.peak_s(10.2) == pytest.approx(0.07)
    assert tracker.peak_s(75.0) == 0  # forgotten after the peak window


def test_target_formula_is_bounded() -> None:
    assert adaptive_target_ms(0, base_ms=80, max_ms=300, margin_ms=10) == 80
    assert adaptive_target_ms(60, base_ms=80, max_ms=300, margin_ms=10) == pytest.approx(130)
    assert adaptive_target_ms(500, base_ms=80, max_ms=300, margin_ms=10) == 300


def test_rejects_half_samples_and_bad_config() -> None:
    with pytest.raises(ValueError):
        JitterBuffer(RATE).push(b"\x00")
    with pytest.raises(ValueError):
        JitterBuffer(RATE, target_ms=100, max_ms=50)
