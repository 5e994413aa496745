"""The emulator reads the duration (and video size) of real encoded files without a media library."""

from __future__ import annotations

import pytest

from interpreter.emulator.http.media_probe import FALLBACK_BITS_PER_SECOND, probe
from tests.emulator.httpclient import wav_bytes
from tests.emulator.media import audio_bytes, mp4_bytes

SECONDS = 7.3
# Encoders pad to whole frames (MP3 1152 samples, AAC 1024, Opus 20 ms) and add priming: 0.1 s covers them.
TOLERANCE_S = 0.1


@pytest.mark.parametrize(
    ("container", "codec", "method"),
    [
        ("mp3", "libmp3lame", "mp3"),
        ("ipod", "aac", "mp4"),  # .m4a
        ("flac", "flac", "flac"),
        ("ogg", "libopus", "ogg"),
        ("adts", "aac", "adts"),
        ("wav", "pcm_s16le", "wav"),
    ],
)
def test_audio_durations(container: str, codec: str, method: str) -> None:
    info = probe(audio_bytes(SECONDS, container, codec))
    assert info.method == method
    assert info.duration_s == pytest.approx(SECONDS, abs=TOLERANCE_S)


def test_stdlib_wav() -> None:
    info = probe(wav_bytes(2.5, rate=8000))
    assert (info.method, info.duration_s) == ("wav", 2.5)


def test_mp4_video_size_and_audio_track() -> None:
    with_audio = probe(mp4_bytes(6.0, 320, 240))
    assert (with_audio.method, with_audio.width, with_audio.height, with_audio.has_audio) == ("mp4", 320, 240, True)
    assert with_audio.duration_s == pytest.approx(6.0, abs=TOLERANCE_S)
    silent = probe(mp4_bytes(4.0, 640, 360, with_audio=False))
    assert (silent.width, silent.height, silent.has_audio) == (640, 360, False)


def test_unknown_bytes_fall_back_to_size() -> None:
    data = b"not a media file at all" * 1000
    info = probe(data)
    assert info.method == "size"
    assert info.duration_s == pytest.approx(len(data) * 8 / FALLBACK_BITS_PER_SECOND)


def test_truncated_files_never_raise() -> None:
    for data in (audio_bytes(3.0, "mp3", "libmp3lame")[:200], mp4_bytes(2.0, 64, 64)[:100], b"RIFF\0\0\0\0WAVE"):
        assert probe(data).duration_s >= 0
