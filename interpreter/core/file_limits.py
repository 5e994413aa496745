"""What one file-translation request may carry (qwen3-livetranslate-flash, spec §2.1 and §3), as pure arithmetic.

The media layer sizes segments and clips with these numbers; services use :func:`estimate_video_tokens` and
:func:`audio_tokens` for cost estimates. Nothing here does I/O.
"""

from __future__ import annotations

import math

#: Spec §2.1: a Base64-encoded input string may be at most 10 MB. Taken as 10 * 1000 * 1000 characters (the
#: stricter reading of "MB" would be 10 * 1024 * 1024; the decimal one is below it, so it is safe under both).
MAX_BASE64_CHARS = 10_000_000

#: Spec §3: the answer may hold at most 4096 output tokens (``max_tokens`` ceiling of the model).
MAX_OUTPUT_TOKENS = 4096

#: Spec §1.11/§3: audio, in and out, is billed 12.5 tokens per second for qwen3 models.
AUDIO_TOKENS_PER_S = 12.5

#: Spec §3: the service samples video at 2 frames per second and accepts 4 to 128 frames per video.
VIDEO_FPS = 2.0
MIN_VIDEO_FRAMES = 4
MAX_VIDEO_FRAMES = 128

#: Spec §3 video token formula: one token per 32 x 32 pixel patch, per pair of frames.
VIDEO_PATCH_PX = 32
#: ... plus 2 tokens per video (start/end markers).
VIDEO_EXTRA_TOKENS = 2


def base64_chars(nbytes: int) -> int:
    """Length of the standard (padded) Base64 encoding of ``nbytes`` bytes."""
    if nbytes < 0:
        raise ValueError(f"nbytes must be >= 0, got {nbytes}")
    return 4 * math.ceil(nbytes / 3)


def data_url_chars(nbytes: int, mime: str) -> int:
    """Length of ``data:<mime>;base64,<payload>`` for a payload of ``nbytes`` bytes."""
    return len(f"data:{mime};base64,") + base64_chars(nbytes)


def fits_request(nbytes: int, mime: str) -> bool:
    """True when a payload of ``nbytes`` bytes, sent as a data URL, stays within :data:`MAX_BASE64_CHARS`."""
    return data_url_chars(nbytes, mime) <= MAX_BASE64_CHARS


def audio_tokens(duration_s: float) -> int:
    """Tokens billed for ``duration_s`` seconds of audio (spec §3: 12.5 tokens/s; under 1 s is billed as 1 s)."""
    if duration_s < 0:
        raise ValueError(f"duration_s must be >= 0, got {duration_s}")
    if duration_s == 0:
        return 0
    return math.ceil(max(duration_s, 1.0) * AUDIO_TOKENS_PER_S)


def video_frames(duration_s: float, fps: float = VIDEO_FPS) -> int:
    """Frames the service sees in ``duration_s`` seconds of video, clamped to its 4..128 frame range."""
    if duration_s < 0 or fps <= 0:
        raise ValueError(f"need duration_s >= 0 and fps > 0, got {duration_s}, {fps}")
    return min(MAX_VIDEO_FRAMES, max(MIN_VIDEO_FRAMES, math.ceil(duration_s * fps)))


def estimate_video_tokens(frames: int, width: int, height: int) -> int:
    """Video tokens per spec §3: ``ceil(frames / 2) * (h / 32) * (w / 32) + 2``.

    The spec does not say how a side that is not a multiple of 32 is counted; we round each side up to whole
    patches (the way image tokens are counted), so an estimate never comes out below the bill.

    Args:
        frames: frames sent (at 2 fps, 2 per second of video).
        width: frame width in pixels.
        height: frame height in pixels.

    Raises:
        ValueError: a negative frame count or a non-positive size.
    """
    if frames < 0 or width <= 0 or height <= 0:
        raise ValueError(f"need frames >= 0 and a positive size, got {frames}, {width}x{height}")
    if frames == 0:
        return 0
    patches = math.ceil(width / VIDEO_PATCH_PX) * math.ceil(height / VIDEO_PATCH_PX)
    return math.ceil(frames / 2) * patches + VIDEO_EXTRA_TOKENS
