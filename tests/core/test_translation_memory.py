"""Translation memory: similar pairs picked within the budget; TMX and CSV import."""

from __future__ import annotations

import pytest

from interpreter.core.glossary import GlossaryFormatError
from interpreter.core.mt_chunking import TmPair
from interpreter.core.translation_memory import TranslationMemory, parse_tm_csv, parse_tmx


def test_pick_prefers_similar_pairs_and_respects_the_budget() -> None:
    memory = TranslationMemory(
        [
            TmPair("Open the settings menu", "打开设置菜单"),
            TmPair("The weather is nice", "天气很好"),
            TmPair("Close the settings window", "关闭设置窗口"),
        ]
    )
    picked = memory.pick("Please open the settings menu now", 100)
    assert picked[0].source == "Open the settings menu"
    assert TmPair("The weather is nice", "天气很好") not in picked
    assert memory.pick("Please open the settings menu now", picked[0].tokens()) == [picked[0]]
    assert memory.pick("unrelated words entirely", 1000) == []


TMX = b"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en-US"/><body>
<tu><tuv xml:lang="en-US"><seg>Hello <b>world</b></seg></tuv>
<tuv xml:lang="zh-CN"><seg>\xe4\xbd\xa0\xe5\xa5\xbd</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Only English</seg></tuv></tu>
</body></tmx>"""


def test_tmx_import_takes_units_with_both_languages() -> None:
    assert parse_tmx(TMX, source_lang="en", target_lang="zh") == [TmPair("Hello world", "你好")]
    with pytest.raises(GlossaryFormatError):
        parse_tmx(b"not xml at all")


def test_csv_import() -> None:
    assert parse_tm_csv("source,target\nGood morning,早上好\n".encode()) == [TmPair("Good morning", "早上好")]
