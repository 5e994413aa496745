"""Test-media generators: real files in real formats, written with PyAV/OpenCV by the tests themselves."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np


def tone(freq_hz: float, seconds: float, rate: int, *, amplitude: float = 0.5, channels: int = 1) -> np.ndarray:
    """A sine tone as int16 of shape (samples, channels); channel ``c`` gets ``freq_hz * (c + 1)``."""
    t = np.arange(int(seconds * rate)) / rate
    cols = [amplitude * np.sin(2 * np.pi * freq_hz * (c + 1) * t) for c in range(channels)]
    return (np.stack(cols, axis=1) * 32767).astype(np.int16)


def speechlike(seconds: float, rate: int, *, seed: int = 1) -> np.ndarray:
    """Deterministic broadband, amplitude-modulated noise (syllable-like bursts), int16 mono, 1-D.

    Broadband so that cross-correlation has one sharp peak (a pure tone would correlate at every period).
    """
    rng = np.random.default_rng(seed)
    n = int(seconds * rate)
    noise = rng.standard_normal(n)
    # Low-pass the noise a little (moving average) so it survives resampling to 16 kHz mostly intact.
    noise = np.convolve(noise, np.ones(3) / 3, mode="same")
    envelope = 0.5 + 0.5 * np.sin(2 * np.pi * 4 * np.arange(n) / rate)  # 4 Hz: syllable rate
    sig = noise * envelope
    sig = sig / np.max(np.abs(sig)) * 0.6
    return (sig * 32767).astype(np.int16)


def write_audio(
    path: Path, pcm: np.ndarray, rate: int, *, codec: str, fmt: str | None = None, bit_rate: int | None = None
) -> Path:
    """Encode ``pcm`` (int16, (samples, channels) or 1-D mono) into ``path`` with PyAV (``bit_rate`` for encoders
    that need one, such as wmav2)."""
    if pcm.ndim == 1:
        pcm = pcm[:, None]
    channels = pcm.shape[1]
    layout = "mono" if channels == 1 else "stereo"
    with av.open(str(path), mode="w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = layout
        if bit_rate is not None:
            stream.bit_rate = bit_rate
        # Feed in 1024-sample s16 frames; the encoder's own format may differ (fltp for aac/opus), so resample.
        resampler = av.AudioResampler(format=stream.format.name, layout=layout, rate=rate)
        for start in range(0, len(pcm), 1024):
            block = np.ascontiguousarray(pcm[start : start + 1024]).reshape(1, -1)  # packed s16: interleaved
            frame = av.AudioFrame.from_ndarray(block, format="s16", layout=layout)
            frame.sample_rate = rate
            for f in resampler.resample(frame):
                for packet in stream.encode(f):
                    out.mux(packet)
        for f in resampler.resample(None):
            for packet in stream.encode(f):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def write_video(
    path: Path,
    frames: list[np.ndarray],
    fps: int,
    *,
    codec: str = "mpeg4",
    audio: np.ndarray | None = None,
    audio_rate: int = 48000,
    audio_codec: str = "aac",
) -> Path:
    """Encode BGR uint8 frames (and optionally an int16 mono audio track) into ``path`` with PyAV."""
    h, w = frames[0].shape[:2]
    with av.open(str(path), mode="w") as out:
        vs = out.add_stream(codec, rate=fps)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        streams_audio = None
        if audio is not None:
            streams_audio = out.add_stream(audio_codec, rate=audio_rate)
            streams_audio.layout = "mono"
        for img in frames:
            for packet in vs.encode(av.VideoFrame.from_ndarray(img, format="bgr24")):
                out.mux(packet)
        for packet in vs.encode(None):
            out.mux(packet)
        if streams_audio is not None and audio is not None:
            resampler = av.AudioResampler(format=streams_audio.format.name, layout="mono", rate=audio_rate)
            for start in range(0, len(audio), 1024):
                frame = av.AudioFrame.from_ndarray(audio[None, start : start + 1024], format="s16", layout="mono")
                frame.sample_rate = audio_rate
                for f in resampler.resample(frame):
                    for packet in streams_audio.encode(f):
                        out.mux(packet)
            for packet in streams_audio.encode(None):
                out.mux(packet)
    return path


def dominant_freq(pcm: np.ndarray, rate: int) -> float:
    """Frequency (Hz) of the strongest FFT bin of a 1-D signal."""
    spectrum = np.abs(np.fft.rfft(pcm.astype(np.float64) * np.hanning(len(pcm))))
    return float(np.argmax(spectrum) * rate / len(pcm))


def windowed_corr(recorded: np.ndarray, sent: np.ndarray, window: int) -> float:
    """Median over windows of ``sent`` of the best correlation found anywhere in ``recorded``.

    Robust to one dropout or glitch in a real sound server (which shifts the rest of the recording), while still
    demanding that most of the signal arrives intact.
    """
    rec = recorded.astype(np.float64)
    scores = []
    for start in range(0, len(sent) - window + 1, window):
        w = sent[start : start + window].astype(np.float64)
        corr = np.correlate(rec, w, "valid")
        k = int(np.argmax(corr))
        scores.append(float(np.corrcoef(rec[k : k + window], w)[0, 1]))
    return float(np.median(scores))
