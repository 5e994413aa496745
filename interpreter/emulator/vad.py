"""Energy-based voice activity detection on s16le mono PCM, clocked by audio time (byte counts), not wall time.

Because every decision is a function of the bytes received, a client that streams 60 s of audio in 3 s gets the
same segments as one streaming in real time — what lets tests run fast.

Threshold mapping: the service's ``turn_detection.threshold`` runs from -1.0 (most sensitive) to 1.0 (least); the
emulator maps it linearly onto a frame-energy threshold of ``-40 + 30 * threshold`` dBFS, so the default 0.2 means
-34 dBFS: normal speech at a sensible microphone gain (-30..-15 dBFS RMS) is speech, room noise (< -45 dBFS) is not;
-1.0 → -70 dBFS (every breath counts), 1.0 → -10 dBFS (only shouting).

Timing semantics (the same as OpenAI's realtime API, whose event names the service reuses):
``audio_start_ms`` = onset of the first voiced frame minus ``prefix_padding_ms`` (the audio handed to the model
includes that padding; never before 0 or before the previous segment's end); ``audio_end_ms`` = end of the last
voiced frame. ``speech_stopped`` is *emitted* once ``silence_duration_ms`` of silence followed it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from interpreter.core.pcm import SAMPLE_WIDTH

# 20 ms analysis frames: short enough for ±20 ms boundaries, long enough for a stable energy estimate.
FRAME_MS = 20
# Speech must last 3 frames (60 ms) before it counts, so a click or a pop does not open a segment.
ONSET_FRAMES = 3
# dBFS = THRESHOLD_CENTER_DBFS + THRESHOLD_SPAN_DB * threshold (see module docstring).
THRESHOLD_CENTER_DBFS = -40.0
THRESHOLD_SPAN_DB = 30.0
# Full scale of s16 samples, for dBFS.
_FULL_SCALE = 32768.0


def threshold_dbfs(threshold: float) -> float:
    """The frame-energy threshold in dBFS for a ``turn_detection.threshold`` in [-1, 1]."""
    return THRESHOLD_CENTER_DBFS + THRESHOLD_SPAN_DB * threshold


@dataclass(frozen=True)
class VadEvent:
    """A speech boundary: ``kind`` "started" (``audio_ms`` = audio_start_ms) or "stopped" (= audio_end_ms)."""

    kind: Literal["started", "stopped"]
    audio_ms: int


class EnergyVad:
    """Incremental VAD: feed PCM as it arrives, get the boundaries it completes.

    Args:
        sample_rate: samples per second of the input (8000 or 16000).
        threshold: ``turn_detection.threshold`` in [-1, 1].
        silence_duration_ms: silence that ends a segment.
        prefix_padding_ms: audio before the onset included in the segment (moves ``audio_start_ms`` earlier).
    """

    def __init__(self, *, sample_rate: int, threshold: float, silence_duration_ms: int, prefix_padding_ms: int) -> None:
        self._rate = sample_rate
        self._frame_samples = sample_rate * FRAME_MS // 1000
        self._threshold_dbfs = threshold_dbfs(threshold)
        self._silence_frames = max(1, math.ceil(silence_duration_ms / FRAME_MS))
        self._prefix_padding_ms = prefix_padding_ms
        self._pending = b""  # bytes of an incomplete frame (and an odd byte) kept for the next feed
        self._frames_seen = 0
        self._in_speech = False
        self._voiced_run = 0  # consecutive voiced frames while not in speech
        self._unvoiced_run = 0  # consecutive unvoiced frames while in speech
        self._last_voiced_end_frame = 0
        self._last_segment_end_ms = 0.0

    @property
    def in_speech(self) -> bool:
        return self._in_speech

    def feed(self, pcm: bytes) -> list[VadEvent]:
        """Analyse ``pcm`` (s16le mono) appended after everything fed before; returns completed boundaries."""
        data = self._pending + pcm
        frame_bytes = self._frame_samples * SAMPLE_WIDTH
        whole = len(data) - len(data) % frame_bytes
        self._pending = data[whole:]
        if whole == 0:
            return []
        samples = np.frombuffer(data[:whole], dtype="<i2").reshape(-1, self._frame_samples).astype(np.float64)
        rms = np.sqrt(np.mean(np.square(samples), axis=1))
        with np.errstate(divide="ignore"):
            levels = 20.0 * np.log10(rms / _FULL_SCALE)
        events: list[VadEvent] = []
        for level in levels:
            event = self._step(bool(level >= self._threshold_dbfs))
            if event is not None:
                events.append(event)
        return events

    def flush(self) -> VadEvent | None:
        """End an open segment now (``session.finish``): ``stopped`` at the end of the last voiced frame."""
        if not self._in_speech:
            return None
        return self._stop()

    def _step(self, voiced: bool) -> VadEvent | None:
        index = self._frames_seen
        self._frames_seen += 1
        if not self._in_speech:
            self._voiced_run = self._voiced_run + 1 if voiced else 0
            if self._voiced_run < ONSET_FRAMES:
                return None
            onset_ms = self._frame_ms(index - ONSET_FRAMES + 1)
            start_ms = max(0.0, self._last_segment_end_ms, onset_ms - self._prefix_padding_ms)
            self._in_speech = True
            self._unvoiced_run = 0
            self._last_voiced_end_frame = index + 1
            return VadEvent("started", round(start_ms))
        if voiced:
            self._unvoiced_run = 0
            self._last_voiced_end_frame = index + 1
            return None
        self._unvoiced_run += 1
        if self._unvoiced_run >= self._silence_frames:
            return self._stop()
        return None

    def _stop(self) -> VadEvent:
        end_ms = self._frame_ms(self._last_voiced_end_frame)
        self._in_speech = False
        self._voiced_run = 0
        self._last_segment_end_ms = end_ms
        return VadEvent("stopped", round(end_ms))

    def _frame_ms(self, frame_index: int) -> float:
        return frame_index * self._frame_samples * 1000.0 / self._rate
