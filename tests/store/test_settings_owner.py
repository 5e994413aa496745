"""store.settings_owner: every change goes through one owner, which saves it off the caller's path."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from interpreter.errors import StorageError
from interpreter.store.settings import Settings, load_settings
from interpreter.store.settings_owner import SettingsOwner


def test_without_a_loop_a_change_waits_for_save_now(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    owner = SettingsOwner(Settings(), path=path)
    seen: list[Settings] = []
    owner.subscribe(seen.append)
    owner.change(caption_font_size=20)
    assert owner.current.caption_font_size == 20 and seen == [owner.current]
    assert owner.pending and not path.exists()
    owner.save_now()
    assert not owner.pending
    assert load_settings(path).settings.caption_font_size == 20


def test_an_equal_value_is_no_change(tmp_path: Path) -> None:
    owner = SettingsOwner(Settings(), path=tmp_path / "settings.json")
    owner.update(Settings())
    assert not owner.pending


async def test_changes_are_saved_in_the_background_and_coalesced(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    owner = SettingsOwner(Settings(), path=path)
    owner.change(ui_language="zh_CN")
    owner.change(caption_font_size=30)  # while the first save may still run: saved with the newest value
    await owner.flush()
    assert not owner.pending
    saved = load_settings(path).settings
    assert (saved.ui_language, saved.caption_font_size) == ("zh_CN", 30)


async def test_a_failed_background_save_is_reported_and_flush_tries_again(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the settings folder should be")
    errors: list[StorageError] = []
    failed = asyncio.Event()

    def on_error(error: StorageError) -> None:
        errors.append(error)
        failed.set()

    owner = SettingsOwner(Settings(), path=blocked / "settings.json", on_error=on_error)
    owner.change(caption_font_size=18)
    await asyncio.wait_for(failed.wait(), 10)
    assert errors and errors[0].user_message
    owner.change(caption_font_size=19)
    with pytest.raises(StorageError):
        await owner.flush()
