"""qwen-mt-image rules (spec §6): languages, sizes, names and price."""

from __future__ import annotations

from decimal import Decimal

import pytest

from interpreter.core import image_rules
from interpreter.core.image_rules import (
    ImageLanguageError,
    ImageProblemKind,
    LanguagePair,
    check_dimensions,
    check_languages,
    fit_within,
)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("zh", "en", LanguagePair("zh", "en")),
        ("English", "ms", LanguagePair("en", "ms")),
        ("JA", "ZH", LanguagePair("ja", "zh")),
        ("de", "en", LanguagePair("de", "en")),
        (None, "ko", LanguagePair("auto", "ko")),
        ("auto", "ar", LanguagePair("auto", "ar")),
        ("Arabian", "zh", None),  # target-only language used as source: refused below
    ],
)
def test_allowed_pairs(source: str | None, target: str, expected: LanguagePair | None) -> None:
    if expected is None:
        with pytest.raises(ImageLanguageError):
            check_languages(source, target)
    else:
        assert check_languages(source, target) == expected


def test_japanese_to_korean_needs_chinese_or_english_on_one_side() -> None:
    with pytest.raises(ImageLanguageError) as info:
        check_languages("ja", "ko")
    message = info.value.user_message
    assert "Japanese to Korean" in message and "Chinese or English" in message


def test_german_is_source_only_and_the_message_lists_targets() -> None:
    with pytest.raises(ImageLanguageError) as info:
        check_languages("en", "de")
    assert "German" in info.value.user_message
    assert "Thai" in info.value.user_message and "German," not in info.value.user_message


@pytest.mark.parametrize("source", ["ms", "th", "id", "ar"])
def test_target_only_languages_cannot_be_sources(source: str) -> None:
    with pytest.raises(ImageLanguageError) as info:
        check_languages(source, "en")
    assert info.value.field == "source"
    assert "German" in info.value.user_message  # the allowed sources are listed


def test_same_language_and_unknown_language() -> None:
    with pytest.raises(ImageLanguageError, match="both English"):
        check_languages("en", "EN")
    with pytest.raises(ImageLanguageError, match="Klingon"):
        check_languages("en", "Klingon")
    with pytest.raises(ImageLanguageError, match="cannot be automatic"):
        check_languages("en", "auto")


def test_dimension_rules() -> None:
    assert check_dimensions(15, 150) is None
    assert check_dimensions(8192, 8192) is None
    big = check_dimensions(9000, 9000)
    assert big is not None and big.kind is ImageProblemKind.TOO_LARGE and big.fixable
    small = check_dimensions(14, 100)
    assert small is not None and small.kind is ImageProblemKind.TOO_SMALL and not small.fixable
    banner = check_dimensions(2000, 100)
    assert banner is not None and banner.kind is ImageProblemKind.ASPECT and "1:20" in banner.message


def test_fit_within_keeps_aspect() -> None:
    assert fit_within(9000, 9000) == (8192, 8192)
    assert fit_within(16384, 4096) == (8192, 2048)
    assert fit_within(100, 50) == (100, 50)


def test_names_and_price() -> None:
    assert image_rules.output_name("poster", "en", ".JPG") == "poster.en.jpg"
    assert image_rules.is_image_name("a.WebP") and image_rules.is_image_name("b.gif")
    assert not image_rules.is_image_name("talk.mp3")
    assert image_rules.batch_price(10) == Decimal("0.030")
    assert image_rules.format_price(image_rules.batch_price(3)) == "0.009 CNY"
