"""PacedPcmSource: deadline pacing on a virtual clock (exact) and on the real clock (no drift)."""

from __future__ import annotations

import asyncio
import math
import time

import pytest

from interpreter.media.pacing import PacedPcmSource


class VirtualClock:
    """A clock that only moves when the code under test sleeps, plus jitter we inject to simulate late wake-ups."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []
        self.oversleep = 0.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds + self.oversleep
        await asyncio.sleep(0)


def _pcm(samples: int) -> bytes:
    return bytes(range(256)) * (samples * 2 // 256) + bytes(samples * 2 % 256)


async def test_rechunks_into_blocks_and_keeps_every_byte() -> None:
    data = _pcm(16000)  # 1 s
    chunks = [data[i : i + 777] for i in range(0, len(data), 777)]  # odd sizes, split samples
    clock = VirtualClock()
    src = PacedPcmSource(chunks, rate=16000, block_ms=40, clock=clock, sleep=clock.sleep)
    blocks = [b async for b in src]
    assert b"".join(blocks) == data
    assert all(len(b) == 1280 for b in blocks[:-1])
    assert len(blocks) == 25
    assert src.samples_sent == 16000
    assert src.position_s == 1.0


async def test_block_k_is_due_at_t0_plus_k_blocks() -> None:
    clock = VirtualClock()
    src = PacedPcmSource([_pcm(8000)], rate=16000, block_ms=20, clock=clock, sleep=clock.sleep)
    times = []
    async for _ in src:
        times.append(clock.now - 100.0)
    assert times == pytest.approx([k * 0.020 for k in range(25)])


async def test_late_wakeups_do_not_accumulate() -> None:
    # Every sleep overshoots by 5 ms (a loaded loop). Sleep-per-chunk would be 25 * 5 ms = 125 ms late by the end;
    # deadline pacing stays within one overshoot.
    clock = VirtualClock()
    clock.oversleep = 0.005
    src = PacedPcmSource([_pcm(16000)], rate=16000, block_ms=40, clock=clock, sleep=clock.sleep)
    times = [clock.now - 100.0 async for _ in src]
    last_due = 24 * 0.040
    assert times[-1] - last_due <= 0.005 + 1e-9


async def test_speed_factor() -> None:
    clock = VirtualClock()
    src = PacedPcmSource([_pcm(16000)], rate=16000, block_ms=40, speed=4.0, clock=clock, sleep=clock.sleep)
    times = [clock.now - 100.0 async for _ in src]
    assert times[-1] == pytest.approx(24 * 0.040 / 4)


async def test_infinite_speed_never_sleeps() -> None:
    clock = VirtualClock()
    src = PacedPcmSource([_pcm(16000)], rate=16000, speed=math.inf, clock=clock, sleep=clock.sleep)
    assert len([b async for b in src]) == 25
    assert clock.sleeps == []


async def test_odd_trailing_byte_is_dropped_and_short_tail_kept() -> None:
    clock = VirtualClock()
    src = PacedPcmSource([_pcm(700) + b"\x01"], rate=16000, block_ms=40, clock=clock, sleep=clock.sleep)
    blocks = [b async for b in src]
    assert [len(b) for b in blocks] == [1280, 120]


async def test_real_clock_pace() -> None:
    # 0.5 s of audio must take about 0.5 s minus one block (the first block is immediate). Generous bounds:
    # other test runs share the CPU.
    src = PacedPcmSource([_pcm(8000)], rate=16000, block_ms=40)
    t0 = time.monotonic()
    n = 0
    async for _ in src:
        n += 1
    elapsed = time.monotonic() - t0
    assert n == 13
    assert elapsed >= 0.48 - 0.001
    assert elapsed < 3.0


async def test_iterates_only_once() -> None:
    src = PacedPcmSource([_pcm(10)])
    _ = [b async for b in src]
    with pytest.raises(RuntimeError):
        src.__aiter__()


@pytest.mark.parametrize("kw", [{"rate": 0}, {"block_ms": 0}, {"speed": 0.0}, {"speed": float("nan")}])
def test_rejects_bad_arguments(kw: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        PacedPcmSource([], **kw)  # type: ignore[arg-type]
