"""Records of image translations: one row per picture, with its qwen-mt-image task id saved the moment it exists.

Storage: ``data_dir()/image_tasks.sqlite3`` (SQLite, WAL, ``synchronous=FULL``; its own file, so it never competes
with the file-translation job list), schema version in ``PRAGMA user_version``:

    images(id, source_path, target, options JSON, endpoint, state, task_id, task_status, output_path, note, error,
           billed, created_at, updated_at)

Durability rules (why this exists; spec §6 "Don't resubmit — poll"):

- :meth:`ImageTaskStore.mark_submitting` commits ``submitting`` *before* the submit request is sent, and
  :meth:`ImageTaskStore.set_task_id` commits the task id as soon as the answer arrives. After a crash, a
  ``submitted`` row is polled again with the same task id (never resubmitted); a ``submitting`` row without a task
  id is not resubmitted automatically either (the request may have reached the service and been billed) — it is
  marked failed with a sentence offering "retry".
- A finished row (``done``/``failed``/``cancelled``) is never changed by a resume.

Thread rule: one connection with ``check_same_thread=False`` and a lock; callers on the event loop use a worker
thread (``asyncio.to_thread``) so disk work stays off the Qt thread.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from interpreter.errors import StorageError
from interpreter.store import texts
from interpreter.store.paths import data_dir

IMAGE_TASKS_FILE: Final = "image_tasks.sqlite3"
SCHEMA_VERSION: Final = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS images (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_path TEXT NOT NULL,
    target TEXT NOT NULL,
    options TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    state TEXT NOT NULL,
    task_id TEXT,
    task_status TEXT,
    output_path TEXT,
    note TEXT,
    error TEXT,
    billed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS images_state ON images(state);
"""


class RecordState(StrEnum):
    """Where a picture's translation stands, as stored."""

    QUEUED = "queued"
    SUBMITTING = "submitting"
    SUBMITTED = "submitted"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


UNFINISHED_STATES: Final = frozenset({RecordState.SUBMITTING, RecordState.SUBMITTED})


@dataclass(frozen=True)
class ImageRecord:
    """One stored row (see the module docstring)."""

    id: int
    source_path: Path
    target: str
    options: Mapping[str, Any]
    endpoint: str
    state: RecordState
    task_id: str | None
    task_status: str | None
    output_path: Path | None
    note: str | None
    error: str | None
    billed: bool


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ImageTaskStore:
    """SQLite-backed image translation records (thread-safe).

    Args:
        path: the database file; default ``data_dir()/image_tasks.sqlite3``.

    Raises:
        StorageError: the database cannot be opened, or was written by a newer version.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else data_dir() / IMAGE_TASKS_FILE
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: a task id is a paid request's receipt; it must survive a power cut, not only a crash.
            self._db.execute("PRAGMA synchronous=FULL")
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StorageError(
                    texts.IMAGE_TASKS_TOO_NEW(),
                    detail=f"user_version {version}",
                )
            if version < 1:
                self._db.executescript(_SCHEMA)
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(
                texts.IMAGE_TASKS_CANNOT_OPEN(path=str(self.path)),
                detail=str(exc),
            ) from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ImageTaskStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise StorageError(texts.IMAGE_TASKS_WRITE_FAILED(), detail=str(exc)) from exc

    def add(self, source_path: Path, target: str, options: Mapping[str, Any], endpoint: str) -> int:
        """A new ``queued`` row; returns its id."""
        now = _now()
        with self._writing() as db:
            cursor = db.execute(
                "INSERT INTO images (source_path, target, options, endpoint, state, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (str(source_path), target, json.dumps(dict(options)), endpoint, RecordState.QUEUED.value, now, now),
            )
            return int(cursor.lastrowid or 0)

    def _update(self, record_id: int, **values: Any) -> None:
        columns = ", ".join(f"{name} = ?" for name in values)
        with self._writing() as db:
            db.execute(
                f"UPDATE images SET {columns}, updated_at = ? WHERE id = ?",  # names are ours, values bound
                (*values.values(), _now(), record_id),
            )

    def mark_submitting(self, record_id: int) -> None:
        """Commit ``submitting`` before the submit request is sent."""
        self._update(record_id, state=RecordState.SUBMITTING.value, error=None, note=None)

    def set_task_id(self, record_id: int, task_id: str, task_status: str) -> None:
        """Commit the service's task id the moment the submit answer arrives."""
        self._update(record_id, state=RecordState.SUBMITTED.value, task_id=task_id, task_status=task_status)

    def set_task_status(self, record_id: int, task_status: str) -> None:
        self._update(record_id, task_status=task_status)

    def finish(
        self,
        record_id: int,
        state: RecordState,
        *,
        output_path: Path | None = None,
        note: str | None = None,
        error: str | None = None,
        billed: bool = False,
    ) -> None:
        """Record the outcome (``done``, ``failed`` or ``cancelled``)."""
        self._update(
            record_id,
            state=state.value,
            output_path=str(output_path) if output_path else None,
            note=note,
            error=error,
            billed=int(billed),
        )

    def requeue(self, record_id: int) -> None:
        """Back to ``queued`` for "retry failed" (the old task id is forgotten: a new task will be made)."""
        self._update(
            record_id, state=RecordState.QUEUED.value, task_id=None, task_status=None, error=None, note=None, billed=0
        )

    def get(self, record_id: int) -> ImageRecord | None:
        with self._writing() as db:
            row = db.execute("SELECT * FROM images WHERE id = ?", (record_id,)).fetchone()
        return _record(row) if row else None

    def unfinished(self) -> list[ImageRecord]:
        """Rows a crash or quit interrupted (``submitting``/``submitted``), oldest first."""
        with self._writing() as db:
            rows = db.execute(
                "SELECT * FROM images WHERE state IN (?, ?) ORDER BY id",
                tuple(s.value for s in (RecordState.SUBMITTING, RecordState.SUBMITTED)),
            ).fetchall()
        return [_record(r) for r in rows]

    def all(self) -> list[ImageRecord]:
        with self._writing() as db:
            rows = db.execute("SELECT * FROM images ORDER BY id").fetchall()
        return [_record(r) for r in rows]


def _record(row: sqlite3.Row) -> ImageRecord:
    return ImageRecord(
        id=int(row["id"]),
        source_path=Path(row["source_path"]),
        target=str(row["target"]),
        options=json.loads(row["options"]),
        endpoint=str(row["endpoint"]),
        state=RecordState(row["state"]),
        task_id=row["task_id"],
        task_status=row["task_status"],
        output_path=Path(row["output_path"]) if row["output_path"] else None,
        note=row["note"],
        error=row["error"],
        billed=bool(row["billed"]),
    )
