"""Speech-like PCM for transport tests: tone bursts the emulator's energy VAD hears as utterances.

The emulator's VAD is clocked by audio bytes, not wall time, so tests may stream these faster than real time.
"""

from __future__ import annotations

import numpy as np

RATE = 16000
BLOCK_MS = 40
BLOCK_BYTES = RATE * BLOCK_MS // 1000 * 2

# -18 dBFS RMS: well above the emulator's default -34 dBFS speech threshold, like normal speech at a sane gain.
_AMPLITUDE = 0.18 * 32767


def tone(ms: int, freq: float = 220.0) -> bytes:
    """``ms`` of a sine tone (s16le mono 16 kHz)."""
    t = np.arange(RATE * ms // 1000) / RATE
    return (np.sin(2 * np.pi * freq * t) * _AMPLITUDE).astype("<i2").tobytes()


def silence(ms: int) -> bytes:
    """``ms`` of digital silence."""
    return bytes(RATE * ms // 1000 * 2)


def utterances(count: int = 3, speech_ms: int = 1500, pause_ms: int = 1500, trailing_pause: bool = True) -> bytes:
    """``count`` bursts of speech separated by pauses longer than the default 1000 ms VAD silence."""
    parts: list[bytes] = []
    for index in range(count):
        parts.append(tone(speech_ms, 220.0 + 40 * index))
        if trailing_pause or index < count - 1:
            parts.append(silence(pause_ms))
    return b"".join(parts)


def blocks(pcm: bytes, block_bytes: int = BLOCK_BYTES) -> list[bytes]:
    """``pcm`` cut into 40 ms blocks (the last one may be shorter)."""
    return [pcm[i : i + block_bytes] for i in range(0, len(pcm), block_bytes)]
