"""JitterBuffer: pure, on a virtual clock."""

from __future__ import annotations

import numpy as np
import pytest

from interpreter.media.jitter import JitterBuffer


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _pcm(ms: float, value: int = 1000, rate: int = 24000) -> bytes:
    return np.full(int(rate * ms / 1000), value, np.int16).tobytes()


def test_holds_until_target_then_plays_in_order() -> None:
    jb = JitterBuffer(24000, target_ms=80)
    jb.push(_pcm(40, 1))
    assert jb.pull(240) == bytes(480)  # 40 ms < 80 ms target: silence, not an underrun
    jb.push(_pcm(40, 2))
    out = np.frombuffer(jb.pull(960 + 960), np.int16)
    assert list(out[:960]) == [1] * 960 and list(out[960:]) == [2] * 960
    assert jb.stats().underruns == 0


def test_running_dry_mid_stream_is_an_underrun_and_rebuffers() -> None:
    jb = JitterBuffer(24000, target_ms=80)
    jb.push(_pcm(100))
    jb.pull(2400)
    out = jb.pull(480)  # 20 ms wanted, nothing there
    assert out == bytes(960)
    assert jb.stats().underruns == 1
    jb.push(_pcm(40))
    assert jb.pull(240) == bytes(480)  # rebuffering: waits for the target again
    assert jb.stats().underruns == 1


def test_end_of_stream_plays_the_short_tail_without_underrun() -> None:
    jb = JitterBuffer(24000, target_ms=80)
    jb.push(_pcm(30, 5))
    jb.mark_end()
    out = np.frombuffer(jb.pull(960), np.int16)
    assert list(out[:720]) == [5] * 720 and not out[720:].any()
    assert jb.stats().underruns == 0
    assert jb.drained


def test_overrun_drops_oldest() -> None:
    jb = JitterBuffer(24000, target_ms=80, max_ms=200)
    jb.push(_pcm(150, 1))
    jb.push(_pcm(100, 2))
    stats = jb.stats()
    assert stats.overruns == 1
    assert stats.dropped_ms == pytest.approx(50)
    out = np.frombuffer(jb.pull(2400 * 2), np.int16)
    assert out[0] == 1 and out[-1] == 2 and (out == 2).sum() == 2400


def test_clear_is_immediate() -> None:
    jb = JitterBuffer(24000)
    jb.push(_pcm(500))
    jb.clear()
    assert jb.drained and jb.pull(100) == bytes(200)


def test_latency_from_push_to_pull() -> None:
    clock = Clock()
    jb = JitterBuffer(24000, target_ms=80, clock=clock)
    for i in range(4):
        clock.now = i * 0.04
        jb.push(_pcm(40))
    clock.now = 0.2
    jb.pull(4800)
    assert list(jb.latencies_s) == pytest.approx([0.2, 0.16, 0.12, 0.08])


def test_jittery_network_with_target_has_no_underruns() -> None:
    # 40 ms chunks produced in real time, delivered with 0–60 ms random delay; device pulls 10 ms at a time.
    rng = np.random.default_rng(5)
    jb = JitterBuffer(24000, target_ms=80)
    arrivals = sorted((k * 0.04 + rng.uniform(0, 0.06), k) for k in range(500))
    i = 0
    for tick in range(2000):
        now = tick * 0.01
        while i < len(arrivals) and arrivals[i][0] <= now:
            jb.push(_pcm(40))
            i += 1
        jb.pull(240)
    assert jb.stats().underruns == 0


def test_rejects_half_samples_and_bad_config() -> None:
    with pytest.raises(ValueError):
        JitterBuffer(24000).push(b"\x00")
    with pytest.raises(ValueError):
        JitterBuffer(24000, target_ms=100, max_ms=50)
