"""The audio a reconnect must send again (pure bookkeeping, no I/O).

Positions are counted in samples on the *session clock*: sample 0 is the first sample ever appended, and the clock
never restarts, whatever happens to connections. The buffer keeps what the server may still need — everything from
``keep_from`` on — bounded by ``limit_ms`` so that a session that never settles cannot grow without bound.
Turn markers (manual-mode commit/clear) are kept at their positions so a replay reproduces the server's buffer.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Literal

from interpreter.core.pcm import SAMPLE_WIDTH

# Replayed audio goes out in 100 ms appends, the chunk size of the official samples (spec §1.8).
REPLAY_CHUNK_MS = 100

Marker = Literal["commit", "clear"]


@dataclass(frozen=True)
class ReplayAudio:
    """Audio to append, starting at session sample ``start``."""

    start: int
    pcm: bytes


@dataclass(frozen=True)
class ReplayMarker:
    """A commit or clear that was sent at session sample ``position``."""

    position: int
    kind: Marker


ReplayItem = ReplayAudio | ReplayMarker


@dataclass(frozen=True)
class ReplayPlan:
    """What to send on a fresh connection: ``items`` start at session sample ``start``; ``gap`` is the
    ``(start, end)`` sample range the server will never hear because it fell out of the bounded buffer."""

    start: int
    items: tuple[ReplayItem, ...]
    gap: tuple[int, int] | None


class ReplayBuffer:
    """Bounded record of the recently appended audio and turn markers.

    Args:
        sample_rate: input rate in Hz (samples per second of mono PCM).
        limit_ms: most audio to keep, in ms of the session clock.
    """

    def __init__(self, sample_rate: int, limit_ms: int) -> None:
        if sample_rate <= 0 or limit_ms < 0:
            raise ValueError(f"invalid ReplayBuffer({sample_rate=}, {limit_ms=})")
        self.sample_rate = sample_rate
        self.limit_samples = limit_ms * sample_rate // 1000
        self.total_samples = 0  # samples appended since the session started
        self.keep_from = 0  # the server may still need everything from here on
        self.retained_from = 0  # first sample still held; > keep_from means audio was lost to the limit
        self._chunks: deque[ReplayAudio] = deque()
        self._markers: deque[ReplayMarker] = deque()

    def samples_to_ms(self, samples: int) -> int:
        return samples * 1000 // self.sample_rate

    def ms_to_samples(self, ms: int) -> int:
        return ms * self.sample_rate // 1000

    @property
    def retained_samples(self) -> int:
        return self.total_samples - self.retained_from

    def append(self, pcm: bytes) -> None:
        """Record appended PCM (whole samples) and drop the oldest audio beyond the limit."""
        if len(pcm) % SAMPLE_WIDTH:
            raise ValueError(f"PCM s16le needs whole samples, got {len(pcm)} bytes")
        if not pcm:
            return
        self._chunks.append(ReplayAudio(self.total_samples, pcm))
        self.total_samples += len(pcm) // SAMPLE_WIDTH
        self._trim(max(self.retained_from, self.total_samples - self.limit_samples))

    def mark(self, kind: Marker) -> None:
        """Record a commit or clear at the current end of the audio."""
        self._markers.append(ReplayMarker(self.total_samples, kind))

    def release_before(self, sample: int) -> None:
        """The server no longer needs audio before ``sample`` (monotonic: an earlier value is ignored)."""
        sample = min(sample, self.total_samples)
        if sample <= self.keep_from:
            return
        self.keep_from = sample
        self._trim(max(self.retained_from, sample))

    def plan(self) -> ReplayPlan:
        """What a new connection must receive, from ``keep_from`` (or the oldest retained sample) to now."""
        start = max(self.keep_from, self.retained_from)
        gap = (self.keep_from, start) if start > self.keep_from else None
        chunk = max(1, self.ms_to_samples(REPLAY_CHUNK_MS))
        items: list[ReplayItem] = []
        # A marker exactly at ``start`` closed a turn the server already settled; sending it again would commit
        # an empty buffer (an error).
        markers = [m for m in self._markers if m.position > start]
        for position, pcm in self._audio_ranges(start, [m.position for m in markers]):
            while markers and markers[0].position <= position:
                items.append(markers.pop(0))
            for offset in range(0, len(pcm), chunk * SAMPLE_WIDTH):
                piece = pcm[offset : offset + chunk * SAMPLE_WIDTH]
                items.append(ReplayAudio(position + offset // SAMPLE_WIDTH, piece))
        items.extend(markers)  # markers at the very end of the audio
        return ReplayPlan(start, tuple(items), gap)

    def skip_gap(self) -> None:
        """Accept the loss reported by :meth:`plan`: the kept range now starts at the oldest retained sample."""
        self.keep_from = max(self.keep_from, self.retained_from)

    def _audio_ranges(self, start: int, cuts: list[int]) -> list[tuple[int, bytes]]:
        """The retained audio from ``start`` on, split at each cut position (so markers fall between ranges)."""
        data = b"".join(c.pcm for c in self._chunks)
        first = self._chunks[0].start if self._chunks else self.total_samples
        data = data[(start - first) * SAMPLE_WIDTH :]
        ranges: list[tuple[int, bytes]] = []
        position = start
        for cut in [*cuts, self.total_samples]:
            if cut > position:
                length = cut - position
                ranges.append((position, data[: length * SAMPLE_WIDTH]))
                data = data[length * SAMPLE_WIDTH :]
                position = cut
        return ranges

    def _trim(self, sample: int) -> None:
        """Forget audio and markers before ``sample``."""
        self.retained_from = sample
        while self._chunks:
            head = self._chunks[0]
            end = head.start + len(head.pcm) // SAMPLE_WIDTH
            if end <= sample:
                self._chunks.popleft()
            elif head.start < sample:
                self._chunks[0] = ReplayAudio(sample, head.pcm[(sample - head.start) * SAMPLE_WIDTH :])
                break
            else:
                break
        while self._markers and self._markers[0].position < sample:
            self._markers.popleft()
