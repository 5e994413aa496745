"""Text documents: legacy encodings, Markdown structure, styling tags kept around translated cue text."""

from __future__ import annotations

import codecs
import os

import pytest

from interpreter.core.text_documents import (
    TextFileError,
    decode_text,
    parse_markdown,
    parse_plain_text,
    restore_styling,
    split_styling,
)


@pytest.mark.parametrize(
    ("text", "encoding", "found"),
    [
        ("这是一个中文字幕文件，用于测试编码。", "gbk", "gb18030"),
        ("これは日本語の字幕ファイルです。テストです。", "shift_jis", "shift_jis"),
        ("Ünïcödé with a BOM", "utf-16", "utf-16"),
        ("Café déjà vu, naïve façade.", "cp1252", "cp1252"),
        ("plain UTF-8 ✓", "utf-8", "utf-8"),
    ],
)
def test_legacy_encodings_are_detected(text: str, encoding: str, found: str) -> None:
    decoded = decode_text(text.encode(encoding), "x.srt")
    assert decoded.text == text and decoded.encoding == found


def test_bom_and_crlf() -> None:
    decoded = decode_text(codecs.BOM_UTF8 + b"a\r\nb", "x.txt")
    assert decoded.text == "a\nb" and decoded.crlf and decoded.encoding == "utf-8"


@pytest.mark.parametrize("data", [b"", b"\n\n  ", os.urandom(4096) + b"\x00\x00"])
def test_empty_and_binary_files_get_one_sentence(data: bytes) -> None:
    with pytest.raises(TextFileError) as caught:
        decode_text(data, "movie.srt")
    assert caught.value.user_message.startswith("movie.srt is ")


MARKDOWN = """---
title: Notes
---
# Heading one #

Some *text* with `code`.{HARD_BREAK}
- item one
  - nested item
1. first step

```python
print("untouched")
```

    indented code stays

> quoted line
| a | b |
|---|---|
[ref]: https://example.com
<!-- comment -->
""".format(HARD_BREAK="  ")  # two trailing spaces: a Markdown hard line break


def test_markdown_structure_is_kept_and_only_text_translated() -> None:
    document = parse_markdown(MARKDOWN)
    texts = [unit.text for unit in document.units]
    assert texts == [
        "Heading one",
        "Some *text* with `code`.",
        "item one",
        "nested item",
        "first step",
        "quoted line",
        "| a | b |",
    ]
    rendered = document.render({u.index: f"<{u.text}>" for u in document.units})
    assert "# <Heading one> #" in rendered
    assert "Some *text* with `code`.  " not in rendered and "<Some *text* with `code`.>  " in rendered
    assert "  - <nested item>" in rendered and "1. <first step>" in rendered
    assert 'print("untouched")' in rendered and "    indented code stays" in rendered
    assert "> <quoted line>" in rendered and "|---|---|" in rendered and "[ref]: https://example.com" in rendered
    assert document.render({}) == MARKDOWN


def test_plain_text_keeps_blank_lines_and_indentation_and_bilingual_puts_source_above() -> None:
    document = parse_plain_text("One\n\n  Two\n")
    assert [u.text for u in document.units] == ["One", "Two"]
    assert document.render({0: "Eins", 1: "Zwei"}) == "Eins\n\n  Zwei\n"
    assert document.render({0: "Eins", 1: "Zwei"}, bilingual=True) == "One\nEins\n\n  Two\n  Zwei\n"


def test_styling_tags_survive_translation() -> None:
    plain, styling = split_styling(r"{\an8}{\i1}Hello\Nthere {\b1}big{\b0} world{\i0}")
    assert plain == "Hello\nthere big world"
    restored = restore_styling("HALLO\nDORT GROSSE WELT", styling)
    assert restored.startswith(r"{\an8}{\i1}HALLO\N") and restored.endswith(r"{\i0}")
    assert r"{\b1}" in restored and r"{\b0}" in restored
    assert restored.index(r"{\b1}") < restored.index(r"{\b0}")
    plain, styling = split_styling(r"{\i1}First line.{\i0}\NSecond line")
    assert restore_styling("ERSTE ZEILE.\nZWEITE ZEILE", styling) == r"{\i1}ERSTE ZEILE.{\i0}\NZWEITE ZEILE"
