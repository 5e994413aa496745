"""Token usage of one response, computed with the documented rates (spec §1.11, catalog).

- input audio: ``input_audio_tokens_per_second`` × seconds of the segment's audio (12.5/s qwen3, 7/s qwen3.5);
- output audio: ``output_audio_tokens_per_second`` × seconds of the generated audio (12.5/s);
- images: ``ModelInfo.image_tokens(w, h)`` (0.5 token per 28/32 px patch) for each image accepted since the previous
  response, reported as ``input_tokens_details.image_tokens`` (only when there were images, as the doc shows none);
- text: about one token per 4 characters (input text = the glossary phrases sent with the session, output text =
  the translation). Fractions round up: a service bills whole tokens.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from interpreter.core.catalog import ModelInfo

CHARS_PER_TEXT_TOKEN = 4


def text_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TEXT_TOKEN)


def response_usage(
    model: ModelInfo,
    *,
    input_audio_ms: float,
    output_audio_ms: float,
    translation: str,
    phrases: Mapping[str, str],
    image_tokens: int,
) -> dict[str, Any]:
    """The ``usage`` object of ``response.done``."""
    input_text = text_tokens(json.dumps(dict(phrases), ensure_ascii=False)) if phrases else 0
    input_audio = math.ceil(input_audio_ms / 1000 * model.input_audio_tokens_per_second)
    output_text = text_tokens(translation)
    output_audio = math.ceil(output_audio_ms / 1000 * model.output_audio_tokens_per_second)
    input_details: dict[str, int] = {"text_tokens": input_text, "audio_tokens": input_audio}
    if image_tokens:
        input_details["image_tokens"] = image_tokens
    input_total = input_text + input_audio + image_tokens
    output_total = output_text + output_audio
    return {
        "total_tokens": input_total + output_total,
        "input_tokens": input_total,
        "output_tokens": output_total,
        "input_tokens_details": input_details,
        "output_tokens_details": {"text_tokens": output_text, "audio_tokens": output_audio},
    }
