"""store.glossaries: named glossaries persisted as versioned JSON in the config folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from interpreter.core.glossary import Glossary, GlossaryEntry
from interpreter.errors import ConfigError
from interpreter.store.glossaries import FILE_NAME, SCHEMA_VERSION, GlossaryStore, GlossaryStoreError

KEYNOTE = Glossary(
    "Keynote 2025",
    [GlossaryEntry("Alibaba Cloud", "阿里云"), GlossaryEntry("Liora Mira", "")],
    source_lang="en",
    target_lang="zh",
)
CLIENT = Glossary("ACME client", [GlossaryEntry("widget", "Bauteil")], target_lang="de")


def test_default_path_is_in_the_config_dir() -> None:
    store = GlossaryStore()
    assert store.path == Path(os.environ["LIVE_INTERPRETER_CONFIG_DIR"]) / FILE_NAME
    assert store.load() == []


def test_save_and_load_round_trip_keeps_order_pairs_and_unicode(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path / FILE_NAME)
    store.save([KEYNOTE, CLIENT])
    assert store.load() == [KEYNOTE, CLIENT]
    document = json.loads(store.path.read_text(encoding="utf-8"))
    assert document["schema_version"] == SCHEMA_VERSION
    assert "阿里云" in store.path.read_text(encoding="utf-8")  # readable, not \u-escaped
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_put_replaces_renames_in_place_and_delete_removes(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path / FILE_NAME)
    store.put(KEYNOTE)
    store.put(CLIENT)
    store.put(Glossary("Keynote 2026", KEYNOTE.entries), replacing="keynote 2025")
    assert store.names() == ["Keynote 2026", "ACME client"]
    assert store.get("acme CLIENT") == CLIENT
    assert store.delete("ACME client") is True
    assert store.delete("ACME client") is False
    assert store.names() == ["Keynote 2026"]


@pytest.mark.parametrize("names", [["A", "a "], ["", "B"]])
def test_names_must_be_unique_and_non_empty(tmp_path: Path, names: list[str]) -> None:
    store = GlossaryStore(tmp_path / FILE_NAME)
    with pytest.raises(ConfigError) as caught:
        store.save([Glossary(n) for n in names])
    assert caught.value.field == "name"
    assert not store.path.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2]",
        b'{"schema_version": 1, "glossaries": [{"name": 3}]}',
        b'{"schema_version": 1, "glossaries": [{"name": "x", "entries": [{"source": "a"}]}]}',
    ],
)
def test_corrupt_file_is_moved_aside_and_named_in_the_error(tmp_path: Path, content: bytes) -> None:
    store = GlossaryStore(tmp_path / FILE_NAME)
    store.path.write_bytes(content)
    with pytest.raises(GlossaryStoreError) as caught:
        store.load()
    backups = list(tmp_path.glob("glossaries.corrupt-*.json"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == content
    assert str(backups[0]) in caught.value.user_message
    assert store.load() == []  # the next start is clean, and saving works again
    store.save([CLIENT])
    assert store.load() == [CLIENT]


def test_file_from_a_newer_version_is_refused_and_never_overwritten(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path / FILE_NAME)
    newer = json.dumps({"schema_version": SCHEMA_VERSION + 1, "glossaries": [], "future": True})
    store.path.write_text(newer, encoding="utf-8")
    with pytest.raises(GlossaryStoreError, match="newer version"):
        store.load()
    with pytest.raises(GlossaryStoreError, match="newer version"):
        store.save([CLIENT])
    assert store.path.read_text(encoding="utf-8") == newer
    assert not list(tmp_path.glob("glossaries.corrupt-*"))
