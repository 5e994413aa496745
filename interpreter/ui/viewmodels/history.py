"""What the history view (``ui.history``) needs from the session journal: the list of sessions and the export.

Exporting reads the journal back (``store.journal.SessionJournal``), so a session cut short by a crash exports
exactly like a finished one. Qt-free: the view asks for the folder and shows the result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from interpreter.store.journal import SessionInfo as SessionInfo  # re-exported: the view lists these
from interpreter.store.journal import SessionJournal as SessionJournal  # re-exported: the launcher passes one

__all__ = ["HistoryViewModel", "SessionInfo", "SessionJournal", "export_session"]


def export_session(journal: SessionJournal, session_id: int, directory: Path, stem: str | None = None) -> list[Path]:
    """Write the session as SRT, VTT, TXT (bilingual) and WAV (when there is audio) into ``directory``.

    Raises:
        InterpreterError: from the journal (e.g. the folder is not writable).
    """
    directory.mkdir(parents=True, exist_ok=True)
    stem = stem or f"session-{session_id}"
    info = journal.session(session_id)
    exports: dict[str, Callable[[int, Path], Path]] = {
        "srt": journal.export_srt,
        "vtt": journal.export_vtt,
        "txt": journal.export_txt,
        "wav": journal.export_wav,
    }
    written = []
    for suffix, export in exports.items():
        if suffix == "wav" and info is not None and not info.audio_bytes:
            continue  # text-only session: no voice to export
        written.append(export(session_id, directory / f"{stem}.{suffix}"))
    return written


class HistoryViewModel:
    """The journal's sessions for the history view, and their export.

    Args:
        journal: the session journal.
    """

    def __init__(self, journal: SessionJournal) -> None:
        self._journal = journal

    def sessions(self) -> list[SessionInfo]:
        """Every session, newest first."""
        return self._journal.list_sessions()

    def export(self, session_id: int, directory: Path, stem: str | None = None) -> list[Path]:
        """:func:`export_session` of this journal (raises ``InterpreterError`` with a sentence for the user)."""
        return export_session(self._journal, session_id, directory, stem)

    def mark_recovered(self, session_id: int) -> None:
        """Remember that the user took up the recovery offer for ``session_id``."""
        self._journal.mark_recovered(session_id)
