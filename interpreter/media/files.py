"""Media files: probe a file and decode its audio track to 16 kHz mono s16le with PyAV.

PyAV bundles FFmpeg, so every common container and codec (WAV, MP3, M4A/AAC, FLAC, OGG/Opus, MP4/MOV/MKV/WebM
audio tracks) decodes without an ffmpeg binary. Resampling and down-mixing go through libswresample
(``av.AudioResampler``), a band-limited resampler: never a naive interpolation, which would alias.

Nothing here starts a thread; decoding happens lazily in the caller's thread as the iterator is consumed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import av.error

from interpreter.core.pcm import INPUT_RATE
from interpreter.errors import MediaFileError

#: The rate the file-translation requests carry (the files branch's name for core.pcm.INPUT_RATE; merge resolution).
SERVICE_INPUT_RATE = INPUT_RATE

@dataclass(frozen=True)
class MediaInfo:
    """What a media file contains, as far as the container tells without decoding it all.

    Attributes:
        path: the probed file.
        container: FFmpeg's short name of the container format (``"wav"``, ``"mov,mp4,m4a,3gp,3g2,mj2"``...).
        duration_s: duration in seconds, or None when the container does not say (some raw streams).
        has_audio: at least one audio stream.
        has_video: at least one video stream that is not just embedded cover art.
        audio_codec: codec of the first audio stream, or None.
        audio_rate: sample rate of the first audio stream, or None.
        audio_channels: channel count of the first audio stream, or None.
        video_codec: codec of the first video stream, or None.
        width: frame width of the first video stream, or None.
        height: frame height of the first video stream, or None.
        fps: average frame rate of the first video stream, or None when unknown.
        size_bytes: file size (0 when not measured).
        truncated: the file ends before its header says it should (what is there still decodes).
        warning: one sentence for the user about something odd that does not stop translation, or None.
    """

    path: Path
    container: str
    duration_s: float | None
    has_audio: bool
    has_video: bool
    audio_codec: str | None = None
    audio_rate: int | None = None
    audio_channels: int | None = None
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    size_bytes: int = 0
    truncated: bool = False
    warning: str | None = None


def _open(path: str | os.PathLike[str]) -> av.container.InputContainer:
    """Open ``path`` for reading, turning every FFmpeg/OS failure into :class:`MediaFileError`."""
    p = Path(path)
    if not p.is_file():
        raise MediaFileError(f"The file {p.name!r} does not exist or is not a file.", detail=str(p))
    try:
        return av.open(str(p), mode="r")
    except (av.error.FFmpegError, OSError, UnicodeDecodeError) as exc:
        raise MediaFileError(
            f"The file {p.name!r} is not an audio or video file this app can read.", detail=f"{p}: {exc}"
        ) from exc


def picture_streams(container: av.container.InputContainer) -> list[av.video.stream.VideoStream]:
    """Video streams except attached pictures (an MP3 or M4A with cover art is still audio-only)."""
    streams = []
    for stream in container.streams.video:
        if stream.disposition & av.stream.Disposition.attached_pic:
            continue
        streams.append(stream)
    return streams


def probe(path: str | os.PathLike[str]) -> MediaInfo:
    """Describe a media file without decoding it.

    Args:
        path: a local file.

    Returns:
        A :class:`MediaInfo`.

    Raises:
        MediaFileError: the file is missing or not a media file FFmpeg can open.
    """
    p = Path(path)
    with _open(p) as container:
        return describe(container, p)


def describe(container: av.container.InputContainer, path: Path) -> MediaInfo:
    """The :class:`MediaInfo` of an open container (header data only; nothing is decoded)."""
    audio = container.streams.audio[0] if container.streams.audio else None
    videos = picture_streams(container)
    video = videos[0] if videos else None
    duration_s: float | None = None
    if container.duration is not None:
        duration_s = container.duration / av.time_base
    elif audio is not None and audio.duration is not None and audio.time_base is not None:
        duration_s = float(audio.duration * audio.time_base)
    fps: float | None = None
    if video is not None and video.average_rate:
        fps = float(video.average_rate)
    return MediaInfo(
        path=path,
        container=container.format.name,
        duration_s=duration_s,
        has_audio=audio is not None,
        has_video=video is not None,
        audio_codec=audio.codec_context.name if audio is not None else None,
        audio_rate=audio.codec_context.sample_rate if audio is not None else None,
        audio_channels=audio.codec_context.channels if audio is not None else None,
        video_codec=video.codec_context.name if video is not None else None,
        width=video.codec_context.width if video is not None else None,
        height=video.codec_context.height if video is not None else None,
        fps=fps,
    )


def decode_audio(path: str | os.PathLike[str], rate: int = INPUT_RATE) -> Iterator[bytes]:
    """Decode the first audio track of ``path`` to mono signed 16-bit little-endian PCM at ``rate``.

    The file is opened eagerly (so a bad path fails at the call, not at the first ``next()``) and decoded lazily,
    one codec frame at a time; chunk sizes follow the codec's frames (typically 10–100 ms) and are always a
    whole number of samples. Chunks are never empty. Multi-channel audio is down-mixed by libswresample.

    Args:
        path: a local audio or video file.
        rate: output sample rate in Hz (default: the service's 16 kHz).

    Returns:
        An iterator of PCM chunks. Closing it (or exhausting it) closes the file.

    Raises:
        MediaFileError: at the call if the file is missing, unreadable or has no audio track; during iteration
            if the data turns out to be corrupt beyond what the decoder can skip.
    """
    if rate <= 0:
        raise ValueError(f"rate must be positive, got {rate}")
    p = Path(path)
    container = _open(p)
    if not container.streams.audio:
        container.close()
        raise MediaFileError(f"The file {p.name!r} has no audio track to translate.", detail=str(p))
    return _decode_frames(container, p, rate)


def _decode_frames(container: av.container.InputContainer, p: Path, rate: int) -> Iterator[bytes]:
    stream = container.streams.audio[0]
    # Threaded decoding inside FFmpeg would start threads we do not own; audio codecs gain nothing from it.
    stream.codec_context.thread_type = "NONE"
    resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
    try:
        for frame in container.decode(stream):
            # A new stream can change parameters mid-file (chained Ogg); the resampler adapts per frame.
            for out in resampler.resample(frame):
                data = out.to_ndarray().tobytes()
                if data:
                    yield data
        # Flush the resampler's delay line so the last few milliseconds are not lost.
        for out in resampler.resample(None):
            data = out.to_ndarray().tobytes()
            if data:
                yield data
    except av.error.FFmpegError as exc:
        raise MediaFileError(
            f"The audio in {p.name!r} is damaged and could not be decoded to the end.", detail=f"{p}: {exc}"
        ) from exc
    finally:
        container.close()
