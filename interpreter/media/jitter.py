"""JitterBuffer: smooths bursty network audio into the steady pull of an output device. Pure: no device, no loop.

The translated voice arrives as ``response.audio.delta`` chunks whose spacing jitters with the network (and which
come in bursts faster than real time while the service synthesises). The device callback pulls a fixed number of
samples every few milliseconds and must never wait. The buffer holds back playback until ``target_ms`` of audio is
queued, so a late chunk is covered by what is already buffered instead of becoming a gap (an underrun, heard as a
stutter).

Thread model: :meth:`push`, :meth:`mark_end` and :meth:`clear` are called from the event loop, :meth:`pull` from
the PortAudio callback thread. A lock guards the state; every critical section is a few memory copies.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

_SAMPLE_BYTES = 2

#: Default target: 80 ms covers typical internet jitter (tens of ms) while keeping the voice close to the captions.
DEFAULT_TARGET_MS = 80
#: Default cap. The service synthesises faster than real time, so several seconds can legitimately queue up at the
#: end of a long sentence; 30 s is far beyond that and exists only to bound memory if the output stalls.
DEFAULT_MAX_MS = 30_000
#: How many push→play latencies are kept for statistics (about a minute of 40 ms deltas).
_LATENCY_HISTORY = 1500


@dataclass(frozen=True)
class JitterStats:
    """Counters for the UI and the benchmarks.

    Attributes:
        buffered_ms: audio waiting to be played.
        underruns: times the device wanted audio mid-stream and the buffer ran dry (heard as a gap).
        overruns: times audio was dropped because the buffer exceeded its cap.
        dropped_ms: total audio dropped by overruns.
        played_ms: audio handed to the device (silence padding not included).
        playing: True once the target was reached, until the buffer runs dry.
    """

    buffered_ms: float
    underruns: int
    overruns: int
    dropped_ms: float
    played_ms: float
    playing: bool


class JitterBuffer:
    """FIFO of mono s16le samples with pre-buffering, underrun/overrun accounting and end-of-stream handling.

    Args:
        rate: sample rate of the audio (used only to convert between samples and milliseconds).
        target_ms: audio to accumulate before (re)starting playback.
        max_ms: cap on buffered audio; on overflow the OLDEST audio is dropped (the listener hears the newest).
        clock: monotonic clock for push→play latency statistics (injectable for a virtual clock).
    """

    def __init__(
        self,
        rate: int = 24000,
        *,
        target_ms: float = DEFAULT_TARGET_MS,
        max_ms: float = DEFAULT_MAX_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0 or target_ms < 0 or max_ms <= target_ms:
            raise ValueError(f"need rate > 0 and 0 <= target_ms < max_ms (got {rate}, {target_ms}, {max_ms})")
        self.rate = rate
        self.target_ms = target_ms
        self.max_ms = max_ms
        self._clock = clock
        self._target_bytes = int(rate * target_ms / 1000) * _SAMPLE_BYTES
        self._max_bytes = int(rate * max_ms / 1000) * _SAMPLE_BYTES
        self._lock = threading.Lock()
        self._buf = bytearray()
        self._playing = False
        self._ended = False
        self._underruns = 0
        self._overruns = 0
        self._dropped_bytes = 0
        self._played_bytes = 0
        # (absolute byte offset of a chunk's first sample, push time): to measure push→play latency.
        self._marks: deque[tuple[int, float]] = deque()
        self._read_offset = 0  # absolute bytes consumed or dropped since creation
        self._write_offset = 0
        self.latencies_s: deque[float] = deque(maxlen=_LATENCY_HISTORY)

    # --- producer side (event loop) ---------------------------------------------------------------------------

    def push(self, pcm: bytes) -> None:
        """Queue audio. A new push after :meth:`mark_end` starts a new stream (a new response)."""
        if not pcm:
            return
        if len(pcm) % _SAMPLE_BYTES:
            raise ValueError("PCM chunk must hold whole 16-bit samples")
        now = self._clock()
        with self._lock:
            if self._ended:
                self._ended = False
            self._marks.append((self._write_offset, now))
            self._buf += pcm
            self._write_offset += len(pcm)
            excess = len(self._buf) - self._max_bytes
            if excess > 0:
                del self._buf[:excess]
                self._read_offset += excess
                self._dropped_bytes += excess
                self._overruns += 1
                self._forget_marks_before(self._read_offset)

    def mark_end(self) -> None:
        """No more audio for now (``response.audio.done`` or stop): play out the rest even below the target,
        and do not count running dry afterwards as an underrun."""
        with self._lock:
            self._ended = True

    def clear(self) -> None:
        """Drop everything at once (interrupt)."""
        with self._lock:
            self._read_offset += len(self._buf)
            self._buf.clear()
            self._marks.clear()
            self._playing = False
            self._ended = False

    # --- consumer side (device callback thread) ---------------------------------------------------------------

    def pull(self, nsamples: int) -> bytes:
        """Return exactly ``nsamples`` samples (silence where there is no audio). Never blocks for long."""
        want = nsamples * _SAMPLE_BYTES
        with self._lock:
            if not self._playing:
                ready = len(self._buf) >= self._target_bytes or (self._ended and self._buf)
                if not ready:
                    return bytes(want)
                self._playing = True
            take = min(want, len(self._buf))
            out = bytes(self._buf[:take])
            del self._buf[:take]
            start = self._read_offset
            self._read_offset += take
            self._played_bytes += take
            self._note_latency(start, self._read_offset)
            if take < want:
                if not self._ended:
                    self._underruns += 1
                # Dry: wait for the target again before resuming, so one late chunk is not followed by a
                # string of tiny gaps.
                self._playing = False
        if take < want:
            out += bytes(want - take)
        return out

    # --- state ------------------------------------------------------------------------------------------------

    @property
    def buffered_ms(self) -> float:
        """Audio queued and not yet pulled."""
        with self._lock:
            return len(self._buf) / _SAMPLE_BYTES * 1000 / self.rate

    @property
    def drained(self) -> bool:
        """True when nothing is left to play."""
        with self._lock:
            return not self._buf

    def stats(self) -> JitterStats:
        """A consistent snapshot of the counters."""
        with self._lock:
            per_ms = self.rate * _SAMPLE_BYTES / 1000
            return JitterStats(
                buffered_ms=len(self._buf) / per_ms,
                underruns=self._underruns,
                overruns=self._overruns,
                dropped_ms=self._dropped_bytes / per_ms,
                played_ms=self._played_bytes / per_ms,
                playing=self._playing,
            )

    def _note_latency(self, start: int, end: int) -> None:
        now = self._clock()
        while self._marks and self._marks[0][0] < end:
            offset, pushed = self._marks.popleft()
            if offset >= start:
                self.latencies_s.append(now - pushed)

    def _forget_marks_before(self, offset: int) -> None:
        while self._marks and self._marks[0][0] < offset:
            self._marks.popleft()
