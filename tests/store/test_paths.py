"""store.paths: env overrides win, folders are created on demand."""

from __future__ import annotations

from pathlib import Path

import pytest

from interpreter.errors import StorageError
from interpreter.store import paths


def test_env_overrides_are_used_and_created(isolated_app_dirs: dict[str, str]) -> None:
    assert paths.config_dir() == Path(isolated_app_dirs["LIVE_INTERPRETER_CONFIG_DIR"])
    assert paths.data_dir() == Path(isolated_app_dirs["LIVE_INTERPRETER_DATA_DIR"])
    assert paths.log_dir() == Path(isolated_app_dirs["LIVE_INTERPRETER_LOG_DIR"])
    for directory in (paths.config_dir(), paths.data_dir(), paths.log_dir()):
        assert directory.is_dir()


def test_platformdirs_default_when_no_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    cache = paths.cache_dir()
    assert cache.name == paths.APP_NAME
    assert cache.is_dir()


def test_uncreatable_folder_raises_storage_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(blocker / "config"))
    with pytest.raises(StorageError) as info:
        paths.config_dir()
    assert paths.CONFIG_DIR_ENV in info.value.user_message
