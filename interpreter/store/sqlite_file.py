"""Opening the app's SQLite files (journal, job list): WAL, FULL sync, a versioned schema, and a damaged file set
aside instead of stopping the app. One place, so every database behaves the same when something goes wrong."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from interpreter.core.messages import MessageTemplate
from interpreter.errors import StorageError

__all__ = ["DatabaseTexts", "open_database"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DatabaseTexts:
    """What a user is told about one database: it cannot be opened (``{path}``), was set aside (``{file}``), a new
    one cannot be created, or it was written by a newer version of the app."""

    cannot_open: MessageTemplate
    set_aside: MessageTemplate
    cannot_create: MessageTemplate
    too_new: MessageTemplate


def open_database(
    path: Path,
    *,
    schema: str,
    version: int,
    texts: DatabaseTexts,
    clock: Callable[[], datetime],
    notices: list[str],
    check_same_thread: bool = True,
) -> sqlite3.Connection:
    """Open (or create) ``path`` with ``schema`` at ``PRAGMA user_version`` ``version``.

    A file that is not a database is moved aside (``<name>.corrupt-<stamp>``, with its -wal/-shm), a fresh one is
    started and ``notices`` gets one sentence saying so.

    Raises:
        StorageError: the folder or file cannot be opened, a fresh file cannot be created, or the file was written
            by a newer schema.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _connect(path, schema, version, texts, check_same_thread)
    except sqlite3.DatabaseError as exc:
        if not path.exists():
            raise StorageError(texts.cannot_open(path=str(path)), detail=str(exc)) from exc
        moved = _move_aside(path, clock)
        notices.append(texts.set_aside(file=moved.name))
        _log.warning("%s unreadable (%s); moved to %s", path, exc, moved)
        try:
            return _connect(path, schema, version, texts, check_same_thread)
        except sqlite3.Error as exc2:
            raise StorageError(texts.cannot_create(), detail=str(exc2)) from exc2
    except OSError as exc:
        raise StorageError(texts.cannot_open(path=str(path)), detail=str(exc)) from exc


def _connect(
    path: Path, schema: str, version: int, texts: DatabaseTexts, check_same_thread: bool
) -> sqlite3.Connection:
    # isolation_level=None: autocommit; changes of several statements use explicit BEGIN ... COMMIT.
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=check_same_thread)
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        # FULL: one fsync per commit. A commit is a finished sentence or a paid answer, seconds apart; it must
        # survive a power cut, not only a process crash.
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        found = int(db.execute("PRAGMA user_version").fetchone()[0])
        if found > version:
            raise StorageError(texts.too_new(), detail=f"user_version {found} > {version}")
        if found < 1:
            db.executescript(schema)
            db.execute(f"PRAGMA user_version={version}")
    except (sqlite3.Error, StorageError):
        db.close()
        raise
    return db


def _move_aside(path: Path, clock: Callable[[], datetime]) -> Path:
    stamp = clock().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            src.replace(Path(str(target) + suffix))
    return target
