"""The dubbed MP4, read back with PyAV: picture copied packet for packet, translation default, original kept."""

from __future__ import annotations

import hashlib
import wave
from pathlib import Path

import av
import numpy as np
import pytest

from interpreter.errors import MediaFileError
from interpreter.media.mux import mux_dubbed_video
from interpreter.media.timeline import PlacedSpeech, place_on_timeline
from tests.media.mediagen import dominant_freq, speechlike, tone, write_audio, write_video

SECONDS = 6


def frames(n: int) -> list[np.ndarray]:
    return [np.full((96, 128, 3), (i * 5) % 256, dtype=np.uint8) for i in range(n)]


def dubbed(tmp_path: Path) -> Path:
    """A translated soundtrack: a 300 Hz 'voice' from 1 s to 3 s on a 6 s timeline."""
    piece = PlacedSpeech(1000, 3500, tone(300, 2.0, 24_000, amplitude=0.3)[:, 0].tobytes())
    path, _ = place_on_timeline([piece], SECONDS * 1000, tmp_path / "talk.zh.wav")
    return path


def video_packets(path: Path) -> tuple[str, list[str]]:
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        digests = [hashlib.sha256(bytes(p)).hexdigest() for p in c.demux(stream) if p.size]
        return stream.codec_context.name, digests


def test_two_audio_tracks_with_languages_and_the_picture_copied(tmp_path: Path) -> None:
    source = write_video(tmp_path / "talk.mp4", frames(25 * SECONDS), 25, audio=speechlike(SECONDS, 48_000))
    out = mux_dubbed_video(source, dubbed(tmp_path), tmp_path / "talk.zh.mp4", target_lang="zh", source_lang="en")
    assert out == tmp_path / "talk.zh.mp4"
    assert video_packets(out) == video_packets(source), "the video stream is remuxed, not re-encoded"
    with av.open(str(out)) as c:
        assert len(c.streams.video) == 1 and len(c.streams.audio) == 2
        dub, original = c.streams.audio
        assert (dub.metadata.get("language"), original.metadata.get("language")) == ("zho", "eng")
        assert dub.disposition & av.stream.Disposition.default
        assert not original.disposition & av.stream.Disposition.default
        assert dub.codec_context.name == original.codec_context.name == "aac"
        for stream in (c.streams.video[0], dub, original):
            assert stream.duration is not None and stream.time_base is not None
            assert float(stream.duration * stream.time_base) == pytest.approx(SECONDS, abs=0.1)
        pcm = np.concatenate([f.to_ndarray().reshape(-1) for f in c.decode(dub)])
    rate = 24_000
    assert dominant_freq(pcm[int(1.2 * rate) : int(2.8 * rate)], rate) == pytest.approx(300, abs=3)
    assert np.abs(pcm[: int(0.8 * rate)]).max() < 0.01, "silence before the translated speech"


def test_an_original_track_mp4_cannot_carry_is_re_encoded_and_tagged_und(tmp_path: Path) -> None:
    source = write_video(
        tmp_path / "talk.mkv", frames(10 * SECONDS), 10, audio=speechlike(SECONDS, 48_000), audio_codec="pcm_s16le"
    )
    out = mux_dubbed_video(source, dubbed(tmp_path), tmp_path / "talk.de.mp4", target_lang="de", source_lang=None)
    assert video_packets(out)[1] == video_packets(source)[1]
    with av.open(str(out)) as c:
        dub, original = c.streams.audio
        assert (dub.metadata.get("language"), original.metadata.get("language")) == ("deu", "und")
        assert original.codec_context.name == "aac"
        assert original.duration is not None and original.time_base is not None
        assert float(original.duration * original.time_base) == pytest.approx(SECONDS, abs=0.1)


def test_a_failure_midway_leaves_no_file(tmp_path: Path) -> None:
    source = write_video(tmp_path / "talk.mp4", frames(25 * SECONDS), 25, audio=speechlike(SECONDS, 48_000))
    bad = tmp_path / "24bit.wav"
    with wave.open(str(bad), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(3)
        w.setframerate(24_000)
        w.writeframes(bytes(3 * 24_000))
    before = set(tmp_path.iterdir())
    with pytest.raises(MediaFileError):
        mux_dubbed_video(source, bad, tmp_path / "talk.zh.mp4", target_lang="zh", source_lang="en")
    assert set(tmp_path.iterdir()) == before


def test_bad_inputs_and_outputs_are_one_sentence(tmp_path: Path) -> None:
    wav = dubbed(tmp_path)
    audio_only = write_audio(tmp_path / "voice.m4a", speechlike(2, 48_000), 48_000, codec="aac", fmt="mp4")
    with pytest.raises(MediaFileError, match="no picture"):
        mux_dubbed_video(audio_only, wav, tmp_path / "x.mp4", target_lang="zh", source_lang=None)
    source = write_video(tmp_path / "talk.mp4", frames(20), 10, audio=speechlike(2, 48_000))
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the output folder should be")
    with pytest.raises(MediaFileError) as caught:
        mux_dubbed_video(source, wav, blocker / "talk.zh.mp4", target_lang="zh", source_lang=None)
    assert "'talk.zh.mp4'" in caught.value.user_message and "writable" in caught.value.user_message
    assert not (tmp_path / "x.mp4").exists()


def test_a_picture_codec_mp4_cannot_carry_is_re_encoded(tmp_path: Path) -> None:
    source = write_video(
        tmp_path / "talk.webm",
        frames(10 * SECONDS),
        10,
        codec="libvpx",
        audio=speechlike(SECONDS, 48_000),
        audio_codec="libopus",
    )
    out = mux_dubbed_video(source, dubbed(tmp_path), tmp_path / "talk.zh.mp4", target_lang="zh", source_lang="en")
    with av.open(str(out)) as c:
        (video,) = c.streams.video
        assert video.codec_context.name in ("h264", "mpeg4")
        assert sum(1 for _ in c.decode(video)) == 10 * SECONDS, "every picture kept"
        assert [s.metadata.get("language") for s in c.streams.audio] == ["zho", "eng"]
