"""Session history, export (bilingual SRT, VTT, TXT and the translated voice as WAV) and crash-recovery wording.

The view: it lists sessions and asks where to export; the journal work is ``ui.viewmodels.history.HistoryViewModel``.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from interpreter.errors import InterpreterError
from interpreter.ui.caption_rows import format_clock
from interpreter.ui.messages import render
from interpreter.ui.viewmodels.async_slot import async_slot
from interpreter.ui.viewmodels.history import HistoryViewModel
from interpreter.ui.viewmodels.transcript_vm import TranscriptViewModel

_log = logging.getLogger(__name__)


class SessionSummary(Protocol):
    """One journal session as this view shows it (``store.journal.SessionInfo``; views do not import store)."""

    @property
    def id(self) -> int: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def source(self) -> str | None: ...
    @property
    def target(self) -> str: ...
    @property
    def segment_count(self) -> int: ...
    @property
    def duration_ms(self) -> int: ...
    @property
    def audio_bytes(self) -> int: ...
    @property
    def clean(self) -> bool: ...


def session_label(info: SessionSummary) -> str:
    """One line describing a journal session: when, languages, length, segments, and how it ended."""
    when = info.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    source = info.source or QCoreApplication.translate("History", "auto")
    languages = f"{source} → {info.target}"
    state = "" if info.clean else QCoreApplication.translate("History", " (interrupted)")
    return QCoreApplication.translate("History", "{when}  {languages}  {duration}  {count} segments{state}").format(
        when=when, languages=languages, duration=format_clock(info.duration_ms), count=info.segment_count, state=state
    )


def recovery_text(info: SessionSummary) -> str:
    """The recovery offer after a crash or kill."""
    return QCoreApplication.translate(
        "History",
        "The last session ({when}, {count} segments) was interrupted. Everything up to then was saved; export it now?",
    ).format(when=info.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), count=info.segment_count)


async def export_session_interactively(
    parent: QWidget | None, history: HistoryViewModel, session_id: int
) -> list[Path]:
    """Ask for a folder, export there (off the Qt thread), and report the result in place (notice on the window
    when it has one)."""
    folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("History", "Export session to folder"))
    if not folder:
        return []
    try:
        written = await history.export(session_id, Path(folder))
    except InterpreterError as exc:
        _notify(parent, render(exc.message), "error")
        return []
    _notify(
        parent,
        QCoreApplication.translate("History", "Exported {names} to {folder}").format(
            names=", ".join(p.name for p in written), folder=folder
        ),
        "info",
    )
    return written


def _notify(parent: QWidget | None, text: str, level: str) -> None:
    show = getattr(parent, "show_notice", None)
    if callable(show):
        show(text, level)
    elif level == "error":
        QMessageBox.warning(parent, QCoreApplication.translate("History", "Export"), text)


class HistoryDialog(QDialog):
    """Past sessions, newest first; export the selected one, or translate its transcript (when ``transcripts`` is
    given: a ``TranscriptViewModel``)."""

    def __init__(
        self,
        view_model: HistoryViewModel,
        parent: QWidget | None = None,
        transcripts: TranscriptViewModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Session history"))
        self.resize(640, 420)  # px: a dozen sessions visible without scrolling
        self.vm = view_model
        self.list = QListWidget(self)
        for info in view_model.sessions():
            item = QListWidgetItem(session_label(info))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        empty = QLabel(self.tr("No sessions yet. Every live session is saved here automatically."), self)
        empty.setVisible(self.list.count() == 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._export)
        buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(lambda row: self.export_button.setEnabled(row >= 0))
        self.transcripts = transcripts
        if transcripts is not None:
            self.translate_button = buttons.addButton(
                self.tr("Translate transcript…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.translate_button.setEnabled(False)
            self.translate_button.clicked.connect(self._translate)
            self.list.currentRowChanged.connect(
                lambda row: self.translate_button.setEnabled(row >= 0 and not transcripts.busy)
            )
            transcripts.busy_changed.connect(
                lambda busy: self.translate_button.setEnabled(not busy and self.list.currentRow() >= 0)
            )
            transcripts.translated.connect(self._translated)
            transcripts.failed.connect(lambda text: _notify(self.parentWidget() or self, text, "error"))
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def selected_session(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    @async_slot()
    async def _export(self) -> None:
        session_id = self.selected_session()
        if session_id is not None:
            # The notice goes to the main window when the dialog has one as parent (it has show_notice).
            await export_session_interactively(self.parentWidget() or self, self.vm, session_id)

    def _translate(self) -> None:
        """Ask for the language and the folder (where the session is or will be exported), then translate."""
        session_id = self.selected_session()
        if session_id is None or self.transcripts is None:
            return
        targets = self.transcripts.targets()
        labels = [f"{name} ({code})" for code, name in targets]
        label, ok = QInputDialog.getItem(
            self, self.tr("Translate transcript"), self.tr("Translate the transcript into:"), labels, 0, False
        )
        if not ok:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the translated transcript"))
        if folder:
            self.transcripts.translate(session_id, targets[labels.index(label)][0], Path(folder))

    def _translated(self, path: str) -> None:
        _notify(
            self.parentWidget() or self,
            QCoreApplication.translate("History", "Translated transcript written to {path}").format(path=path),
            "info",
        )


def open_history_dialog(
    parent: QWidget | None, view_model: HistoryViewModel, transcripts: TranscriptViewModel | None = None
) -> HistoryDialog:
    """Show the history dialog non-modally."""
    dialog = HistoryDialog(view_model, parent, transcripts)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
