"""Qwen-MT languages: names and codes both ways, lite's 31 against the others' 92, local refusal sentences."""

from __future__ import annotations

import pytest

from interpreter.core.mt_languages import MT_MODELS, StreamingStyle, mt_model, resolve_language, resolve_pair
from interpreter.errors import ConfigError


def test_language_lists_and_styles_follow_the_spec() -> None:
    assert len(mt_model("qwen-mt-plus").languages) == 92
    assert len(mt_model("qwen-mt-lite").languages) == 31
    assert mt_model("qwen-mt-plus").streaming is StreamingStyle.CUMULATIVE
    assert mt_model("qwen-mt-turbo").streaming is StreamingStyle.CUMULATIVE
    assert mt_model("qwen-mt-flash").streaming is StreamingStyle.INCREMENTAL
    assert mt_model("qwen-mt-lite").streaming is StreamingStyle.INCREMENTAL
    assert [mt_model(m).tokens_per_minute for m in MT_MODELS] == [25_000, 35_000, 100_000, 35_000]


@pytest.mark.parametrize("value", ["en", "EN", "English", "english "])
def test_names_and_codes_are_accepted_both_ways(value: str) -> None:
    assert resolve_language(value, "qwen-mt-flash").code == "en"


def test_lite_uses_its_own_name_for_persian_and_accepts_both() -> None:
    assert resolve_language("Persian", "qwen-mt-lite").code == "fa"
    assert resolve_language("Western Persian", "qwen-mt-lite").name == "Persian"
    assert resolve_language("zh-TW", "qwen-mt-plus").code == "zh_tw"


def test_unsupported_pair_is_refused_locally_naming_what_is_supported() -> None:
    with pytest.raises(ConfigError) as caught:
        resolve_pair("en", "Welsh", "qwen-mt-lite")
    message = caught.value.user_message
    assert "qwen-mt-lite" in message and "31 languages" in message and "92" in message
    assert resolve_pair("en", "Welsh", "qwen-mt-flash")[1].code == "cy"
    with pytest.raises(ConfigError):
        resolve_pair("English", "en", "qwen-mt-flash")
    assert resolve_pair(None, "de", "qwen-mt-plus")[0].code == "auto"
