"""Request payloads: audio cut exactly to the span, and small 2 fps MP4 clips that always fit the Base64 limit."""

from __future__ import annotations

import base64
import io
import wave
from pathlib import Path

import av
import numpy as np
import pytest

from interpreter.core.file_limits import MAX_BASE64_CHARS, estimate_video_tokens
from interpreter.core.segment_plan import SegmentSpan
from interpreter.errors import MediaFileError
from interpreter.media.clips import clip_frame_size, decode_span, encode_audio_segment, encode_video_clip
from interpreter.media.files import decode_audio
from interpreter.media.probe import probe_media
from tests.media.mediagen import speechlike, write_audio, write_video


def ramp_wav(path: Path, seconds: float, rate: int = 16000) -> np.ndarray:
    """A WAV whose every sample is different (a sawtooth), so a cut position can be checked to the sample."""
    pcm = ((np.arange(int(seconds * rate)) * 7) % 60000 - 30000).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return pcm


def test_audio_segment_is_cut_to_the_exact_sample(tmp_path: Path) -> None:
    pcm = ramp_wav(tmp_path / "ramp.wav", 10.0)
    clip = encode_audio_segment(tmp_path / "ramp.wav", SegmentSpan(0, 1234, 5678))
    assert (clip.mime, clip.format, clip.duration_ms) == ("audio/wav", "wav", 4444)
    with wave.open(io.BytesIO(clip.data), "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
        got = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    assert np.array_equal(got, pcm[1234 * 16 : 5678 * 16])
    assert clip.data_url().startswith("data:audio/wav;base64,")
    assert base64.b64decode(clip.data_url().split(",", 1)[1]) == clip.data


def test_a_compressed_span_lines_up_with_the_full_decode(tmp_path: Path) -> None:
    mp3 = write_audio(tmp_path / "talk.mp3", speechlike(30, 44100), 44100, codec="libmp3lame")
    full = np.frombuffer(b"".join(decode_audio(mp3)), dtype="<i2").astype(np.float64)
    part = np.frombuffer(decode_span(mp3, 12_000, 14_000), dtype="<i2").astype(np.float64)
    assert part.size == 32_000
    # Where does the span's audio best match the full decode? At 12 s, within a millisecond.
    window = full[12 * 16000 - 800 : 14 * 16000 + 800]
    lag = int(np.argmax(np.correlate(window, part, "valid"))) - 800
    assert abs(lag) <= 16
    corr = np.corrcoef(full[12 * 16000 + lag : 14 * 16000 + lag], part)[0, 1]
    assert corr > 0.95


def test_a_span_past_the_end_is_padded_with_silence(tmp_path: Path) -> None:
    pcm = ramp_wav(tmp_path / "short.wav", 1.0)
    got = np.frombuffer(decode_span(tmp_path / "short.wav", 500, 1500), dtype="<i2")
    assert got.size == 16000
    assert np.array_equal(got[:8000], pcm[8000:]) and not got[8000:].any()


def numbered_frames(seconds: int, fps: int, w: int = 1280, h: int = 720) -> list[np.ndarray]:
    """Frames whose grey level says which second they belong to (20 levels per second)."""
    return [np.full((h, w, 3), 20 * (i // fps) + 10, dtype=np.uint8) for i in range(seconds * fps)]


def read_clip(data: bytes) -> tuple[list[float], dict[str, object]]:
    with av.open(io.BytesIO(data), mode="r") as clip:
        video, audio = clip.streams.video[0], clip.streams.audio[0]
        facts: dict[str, object] = {
            "vcodec": video.codec_context.name,
            "size": (video.codec_context.width, video.codec_context.height),
            "acodec": audio.codec_context.name,
            "arate": audio.codec_context.sample_rate,
            "aduration": float(audio.duration * audio.time_base) if audio.duration and audio.time_base else 0.0,
        }
        levels = [float(f.to_ndarray(format="gray").mean()) for f in clip.decode(video)]
    return levels, facts


def test_video_clip_samples_the_right_pictures_at_two_fps(tmp_path: Path) -> None:
    source = write_video(tmp_path / "talk.mp4", numbered_frames(12, 10), 10, audio=speechlike(12, 48000))
    clip = encode_video_clip(source, SegmentSpan(0, 3000, 8000))
    assert (clip.mime, clip.format, clip.frames, clip.width, clip.height) == ("video/mp4", "mp4", 10, 640, 360)
    assert clip.video_tokens == estimate_video_tokens(10, 640, 360) == 5 * 20 * 12 + 2
    levels, facts = read_clip(clip.data)
    assert facts["vcodec"] in ("h264", "mpeg4") and facts["size"] == (640, 360)
    assert facts["acodec"] == "aac" and facts["arate"] == 16000
    assert facts["aduration"] == pytest.approx(5.0, abs=0.15)
    # Frame k shows second 3 + k/2 of the source (grey level 20 * second + 10, give or take the lossy codecs).
    expected = [20 * (3 + k // 2) + 10 for k in range(10)]
    assert len(levels) == 10
    assert np.allclose(levels, expected, atol=4)


def test_a_short_span_still_gets_the_four_frames_the_service_needs(tmp_path: Path) -> None:
    source = write_video(tmp_path / "blink.mp4", numbered_frames(2, 10, 320, 240), 10, audio=speechlike(2, 48000))
    clip = encode_video_clip(source, SegmentSpan(0, 0, 1000))
    levels, _ = read_clip(clip.data)
    assert clip.frames == len(levels) == 4 and (clip.width, clip.height) == (320, 240)


def test_a_clip_that_would_be_too_big_is_made_smaller_until_it_fits(tmp_path: Path) -> None:
    # Lossless random noise: the worst case for a video encoder. At 360p it would be tens of MB.
    rng = np.random.default_rng(7)
    frames = [rng.integers(0, 256, (360, 640, 3), dtype=np.uint8) for _ in range(120)]
    source = write_video(tmp_path / "noise.mkv", frames, 2, codec="ffv1", audio=speechlike(60, 48000))
    clip = encode_video_clip(source, SegmentSpan(0, 0, 60_000))
    assert clip.frames == 120 and clip.height < 360
    assert len(clip.data_url()) <= MAX_BASE64_CHARS


def test_audio_files_have_no_picture_and_overlong_spans_are_refused(tmp_path: Path) -> None:
    wav = tmp_path / "voice.wav"
    ramp_wav(wav, 2.0)
    with pytest.raises(MediaFileError, match="no picture"):
        encode_video_clip(wav, SegmentSpan(0, 0, 2000))
    source = write_video(tmp_path / "v.mp4", numbered_frames(2, 5, 64, 48), 5, audio=speechlike(2, 48000))
    with pytest.raises(ValueError, match="at most 128"):
        encode_video_clip(source, SegmentSpan(0, 0, 70_000))


def test_the_clip_size_helper_matches_what_is_encoded() -> None:
    assert clip_frame_size(1280, 720) == (640, 360)
    assert clip_frame_size(320, 240) == (320, 240), "never enlarged"
    assert clip_frame_size(1080, 1920) == (202, 360), "portrait keeps its aspect, even sides"
    with pytest.raises(ValueError):
        clip_frame_size(0, 720)


def test_a_span_too_long_for_wav_goes_as_mp3(tmp_path: Path) -> None:
    # 5 minutes: as WAV 9.6 MB, 12.8 MB in Base64, over the limit; as 64 kbit/s MP3 2.4 MB.
    ramp_wav(tmp_path / "lecture.wav", 300.0)
    clip = encode_audio_segment(tmp_path / "lecture.wav", SegmentSpan(0, 0, 300_000))
    assert (clip.mime, clip.format) == ("audio/mpeg", "mp3")
    assert len(clip.data_url()) <= MAX_BASE64_CHARS
    with av.open(io.BytesIO(clip.data), mode="r") as mp3:
        assert mp3.duration is not None and mp3.duration / 1_000_000 == pytest.approx(300.0, abs=0.1)


def mp3_with_cover_art(path: Path) -> Path:
    """An MP3 carrying an attached picture (cover art): FFmpeg shows it as a one-frame video stream."""
    with av.open(str(path), mode="w") as out:
        audio = out.add_stream("libmp3lame", rate=44_100)
        audio.layout = "mono"
        cover = out.add_stream("png")
        cover.width, cover.height, cover.pix_fmt = 64, 64, "rgb24"
        cover.disposition = av.stream.Disposition.attached_pic
        for packet in cover.encode(av.VideoFrame.from_ndarray(np.zeros((64, 64, 3), np.uint8), format="rgb24")):
            out.mux(packet)
        for packet in cover.encode(None):
            out.mux(packet)
        pcm = speechlike(3, 44_100)
        resampler = av.AudioResampler(format=audio.format.name, layout="mono", rate=44_100)
        for start in range(0, pcm.size, 1152):
            frame = av.AudioFrame.from_ndarray(pcm[None, start : start + 1152], format="s16", layout="mono")
            frame.sample_rate = 44_100
            for converted in resampler.resample(frame):
                for packet in audio.encode(converted):
                    out.mux(packet)
        for packet in audio.encode(None):
            out.mux(packet)
    return path


def test_cover_art_is_not_a_picture_to_send(tmp_path: Path) -> None:
    path = mp3_with_cover_art(tmp_path / "song.mp3")
    with av.open(str(path)) as c:
        assert len(c.streams.video) == 1, "the cover is there"
    assert not probe_media(path).has_video
    with pytest.raises(MediaFileError, match="no picture"):
        encode_video_clip(path, SegmentSpan(0, 0, 2000))
    assert len(encode_audio_segment(path, SegmentSpan(0, 0, 2000)).data) == 44 + 2 * 32_000
