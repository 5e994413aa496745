"""Media files for the file-translation tests, generated with PyAV: speech-like bursts separated by silences, so the
segment planner cuts at known pauses, with a different noise seed per burst so that no two segments carry the same
bytes (the emulator's request records identify segments by a hash of their media)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.media.mediagen import speechlike, write_audio, write_video

#: The planner settings the tests use: segments of 2-6 s instead of ~30 s, so a few seconds of media make a batch.
PLAN = {"target_s": 3.0, "min_s": 1.5, "max_s": 6.0}


def bursts(count: int, *, speech_s: float, pause_s: float, rate: int, seed: int = 1) -> np.ndarray:
    """``count`` bursts of speech-like noise, each followed by ``pause_s`` of digital silence (int16 mono)."""
    pieces: list[np.ndarray] = []
    for i in range(count):
        pieces.append(speechlike(speech_s, rate, seed=seed * 100 + i))
        pieces.append(np.zeros(int(pause_s * rate), dtype=np.int16))
    return np.concatenate(pieces)


def speech_wav(path: Path, *, count: int = 3, speech_s: float = 2.5, pause_s: float = 1.0, seed: int = 1) -> Path:
    """A 16 kHz mono PCM WAV of :func:`bursts`."""
    return write_audio(
        path, bursts(count, speech_s=speech_s, pause_s=pause_s, rate=16000, seed=seed), 16000, codec="pcm_s16le"
    )


def speech_mp3(path: Path, *, count: int = 2, seed: int = 2) -> Path:
    """A 44.1 kHz MP3 of :func:`bursts`."""
    return write_audio(path, bursts(count, speech_s=2.5, pause_s=1.0, rate=44100, seed=seed), 44100, codec="libmp3lame")


def video(path: Path, *, seconds: int = 7, with_audio: bool = True, seed: int = 3) -> Path:
    """A 160x120 MPEG-4 video at 10 fps (a moving bar), with an AAC track of bursts unless told not to."""
    fps = 10
    frames = []
    for k in range(seconds * fps):
        img = np.zeros((120, 160, 3), dtype=np.uint8)
        x = (k * 4) % 160
        img[:, x : x + 8] = (0, 200, 255)
        frames.append(img)
    audio = None
    if with_audio:
        count = max(1, round(seconds / 3.5))
        audio = bursts(count, speech_s=2.5, pause_s=1.0, rate=48000, seed=seed)[: seconds * 48000]
    return write_video(path, frames, fps, audio=audio)
