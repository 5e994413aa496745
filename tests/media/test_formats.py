"""Every input format the issue lists goes through probe, segmentation and payload encoding."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import numpy as np
import pytest

from interpreter.media.clips import encode_audio_segment, encode_video_clip
from interpreter.media.probe import probe_media
from interpreter.media.segmenter import plan_segments
from tests.media.mediagen import speechlike, write_audio, write_video

#: 2 s of speech-like sound, 1.5 s of silence, 2 s of sound: two segments when cuts may fall every 2-4 s.
SOUND_S, GAP_S = 2.0, 1.5


def program(rate: int) -> np.ndarray:
    burst = speechlike(SOUND_S, rate)
    return np.concatenate([burst, np.zeros(int(GAP_S * rate), dtype=np.int16), burst])


AUDIO = [
    ("talk.wav", "pcm_s16le", None, 44_100),
    ("talk.mp3", "libmp3lame", None, 44_100),
    ("talk.m4a", "aac", "mp4", 48_000),
    ("talk.aac", "aac", "adts", 48_000),
    ("talk.flac", "flac", None, 48_000),
    ("talk.ogg", "libopus", "ogg", 48_000),
    ("talk.opus", "libopus", "opus", 48_000),
    ("talk.wma", "wmav2", "asf", 44_100),
    ("talk.amr", "libopencore_amrnb", "amr", 8_000),
]


@pytest.mark.parametrize(("name", "codec", "fmt", "rate"), AUDIO, ids=[a[0] for a in AUDIO])
def test_audio_formats(tmp_path: Path, name: str, codec: str, fmt: str | None, rate: int) -> None:
    bit_rate = 64_000 if codec == "wmav2" else None  # the WMA encoder has no default bit rate
    path = write_audio(tmp_path / name, program(rate), rate, codec=codec, fmt=fmt, bit_rate=bit_rate)
    info = probe_media(path)
    assert info.has_audio and not info.has_video and not info.truncated
    assert info.duration_s == pytest.approx(2 * SOUND_S + GAP_S, abs=0.15)
    spans = plan_segments(path, target_s=2.5, max_s=5.0, min_s=1.0)
    assert len(spans) == 2
    # Lossy codecs smear onsets by a transform block or two (WMA ~120 ms): speech is found within 200 ms.
    assert spans[0].speech[-1][1] == pytest.approx(SOUND_S * 1000, abs=200)
    assert spans[1].speech[0][0] == pytest.approx((SOUND_S + GAP_S) * 1000, abs=200)
    clip = encode_audio_segment(path, spans[1])
    with wave.open(io.BytesIO(clip.data), "rb") as w:
        assert w.getnframes() == spans[1].duration_ms * 16
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    assert np.abs(pcm).max() > 3000, "the segment carries the sound"


VIDEO = [
    ("talk.mp4", "libx264", "aac"),
    ("talk.mov", "mpeg4", "aac"),
    ("talk.mkv", "libx264", "libopus"),
    ("talk.webm", "libvpx-vp9", "libopus"),
]


@pytest.mark.parametrize(("name", "codec", "audio_codec"), VIDEO, ids=[v[0] for v in VIDEO])
def test_video_formats(tmp_path: Path, name: str, codec: str, audio_codec: str) -> None:
    fps = 5
    seconds = 2 * SOUND_S + GAP_S
    frames = [np.full((72, 96, 3), (i * 7) % 256, dtype=np.uint8) for i in range(int(seconds * fps))]
    path = write_video(tmp_path / name, frames, fps, codec=codec, audio=program(48_000), audio_codec=audio_codec)
    info = probe_media(path)
    assert info.has_audio and info.has_video and (info.width, info.height) == (96, 72)
    spans = plan_segments(path, target_s=2.5, max_s=5.0, min_s=1.0)
    assert len(spans) == 2
    clip = encode_video_clip(path, spans[0])
    assert clip.frames >= 4 and clip.mime == "video/mp4" and (clip.width, clip.height) == (96, 72)
