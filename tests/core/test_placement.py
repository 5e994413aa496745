"""Placement of translated speech on the source timeline: speed-up within 1.25x, borrowing silence, no overlap."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter.core.placement import MAX_TEMPO, Placement, SpeechSlot, plan_placement, timeline_ms


def test_speech_that_fits_starts_with_its_source_at_normal_speed() -> None:
    plan = plan_placement([SpeechSlot(1000, 5000, 3000), SpeechSlot(6000, 9000, 3000)])
    assert plan == [Placement(1000, 1.0, 4000), Placement(6000, 1.0, 9000)]


def test_longer_speech_is_sped_up_to_end_with_its_slot() -> None:
    (p,) = plan_placement([SpeechSlot(0, 4000, 4800)])
    assert p.tempo == pytest.approx(1.2) and p.end_ms == 4000


def test_beyond_the_speed_limit_it_borrows_the_following_silence() -> None:
    plan = plan_placement([SpeechSlot(0, 4000, 6000), SpeechSlot(10_000, 12_000, 1000)])
    assert plan[0] == Placement(0, MAX_TEMPO, 4800)
    assert plan[1].start_ms == 10_000


def test_when_silence_is_not_enough_the_next_piece_waits_and_catches_up() -> None:
    plan = plan_placement([SpeechSlot(0, 4000, 7500), SpeechSlot(4500, 9000, 4000), SpeechSlot(9500, 12_000, 2000)])
    assert plan[0] == Placement(0, MAX_TEMPO, 6000)
    # The second starts late (6.0 s instead of 4.5 s), so it is sped up to finish at its slot end where possible.
    assert plan[1].start_ms == 6000 and plan[1].tempo == MAX_TEMPO and plan[1].end_ms == 9200
    # The third starts on time again: the delay was absorbed.
    assert plan[2] == Placement(9500, 1.0, 11_500)
    assert timeline_ms(plan, 12_000) == 12_000
    assert timeline_ms([Placement(0, 1.0, 13_000)], 12_000) == 13_000


def test_out_of_order_slots_are_refused() -> None:
    with pytest.raises(ValueError):
        plan_placement([SpeechSlot(5000, 6000, 100), SpeechSlot(1000, 2000, 100)])


slots_strategy = st.lists(
    st.tuples(st.integers(0, 5000), st.integers(0, 20_000), st.integers(0, 30_000)), min_size=0, max_size=30
)


@given(slots_strategy)
def test_invariants(raw: list[tuple[int, int, int]]) -> None:
    slots, t = [], 0
    for gap, length, speech in raw:
        t += gap
        slots.append(SpeechSlot(t, t + length, speech))
        t += length
    plan = plan_placement(slots)
    assert len(plan) == len(slots)
    previous_end = 0
    for slot, p in zip(slots, plan, strict=True):
        assert p.start_ms >= slot.start_ms, "never before its source"
        assert p.start_ms >= previous_end, "voices never overlap"
        assert 1.0 <= p.tempo <= MAX_TEMPO
        if p.tempo == 1.0:
            assert p.end_ms - p.start_ms == slot.duration_ms
        assert p.end_ms >= p.start_ms + slot.duration_ms / p.tempo - 1e-6
        if p.start_ms == slot.start_ms and slot.duration_ms <= slot.slot_end_ms - slot.start_ms:
            assert p.tempo == 1.0, "speech that fits is never sped up"
        if p.start_ms > slot.start_ms:
            assert p.start_ms == previous_end, "a delayed piece starts as soon as the previous one ends"
        previous_end = p.end_ms
