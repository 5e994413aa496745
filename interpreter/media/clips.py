"""Request payloads for file translation: a segment's audio as WAV, or a small 2 fps MP4 clip with its sound.

Every function here is synchronous and CPU-bound (decoding, resampling, encoding): the service layer calls them in a
worker thread. They read only the span they need (seek, then decode forward), so memory is bounded by one segment
(60 s of 16 kHz mono PCM is 1.9 MB) whatever the length of the file.
"""

from __future__ import annotations

import base64
import io
import math
import os
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error
import numpy as np

from interpreter.core.file_limits import (
    MAX_VIDEO_FRAMES,
    MIN_VIDEO_FRAMES,
    VIDEO_FPS,
    estimate_video_tokens,
    fits_request,
)
from interpreter.core.pcm import SAMPLE_WIDTH
from interpreter.core.segment_plan import SegmentSpan
from interpreter.errors import MediaFileError
from interpreter.media.files import SERVICE_INPUT_RATE, picture_streams

__all__ = ["EncodedClip", "clip_frame_size", "decode_span", "encode_audio_segment", "encode_video_clip"]

#: Default clip height: 360 lines show faces, gestures and large text (the "mask" case of spec §3) while a 60 s clip
#: at 2 fps stays around 1-2 MB; video tokens grow with the area, so a smaller picture is also cheaper.
DEFAULT_MAX_HEIGHT = 360
#: Heights tried, in order, when a clip comes out over the Base64 limit (each roughly halves the bytes).
_FALLBACK_HEIGHTS = (360, 240, 144)
#: x264 constant quality: 28 is visibly soft but keeps shapes and faces; each +6 roughly halves the bitrate.
_X264_CRF = (28, 34, 40)
#: mpeg4 (when the wheel lacks libx264) has no CRF: a bitrate per pixel-second that matches crf 28 loosely.
_MPEG4_BITS_PER_PIXEL = 0.15
#: AAC for the clip's sound: mono 16 kHz is what the model hears anyway; 32 kbit/s is transparent for speech there.
_CLIP_AUDIO_RATE = SERVICE_INPUT_RATE
_CLIP_AUDIO_BITRATE = 32_000
#: Samples per frame handed to the audio encoders (AAC's own frame size; the MP3 encoder re-blocks as it needs).
_AAC_FRAME = 1024
#: MP3 for spans too long for WAV: 64 kbit/s mono is transparent for 16 kHz speech (8 KB/s: 20 min in 10 MB).
_MP3_BITRATE = 64_000


@dataclass(frozen=True)
class EncodedClip:
    """A payload ready for a data URL.

    Attributes:
        data: the encoded bytes.
        mime: MIME type for the data URL (``audio/wav``, ``video/mp4``).
        format: the short format name the request's ``input_audio.format`` takes (``wav``, ``mp4``).
        duration_ms: length of the content.
        frames: video frames in the clip (0 for audio).
        width: video width (0 for audio).
        height: video height (0 for audio).
    """

    data: bytes
    mime: str
    format: str
    duration_ms: int
    frames: int = 0
    width: int = 0
    height: int = 0

    def data_url(self) -> str:
        """``data:<mime>;base64,<payload>`` as the request carries it."""
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def video_tokens(self) -> int:
        """Spec §3 token estimate of the picture (0 for audio)."""
        return estimate_video_tokens(self.frames, self.width, self.height) if self.frames else 0


def _open_input(path: Path) -> av.container.InputContainer:
    try:
        return av.open(str(path), mode="r")
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaFileError(
            f"The file {path.name!r} can no longer be read; check it is still there and unchanged.", detail=str(exc)
        ) from exc


def _check_span(span: SegmentSpan) -> None:
    if span.start_ms < 0 or span.end_ms <= span.start_ms:
        raise ValueError(f"empty or negative span {span}")


def decode_span(path: str | os.PathLike[str], start_ms: int, end_ms: int, rate: int = SERVICE_INPUT_RATE) -> bytes:
    """Mono s16le PCM at ``rate`` of exactly ``[start_ms, end_ms)`` of the first audio track.

    The result has exactly ``(end_ms - start_ms) * rate / 1000`` samples: where the file has no audio (before its
    first sample, past its end) the gap is silence, so timelines built from spans stay aligned.

    Raises:
        MediaFileError: the file cannot be opened or decoded any more, or has no audio track.
    """
    if end_ms <= start_ms or start_ms < 0:
        raise ValueError(f"need 0 <= start_ms < end_ms, got {start_ms}, {end_ms}")
    p = Path(path)
    first = start_ms * rate // 1000
    wanted = end_ms * rate // 1000 - first
    out = np.zeros(wanted, dtype=np.int16)
    with _open_input(p) as container:
        if not container.streams.audio:
            raise MediaFileError(f"The file {p.name!r} has no audio track to translate.", detail=str(p))
        stream = container.streams.audio[0]
        stream.codec_context.thread_type = "NONE"  # no FFmpeg threads we do not own (audio gains nothing)
        tb = stream.time_base
        assert tb is not None
        origin = stream.start_time or 0
        # Seek a little early: MP3/AAC need a frame or two of run-in, and backward=True lands at or before anyway.
        seek_s = max(0.0, start_ms / 1000 - 0.5)
        container.seek(origin + int(seek_s / tb), stream=stream, backward=True, any_frame=False)
        resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
        position: int | None = None  # output sample index (at ``rate``) of the next resampled sample
        try:
            for frame in container.decode(stream):
                if position is None:
                    # Sample 0 of the timeline is the first decoded sample, at the stream's start time (an MP3
                    # starts 1105 samples late: the encoder delay the decoder skips).
                    position = round(float((frame.pts - origin) * tb) * rate) if frame.pts is not None else 0
                for chunk in resampler.resample(frame):
                    position = _place(chunk.to_ndarray().reshape(-1), position, first, out)
                if position >= first + wanted:
                    break
            else:
                if position is not None:
                    for chunk in resampler.resample(None):
                        position = _place(chunk.to_ndarray().reshape(-1), position, first, out)
        except av.error.FFmpegError as exc:
            raise MediaFileError(
                f"The audio in {p.name!r} is damaged around {start_ms // 1000} s and could not be decoded.",
                detail=str(exc),
            ) from exc
    return out.astype("<i2").tobytes()


def _place(samples: np.ndarray, position: int, first: int, out: np.ndarray) -> int:
    """Copy the part of ``samples`` (starting at ``position``) that overlaps ``out`` (starting at ``first``)."""
    a, b = max(position, first), min(position + samples.size, first + out.size)
    if b > a:
        out[a - first : b - first] = samples[a - position : b - position]
    return position + samples.size


def _wav_bytes(pcm: bytes, rate: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(SAMPLE_WIDTH)
        w.setframerate(rate)
        w.writeframes(pcm)
    return buffer.getvalue()


def encode_audio_segment(path: str | os.PathLike[str], span: SegmentSpan) -> EncodedClip:
    """The span's audio as a 16 kHz mono 16-bit WAV (32 KB/s: 60 s is 1.9 MB, 2.6 MB as Base64).

    WAV rather than a compressed format: the service decodes it without loss and at 16 kHz it is the model's own
    input rate; a segment up to 3.9 minutes fits the 10 MB Base64 limit. A longer span (only if a caller plans
    segments far over the default 60 s) goes as 64 kbit/s MP3 instead, which fits 20 minutes. Blocking: run in a
    worker thread.

    Raises:
        MediaFileError: the file cannot be decoded any more.
        ValueError: the span is empty or too long even for MP3 (a planning bug).
    """
    _check_span(span)
    pcm = decode_span(path, span.start_ms, span.end_ms, SERVICE_INPUT_RATE)
    data = _wav_bytes(pcm, SERVICE_INPUT_RATE)
    if fits_request(len(data), "audio/wav"):
        return EncodedClip(data=data, mime="audio/wav", format="wav", duration_ms=span.duration_ms)
    data = _mp3_bytes(pcm, SERVICE_INPUT_RATE)
    if not fits_request(len(data), "audio/mpeg"):
        raise ValueError(f"{span} is too long for one request ({len(data)} bytes even as MP3)")
    return EncodedClip(data=data, mime="audio/mpeg", format="mp3", duration_ms=span.duration_ms)


def _mp3_bytes(pcm: bytes, rate: int) -> bytes:
    """Mono s16 PCM as an MP3 file in memory."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp3") as out:
        stream = out.add_stream("libmp3lame", rate=rate)
        stream.layout = "mono"
        stream.bit_rate = _MP3_BITRATE
        _encode_pcm(out, stream, pcm)
    return buffer.getvalue()


def _video_codec() -> str:
    """libx264 when the PyAV wheel has it (it does on PyPI), else FFmpeg's own MPEG-4 part 2 encoder."""
    try:
        av.codec.Codec("libx264", "w")
    except (av.error.FFmpegError, ValueError):
        return "mpeg4"
    return "libx264"


def clip_frame_size(width: int, height: int, max_height: int = DEFAULT_MAX_HEIGHT) -> tuple[int, int]:
    """Picture size of a clip made from ``width`` x ``height`` video (for token estimates before encoding).

    Fits within ``max_height`` lines keeping the aspect ratio, with even sides (4:2:0 chroma needs them). A clip
    that must shrink to fit the Base64 limit is smaller still, so an estimate from this never comes out low.
    """
    if width <= 0 or height <= 0 or max_height <= 0:
        raise ValueError(f"need a positive size, got {width}x{height} (max {max_height})")
    scale = min(1.0, max_height / height)
    w = max(2, round(width * scale / 2) * 2)
    h = max(2, round(height * scale / 2) * 2)
    return w, h


def _audio_origin_s(container: av.container.InputContainer) -> float:
    """Presentation time (s) of the audio timeline's sample 0 (spans are measured on the audio timeline)."""
    if not container.streams.audio:
        return 0.0
    stream = container.streams.audio[0]
    if stream.start_time is None or stream.time_base is None:
        return 0.0
    return float(stream.start_time * stream.time_base)


def _sampled_frames(
    container: av.container.InputContainer, span: SegmentSpan, fps: float, count: int
) -> Iterator[av.VideoFrame]:
    """The frame on screen at each sample time ``start + k / fps`` (k < count), decoded forward from a key frame.

    A generator, so only the latest decoded picture is held (a 1080p frame is 3 MB; 128 of them would be 400 MB).
    The same frame object may come several times (a still picture, or the video ended before the span did).
    """
    origin = _audio_origin_s(container)
    stream = picture_streams(container)[0]
    stream.codec_context.thread_type = "NONE"
    tb = stream.time_base
    assert tb is not None
    start_s = origin + span.start_ms / 1000
    container.seek(int(max(0.0, start_s) / tb), stream=stream, backward=True, any_frame=False)
    sent = 0
    previous: av.VideoFrame | None = None
    for frame in container.decode(stream):
        t = float(frame.pts * tb) if frame.pts is not None else 0.0
        while sent < count and t > start_s + sent / fps + 1e-6:
            # This frame starts after the sample time: the one before it was on screen (or this one at the start).
            yield previous if previous is not None else frame
            sent += 1
        if sent >= count:
            return
        previous = frame
    while previous is not None and sent < count:
        yield previous  # the video ended (or the span runs past it): hold the last picture
        sent += 1


def encode_video_clip(
    path: str | os.PathLike[str],
    span: SegmentSpan,
    *,
    fps: float = VIDEO_FPS,
    max_height: int = DEFAULT_MAX_HEIGHT,
) -> EncodedClip:
    """A small MP4 of the span for a ``video_url`` data URL: ``fps`` frames per second, at most ``max_height``
    lines, H.264 (or MPEG-4 part 2 without libx264), with the span's sound as mono 16 kHz AAC.

    The service samples video at 2 fps and takes 4..128 frames, so a clip has at least 4 frames (a shorter span
    holds its last picture) and a span over 64 s is refused. If the clip would exceed the 10 MB Base64 limit it is
    encoded again smaller (lower resolution, lower quality) until it fits. Pictures are encoded as they are
    decoded (memory holds one source frame, not the clip). Blocking: run in a worker thread.

    Raises:
        MediaFileError: the file has no picture, cannot be decoded, or no clip small enough could be made.
        ValueError: the span is empty or longer than the service's frame limit allows (a planning bug).
    """
    _check_span(span)
    if fps <= 0:
        raise ValueError(f"fps must be positive, got {fps}")
    count = max(MIN_VIDEO_FRAMES, math.ceil(span.duration_ms / 1000 * fps))
    if count > MAX_VIDEO_FRAMES:
        raise ValueError(f"{span} needs {count} frames at {fps} fps; the service takes at most {MAX_VIDEO_FRAMES}")
    p = Path(path)
    with _open_input(p) as container:
        pictures = picture_streams(container)
        if not pictures:
            raise MediaFileError(f"The file {p.name!r} has no picture to send as video.", detail=str(p))
        source_size = pictures[0].codec_context.width, pictures[0].codec_context.height
    pcm = decode_span(p, span.start_ms, span.end_ms, _CLIP_AUDIO_RATE)
    codec = _video_codec()
    for attempt, height_cap in enumerate(h for h in _FALLBACK_HEIGHTS if h <= max_height):
        width, height = clip_frame_size(*source_size, height_cap)
        with _open_input(p) as container:
            try:
                data, frames = _mux_clip(
                    _sampled_frames(container, span, fps, count), pcm, fps, (width, height), codec, attempt
                )
            except av.error.FFmpegError as exc:
                raise MediaFileError(
                    f"The video in {p.name!r} is damaged around {span.start_ms // 1000} s and could not be decoded.",
                    detail=str(exc),
                ) from exc
        if frames == 0:
            raise MediaFileError(f"The video {p.name!r} has no picture at {span.start_ms // 1000} s.", detail=str(p))
        if fits_request(len(data), "video/mp4"):
            return EncodedClip(
                data=data,
                mime="video/mp4",
                format="mp4",
                duration_ms=span.duration_ms,
                frames=frames,
                width=width,
                height=height,
            )
    raise MediaFileError(
        f"A part of {p.name!r} could not be made small enough to send; translate it as audio only.",
        detail=f"{span}",
    )


def _mux_clip(
    pictures: Iterator[av.VideoFrame],
    pcm: bytes,
    fps: float,
    size: tuple[int, int],
    codec: str,
    attempt: int,
) -> tuple[bytes, int]:
    """Encode the sampled pictures (scaled to ``size``) and the PCM into MP4 bytes; also the picture count."""
    width, height = size
    buffer = io.BytesIO()
    rate = Fraction(fps).limit_denominator(1000)
    count = 0
    with av.open(buffer, mode="w", format="mp4") as out:
        video = out.add_stream(codec, rate=rate)
        assert isinstance(video, av.video.stream.VideoStream)  # codec names a video encoder
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        video.codec_context.thread_count = 1  # one thread: several clips encode in parallel worker threads
        if codec == "libx264":
            crf = _X264_CRF[min(attempt, len(_X264_CRF) - 1)]
            video.options = {"crf": str(crf), "preset": "veryfast"}
        else:
            video.bit_rate = int(_MPEG4_BITS_PER_PIXEL * width * height * fps / (2**attempt))
        audio = out.add_stream("aac", rate=_CLIP_AUDIO_RATE)
        audio.layout = "mono"
        audio.bit_rate = _CLIP_AUDIO_BITRATE
        for frame in pictures:
            picture = frame.reformat(width=width, height=height, format="yuv420p")
            picture.pts = count
            picture.time_base = Fraction(1) / rate
            count += 1
            for packet in video.encode(picture):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
        _encode_pcm(out, audio, pcm)
    return buffer.getvalue(), count


def _encode_pcm(out: av.container.OutputContainer, stream: av.audio.stream.AudioStream, pcm: bytes) -> None:
    """Encode mono s16 PCM at the stream's rate into ``stream`` (the resampler converts to the encoder's sample
    format; the encoder re-blocks into its own frame size)."""
    samples = np.frombuffer(pcm, dtype="<i2")
    resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=stream.rate)
    for start in range(0, samples.size, _AAC_FRAME):
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples[start : start + _AAC_FRAME]).reshape(1, -1), format="s16", layout="mono"
        )
        frame.sample_rate = stream.rate
        frame.pts = start
        for converted in resampler.resample(frame):
            for packet in stream.encode(converted):
                out.mux(packet)
    for converted in resampler.resample(None):
        for packet in stream.encode(converted):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)
