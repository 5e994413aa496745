"""Pure cut planning on energy profiles: invariants (hypothesis) and the order of preference."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter.core.segment_plan import SENTENCE_PAUSE_MS, plan_cuts, silence_threshold_db

SPEECH_DB = -20.0
SILENCE_DB = -90.0
FRAME_MS = 20


def profile(runs: list[tuple[bool, int]]) -> np.ndarray:
    """Levels from (voiced, frames) runs."""
    return np.concatenate([np.full(n, SPEECH_DB if voiced else SILENCE_DB, dtype=np.float32) for voiced, n in runs])


runs_strategy = st.lists(st.tuples(st.booleans(), st.integers(1, 800)), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(runs=runs_strategy, target=st.sampled_from([5.0, 10.0, 30.0]))
def test_spans_are_ordered_capped_and_cover_every_voiced_frame(runs: list[tuple[bool, int]], target: float) -> None:
    levels = profile(runs)
    max_s, min_s = target * 2, 2.0
    spans = plan_cuts(levels, frame_ms=FRAME_MS, target_s=target, max_s=max_s, min_s=min_s, threshold_db=-50.0)
    voiced = np.flatnonzero(levels > -50.0)
    if voiced.size == 0:
        assert spans == []
        return
    covered = np.zeros(levels.size, dtype=bool)
    previous_end = 0
    for i, span in enumerate(spans):
        assert span.index == i
        assert previous_end <= span.start_ms < span.end_ms <= levels.size * FRAME_MS
        assert span.duration_ms <= max_s * 1000
        assert span.speech, "a span without speech is never sent"
        for s, e in span.speech:
            assert span.start_ms <= s < e <= span.end_ms
        covered[span.start_ms // FRAME_MS : span.end_ms // FRAME_MS] = True
        previous_end = span.end_ms
    assert covered[voiced].all(), "no speech may be left out of every segment"


@settings(max_examples=100, deadline=None)
@given(pairs=st.lists(st.tuples(st.integers(1, 250), st.integers(10, 400)), min_size=1, max_size=40))
def test_cuts_fall_in_silence_when_every_window_has_a_word_gap(pairs: list[tuple[int, int]]) -> None:
    # Speech of at most 5 s then silence of at least 200 ms: every 10..20 s window has a gap to cut in.
    levels = profile([run for speech, gap in pairs for run in ((True, speech), (False, gap))])
    spans = plan_cuts(levels, frame_ms=FRAME_MS, target_s=10.0, max_s=20.0, min_s=2.0, threshold_db=-50.0)
    for span in spans:
        for edge in (span.start_ms, span.end_ms):
            frame = edge // FRAME_MS
            # The edge frame itself, or the one before it for an end edge at a boundary, is silence.
            neighbours = levels[max(0, frame - 1) : frame + 1]
            assert (neighbours < -50.0).any() or edge in (0, levels.size * FRAME_MS)


def test_prefers_a_sentence_pause_near_the_target_over_a_longer_far_one() -> None:
    # 0-8 s speech, 2 s pause, 10-28 s speech with a sentence pause at 29-29.5 s, then speech to 50 s.
    levels = profile([(True, 400), (False, 100), (True, 900), (False, 25), (True, 1000)])
    spans = plan_cuts(levels, frame_ms=FRAME_MS, target_s=30.0, max_s=45.0, min_s=4.0, threshold_db=-50.0)
    cut_between = spans[0].end_ms, spans[1].start_ms
    assert 28_000 <= cut_between[0] <= cut_between[1] <= 28_500


def test_falls_back_to_a_word_gap_then_to_the_quietest_point() -> None:
    word_gap = profile([(True, 600), (False, 10), (True, 600)])  # 200 ms gap at 12 s, shorter than a sentence pause
    spans = plan_cuts(word_gap, frame_ms=FRAME_MS, target_s=10.0, max_s=20.0, min_s=2.0, threshold_db=-50.0)
    assert [s.end_ms for s in spans][:1] == [12_100]
    assert SENTENCE_PAUSE_MS > 200

    continuous = np.full(1500, SPEECH_DB, dtype=np.float32)
    continuous[700:705] = -40.0  # a dip, still above the silence threshold
    spans = plan_cuts(continuous, frame_ms=FRAME_MS, target_s=10.0, max_s=20.0, min_s=2.0, threshold_db=-50.0)
    assert all(s.duration_ms <= 20_000 for s in spans)
    assert spans[0].end_ms == pytest.approx(702 * FRAME_MS, abs=3 * FRAME_MS)


def test_long_silence_is_not_sent_and_speech_gets_padding() -> None:
    levels = profile([(False, 500), (True, 200), (False, 3000), (True, 200), (False, 500)])
    spans = plan_cuts(levels, frame_ms=FRAME_MS, target_s=30.0, max_s=60.0, min_s=4.0, threshold_db=-50.0)
    assert [(s.start_ms, s.end_ms) for s in spans] == [(9_700, 14_300), (73_700, 78_300)]


def test_threshold_adapts_to_the_noise_floor() -> None:
    noisy = profile([(True, 100), (False, 100)])
    noisy[noisy == SILENCE_DB] = -45.0  # a noisy room: the floor is at -45 dBFS
    assert -45.0 < silence_threshold_db(noisy) < SPEECH_DB
    assert silence_threshold_db(profile([(True, 10), (False, 90)])) == -60.0
    whisper = profile([(True, 50), (False, 50)])
    whisper[whisper == SPEECH_DB] = -66.0  # a very quiet recording over digital silence is still speech
    assert -120.0 < silence_threshold_db(whisper) < -66.0


def test_rejects_inconsistent_limits() -> None:
    with pytest.raises(ValueError):
        plan_cuts(np.zeros(10, dtype=np.float32), target_s=10, max_s=15, min_s=8)
