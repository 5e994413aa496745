"""The session journal: every finalized segment of every live session, saved the moment it is final.

Storage:
- ``data_dir()/journal.sqlite3`` (SQLite in WAL mode, ``synchronous=FULL``): table ``sessions`` (one row per live
  session; ``ended_at`` stays NULL until a clean end) and table ``segments`` (one row per finalized segment). Each
  :meth:`SessionJournal.append_segment` is its own committed transaction, so a crash, a kill or a power cut loses at
  most the segment being spoken. FULL rather than NORMAL sync: one fsync per segment (every few seconds) is cheap and
  also survives power loss, not only a process crash.
- ``data_dir()/sessions/<id>/translation.pcm``: the translated speech (24 kHz mono s16le) appended as it arrives and
  fsync'ed at each segment end; each segment row records its byte range in that file.

Startup recovery: :meth:`unfinished_sessions` lists sessions that never ended cleanly (the app crashed); the app
offers them for export and then calls :meth:`mark_recovered`.

Everything stored passes through :func:`interpreter.core.redaction.redact` first, so a key that slips into a
transcript, a meta field or an error text never reaches the disk.

Thread rule: a journal owns one SQLite connection, created with ``check_same_thread=True``; create it, use it and
close it on one thread only (SQLite raises ``ProgrammingError`` otherwise). Each call does a little blocking disk
I/O (one commit, at most one fsync); a live session's writes go through :class:`JournalWriter`, which keeps them
off the UI thread on a journal of its own.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import shutil
import sqlite3
import wave
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from interpreter.core.captions import GAP_TEXT, MAX_SIDE_CHARS
from interpreter.core.messages import MessageTemplate
from interpreter.core.pcm import SAMPLE_WIDTH, VOICE_RATE
from interpreter.core.redaction import redact
from interpreter.core.timecode import Cue, CueMode, cue_text, render_srt, render_vtt
from interpreter.errors import StorageError
from interpreter.store import texts
from interpreter.store.atomic import atomic_write_text, atomic_write_with
from interpreter.store.paths import data_dir
from interpreter.store.sqlite_file import DatabaseTexts, open_database

_log = logging.getLogger(__name__)

JOURNAL_FILE = "journal.sqlite3"
SESSIONS_DIR = "sessions"
AUDIO_FILE = "translation.pcm"

_JOURNAL_TEXTS = DatabaseTexts(
    cannot_open=texts.HISTORY_CANNOT_OPEN,
    set_aside=texts.HISTORY_SET_ASIDE,
    cannot_create=texts.HISTORY_CANNOT_CREATE,
    too_new=texts.HISTORY_NEWER,
)

#: ``PRAGMA user_version`` of the schema below; bump with a migration step in ``_migrate`` when it changes.
SCHEMA_VERSION = 1

#: Shown length of a segment whose end time is unknown: about the time needed to read a two-line subtitle.
DEFAULT_CUE_MS = 3_000


#: WAV export copies audio in 1 MiB chunks so a two-hour recording (~350 MB) never sits in memory at once.
_COPY_CHUNK = 1 << 20

#: Longest single stored text; the caption track bounds live text the same way (a runaway segment cannot bloat the DB).
_MAX_TEXT_CHARS = MAX_SIDE_CHARS

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at   TEXT NOT NULL,
    ended_at     TEXT,
    recovered_at TEXT,
    model        TEXT NOT NULL DEFAULT '',
    source       TEXT,
    target       TEXT NOT NULL DEFAULT '',
    meta         TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS segments (
    session_id   INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    start_ms     INTEGER,
    end_ms       INTEGER,
    source       TEXT NOT NULL DEFAULT '',
    translation  TEXT NOT NULL DEFAULT '',
    language     TEXT,
    usage        TEXT,
    audio_offset INTEGER,
    audio_bytes  INTEGER,
    gap          INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (session_id, idx)
);
CREATE INDEX IF NOT EXISTS sessions_unfinished ON sessions(ended_at, recovered_at);
"""


@dataclass(frozen=True)
class SessionInfo:
    """One session as listed in history.

    Attributes:
        segment_count: speech segments (gap markers not counted).
        duration_ms: end of the last segment (session-relative), 0 when there are no timed segments.
        clean: True when the session ended normally (``ended_at`` set).
    """

    id: int
    started_at: datetime
    ended_at: datetime | None
    recovered_at: datetime | None
    model: str
    source: str | None
    target: str
    meta: dict[str, Any]
    segment_count: int
    duration_ms: int
    audio_bytes: int

    @property
    def clean(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True)
class SegmentRecord:
    """One stored segment (times are session-relative milliseconds, None when unknown)."""

    index: int
    start_ms: int | None
    end_ms: int | None
    source: str
    translation: str
    language: str | None
    usage: dict[str, Any] | None
    audio_offset: int | None
    audio_bytes: int | None
    created_at: datetime
    gap: bool = False


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _clean_text(value: Any) -> str:
    text = "" if value is None else str(value)
    return redact(text[:_MAX_TEXT_CHARS])


def _json(value: Any) -> str:
    # default=str: meta may hold enums or paths; they are stored as their text rather than failing the session.
    return redact(json.dumps(value, ensure_ascii=False, default=str))


def _as_mapping(segment: Mapping[str, Any] | Any) -> dict[str, Any]:
    if isinstance(segment, Mapping):
        return dict(segment)
    if dataclasses.is_dataclass(segment) and not isinstance(segment, type):
        return {f.name: getattr(segment, f.name) for f in dataclasses.fields(segment)}
    raise TypeError(f"a segment must be a mapping or a dataclass, got {type(segment).__name__}")


def _usage_json(usage: Any) -> str | None:
    if usage is None:
        return None
    if dataclasses.is_dataclass(usage) and not isinstance(usage, type):
        usage = dataclasses.asdict(usage)
    return _json(usage)


def _first(data: Mapping[str, Any], *names: str) -> Any:
    """The value of the first key present (segment dicts come from protocol.Segment or hand-made dicts)."""
    for name in names:
        if name in data:
            return data[name]
    return None


class SessionJournal:
    """SQLite-backed history of live sessions (see the module docstring for storage, durability and thread rules).

    Args:
        path: the database file; default ``data_dir()/journal.sqlite3``.
        sessions_dir: where per-session audio goes; default ``sessions/`` next to the database.
        clock: returns the current UTC time (tests inject a fixed clock).

    Raises:
        StorageError: the database cannot be opened or created. A file that is not a database is moved aside
            (``journal.sqlite3.corrupt-<stamp>``), a fresh journal is started and ``notices`` says so.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        sessions_dir: Path | None = None,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.path = path if path is not None else data_dir() / JOURNAL_FILE
        self.sessions_dir = sessions_dir if sessions_dir is not None else self.path.parent / SESSIONS_DIR
        self._clock = clock
        self._audio: dict[int, BinaryIO] = {}
        # Sessions this instance started or wrote to and has not ended: live, so never offered as "crashed".
        self._live: set[int] = set()
        self.notices: list[str] = []
        self._db = self._open()

    # ---------------------------------------------------------------------------------------------------- lifecycle

    def _open(self) -> sqlite3.Connection:
        return open_database(
            self.path,
            schema=_SCHEMA,
            version=SCHEMA_VERSION,
            texts=_JOURNAL_TEXTS,
            clock=self._clock,
            notices=self.notices,
            check_same_thread=True,
        )

    def close(self) -> None:
        """Flush and close audio files and the database. Sessions still open stay unfinished (recoverable)."""
        for session_id in list(self._audio):
            self._close_audio(session_id)
        self._db.close()

    def __enter__(self) -> SessionJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _writing(self, action: MessageTemplate) -> Iterator[sqlite3.Connection]:
        try:
            yield self._db
        except sqlite3.Error as exc:
            raise StorageError(texts.HISTORY_WRITE_FAILED(action=action()), detail=str(exc)) from exc

    # ---------------------------------------------------------------------------------------------------- sessions

    def start_session(self, meta: Mapping[str, Any] | None = None) -> int:
        """Record the start of a live session and return its id.

        Args:
            meta: anything worth keeping (model, languages, voice, devices...). ``model``, ``source_language`` and
                ``target_language`` also fill their own columns. Stored as JSON, redacted.
        """
        meta = dict(meta or {})
        with self._writing(texts.ACTION_START_SESSION) as db:
            cursor = db.execute(
                "INSERT INTO sessions(started_at, model, source, target, meta) VALUES (?, ?, ?, ?, ?)",
                (
                    _iso(self._clock()),
                    str(meta.get("model") or ""),
                    meta.get("source_language"),
                    str(meta.get("target_language") or ""),
                    _json(meta),
                ),
            )
        session_id = cursor.lastrowid
        assert session_id is not None  # INSERT into a rowid table always sets it
        self._live.add(session_id)
        return session_id

    def append_segment(self, session_id: int, segment: Mapping[str, Any] | Any) -> int:
        """Store one finalized segment, committed before returning; also fsyncs the session's audio so far.

        Args:
            segment: a mapping (or a dataclass such as ``protocol.session.Segment``) with any of: ``index``/``idx``,
                ``start_ms``, ``end_ms``, ``source_text``/``source``, ``translation_text``/``translation``,
                ``source_language``/``language``, ``usage`` (mapping or dataclass), ``gap`` (True for a marker of lost
                audio between ``start_ms`` and ``end_ms``). Without an index the next free one is used. Storing an
                index again replaces it (a segment re-finalized after a reconnect). Gap markers live in their own,
                negative index range (-1, -2, ...): the protocol numbers sentences 0, 1, 2... without counting gaps,
                so a gap must never take the index the next sentence will arrive with.

        Returns:
            The segment index stored.
        """
        data = _as_mapping(segment)
        self._require_session(session_id)
        offset, nbytes = self._sync_audio(session_id)
        gap = bool(data.get("gap"))
        index = None if gap else _first(data, "index", "idx")
        with self._writing(texts.ACTION_SAVE_SEGMENT) as db:
            if gap:
                row = db.execute(
                    "SELECT COALESCE(MIN(idx) - 1, -1) FROM segments WHERE session_id = ? AND idx < 0", (session_id,)
                ).fetchone()
                index = int(row[0])
            elif index is None:
                row = db.execute(
                    "SELECT COALESCE(MAX(idx) + 1, 0) FROM segments WHERE session_id = ?", (session_id,)
                ).fetchone()
                index = int(row[0])
            db.execute(
                "INSERT OR REPLACE INTO segments(session_id, idx, start_ms, end_ms, source, translation, language, "
                "usage, audio_offset, audio_bytes, gap, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    int(index),
                    _first(data, "start_ms"),
                    _first(data, "end_ms"),
                    _clean_text(_first(data, "source_text", "source")),
                    _clean_text(_first(data, "translation_text", "translation")),
                    _first(data, "source_language", "language"),
                    _usage_json(data.get("usage")),
                    offset,
                    nbytes,
                    1 if gap else 0,
                    _iso(self._clock()),
                ),
            )
        return int(index)

    def append_audio(self, session_id: int, pcm: bytes) -> None:
        """Append translated speech (24 kHz mono s16le) to the session's audio file.

        Buffered, not fsync'ed: the next :meth:`append_segment` or :meth:`end_session` makes it durable.
        """
        if not pcm:
            return
        stream = self._audio.get(session_id)
        if stream is None:
            self._require_session(session_id)
            directory = self.session_dir(session_id)
            try:
                directory.mkdir(parents=True, exist_ok=True)
                stream = (directory / AUDIO_FILE).open("ab")
            except OSError as exc:
                raise StorageError(texts.AUDIO_SAVE_FAILED(), detail=str(exc)) from exc
            self._audio[session_id] = stream
        try:
            stream.write(pcm)
        except OSError as exc:
            raise StorageError(texts.AUDIO_SAVE_FAILED(), detail=str(exc)) from exc

    def end_session(self, session_id: int) -> None:
        """Mark a session as cleanly ended (audio flushed and closed first)."""
        self._close_audio(session_id)
        with self._writing(texts.ACTION_END_SESSION) as db:
            db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (_iso(self._clock()), session_id))

    def unfinished_sessions(self) -> list[SessionInfo]:
        """Sessions that never ended cleanly and were not yet recovered (left by a crash), oldest first.

        Sessions open in this journal right now are not included: they are live, not crashed.
        """
        rows = self._query_sessions("WHERE s.ended_at IS NULL AND s.recovered_at IS NULL", "ORDER BY s.id ASC")
        return [info for info in rows if info.id not in self._audio and info.id not in self._live]

    def mark_recovered(self, session_id: int) -> None:
        """Note that the user has been offered this crashed session, so it is not offered again."""
        with self._writing(texts.ACTION_UPDATE_SESSION) as db:
            db.execute("UPDATE sessions SET recovered_at = ? WHERE id = ?", (_iso(self._clock()), session_id))

    def list_sessions(self) -> list[SessionInfo]:
        """Every session, newest first, with segment counts and durations."""
        return self._query_sessions("", "ORDER BY s.id DESC")

    def session(self, session_id: int) -> SessionInfo | None:
        """One session, or None when it does not exist."""
        rows = self._query_sessions("WHERE s.id = ?", "", (session_id,))
        return rows[0] if rows else None

    def segments(self, session_id: int) -> list[SegmentRecord]:
        """The stored segments of a session: sentences in index order, each gap marker placed by its start time."""
        rows = self._db.execute(
            "SELECT * FROM segments WHERE session_id = ? ORDER BY idx ASC", (session_id,)
        ).fetchall()
        records = [
            SegmentRecord(
                index=int(r["idx"]),
                start_ms=r["start_ms"],
                end_ms=r["end_ms"],
                source=r["source"],
                translation=r["translation"],
                language=r["language"],
                usage=json.loads(r["usage"]) if r["usage"] else None,
                audio_offset=r["audio_offset"],
                audio_bytes=r["audio_bytes"],
                created_at=datetime.fromisoformat(r["created_at"]),
                gap=bool(r["gap"]),
            )
            for r in rows
        ]
        return _in_time_order(records)

    def delete_session(self, session_id: int) -> None:
        """Delete a session, its segments and its audio folder (no error when it does not exist)."""
        self._close_audio(session_id)
        self._live.discard(session_id)
        with self._writing(texts.ACTION_DELETE_SESSION) as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        shutil.rmtree(self.session_dir(session_id), ignore_errors=True)

    def session_dir(self, session_id: int) -> Path:
        """``sessions/<id>`` (may not exist when the session has no audio)."""
        return self.sessions_dir / str(session_id)

    def audio_path(self, session_id: int) -> Path:
        """The session's raw translated audio file (may not exist)."""
        return self.session_dir(session_id) / AUDIO_FILE

    # ---------------------------------------------------------------------------------------------------- exports

    def cues(self, session_id: int, mode: CueMode = CueMode.BILINGUAL) -> list[Cue]:
        """Timed cues for subtitle export. A missing start follows the previous cue; a missing or inverted end
        lasts :data:`DEFAULT_CUE_MS` but never runs into the next cue's start."""
        records = self.segments(session_id)
        cues: list[Cue] = []
        previous_end = 0
        for i, rec in enumerate(records):
            start = rec.start_ms if rec.start_ms is not None and rec.start_ms >= 0 else previous_end
            end = rec.end_ms if rec.end_ms is not None and rec.end_ms > start else start + DEFAULT_CUE_MS
            if rec.end_ms is None or rec.end_ms <= start:
                following = next((r.start_ms for r in records[i + 1 :] if r.start_ms is not None), None)
                if following is not None and start < following < end:
                    end = following
            cues.append(Cue(start, end, GAP_TEXT if rec.gap else cue_text(rec.source, rec.translation, mode)))
            previous_end = end
        return cues

    def export_srt(self, session_id: int, path: Path, mode: CueMode | str = CueMode.BILINGUAL) -> Path:
        """Write the session as SubRip subtitles (atomic). Returns ``path``."""
        atomic_write_text(path, render_srt(self.cues(self._existing(session_id), CueMode(mode))))
        return path

    def export_vtt(self, session_id: int, path: Path, mode: CueMode | str = CueMode.BILINGUAL) -> Path:
        """Write the session as WebVTT subtitles (atomic). Returns ``path``."""
        atomic_write_text(path, render_vtt(self.cues(self._existing(session_id), CueMode(mode))))
        return path

    def export_txt(self, session_id: int, path: Path, mode: CueMode | str = CueMode.BILINGUAL) -> Path:
        """Write the session as plain text, one paragraph per segment (atomic). Returns ``path``."""
        mode = CueMode(mode)
        paragraphs = [
            GAP_TEXT if r.gap else cue_text(r.source, r.translation, mode)
            for r in self.segments(self._existing(session_id))
        ]
        text = "\n\n".join(p for p in paragraphs if p)
        atomic_write_text(path, text + "\n" if text else "")
        return path

    def export_wav(self, session_id: int, path: Path) -> Path:
        """Write the session's translated speech as a 24 kHz mono 16-bit WAV (atomic). Returns ``path``.

        A trailing odd byte (a crash mid-write) is dropped. A session without audio gives a valid, empty WAV.
        """
        self._existing(session_id)
        stream = self._audio.get(session_id)
        if stream is not None:
            stream.flush()
        source = self.audio_path(session_id)
        size = source.stat().st_size if source.exists() else 0
        frames = size // SAMPLE_WIDTH

        def write(out: BinaryIO) -> None:
            with wave.open(out, "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(SAMPLE_WIDTH)
                wav.setframerate(VOICE_RATE)
                wav.setnframes(frames)  # known up front, so the header is never patched after the data
                if frames:
                    with source.open("rb") as pcm:
                        remaining = frames * SAMPLE_WIDTH
                        while remaining:
                            chunk = pcm.read(min(_COPY_CHUNK, remaining))
                            if not chunk:
                                break
                            wav.writeframesraw(chunk)
                            remaining -= len(chunk)

        try:
            atomic_write_with(path, write)
        except (OSError, wave.Error) as exc:
            raise StorageError(texts.EXPORT_FAILED(path=str(path)), detail=str(exc)) from exc
        return path

    # ---------------------------------------------------------------------------------------------------- internals

    def _existing(self, session_id: int) -> int:
        if self.session(session_id) is None:
            raise StorageError(texts.SESSION_MISSING(session=session_id))
        return session_id

    def _require_session(self, session_id: int) -> None:
        if session_id in self._audio or session_id in self._live:
            return
        row = self._db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise StorageError(texts.SESSION_MISSING(session=session_id))
        self._live.add(session_id)

    def _sync_audio(self, session_id: int) -> tuple[int | None, int | None]:
        """fsync the audio written so far; return (offset, length) of the bytes since the previous segment."""
        stream = self._audio.get(session_id)
        if stream is None:
            return None, None
        try:
            stream.flush()
            os.fsync(stream.fileno())
            end = stream.tell()
        except OSError as exc:
            raise StorageError(texts.AUDIO_SAVE_FAILED(), detail=str(exc)) from exc
        row = self._db.execute(
            "SELECT MAX(audio_offset + audio_bytes) FROM segments WHERE session_id = ?", (session_id,)
        ).fetchone()
        start = int(row[0]) if row and row[0] is not None else 0
        start = min(start, end)
        return start, end - start

    def _close_audio(self, session_id: int) -> None:
        stream = self._audio.pop(session_id, None)
        self._live.discard(session_id)
        if stream is None:
            return
        try:
            stream.flush()
            os.fsync(stream.fileno())
        except OSError:
            _log.exception("journal: could not flush audio of session %s", session_id)
        finally:
            stream.close()

    def _query_sessions(self, where: str, order: str, params: tuple[Any, ...] = ()) -> list[SessionInfo]:
        sql = (
            "SELECT s.*, COALESCE(SUM(g.gap = 0), 0) AS n, COALESCE(MAX(g.end_ms), 0) AS dur, "
            "COALESCE(MAX(g.audio_offset + g.audio_bytes), 0) AS abytes "
            f"FROM sessions s LEFT JOIN segments g ON g.session_id = s.id {where} GROUP BY s.id {order}"
        )
        result: list[SessionInfo] = []
        for r in self._db.execute(sql, params).fetchall():
            started = _parse_time(r["started_at"])
            assert started is not None  # NOT NULL column
            audio = self.audio_path(int(r["id"]))
            result.append(
                SessionInfo(
                    id=int(r["id"]),
                    started_at=started,
                    ended_at=_parse_time(r["ended_at"]),
                    recovered_at=_parse_time(r["recovered_at"]),
                    model=r["model"],
                    source=r["source"],
                    target=r["target"],
                    meta=json.loads(r["meta"] or "{}"),
                    segment_count=int(r["n"]),
                    duration_ms=int(r["dur"]),
                    audio_bytes=audio.stat().st_size if audio.exists() else int(r["abytes"]),
                )
            )
        return result


_T = TypeVar("_T")


def _in_time_order(records: list[SegmentRecord]) -> list[SegmentRecord]:
    """Sentences keep their index order; each gap goes before the first sentence that starts after it.

    A sentence without a start time (no VAD events) sorts with the sentence before it; gaps always have times.
    """
    keyed: list[tuple[int, int, SegmentRecord]] = []
    previous = 0
    for record in records:
        if record.gap:
            continue
        previous = record.start_ms if record.start_ms is not None else previous
        keyed.append((previous, 1, record))
    keyed += [(record.start_ms or 0, 0, record) for record in records if record.gap]
    keyed.sort(key=lambda item: (item[0], item[1]))  # stable: sentences with equal keys keep index order
    return [record for _, _, record in keyed]


class JournalWriter:
    """A live session's journal writes, run in order on one dedicated thread with its own connection.

    Each finished sentence costs a ``synchronous=FULL`` commit and an fsync of the voice; on the Qt thread those
    stall the captions (a slow disk takes tens of ms). The writer owns a second :class:`SessionJournal` on the same
    files, created, used and closed on its thread only (the journal's thread rule); WAL mode lets the app's own
    journal read what it commits at any time. Calls run first-in, first-out, so a segment row always follows the
    voice appended before it and ``end_session`` follows everything.

    Args:
        path: the journal database (the app's ``SessionJournal.path``).
        sessions_dir: its sessions folder (the app's ``SessionJournal.sessions_dir``).

    Raises:
        StorageError: the journal cannot be opened (from the constructor, which waits for the thread to open it).
    """

    def __init__(self, path: Path, *, sessions_dir: Path | None = None) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-writer")
        try:
            self._journal = self._executor.submit(SessionJournal, path, sessions_dir=sessions_dir).result()
        except BaseException:
            self._executor.shutdown(wait=False)
            raise

    def submit(self, method: str, *args: Any) -> Future[Any]:
        """Queue ``SessionJournal.<method>(*args)``; the future holds its result or its ``StorageError``."""
        return self._executor.submit(getattr(self._journal, method), *args)

    def run(self, call: Callable[[SessionJournal], _T]) -> Future[_T]:
        """Queue ``call(journal)`` with the writer's own journal (same order as :meth:`submit`); the future holds
        its result or its ``StorageError``."""
        return self._executor.submit(call, self._journal)

    def close(self) -> None:
        """Run what is queued, close the connection and stop the thread (blocking; idempotent)."""
        with contextlib.suppress(RuntimeError):  # already shut down
            self._executor.submit(self._journal.close).result()
        self._executor.shutdown(wait=True)
