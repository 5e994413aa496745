"""`live-interpreter summarize` end to end against the emulator (in-process through cli.main)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from interpreter.cli import main
from interpreter.cli.common import EXIT_AUTH, EXIT_CONFIG


def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "transcript.jsonl"
    records = [
        {"index": 0, "start_ms": 0, "end_ms": 2000, "source": "We must fix the door.",
         "translation": "Wir müssen die Tür reparieren.", "language": "en"},
        {"index": 1, "start_ms": 2500, "end_ms": 4000, "source": "Good night.", "translation": "Gute Nacht.",
         "language": "en"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_summarize_prints_markdown_and_writes_it(
    tmp_path: Path, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.md"
    code = main(
        ["summarize", str(transcript(tmp_path)), "--lang", "de", "--model", "tongyi-xiaomi-analysis-pro",
         "--base-url", emulator.base_url, "--api-key", emulator.api_key, "--out", str(out)]
    )  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.startswith("# Session summary\n")
    assert "## en" in captured.out and "- [ ] [DEMO] We must fix the door." in captured.out
    assert "## de" in captured.out and "- [DEMO] Wir müssen die Tür reparieren." in captured.out
    assert "Estimated cost: up to about" in captured.err
    assert captured.err.index("Estimated cost") < captured.err.index("Used ")
    assert out.read_text(encoding="utf-8") == captured.out


def test_summarize_demo_without_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["summarize", str(transcript(tmp_path)), "--demo"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "DEMO — not a real summary" in captured.err
    assert "[DEMO summary] 2 segments" in captured.out


def test_bad_transcript_exits_2_with_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.jsonl"
    bad.write_text("hello\n", encoding="utf-8")
    code = main(["summarize", str(bad), "--demo"])
    err = capsys.readouterr().err
    assert code == EXIT_CONFIG
    assert err.startswith("error: Line 1 of") and str(bad) in err and err.count("\n") == 1


def test_wrong_key_exits_3(tmp_path: Path, emulator: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["summarize", str(transcript(tmp_path)), "--base-url", emulator.base_url, "--api-key", "sk-bad"])
    assert code == EXIT_AUTH
    assert "rejected the API key" in capsys.readouterr().err
