"""Files a live session leaves behind: a JSON-lines transcript, bilingual SRT captions, the translated voice as WAV.

Each writer is built so that a crash or Ctrl+C keeps what was already said:

- ``TranscriptJsonlWriter`` appends one JSON object per finalized segment and flushes (and fsyncs) it at once;
  a reader never sees more than the last line torn.
- ``SrtWriter`` appends each cue as it becomes final (flushed, so a killed process keeps it): the file on disk is
  always a valid SRT of everything final so far; ``close()`` rewrites it once in time order if needed.
- ``TranslationWavWriter`` streams the 24 kHz voice into the WAV under its final name (``media.wav.GrowingWavWriter``)
  and patches its header at every ``checkpoint()`` (once per finished sentence), so after a ``kill -9`` the file
  plays every finished sentence; ``recover_earlier_sessions`` extends it to everything that reached the disk.

Gaps (speech lost in a reconnect that outlasted the replay buffer, or never answered by a stalled service) appear
as their own transcript line and caption.

Reusing an output folder (one policy for the CLI and the GUI): a session never appends to or replaces another
session's files. The first session in a folder writes ``transcript.jsonl``, ``captions.srt``, ``translation.wav``;
each later one takes the next free number for all three at once: ``transcript-2.jsonl``, ``captions-2.srt``,
``translation-2.wav``, and so on (``claim_session_files``). Before that, ``recover_earlier_sessions`` repairs what
an interrupted earlier session left (a WAV header behind its data, an old hidden ``.part`` WAV) so the caller can
report it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from interpreter.core.captions import GAP_TEXT
from interpreter.core.pcm import VOICE_RATE
from interpreter.core.timecode import Cue, CueMode, cue_text, render_srt
from interpreter.errors import StorageError
from interpreter.media.wav import GrowingWavWriter, recover_wav
from interpreter.protocol.session_events import Segment
from interpreter.services import texts
from interpreter.store.atomic import atomic_write_text

TRANSCRIPT_NAME = "transcript.jsonl"
CAPTIONS_NAME = "captions.srt"
TRANSLATION_AUDIO_NAME = "translation.wav"


def segment_record(segment: Segment) -> dict[str, Any]:
    """The transcript object for one segment (the JSON-lines schema, documented in ``TranscriptJsonlWriter``)."""
    return {
        "index": segment.index,
        "start_ms": segment.start_ms,
        "end_ms": segment.end_ms,
        "source": segment.source_text,
        "translation": segment.translation_text,
        "language": segment.source_language,
        "usage": asdict(segment.usage),
    }


class TranscriptJsonlWriter:
    """Append-only JSON-lines transcript.

    One UTF-8 JSON object per line:
    ``{"index", "start_ms", "end_ms", "source", "translation", "language", "usage"}`` per segment, and
    ``{"gap": true, "start_ms", "end_ms"}`` where speech was lost. Every line is flushed and fsynced as soon as it
    is written (a segment arrives every few seconds, so the fsync costs nothing noticeable).

    Raises:
        StorageError: the file cannot be opened or written.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file: TextIO | None = self.path.open("a", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise StorageError(texts.TRANSCRIPT_CANNOT_CREATE(path=str(self.path)), detail=str(exc)) from exc
        self.lines_written = 0

    def write_segment(self, segment: Segment) -> None:
        """Append one finalized segment."""
        self._write(segment_record(segment))

    def write_gap(self, start_ms: int, end_ms: int) -> None:
        """Append a gap marker."""
        self._write({"gap": True, "start_ms": start_ms, "end_ms": end_ms})

    def _write(self, record: dict[str, Any]) -> None:
        if self._file is None:
            raise RuntimeError("TranscriptJsonlWriter is closed")
        try:
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise StorageError(texts.TRANSCRIPT_WRITE_FAILED(file=self.path.name), detail=str(exc)) from exc
        self.lines_written += 1

    def close(self) -> Path:
        """Close the file (idempotent) and return its path."""
        if self._file is not None:
            self._file.close()
            self._file = None
        return self.path


class SrtWriter:
    """Bilingual SRT captions, a valid file on disk after every cue.

    Each cue is appended (and flushed: it survives a killed process) as it comes, instead of rewriting the whole
    file per sentence; a cue that arrives out of time order (a gap reported after the replayed sentence that
    follows it) is still a valid cue, and ``close()`` rewrites the file once, atomically, in time order.

    Args:
        path: the ``.srt`` file (created or replaced; the caller picks a fresh name).
        mode: what each cue shows (source line then translation line by default).

    Raises:
        StorageError: from ``add_*``/``close`` when the file cannot be written.
    """

    def __init__(self, path: str | os.PathLike[str], mode: CueMode = CueMode.BILINGUAL) -> None:
        self.path = Path(path)
        self.mode = mode
        self._cues: list[Cue] = []
        self._file: TextIO | None = None
        self._in_order = True
        self._last_end_ms = 0
        self._closed = False

    def add_segment(self, segment: Segment) -> None:
        """Add one finalized segment as a cue."""
        text = cue_text(segment.source_text, segment.translation_text, self.mode)
        # The service may not report times for a segment (no VAD events); place it right after the previous cue.
        start = segment.start_ms if segment.start_ms is not None else self._last_end_ms
        end = segment.end_ms if segment.end_ms is not None else start
        self._add(Cue(max(0, start), max(0, start, end), text))

    def add_gap(self, start_ms: int, end_ms: int) -> None:
        """Add a visible gap cue."""
        self._add(Cue(max(0, start_ms), max(0, end_ms), GAP_TEXT))

    def _add(self, cue: Cue) -> None:
        if not cue.text.strip():
            return
        if self._cues and cue.start_ms < max(c.start_ms for c in self._cues):
            self._in_order = False
        self._last_end_ms = max(self._last_end_ms, cue.end_ms)
        self._cues.append(cue)
        # render_srt numbers from 1: renumber the single block to its place in the file.
        block = str(len(self._cues)) + render_srt([cue])[1:]
        try:
            if self._file is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = self.path.open("w", encoding="utf-8", newline="\n")
            else:
                block = "\n" + block  # render_srt's separator between blocks
            self._file.write(block)
            self._file.flush()
        except OSError as exc:
            raise StorageError(texts.CAPTIONS_WRITE_FAILED(file=str(self.path)), detail=str(exc)) from exc

    def flush(self) -> None:
        """Push appended cues to the operating system (done after every cue already)."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> Path:
        """Close, rewriting the file in time order if cues came out of order (an empty file when nothing was said).
        Idempotent; returns the path."""
        if self._closed:
            return self.path
        self._closed = True
        file, self._file = self._file, None
        if file is not None:
            with contextlib.suppress(OSError):
                file.close()
        if file is None or not self._in_order:
            # sorted() is stable: equal starts keep arrival order.
            atomic_write_text(self.path, render_srt(sorted(self._cues, key=lambda cue: cue.start_ms)))
        return self.path


class TranslationWavWriter:
    """The translated voice, 24 kHz mono 16-bit, in the order the service sent it; valid on disk at each checkpoint.

    Raises:
        StorageError: from the constructor, ``write``, ``checkpoint`` or ``close`` (folder not writable, disk full).
    """

    def __init__(self, path: str | os.PathLike[str], rate: int = VOICE_RATE) -> None:
        self._wav = GrowingWavWriter(path, rate)
        self.path = self._wav.path

    @property
    def duration_s(self) -> float:
        return self._wav.duration_s

    def write(self, pcm: bytes) -> None:
        """Append one audio delta (durable at the next checkpoint)."""
        self._wav.write(pcm)

    def checkpoint(self) -> None:
        """Make everything written so far durable and playable (header patched, fsynced); call per sentence."""
        self._wav.checkpoint()

    def close(self) -> Path:
        """Finalize the WAV (idempotent) and return its path."""
        return self._wav.close()


# ---------------------------------------------------------------------------------------------- folder policy


@dataclass(frozen=True, slots=True)
class SessionFiles:
    """The three files of one session in an output folder; ``number`` 1 has the plain names."""

    number: int
    transcript: Path
    captions: Path
    translation_audio: Path

    def all(self) -> tuple[Path, Path, Path]:
        return self.transcript, self.captions, self.translation_audio


def session_files(out_dir: Path, number: int) -> SessionFiles:
    """The file names of session ``number`` (>= 1) in ``out_dir`` (see the module docstring)."""
    suffix = "" if number == 1 else f"-{number}"

    def named(name: str) -> Path:
        stem, dot, ext = name.partition(".")
        return out_dir / f"{stem}{suffix}{dot}{ext}"

    return SessionFiles(number, named(TRANSCRIPT_NAME), named(CAPTIONS_NAME), named(TRANSLATION_AUDIO_NAME))


def claim_session_files(out_dir: Path) -> SessionFiles:
    """The first session number none of whose files (nor a leftover hidden ``.part`` WAV) exists in ``out_dir``."""
    number = 1
    while True:
        files = session_files(out_dir, number)
        if not any(path.exists() for path in files.all()) and not _part_files(files.translation_audio):
            return files
        number += 1


@dataclass(frozen=True, slots=True)
class RecoveredSession:
    """An earlier session found in an output folder.

    Attributes:
        files: its files (some may be missing).
        sentences: finished sentences in its transcript.
        gaps: gap rows in its transcript.
        voice_s: seconds of translated voice in its WAV.
        repaired: its WAV had to be repaired (the session was interrupted: crash, kill, power loss).
    """

    files: SessionFiles
    sentences: int
    gaps: int
    voice_s: float
    repaired: bool


_PART_PATTERN = r"\.{name}\.[0-9a-f]+\.part"


def _part_files(wav: Path) -> list[Path]:
    """Hidden temporary WAVs an older version of the writer left beside ``wav`` when killed."""
    if not wav.parent.is_dir():
        return []
    pattern = re.compile(_PART_PATTERN.format(name=re.escape(wav.name)))
    return sorted(path for path in wav.parent.iterdir() if pattern.fullmatch(path.name))


def recover_earlier_sessions(out_dir: Path) -> list[RecoveredSession]:
    """Find the sessions already in ``out_dir`` and make their voice playable (see the module docstring).

    A WAV whose header lags behind its data is patched; a hidden ``.part`` WAV with no final file is patched and
    given the final name. Nothing is deleted.

    Raises:
        StorageError: a file could not be read or repaired.
    """
    found: list[RecoveredSession] = []
    number = 1
    while True:
        files = session_files(out_dir, number)
        parts = _part_files(files.translation_audio)
        if not any(path.exists() for path in files.all()) and not parts:
            return found
        try:
            voice_s, repaired = _recover_voice(files.translation_audio, parts)
            sentences, gaps = _count_rows(files.transcript)
        except OSError as exc:
            raise StorageError(texts.EARLIER_SESSION_UNREADABLE(folder=str(out_dir)), detail=str(exc)) from exc
        found.append(RecoveredSession(files, sentences, gaps, voice_s, repaired))
        number += 1


def _recover_voice(wav: Path, parts: list[Path]) -> tuple[float, bool]:
    if not wav.exists() and parts:
        recover_wav(parts[-1])
        os.replace(parts[-1], wav)
        return recover_wav(wav)[0], True
    if wav.exists():
        return recover_wav(wav)
    return 0.0, False


def _count_rows(transcript: Path) -> tuple[int, int]:
    """(sentences, gaps) in a transcript; a torn last line (killed mid-write) is not counted."""
    if not transcript.exists():
        return 0, 0
    sentences = gaps = 0
    for line in transcript.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("gap"):
            gaps += 1
        elif isinstance(record, dict):
            sentences += 1
    return sentences, gaps
