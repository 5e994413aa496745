"""Checkpoints of Qwen-MT text jobs (SQLite, WAL): each translated unit is stored the moment its request answers.

A text job is keyed by what decides its translations (file content, model, languages, terms, translation memory,
domain hint): running the same job again — after a crash, a kill, a closed laptop — asks only for the units not yet
stored, so no paid request is repeated because of our own failure. The billed usage of every answered request is
kept beside the units so the job's total survives a restart.

Why not ``store.jobs``: that store models media jobs as time segments with audio references; text jobs are keyed by
cue/paragraph ("12", "12.3" for a cut paragraph) and may be re-planned after a split, so they get their own small
file (``mt_jobs.sqlite3`` in the data folder) rather than a migration of a schema another part owns. The two can
be merged later without changing this module's callers.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from interpreter.errors import StorageError
from interpreter.store.paths import data_dir

__all__ = ["MT_JOBS_FILE", "MtCheckpointStore", "MtJobRecord", "StoredUsage"]

MT_JOBS_FILE = "mt_jobs.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS mt_jobs (
    job_key TEXT PRIMARY KEY,
    source_path TEXT NOT NULL,
    model TEXT NOT NULL,
    target TEXT NOT NULL,
    units_total INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    output_path TEXT
);
CREATE TABLE IF NOT EXISTS mt_units (
    job_key TEXT NOT NULL REFERENCES mt_jobs(job_key) ON DELETE CASCADE,
    unit_key TEXT NOT NULL,
    translation TEXT NOT NULL,
    PRIMARY KEY (job_key, unit_key)
);
CREATE TABLE IF NOT EXISTS mt_requests (
    job_key TEXT NOT NULL REFERENCES mt_jobs(job_key) ON DELETE CASCADE,
    answered_at TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL
);
"""


@dataclass(frozen=True)
class StoredUsage:
    """Billed tokens of a job's answered requests."""

    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0


@dataclass(frozen=True)
class MtJobRecord:
    """A text job as stored."""

    job_key: str
    source_path: str
    model: str
    target: str
    units_total: int
    units_done: int
    finished: bool
    output_path: str | None


class MtCheckpointStore:
    """The checkpoint file; safe to use from several coroutines of one thread (each call is one transaction).

    Args:
        path: the SQLite file (default ``<data dir>/mt_jobs.sqlite3``).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / MT_JOBS_FILE
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA foreign_keys=ON")
                db.executescript(_SCHEMA)
            except sqlite3.Error as exc:
                raise StorageError(
                    f"The translation checkpoints at {self.path} cannot be opened; check the disk and permissions.",
                    detail=str(exc),
                ) from exc
            self._db = db
        return self._db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            db = self._connect()
            try:
                db.execute("BEGIN IMMEDIATE")
                yield db
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                db.execute("ROLLBACK")
                raise StorageError(
                    f"Saving translation progress to {self.path} failed; check free disk space.", detail=str(exc)
                ) from exc

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def open_job(self, job_key: str, *, source_path: str, model: str, target: str, units_total: int) -> None:
        """Create the job's row unless it exists (an existing job keeps its stored units)."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO mt_jobs (job_key, source_path, model, target, units_total, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (job_key, source_path, model, target, units_total, _now()),
            )

    def save_answer(self, job_key: str, translations: Mapping[str, str], input_tokens: int, output_tokens: int) -> None:
        """Store one answered request: its units' translations and its billed usage, in one transaction."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO mt_units (job_key, unit_key, translation) VALUES (?, ?, ?)",
                [(job_key, key, text) for key, text in translations.items()],
            )
            db.execute(
                "INSERT INTO mt_requests (job_key, answered_at, input_tokens, output_tokens) VALUES (?, ?, ?, ?)",
                (job_key, _now(), input_tokens, output_tokens),
            )

    def translations(self, job_key: str) -> dict[str, str]:
        """Every stored unit translation of the job."""
        with self._lock:
            rows = (
                self._connect()
                .execute("SELECT unit_key, translation FROM mt_units WHERE job_key = ?", (job_key,))
                .fetchall()
            )
        return {str(key): str(text) for key, text in rows}

    def usage(self, job_key: str) -> StoredUsage:
        with self._lock:
            row = (
                self._connect()
                .execute(
                    "SELECT COUNT(*), COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0) "
                    "FROM mt_requests WHERE job_key = ?",
                    (job_key,),
                )
                .fetchone()
            )
        return StoredUsage(int(row[0]), int(row[1]), int(row[2]))

    def finish_job(self, job_key: str, output_path: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE mt_jobs SET finished_at = ?, output_path = ? WHERE job_key = ?", (_now(), output_path, job_key)
            )

    def job(self, job_key: str) -> MtJobRecord | None:
        with self._lock:
            db = self._connect()
            row = db.execute(
                "SELECT job_key, source_path, model, target, units_total, finished_at, output_path FROM mt_jobs "
                "WHERE job_key = ?",
                (job_key,),
            ).fetchone()
            if row is None:
                return None
            done = db.execute("SELECT COUNT(*) FROM mt_units WHERE job_key = ?", (job_key,)).fetchone()[0]
        return MtJobRecord(row[0], row[1], row[2], row[3], int(row[4]), int(done), row[5] is not None, row[6])

    def unfinished_jobs(self) -> list[MtJobRecord]:
        """Jobs started but not finished (to offer resuming them)."""
        with self._lock:
            keys = [
                r[0]
                for r in self._connect()
                .execute("SELECT job_key FROM mt_jobs WHERE finished_at IS NULL ORDER BY created_at")
                .fetchall()
            ]
        return [record for key in keys if (record := self.job(key)) is not None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
