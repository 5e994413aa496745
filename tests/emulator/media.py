"""Real media files for the emulator's HTTP tests, encoded with PyAV (tests may use it; the emulator may not).

Each helper returns the bytes of a file of the asked duration: a 220 Hz tone, and for video a moving gradient.
"""

from __future__ import annotations

import io
import math
from fractions import Fraction

import av
import numpy as np

_TONE_HZ = 220.0


def _tone(seconds: float, rate: int) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (0.2 * np.sin(2 * math.pi * _TONE_HZ * t)).astype(np.float32)


def audio_bytes(seconds: float, container: str, codec: str, rate: int = 48000) -> bytes:
    """``seconds`` of tone encoded with ``codec`` in ``container`` (e.g. ``"mp3"``/``"libmp3lame"``)."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as output:
        stream = output.add_stream(codec, rate=rate, layout="mono")
        assert isinstance(stream, av.AudioStream)
        _write_audio(output, stream, seconds, rate)
    return buffer.getvalue()


def _write_audio(output: av.container.OutputContainer, stream: av.AudioStream, seconds: float, rate: int) -> None:
    samples = _tone(seconds, rate)
    frame_size = stream.codec_context.frame_size or 1024
    pts = 0
    for start in range(0, len(samples), frame_size):
        block = samples[start : start + frame_size]
        frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = rate
        frame.pts = pts
        pts += len(block)
        for packet in stream.encode(frame):
            output.mux(packet)
    for packet in stream.encode(None):
        output.mux(packet)


def mp4_bytes(seconds: float, width: int, height: int, *, with_audio: bool = True, fps: int = 2) -> bytes:
    """An H.264 MP4 (``fps`` frames per second) of ``width`` x ``height``, with an AAC track unless told not to."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as output:
        video = output.add_stream("libx264", rate=fps)
        video.width, video.height = width, height
        video.pix_fmt = "yuv420p"
        video.time_base = Fraction(1, fps)
        audio = output.add_stream("aac", rate=48000, layout="mono") if with_audio else None
        for index in range(round(seconds * fps)):
            picture = np.full((height, width, 3), (index * 20) % 256, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            frame.pts = index
            for packet in video.encode(frame):
                output.mux(packet)
        for packet in video.encode(None):
            output.mux(packet)
        if audio is not None:
            _write_audio(output, audio, seconds, 48000)
    return buffer.getvalue()
