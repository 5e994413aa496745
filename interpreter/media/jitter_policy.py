"""How much to buffer: arrival-delay measurement and the adaptive target of the JitterBuffer. Pure: no device.

Policy (what :class:`~interpreter.media.jitter.JitterBuffer` does with these numbers):

1. **Measure.** For every chunk pushed, its *relative delay*: how much later it arrived than the fastest chunk of
   the last :data:`REFERENCE_WINDOW_S` seconds would predict, given how much audio came before it in the same
   stream (``(arrival - media_time) - min over the window of (arrival - media_time)``). A chunk on time scores 0,
   a chunk held up 70 ms by the network scores 70 ms. Bursts faster than real time (the service synthesises ahead)
   score 0 too, so they never inflate the estimate; each response starts a new stream because the silence between
   two responses is not network jitter.
2. **Decide.** The target is ``HEADROOM × (worst relative delay of the last PEAK_WINDOW_S seconds) + margin``,
   clamped to ``[base target, max target]`` (default 80–300 ms). Growth is immediate: one late chunk raises it.
   Shrinking is slow: a peak counts for a whole window, so a calm network lowers the target only after a minute.
3. **Apply without cutting words.** A higher target takes effect at the next (re)start of playback (a segment
   boundary) or, mid-stream, by playing silence in place of audio that is itself silent (the pause between words
   gets a few tens of ms longer). A lower target is reached at the next segment boundary, or mid-stream by
   skipping silent audio, but only as much silence as was inserted earlier: the buffer never shortens the
   speaker's own pauses to chase latency the service's bursts created.
"""

from __future__ import annotations

from collections import deque

#: The reference for "on time" is the fastest chunk of this window. Long enough to contain a few dozen chunks
#: (so one early chunk is not the only reference), short enough that a lasting shift of the network's base delay
#: (a route change) stops counting as jitter within seconds: the buffer level absorbs such a shift instead.
REFERENCE_WINDOW_S = 2.0
#: A delay peak keeps the target up for this long. A minute: network trouble comes in episodes (a congested
#: Wi-Fi, a busy uplink) and re-growing after every calm second would mean an underrun each time.
PEAK_WINDOW_S = 60.0
#: Peaks are kept per bucket of this length, so the window costs at most 60 entries whatever the chunk rate.
_BUCKET_S = 1.0
#: Target = HEADROOM × worst recent delay: delays have a long tail (the next minute's worst is often worse than
#: the last minute's). On the 10-minute exponential-jitter benchmark (10 network seeds), 2× gave no underrun on any
#: seed for a median voice latency of 150–210 ms; 1.5× saved ~30 ms but left an underrun on one seed in ten.
HEADROOM = 2.0


class ArrivalDelayTracker:
    """Relative arrival delays of one audio stream and their recent peak (see the module docstring, step 1).

    Args:
        reference_window_s: window of the "fastest chunk" reference.
        peak_window_s: how long a delay peak is remembered.
    """

    def __init__(self, *, reference_window_s: float = REFERENCE_WINDOW_S, peak_window_s: float = PEAK_WINDOW_S):
        if reference_window_s <= 0 or peak_window_s <= 0:
            raise ValueError("windows must be positive")
        self._reference_window_s = reference_window_s
        self._peak_window_s = peak_window_s
        # Sliding-window minimum of (arrival - media time): a monotonic deque of (arrival, offset), offsets
        # increasing from front to back, so the front is the minimum. O(1) amortised per chunk.
        self._reference: deque[tuple[float, float]] = deque()
        self._peaks: deque[tuple[int, float]] = deque()  # (bucket number, worst delay in it), oldest first
        self._media_s = 0.0

    def new_stream(self) -> None:
        """The next chunk starts a new stream (a new response): its media clock restarts at 0."""
        self._reference.clear()
        self._media_s = 0.0

    def observe(self, now: float, duration_s: float) -> float:
        """Record a chunk of ``duration_s`` seconds of audio that arrived at ``now``; return its relative delay (s)."""
        offset = now - self._media_s
        self._media_s += duration_s
        ref = self._reference
        while ref and ref[-1][1] >= offset:
            ref.pop()
        ref.append((now, offset))
        while ref[0][0] < now - self._reference_window_s:
            ref.popleft()
        delay = offset - ref[0][1]
        self._record_peak(now, delay)
        return delay

    def peak_s(self, now: float) -> float:
        """Worst relative delay seen within the peak window before ``now`` (0 when none)."""
        self._expire(now)
        return max((d for _, d in self._peaks), default=0.0)

    def _record_peak(self, now: float, delay: float) -> None:
        bucket = int(now // _BUCKET_S)
        if self._peaks and self._peaks[-1][0] == bucket:
            if delay > self._peaks[-1][1]:
                self._peaks[-1] = (bucket, delay)
        else:
            self._peaks.append((bucket, delay))
        self._expire(now)

    def _expire(self, now: float) -> None:
        oldest = int((now - self._peak_window_s) // _BUCKET_S)
        while self._peaks and self._peaks[0][0] <= oldest:
            self._peaks.popleft()


def adaptive_target_ms(peak_delay_ms: float, *, base_ms: float, max_ms: float, margin_ms: float) -> float:
    """The buffer target for a recent worst relative delay (module docstring, step 2).

    Args:
        peak_delay_ms: worst relative arrival delay of the recent past.
        base_ms: the configured target: never buffer less (calm networks keep exactly this latency).
        max_ms: never buffer more (the voice must stay close to the captions).
        margin_ms: added on top, for the granularity of the device's pulls (the buffer level is only known at
            pull boundaries).
    """
    return min(max_ms, max(base_ms, HEADROOM * peak_delay_ms + margin_ms))
