"""Input level for a meter: RMS and peak in dBFS of int16 PCM (numpy, cheap enough for every block)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

#: Level reported for digital silence. -100 dBFS is below the noise floor of any real microphone (16-bit PCM
#: itself bottoms out near -96 dBFS), so a meter can treat it as "nothing".
SILENCE_DBFS = -100.0
_FULL_SCALE = 32768.0


@dataclass(frozen=True)
class Level:
    """Loudness of one block.

    Attributes:
        rms_dbfs: RMS level relative to a full-scale square wave, in [SILENCE_DBFS, 0].
        peak_dbfs: absolute peak relative to full scale, in [SILENCE_DBFS, 0].
    """

    rms_dbfs: float = SILENCE_DBFS
    peak_dbfs: float = SILENCE_DBFS

    @property
    def clipping(self) -> bool:
        """True when the peak is within 0.1 dB of full scale (the speaker is too loud or the gain too high)."""
        return self.peak_dbfs > -0.1


def _db(value: float) -> float:
    if value <= 0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, min(0.0, 20 * math.log10(value / _FULL_SCALE)))


def measure(samples: np.ndarray) -> Level:
    """Level of int16 samples (any shape); an empty array is silence."""
    if samples.size == 0:
        return Level()
    x = samples.astype(np.float32)
    rms = float(np.sqrt(np.mean(x * x)))
    peak = float(np.max(np.abs(x)))
    return Level(rms_dbfs=_db(rms), peak_dbfs=_db(peak))
