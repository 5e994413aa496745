"""core.timecode: SRT/VTT timestamps and cue text."""

from __future__ import annotations

import pysubs2
import pytest

from interpreter.core.timecode import Cue, CueMode, cue_text, render_srt, render_vtt, srt_time, vtt_time


@pytest.mark.parametrize(
    ("ms", "srt", "vtt"),
    [
        (0, "00:00:00,000", "00:00:00.000"),
        (1, "00:00:00,001", "00:00:00.001"),
        (61_001, "00:01:01,001", "00:01:01.001"),
        (3_600_000 + 59 * 60_000 + 59_999, "01:59:59,999", "01:59:59.999"),
        (100 * 3_600_000, "100:00:00,000", "100:00:00.000"),
        (1234.6, "00:00:01,235", "00:00:01.235"),
    ],
)
def test_timestamps(ms: float, srt: str, vtt: str) -> None:
    assert srt_time(ms) == srt
    assert vtt_time(ms) == vtt


def test_negative_time_is_rejected() -> None:
    with pytest.raises(ValueError):
        srt_time(-1)
    with pytest.raises(ValueError):
        Cue(-5, 10, "x")


def test_cue_text_modes_and_blank_lines() -> None:
    assert cue_text("Hallo", "Hello", CueMode.BILINGUAL) == "Hallo\nHello"
    assert cue_text("Hallo", "Hello", CueMode.SOURCE) == "Hallo"
    assert cue_text("Hallo", "Hello", CueMode.TRANSLATION) == "Hello"
    assert cue_text("", "Hello", CueMode.BILINGUAL) == "Hello"
    # A blank line would end the cue early in every player.
    assert cue_text("a\r\n\r\n\nb", "  c  ") == "a\nb\nc"


def test_srt_document_parses_back_with_pysubs2() -> None:
    cues = [Cue(0, 1500, "Hallo\nHello"), Cue(1500, 1500, ""), Cue(2000, 1000, "end before start")]
    text = render_srt(cues)
    assert text.startswith("1\n00:00:00,000 --> 00:00:01,500\nHallo\nHello\n")
    subs = pysubs2.SSAFile.from_string(text, format_="srt")
    assert [(e.start, e.end) for e in subs] == [(0, 1500), (2000, 2000)]  # empty cue skipped, inverted end clamped
    assert subs[0].plaintext == "Hallo\nHello"


def test_vtt_document_escapes_markup_and_parses_back() -> None:
    text = render_vtt([Cue(0, 900, "a <b> & c --> d")])
    assert text.startswith("WEBVTT\n")
    assert "a &lt;b&gt; &amp; c --&gt; d" in text
    subs = pysubs2.SSAFile.from_string(text, format_="vtt")
    assert [(e.start, e.end) for e in subs] == [(0, 900)]
