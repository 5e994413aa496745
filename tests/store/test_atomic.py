"""store.atomic: the target is either the old or the new content, never partial; no temp files are left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from interpreter.errors import StorageError
from interpreter.store.atomic import atomic_write_bytes, atomic_write_text, atomic_write_with, atomic_writer


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    atomic_write_text(target, "first\n")
    assert target.read_text() == "first\n"
    atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert _leftovers(target.parent) == []


def test_writer_that_raises_midway_leaves_old_content_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old and complete")

    class Boom(RuntimeError):
        pass

    def half_then_fail(stream) -> None:
        stream.write(b"new but half")
        raise Boom

    with pytest.raises(Boom):
        atomic_write_with(target, half_then_fail)
    assert target.read_text() == "old and complete"
    assert _leftovers(tmp_path) == []


def test_writer_that_raises_before_first_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "never.txt"
    with pytest.raises(KeyError), atomic_writer(target):
        raise KeyError("x")
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_existing_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "shared.txt"
    target.write_text("x")
    os.chmod(target, 0o640)
    atomic_write_text(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_unwritable_folder_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StorageError) as info:
        atomic_write_text(blocker / "x.txt", "data")
    assert "Cannot write" in info.value.user_message


def test_os_error_inside_the_block_becomes_storage_error(tmp_path: Path) -> None:
    target = tmp_path / "x.bin"
    with pytest.raises(StorageError), atomic_writer(target):
        raise OSError(28, "No space left on device")
    assert not target.exists() and _leftovers(tmp_path) == []
