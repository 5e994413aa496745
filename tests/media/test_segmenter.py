"""Segmentation of real speech at pauses: boundaries fall in silence, never inside a word."""

from __future__ import annotations

import json
import tracemalloc
import wave
from pathlib import Path

import numpy as np
import pytest

from interpreter.errors import MediaFileError
from interpreter.media.files import probe
from interpreter.media.segmenter import energy_profile, plan_segments
from tests.media.longgen import long_mp3
from tests.media.mediagen import write_audio
from tests.media.speechgen import SENTENCES, make_speech, speak_paragraph

DATA = Path(__file__).parent.parent / "data"


def rms_dbfs_around(path: Path, ms: int, half_window_ms: int = 40) -> float:
    """Level of the source audio in a small window around ``ms``."""
    with wave.open(str(path), "rb") as w:
        rate = w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    a = max(0, (ms - half_window_ms) * rate // 1000)
    b = (ms + half_window_ms) * rate // 1000
    rms = float(np.sqrt(np.mean(pcm[a:b] ** 2))) if b > a else 0.0
    return -120.0 if rms == 0 else 20 * np.log10(rms / 32768)


def inside_a_pause(ms: int, sentences: list[tuple[int, int]]) -> bool:
    return not any(start <= ms < end for start, end in sentences)


def test_espeak_speech_is_cut_between_sentences(tmp_path: Path) -> None:
    pauses = [600, 450, 800, 500, 700, 550, 900, 650, 500, 600, 700, 450]
    fixture = make_speech(tmp_path / "talk.wav", pauses)
    spans = plan_segments(fixture.path, target_s=10, max_s=20, min_s=3)
    assert len(spans) >= 3
    for span in spans:
        assert span.duration_ms <= 20_000
        for edge in (span.start_ms, span.end_ms):
            assert inside_a_pause(edge, fixture.sentences_ms), f"{edge} ms cuts a sentence"
            assert rms_dbfs_around(fixture.path, edge) < -50.0
    # Every sentence lies wholly inside exactly one segment, and its voiced stretch matches the known timing.
    for start, end in fixture.sentences_ms:
        owners = [s for s in spans if s.start_ms <= start and end <= s.end_ms]
        assert len(owners) == 1
        assert any(abs(a - start) <= 40 and abs(b - end) <= 40 for a, b in owners[0].speech)


def test_reference_fixture_segments_match_its_sentence_times() -> None:
    truth = json.loads((DATA / "speech_en_16k.json").read_text())["segments"]
    spans = plan_segments(DATA / "speech_en_16k.wav", target_s=2, max_s=6, min_s=1)
    assert len(spans) == 3
    for span, sentence in zip(spans, truth, strict=True):
        assert span.start_ms <= sentence["start_ms"] and sentence["end_ms"] <= span.end_ms
        ((a, b),) = span.speech
        assert abs(a - sentence["start_ms"]) <= 40 and abs(b - sentence["end_ms"]) <= 40


def test_a_silent_file_is_refused_with_one_sentence(tmp_path: Path) -> None:
    path = write_audio(tmp_path / "quiet.flac", np.zeros(16000 * 3, dtype=np.int16), 16000, codec="flac")
    with pytest.raises(MediaFileError) as caught:
        plan_segments(path)
    assert "'quiet.flac'" in caught.value.user_message and "only silence" in caught.value.user_message


@pytest.mark.timeout(240)
def test_a_four_hour_file_is_segmented_with_flat_memory(tmp_path: Path) -> None:
    path = long_mp3(tmp_path / "long.mp3", hours=4.0)
    assert (probe(path).duration_s or 0) > 4 * 3600 - 1
    tracemalloc.start()
    try:
        profile = energy_profile(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 4 h at 20 ms frames is 720 000 float32 levels (2.9 MB); decoding keeps only a few seconds of PCM.
    assert peak < 20 * 1024 * 1024
    spans = plan_segments(profile)
    assert spans[-1].end_ms > 4 * 3600 * 1000 - 5000
    assert all(s.duration_ms <= 60_000 for s in spans)
    # The pattern is 10 s of sound then 2 s of silence: every cut lies in a silence.
    for span in spans[1:]:
        assert span.start_ms % 12_168 >= 9_900 or span.start_ms % 12_168 < 100


def test_continuous_speech_with_short_natural_pauses_is_cut_near_the_target(tmp_path: Path) -> None:
    # One espeak-ng paragraph: its pauses between sentences are short (~0.3 s), none is a "sentence pause"; the
    # planner must still find them among the word gaps and cut near the target length, in silence.
    paragraph = speak_paragraph(tmp_path / "paragraph.wav", " ".join(SENTENCES * 2))
    spans = plan_segments(paragraph, target_s=10, max_s=20, min_s=3)
    assert len(spans) >= 5
    for span in spans[:-1]:
        assert 6_000 <= span.duration_ms <= 14_000, "near the 10 s target"
        assert rms_dbfs_around(paragraph, span.end_ms) < -50.0, f"cut at {span.end_ms} ms is not in a pause"


class Cancelled(Exception):
    pass


def test_progress_is_reported_and_raising_from_it_cancels(tmp_path: Path) -> None:
    path = long_mp3(tmp_path / "long.mp3", hours=0.1)  # 6 minutes
    seen: list[int] = []
    spans = plan_segments(path, on_progress=seen.append)
    assert spans and seen == sorted(seen) and 6 * 60_000 - 5000 <= seen[-1] <= 6 * 60_000 + 13_000  # whole repeats
    assert len(seen) > 10, "reported every few seconds of audio"

    def stop_after_a_minute(done_ms: int) -> None:
        if done_ms > 60_000:
            raise Cancelled

    with pytest.raises(Cancelled):
        plan_segments(path, on_progress=stop_after_a_minute)
