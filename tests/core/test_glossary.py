"""core.glossary: the one glossary model behind live phrases, qwen-mt terms and qwen-mt-image terminologies."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter.core.glossary import (
    Glossary,
    GlossaryEntry,
    GlossaryFormatError,
    IssueKind,
    decode_glossary_bytes,
    format_glossary_csv,
    parse_glossary_csv,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "glossaries"


def _glossary(*pairs: tuple[str, str], **kw: str) -> Glossary:
    return Glossary("test", [GlossaryEntry(s, t) for s, t in pairs], **kw)


# ---- the three wire shapes ------------------------------------------------------------------------------------------


def test_wire_shapes_skip_empty_and_keep_first_duplicate() -> None:
    glossary = _glossary(
        ("Alibaba Cloud", "阿里云"),
        ("  Qwen ", " 通义千问 "),
        ("", "空"),
        ("Tongyi", ""),
        ("alibaba  CLOUD", "阿里巴巴云"),
    )
    assert glossary.as_phrases() == {"Alibaba Cloud": "阿里云", "Qwen": "通义千问"}
    assert glossary.as_terms() == [
        {"source": "Alibaba Cloud", "target": "阿里云"},
        {"source": "Qwen", "target": "通义千问"},
    ]
    assert glossary.as_terminologies() == [
        {"src": "Alibaba Cloud", "tgt": "阿里云"},
        {"src": "Qwen", "tgt": "通义千问"},
    ]


def test_entries_accept_a_list_and_are_stored_immutably() -> None:
    glossary = Glossary("g", [GlossaryEntry("a", "b")])
    assert glossary.entries == (GlossaryEntry("a", "b"),)
    assert glossary.with_entries([]).entries == ()
    assert glossary.entries == (GlossaryEntry("a", "b"),)


def test_issues_flag_empty_and_duplicate_rows_with_reasons() -> None:
    glossary = _glossary(("GPU", "图形处理器"), ("", "x"), ("gpu", "显卡"), ("CPU", " "))
    issues = glossary.issues()
    assert [(i.index, i.kind) for i in issues] == [
        (1, IssueKind.EMPTY_SOURCE),
        (2, IssueKind.DUPLICATE),
        (3, IssueKind.EMPTY_TARGET),
    ]
    assert "row 1" in issues[1].message


@pytest.mark.parametrize(
    ("pair", "session", "fits"),
    [
        ((None, None), ("en", "zh"), True),
        (("en", "zh"), ("en", "zh"), True),
        (("en", "zh"), (None, "zh"), True),  # auto-detected source
        (("en", "zh"), ("en", "de"), False),
        (("en", None), ("fr", "zh"), False),
    ],
)
def test_applies_to_language_pair(
    pair: tuple[str | None, str | None], session: tuple[str | None, str], fits: bool
) -> None:
    glossary = Glossary("g", [], source_lang=pair[0], target_lang=pair[1])
    assert glossary.applies_to(*session) is fits


def test_search_matches_either_side_case_insensitively() -> None:
    glossary = _glossary(("Revenue", "营收"), ("net profit", "净利润"), ("guidance", "业绩指引"))
    assert glossary.search("REV") == [0]
    assert glossary.search("利") == [1]
    assert glossary.search("") == [0, 1, 2]


# ---- messy real-world files -----------------------------------------------------------------------------------------


def test_excel_semicolon_export_with_bom_crlf_notes_and_multiline_cells() -> None:
    result = parse_glossary_csv((DATA / "conference_excel_semicolon.csv").read_bytes())
    assert result.delimiter == ";"
    assert result.had_header
    assert [(e.source, e.target) for e in result.entries] == [
        ("Alibaba Cloud", "阿里云"),
        ("Model Studio; DashScope", "百炼"),
        ("LiveTranslate", "实时翻译"),
        ("keynote", "主旨演讲"),
        ("multi-line term", "多行术语"),
        ("alibaba cloud", "阿里巴巴云"),
        ("Qwen", "通义千问"),
        ("Tongyi", ""),
    ]
    # Line numbers are physical lines in the file (a quoted cell spanning two lines counts both).
    assert [(p.line, p.skipped) for p in result.problems] == [(10, False), (11, True), (12, True), (14, False)]
    assert "line 2" in result.problems[0].message
    assert "empty" in result.problems[1].message
    assert "one column" in result.problems[2].message and "semicolon" in result.problems[2].message
    assert result.summary() == "Imported 8 terms, skipped 2 malformed rows, 2 rows need a look."


def test_headerless_comma_file_reports_three_column_row_and_imports_the_rest() -> None:
    result = parse_glossary_csv((DATA / "no_header_commas.csv").read_bytes())
    assert result.delimiter == ","
    assert not result.had_header
    sources = [e.source for e in result.entries]
    assert sources == ["Smith & Sons", "Smith, John", "GPU", 'He said "hello"', "GPU", "Q4 results"]
    assert str(result.problems[0]).startswith("Line 5: found 3 columns")
    assert [p.line for p in result.problems] == [5, 6, 9]
    glossary = Glossary("g", result.entries)
    assert glossary.as_phrases()["GPU"] == "图形处理器"


def test_utf16_excel_unicode_text_with_language_header() -> None:
    result = parse_glossary_csv((DATA / "excel_unicode_text.txt").read_bytes())
    assert result.delimiter == "\t"
    assert (result.source_lang, result.target_lang) == ("en", "zh")
    assert [e.source for e in result.entries] == ["revenue", "net profit", "guidance"]
    assert result.problems == ()


def test_header_with_reversed_columns_and_languages_in_parentheses() -> None:
    result = parse_glossary_csv((DATA / "reversed_columns.tsv").read_bytes())
    assert (result.source_lang, result.target_lang) == ("en", "de")
    assert result.entries[1] == GlossaryEntry("Hans Muller", "Müller, Hans")


def test_undecodable_and_oversized_files_raise_a_sentence() -> None:
    with pytest.raises(GlossaryFormatError, match="CSV UTF-8"):
        decode_glossary_bytes("Straße;Street".encode("latin-1"))
    with pytest.raises(GlossaryFormatError, match="right file"):
        decode_glossary_bytes(b"a,b\n" * (2 * 1024 * 1024))


def test_empty_input_gives_empty_result() -> None:
    result = parse_glossary_csv(b"")
    assert result.entries == () and result.problems == ()
    assert result.summary() == "Imported 0 terms."


def test_forced_delimiter_is_used() -> None:
    result = parse_glossary_csv("a;b,c\n", delimiter=";")
    assert result.entries == (GlossaryEntry("a", "b,c"),)


# ---- export and round trips ---------------------------------------------------------------------------------------


def test_export_quotes_when_needed_and_names_the_language_pair() -> None:
    glossary = _glossary(("Smith, John", "约翰"), ('say "hi"', "问好"), source_lang="en", target_lang="zh")
    text = format_glossary_csv(glossary)
    assert text == 'source (en),target (zh)\r\n"Smith, John",约翰\r\n"say ""hi""",问好\r\n'


@pytest.mark.parametrize("delimiter", [",", "\t"])
@pytest.mark.parametrize("bom", [False, True])
def test_round_trip_of_a_messy_import(delimiter: str, bom: bool) -> None:
    imported = parse_glossary_csv((DATA / "conference_excel_semicolon.csv").read_bytes())
    glossary = Glossary("conference", imported.entries, source_lang="en", target_lang="zh")
    data = format_glossary_csv(glossary, delimiter=delimiter).encode("utf-8")
    if bom:
        data = codecs.BOM_UTF8 + data
    again = parse_glossary_csv(data)
    assert again.delimiter == delimiter
    assert again.entries == glossary.entries
    assert (again.source_lang, again.target_lang) == ("en", "zh")


_term = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")) | st.sampled_from(",;\t|\" '"),
        min_size=1,
        max_size=12,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@given(st.lists(st.tuples(_term, _term), max_size=12), st.sampled_from([",", "\t", ";"]))
def test_any_glossary_survives_export_and_import(pairs: list[tuple[str, str]], delimiter: str) -> None:
    glossary = Glossary("g", [GlossaryEntry(s, t) for s, t in pairs])
    again = parse_glossary_csv(format_glossary_csv(glossary, delimiter=delimiter), delimiter=delimiter)
    assert again.entries == glossary.entries
