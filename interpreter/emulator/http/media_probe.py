"""How long a client's input media lasts (and, for video, its picture size), without a media library.

The emulator is an independent implementation and may not use PyAV (house rule: PyAV only in
``interpreter.media``), and it does not need to decode anything: the service's answer and bill depend only on the
duration (audio tokens, demo text) and, for video, on the frame size. So each container gets the cheapest reading
that gives those:

- WAV: the stdlib ``wave`` module; a WAV it refuses (e.g. WAVE_FORMAT_EXTENSIBLE before Python 3.12, float PCM) is
  read as RIFF chunks: ``data`` size / the ``fmt`` byte rate.
- MP4 / M4A / MOV (ISO BMFF): the ``mvhd`` box (duration / timescale); for video the ``tkhd`` of the track whose
  ``hdlr`` is ``vide`` (width and height, 16.16 fixed point), and whether a ``soun`` track exists.
- FLAC: the STREAMINFO block (total samples / sample rate).
- Ogg (Opus, Vorbis): the granule position of the last page / 48 kHz (Opus) or the Vorbis header's rate.
- MP3: a Xing/Info frame count if the first frame has one, else the first frame's bitrate over the file (CBR).
- AAC in ADTS frames: 1024 samples per frame, frames counted by walking their headers.
- AMR: 20 ms per frame, frames walked by their size table.
- Anything else (WMA, broken files): the size at an assumed 128 kbit/s — a typical compressed audio bitrate.

Every reader returns None when its format does not match or is cut short, and the next one is tried.
"""

from __future__ import annotations

import io
import struct
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Size-based fallback: 128 kbit/s is the most common bitrate of compressed speech/music files.
FALLBACK_BITS_PER_SECOND = 128_000
# ISO BMFF boxes that contain other boxes, on the way to mvhd / tkhd / hdlr.
_CONTAINER_BOXES = {b"moov", b"trak", b"mdia"}
# MPEG-1 Layer III bitrates (kbit/s) by header index, and sample rates by version.
_MP3_BITRATES = {
    3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2
    0: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2.5
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_ADTS_RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350)
# AMR-NB frame sizes in bytes (header byte included) by frame type; 20 ms each.
_AMR_NB_FRAME_BYTES = (13, 14, 16, 18, 20, 21, 27, 32, 6, 1, 1, 1, 1, 1, 1, 1)
_AMR_FRAME_S = 0.020


@dataclass(frozen=True)
class MediaInfo:
    """What the emulator needs to know about an input.

    Attributes:
        duration_s: length in seconds (an estimate when ``method`` is ``size``).
        method: which reading gave it (``wav``, ``mp4``, ``flac``, ``ogg``, ``mp3``, ``adts``, ``amr``, ``size``).
        width, height: picture size of a video track (0 when there is none or it is unknown).
        has_audio: False only when an MP4 is known to have no sound track.
    """

    duration_s: float
    method: str
    width: int = 0
    height: int = 0
    has_audio: bool = True


def probe(data: bytes) -> MediaInfo:
    """The duration (and picture size) of ``data``, by the first reader that recognises it (module docstring)."""
    readers: tuple[Callable[[bytes], MediaInfo | None], ...] = (
        _wav,
        _mp4,
        _flac,
        _ogg,
        _amr,
        _adts,
        _mp3,
    )
    for reader in readers:
        try:
            info = reader(data)
        except (struct.error, ValueError, EOFError, wave.Error):
            info = None
        if info is not None:
            return info
    return MediaInfo(duration_s=len(data) * 8 / FALLBACK_BITS_PER_SECOND, method="size")


# ----------------------------------------------------------------------------------------------------------- WAV


def _wav(data: bytes) -> MediaInfo | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return None
    try:
        with wave.open(io.BytesIO(data)) as reader:
            rate = reader.getframerate()
            if rate > 0:
                return MediaInfo(duration_s=reader.getnframes() / rate, method="wav")
    except (wave.Error, EOFError):
        pass
    byte_rate = 0
    for chunk_id, start, size in _riff_chunks(data):
        if chunk_id == b"fmt ":
            byte_rate = struct.unpack_from("<I", data, start + 8)[0]
        elif chunk_id == b"data" and byte_rate:
            return MediaInfo(duration_s=min(size, len(data) - start) / byte_rate, method="wav")
    return None


def _riff_chunks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    offset = 12
    while offset + 8 <= len(data):
        chunk_id, size = data[offset : offset + 4], struct.unpack_from("<I", data, offset + 4)[0]
        yield chunk_id, offset + 8, size
        offset += 8 + size + (size & 1)  # chunks are padded to an even size


# ----------------------------------------------------------------------------------------------------------- MP4


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each box in ``data[start:end]``."""
    offset = start
    while offset + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:  # 64-bit size follows
            size = struct.unpack_from(">Q", data, offset + 8)[0]
            header = 16
        elif size == 0:  # box extends to the end of the file
            size = end - offset
        if size < header:
            return
        yield kind, offset + header, min(offset + size, end)
        offset += size


def _mp4(data: bytes) -> MediaInfo | None:
    if data[4:8] not in (b"ftyp", b"moov", b"mdat", b"free", b"wide"):
        return None
    duration: float | None = None
    width = height = 0
    has_audio = False
    for kind, start, end in _boxes(data, 0, len(data)):
        if kind != b"moov":
            continue
        for child, c_start, c_end in _boxes(data, start, end):
            if child == b"mvhd":
                duration = _mvhd_duration(data, c_start)
            elif child == b"trak":
                handler, size = _track(data, c_start, c_end)
                if handler == b"vide" and size is not None and not width:
                    width, height = size
                elif handler == b"soun":
                    has_audio = True
    if duration is None:
        return None
    return MediaInfo(duration_s=duration, method="mp4", width=width, height=height, has_audio=has_audio)


def _mvhd_duration(data: bytes, start: int) -> float | None:
    version = data[start]
    if version == 1:
        timescale, duration = struct.unpack_from(">IQ", data, start + 4 + 16)
    else:
        timescale, duration = struct.unpack_from(">II", data, start + 4 + 8)
    return duration / timescale if timescale else None


def _track(data: bytes, start: int, end: int) -> tuple[bytes | None, tuple[int, int] | None]:
    """(handler type, (width, height) from tkhd) of one ``trak``."""
    handler: bytes | None = None
    size: tuple[int, int] | None = None
    for kind, b_start, b_end in _boxes(data, start, end):
        if kind == b"tkhd" and b_end - b_start >= 8:
            # The last 8 bytes of tkhd are width and height, 16.16 fixed point.
            w, h = struct.unpack_from(">II", data, b_end - 8)
            size = (w >> 16, h >> 16)
        elif kind == b"mdia":
            for child, h_start, _ in _boxes(data, b_start, b_end):
                if child == b"hdlr":
                    handler = data[h_start + 8 : h_start + 12]  # version/flags, pre_defined, then handler_type
    return handler, size


# ---------------------------------------------------------------------------------------------- FLAC, Ogg, AMR


def _flac(data: bytes) -> MediaInfo | None:
    if data[:4] != b"fLaC" or data[4] & 0x7F != 0:  # the first metadata block must be STREAMINFO
        return None
    info = data[8 + 10 : 8 + 18]  # after min/max block size (4) and min/max frame size (6)
    packed = int.from_bytes(info, "big")
    rate = packed >> 44
    total_samples = packed & ((1 << 36) - 1)
    return MediaInfo(duration_s=total_samples / rate, method="flac") if rate else None


def _ogg(data: bytes) -> MediaInfo | None:
    if data[:4] != b"OggS":
        return None
    last = data.rfind(b"OggS")
    granule = struct.unpack_from("<q", data, last + 6)[0]
    first_packet = data[28:40]  # the first page's header is 27 bytes + 1 segment-table byte for the ID header
    if first_packet.startswith(b"OpusHead"):
        rate = 48000  # Opus granules always count 48 kHz samples
    elif first_packet[1:7] == b"vorbis":
        rate = struct.unpack_from("<I", data, 28 + 12)[0]
    else:
        return None
    return MediaInfo(duration_s=max(0, granule) / rate, method="ogg") if rate else None


def _amr(data: bytes) -> MediaInfo | None:
    magic = b"#!AMR\n"
    if not data.startswith(magic):
        return None
    offset, frames = len(magic), 0
    while offset < len(data):
        offset += _AMR_NB_FRAME_BYTES[(data[offset] >> 3) & 0x0F]
        frames += 1
    return MediaInfo(duration_s=frames * _AMR_FRAME_S, method="amr")


# ------------------------------------------------------------------------------------------------- AAC, MP3


def _adts(data: bytes) -> MediaInfo | None:
    if len(data) < 7 or data[0] != 0xFF or data[1] & 0xF6 != 0xF0:
        return None
    rate = _ADTS_RATES[(data[2] >> 2) & 0x0F] if (data[2] >> 2) & 0x0F < len(_ADTS_RATES) else 0
    offset, frames = 0, 0
    while offset + 7 <= len(data) and data[offset] == 0xFF and data[offset + 1] & 0xF6 == 0xF0:
        length = ((data[offset + 3] & 0x03) << 11) | (data[offset + 4] << 3) | (data[offset + 5] >> 5)
        if length < 7:
            break
        offset += length
        frames += 1
    samples_per_frame = 1024
    return MediaInfo(duration_s=frames * samples_per_frame / rate, method="adts") if rate and frames else None


def _mp3(data: bytes) -> MediaInfo | None:
    offset = 0
    if data[:3] == b"ID3":  # skip an ID3v2 tag: 10-byte header, size as four 7-bit bytes
        size = data[6] << 21 | data[7] << 14 | data[8] << 7 | data[9]
        offset = 10 + size
    # Find the first frame sync within a few KB (some files carry junk before it).
    limit = min(len(data) - 4, offset + 8192)
    while offset < limit and not (data[offset] == 0xFF and data[offset + 1] & 0xE0 == 0xE0):
        offset += 1
    if offset >= limit:
        return None
    header = struct.unpack_from(">I", data, offset)[0]
    version = (header >> 19) & 0x03
    layer = (header >> 17) & 0x03
    bitrate_index = (header >> 12) & 0x0F
    rate_index = (header >> 10) & 0x03
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None  # reserved version, not Layer III, free/bad bitrate, reserved rate
    rate = _MP3_RATES[version][rate_index]
    samples_per_frame = 1152 if version == 3 else 576
    mono = (header >> 6) & 0x03 == 3
    side_info = (17 if mono else 32) if version == 3 else (9 if mono else 17)
    xing_at = offset + 4 + side_info
    if data[xing_at : xing_at + 4] in (b"Xing", b"Info"):
        flags = struct.unpack_from(">I", data, xing_at + 4)[0]
        if flags & 0x01:  # frame count present
            frames = struct.unpack_from(">I", data, xing_at + 8)[0]
            return MediaInfo(duration_s=frames * samples_per_frame / rate, method="mp3")
    bitrate = _MP3_BITRATES[version][bitrate_index] * 1000
    return MediaInfo(duration_s=(len(data) - offset) * 8 / bitrate, method="mp3")
