"""Service limits for file translation: Base64 sizes, audio and video tokens (spec §2.1, §3); ISO 639-2 tags."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter.core.file_limits import (
    MAX_BASE64_CHARS,
    audio_tokens,
    base64_chars,
    data_url_chars,
    estimate_video_tokens,
    fits_request,
    video_frames,
)
from interpreter.core.language_tags import iso639_2


@given(st.binary(max_size=200))
def test_base64_length_matches_the_encoder(payload: bytes) -> None:
    assert base64_chars(len(payload)) == len(base64.b64encode(payload))
    assert data_url_chars(len(payload), "audio/wav") == len(
        "data:audio/wav;base64," + base64.b64encode(payload).decode()
    )


def test_the_ten_megabyte_limit_counts_the_data_url() -> None:
    largest = (MAX_BASE64_CHARS - len("data:video/mp4;base64,")) // 4 * 3
    assert fits_request(largest, "video/mp4") and not fits_request(largest + 1, "video/mp4")
    # A 60 s 16 kHz mono WAV (the default maximum segment) is far under it.
    assert fits_request(44 + 60 * 32_000, "audio/wav")


def test_audio_tokens_bill_under_one_second_as_one() -> None:
    assert audio_tokens(0) == 0
    assert audio_tokens(0.2) == 13
    assert audio_tokens(60) == 750
    with pytest.raises(ValueError):
        audio_tokens(-1)


def test_video_tokens_follow_the_spec_formula() -> None:
    # ceil(frames / 2) * (h / 32) * (w / 32) + 2
    assert estimate_video_tokens(120, 640, 360) == 60 * 20 * 12 + 2
    assert estimate_video_tokens(5, 64, 64) == 3 * 2 * 2 + 2
    assert estimate_video_tokens(0, 640, 360) == 0
    assert video_frames(0.5) == 4 and video_frames(30) == 60 and video_frames(3600) == 128
    with pytest.raises(ValueError):
        estimate_video_tokens(4, 0, 360)


def test_language_tags() -> None:
    assert [iso639_2(c) for c in ("zh", "en", "de", "nb", "yue", "fil")] == ["zho", "eng", "deu", "nob", "yue", "fil"]
    assert iso639_2(None) == iso639_2("") == iso639_2("auto") == iso639_2("x-klingon") == "und"
