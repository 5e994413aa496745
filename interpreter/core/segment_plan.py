"""Where to cut long media into request-sized segments: at pauses, never inside speech (pure; no I/O).

Input is an energy profile: the RMS level in dBFS of consecutive short frames (20 ms by default, see
``media.segmenter``). Output is a list of :class:`SegmentSpan`. Memory is O(frames): a 4-hour file at 20 ms frames
is 720 000 float32 levels (2.9 MB).

How cuts are chosen (greedy, left to right):

1. Frames quieter than an adaptive threshold are silence (:func:`silence_threshold_db`); runs of silence are pauses.
2. From the current position, candidate cuts lie between ``min_s`` and ``max_s`` ahead (and leave at least
   ``min_s`` for the rest). Among the pauses whose middle is in that window, a *sentence pause* (at least
   :data:`SENTENCE_PAUSE_MS` long) nearest the target length wins; failing that, of the *word gaps* (at least
   :data:`WORD_GAP_MS`) nearly as long as the longest in the window, the one nearest the target; failing that (music,
   crosstalk), the quietest 100 ms in the window — the hard cap always holds.
3. The cut is the middle of the chosen pause, so both neighbours keep a little silence of context.
4. Each segment is then trimmed to its speech plus :data:`EDGE_PAD_MS` (long silences are not sent, so not paid for)
   and a segment without any speech is dropped. Segments therefore never overlap but may leave gaps.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Levels = npt.NDArray[np.float32]

#: Frame length of the energy profile: 20 ms is 320 samples at 16 kHz — short enough that a 150 ms gap between
#: words spans several frames, long enough that the profile of a 4-hour file stays small.
DEFAULT_FRAME_MS = 20

#: Target segment length. Longer segments give the model more context and fewer requests (100 requests/min cap:
#: 30 s segments allow 50 min of media per minute, about what the 100 000 tokens/min cap allows too); shorter ones
#: align subtitles and dubbing better. 30 s holds a few sentences.
DEFAULT_TARGET_S = 30.0
#: Hard cap. Video is sampled at 2 fps and the service takes at most 128 frames (64 s), and the spoken answer must
#: fit 4096 output tokens (~5 min of speech at 12.5 tokens/s plus text): 60 s leaves room for translations that
#: run much longer than their source. Audio at 16 kHz mono WAV: 60 s = 1.9 MB, Base64 2.6 MB < 10 MB.
DEFAULT_MAX_S = 60.0
#: Minimum length of a segment that is not the whole file: video needs 4 frames (2 s at 2 fps), audio under 1 s is
#: billed as 1 s anyway, and a segment shorter than a clause gives the model too little to translate well.
DEFAULT_MIN_S = 4.0
#: A pause this long is a sentence or clause boundary in ordinary speech; gaps between words are 50-250 ms.
SENTENCE_PAUSE_MS = 400
#: Shorter silences (stop-consonant closures are 50-120 ms) may lie inside a word: never cut in one.
WORD_GAP_MS = 160
#: Silence kept around speech at a segment's edges (natural onset/decay; the model hears where speech starts).
EDGE_PAD_MS = 300
#: Without a sentence pause in the window, gaps at least this share of the longest one count as sentence ends.
_NEAR_LONGEST = 0.7
#: Frames under this level are silence in any ordinary recording (see :func:`silence_threshold_db`).
_ABSOLUTE_SILENCE_DB = -60.0
#: Window over which the fallback looks for the quietest point when a window has no pause at all.
_QUIET_WINDOW_MS = 100


@dataclass(frozen=True)
class SegmentSpan:
    """One segment of the source timeline.

    Attributes:
        index: 0-based position in the plan (consecutive after dropped silent stretches).
        start_ms: where the segment starts in the source, in milliseconds.
        end_ms: where it ends (exclusive).
        speech: the voiced stretches inside it (absolute ms), separated by sentence pauses; subtitle timing uses them.
    """

    index: int
    start_ms: int
    end_ms: int
    speech: tuple[tuple[int, int], ...] = ()

    @property
    def duration_ms(self) -> int:
        """Length of the segment."""
        return self.end_ms - self.start_ms


def silence_threshold_db(levels: Levels) -> float:
    """Level (dBFS) below which a frame counts as silence, adapted to the recording's noise floor.

    The floor is the 10th percentile of frame levels and speech the 95th; silence is anything within 30 % of the
    way from floor to speech (at least 6 dB over the floor, so noise flicker is not speech). Anything under
    -60 dBFS is silence whatever the floor (inaudible at normal listening levels) — unless the whole recording is
    that quiet: the absolute bound stays at least 15 dB under the speech level, so a very quiet recording is
    still heard as speech.
    """
    if levels.size == 0:
        return _ABSOLUTE_SILENCE_DB
    floor = float(np.percentile(levels, 10))
    loud = float(np.percentile(levels, 95))
    threshold = floor + max(6.0, 0.3 * (loud - floor))
    return max(threshold, min(_ABSOLUTE_SILENCE_DB, loud - 15.0))


def _runs(mask: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Start and end (exclusive) frame indices of the runs of True in ``mask``."""
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    edges = np.diff(padded)
    return np.flatnonzero(edges == 1).astype(np.int64), np.flatnonzero(edges == -1).astype(np.int64)


def _validate(target_s: float, max_s: float, min_s: float, frame_ms: int) -> None:
    if frame_ms <= 0:
        raise ValueError(f"frame_ms must be positive, got {frame_ms}")
    if not 0 < min_s <= target_s <= max_s:
        raise ValueError(f"need 0 < min_s <= target_s <= max_s, got {min_s}, {target_s}, {max_s}")
    if max_s < 2 * min_s:
        raise ValueError(f"max_s ({max_s}) must be at least twice min_s ({min_s}) so every cut can respect both")


def plan_cuts(
    levels: Levels,
    *,
    frame_ms: int = DEFAULT_FRAME_MS,
    duration_ms: int | None = None,
    target_s: float = DEFAULT_TARGET_S,
    max_s: float = DEFAULT_MAX_S,
    min_s: float = DEFAULT_MIN_S,
    threshold_db: float | None = None,
) -> list[SegmentSpan]:
    """Cut an energy profile into segments at pauses.

    Args:
        levels: RMS level (dBFS) of each ``frame_ms`` frame, in order.
        frame_ms: frame length in milliseconds.
        duration_ms: exact media length (the last frame may be partial); default ``len(levels) * frame_ms``.
        target_s: preferred segment length.
        max_s: hard cap on a segment's length (always holds).
        min_s: minimum length of a segment, unless the whole media is shorter.
        threshold_db: silence threshold; default :func:`silence_threshold_db`.

    Returns:
        Segments in time order, non-overlapping, each at most ``max_s`` long, each containing speech; empty when
        the profile holds no speech at all.
    """
    _validate(target_s, max_s, min_s, frame_ms)
    levels = np.asarray(levels, dtype=np.float32)
    n = int(levels.size)
    total_ms = n * frame_ms if duration_ms is None else duration_ms
    if n == 0 or total_ms <= 0:
        return []
    threshold = silence_threshold_db(levels) if threshold_db is None else threshold_db
    silent = levels < threshold
    if bool(silent.all()):
        return []
    pause_start, pause_end = _runs(silent)
    pause_len = pause_end - pause_start
    pause_mid = (pause_start + pause_end) // 2
    min_f = max(1, round(min_s * 1000 / frame_ms))
    max_f = max(min_f, int(max_s * 1000 // frame_ms))
    target_f = round(target_s * 1000 / frame_ms)
    sentence_f = max(1, round(SENTENCE_PAUSE_MS / frame_ms))
    word_f = max(1, round(WORD_GAP_MS / frame_ms))
    quiet_f = max(1, round(_QUIET_WINDOW_MS / frame_ms))

    cuts = [0]
    pos = 0
    while n - pos > max_f:
        lo, hi = pos + min_f, min(pos + max_f, n - min_f)
        cuts.append(_choose_cut(levels, pause_mid, pause_len, lo, hi, pos + target_f, sentence_f, word_f, quiet_f))
        pos = cuts[-1]
    cuts.append(n)

    spans: list[SegmentSpan] = []
    for a, b in itertools.pairwise(cuts):
        span = _trimmed(silent, pause_start, pause_end, a, b, frame_ms, total_ms, sentence_f, len(spans))
        if span is not None:
            spans.append(span)
    return spans


def _choose_cut(
    levels: Levels,
    pause_mid: npt.NDArray[np.int64],
    pause_len: npt.NDArray[np.int64],
    lo: int,
    hi: int,
    target: int,
    sentence_f: int,
    word_f: int,
    quiet_f: int,
) -> int:
    """Frame index to cut at, within [lo, hi] (see the module docstring for the order of preference)."""
    first, last = np.searchsorted(pause_mid, lo, "left"), np.searchsorted(pause_mid, hi, "right")
    mids, lens = pause_mid[first:last], pause_len[first:last]
    sentence = lens >= sentence_f
    if bool(sentence.any()):
        candidates = mids[sentence]
        return int(candidates[np.argmin(np.abs(candidates - target))])
    words = lens >= word_f
    if bool(words.any()):
        # Fast or synthetic speech pauses briefly between sentences too: take the gaps nearly as long as the
        # longest one in the window (those are the sentence or clause ends) and, of these, the nearest the target.
        good = words & (lens >= _NEAR_LONGEST * int(lens[words].max()))
        candidates = mids[good]
        return int(candidates[np.argmin(np.abs(candidates - target))])
    window = levels[lo : hi + 1].astype(np.float64)
    if window.size >= quiet_f:
        smooth = np.convolve(window, np.ones(quiet_f) / quiet_f, mode="same")
        return lo + int(np.argmin(smooth))
    return lo + int(np.argmin(window))


def _trimmed(
    silent: npt.NDArray[np.bool_],
    pause_start: npt.NDArray[np.int64],
    pause_end: npt.NDArray[np.int64],
    a: int,
    b: int,
    frame_ms: int,
    total_ms: int,
    sentence_f: int,
    index: int,
) -> SegmentSpan | None:
    """The segment [a, b) trimmed to its speech plus padding, with its voiced stretches; None if all silent."""
    voiced = np.flatnonzero(~silent[a:b])
    if voiced.size == 0:
        return None
    first, last = a + int(voiced[0]), a + int(voiced[-1]) + 1
    # Voiced stretches: split [first, last) at the pauses at least a sentence pause long that lie inside it.
    inside = (pause_start >= first) & (pause_end <= last) & (pause_end - pause_start >= sentence_f)
    bounds = [first]
    for s, e in zip(pause_start[inside], pause_end[inside], strict=True):
        bounds.extend((int(s), int(e)))
    bounds.append(last)
    speech = tuple(
        (min(total_ms, s * frame_ms), min(total_ms, e * frame_ms))
        for s, e in zip(bounds[::2], bounds[1::2], strict=True)
    )
    pad_f = round(EDGE_PAD_MS / frame_ms)
    start_ms = max(a, first - pad_f) * frame_ms
    end_ms = min(total_ms, min(b, last + pad_f) * frame_ms)
    return SegmentSpan(index, start_ms, end_ms, speech)
