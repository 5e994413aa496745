"""Where the app keeps its files: config, data (sessions journal, recordings), logs and cache.

Each directory comes from an environment override when set (tests and portable installs use them), otherwise from
platformdirs for the app name ``LiveInterpreter``. Directories are created on first use, never at import.

    config_dir()  LIVE_INTERPRETER_CONFIG_DIR  settings.json, user pricing overrides, glossaries
    data_dir()    LIVE_INTERPRETER_DATA_DIR    journal.sqlite3, sessions/<id>/translation.pcm
    log_dir()     LIVE_INTERPRETER_LOG_DIR     rotating log files
    cache_dir()   LIVE_INTERPRETER_CACHE_DIR   disposable downloads and thumbnails
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from interpreter.errors import StorageError
from interpreter.store import texts

APP_NAME = "LiveInterpreter"

CONFIG_DIR_ENV = "LIVE_INTERPRETER_CONFIG_DIR"
DATA_DIR_ENV = "LIVE_INTERPRETER_DATA_DIR"
LOG_DIR_ENV = "LIVE_INTERPRETER_LOG_DIR"
CACHE_DIR_ENV = "LIVE_INTERPRETER_CACHE_DIR"


def _resolve(env_name: str, default: str) -> Path:
    override = os.environ.get(env_name, "").strip()
    path = Path(override).expanduser() if override else Path(default)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            texts.CANNOT_CREATE_FOLDER(path=str(path), variable=env_name),
            detail=str(exc),
        ) from exc
    return path


def config_dir() -> Path:
    """The per-user configuration folder (created if missing).

    Raises:
        StorageError: the folder cannot be created.
    """
    # appauthor=False: no vendor sub-folder on Windows (one "LiveInterpreter" level, not two).
    return _resolve(CONFIG_DIR_ENV, platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The per-user data folder for the session journal and recordings (created if missing).

    Raises:
        StorageError: the folder cannot be created.
    """
    return _resolve(DATA_DIR_ENV, platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The per-user log folder (created if missing).

    Raises:
        StorageError: the folder cannot be created.
    """
    return _resolve(LOG_DIR_ENV, platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The per-user cache folder; anything in it may be deleted at any time (created if missing).

    Raises:
        StorageError: the folder cannot be created.
    """
    return _resolve(CACHE_DIR_ENV, platformdirs.user_cache_dir(APP_NAME, appauthor=False))
