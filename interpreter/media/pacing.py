"""Wall-clock pacing of PCM: stream a file (or any chunk iterator) as if it were a live microphone.

Why a deadline and not a sleep per chunk: ``await sleep(block_ms)`` after each send adds the loop's scheduling
delay and the send time to every block, so the stream falls a little further behind each time and latency grows
without bound over a long session (a known failure of other clients of this service). Here block ``k`` is due at
``t0 + k * block_samples / (rate * speed)``: a late wake-up is absorbed by the next deadline instead of adding up.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable

from interpreter.core.pcm import INPUT_RATE, SAMPLE_WIDTH


class PacedPcmSource:
    """Async iterator yielding fixed-size PCM blocks at real-time pace.

    Re-chunks arbitrary input chunks into ``block_ms`` blocks (the last block may be shorter). Block ``k`` is
    yielded no earlier than ``start + k * block_ms / speed``; the first block goes out at once. If the consumer
    falls behind, blocks that are already due are yielded without waiting, so the stream catches up to the clock
    instead of drifting.

    The input iterable is consumed on the event-loop thread; :func:`interpreter.media.files.decode_audio` costs well
    under a millisecond per codec frame, so that is cheap enough not to starve the loop.

    Args:
        chunks: mono s16le PCM chunks of any size (odd byte counts are carried over to keep samples whole).
        rate: sample rate of the PCM in Hz.
        block_ms: duration of each yielded block; 20–100 ms is sensible (the service recommends ~100 ms appends,
            the app's microphone uses 40 ms).
        speed: pace factor: 1.0 is real time, 2.0 twice as fast, ``math.inf`` as fast as the consumer reads.
        clock: monotonic clock in seconds (injectable for tests).
        sleep: coroutine sleeping for a number of seconds (injectable for tests).

    Attributes:
        samples_sent: samples yielded so far.
    """

    def __init__(
        self,
        chunks: Iterable[bytes],
        rate: int = INPUT_RATE,
        block_ms: int = 40,
        *,
        speed: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        if block_ms <= 0:
            raise ValueError(f"block_ms must be positive, got {block_ms}")
        if not speed > 0:  # also rejects NaN
            raise ValueError(f"speed must be positive, got {speed}")
        self._chunks = chunks
        self.rate = rate
        self.block_ms = block_ms
        self.speed = speed
        self._clock = clock
        self._sleep = sleep
        self.block_samples = max(1, rate * block_ms // 1000)
        self.samples_sent = 0
        self._started = False

    @property
    def position_s(self) -> float:
        """Seconds of audio yielded so far."""
        return self.samples_sent / self.rate

    def __aiter__(self) -> AsyncIterator[bytes]:
        if self._started:
            raise RuntimeError("a PacedPcmSource can be iterated only once")
        self._started = True
        return self._run()

    def _due(self, t0: float) -> float:
        if math.isinf(self.speed):
            return t0
        return t0 + self.samples_sent / (self.rate * self.speed)

    async def _run(self) -> AsyncIterator[bytes]:
        block_bytes = self.block_samples * SAMPLE_WIDTH
        pending = bytearray()
        t0: float | None = None
        for chunk in self._chunks:
            pending += chunk
            while len(pending) >= block_bytes:
                block = bytes(pending[:block_bytes])
                del pending[:block_bytes]
                if t0 is None:
                    t0 = self._clock()
                await self._wait_until(self._due(t0))
                self.samples_sent += self.block_samples
                yield block
        # Tail: a whole number of samples; a stray odd byte cannot be a sample and is dropped.
        tail_bytes = len(pending) - len(pending) % SAMPLE_WIDTH
        if tail_bytes:
            if t0 is None:
                t0 = self._clock()
            await self._wait_until(self._due(t0))
            self.samples_sent += tail_bytes // SAMPLE_WIDTH
            yield bytes(pending[:tail_bytes])

    async def _wait_until(self, deadline: float) -> None:
        delay = deadline - self._clock()
        if delay > 0:
            await self._sleep(delay)
        else:
            # Already due: still give other tasks a turn so a fast stream cannot monopolise the loop.
            await asyncio.sleep(0)
