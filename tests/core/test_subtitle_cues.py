"""Subtitle cues: common practice (2 lines of 42 columns, 1-7 s), proportional splitting, CJK width, no text lost."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interpreter.core.subtitle_cues import (
    MAX_CUE_MS,
    MAX_LINE_WIDTH,
    MIN_CUE_MS,
    Cue,
    CueSegment,
    make_cues,
    text_width,
)

ENGLISH = (
    "Good morning everyone and welcome to the quarterly meeting. Today we will talk about live translation for "
    "events, and the first topic is how we cut long recordings into pieces."
)
CHINESE = "大家早上好，欢迎参加季度会议。今天我们将讨论活动的实时翻译，第一个话题是我们如何把长录音切成小段。"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_practice(cues: list[Cue]) -> None:
    for k, cue in enumerate(cues):
        assert 1 <= len(cue.lines) <= 2
        assert all(line and line == line.strip() and text_width(line) <= MAX_LINE_WIDTH for line in cue.lines)
        assert 0 < cue.end_ms - cue.start_ms <= MAX_CUE_MS
        if k + 1 < len(cues):
            assert cue.end_ms <= cues[k + 1].start_ms
            assert cue.end_ms - cue.start_ms >= MIN_CUE_MS or cue.end_ms == cues[k + 1].start_ms
        else:
            assert cue.end_ms - cue.start_ms >= MIN_CUE_MS


def test_a_long_english_translation_is_split_at_clauses_over_the_speech() -> None:
    segment = CueSegment(0, 12_000, "", ENGLISH, speech=((500, 5000), (6000, 11_500)))
    cues = make_cues([segment])
    check_practice(cues)
    assert len(cues) == 3
    assert cues[0].start_ms == 500 and cues[-1].end_ms == 11_500, "text shows while speech is heard"
    assert cues[0].text == "Good morning everyone and\nwelcome to the quarterly meeting."
    assert all(c.lines[-1][-1] in ".," for c in cues), "cues end at a sentence or clause mark"
    assert squeeze(" ".join(c.text for c in cues)) == squeeze(ENGLISH)


def test_chinese_counts_two_columns_per_character_and_breaks_at_its_punctuation() -> None:
    cues = make_cues([CueSegment(13_000, 20_000, "", CHINESE)])
    check_practice(cues)
    assert cues[0].text == "大家早上好，欢迎参加季度会议。"
    assert cues[1].lines == ("今天我们将讨论活动的实时翻译，", "第一个话题是我们如何把长录音切成小段。")
    assert all(len(line) <= 21 for c in cues for line in c.lines)
    # Time is shared in proportion to text length: the first cue holds 15 of the 49 characters.
    assert len(CHINESE) == 49
    assert cues[0].end_ms - 13_000 == pytest.approx(7000 * 15 / 49, abs=2)


def test_short_text_over_long_speech_is_not_crumbled_and_stays_at_most_seven_seconds() -> None:
    cues = make_cues([CueSegment(0, 30_000, "", "Thank you.")])
    assert [c.text for c in cues] == ["Thank you."]
    assert cues[0].end_ms - cues[0].start_ms == MAX_CUE_MS


def test_a_very_short_segment_gets_a_second_on_screen_if_the_next_one_allows() -> None:
    cues = make_cues([CueSegment(0, 400, "", "Yes."), CueSegment(3000, 5000, "", "No.")])
    assert (cues[0].start_ms, cues[0].end_ms) == (0, 1000)
    cues = make_cues([CueSegment(0, 400, "", "Yes."), CueSegment(600, 5000, "", "No.")])
    assert cues[0].end_ms == 600


def test_blank_translations_make_no_cue_and_source_text_can_be_used() -> None:
    segments = [CueSegment(0, 2000, "Hallo zusammen.", "  "), CueSegment(2000, 4000, "Danke.", "Thanks.")]
    assert [c.text for c in make_cues(segments)] == ["Thanks."]
    assert [c.text for c in make_cues(segments, text="source")] == ["Hallo zusammen.", "Danke."]


def test_an_unbreakable_run_is_cut_to_fit() -> None:
    url = "https://example.com/" + "a" * 100
    cues = make_cues([CueSegment(0, 5000, "", url)])
    check_practice(cues)
    assert squeeze("".join(c.text for c in cues)) == url


def test_segments_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError):
        make_cues([CueSegment(5000, 6000, "", "b"), CueSegment(0, 1000, "", "a")])


words = st.sampled_from(
    ["the", "translation", "is", "good.", "however,", "we", "Donaudampfschifffahrtsgesellschaft", "OK!", "(see", "it)"]
)
cjk = st.text(alphabet="大家早上好欢迎参加季度会议，。！？「」（）", min_size=1, max_size=30)
texts = st.lists(st.one_of(words, cjk, st.just("AI")), max_size=60).map(lambda parts: " ".join(parts))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3000), st.integers(1, 60_000), texts), min_size=1, max_size=6),
    st.booleans(),
)
def test_invariants(raw: list[tuple[int, int, str]], with_speech: bool) -> None:
    segments, t = [], 0
    for gap, length, text in raw:
        start = t + gap
        speech = ((start + length // 4, start + length // 2), (start + 3 * length // 4, start + length))
        segments.append(CueSegment(start, start + length, "", text, speech if with_speech else ()))
        t = start + length
    cues = make_cues(segments)
    check_practice(cues)
    for cue in cues:
        assert cue.start_ms >= segments[cue.segment].start_ms
    shown = squeeze("".join(c.text for c in cues))
    assert shown == squeeze("".join(s.translated_text for s in segments)), "text is never lost or reordered"
