"""Files a live session leaves behind: a JSON-lines transcript, bilingual SRT captions, the translated voice as WAV.

Each writer is built so that a crash or Ctrl+C keeps what was already said:

- ``TranscriptJsonlWriter`` appends one JSON object per finalized segment and flushes (and fsyncs) it at once;
  a reader never sees more than the last line torn.
- ``SrtWriter`` rewrites the whole caption file atomically (temp file, then rename) after every segment, so the
  file on disk is always a complete, valid SRT of everything final so far; ``close()`` writes the final version.
- ``TranslationWavWriter`` streams the 24 kHz voice through ``media.wav.WavWriter`` (temp file, header patched and
  renamed on close).

Gaps (speech lost in a reconnect that outlasted the replay buffer) appear as their own transcript line and caption.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from interpreter.core.captions import GAP_TEXT
from interpreter.core.pcm import VOICE_RATE
from interpreter.core.timecode import Cue, CueMode, cue_text, render_srt
from interpreter.errors import StorageError
from interpreter.media.wav import WavWriter
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
    """Bilingual SRT captions, always complete on disk.

    Args:
        path: the ``.srt`` file.
        mode: what each cue shows (source line then translation line by default).

    Raises:
        StorageError: from ``add_*``/``close`` when the file cannot be written (the previous version stays intact).
    """

    def __init__(self, path: str | os.PathLike[str], mode: CueMode = CueMode.BILINGUAL) -> None:
        self.path = Path(path)
        self.mode = mode
        self._cues: list[Cue] = []
        self._dirty = False
        self._last_end_ms = 0

    def add_segment(self, segment: Segment) -> None:
        """Add one finalized segment as a cue and rewrite the file."""
        text = cue_text(segment.source_text, segment.translation_text, self.mode)
        # The service may not report times for a segment (no VAD events); place it right after the previous cue.
        start = segment.start_ms if segment.start_ms is not None else self._last_end_ms
        end = segment.end_ms if segment.end_ms is not None else start
        self._add(Cue(max(0, start), max(0, start, end), text))

    def add_gap(self, start_ms: int, end_ms: int) -> None:
        """Add a visible gap cue and rewrite the file."""
        self._add(Cue(max(0, start_ms), max(0, end_ms), GAP_TEXT))

    def _add(self, cue: Cue) -> None:
        if not cue.text.strip():
            return
        self._last_end_ms = max(self._last_end_ms, cue.end_ms)
        self._cues.append(cue)
        self._dirty = True
        self.flush()

    def flush(self) -> None:
        """Rewrite the file atomically if anything changed since the last write."""
        if not self._dirty:
            return
        # Cues are ordered by start time: after a reconnect a replayed segment can finish before a gap cue
        # that precedes it in time. sorted() is stable, so equal starts keep arrival order.
        cues = sorted(self._cues, key=lambda cue: cue.start_ms)
        atomic_write_text(self.path, render_srt(cues))
        self._dirty = False

    def close(self) -> Path:
        """Write the final version (an empty file when nothing was said) and return its path."""
        if not self.path.exists():
            self._dirty = True
        self.flush()
        return self.path


class TranslationWavWriter:
    """The translated voice, 24 kHz mono 16-bit, in the order the service sent it.

    Raises:
        MediaFileError: from the constructor, ``write`` or ``close`` (see ``media.wav.WavWriter``).
    """

    def __init__(self, path: str | os.PathLike[str], rate: int = VOICE_RATE) -> None:
        self._wav = WavWriter(path, rate)
        self.path = self._wav.path

    @property
    def duration_s(self) -> float:
        return self._wav.duration_s

    def write(self, pcm: bytes) -> None:
        """Append one audio delta."""
        self._wav.write(pcm)

    def close(self) -> Path:
        """Finalize the WAV (idempotent) and return its path."""
        return self._wav.close()
