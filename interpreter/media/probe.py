"""Check a file before it is translated: is it media, does it have sound, is it whole? One sentence if not.

:func:`probe_media` reads headers and, to catch a file cut short (an interrupted download or copy), the last few
seconds of packets; it never decodes the whole file, so a 4-hour recording is probed in milliseconds. Blocking
(file I/O): callers on the event loop run it in a worker thread.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import av
import av.error

from interpreter.errors import MediaFileError
from interpreter.media.files import MediaInfo, describe

__all__ = ["MediaInfo", "probe_media"]

#: How far before the declared end the tail check starts reading packets: a few seconds covers the seek
#: granularity of every container we meet (MP3 Xing TOC has 1 % steps; MP4/MKV seek to key frames).
_TAIL_CHECK_S = 5.0
#: A file is truncated when its readable end falls short of the declared duration by more than this share
#: (or by more than 1 s for short files): container durations are estimates accurate to a frame or two.
_TRUNCATION_TOLERANCE = 0.02
_TRUNCATION_TOLERANCE_MIN_S = 1.0
#: A truncated file is still translated when at least this share of it can be read (a download that stopped near
#: the end is worth translating); less than that is more likely a broken copy the user wants to fetch again.
_ACCEPT_TRUNCATED_SHARE = 0.5


def _clock(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss`` for messages."""
    total = int(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _check_file(p: Path) -> int:
    """Raise the right one-sentence error for a path that is missing, a folder, empty or unreadable; else size."""
    try:
        stat = p.stat()
    except FileNotFoundError as exc:
        raise MediaFileError(f"The file {p.name!r} does not exist; check the path.", detail=str(p)) from exc
    except OSError as exc:
        raise MediaFileError(
            f"The file {p.name!r} cannot be reached; check the path and its permissions.", detail=f"{p}: {exc}"
        ) from exc
    if p.is_dir():
        raise MediaFileError(f"{p.name!r} is a folder, not a file; choose the files inside it.", detail=str(p))
    try:
        with open(p, "rb") as f:
            f.read(1)
    except PermissionError as exc:
        raise MediaFileError(
            f"The file {p.name!r} cannot be read (permission denied); change its permissions or copy it somewhere "
            "you can read.",
            detail=str(p),
        ) from exc
    except OSError as exc:
        raise MediaFileError(
            f"The file {p.name!r} cannot be read; check the disk or copy it again.", detail=f"{p}: {exc}"
        ) from exc
    if stat.st_size == 0:
        raise MediaFileError(f"The file {p.name!r} is empty (0 bytes); copy or download it again.", detail=str(p))
    return stat.st_size


def _readable_end_s(
    container: av.container.InputContainer, stream: av.audio.stream.AudioStream, near_s: float
) -> float:
    """End time (s) of the last audio packet, reading from about ``near_s``; 0.0 when nothing is found there."""
    assert stream.time_base is not None
    try:
        container.seek(int(max(0.0, near_s) / stream.time_base), stream=stream, backward=True)
    except (av.error.FFmpegError, OSError):
        # Not seekable (raw streams): read from where we are, which is the start.
        pass
    end = 0.0
    try:
        for packet in container.demux(stream):
            if packet.pts is not None:
                end = max(end, float((packet.pts + (packet.duration or 0)) * stream.time_base))
    except (av.error.FFmpegError, OSError):
        pass  # damage at the very end: what we read until then counts
    return end


def _readable_audio_end_s(path: Path, declared_s: float) -> float:
    """How far the audio of ``path`` can really be read: the tail first, the whole packet index if that fails."""
    with av.open(str(path), mode="r") as container:
        stream = container.streams.audio[0]
        end = _readable_end_s(container, stream, declared_s - _TAIL_CHECK_S)
    if end >= declared_s - _TAIL_CHECK_S:
        return end
    # Seeking landed past the data (a truncated file): walk every packet from the start (demuxing only, no decoding).
    with av.open(str(path), mode="r") as container:
        return _readable_end_s(container, container.streams.audio[0], 0.0)


def probe_media(path: str | os.PathLike[str]) -> MediaInfo:
    """Describe a media file to translate, or say in one sentence why it cannot be.

    Blocking (reads headers and the last seconds of the file): run it in a worker thread.

    Args:
        path: a local audio or video file.

    Returns:
        A :class:`MediaInfo` with ``size_bytes`` set. A file that ends early but still holds at least half of
        its declared length is accepted with ``truncated=True``, ``duration_s`` the readable length and a
        ``warning`` sentence.

    Raises:
        MediaFileError: missing, a folder, empty, unreadable, not media, a video without sound, audio without
            data, or cut short to less than half. ``user_message`` names the file and what to do.
    """
    p = Path(path)
    size = _check_file(p)
    try:
        container = av.open(str(p), mode="r")
    except (av.error.FFmpegError, OSError, UnicodeDecodeError) as exc:
        raise MediaFileError(
            f"The file {p.name!r} is not an audio or video file this app can read, or it is damaged; check that it "
            "is the file you meant.",
            detail=f"{p}: {exc}",
        ) from exc
    with container:
        info = dataclasses.replace(describe(container, p), size_bytes=size)
    if not info.has_audio:
        if info.has_video:
            raise MediaFileError(
                f"The video {p.name!r} has no sound to translate; choose a file with an audio track.", detail=str(p)
            )
        raise MediaFileError(
            f"The file {p.name!r} holds no audio or video this app can read; check that it is the file you meant.",
            detail=str(p),
        )
    declared = info.duration_s
    try:
        readable = _readable_audio_end_s(p, declared if declared is not None else 0.0)
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaFileError(
            f"The file {p.name!r} is damaged and cannot be read; copy or download it again.", detail=f"{p}: {exc}"
        ) from exc
    if readable <= 0.0:
        raise MediaFileError(
            f"The file {p.name!r} contains no audio data; copy or download it again.", detail=f"{p}: no packets"
        )
    if declared is None or declared <= 0:
        return dataclasses.replace(info, duration_s=readable)
    tolerance = max(_TRUNCATION_TOLERANCE_MIN_S, _TRUNCATION_TOLERANCE * declared)
    if readable > declared:
        # Raw streams (ADTS AAC, some MP3s) estimate their duration from the bit rate: the packets know better.
        return dataclasses.replace(info, duration_s=readable)
    if readable >= declared - tolerance:
        return info
    if readable < _ACCEPT_TRUNCATED_SHARE * declared:
        raise MediaFileError(
            f"The file {p.name!r} is incomplete: only {_clock(readable)} of its {_clock(declared)} can be read; "
            "copy or download it again.",
            detail=f"{p}: readable {readable:.3f} s of {declared:.3f} s",
        )
    warning = (
        f"The file {p.name!r} is cut short: only the first {_clock(readable)} of {_clock(declared)} can be read, "
        "and that part will be translated."
    )
    return dataclasses.replace(info, duration_s=readable, truncated=True, warning=warning)
