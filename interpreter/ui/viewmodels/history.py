"""What the history view (``ui.history``) needs from the session journal: the list of sessions and the export.

Exporting reads the journal back (``store.journal.SessionJournal``), so a session cut short by a crash exports
exactly like a finished one. Qt-free: the view asks for the folder and shows the result.

The export runs off the Qt thread: copying a two-hour session's voice is hundreds of MB. The app's journal connection
belongs to the Qt thread (SQLite's thread rule, see ``store.journal``), so the worker opens its own connection to the
same files for the export (WAL mode: it reads everything committed).
"""

from __future__ import annotations

import asyncio
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

    async def export(self, session_id: int, directory: Path, stem: str | None = None) -> list[Path]:
        """:func:`export_session` of this journal, in a worker thread on a connection of its own (see the module
        docstring); raises ``InterpreterError`` with a sentence for the user."""
        path, sessions_dir = self._journal.path, self._journal.sessions_dir
        return await asyncio.to_thread(_export_on_own_connection, path, sessions_dir, session_id, directory, stem)

    def mark_recovered(self, session_id: int) -> None:
        """Remember that the user took up the recovery offer for ``session_id``."""
        self._journal.mark_recovered(session_id)


def _export_on_own_connection(
    path: Path, sessions_dir: Path, session_id: int, directory: Path, stem: str | None
) -> list[Path]:
    """Worker thread: open the journal, export, close (the connection never leaves this thread)."""
    with SessionJournal(path, sessions_dir=sessions_dir) as journal:
        return export_session(journal, session_id, directory, stem)
