"""core.ocr_tasks: task names, pixel ranges and token estimates (spec §5.1), schema rules (§5.2), table grids and
each task's rendering."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter.core.ocr_tasks import (
    ABSOLUTE_MAX_PIXELS,
    OcrResult,
    OcrTask,
    OcrWord,
    PixelRange,
    estimate_image_tokens,
    model_scaled_size,
    parse_table_html,
    parse_task,
    patch_size,
    rows_to_csv,
    rows_to_html,
    schema_depth,
    supports_builtin_tasks,
    validate_schema,
)
from interpreter.errors import ConfigError


def test_task_names_for_people_and_for_the_service() -> None:
    assert parse_task("keyinfo") is OcrTask.KEYINFO
    assert parse_task("Key_Information_Extraction") is OcrTask.KEYINFO
    assert parse_task("multi_lan") is OcrTask.MULTILANG
    with pytest.raises(ConfigError, match="choose one of: text, multilang"):
        parse_task("poetry")


def test_snapshots() -> None:
    assert not supports_builtin_tasks("qwen-vl-ocr-2024-10-28")
    assert supports_builtin_tasks("qwen-vl-ocr-latest")
    assert patch_size("qwen-vl-ocr-2024-10-28") == 28 and patch_size("qwen-vl-ocr") == 32


def test_pixel_range_limits() -> None:
    with pytest.raises(ConfigError, match=r"15\.68"):
        PixelRange(3072, ABSOLUTE_MAX_PIXELS + 1)
    with pytest.raises(ConfigError):
        PixelRange(5000, 4000)


def test_token_estimate_follows_patches_plus_two() -> None:
    default = PixelRange()
    assert estimate_image_tokens(640, 320, pixel_range=default) == 20 * 10 + 2
    # A 40 MP photo is read at no more than max_pixels.
    big = estimate_image_tokens(7300, 5500, pixel_range=default)
    assert big <= default.max_pixels // (32 * 32) + 2
    # Tiny images are scaled up to min_pixels.
    assert estimate_image_tokens(20, 20, pixel_range=default) >= 3 + 2


@given(st.integers(11, 9000), st.integers(11, 9000))
def test_model_size_is_inside_the_range(width: int, height: int) -> None:
    pixels = PixelRange(32 * 32 * 4, 32 * 32 * 1024)
    w, h = model_scaled_size(width, height, pixels, 32)
    assert w % 32 == 0 and h % 32 == 0
    assert w * h <= pixels.max_pixels or w == 32 or h == 32


def test_schema_rules() -> None:
    schema = {"Invoice": {"Number": "digits", "Seller": {"Name": "", "Tax id": "x"}}, "Date": "yyyy-mm-dd"}
    assert validate_schema(schema) == schema and schema_depth(schema) == 3
    with pytest.raises(ConfigError, match="deeper than 3"):
        validate_schema({"a": {"b": {"c": {"d": "x"}}}})
    with pytest.raises(ConfigError, match="at least one"):
        validate_schema({})
    with pytest.raises(ConfigError, match="'n' must have"):
        validate_schema({"n": 3})
    with pytest.raises(ConfigError, match="no fields"):
        validate_schema({"g": {}})
    with pytest.raises(ConfigError, match="without a name"):
        validate_schema({" ": "x"})


def test_table_grid_csv_and_html_round_trip() -> None:
    rows = [["Name", "Note"], ["Ann", 'says "hi", twice'], ["<b>", ""]]
    html = rows_to_html(rows)
    assert "&lt;b&gt;" in html
    assert parse_table_html(html) == rows
    assert rows_to_csv(rows) == 'Name,Note\r\nAnn,"says ""hi"", twice"\r\n<b>,\r\n'


def test_nested_table_is_not_mixed_in() -> None:
    html = "<table><tr><td>a<table><tr><td>inner</td></tr></table></td><td>b</td></tr></table>"
    assert parse_table_html(html) == [["a", "b"]]


def test_renderings_per_task() -> None:
    formula = OcrResult(OcrTask.FORMULA, "```latex\n$$E = mc^2$$\n```")
    assert formula.latex == "E = mc^2" and formula.markdown == "$$\nE = mc^2\n$$"
    assert formula.rendered() == "E = mc^2\n"
    document = OcrResult(OcrTask.DOCUMENT, "```markdown\n# Title\n\nBody\n```")
    assert document.rendered() == "# Title\n\nBody\n"
    table = OcrResult(OcrTask.TABLE, "<table><tr><td>a</td><td>b</td></tr></table>")
    assert table.plain_text == "a\tb" and table.rendered() == "a,b\r\n"
    boxes = OcrResult(OcrTask.POSITIONS, "", words=(OcrWord("Hi", (1, 2, 3, 2, 3, 4, 1, 4), (2, 3, 2, 2, 0)),))
    assert boxes.plain_text == "Hi" and not boxes.is_empty
    assert OcrResult(OcrTask.TEXT, "  \n").is_empty
    assert OcrResult(OcrTask.KEYINFO, "", kv={"a": "", "b": {"c": None}}).is_empty
    assert OcrResult(OcrTask.KEYINFO, "", kv={"a": "", "b": {"c": "x"}}).plain_text == "a: \nb / c: x"
