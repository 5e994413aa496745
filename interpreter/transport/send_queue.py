"""A bounded queue of outgoing frames that never blocks the producer and never grows without limit.

The producer is the audio path (``send_audio`` on the loop thread, fed by the microphone every 20–40 ms); it
must never wait on the network. The consumer is the writer task that drains frames into the socket. When the
socket cannot keep up (a slow uplink, a stalled server), the queue fills and the OLDEST media frames are dropped:
in live interpretation fresh speech matters more than stale speech, and sending a backlog would only make
latency grow for the rest of the session (users' complaint #1). Control frames (``session.update``,
``session.finish``, commit/clear) are never dropped — losing one would break the session.

The queue counts frames, not bytes: every audio frame is a short stretch of audio (≈1.8 KB of JSON per 40 ms
block, one to a few blocks per frame), so a frame count is a time bound on the audio backlog, which is what matters
for latency. Images are the exception in size (up to ~670 KB of Base64 each), so they get their own tiny cap.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass
from typing import Protocol

from interpreter.protocol.session import FrameKind

DEFAULT_MAX_FRAMES = 100
"""Depth of the send queue: ≈ 10–12 s of audio at the connection's default wire appends (``DEFAULT_APPEND_MS``
= 100 ms, i.e. three 40 ms blocks per frame); 4 s if appends are single 40 ms blocks. Enough to ride out a short
uplink stall without losing speech, short enough that a longer stall drops stale audio instead of delaying every
later caption. A connection that stays stalled ends in a reconnect, where the session's replay buffer (not this
queue) re-sends the unfinished utterance."""

DEFAULT_MAX_IMAGE_FRAMES = 2
"""At most this many image frames wait at once: 1 s of pictures at the 2 fps cap. An older picture of the
screen or camera is worthless once a newer one is queued, and each one is large."""


class Frame(Protocol):
    """What the queue needs from a frame (``protocol.session.OutgoingFrame`` satisfies it)."""

    @property
    def text(self) -> str: ...

    @property
    def kind(self) -> FrameKind: ...


@dataclass(frozen=True, slots=True)
class QueuedFrame:
    """A frame plus when its data entered the client (``time.perf_counter()``, for latency metrics).

    Attributes:
        frame: the frame to write.
        entered_at: when the call that produced the frame entered the client (for audio: the newest block in it).
        held_since: for an audio frame gathering several blocks (``append_ms``), when its oldest block entered;
            None when the frame holds only the block that produced it.
    """

    frame: Frame
    entered_at: float
    held_since: float | None = None


class SendQueue:
    """Bounded FIFO of frames for one writer task; drop-oldest-media on overflow.

    Args:
        max_frames: total frames held before media frames are dropped (control frames may exceed it, since
            they are never dropped; there are only a handful per session).
        max_image_frames: image frames held before the oldest image is dropped.

    Contract: ``put`` never blocks and never raises on overflow; ``get`` waits for a frame. Single consumer.
    """

    def __init__(self, max_frames: int = DEFAULT_MAX_FRAMES, max_image_frames: int = DEFAULT_MAX_IMAGE_FRAMES) -> None:
        if max_frames < 1 or max_image_frames < 1:
            raise ValueError("queue limits must be at least 1")
        self._frames: deque[QueuedFrame] = deque()
        self._max_frames = max_frames
        self._max_images = max_image_frames
        self._images = 0
        self._ready = asyncio.Event()
        self.dropped_audio = 0
        """Audio frames dropped because the queue was full (cumulative)."""
        self.dropped_images = 0
        """Image frames dropped because a newer one replaced them or the queue was full (cumulative)."""
        self.high_water = 0
        """Largest number of frames ever held at once."""

    def __len__(self) -> int:
        return len(self._frames)

    @property
    def max_frames(self) -> int:
        return self._max_frames

    def put(self, frame: Frame, entered_at: float, held_since: float | None = None) -> None:
        """Append ``frame``; on overflow drop the oldest media frame (never a control frame)."""
        if frame.kind == "image" and self._images >= self._max_images:
            self._drop_oldest("image")
        if frame.kind != "control" and len(self._frames) >= self._max_frames and not self._drop_oldest(None):
            # Only control frames are queued (cannot happen with real traffic): drop the newcomer instead.
            self._count_drop(frame.kind)
            return
        self._frames.append(QueuedFrame(frame, entered_at, held_since))
        if frame.kind == "image":
            self._images += 1
        self.high_water = max(self.high_water, len(self._frames))
        self._ready.set()

    async def get(self) -> QueuedFrame:
        """Wait for and remove the oldest frame."""
        while not self._frames:
            self._ready.clear()
            await self._ready.wait()
        item = self._frames.popleft()
        if item.frame.kind == "image":
            self._images -= 1
        return item

    def clear(self) -> int:
        """Discard everything (the connection it was meant for is gone); return how many frames were discarded."""
        count = len(self._frames)
        self._frames.clear()
        self._images = 0
        return count

    def _drop_oldest(self, kind: FrameKind | None) -> bool:
        """Remove the oldest frame of ``kind`` (None = any media kind); False when there is none."""
        for index, item in enumerate(self._frames):
            item_kind = item.frame.kind
            if item_kind != "control" and (kind is None or item_kind == kind):
                del self._frames[index]
                if item_kind == "image":
                    self._images -= 1
                self._count_drop(item_kind)
                return True
        return False

    def _count_drop(self, kind: FrameKind) -> None:
        if kind == "audio":
            self.dropped_audio += 1
        elif kind == "image":
            self.dropped_images += 1
