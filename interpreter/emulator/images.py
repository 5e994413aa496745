"""Checks on ``input_image_buffer.append`` (spec §1.4): JPEG only, ≤ 500 KB before Base64, ≤ 1080p, ≤ 2 per
second, and only after the first audio append. A violation becomes an ``error`` event; the session stays open.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from interpreter.emulator.jpeg import is_jpeg, jpeg_size

# 500 KB read as 500 KiB: the service's exact unit is undocumented, and a client keeping under 500 000 bytes
# passes either way.
MAX_IMAGE_BYTES = 500 * 1024
# "1080p": the long side at most 1920 and the short side at most 1080 px (portrait frames allowed).
MAX_LONG_SIDE, MAX_SHORT_SIDE = 1920, 1080
MAX_IMAGES_PER_SECOND = 2


class ImageRejected(Exception):
    """An image the service would refuse; the message is the error event's text."""


class ImageCheck:
    """Validates the images of one connection; the rate window runs in emulated time (wall time × ``speed``).

    Args:
        speed: emulated-time speed-up of the emulator.
        clock: wall-clock seconds (monotonic), injectable for tests.
    """

    def __init__(self, *, speed: float = 1.0, clock: Callable[[], float] | None = None) -> None:
        self._speed = speed
        self._clock = clock or time.monotonic
        self._accepted_at: deque[float] = deque()
        self._audio_seen = False

    def audio_seen(self) -> None:
        """Record that the client has appended audio (images are refused before that)."""
        self._audio_seen = True

    def check(self, image: bytes) -> tuple[int, int]:
        """Accept ``image`` (counting it in the rate window) or raise :class:`ImageRejected`.

        Returns:
            ``(width, height)`` of the accepted JPEG.
        """
        if not self._audio_seen:
            raise ImageRejected("Send at least one input_audio_buffer.append before input_image_buffer.append.")
        if not is_jpeg(image):
            raise ImageRejected("The image must be a JPEG (JPG) file.")
        if len(image) > MAX_IMAGE_BYTES:
            raise ImageRejected(f"The image is {len(image) / 1024:.0f} KB; the limit is 500 KB before Base64 encoding.")
        size = jpeg_size(image)
        if size is None:
            raise ImageRejected("The JPEG image is damaged: its frame size cannot be read.")
        width, height = size
        if max(size) > MAX_LONG_SIDE or min(size) > MAX_SHORT_SIDE:
            raise ImageRejected(f"The image is {width}x{height}; the largest accepted size is 1080p (1920x1080).")
        now = self._clock() * self._speed
        while self._accepted_at and now - self._accepted_at[0] >= 1.0:
            self._accepted_at.popleft()
        if len(self._accepted_at) >= MAX_IMAGES_PER_SECOND:
            raise ImageRejected("Too many images: send at most 2 images per second.")
        self._accepted_at.append(now)
        return width, height
