"""DocumentsViewModel: the Files tab's queue of subtitle and text documents (.srt .vtt .ass .ssa .txt .md), translated
with Qwen-MT through ``services.text_jobs.TextJobQueue``.

Media files and documents are different jobs (a media file is heard by the LiveTranslate file model, a document is
read by Qwen-MT), so the Files tab shows them in two labelled tables; this view-model owns the second one:

- :class:`DocumentQueueModel` (``QAbstractTableModel``): one row per document — file, languages, status (with the
  reason when it failed), progress (``PROGRESS_ROLE`` 0–100, the same role the media table's bar delegate paints),
  estimate before sending, output file;
- options for documents added next: target language, Qwen-MT model, bilingual output, the app's glossary as terms;
- actions ``add_paths``, ``start``, ``cancel``, ``remove``, ``retry_failed``; signals with plain data.

Everything runs on the Qt thread (qasync loop); reading and planning a file happens in the queue's worker thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from interpreter.core.glossary import Glossary
from interpreter.core.jobs import JobState
from interpreter.core.mt_languages import DEFAULT_MT_MODEL, MT_MODELS, MtLanguage, mt_model
from interpreter.errors import InterpreterError
from interpreter.services.text_jobs import (
    TextBatchStopped,
    TextEntry,
    TextEntryRemoved,
    TextEntryUpdated,
    TextJobQueue,
    TextQueueEvent,
)
from interpreter.services.text_translation import TextTranslationOptions, is_text_document, terms_of
from interpreter.ui.messages import render, render_error
from interpreter.ui.viewmodels.files_vm import JOB_ID_ROLE, PROGRESS_ROLE

__all__ = ["DOCUMENT_COLUMNS", "DocumentQueueModel", "DocumentsViewModel", "is_text_document"]

_log = logging.getLogger(__name__)

#: Column headers (English; translated in the "DocumentQueue" context, marked for lupdate).
DOCUMENT_COLUMNS = (
    QT_TRANSLATE_NOOP("DocumentQueue", "File"),
    QT_TRANSLATE_NOOP("DocumentQueue", "Languages"),
    QT_TRANSLATE_NOOP("DocumentQueue", "Status"),
    QT_TRANSLATE_NOOP("DocumentQueue", "Progress"),
    QT_TRANSLATE_NOOP("DocumentQueue", "Estimate"),
    QT_TRANSLATE_NOOP("DocumentQueue", "Output"),
)
DOC_FILE, DOC_LANGUAGES, DOC_STATUS, DOC_PROGRESS, DOC_ESTIMATE, DOC_OUTPUT = range(len(DOCUMENT_COLUMNS))

_STATE_TEXT = {
    JobState.QUEUED: QT_TRANSLATE_NOOP("DocumentQueue", "Waiting"),
    JobState.RUNNING: QT_TRANSLATE_NOOP("DocumentQueue", "Translating"),
    JobState.PAUSED: QT_TRANSLATE_NOOP("DocumentQueue", "Paused"),
    JobState.DONE: QT_TRANSLATE_NOOP("DocumentQueue", "Done"),
    JobState.FAILED: QT_TRANSLATE_NOOP("DocumentQueue", "Failed"),
    JobState.CANCELLED: QT_TRANSLATE_NOOP("DocumentQueue", "Cancelled"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate("DocumentQueue", str(text))


class DocumentQueueModel(QAbstractTableModel):
    """The documents as rows (a snapshot of each ``TextEntry``; updated by :meth:`upsert`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TextEntry] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DOCUMENT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(DOCUMENT_COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == JOB_ID_ROLE:
            return entry.id
        if role == PROGRESS_ROLE and index.column() == DOC_PROGRESS:
            return _percent(entry)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == DOC_STATUS and entry.error:
            return entry.error
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, index.column())
        return None

    @staticmethod
    def _display(entry: TextEntry, column: int) -> str:
        job = entry.job
        if column == DOC_FILE:
            return entry.path.name
        if column == DOC_LANGUAGES:
            if job is None:
                return "—"
            return f"{job.source_language.code} → {job.target_language.code}"
        if column == DOC_STATUS:
            text = _tr(_STATE_TEXT[entry.state])
            return f"{text}: {render(entry.error)}" if entry.error else text
        if column == DOC_PROGRESS:
            return f"{_percent(entry)} %"
        if column == DOC_ESTIMATE:
            return job.estimate.cost.format() if job is not None else "—"
        if column == DOC_OUTPUT:
            return entry.result.output_path.name if entry.result is not None else ""
        return ""

    def upsert(self, entry: TextEntry) -> None:
        for row, known in enumerate(self._entries):
            if known.id == entry.id:
                self._entries[row] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(DOCUMENT_COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries))
        self._entries.append(entry)
        self.endInsertRows()

    def remove(self, entry_id: int) -> None:
        for row, known in enumerate(self._entries):
            if known.id == entry_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._entries[row]
                self.endRemoveRows()
                return

    def entries(self) -> list[TextEntry]:
        return list(self._entries)


def _percent(entry: TextEntry) -> int:
    if entry.state == JobState.DONE:
        return 100
    return round(100 * entry.units_done / entry.units_total) if entry.units_total else 0


class DocumentsViewModel(QObject):
    """State and actions of the Files tab's documents table (module docstring).

    Args:
        queue: the text-job queue (its service is on the app's endpoint).
        glossary: returns the app's current glossary (None: none chosen); its entries go as Qwen-MT ``terms``.

    Signals:
        running_changed(bool), error_occurred(str) (one sentence), totals_changed(str), batch_finished().
    """

    running_changed = Signal(bool)
    error_occurred = Signal(str)
    totals_changed = Signal(str)
    batch_finished = Signal()

    def __init__(
        self,
        queue: TextJobQueue,
        *,
        glossary: Callable[[], Glossary | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.queue = queue
        self._glossary = glossary
        self.model = DocumentQueueModel(self)
        self.target = "en"
        self.mt_model = DEFAULT_MT_MODEL
        self.bilingual = False
        self._running = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self._unsubscribe = queue.add_listener(self._on_event)

    # --- choices --------------------------------------------------------------------------------------------------
    @staticmethod
    def model_names() -> tuple[str, ...]:
        return tuple(MT_MODELS)

    def languages(self) -> tuple[MtLanguage, ...]:
        """Target languages of the chosen model."""
        return mt_model(self.mt_model).languages

    def set_options(
        self, *, target: str | None = None, model: str | None = None, bilingual: bool | None = None
    ) -> None:
        """Options for documents added from now on (queued ones keep theirs)."""
        if model is not None:
            self.mt_model = model
        if target is not None:
            self.target = target
        if bilingual is not None:
            self.bilingual = bilingual

    def options(self) -> TextTranslationOptions:
        """The options a document added now gets (the glossary read at this moment)."""
        try:
            glossary = self._glossary()
        except InterpreterError as exc:  # a broken glossary file must not stop translating
            _log.warning("glossary unavailable: %s", exc)
            glossary = None
        return TextTranslationOptions(
            target=self.target, model=self.mt_model, bilingual=self.bilingual, terms=terms_of(glossary)
        )

    @property
    def is_running(self) -> bool:
        return self._running

    # --- actions --------------------------------------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str]) -> None:
        """Queue the documents (each is read and estimated; a bad one becomes a failed row with its sentence)."""
        wanted = [p for p in paths if p]
        if wanted:
            self._spawn(self.queue.add_files(wanted, self.options()))

    def start(self) -> None:
        """Translate every waiting document, in order."""
        if self._running:
            return
        self._set_running(True)
        self._spawn(self._run())

    def cancel(self, ids: Sequence[int] | None = None) -> None:
        """Cancel the documents (default: every unfinished one)."""
        for entry_id in self._ids(ids):
            self.queue.cancel(entry_id)

    def remove(self, ids: Sequence[int]) -> None:
        for entry_id in ids:
            self.queue.remove(entry_id)

    def retry_failed(self) -> None:
        """Queue failed and cancelled documents again (answered parts are not asked again) and run."""
        if self.queue.retry_failed():
            self.start()

    def output_folder(self, entry_id: int) -> str | None:
        entry = self.queue.job(entry_id)
        if entry is None:
            return None
        target = entry.result.output_path if entry.result is not None else entry.path
        return str(Path(target).parent)

    async def shutdown(self) -> None:
        """Stop a running batch (answered parts stay checkpointed) and unsubscribe."""
        self._unsubscribe()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # --- internals -------------------------------------------------------------------------------------------------
    def _ids(self, ids: Sequence[int] | None) -> list[int]:
        if ids is not None:
            return list(ids)
        active = (JobState.QUEUED, JobState.RUNNING)
        return [entry.id for entry in self.queue.jobs() if entry.state in active]

    async def _run(self) -> None:
        try:
            await self.queue.run()
        finally:
            self._set_running(False)
            self.batch_finished.emit()

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if isinstance(exc, InterpreterError):
            self.error_occurred.emit(render_error(exc))
        elif exc is not None:
            _log.error("documents: unexpected error", exc_info=exc)
            self.error_occurred.emit(
                QCoreApplication.translate(
                    "DocumentQueue", "Something went wrong inside the app; it was written to the log."
                )
            )

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)

    def _on_event(self, event: TextQueueEvent) -> None:
        if isinstance(event, TextEntryUpdated):
            self.model.upsert(event.entry)
        elif isinstance(event, TextEntryRemoved):
            self.model.remove(event.entry_id)
        elif isinstance(event, TextBatchStopped):
            self.error_occurred.emit(render(event.message))
        entries = self.queue.jobs()
        self.totals_changed.emit(
            QCoreApplication.translate("DocumentQueue", "{done} of {total} documents done").format(
                done=sum(1 for e in entries if e.state == JobState.DONE), total=len(entries)
            )
        )
