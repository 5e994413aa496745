"""core.pcm: levels, durations and sample helpers on real s16le buffers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from interpreter.core import pcm


def test_silence_and_empty_report_the_documented_floor() -> None:
    assert pcm.rms_dbfs(pcm.silence(100, 16_000)) == pcm.SILENCE_DBFS
    assert pcm.peak_dbfs(pcm.silence(100, 16_000)) == pcm.SILENCE_DBFS
    assert pcm.rms_dbfs(b"") == pcm.SILENCE_DBFS
    assert pcm.peak_dbfs(b"") == pcm.SILENCE_DBFS
    assert math.isfinite(pcm.SILENCE_DBFS)


def test_full_scale_square_is_zero_dbfs_and_most_negative_sample_does_not_wrap() -> None:
    square = pcm.to_pcm(np.array([-32768, 32767] * 400, dtype=np.int16))
    assert pcm.peak_dbfs(square) == pytest.approx(0.0, abs=1e-3)
    assert pcm.rms_dbfs(square) == pytest.approx(0.0, abs=1e-3)
    only_min = pcm.to_pcm(np.full(10, -32768, dtype=np.int16))
    assert pcm.peak_dbfs(only_min) == pytest.approx(0.0)


def test_sine_levels_match_theory() -> None:
    tone = pcm.tone(1000, 500, 16_000, level_dbfs=-6.0)
    assert pcm.peak_dbfs(tone) == pytest.approx(-6.0, abs=0.05)
    # A sine's RMS is its peak / sqrt(2), i.e. 3.01 dB lower.
    assert pcm.rms_dbfs(tone) == pytest.approx(-6.0 - 3.0103, abs=0.05)


def test_one_lsb_is_above_the_floor() -> None:
    lsb = pcm.to_pcm(np.array([1, -1, 1, -1], dtype=np.int16))
    assert pcm.SILENCE_DBFS < pcm.peak_dbfs(lsb) == pytest.approx(-90.31, abs=0.01)


def test_durations_and_byte_counts_round_trip() -> None:
    assert pcm.duration_ms(3200, 16_000) == 100.0
    assert pcm.duration_ms(48_000, 24_000) == 1000.0
    assert pcm.bytes_for_ms(100, 16_000) == 3200
    assert pcm.bytes_for_ms(40, 24_000) == 1920
    assert len(pcm.silence(250, 24_000)) == pcm.bytes_for_ms(250, 24_000)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: pcm.duration_ms(3, 16_000), "whole number"),
        (lambda: pcm.duration_ms(4, 0), "positive"),
        (lambda: pcm.duration_ms(-2, 16_000), "negative"),
        (lambda: pcm.rms_dbfs(b"\x00\x01\x02"), "whole number"),
        (lambda: pcm.bytes_for_ms(-1, 16_000), "negative"),
        (lambda: pcm.apply_gain(b"\x00\x00", -0.5), "gain"),
        (lambda: pcm.apply_gain(b"\x00\x00", float("nan")), "gain"),
    ],
)
def test_invalid_arguments_are_rejected_with_a_reason(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_samples_is_a_little_endian_view() -> None:
    data = b"\x01\x00\xff\xff\x00\x80"
    assert pcm.samples(data).tolist() == [1, -1, -32768]


def test_gain_scales_clips_and_mutes() -> None:
    data = pcm.to_pcm(np.array([1000, -1000, 30000], dtype=np.int16))
    assert pcm.samples(pcm.apply_gain(data, 0.5)).tolist() == [500, -500, 15000]
    assert pcm.samples(pcm.apply_gain(data, 2.0)).tolist() == [2000, -2000, 32767]
    assert pcm.samples(pcm.apply_gain(data, 0.0)).tolist() == [0, 0, 0]
    assert pcm.apply_gain(data, 1.0) == data


def test_to_pcm_rounds_and_clips_floats() -> None:
    assert pcm.samples(pcm.to_pcm([0.6, -0.6, 1e9, -1e9])).tolist() == [1, -1, 32767, -32768]
