"""ApiLimiter in virtual time: a burst of requests never exceeds the limits; pauses and settling hold waiters."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import math
import random
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

import pytest

from interpreter.core.rate_limit import WINDOW_S
from interpreter.services.limiter import ApiLimiter

# Loop turns given to ready tasks before virtual time jumps to the next sleeper; a limiter wake-up chain takes a few.
_SETTLE_TURNS = 50
# Turns with no task runnable and no sleeper before we call it a deadlock (bounded wait, never a hang).
_MAX_IDLE_ROUNDS = 100
# Float rounding at window edges (the service counts in far coarser steps).
_SLACK_S = 1e-6


class VirtualTime:
    """A clock and ``sleep`` that jump straight to the next deadline once every task is waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._seq), future))
        await future

    async def run(self, main: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(main)
        idle = 0
        while not task.done():
            for _ in range(_SETTLE_TURNS):
                await asyncio.sleep(0)
            while self._sleepers and self._sleepers[0][2].done():  # cancelled timers
                heapq.heappop(self._sleepers)
            if task.done():
                break
            if not self._sleepers:
                idle += 1
                assert idle < _MAX_IDLE_ROUNDS, "deadlock: every task waits and no timer is pending"
                continue
            idle = 0
            deadline = self._sleepers[0][0]
            self.now = max(self.now, deadline)
            while self._sleepers and self._sleepers[0][0] <= deadline:
                _, _, future = heapq.heappop(self._sleepers)
                if not future.done():
                    future.set_result(None)
        await task


@dataclass
class Call:
    started: float
    ended: float
    estimate: int
    actual: int


async def test_a_burst_of_300_requests_never_exceeds_the_file_translation_limits() -> None:
    vt = VirtualTime()
    limiter = ApiLimiter.for_api("file-translation", max_concurrency=32, clock=vt.clock, sleep=vt.sleep)
    rng = random.Random(7)
    calls: list[Call] = []
    in_flight = 0
    peak = 0

    async def request() -> None:
        nonlocal in_flight, peak
        estimate = rng.randint(300, 4000)
        actual = rng.randint(estimate // 2, estimate)  # estimates are conservative
        async with limiter.slot(estimate) as slot:
            in_flight += 1
            peak = max(peak, in_flight)
            started = vt.now
            await vt.sleep(rng.uniform(2.0, 40.0))  # answer time
            slot.settle(actual)
            in_flight -= 1
            calls.append(Call(started, vt.now, estimate, actual))

    async def burst() -> None:
        await asyncio.gather(*(request() for _ in range(300)))

    await vt.run(burst())

    assert len(calls) == 300 and limiter.in_flight == 0 and limiter.waiting == 0
    assert peak <= 32
    starts = sorted(call.started for call in calls)
    for begin in starts:
        assert sum(begin <= t < begin + WINDOW_S - _SLACK_S for t in starts) <= 100
        # RPS smoothing (spec §8.3): no more than about RPM/60 per second, plus the one-second burst.
        assert sum(begin <= t < begin + 1.0 - _SLACK_S for t in starts) <= math.floor(100 / 60 + 100 / 60)
    # Tokens in any minute: estimates of answers still running plus actuals of answers that ended.
    busiest_tokens = 0
    for begin in [c.started for c in calls] + [c.ended for c in calls]:
        end = begin + WINDOW_S - _SLACK_S
        counted = sum(c.actual for c in calls if begin <= c.ended < end)
        counted += sum(c.estimate for c in calls if begin <= c.started < end and c.ended >= end)
        assert counted <= 100_000
        busiest_tokens = max(busiest_tokens, counted)
    # And the limits were used, not just respected: the busiest minute comes close to one of them.
    busiest_requests = max(sum(begin <= t < begin + WINDOW_S for t in starts) for begin in starts)
    assert busiest_requests >= 80 or busiest_tokens >= 80_000


async def test_pause_for_holds_every_waiter() -> None:
    vt = VirtualTime()
    limiter = ApiLimiter(requests_per_minute=600, clock=vt.clock, sleep=vt.sleep)
    starts: list[float] = []

    async def request() -> None:
        async with limiter.slot():
            starts.append(vt.now)

    async def scenario() -> None:
        await request()
        limiter.pause_for(30.0)
        await asyncio.gather(*(request() for _ in range(5)))

    await vt.run(scenario())
    assert starts[0] == 0.0
    assert all(t >= 30.0 for t in starts[1:]) and len(starts) == 6
    assert limiter.stats.pauses == 1 and limiter.stats.granted == 6


async def test_settling_more_than_estimated_delays_the_next_request() -> None:
    vt = VirtualTime()
    limiter = ApiLimiter(tokens_per_minute=1000, clock=vt.clock, sleep=vt.sleep)
    starts: list[float] = []

    async def scenario() -> None:
        async with limiter.slot(100) as slot:
            await vt.sleep(5.0)
            slot.settle(900)  # the answer was much longer than estimated
            assert slot.tokens == 900
        async with limiter.slot(200):
            starts.append(vt.now)

    await vt.run(scenario())
    assert starts == [pytest.approx(65.0)]  # the 900 settled at t=5 leave the window at t=65


async def test_waiters_are_served_in_order_and_a_cancelled_waiter_leaves_no_trace() -> None:
    vt = VirtualTime()
    limiter = ApiLimiter(max_concurrency=1, clock=vt.clock, sleep=vt.sleep)
    order: list[str] = []
    release = asyncio.Event()

    async def holder() -> None:
        async with limiter.slot():
            await release.wait()

    async def waiter(name: str) -> None:
        async with limiter.slot():
            order.append(name)

    async def scenario() -> None:
        first = asyncio.create_task(holder())
        await asyncio.sleep(0)
        doomed = asyncio.create_task(waiter("cancelled"))
        tasks = [asyncio.create_task(waiter(name)) for name in ("a", "b", "c")]
        for _ in range(5):
            await asyncio.sleep(0)
        assert limiter.waiting == 4
        doomed.cancel()
        release.set()
        await asyncio.gather(first, *tasks)
        with pytest.raises(asyncio.CancelledError):
            await doomed

    await vt.run(scenario())
    assert order == ["a", "b", "c"] and limiter.in_flight == 0 and limiter.waiting == 0


async def test_real_clock_limiter_lets_a_free_request_through() -> None:
    limiter = ApiLimiter.for_api("ocr")
    async with limiter.slot(10) as slot:
        slot.settle(12)
    assert limiter.stats.granted == 1 and limiter.stats.tokens_settled == 12
