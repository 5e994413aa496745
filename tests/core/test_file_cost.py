"""The file-translation cost estimate (spec §3 billing) on the packaged price table."""

from __future__ import annotations

import math

from interpreter.core.cost import (
    FILE_TEXT_TOKENS_PER_SECOND,
    estimate_file_translation,
    file_translation_tokens,
    load_pricing,
)


def test_audio_segments_are_billed_per_request_with_the_one_second_minimum() -> None:
    tokens = file_translation_tokens([0.4, 10.0], audio_output=True)
    # 0.4 s is billed as 1 s (13 tokens at 12.5/s rounded up), 10 s as 125; translated speech the same.
    assert tokens.input_audio == 13 + 125
    assert tokens.output_audio == 13 + 125
    assert tokens.output_text == math.ceil(0.4 * FILE_TEXT_TOKENS_PER_SECOND) + math.ceil(
        10 * FILE_TEXT_TOKENS_PER_SECOND
    )
    assert tokens.input_image == 0


def test_text_only_asks_for_no_speech_tokens() -> None:
    assert file_translation_tokens([30.0], audio_output=False).output_audio == 0


def test_video_tokens_follow_the_spec_formula() -> None:
    # 30 s at 2 fps = 60 frames -> 30 rows of 320x192 clips = 10 x 6 patches -> 30 * 60 + 2
    tokens = file_translation_tokens([30.0], audio_output=True, video_size=(320, 192))
    assert tokens.input_image == 30 * 60 + 2
    # a 100 s clip is capped at 128 frames
    long = file_translation_tokens([100.0], audio_output=True, video_size=(320, 192))
    assert long.input_image == 64 * 60 + 2


def test_estimate_is_priced_for_the_file_model_in_both_regions() -> None:
    pricing = load_pricing()
    for region in pricing.regions():
        estimate = estimate_file_translation([60.0], region=region, audio_output=True, pricing=pricing)
        assert estimate.priced
        assert estimate.amount > 0
    voice = estimate_file_translation([60.0], region="singapore", audio_output=True)
    text = estimate_file_translation([60.0], region="singapore", audio_output=False)
    assert voice.amount > text.amount
