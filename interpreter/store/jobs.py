"""Job records of file translation: every job, every segment, and every paid result the moment it arrives.

Storage: ``data_dir()/jobs.sqlite3`` (SQLite, WAL, ``synchronous=FULL``), schema version in ``PRAGMA user_version``:

    jobs(id, input_path, content_hash, options_hash, options JSON, kind, duration_ms, state, estimate JSON,
         usage JSON, outputs JSON, error, created_at, updated_at)            index (content_hash, options_hash)
    segments(job_id, idx, start_ms, end_ms, state, attempts, text, transcript, audio_bytes, usage JSON,
             finish_reason, error, speech JSON (voiced stretches), requested_at, done_at)
                                                                              primary key (job_id, idx)
    segment_audio(job_id, idx, pcm BLOB)                                      24 kHz mono s16le of one segment

Durability rules (the reason this module exists):

- :meth:`JobStore.mark_requested` commits ``requested`` (and the attempt count) *before* the caller sends the
  request, so after a crash we know which requests may have been paid for.
- :meth:`JobStore.mark_segment_done` stores the text, transcript, usage and the PCM **in one transaction** with the
  ``done`` state: a segment is either done with its whole result or not done at all. The PCM is a BLOB in its own
  table (not a file next to the DB) precisely so that this is one atomic commit; a ~30 s segment is ~1.4 MB, well
  within what SQLite stores comfortably, and the segments table stays small to scan.
- A done segment is never requested again (:meth:`Job.segments_to_request` skips it; nothing here moves a done
  segment back).

After a crash: :meth:`JobStore.interrupted_jobs` lists jobs still marked ``running`` (offer to resume);
:meth:`JobStore.find_finished` finds an earlier finished job of the same file with the same result-relevant options
(offer it from history instead of paying again).

Thread rule: a store owns one connection opened with ``check_same_thread=False`` and serialises every call with a
lock, so it may be called from any thread. The file-translation service calls it from ONE dedicated worker thread
(a single-thread executor), which keeps disk work off the event-loop (Qt) thread and keeps writes in call order.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from interpreter.core.jobs import (
    CostEstimate,
    FileTranslationOptions,
    Job,
    JobKind,
    JobSegment,
    JobState,
    SegmentState,
    Usage,
    check_job_transition,
    check_segment_transition,
)
from interpreter.core.redaction import redact
from interpreter.errors import StorageError
from interpreter.store import texts
from interpreter.store.paths import data_dir
from interpreter.store.sqlite_file import DatabaseTexts, open_database

_log = logging.getLogger(__name__)

JOBS_FILE = "jobs.sqlite3"

_JOBS_TEXTS = DatabaseTexts(
    cannot_open=texts.JOBS_CANNOT_OPEN,
    set_aside=texts.JOBS_SET_ASIDE,
    cannot_create=texts.JOBS_CANNOT_CREATE,
    too_new=texts.JOBS_TOO_NEW,
)

#: ``PRAGMA user_version`` of the schema below; bump with a migration step in ``_migrate`` when it changes.
SCHEMA_VERSION = 1

#: Longest stored translation/transcript of one segment: a 5-minute answer is at most 4 096 tokens (~16 000
#: characters); anything longer is not speech and must not bloat the database.
_MAX_TEXT_CHARS = 64_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    input_path    TEXT NOT NULL,
    content_hash  TEXT NOT NULL DEFAULT '',
    options_hash  TEXT NOT NULL,
    options       TEXT NOT NULL,
    kind          TEXT NOT NULL,
    duration_ms   INTEGER NOT NULL DEFAULT 0,
    state         TEXT NOT NULL,
    estimate      TEXT NOT NULL DEFAULT '{}',
    usage         TEXT NOT NULL DEFAULT '{}',
    outputs       TEXT NOT NULL DEFAULT '[]',
    error         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_content ON jobs(content_hash, options_hash);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs(state);
CREATE TABLE IF NOT EXISTS segments (
    job_id        INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    start_ms      INTEGER NOT NULL,
    end_ms        INTEGER NOT NULL,
    state         TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    text          TEXT NOT NULL DEFAULT '',
    transcript    TEXT NOT NULL DEFAULT '',
    audio_bytes   INTEGER NOT NULL DEFAULT 0,
    usage         TEXT NOT NULL DEFAULT '{}',
    finish_reason TEXT,
    error         TEXT NOT NULL DEFAULT '',
    speech        TEXT NOT NULL DEFAULT '[]',
    requested_at  TEXT,
    done_at       TEXT,
    PRIMARY KEY (job_id, idx)
);
CREATE TABLE IF NOT EXISTS segment_audio (
    job_id        INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    pcm           BLOB NOT NULL,
    PRIMARY KEY (job_id, idx),
    FOREIGN KEY (job_id, idx) REFERENCES segments(job_id, idx) ON DELETE CASCADE
);
"""


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _text(value: str) -> str:
    return redact(value[:_MAX_TEXT_CHARS])


def audio_ref(job_id: int, index: int) -> str:
    """The reference stored in :attr:`JobSegment.audio_ref` for a segment's PCM in this store."""
    return f"db:{job_id}/{index}"


class JobStore:
    """SQLite-backed job records (see the module docstring for schema, durability and thread rules).

    Args:
        path: the database file; default ``data_dir()/jobs.sqlite3``.
        clock: returns the current UTC time (tests may inject one).

    Raises:
        StorageError: the database cannot be opened or created. A file that is not a database is moved aside
            (``jobs.sqlite3.corrupt-<stamp>``), a fresh one is started and ``notices`` says so.
    """

    def __init__(self, path: Path | None = None, *, clock: Callable[[], datetime] = _now) -> None:
        self.path = path if path is not None else data_dir() / JOBS_FILE
        self._clock = clock
        self._lock = threading.Lock()
        self.notices: list[str] = []
        self._db = self._open()

    # ---------------------------------------------------------------------------------------------------- lifecycle

    def _open(self) -> sqlite3.Connection:
        return open_database(
            self.path,
            schema=_SCHEMA,
            version=SCHEMA_VERSION,
            texts=_JOBS_TEXTS,
            clock=self._clock,
            notices=self.notices,
            check_same_thread=False,  # calls come from the service's store thread; self._lock serialises them,
        )

    def close(self) -> None:
        """Close the database (everything is already committed)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> JobStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One committed transaction under the lock; SQLite failures become one StorageError sentence."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StorageError(texts.JOBS_WRITE_FAILED(), detail=f"could not {what}: {exc}") from exc

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise StorageError(texts.JOBS_UNREADABLE(), detail=str(exc)) from exc

    # ---------------------------------------------------------------------------------------------------- jobs

    def create_job(self, job: Job) -> Job:
        """Store a new job with its planned segments; returns it with its id (``job.id`` is ignored)."""
        now = _iso(self._clock())
        with self._transaction("add a job") as db:
            cursor = db.execute(
                "INSERT INTO jobs(input_path, content_hash, options_hash, options, kind, duration_ms, state, "
                "estimate, usage, outputs, error, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    job.input_path,
                    job.content_hash,
                    job.options_hash,
                    json.dumps(job.options.to_json()),
                    job.kind.value,
                    job.duration_ms,
                    job.state.value,
                    json.dumps(job.estimate.to_json()),
                    json.dumps(job.usage.to_json()),
                    json.dumps(list(job.outputs)),
                    _text(job.error),
                    now,
                    now,
                ),
            )
            job_id = cursor.lastrowid
            assert job_id is not None  # INSERT into a rowid table always sets it
            db.executemany(
                "INSERT INTO segments(job_id, idx, start_ms, end_ms, state, speech) VALUES (?,?,?,?,?,?)",
                [
                    (job_id, s.index, s.start_ms, s.end_ms, SegmentState.PENDING.value, json.dumps(s.speech))
                    for s in job.segments
                ],
            )
        stored = self.load_job(job_id)
        assert stored is not None
        return stored

    def set_state(self, job_id: int, state: JobState, *, error: str | None = None) -> Job:
        """Move a job to ``state`` (checked against the model), optionally with an error sentence.

        Raises:
            KeyError: no such job.
            IllegalTransition: the model does not allow the move.
        """
        with self._transaction("update a job") as db:
            current = self._job_state(db, job_id)
            check_job_transition(current, state)
            db.execute(
                "UPDATE jobs SET state = ?, error = COALESCE(?, error), updated_at = ? WHERE id = ?",
                (state.value, None if error is None else _text(error), _iso(self._clock()), job_id),
            )
        return self._require(job_id)

    def finish_job(self, job_id: int, outputs: Sequence[str]) -> Job:
        """Mark a job done with the files it wrote (one transaction)."""
        with self._transaction("finish a job") as db:
            check_job_transition(self._job_state(db, job_id), JobState.DONE)
            db.execute(
                "UPDATE jobs SET state = ?, outputs = ?, error = '', updated_at = ? WHERE id = ?",
                (JobState.DONE.value, json.dumps(list(outputs)), _iso(self._clock()), job_id),
            )
        return self._require(job_id)

    def set_estimate(self, job_id: int, estimate: CostEstimate) -> None:
        with self._transaction("update a job") as db:
            db.execute("UPDATE jobs SET estimate = ? WHERE id = ?", (json.dumps(estimate.to_json()), job_id))

    def load_job(self, job_id: int) -> Job | None:
        """A job with its segments (results' text included, PCM not), or None."""
        with self._reading() as db:
            row = db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return None
            segments = db.execute("SELECT * FROM segments WHERE job_id = ? ORDER BY idx", (job_id,)).fetchall()
        return _job_from_rows(row, segments)

    def list_jobs(self, states: Sequence[JobState] | None = None) -> list[Job]:
        """Jobs (oldest first), optionally only those in ``states``."""
        with self._reading() as db:
            if states:
                marks = ",".join("?" * len(states))
                ids = [
                    int(r[0])
                    for r in db.execute(
                        f"SELECT id FROM jobs WHERE state IN ({marks}) ORDER BY id", [s.value for s in states]
                    )
                ]
            else:
                ids = [int(r[0]) for r in db.execute("SELECT id FROM jobs ORDER BY id")]
        return [job for job in (self.load_job(i) for i in ids) if job is not None]

    def interrupted_jobs(self) -> list[Job]:
        """Jobs still marked running: the app stopped (crash, kill, closed laptop) while they ran. Offer to resume."""
        return self.list_jobs([JobState.RUNNING])

    def find_finished(self, content_hash: str, options_hash: str) -> Job | None:
        """The newest done job of the same content with the same result-relevant options, or None."""
        if not content_hash:
            return None
        with self._reading() as db:
            row = db.execute(
                "SELECT id FROM jobs WHERE content_hash = ? AND options_hash = ? AND state = ? ORDER BY id DESC",
                (content_hash, options_hash, JobState.DONE.value),
            ).fetchone()
        return None if row is None else self.load_job(int(row[0]))

    def delete_job(self, job_id: int) -> None:
        """Delete a job, its segments and their stored results (no error when it does not exist)."""
        with self._transaction("remove a job") as db:
            db.execute("DELETE FROM segment_audio WHERE job_id = ?", (job_id,))
            db.execute("DELETE FROM segments WHERE job_id = ?", (job_id,))
            db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))

    # ---------------------------------------------------------------------------------------------------- segments

    def mark_requested(self, job_id: int, index: int) -> JobSegment:
        """Record that a request for this segment is about to be sent (one more attempt), committed at once.

        Raises:
            IllegalTransition: the segment is done (a done segment is never requested again).
        """
        with self._transaction("record a request") as db:
            current = self._segment_state(db, job_id, index)
            check_segment_transition(current, SegmentState.REQUESTED)
            db.execute(
                "UPDATE segments SET state = ?, attempts = attempts + 1, requested_at = ?, error = '' "
                "WHERE job_id = ? AND idx = ?",
                (SegmentState.REQUESTED.value, _iso(self._clock()), job_id, index),
            )
        return self._require_segment(job_id, index)

    def mark_segment_done(
        self,
        job_id: int,
        index: int,
        *,
        text: str,
        transcript: str,
        pcm: bytes,
        usage: Usage,
        finish_reason: str | None,
    ) -> JobSegment:
        """Store a segment's whole result and mark it done, in ONE transaction (see the module docstring).

        The job's actual usage grows by ``usage`` in the same transaction.
        """
        with self._transaction("save a translated segment") as db:
            current = self._segment_state(db, job_id, index)
            check_segment_transition(current, SegmentState.DONE)
            db.execute(
                "UPDATE segments SET state = ?, text = ?, transcript = ?, audio_bytes = ?, usage = ?, "
                "finish_reason = ?, error = '', done_at = ? WHERE job_id = ? AND idx = ?",
                (
                    SegmentState.DONE.value,
                    _text(text),
                    _text(transcript),
                    len(pcm),
                    json.dumps(usage.to_json()),
                    finish_reason,
                    _iso(self._clock()),
                    job_id,
                    index,
                ),
            )
            if pcm:
                db.execute(
                    "INSERT OR REPLACE INTO segment_audio(job_id, idx, pcm) VALUES (?,?,?)", (job_id, index, pcm)
                )
            row = db.execute("SELECT usage FROM jobs WHERE id = ?", (job_id,)).fetchone()
            total = Usage.from_stored(json.loads(row[0])) + usage
            db.execute(
                "UPDATE jobs SET usage = ?, updated_at = ? WHERE id = ?",
                (json.dumps(total.to_json()), _iso(self._clock()), job_id),
            )
        return self._require_segment(job_id, index)

    def mark_segment_failed(self, job_id: int, index: int, error: str) -> JobSegment:
        """Record that a segment gave up (attempts exhausted or a fatal answer) with one sentence."""
        with self._transaction("record a failed segment") as db:
            check_segment_transition(self._segment_state(db, job_id, index), SegmentState.FAILED)
            db.execute(
                "UPDATE segments SET state = ?, error = ? WHERE job_id = ? AND idx = ?",
                (SegmentState.FAILED.value, _text(error), job_id, index),
            )
        return self._require_segment(job_id, index)

    def reset_failed_segments(self, job_id: int) -> int:
        """Failed segments back to pending (a retry); returns how many. Done segments are untouched."""
        with self._transaction("retry a job") as db:
            cursor = db.execute(
                "UPDATE segments SET state = ?, error = '' WHERE job_id = ? AND state = ?",
                (SegmentState.PENDING.value, job_id, SegmentState.FAILED.value),
            )
        return int(cursor.rowcount)

    def segment_audio(self, job_id: int, index: int) -> bytes:
        """The stored PCM of one done segment (b"" when it has none). Reads one segment only: memory stays flat."""
        with self._reading() as db:
            row = db.execute("SELECT pcm FROM segment_audio WHERE job_id = ? AND idx = ?", (job_id, index)).fetchone()
        return b"" if row is None else bytes(row[0])

    def adopt_results(self, source_job_id: int, target_job_id: int) -> int:
        """Copy the done segments of an earlier job into a new job with the same plan (reuse from history).

        Segments are matched by index *and* span, so a plan that differs copies nothing wrongly. The copy happens
        inside SQLite (no PCM passes through Python memory). Returns the number of segments adopted.
        """
        now = _iso(self._clock())
        with self._transaction("reuse an earlier translation") as db:
            matches = [
                int(r[0])
                for r in db.execute(
                    "SELECT t.idx FROM segments t JOIN segments s ON s.job_id = ? AND s.idx = t.idx "
                    "AND s.start_ms = t.start_ms AND s.end_ms = t.end_ms AND s.state = ? "
                    "WHERE t.job_id = ? AND t.state != ?",
                    (source_job_id, SegmentState.DONE.value, target_job_id, SegmentState.DONE.value),
                )
            ]
            for idx in matches:
                db.execute(
                    "UPDATE segments SET (state, text, transcript, audio_bytes, usage, finish_reason, error, done_at)"
                    " = (SELECT state, text, transcript, audio_bytes, '{}', finish_reason, '', ? FROM segments "
                    "WHERE job_id = ? AND idx = ?) WHERE job_id = ? AND idx = ?",
                    (now, source_job_id, idx, target_job_id, idx),
                )
                db.execute(
                    "INSERT OR REPLACE INTO segment_audio(job_id, idx, pcm) "
                    "SELECT ?, idx, pcm FROM segment_audio WHERE job_id = ? AND idx = ?",
                    (target_job_id, source_job_id, idx),
                )
        return len(matches)

    # ---------------------------------------------------------------------------------------------------- helpers

    @staticmethod
    def _job_state(db: sqlite3.Connection, job_id: int) -> JobState:
        row = db.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(f"no job {job_id}")
        return JobState(row[0])

    @staticmethod
    def _segment_state(db: sqlite3.Connection, job_id: int, index: int) -> SegmentState:
        row = db.execute("SELECT state FROM segments WHERE job_id = ? AND idx = ?", (job_id, index)).fetchone()
        if row is None:
            raise KeyError(f"no segment {index} in job {job_id}")
        return SegmentState(row[0])

    def _require(self, job_id: int) -> Job:
        job = self.load_job(job_id)
        if job is None:
            raise KeyError(f"no job {job_id}")
        return job

    def _require_segment(self, job_id: int, index: int) -> JobSegment:
        with self._reading() as db:
            row = db.execute("SELECT * FROM segments WHERE job_id = ? AND idx = ?", (job_id, index)).fetchone()
        if row is None:
            raise KeyError(f"no segment {index} in job {job_id}")
        return _segment_from_row(job_id, row)


def _segment_from_row(job_id: int, row: sqlite3.Row) -> JobSegment:
    index = int(row["idx"])
    audio_bytes = int(row["audio_bytes"])
    return JobSegment(
        index=index,
        start_ms=int(row["start_ms"]),
        end_ms=int(row["end_ms"]),
        state=SegmentState(row["state"]),
        attempts=int(row["attempts"]),
        text=str(row["text"]),
        transcript=str(row["transcript"]),
        audio_ref=audio_ref(job_id, index) if audio_bytes else None,
        audio_bytes=audio_bytes,
        usage=Usage.from_stored(json.loads(row["usage"] or "{}")),
        finish_reason=row["finish_reason"],
        error=str(row["error"]),
        speech=tuple((int(a), int(b)) for a, b in json.loads(row["speech"] or "[]")),
    )


def _job_from_rows(row: sqlite3.Row, segments: Sequence[sqlite3.Row]) -> Job:
    job_id = int(row["id"])
    options: dict[str, Any] = json.loads(row["options"])
    return Job(
        id=job_id,
        input_path=str(row["input_path"]),
        content_hash=str(row["content_hash"]),
        options=FileTranslationOptions.from_json(options),
        kind=JobKind(row["kind"]),
        duration_ms=int(row["duration_ms"]),
        state=JobState(row["state"]),
        segments=tuple(_segment_from_row(job_id, s) for s in segments),
        estimate=CostEstimate.from_json(json.loads(row["estimate"] or "{}")),
        usage=Usage.from_stored(json.loads(row["usage"] or "{}")),
        outputs=tuple(json.loads(row["outputs"] or "[]")),
        error=str(row["error"]),
    )
