"""Helpers for raw PCM: signed 16-bit little-endian mono, the only sample format the app moves around.

Levels are in dBFS relative to a full-scale *square* wave: a buffer of samples at ±32768 reads 0 dBFS RMS and 0 dBFS
peak; a full-scale sine reads about -3.01 dBFS RMS. Silence (all zeros, or an empty buffer) has no finite level;
these helpers return :data:`SILENCE_DBFS` instead of ``-inf`` so meters, averages and JSON never meet infinity.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

#: Bytes per sample of s16le.
SAMPLE_WIDTH = 2

#: Full-scale magnitude of a signed 16-bit sample (|-32768|), the 0 dBFS reference.
FULL_SCALE = 32768.0

#: Level reported for digital silence. One LSB of 16-bit audio is -90.3 dBFS, so -120 dBFS is below anything a
#: non-silent s16 buffer can produce and can never be mistaken for a quiet signal.
SILENCE_DBFS = -120.0

#: Sample rate of microphone audio sent to the service (spec §1.9: 16 kHz input).
INPUT_RATE = 16_000
#: Sample rate of translated speech from the service (spec §1.9: 24 kHz output).
VOICE_RATE = 24_000
#: The files branch's name for VOICE_RATE (merge resolution: both branches use it).
OUTPUT_RATE = VOICE_RATE

Samples = npt.NDArray[np.int16]


def _check_whole_samples(nbytes: int) -> None:
    if nbytes % SAMPLE_WIDTH:
        raise ValueError(f"PCM s16le buffer has {nbytes} bytes, not a whole number of 2-byte samples")


def samples(pcm: bytes | bytearray | memoryview) -> Samples:
    """View PCM bytes as an int16 array (no copy; read-only when ``pcm`` is ``bytes``).

    Raises:
        ValueError: the buffer length is odd (a caller bug: device blocks are always whole samples).
    """
    _check_whole_samples(len(pcm))
    return np.frombuffer(pcm, dtype="<i2")


def to_pcm(values: npt.ArrayLike) -> bytes:
    """Encode samples as s16le bytes, rounding and clipping anything outside the int16 range."""
    array = np.asarray(values)
    if array.dtype != np.int16:
        array = np.clip(np.rint(array), -32768, 32767).astype(np.int16)
    return array.astype("<i2", copy=False).tobytes()


def _to_dbfs(amplitude: float) -> float:
    if amplitude <= 0.0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 20.0 * math.log10(amplitude / FULL_SCALE))


def rms_dbfs(pcm: bytes | bytearray | memoryview) -> float:
    """Root-mean-square level of the buffer in dBFS, or :data:`SILENCE_DBFS` for silence or an empty buffer."""
    data = samples(pcm)
    if data.size == 0:
        return SILENCE_DBFS
    # float64 accumulation: squares of int16 overflow int32 after ~2 samples at full scale.
    as_float = data.astype(np.float64)
    return _to_dbfs(math.sqrt(float(np.mean(as_float * as_float))))


def peak_dbfs(pcm: bytes | bytearray | memoryview) -> float:
    """Largest absolute sample in dBFS, or :data:`SILENCE_DBFS` for silence or an empty buffer."""
    data = samples(pcm)
    if data.size == 0:
        return SILENCE_DBFS
    # int32 so that abs(-32768) does not wrap back to -32768.
    return _to_dbfs(float(np.max(np.abs(data.astype(np.int32)))))


def duration_ms(nbytes: int, rate: int) -> float:
    """Play time in milliseconds of ``nbytes`` of mono s16le at ``rate`` Hz.

    Raises:
        ValueError: ``rate`` is not positive, ``nbytes`` is negative or not a whole number of samples.
    """
    if rate <= 0:
        raise ValueError(f"sample rate must be positive, got {rate}")
    if nbytes < 0:
        raise ValueError(f"byte count must not be negative, got {nbytes}")
    _check_whole_samples(nbytes)
    return nbytes / SAMPLE_WIDTH * 1000.0 / rate


def bytes_for_ms(ms: float, rate: int) -> int:
    """Byte length of ``ms`` milliseconds of mono s16le at ``rate`` Hz, rounded down to a whole sample."""
    if rate <= 0:
        raise ValueError(f"sample rate must be positive, got {rate}")
    if ms < 0:
        raise ValueError(f"duration must not be negative, got {ms}")
    return int(ms * rate / 1000.0) * SAMPLE_WIDTH


def silence(ms: float, rate: int) -> bytes:
    """``ms`` milliseconds of digital silence at ``rate`` Hz."""
    return bytes(bytes_for_ms(ms, rate))


def tone(freq_hz: float, ms: float, rate: int, level_dbfs: float = -12.0) -> bytes:
    """A sine tone (for tests, demo mode and device checks) whose *peak* is ``level_dbfs``.

    -12 dBFS by default: clearly audible, with headroom so mixing two tones cannot clip.
    """
    count = bytes_for_ms(ms, rate) // SAMPLE_WIDTH
    amplitude = FULL_SCALE * 10.0 ** (level_dbfs / 20.0)
    t = np.arange(count, dtype=np.float64) / rate
    return to_pcm(amplitude * np.sin(2.0 * math.pi * freq_hz * t))


def apply_gain(pcm: bytes | bytearray | memoryview, gain: float) -> bytes:
    """Scale samples by a linear ``gain`` (volume sliders: 0.0 mutes, 1.0 is unchanged), clipping at full scale.

    Raises:
        ValueError: ``gain`` is negative or not finite.
    """
    if not math.isfinite(gain) or gain < 0.0:
        raise ValueError(f"gain must be a finite number >= 0, got {gain}")
    data = samples(pcm)
    if gain == 1.0:
        return bytes(pcm)
    return to_pcm(data.astype(np.float64) * gain)
