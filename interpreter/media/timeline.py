"""Write translated speech onto the source timeline as one 24 kHz mono WAV (the dubbed soundtrack).

Placement is planned by :func:`interpreter.core.placement.plan_placement`; here the speech is sped up with FFmpeg's
``atempo`` filter (time-stretching that keeps the pitch: a faster voice, not a higher one) and written sequentially
through :class:`~interpreter.media.wav.WavWriter`, so memory holds one piece at a time whatever the length (a 4-hour
timeline is 690 MB of PCM: it is never in memory). Pieces may supply their PCM lazily (a loader), so the caller need
not hold them all either.

Blocking (filtering and disk writes): callers on the event loop run it in a worker thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error
import numpy as np

from interpreter.core.pcm import OUTPUT_RATE, SAMPLE_WIDTH
from interpreter.core.placement import Placement, SpeechSlot, plan_placement, timeline_ms
from interpreter.media.wav import WavWriter

__all__ = ["PlacedSpeech", "place_on_timeline", "stretch_pcm"]

#: Silence is written in blocks of this many samples (1 s) so a long gap never allocates a long buffer.
_SILENCE_BLOCK = OUTPUT_RATE
#: Samples per frame pushed into the filter graph (about 85 ms at 24 kHz; atempo works on ~40 ms windows).
_FILTER_FRAME = 2048


@dataclass(frozen=True)
class PlacedSpeech:
    """One segment's translated speech and where its source was.

    Attributes:
        start_ms: where the source segment starts.
        slot_end_ms: where the source segment ends.
        pcm24k: the speech as 24 kHz mono s16le, or a loader returning it (called once, when it is written).
        samples: sample count; required with a loader (planning needs every length before anything is loaded).
    """

    start_ms: int
    slot_end_ms: int
    pcm24k: bytes | Callable[[], bytes]
    samples: int | None = None

    @property
    def sample_count(self) -> int:
        """Length in samples."""
        if self.samples is not None:
            return self.samples
        if isinstance(self.pcm24k, bytes):
            return len(self.pcm24k) // SAMPLE_WIDTH
        raise ValueError("PlacedSpeech with a loader needs samples=")

    def load(self) -> bytes:
        """The PCM (calls the loader when there is one)."""
        return self.pcm24k if isinstance(self.pcm24k, bytes) else self.pcm24k()


def stretch_pcm(pcm: bytes, tempo: float, rate: int = OUTPUT_RATE) -> bytes:
    """Speed mono s16le speech up (or down) by ``tempo`` keeping its pitch (FFmpeg ``atempo``, 0.5..2.0).

    The result is ``len / tempo`` long, give or take a few milliseconds.
    """
    if not 0.5 <= tempo <= 2.0:
        raise ValueError(f"atempo takes 0.5..2.0, got {tempo}")
    samples = np.frombuffer(pcm, dtype="<i2")
    if tempo == 1.0 or samples.size == 0:
        return pcm
    graph = av.filter.Graph()
    source = graph.add_abuffer(format="s16", sample_rate=rate, layout="mono", time_base=Fraction(1, rate))
    stretch = graph.add("atempo", f"{tempo:.6f}")
    fmt = graph.add("aformat", f"sample_fmts=s16:sample_rates={rate}:channel_layouts=mono")
    sink = graph.add("abuffersink")
    source.link_to(stretch)
    stretch.link_to(fmt)
    fmt.link_to(sink)
    graph.configure()
    out: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                frame = graph.pull()
            except (BlockingIOError, av.error.EOFError):
                return
            assert isinstance(frame, av.AudioFrame)
            out.append(frame.to_ndarray().astype("<i2").tobytes())

    for start in range(0, samples.size, _FILTER_FRAME):
        block = np.ascontiguousarray(samples[start : start + _FILTER_FRAME]).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(block, format="s16", layout="mono")
        frame.sample_rate = rate
        frame.pts = start
        frame.time_base = Fraction(1, rate)
        graph.push(frame)
        drain()
    graph.push(None)
    drain()
    return b"".join(out)


def _write_silence(writer: WavWriter, samples: int) -> None:
    block = bytes(_SILENCE_BLOCK * SAMPLE_WIDTH)
    while samples > 0:
        n = min(samples, _SILENCE_BLOCK)
        writer.write(block[: n * SAMPLE_WIDTH])
        samples -= n


def place_on_timeline(
    pieces: Sequence[PlacedSpeech], total_ms: int, out: str | os.PathLike[str]
) -> tuple[Path, list[Placement]]:
    """Write the pieces' speech at their source times into a 24 kHz mono s16 WAV at ``out``, atomically.

    The WAV is ``total_ms`` long (longer only if the last speech runs past the source's end). Speech longer than
    its slot is sped up by at most 1.25x, then runs into the following silence, then delays the next piece (see
    :mod:`interpreter.core.placement`). Nothing appears under ``out`` unless the whole file was written: on any
    error or interruption the temporary file is removed.

    Args:
        pieces: speech in source order.
        total_ms: length of the source media.
        out: the final WAV path.

    Returns:
        The path written and the placements used (for reports and subtitles of the dubbed track).

    Raises:
        MediaFileError: the file could not be created or written (folder not writable, disk full).
        ValueError: pieces out of order.
    """
    placements = plan_placement(
        [SpeechSlot(p.start_ms, p.slot_end_ms, p.sample_count * 1000 // OUTPUT_RATE) for p in pieces]
    )
    length = timeline_ms(placements, total_ms) * OUTPUT_RATE // 1000
    writer = WavWriter(out, OUTPUT_RATE)
    try:
        cursor = 0  # samples written so far
        for piece, placement in zip(pieces, placements, strict=True):
            pcm = stretch_pcm(piece.load(), placement.tempo)
            start = max(placement.start_ms * OUTPUT_RATE // 1000, cursor)  # atempo may run a few ms long
            _write_silence(writer, start - cursor)
            writer.write(pcm)
            cursor = start + len(pcm) // SAMPLE_WIDTH
        _write_silence(writer, length - cursor)
    except BaseException:
        writer.abort()
        raise
    return writer.close(), placements
