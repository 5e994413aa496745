"""A deterministic, voice-like "translated speech" signal: 24 kHz s16le mono PCM (spec §1.8 output format).

Not speech, but clearly not silence or a test tone: the text is read three characters at a time as syllables.
Each syllable is a vowel-like sound — a harmonic series on a pitch that falls gently across the utterance (declination)
with a slight vibrato, its harmonics weighted by one of five vowel formant pairs chosen from the characters — with a
soft attack and release and a short gap; spaces and punctuation become pauses. The same text always gives the same
bytes, and the length follows the text: ``MS_PER_CHAR`` (65 ms) per character, i.e. a 30-character translation
lasts 1.95 s, close to natural speaking rate (~13-15 characters per second).
"""

from __future__ import annotations

import math

import numpy as np

from interpreter.core.pcm import VOICE_RATE

MS_PER_CHAR = 65
SYLLABLE_CHARS = 3
# Peak level 0.3 of full scale (about -10 dBFS peak, -20 dBFS RMS): audible, never clipping.
PEAK = 0.3
# Start pitch and how much it falls by the end of the utterance (a female-ish voice, like the default voices).
BASE_PITCH_HZ = 210.0
DECLINATION = 0.18
VIBRATO_HZ, VIBRATO_DEPTH = 5.0, 0.02
# Harmonics are kept below 4 kHz, the band where vowel formants live.
MAX_HARMONIC_HZ = 4000.0
FORMANT_WIDTH_HZ = 180.0
# (F1, F2) of the vowels a, e, i, o, u in Hz (classic Peterson & Barney averages).
VOWEL_FORMANTS = ((730.0, 1090.0), (530.0, 1840.0), (270.0, 2290.0), (570.0, 840.0), (300.0, 870.0))
ATTACK_MS, RELEASE_MS, GAP_MS = 15, 45, 25


def duration_ms(text: str) -> int:
    """Length of the audio :func:`synthesize` makes for ``text``."""
    return MS_PER_CHAR * len(text)


def synthesize(text: str) -> bytes:
    """The voice-like PCM (24 kHz s16le mono) for ``text``; empty text gives empty audio."""
    if not text:
        return b""
    syllables = [text[i : i + SYLLABLE_CHARS] for i in range(0, len(text), SYLLABLE_CHARS)]
    parts = []
    for index, syllable in enumerate(syllables):
        samples = VOICE_RATE * MS_PER_CHAR * len(syllable) // 1000
        if not any(c.isalnum() for c in syllable):
            parts.append(np.zeros(samples))
            continue
        progress = index / max(1, len(syllables) - 1)
        parts.append(_syllable(samples, BASE_PITCH_HZ * (1.0 - DECLINATION * progress), _vowel(syllable), syllable))
    signal = np.concatenate(parts)
    return (signal * PEAK * 32767.0).astype("<i2").tobytes()


def _vowel(syllable: str) -> tuple[float, float]:
    return VOWEL_FORMANTS[sum(map(ord, syllable)) % len(VOWEL_FORMANTS)]


def _syllable(samples: int, pitch_hz: float, formants: tuple[float, float], syllable: str) -> np.ndarray:
    """One syllable, normalised to peak 1.0, with its envelope and trailing gap."""
    t = np.arange(samples) / VOICE_RATE
    # A small per-syllable pitch accent (±4 %) from the characters, so neighbouring syllables differ.
    accent = 1.0 + 0.04 * ((sum(map(ord, syllable)) % 5) - 2) / 2
    f0 = pitch_hz * accent * (1.0 + VIBRATO_DEPTH * np.sin(2 * math.pi * VIBRATO_HZ * t))
    phase = 2 * math.pi * np.cumsum(f0) / VOICE_RATE
    wave = np.zeros(samples)
    for k in range(1, int(MAX_HARMONIC_HZ // pitch_hz) + 1):
        freq = k * pitch_hz
        weight = sum(math.exp(-(((freq - f) / FORMANT_WIDTH_HZ) ** 2)) for f in formants) + 0.05 / k
        wave += weight * np.sin(k * phase)
    wave /= max(1e-9, float(np.max(np.abs(wave))))
    envelope = np.ones(samples)
    attack = VOICE_RATE * ATTACK_MS // 1000
    release = VOICE_RATE * RELEASE_MS // 1000
    gap = min(samples, VOICE_RATE * GAP_MS // 1000)
    voiced = samples - gap
    envelope[voiced:] = 0.0
    if voiced > attack + release:
        envelope[:attack] = np.linspace(0.0, 1.0, attack)
        envelope[voiced - release : voiced] = np.linspace(1.0, 0.0, release)
    return wave * envelope
