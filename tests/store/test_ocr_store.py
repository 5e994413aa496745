"""store.ocr_history (real SQLite) and store.ocr_schemas (atomic JSON)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interpreter.errors import StorageError
from interpreter.store.ocr_history import OcrHistory, OcrHistoryEntry
from interpreter.store.ocr_schemas import EXAMPLE_SCHEMAS, OcrSchemaStore


def test_history_round_trip_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    history = OcrHistory(path)
    first = history.add(OcrHistoryEntry("a.png", "text", "qwen-vl-ocr", "Hello", thumbnail=b"\x89PNG..."))
    second = history.add(
        OcrHistoryEntry(
            "b.png", "table", "qwen-vl-ocr", "x\ty", result={"words": [], "kv": None}, usage={"input_tokens": 9}
        )
    )
    history.set_translation(first, "[de] Hello", "de")
    history.close()
    reopened = OcrHistory(path)  # survives a restart
    entries = reopened.entries()
    assert [e.id for e in entries] == [second, first]
    assert entries[1].translation == "[de] Hello" and entries[1].target_lang == "de"
    assert entries[1].thumbnail == b"\x89PNG..." and entries[0].usage == {"input_tokens": 9}
    assert entries[0].result == {"words": [], "kv": None} and entries[0].created_at
    reopened.delete(first)
    assert reopened.get(first) is None and reopened.get(second) is not None
    reopened.close()


def test_history_in_an_unwritable_place_is_one_sentence(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocker = tmp_path / "file"
        blocker.write_text("x")
        with pytest.raises(StorageError, match="cannot be opened"):
            OcrHistory(blocker / "h.sqlite3")  # a file where the folder should be
        return
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    with pytest.raises(StorageError, match="cannot be opened"):
        OcrHistory(folder / "sub" / "h.sqlite3")


def test_schemas_saved_atomically_and_examples_first(tmp_path: Path) -> None:
    store = OcrSchemaStore(tmp_path / "conf" / "ocr_schemas.json")
    assert store.load() == EXAMPLE_SCHEMAS
    store.save("Ticket", {"Date": "", "Seat": {"Row": "", "Number": ""}})
    assert OcrSchemaStore(store.path).load()["Ticket"]["Seat"] == {"Row": "", "Number": ""}
    store.delete("Ticket")
    assert "Ticket" not in store.load()
    store.path.write_text("{broken", encoding="utf-8")
    assert store.load() == EXAMPLE_SCHEMAS  # a damaged file does not take the tab down
