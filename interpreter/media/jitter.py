"""JitterBuffer: smooths bursty network audio into the steady pull of an output device. Pure: no device, no loop.

The translated voice arrives as ``response.audio.delta`` chunks whose spacing jitters with the network (and which
come in bursts faster than real time while the service synthesises). The device callback pulls a fixed number of
samples every few milliseconds and must never wait. The buffer holds the first audio of a stream back for the
target latency before playing it, so a late chunk is covered by what is already buffered instead of becoming a gap
(an underrun, heard as a stutter).

The target adapts to the measured arrival jitter: it starts at ``target_ms`` (80 ms by default), grows up to
``max_target_ms`` (300 ms) when chunks arrive late, and comes back down slowly once the network calms down. Changes
are applied only at segment boundaries or inside silence, never by cutting words. The policy and its numbers are
in :mod:`interpreter.media.jitter_policy`.

Thread model: :meth:`push`, :meth:`mark_end` and :meth:`clear` are called from the event loop, :meth:`pull` from
the PortAudio callback thread. A lock guards the state; every critical section is a few memory copies.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from interpreter.core.pcm import SAMPLE_WIDTH, VOICE_RATE
from interpreter.media.jitter_policy import ArrivalDelayTracker, adaptive_target_ms

#: Default target: 80 ms covers typical internet jitter (tens of ms) while keeping the voice close to the captions.
DEFAULT_TARGET_MS = 80
#: Default ceiling of the adaptive target: beyond ~300 ms the voice lags the captions noticeably, and a network
#: that needs more is better served by a rebuffer now and then than by a permanently late voice.
DEFAULT_MAX_TARGET_MS = 300
#: Default cap. The service synthesises faster than real time, so several seconds can legitimately queue up at the
#: end of a long sentence; 30 s is far beyond that and exists only to bound memory if the output stalls.
DEFAULT_MAX_MS = 30_000
#: How many push→play latencies are kept for statistics (about a minute of 40 ms deltas).
_LATENCY_HISTORY = 1500
#: Audio whose peak stays below this (about -54 dBFS) counts as silence where the target may be adjusted: far
#: below synthesised speech (around -20 dBFS) and above the dither/noise floor of a voice track.
_SILENCE_PEAK = 64
#: Trim only once the buffer exceeds the target by this much, so measurement noise of one device pull (10–20 ms)
#: does not make the buffer insert and remove silence in turn.
_TRIM_HYSTERESIS_MS = 30.0


#: Float tolerance when comparing a held time with the target (clock values are sums of small float steps).
_CLOCK_EPSILON_MS = 1e-6


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
        target_ms: the current (adaptive) target latency.
        padded_ms: silence inserted inside pauses to grow the buffer.
        trimmed_ms: silent audio skipped to shrink the buffer again.
    """

    buffered_ms: float
    underruns: int
    overruns: int
    dropped_ms: float
    played_ms: float
    playing: bool
    target_ms: float = DEFAULT_TARGET_MS
    padded_ms: float = 0.0
    trimmed_ms: float = 0.0


class JitterBuffer:
    """FIFO of mono s16le samples with adaptive pre-buffering, underrun/overrun accounting and end-of-stream handling.

    Args:
        rate: sample rate of the audio (used only to convert between samples and milliseconds).
        target_ms: initial and minimum target: how long the first audio of a stream is held before playing.
        max_target_ms: ceiling of the adaptive target; equal to ``target_ms`` for a fixed target.
        max_ms: cap on buffered audio; on overflow the OLDEST audio is dropped (the listener hears the newest).
        clock: monotonic clock for arrival jitter and push→play latency (injectable for a virtual clock).
    """

    def __init__(
        self,
        rate: int = VOICE_RATE,
        *,
        target_ms: float = DEFAULT_TARGET_MS,
        max_target_ms: float = DEFAULT_MAX_TARGET_MS,
        max_ms: float = DEFAULT_MAX_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0 or target_ms < 0 or max_ms <= target_ms:
            raise ValueError(f"need rate > 0 and 0 <= target_ms < max_ms (got {rate}, {target_ms}, {max_ms})")
        self.rate = rate
        self.base_target_ms = target_ms
        # The target can never usefully exceed the cap on buffered audio.
        self.max_target_ms = max(target_ms, min(max_target_ms, max_ms))
        self.max_ms = max_ms
        self._clock = clock
        self._bytes_per_ms = rate * SAMPLE_WIDTH / 1000
        self._target_bytes = self._ms_to_bytes(target_ms)
        self._max_bytes = self._ms_to_bytes(max_ms)
        self._lock = threading.Lock()
        self._buf = bytearray()
        self._playing = False
        self._ended = False
        self._underruns = 0
        self._overruns = 0
        self._dropped_bytes = 0
        self._played_bytes = 0
        # Adaptive target (see jitter_policy): arrival delays, and silence still to insert/skip mid-stream.
        self._delays = ArrivalDelayTracker()
        self._stream_fresh = True
        self._held_since: float | None = None  # when the audio now waiting for (re)start arrived
        self._pull_bytes = 0  # size of the device's last pull: the granularity of the buffer level
        self._pad_bytes = 0  # silence still to insert inside a pause
        self._trim_bytes = 0  # silent audio still to skip
        self._padding_outstanding = 0  # inserted and not yet taken back: the most a trim may remove
        self._padded_total = 0
        self._trimmed_total = 0
        # (absolute byte offset of a chunk's first sample, push time): to measure push→play latency.
        self._marks: deque[tuple[int, float]] = deque()
        self._read_offset = 0  # absolute bytes consumed or dropped since creation
        self._write_offset = 0
        self.latencies_s: deque[float] = deque(maxlen=_LATENCY_HISTORY)

    @property
    def target_ms(self) -> float:
        """The current target latency (adapts between ``base_target_ms`` and ``max_target_ms``)."""
        with self._lock:
            return self._target_bytes / self._bytes_per_ms

    # --- producer side (event loop) ---------------------------------------------------------------------------

    def push(self, pcm: bytes) -> None:
        """Queue audio. A new push after :meth:`mark_end` starts a new stream (a new response)."""
        if not pcm:
            return
        if len(pcm) % SAMPLE_WIDTH:
            raise ValueError("PCM chunk must hold whole 16-bit samples")
        now = self._clock()
        with self._lock:
            if self._ended or self._stream_fresh:
                self._ended = False
                self._stream_fresh = False
                self._delays.new_stream()
            self._adapt(now, len(pcm))
            if not self._playing and self._held_since is None:
                self._held_since = now
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

    def _adapt(self, now: float, nbytes: int) -> None:
        """Update the target from this chunk's arrival delay; schedule mid-stream padding or trimming (locked)."""
        delay_s = self._delays.observe(now, nbytes / self._bytes_per_ms / 1000)
        if self.max_target_ms <= self.base_target_ms:
            return  # fixed target
        target_ms = adaptive_target_ms(
            self._delays.peak_s(now) * 1000,
            base_ms=self.base_target_ms,
            max_ms=self.max_target_ms,
            margin_ms=self._pull_bytes / self._bytes_per_ms,
        )
        self._target_bytes = self._ms_to_bytes(target_ms)
        if not self._playing:
            return  # the (re)start waits for the new target anyway: a segment boundary
        # Effective playout delay of this stream: what is still buffered when this chunk arrives, plus how late it
        # is. Equal to the target right after a (re)start; lower when the network got worse since. The device
        # takes audio a pull at a time, so the level seen here understates the delay by up to one pull: pad only
        # what is missing even counting that pull, trim only what is surplus even without it.
        effective = len(self._buf) + self._ms_to_bytes(delay_s * 1000)
        self._pad_bytes = max(0, self._target_bytes - effective - self._pull_bytes)
        surplus = effective - self._target_bytes - self._ms_to_bytes(_TRIM_HYSTERESIS_MS)
        self._trim_bytes = max(0, min(surplus, self._padding_outstanding))

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
            self._stream_fresh = True
            self._held_since = None
            self._reset_adjustments()

    # --- consumer side (device callback thread) ---------------------------------------------------------------

    def pull(self, nsamples: int) -> bytes:
        """Return exactly ``nsamples`` samples (silence where there is no audio). Never blocks for long."""
        want = nsamples * SAMPLE_WIDTH
        with self._lock:
            self._pull_bytes = want
            if not self._playing:
                if not self._buf or not (self._ended or self._held_long_enough()):
                    return bytes(want)
                self._playing = True
                # A (re)start is a segment boundary: the wait just applied the current target exactly. What it held
                # beyond the base target is ours to take back (in silence) once the network calms down.
                self._reset_adjustments()
                self._padding_outstanding = max(0, self._target_bytes - self._ms_to_bytes(self.base_target_ms))
            elif self._pad_bytes > 0 and len(self._buf) >= want and self._silent(want):
                # Grow inside a pause: play silence now, the (silent) audio waits one pull longer.
                self._pad_bytes = max(0, self._pad_bytes - want)
                self._padding_outstanding += want
                self._padded_total += want
                return bytes(want)
            elif self._trim_bytes > 0:
                self._trim_silence(min(self._trim_bytes, want))
            take = min(want, len(self._buf))
            out = bytes(self._buf[:take])
            del self._buf[:take]
            start = self._read_offset
            self._read_offset += take
            self._played_bytes += take
            self._note_latency(start, self._read_offset)
            if take < want and not self._ended:
                self._underruns += 1
            if take < want or (self._ended and not self._buf):
                # Dry, or the stream played out: wait for the target again before resuming, so one late chunk is
                # not followed by a string of tiny gaps and the next response starts with the full target.
                self._playing = False
                self._held_since = None
        if take < want:
            out += bytes(want - take)
        return out

    def _held_long_enough(self) -> bool:
        """True once the first audio waiting to (re)start has been held for the target latency (locked).

        Holding for a *time* rather than until a buffer *level* is reached gives every later chunk the full target
        as slack: with a level rule the chunk that completes the level is itself counted, so 40 ms deltas and an
        80 ms target would protect against only 40 ms of lateness.
        """
        if self._held_since is None:
            return False
        held_ms = (self._clock() - self._held_since) * 1000
        return held_ms + _CLOCK_EPSILON_MS >= self._target_bytes / self._bytes_per_ms

    def _silent(self, nbytes: int) -> bool:
        """True if the next ``nbytes`` of buffered audio are silence (locked)."""
        head = np.frombuffer(self._buf[:nbytes], dtype=np.int16)  # the bytearray slice is a copy already
        return head.size == 0 or int(np.abs(head.astype(np.int32)).max()) <= _SILENCE_PEAK

    def _trim_silence(self, nbytes: int) -> None:
        """Skip up to ``nbytes`` of buffered audio if it is silence, keeping one pull's worth queued (locked)."""
        nbytes -= nbytes % SAMPLE_WIDTH
        if nbytes <= 0 or len(self._buf) < nbytes + self._pull_bytes or not self._silent(nbytes):
            return
        del self._buf[:nbytes]
        self._read_offset += nbytes
        self._forget_marks_before(self._read_offset)
        self._trim_bytes -= nbytes
        self._padding_outstanding -= nbytes
        self._trimmed_total += nbytes

    def _reset_adjustments(self) -> None:
        self._pad_bytes = self._trim_bytes = self._padding_outstanding = 0

    # --- state ------------------------------------------------------------------------------------------------

    @property
    def buffered_ms(self) -> float:
        """Audio queued and not yet pulled."""
        with self._lock:
            return len(self._buf) / self._bytes_per_ms

    @property
    def drained(self) -> bool:
        """True when nothing is left to play."""
        with self._lock:
            return not self._buf

    def stats(self) -> JitterStats:
        """A consistent snapshot of the counters."""
        with self._lock:
            per_ms = self._bytes_per_ms
            return JitterStats(
                buffered_ms=len(self._buf) / per_ms,
                underruns=self._underruns,
                overruns=self._overruns,
                dropped_ms=self._dropped_bytes / per_ms,
                played_ms=self._played_bytes / per_ms,
                playing=self._playing,
                target_ms=self._target_bytes / per_ms,
                padded_ms=self._padded_total / per_ms,
                trimmed_ms=self._trimmed_total / per_ms,
            )

    def _ms_to_bytes(self, ms: float) -> int:
        return int(ms * self.rate / 1000) * SAMPLE_WIDTH

    def _note_latency(self, start: int, end: int) -> None:
        now = self._clock()
        while self._marks and self._marks[0][0] < end:
            offset, pushed = self._marks.popleft()
            if offset >= start:
                self.latencies_s.append(now - pushed)

    def _forget_marks_before(self, offset: int) -> None:
        while self._marks and self._marks[0][0] < offset:
            self._marks.popleft()
