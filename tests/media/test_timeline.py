"""The dubbed soundtrack: speech placed at its source times, sped up with pitch kept, written atomically."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from interpreter.errors import MediaFileError
from interpreter.media.timeline import PlacedSpeech, place_on_timeline, stretch_pcm
from tests.media.mediagen import dominant_freq, tone

RATE = 24_000


def speech(freq: float, seconds: float) -> bytes:
    """A stand-in for a translated segment: a tone whose pitch identifies it."""
    return tone(freq, seconds, RATE, amplitude=0.3)[:, 0].tobytes()


def read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (RATE, 1, 2)
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")


def sounding(pcm: np.ndarray, block_ms: int = 10) -> list[tuple[int, int]]:
    """(start_ms, end_ms) of the stretches that are not silent, at ``block_ms`` resolution."""
    n = RATE * block_ms // 1000
    blocks = pcm[: pcm.size // n * n].reshape(-1, n)
    loud = np.abs(blocks.astype(np.int32)).max(axis=1) > 300
    edges = np.diff(np.concatenate(([0], loud.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return [(int(s) * block_ms, int(e) * block_ms) for s, e in zip(starts, ends, strict=True)]


def test_pieces_start_where_their_sources_started(tmp_path: Path) -> None:
    pieces = [PlacedSpeech(1000, 4000, speech(300, 2.0)), PlacedSpeech(6000, 9000, speech(600, 2.5))]
    out, plan = place_on_timeline(pieces, 12_000, tmp_path / "talk.zh.wav")
    pcm = read(out)
    assert pcm.size == 12 * RATE
    assert [p.tempo for p in plan] == [1.0, 1.0]
    (a0, a1), (b0, b1) = sounding(pcm)
    assert (a0, a1) == (1000, 3000) and (b0, b1) == (6000, 8500)
    assert dominant_freq(pcm[a0 * 24 : a1 * 24], RATE) == pytest.approx(300, abs=2)


def test_overlong_speech_is_sped_up_keeping_its_pitch_and_then_borrows_silence(tmp_path: Path) -> None:
    # 6 s of speech for a 4 s slot: 1.25x gives 4.8 s, running 0.8 s into the silence before the next piece.
    pieces = [PlacedSpeech(0, 4000, speech(440, 6.0)), PlacedSpeech(7000, 9000, speech(880, 1.0))]
    out, plan = place_on_timeline(pieces, 10_000, tmp_path / "fast.wav")
    assert plan[0].tempo == 1.25 and plan[1].start_ms == 7000
    pcm = read(out)
    (a0, a1), (b0, _) = sounding(pcm)
    assert a0 == 0 and a1 == pytest.approx(4800, abs=30) and b0 == 7000
    assert dominant_freq(pcm[24_000:96_000], RATE) == pytest.approx(440, abs=3), "pitch kept"


def test_the_next_piece_waits_rather_than_overlapping(tmp_path: Path) -> None:
    pieces = [PlacedSpeech(0, 2000, speech(440, 5.0)), PlacedSpeech(2500, 6000, speech(880, 1.0))]
    out, plan = place_on_timeline(pieces, 8000, tmp_path / "wait.wav")
    assert plan[1].start_ms == plan[0].end_ms == 4000
    stretches = sounding(read(out))
    # One continuous voice: the second piece follows the first without a gap and without overlap.
    assert stretches[0][0] == 0 and stretches[-1][1] == pytest.approx(5000, abs=30)


def test_loaders_are_called_one_at_a_time_in_order(tmp_path: Path) -> None:
    calls: list[int] = []

    def loader(i: int, seconds: float) -> PlacedSpeech:
        def load() -> bytes:
            calls.append(i)
            return speech(300 + 100 * i, seconds)

        return PlacedSpeech(i * 3000, i * 3000 + 2500, load, samples=int(seconds * RATE))

    out, _ = place_on_timeline([loader(i, 2.0) for i in range(4)], 12_000, tmp_path / "lazy.wav")
    assert calls == [0, 1, 2, 3]
    assert [s for s, _ in sounding(read(out))] == [0, 3000, 6000, 9000]


def test_a_failure_leaves_no_file_under_the_final_name(tmp_path: Path) -> None:
    def broken() -> bytes:
        raise OSError("the segment store vanished")

    target = tmp_path / "talk.zh.wav"
    pieces = [PlacedSpeech(0, 1000, speech(300, 0.5)), PlacedSpeech(2000, 3000, broken, samples=RATE)]
    with pytest.raises(OSError, match="vanished"):
        place_on_timeline(pieces, 4000, target)
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_that_cannot_be_created_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(MediaFileError) as caught:
        place_on_timeline([PlacedSpeech(0, 1000, speech(300, 0.5))], 1000, blocker / "talk.zh.wav")
    assert "'talk.zh.wav'" in caught.value.user_message


def test_stretch_rejects_speeds_atempo_cannot_do() -> None:
    with pytest.raises(ValueError):
        stretch_pcm(speech(300, 0.1), 3.0)
    assert len(stretch_pcm(speech(300, 2.0), 1.25)) // 2 == pytest.approx(2.0 * RATE / 1.25, abs=RATE * 0.01)
