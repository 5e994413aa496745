"""`live-interpreter ocr` end to end through cli.main against the emulator (real Tesseract) on images drawn here:
text, a table to CSV, rotated text, key information by a schema file, translation, demo mode, and bad inputs with
their exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interpreter.cli import main
from tests.fakes.ocr_images import blank_image, table_image, text_image

INVOICE = ["Invoice number: 10283819", "Date: 2025-03-05", "Total 42.50 EUR"]


def _ocr(emu: Any, *args: str) -> int:
    return main(["ocr", *args, "--base-url", emu.base_url, "--api-key", emu.api_key])


@pytest.fixture
def invoice(tmp_path: Path) -> Path:
    path = tmp_path / "invoice.png"
    text_image(INVOICE).save(path)
    return path


def test_text_is_printed(emulator: Any, invoice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _ocr(emulator, str(invoice)) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[:2] == INVOICE[:2]
    assert "input tokens" in captured.err
    assert "invoice.png: 900×" in captured.err and "image tokens; reading with qwen-vl-ocr-latest" in captured.err


def test_table_written_as_csv_and_translated_keeping_the_grid(
    emulator: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "prices.png"
    table_image([["Name", "Price"], ["Apple", "1.20"], ["Pear", "0.95"]]).save(image)
    out = tmp_path / "prices.csv"
    assert _ocr(emulator, str(image), "--task", "table", "--out", str(out)) == 0
    assert out.read_bytes() == b"Name,Price\r\nApple,1.20\r\nPear,0.95\r\n"
    assert _ocr(emulator, str(image), "--task", "table", "--translate-to", "de") == 0
    assert capsys.readouterr().out == "[de] Name,[de] Price\r\n[de] Apple,1.20\r\n[de] Pear,0.95\r\n"


def test_rotated_text(emulator: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    image = tmp_path / "sideways.jpg"
    text_image(["Meeting moved to Friday", "Room 4 at ten o'clock"], size=40).rotate(270, expand=True).save(image)
    assert _ocr(emulator, str(image)) == 0
    assert "Meeting moved to Friday" in capsys.readouterr().out


def test_key_information_by_schema_and_translation(
    emulator: Any, invoice: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = tmp_path / "fields.json"
    schema.write_text(json.dumps({"Invoice number": "", "Money": {"Total": "amount due"}}), encoding="utf-8")
    assert _ocr(emulator, str(invoice), "--task", "keyinfo", "--schema", str(schema)) == 0
    assert json.loads(capsys.readouterr().out) == {"Invoice number": "10283819", "Money": {"Total": "42.50 EUR"}}
    glossary = tmp_path / "terms.csv"
    glossary.write_text("Invoice,Rechnung\n", encoding="utf-8")
    assert _ocr(emulator, str(invoice), "--translate-to", "de", "--glossary", str(glossary)) == 0
    assert capsys.readouterr().out.splitlines()[0] == "[de] Rechnung number: 10283819"


def test_demo_mode_reads_real_text(invoice: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ocr", str(invoice), "--demo", "--task", "positions"]) == 0
    captured = capsys.readouterr()
    boxes = json.loads(captured.out)
    assert boxes[0]["text"] == INVOICE[0] and len(boxes[0]["location"]) == 8
    assert "DEMO" in captured.err


def test_no_text_found_is_not_an_error(emulator: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    image = tmp_path / "empty-wall.png"
    blank_image().save(image)
    out = tmp_path / "result.txt"
    assert _ocr(emulator, str(image), "--out", str(out)) == 0
    assert "No text found in empty-wall.png." in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("make", "extra", "code", "sentence"),
    [
        (lambda p: p.write_text("just notes"), [], 2, "notes.png is not an image"),
        (lambda p: p.write_bytes(b""), [], 2, "notes.png is empty (0 bytes)"),
        (lambda p: blank_image(3, 3).save(p), [], 2, "only 3×3 px"),
        (lambda p: text_image(["x"]).save(p), ["--task", "keyinfo"], 2, "Key information needs a schema"),
        (lambda p: text_image(["x"]).save(p), ["--model", "qwen-vl-max"], 2, "Unknown OCR model qwen-vl-max"),
        (lambda p: text_image(["Hello"]).save(p), ["--out", "/nonexistent-dir/x.txt"], 5, "does not exist"),
    ],
)
def test_bad_inputs_one_sentence_and_exit_code(
    emulator: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Any,
    extra: list[str],
    code: int,
    sentence: str,
) -> None:
    path = tmp_path / "notes.png"
    make(path)
    assert _ocr(emulator, str(path), *extra) == code
    err = capsys.readouterr().err
    assert sentence in err and err.count("error:") == 1 and "Traceback" not in err


def test_bad_schema_file_and_refused_key(emulator: Any, invoice: Path, tmp_path: Path, capsys: Any) -> None:
    schema = tmp_path / "fields.json"
    schema.write_text("{not json", encoding="utf-8")
    assert _ocr(emulator, str(invoice), "--task", "keyinfo", "--schema", str(schema)) == 2
    assert "is not valid JSON" in capsys.readouterr().err
    assert main(["ocr", str(invoice), "--base-url", emulator.base_url, "--api-key", "sk-wrong"]) == 3
    assert "rejected the API key" in capsys.readouterr().err
