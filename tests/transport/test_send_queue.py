from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest

from interpreter.transport.send_queue import FrameKind, SendQueue


@dataclass(frozen=True)
class F:
    text: str
    kind: FrameKind


def _drain(queue: SendQueue) -> list[str]:
    async def take_all() -> list[str]:
        return [(await queue.get()).frame.text for _ in range(len(queue))]

    return asyncio.run(take_all())


def test_overflow_drops_the_oldest_audio_and_never_control() -> None:
    queue = SendQueue(max_frames=4)
    queue.put(F("update", "control"), 0.0)
    for n in range(6):
        queue.put(F(f"a{n}", "audio"), float(n))
    queue.put(F("finish", "control"), 9.0)
    assert queue.dropped_audio == 3
    assert _drain(queue) == ["update", "a3", "a4", "a5", "finish"]


def test_only_the_newest_images_are_kept() -> None:
    queue = SendQueue(max_frames=10, max_image_frames=2)
    queue.put(F("a0", "audio"), 0.0)
    for n in range(4):
        queue.put(F(f"i{n}", "image"), 0.0)
    assert queue.dropped_images == 2
    assert _drain(queue) == ["a0", "i2", "i3"]


def test_clear_counts_and_empties() -> None:
    queue = SendQueue(max_frames=3)
    for n in range(3):
        queue.put(F(f"a{n}", "audio"), 0.0)
    assert queue.high_water == 3
    assert queue.clear() == 3
    assert len(queue) == 0


async def test_get_waits_for_a_frame() -> None:
    queue = SendQueue()
    getter = asyncio.create_task(queue.get())
    await asyncio.sleep(0)
    assert not getter.done()
    queue.put(F("x", "audio"), 1.5)
    item = await asyncio.wait_for(getter, 5)
    assert item.frame.text == "x" and item.entered_at == 1.5


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        SendQueue(max_frames=0)
