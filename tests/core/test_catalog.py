"""The language catalog: every language has a Simplified Chinese name, ``language_name`` localizes on request, and
the default (English) behaviour is what it always was."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from interpreter.core.catalog import SOURCE_UI_LANGUAGE, Catalog, Language, load_catalog

#: One or more CJK ideographs, optionally with a parenthesised qualifier in full-width brackets.
_CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]+(（[\u4e00-\u9fff]+）)?")


def _raw() -> dict:  # type: ignore[type-arg]
    text = resources.files("interpreter.resources").joinpath("catalog.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def test_every_language_has_a_chinese_name() -> None:
    raw = _raw()
    names = raw["language_names_zh_CN"]
    assert set(names) == set(raw["languages"]), "a Chinese name for every code, and no name for an unknown code"
    for code, name in names.items():
        assert _CHINESE_NAME.fullmatch(name), (code, name)
    assert len(set(names.values())) == len(names), "two languages must never look the same in a picker"


def test_every_code_a_model_or_voice_uses_is_named() -> None:
    catalog = load_catalog()
    for info in catalog.models.values():
        used = set(info.languages) | set(info.audio_output_languages)
        for voice in info.voices:
            used |= voice.languages
        assert used <= set(catalog.languages), info.name
        for code in used:
            assert catalog.language_name(code, "zh_CN") != catalog.language_name(code), code


@pytest.mark.parametrize(
    ("code", "english", "chinese"),
    [
        ("en", "English", "英语"),
        ("zh", "Chinese", "中文"),
        ("yue", "Cantonese", "粤语"),
        ("nb", "Norwegian Bokmål", "书面挪威语"),
    ],
)
def test_language_name_localizes_on_request(code: str, english: str, chinese: str) -> None:
    catalog = load_catalog()
    assert catalog.language_name(code) == english
    assert catalog.language_name(code, SOURCE_UI_LANGUAGE) == english
    assert catalog.language_name(code, "zh_CN") == chinese


def test_unknown_ui_language_or_code_falls_back() -> None:
    catalog = load_catalog()
    assert catalog.language_name("de", "fr") == "German", "a UI language without names shows English names"
    assert catalog.language_name("xx") == "xx", "an unknown code (old settings) shows the code, never a blank"
    assert catalog.language_name("xx", "zh_CN") == "xx"
    assert catalog.ui_languages() == ("en", "zh_CN")


def test_a_partial_translation_falls_back_per_code() -> None:
    catalog = Catalog(
        languages={"de": Language("de", "German"), "fr": Language("fr", "French")},
        models={},
        asr_model="asr",
        voice_clone_default_voice="default",
        localized_names={"zh_CN": {"de": "德语", "fr": ""}},
    )
    assert catalog.language_name("de", "zh_CN") == "德语"
    assert catalog.language_name("fr", "zh_CN") == "French", "a blank localized name is treated as missing"


def test_default_catalog_api_is_unchanged() -> None:
    catalog = Catalog(
        languages={"de": Language("de", "German")}, models={}, asr_model="a", voice_clone_default_voice="d"
    )
    assert catalog.localized_names == {}
    assert catalog.language_name("de") == "German"
    assert catalog.ui_languages() == ("en",)
