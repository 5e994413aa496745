"""FrameGate: decides which camera/screen frames are worth their image tokens, and encodes them. Pure: no device.

A 720p frame costs ~450 tokens, a second of audio 7–12.5; sending 2 fps of an unchanging slide would multiply the
bill for nothing. The gate sends a frame only when (a) at least ``1/max_fps`` s passed since the last one sent
(the service allows ≤ 2 images/s), and (b) the picture changed enough since the last frame SENT (comparing with the
last sent, not the last seen, lets a slow pan add up and eventually trigger), or a keep-alive interval elapsed.

Change metric: mean absolute difference of 64×36 grayscale thumbnails (0–255 scale). Area downscaling averages away
sensor noise and JPEG/video compression flicker, so noise scores ~1 while a slide change or a new scene scores 10+.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Literal

import cv2
import numpy as np

from interpreter.core.catalog import ModelInfo
from interpreter.errors import MediaError
from interpreter.media import texts

#: Thumbnail used for change detection (16:9, matches typical camera/screen aspect; 2304 pixels is plenty).
_THUMB_SIZE = (64, 36)
#: First, cheap downscale step of the fingerprint: to 5× the thumbnail (320×180), see :func:`fingerprint`.
_PRE_SCALE = 5
#: Service limits (spec §1.3): JPEG ≤ 500 KB before Base64, ≤ 1080p, ≤ 2 images per second.
SERVICE_MAX_BYTES = 500_000
SERVICE_MAX_HEIGHT = 1080
SERVICE_MAX_FPS = 2.0

Reason = Literal["first", "changed", "keepalive", "too_soon", "unchanged"]


@dataclass(frozen=True)
class GateConfig:
    """Tuning of the gate.

    Attributes:
        max_fps: cap on frames sent per second (≤ 2, the service limit).
        change_threshold: mean abs difference (0–255) of the thumbnails above which the picture "changed".
            6 sits well above camera noise (~1–2) and below a slide change or a person entering (≥ 10).
        keepalive_s: send a frame at least this often even when nothing changed, so the model's visual
            context does not go stale (0 disables).
        max_height: frames taller than this are scaled down (720p default: the service recommends 480p/720p).
        jpeg_quality: starting JPEG quality.
        min_jpeg_quality: lowest quality before the gate scales the frame down further to fit ``max_bytes``.
        max_bytes: hard cap on the JPEG size.
    """

    max_fps: float = SERVICE_MAX_FPS
    change_threshold: float = 6.0
    keepalive_s: float = 10.0
    max_height: int = 720
    jpeg_quality: int = 80
    min_jpeg_quality: int = 40
    max_bytes: int = SERVICE_MAX_BYTES

    def __post_init__(self) -> None:
        if not 0 < self.max_fps <= SERVICE_MAX_FPS:
            raise ValueError(f"max_fps must be within (0, {SERVICE_MAX_FPS}]")
        if not 0 < self.max_height <= SERVICE_MAX_HEIGHT:
            raise ValueError(f"max_height must be within (0, {SERVICE_MAX_HEIGHT}]")
        if not 0 < self.max_bytes <= SERVICE_MAX_BYTES:
            raise ValueError(f"max_bytes must be within (0, {SERVICE_MAX_BYTES}]")
        if not 1 <= self.min_jpeg_quality <= self.jpeg_quality <= 100:
            raise ValueError("need 1 <= min_jpeg_quality <= jpeg_quality <= 100")


@dataclass(frozen=True)
class GateDecision:
    """Whether to send a frame, and why (for logs and the UI)."""

    send: bool
    reason: Reason
    difference: float


@dataclass(frozen=True)
class EncodedFrame:
    """A JPEG ready for ``input_image_buffer.append``.

    Attributes:
        jpeg: the JPEG bytes (≤ ``max_bytes``).
        width: encoded width in pixels.
        height: encoded height in pixels.
        quality: JPEG quality used.
        tokens: image tokens this frame costs on the model (0 when no model was given).
        reason: why the gate let it through.
        captured_at: the source frame's capture time (monotonic seconds).
    """

    jpeg: bytes
    width: int
    height: int
    quality: int
    tokens: int
    reason: Reason
    captured_at: float


@dataclass
class GateStats:
    """Counters for the UI ("12 frames, 5,400 image tokens")."""

    offered: int = 0
    sent: int = 0
    tokens: int = 0
    bytes: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


def fingerprint(image: np.ndarray) -> np.ndarray:
    """Grayscale area-averaged thumbnail (float32) of a BGR or gray uint8 image.

    Downscales first and converts to gray on the 64×36 thumbnail: both steps are linear averages, so the order
    does not change the result beyond rounding, but the colour conversion then touches 2,304 pixels instead of
    921,600 (a 720p frame). The downscale runs in two steps: a bilinear step to 5× the thumbnail (each sample
    averages 2×2 pixels) then area averaging (25 samples per thumbnail pixel). That still averages ~100 pixels
    per thumbnail pixel, plenty to flatten sensor noise, for about a quarter of the CPU of one area resize.
    """
    height, width = image.shape[:2]
    coarse = (_THUMB_SIZE[0] * _PRE_SCALE, _THUMB_SIZE[1] * _PRE_SCALE)
    if width > coarse[0] and height > coarse[1]:
        image = cv2.resize(image, coarse, interpolation=cv2.INTER_LINEAR)
    thumb = cv2.resize(image, _THUMB_SIZE, interpolation=cv2.INTER_AREA)
    if thumb.ndim == 3:
        thumb = cv2.cvtColor(thumb, cv2.COLOR_BGR2GRAY)
    return thumb.astype(np.float32)


def difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference of two fingerprints, 0–255."""
    return float(np.mean(np.abs(a - b)))


class FrameGate:
    """Rate cap + scene-change detection + keep-alive + size-capped JPEG encoding.

    :meth:`offer` is cheap (a thumbnail) and :meth:`encode` costs a few milliseconds; both are pure functions of
    their inputs and the gate's state, so they can run in a worker thread (use one gate from one thread at a time).

    Args:
        config: tuning.
        model: the session's model, to count image tokens (None counts 0).
    """

    def __init__(self, config: GateConfig | None = None, *, model: ModelInfo | None = None) -> None:
        self.config = config or GateConfig()
        self.model = model
        self.stats = GateStats()
        self._last_sent_at: float | None = None
        self._last_fp: np.ndarray | None = None
        self._quality = self.config.jpeg_quality

    def offer(self, image: np.ndarray, now: float) -> GateDecision:
        """Decide whether ``image`` (seen at monotonic time ``now``) should be sent; records it as sent if so."""
        self.stats.offered += 1
        fp = fingerprint(image)
        diff = 255.0 if self._last_fp is None else difference(fp, self._last_fp)
        decision = self._decide(diff, now)
        if decision.send:
            self._last_sent_at = now
            self._last_fp = fp
        self.stats.reasons[decision.reason] = self.stats.reasons.get(decision.reason, 0) + 1
        return decision

    def _decide(self, diff: float, now: float) -> GateDecision:
        if self._last_sent_at is None:
            return GateDecision(True, "first", diff)
        # A tiny epsilon so frames arriving exactly on the 0.5 s grid are not rejected by float rounding.
        if now - self._last_sent_at < 1.0 / self.config.max_fps - 1e-6:
            return GateDecision(False, "too_soon", diff)
        if diff >= self.config.change_threshold:
            return GateDecision(True, "changed", diff)
        if self.config.keepalive_s and now - self._last_sent_at >= self.config.keepalive_s:
            return GateDecision(True, "keepalive", diff)
        return GateDecision(False, "unchanged", diff)

    def encode(self, image: np.ndarray, *, reason: Reason = "changed", captured_at: float = 0.0) -> EncodedFrame:
        """Scale to ≤ ``max_height`` and JPEG-encode within ``max_bytes``, adapting quality (and size if needed).

        Raises:
            MediaError: the frame cannot be encoded within the limit even at a tiny size (never for real frames).
        """
        cfg = self.config
        img = _fit_height(image, cfg.max_height)
        quality = self._quality
        while True:
            ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
            if not ok:
                raise MediaError(texts.FRAME_NOT_ENCODED(), detail=str(img.shape))
            data = buf.tobytes()
            if len(data) <= cfg.max_bytes:
                break
            if quality > cfg.min_jpeg_quality:
                quality = max(cfg.min_jpeg_quality, quality - 10)  # 10 points roughly shrinks the file by 20–30 %
                continue
            if img.shape[0] <= 64:  # 64 px: below this a frame is useless to the model
                raise MediaError(texts.FRAME_TOO_DETAILED(), detail=f"{len(data)} bytes")
            img = _fit_height(img, int(img.shape[0] * 0.75))  # then shrink: 0.75 roughly halves the pixels
        # Adapt: start the next frame at the quality that fit; creep back up when there is ample headroom.
        if len(data) < cfg.max_bytes // 2 and quality < cfg.jpeg_quality:
            quality = min(cfg.jpeg_quality, quality + 5)
        self._quality = quality
        h, w = img.shape[:2]
        tokens = self.model.image_tokens(w, h) if self.model is not None else 0
        self.stats.sent += 1
        self.stats.tokens += tokens
        self.stats.bytes += len(data)
        return EncodedFrame(data, w, h, quality, tokens, reason, captured_at)

    def process(self, image: np.ndarray, now: float, captured_at: float | None = None) -> EncodedFrame | None:
        """:meth:`offer` then :meth:`encode` when the gate opens; None otherwise."""
        decision = self.offer(image, now)
        if not decision.send:
            return None
        return self.encode(image, reason=decision.reason, captured_at=now if captured_at is None else captured_at)


def _fit_height(image: np.ndarray, max_height: int) -> np.ndarray:
    h, w = image.shape[:2]
    if h <= max_height:
        return image
    scale = max_height / h
    return cv2.resize(image, (max(1, round(w * scale)), max_height), interpolation=cv2.INTER_AREA)


async def gated_frames(
    frames: AsyncIterator[tuple[np.ndarray, float]],
    gate: FrameGate,
    *,
    executor: concurrent.futures.Executor | None = None,
    clock: Callable[[], float] | None = None,
) -> AsyncIterator[EncodedFrame]:
    """Run ``gate`` over ``(image, captured_at)`` pairs, off the event loop; yield the frames to send.

    Fingerprinting and JPEG encoding run in ``executor`` (default: the loop's default thread pool), so the Qt
    thread only schedules them. Frames are processed one at a time, in order.
    """
    loop = asyncio.get_running_loop()
    now_fn = clock or time.monotonic
    async for image, captured_at in frames:
        now = now_fn()
        encoded = await loop.run_in_executor(executor, gate.process, image, now, captured_at)
        if encoded is not None:
            yield encoded
