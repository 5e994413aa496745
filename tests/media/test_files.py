"""media.files against real files of every common format, written by the tests with PyAV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interpreter.errors import MediaFileError
from interpreter.media.files import decode_audio, probe
from tests.media.mediagen import dominant_freq, tone, write_audio, write_video

# (file name, codec, container format): the formats users drop on the window.
LOSSY_FORMATS = [
    ("a.mp3", "libmp3lame", None),
    ("a.m4a", "aac", "mp4"),
    ("a.ogg", "libopus", "ogg"),
    ("a.opus", "libopus", "opus"),
    ("a.webm", "libopus", "webm"),
    ("a.mka", "aac", "matroska"),
]


def _decode(path: Path, rate: int = 16000) -> np.ndarray:
    chunks = list(decode_audio(path, rate))
    assert chunks, "no audio decoded"
    assert all(len(c) > 0 and len(c) % 2 == 0 for c in chunks)
    return np.frombuffer(b"".join(chunks), dtype=np.int16)


def test_wav_at_16k_mono_decodes_bit_exact(tmp_path: Path) -> None:
    src = tone(440, 1.0, 16000)[:, 0]
    out = _decode(write_audio(tmp_path / "a.wav", src, 16000, codec="pcm_s16le"))
    np.testing.assert_array_equal(out, src)


def test_flac_is_lossless(tmp_path: Path) -> None:
    src = tone(300, 0.7, 16000)[:, 0]
    out = _decode(write_audio(tmp_path / "a.flac", src, 16000, codec="flac"))
    np.testing.assert_array_equal(out, src)


def test_stereo_44k_is_resampled_and_downmixed(tmp_path: Path) -> None:
    # Left 500 Hz, right 1000 Hz at 44.1 kHz: the mono 16 kHz result keeps both, with the right duration.
    src = tone(500, 2.0, 44100, channels=2)
    out = _decode(write_audio(tmp_path / "st.wav", src, 44100, codec="pcm_s16le"))
    assert abs(len(out) - 32000) <= 16  # 2 s at 16 kHz, within a millisecond
    spectrum = np.abs(np.fft.rfft(out.astype(np.float64)))
    freqs = np.fft.rfftfreq(len(out), 1 / 16000)
    top2 = sorted(freqs[np.argsort(spectrum)[-2:]])
    assert top2 == pytest.approx([500, 1000], abs=2)


def test_band_limited_resampling_does_not_alias(tmp_path: Path) -> None:
    # A 10 kHz tone is above the 8 kHz Nyquist of 16 kHz: a proper resampler removes it; naive decimation
    # would fold it to 6 kHz at nearly full level.
    src = tone(10000, 1.0, 48000)[:, 0]
    out = _decode(write_audio(tmp_path / "hf.wav", src, 48000, codec="pcm_s16le"))
    rms = np.sqrt(np.mean(out[1000:-1000].astype(np.float64) ** 2))
    assert rms < 0.01 * 32767 * 0.5


@pytest.mark.parametrize(("name", "codec", "fmt"), LOSSY_FORMATS)
def test_common_formats_decode_to_the_right_tone(tmp_path: Path, name: str, codec: str, fmt: str | None) -> None:
    src = tone(440, 1.5, 48000)[:, 0]
    path = write_audio(tmp_path / name, src, 48000, codec=codec, fmt=fmt)
    out = _decode(path)
    # Encoders add priming/padding of some tens of ms; the content must be there and at the right pitch.
    assert abs(len(out) / 16000 - 1.5) < 0.1
    assert dominant_freq(out[4000:-4000], 16000) == pytest.approx(440, abs=3)
    info = probe(path)
    assert info.has_audio and not info.has_video
    assert info.duration_s == pytest.approx(1.5, abs=0.1)


@pytest.mark.parametrize("name", ["v.mp4", "v.mov", "v.mkv"])
def test_audio_track_of_a_video(tmp_path: Path, name: str) -> None:
    frames = [np.full((120, 160, 3), i * 20, np.uint8) for i in range(10)]
    audio = tone(660, 1.0, 48000)[:, 0]
    path = write_video(tmp_path / name, frames, 10, audio=audio)
    info = probe(path)
    assert info.has_video and info.has_audio
    assert (info.width, info.height) == (160, 120)
    assert info.fps == pytest.approx(10)
    out = _decode(path)
    assert dominant_freq(out[2000:-2000], 16000) == pytest.approx(660, abs=3)


def test_other_output_rate(tmp_path: Path) -> None:
    src = tone(440, 1.0, 16000)[:, 0]
    out = _decode(write_audio(tmp_path / "a.wav", src, 16000, codec="pcm_s16le"), rate=24000)
    assert abs(len(out) - 24000) <= 24


def test_missing_file_raises_media_file_error(tmp_path: Path) -> None:
    with pytest.raises(MediaFileError) as err:
        decode_audio(tmp_path / "nope.mp3")
    assert "does not exist" in err.value.user_message
    with pytest.raises(MediaFileError):
        probe(tmp_path / "nope.mp3")


def test_garbage_file_raises_media_file_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp3"
    path.write_bytes(b"this is a shopping list, not an mp3\n" * 50)
    with pytest.raises(MediaFileError) as err:
        list(decode_audio(path))
    assert "notes.mp3" in err.value.user_message


def test_video_without_audio_is_a_clear_error(tmp_path: Path) -> None:
    frames = [np.zeros((64, 64, 3), np.uint8)] * 5
    path = write_video(tmp_path / "silent.mp4", frames, 5)
    assert probe(path).has_audio is False
    with pytest.raises(MediaFileError) as err:
        decode_audio(path)
    assert "no audio" in err.value.user_message


def test_truncated_file_fails_cleanly_or_yields_what_it_can(tmp_path: Path) -> None:
    src = tone(440, 2.0, 48000)[:, 0]
    path = write_audio(tmp_path / "a.m4a", src, 48000, codec="aac", fmt="mp4")
    data = path.read_bytes()
    cut = tmp_path / "cut.m4a"
    cut.write_bytes(data[: len(data) // 3])
    # An MP4 cut before its index is unreadable; either way the only error type is MediaFileError.
    try:
        out = b"".join(decode_audio(cut))
    except MediaFileError as exc:
        assert exc.user_message
    else:
        assert len(out) < 2 * 16000 * 2


def test_closing_the_iterator_closes_the_file(tmp_path: Path) -> None:
    src = tone(440, 1.0, 16000)[:, 0]
    it = decode_audio(write_audio(tmp_path / "a.wav", src, 16000, codec="pcm_s16le"))
    first = next(it)
    assert first
    it.close()  # type: ignore[attr-defined]
    with pytest.raises(StopIteration):
        next(it)
