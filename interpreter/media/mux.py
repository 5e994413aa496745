"""The dubbed video: the original picture copied bit for bit (re-encoded to H.264 only if MP4 cannot carry it),
the translated speech as the default sound track, the original sound kept as a second track; written atomically.

One pass over the source (packets are remuxed, never decoded, except an original sound track MP4 cannot carry,
which is re-encoded to AAC), the dubbed WAV encoded to AAC alongside in time order: memory stays flat for any
length. Blocking (disk I/O, AAC encoding): callers on the event loop run it in a worker thread.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import wave
from collections.abc import Iterator
from pathlib import Path

import av
import av.error
import numpy as np

from interpreter.core.language_tags import iso639_2
from interpreter.errors import MediaFileError
from interpreter.media.files import picture_streams

__all__ = ["mux_dubbed_video"]

#: Bit rate of the translated speech track: 64 kbit/s AAC is transparent for mono 24 kHz speech.
_DUB_BITRATE = 64_000
#: Bit rate for an original track that must be re-encoded (it may be music and stereo): 128 kbit/s AAC.
_REENCODE_BITRATE = 128_000
#: Audio codecs an MP4 file carries as they are (copied without re-encoding).
_MP4_AUDIO_CODECS = frozenset({"aac", "mp3", "ac3", "eac3", "alac"})
#: x264 quality when the picture must be re-encoded: 20 is close to visually lossless.
_TRANSCODE_CRF = 20
#: mpeg4 bit rate for that case without libx264: 4 Mbit/s suits up to 1080p talking-head video.
_MPEG4_TRANSCODE_BITRATE = 4_000_000
#: Samples per AAC frame.
_AAC_FRAME = 1024


def _temp_beside(final: Path) -> Path:
    """A fresh hidden name in the final file's folder (so the last rename is atomic on the same file system)."""
    return final.with_name(f".{final.name}.{secrets.token_hex(8)}.part")


def _fsync_path(path: Path, *, directory: bool = False) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # directories cannot be opened on Windows; NTFS journals the rename itself
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)


def _dub_frames(dubbed_wav: Path, stream: av.audio.stream.AudioStream) -> Iterator[av.AudioFrame]:
    """The dubbed WAV as frames in the AAC encoder's format, read one AAC frame at a time."""
    with wave.open(str(dubbed_wav), "rb") as w:
        if w.getsampwidth() != 2:
            raise MediaFileError(f"The soundtrack {dubbed_wav.name!r} is not 16-bit PCM.", detail=str(dubbed_wav))
        layout = "mono" if w.getnchannels() == 1 else "stereo"
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=stream.rate)
        position = 0
        while True:
            raw = w.readframes(_AAC_FRAME)
            if not raw:
                break
            block = np.frombuffer(raw, dtype="<i2").reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(block, format="s16", layout=layout)
            frame.sample_rate = w.getframerate()
            frame.pts = position
            position += block.size // w.getnchannels()
            yield from resampler.resample(frame)
        yield from resampler.resample(None)


def _wav_rate(path: Path) -> int:
    try:
        with wave.open(str(path), "rb") as w:
            return w.getframerate()
    except (OSError, wave.Error, EOFError) as exc:
        raise MediaFileError(
            f"The translated soundtrack {path.name!r} cannot be read; translate the file again.", detail=str(exc)
        ) from exc


def mux_dubbed_video(
    video_path: str | os.PathLike[str],
    dubbed_wav: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    target_lang: str,
    source_lang: str | None,
) -> Path:
    """Write ``out_path`` (MP4): the video stream of ``video_path`` copied, ``dubbed_wav`` as AAC on the first,
    default audio track tagged ``target_lang``, and the original audio as a second track tagged ``source_lang``
    ("und" when None or automatic), copied when MP4 can carry its codec, else re-encoded to AAC.

    Nothing appears under ``out_path`` unless the whole file was written: it is built under a hidden temporary
    name in the same folder, synced, then renamed; on any error or interruption the temporary file is removed.

    Args:
        video_path: the source video.
        dubbed_wav: the translated soundtrack (16-bit PCM WAV, as :func:`media.timeline.place_on_timeline` writes).
        out_path: the final MP4 path.
        target_lang: our code of the translation's language (``"zh"``...).
        source_lang: our code of the original's language, or None when detected automatically.

    Returns:
        ``out_path``.

    Raises:
        MediaFileError: a source cannot be read, the folder is not writable, or the disk is full.
    """
    src, dub, final = Path(video_path), Path(dubbed_wav), Path(out_path)
    dub_rate = _wav_rate(dub)
    try:
        source = av.open(str(src), mode="r")
    except (av.error.FFmpegError, OSError) as exc:
        raise MediaFileError(
            f"The video {src.name!r} can no longer be read; check it is still there.", detail=str(exc)
        ) from exc
    temp = _temp_beside(final)
    try:
        with source:
            videos = picture_streams(source)
            if not videos:
                raise MediaFileError(f"The file {src.name!r} has no picture to dub.", detail=str(src))
            try:
                final.parent.mkdir(parents=True, exist_ok=True)
                output = av.open(str(temp), mode="w", format="mp4")
            except (av.error.FFmpegError, OSError) as exc:
                raise MediaFileError(
                    f"Cannot create {final.name!r}: check the output folder exists and is writable.",
                    detail=f"{final}: {exc}",
                ) from exc
            with output:
                _remux(source, videos[0], dub, dub_rate, output, target_lang, source_lang)
        _fsync_path(temp)
        os.replace(temp, final)
        _fsync_path(final.parent, directory=True)
    except BaseException as exc:
        with contextlib.suppress(OSError):  # absent, or its folder never existed
            temp.unlink()
        if isinstance(exc, (av.error.FFmpegError, OSError)):
            raise MediaFileError(
                f"Writing {final.name!r} failed: the disk may be full or the folder not writable.",
                detail=f"{final}: {exc}",
            ) from exc
        raise
    return final


def _remux(
    source: av.container.InputContainer,
    video_in: av.video.stream.VideoStream,
    dub: Path,
    dub_rate: int,
    output: av.container.OutputContainer,
    target_lang: str,
    source_lang: str | None,
) -> None:
    """Lay out the streams and write packets in time order."""
    video_out: av.video.stream.VideoStream
    try:
        video_out = output.add_stream_from_template(video_in)
        transcode_video = False
    except ValueError:
        # MP4 cannot carry this picture codec (VP8, Theora...): the one case the picture is re-encoded (H.264).
        video_out = _h264_like(output, video_in)
        transcode_video = True
    dub_out = output.add_stream("aac", rate=dub_rate)
    dub_out.layout = "mono"
    dub_out.bit_rate = _DUB_BITRATE
    dub_out.metadata["language"] = iso639_2(target_lang)
    dub_out.metadata["title"] = "Translation"
    audio_in = source.streams.audio[0] if source.streams.audio else None
    orig_out: av.audio.stream.AudioStream | None = None
    copy_original = False
    resampler: av.AudioResampler | None = None
    if audio_in is not None:
        copy_original = audio_in.codec_context.name in _MP4_AUDIO_CODECS
        if copy_original:
            orig_out = output.add_stream_from_template(audio_in)
        else:
            orig_out = output.add_stream("aac", rate=audio_in.codec_context.sample_rate or 48_000)
            orig_out.layout = "stereo" if (audio_in.codec_context.channels or 1) > 1 else "mono"
            orig_out.bit_rate = _REENCODE_BITRATE
            resampler = av.AudioResampler(format=orig_out.format.name, layout=orig_out.layout, rate=orig_out.rate)
        orig_out.metadata["language"] = iso639_2(source_lang)
        orig_out.metadata["title"] = "Original"
    # Default flags: the translation plays first; the original is one menu click away.
    dub_out.disposition = av.stream.Disposition.default
    if orig_out is not None:
        orig_out.disposition = av.stream.Disposition(0)
    video_out.disposition = av.stream.Disposition.default

    dub_frames = _dub_frames(dub, dub_out)
    dub_time = 0.0  # seconds of dubbed audio encoded so far

    def dub_until(t: float | None) -> None:
        """Encode and mux the dubbed track up to ``t`` seconds (to the end when None)."""
        nonlocal dub_time
        while dub_time != float("inf") and (t is None or dub_time <= t):
            frame = next(dub_frames, None)
            if frame is None:
                for packet in dub_out.encode(None):
                    output.mux(packet)
                dub_time = float("inf")
                return
            dub_time += frame.samples / dub_rate
            for packet in dub_out.encode(frame):
                output.mux(packet)

    streams = [video_in] if audio_in is None else [video_in, audio_in]
    for packet in source.demux(streams):
        if packet.dts is None:
            continue  # the demuxer's end-of-stream marker: nothing to write
        if packet.time_base is not None:
            dub_until(float(packet.dts * packet.time_base))
        if packet.stream is video_in:
            if transcode_video:
                for picture in packet.decode():
                    assert isinstance(picture, av.VideoFrame)
                    for out_packet in video_out.encode(picture.reformat(format="yuv420p")):
                        output.mux(out_packet)
            else:
                packet.stream = video_out
                output.mux(packet)
        elif copy_original:
            assert orig_out is not None
            packet.stream = orig_out
            output.mux(packet)
        else:
            assert orig_out is not None and resampler is not None
            for frame in packet.decode():
                assert isinstance(frame, av.AudioFrame)
                frame.pts = None  # let the encoder count samples: source timestamps may jump
                for converted in resampler.resample(frame):
                    for out_packet in orig_out.encode(converted):
                        output.mux(out_packet)
    if not copy_original and orig_out is not None and resampler is not None:
        for converted in resampler.resample(None):
            for out_packet in orig_out.encode(converted):
                output.mux(out_packet)
        for out_packet in orig_out.encode(None):
            output.mux(out_packet)
    if transcode_video:
        for out_packet in video_out.encode(None):
            output.mux(out_packet)
    dub_until(None)


def _h264_like(
    output: av.container.OutputContainer, video_in: av.video.stream.VideoStream
) -> av.video.stream.VideoStream:
    """An H.264 stream (MPEG-4 part 2 without libx264) with the source's size and frame rate."""
    try:
        av.codec.Codec("libx264", "w")
        codec = "libx264"
    except (av.error.FFmpegError, ValueError):
        codec = "mpeg4"
    stream = output.add_stream(codec, rate=video_in.average_rate or 25)
    assert isinstance(stream, av.video.stream.VideoStream)
    stream.width = video_in.codec_context.width
    stream.height = video_in.codec_context.height
    stream.pix_fmt = "yuv420p"
    stream.time_base = video_in.time_base
    if codec == "libx264":
        # Visually transparent for most sources at a sensible size; "veryfast" keeps an hour of video to minutes.
        stream.options = {"crf": str(_TRANSCODE_CRF), "preset": "veryfast"}
    else:
        stream.bit_rate = _MPEG4_TRANSCODE_BITRATE
    return stream
