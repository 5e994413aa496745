"""Segment a media file at pauses: stream-decode its audio into an energy profile, then plan cuts (core).

Everything here is synchronous and CPU-bound (an hour of audio decodes in a few seconds): callers on the event loop
run it in a worker thread (``asyncio.to_thread``). Memory stays flat: audio is decoded one codec frame at a time and
only the profile (one float per 20 ms, 2.9 MB for 4 hours) is kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interpreter.core.pcm import FULL_SCALE, SAMPLE_WIDTH, SILENCE_DBFS
from interpreter.core.segment_plan import (
    DEFAULT_FRAME_MS,
    DEFAULT_MAX_S,
    DEFAULT_MIN_S,
    DEFAULT_TARGET_S,
    Levels,
    SegmentSpan,
    plan_cuts,
)
from interpreter.errors import MediaFileError
from interpreter.media.files import SERVICE_INPUT_RATE, decode_audio

#: PCM gathered before one vectorised pass over it (4 s of 16 kHz s16).
_BATCH_BYTES = 128 * 1024

__all__ = ["EnergyProfile", "ProgressCallback", "SegmentSpan", "energy_profile", "levels_of_pcm", "plan_segments"]


@dataclass(frozen=True)
class EnergyProfile:
    """Short-window loudness of a whole audio track.

    Attributes:
        levels: RMS level in dBFS of each ``frame_ms`` frame (float32; the last frame may be partial).
        frame_ms: frame length.
        duration_ms: exact length of the decoded audio.
    """

    levels: Levels
    frame_ms: int
    duration_ms: int


def _frame_levels(frames: np.ndarray) -> Levels:
    """dBFS RMS of each row of a (k, n) int16 array; digital silence reads :data:`SILENCE_DBFS`."""
    power = np.mean(np.square(frames, dtype=np.float64), axis=1)
    with np.errstate(divide="ignore"):
        db = 10.0 * np.log10(power / (FULL_SCALE * FULL_SCALE))
    levels: Levels = np.maximum(db, SILENCE_DBFS).astype(np.float32)
    return levels


#: Reports how many milliseconds of audio have been analysed; raising from it stops the analysis (cancel).
ProgressCallback = Callable[[int], None]


def levels_of_pcm(
    chunks: Iterable[bytes],
    rate: int = SERVICE_INPUT_RATE,
    frame_ms: int = DEFAULT_FRAME_MS,
    *,
    on_progress: ProgressCallback | None = None,
) -> EnergyProfile:
    """Energy profile of s16le mono PCM given in chunks of any size (whole samples).

    ``on_progress`` is called with the milliseconds analysed so far every few seconds of audio (from this thread).
    """
    if frame_ms <= 0 or rate <= 0:
        raise ValueError(f"need positive rate and frame_ms, got {rate}, {frame_ms}")
    frame_len = rate * frame_ms // 1000
    parts: list[Levels] = []
    pending: list[bytes] = []
    pending_bytes = 0
    total = 0
    carry = np.zeros(0, dtype=np.int16)

    def flush() -> None:
        nonlocal carry, pending_bytes
        data = np.concatenate((carry, np.frombuffer(b"".join(pending), dtype="<i2")))
        pending.clear()
        pending_bytes = 0
        whole = data.size - data.size % frame_len
        if whole:
            parts.append(_frame_levels(data[:whole].reshape(-1, frame_len)))
        carry = data[whole:]

    for chunk in chunks:
        pending.append(chunk)
        pending_bytes += len(chunk)
        total += len(chunk) // SAMPLE_WIDTH
        # Codec frames are 10-100 ms; batching about 4 s per numpy pass keeps the Python overhead negligible
        # while the buffer stays small (128 KB).
        if pending_bytes >= _BATCH_BYTES:
            flush()
            if on_progress is not None:
                on_progress(total * 1000 // rate)
    flush()
    if carry.size:
        parts.append(_frame_levels(carry.reshape(1, -1)))
    levels = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
    return EnergyProfile(levels=levels, frame_ms=frame_ms, duration_ms=total * 1000 // rate)


def energy_profile(
    path: str | os.PathLike[str],
    frame_ms: int = DEFAULT_FRAME_MS,
    *,
    on_progress: ProgressCallback | None = None,
) -> EnergyProfile:
    """Decode the first audio track of ``path`` (streaming, 16 kHz mono) into an :class:`EnergyProfile`.

    Blocking and CPU-bound (an hour of audio takes a few seconds): run it in a worker thread. ``on_progress``
    receives the milliseconds decoded so far; an exception raised from it stops decoding, closes the file and
    propagates (that is how a caller cancels).

    Raises:
        MediaFileError: the file cannot be opened, has no audio, or its audio cannot be decoded.
    """
    chunks = decode_audio(path, SERVICE_INPUT_RATE)
    try:
        return levels_of_pcm(chunks, SERVICE_INPUT_RATE, frame_ms, on_progress=on_progress)
    finally:
        chunks.close()  # type: ignore[attr-defined]  # a generator: closing it closes the file at once


def plan_segments(
    source: str | os.PathLike[str] | EnergyProfile,
    *,
    target_s: float = DEFAULT_TARGET_S,
    max_s: float = DEFAULT_MAX_S,
    min_s: float = DEFAULT_MIN_S,
    on_progress: ProgressCallback | None = None,
) -> list[SegmentSpan]:
    """Cut a media file (or its profile) into segments at pauses; see :mod:`interpreter.core.segment_plan`.

    ``on_progress``: see :func:`energy_profile` (only used when ``source`` is a path).

    Defaults: about 30 s per segment, never more than 60 s (the 128-frame video limit at 2 fps is 64 s; the spoken
    answer must fit 4096 output tokens), at least 4 s unless the file is shorter. Blocking: run in a worker thread.

    Returns:
        Non-overlapping segments in time order, each containing speech (silent stretches are left out).

    Raises:
        MediaFileError: the file cannot be decoded, or it holds nothing but silence.
    """
    profile = source if isinstance(source, EnergyProfile) else energy_profile(source, on_progress=on_progress)
    spans = plan_cuts(
        profile.levels,
        frame_ms=profile.frame_ms,
        duration_ms=profile.duration_ms,
        target_s=target_s,
        max_s=max_s,
        min_s=min_s,
    )
    if not spans and not isinstance(source, EnergyProfile):
        name = Path(source).name
        raise MediaFileError(
            f"The file {name!r} contains only silence; there is nothing to translate in it.", detail=str(source)
        )
    return spans
