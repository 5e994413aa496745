"""OCR history: every recognition a user made (thumbnail, task, text, translation), to come back to later.

Storage: ``data_dir()/ocr_history.sqlite3`` (SQLite, WAL), schema version in ``PRAGMA user_version``::

    entries(id, created_at, source, task, model, text, result JSON, translation, target_lang, thumbnail BLOB,
            usage JSON)

``result`` keeps what is needed to show the result again without asking the service (boxes, key information,
the model's raw text); ``thumbnail`` is a small PNG (made by ``media.ocr_images.make_thumbnail``), never the image.

Thread rule: one connection (``check_same_thread=False``) serialised by a lock; callers keep disk work off the Qt
thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interpreter.errors import StorageError
from interpreter.store import texts
from interpreter.store.paths import data_dir

HISTORY_FILE = "ocr_history.sqlite3"
SCHEMA_VERSION = 1
#: A recognised page is at most a few thousand characters; anything past 200 000 is not worth keeping twice.
_MAX_TEXT_CHARS = 200_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  TEXT NOT NULL,
    source      TEXT NOT NULL,
    task        TEXT NOT NULL,
    model       TEXT NOT NULL,
    text        TEXT NOT NULL,
    result      TEXT NOT NULL DEFAULT '{}',
    translation TEXT NOT NULL DEFAULT '',
    target_lang TEXT NOT NULL DEFAULT '',
    thumbnail   BLOB,
    usage       TEXT NOT NULL DEFAULT '{}'
);
"""


@dataclass(frozen=True)
class OcrHistoryEntry:
    """One stored recognition (``id`` is 0 until stored)."""

    source: str
    task: str
    model: str
    text: str
    result: dict[str, Any] = field(default_factory=dict)
    translation: str = ""
    target_lang: str = ""
    thumbnail: bytes | None = None
    usage: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    id: int = 0


class OcrHistory:
    """The OCR history database (see the module docstring).

    Args:
        path: the database file (default ``data_dir()/ocr_history.sqlite3``).

    Raises:
        StorageError: the file cannot be opened or created.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / HISTORY_FILE
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StorageError(texts.OCR_HISTORY_TOO_NEW(path=str(self.path)))
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(texts.OCR_HISTORY_CANNOT_OPEN(path=str(self.path), reason=str(exc))) from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        try:
            with self._lock:
                return self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise StorageError(texts.OCR_HISTORY_WRITE_FAILED(reason=str(exc))) from exc

    def add(self, entry: OcrHistoryEntry) -> int:
        """Store ``entry``; return its id."""
        created = entry.created_at or datetime.now(UTC).isoformat(timespec="seconds")
        cursor = self._run(
            "INSERT INTO entries (created_at, source, task, model, text, result, translation, target_lang, "
            "thumbnail, usage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                created,
                entry.source,
                entry.task,
                entry.model,
                entry.text[:_MAX_TEXT_CHARS],
                json.dumps(entry.result, ensure_ascii=False),
                entry.translation[:_MAX_TEXT_CHARS],
                entry.target_lang,
                entry.thumbnail,
                json.dumps(entry.usage),
            ),
        )
        return int(cursor.lastrowid or 0)

    def set_translation(self, entry_id: int, translation: str, target_lang: str) -> None:
        """Keep the translation of entry ``entry_id``."""
        self._run(
            "UPDATE entries SET translation = ?, target_lang = ? WHERE id = ?",
            (translation[:_MAX_TEXT_CHARS], target_lang, entry_id),
        )

    def entries(self, limit: int = 100) -> list[OcrHistoryEntry]:
        """The latest ``limit`` entries, newest first."""
        rows = self._run(
            "SELECT id, created_at, source, task, model, text, result, translation, target_lang, thumbnail, usage "
            "FROM entries ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [_entry(row) for row in rows]

    def get(self, entry_id: int) -> OcrHistoryEntry | None:
        row = self._run(
            "SELECT id, created_at, source, task, model, text, result, translation, target_lang, thumbnail, usage "
            "FROM entries WHERE id = ?",
            (entry_id,),
        ).fetchone()
        return _entry(row) if row else None

    def delete(self, entry_id: int) -> None:
        self._run("DELETE FROM entries WHERE id = ?", (entry_id,))


def _entry(row: tuple[Any, ...]) -> OcrHistoryEntry:
    (entry_id, created, source, task, model, text, result, translation, target, thumbnail, usage) = row
    return OcrHistoryEntry(
        source=source,
        task=task,
        model=model,
        text=text,
        result=json.loads(result or "{}"),
        translation=translation,
        target_lang=target,
        thumbnail=thumbnail,
        usage=json.loads(usage or "{}"),
        created_at=created,
        id=entry_id,
    )
