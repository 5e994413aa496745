"""Root test configuration: isolation every test gets without asking.

- Qt renders offscreen unless a test starts Xvfb itself.
- Config, data and log dirs point into a temp dir (the app honours these variables; see interpreter.store.paths).
- The keyring is an in-memory backend, so no test can read or write a real keychain.
- ``DASHSCOPE_API_KEY`` from the developer's shell never leaks into a test.
"""

from __future__ import annotations

import os

# Before any QApplication exists (see ../shared/notes/headless-testing.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import keyring
import pytest

from tests.fakes.keyring_memory import MemoryKeyring

pytest_plugins = ["tests.fakes.emulator_fixtures"]


@pytest.fixture(autouse=True)
def isolated_app_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    base = tmp_path_factory.mktemp("appdirs")
    dirs = {
        "LIVE_INTERPRETER_CONFIG_DIR": str(base / "config"),
        "LIVE_INTERPRETER_DATA_DIR": str(base / "data"),
        "LIVE_INTERPRETER_LOG_DIR": str(base / "logs"),
        "LIVE_INTERPRETER_CACHE_DIR": str(base / "cache"),
    }
    for name, value in dirs.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
    return dirs


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend  # type: ignore[misc]
    keyring.set_keyring(previous)
