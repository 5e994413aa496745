"""The Files tab's view-model: the queue of file translations as a Qt table model, the batch options, the actions.

It drives ``services.file_translation.FileTranslationService`` (which owns the jobs, the store and the requests)
and turns its plain events into what the view shows:

- :class:`FileQueueModel` (a ``QAbstractTableModel``): one row per job — file, duration, languages, voice or text,
  status (with the reason when it failed), progress (``PROGRESS_ROLE`` 0–100 for the bar delegate), estimate,
  actual cost;
- signals with plain data: ``totals_changed(percent, text)``, ``running_changed(bool)``, ``error_occurred(str)``
  (ONE sentence, shown in one place by the tab), ``notice_posted(str)``, ``files_added(int)``,
  ``batch_finished()``, ``resume_offered(int)``.

Every action is a plain method that schedules the service coroutine on the running (qasync) loop; errors from the
lower layers arrive as ``InterpreterError`` and are shown by their ``user_message``. Nothing here blocks the UI:
probing, hashing, the store and the requests all run in the service's worker threads or as coroutines.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
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

from interpreter.core.catalog import Catalog
from interpreter.core.jobs import (
    ALL_FORMATS,
    DEFAULT_CONCURRENCY,
    FILE_TRANSLATION_MODEL,
    MAX_CONCURRENCY,
    FileTranslationOptions,
    Job,
    JobState,
    OutputFormat,
    batch_usage,
)
from interpreter.errors import InterpreterError
from interpreter.services.file_translation import (
    BatchProgress,
    BatchStopped,
    FileTranslationEvent,
    FileTranslationService,
    HistoryAvailable,
    JobRemoved,
    JobUpdated,
)
from interpreter.store.settings import FilesSettings, Settings

_log = logging.getLogger(__name__)

__all__ = [
    "COLUMNS",
    "JOB_ID_ROLE",
    "PROGRESS_ROLE",
    "STATE_ROLE",
    "FileQueueModel",
    "FilesViewModel",
    "files_settings_of",
    "options_from_settings",
    "realtime_model_of",
]

#: The catalog lists languages and voices under the realtime twin of the file model (catalog.json "file_models":
#: "languages_from").
REALTIME_SUFFIX = "-realtime"

#: Item data role carrying a row's progress as an int 0–100 (the progress-bar delegate paints it).
PROGRESS_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: Item data role carrying a row's job id.
JOB_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
#: Item data role carrying a row's job state value ("queued", "running", ...; "interrupted" for a job left running).
STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 3

_CONTEXT = "FilesQueue"


def _tr(text: object) -> str:
    """Translate a text marked with ``QT_TRANSLATE_NOOP(_CONTEXT, ...)`` (column headers, state names)."""
    return QCoreApplication.translate(_CONTEXT, str(text))


#: Column headers (English source texts, translated through context "FilesQueue").
COLUMNS = (
    QT_TRANSLATE_NOOP("FilesQueue", "File"),
    QT_TRANSLATE_NOOP("FilesQueue", "Duration"),
    QT_TRANSLATE_NOOP("FilesQueue", "Languages"),
    QT_TRANSLATE_NOOP("FilesQueue", "Output"),
    QT_TRANSLATE_NOOP("FilesQueue", "Status"),
    QT_TRANSLATE_NOOP("FilesQueue", "Progress"),
    QT_TRANSLATE_NOOP("FilesQueue", "Estimate"),
    QT_TRANSLATE_NOOP("FilesQueue", "Cost"),
)
COL_FILE, COL_DURATION, COL_LANGUAGES, COL_OUTPUT, COL_STATUS, COL_PROGRESS, COL_ESTIMATE, COL_COST = range(8)

_STATE_LABELS = {
    JobState.QUEUED: QT_TRANSLATE_NOOP("FilesQueue", "Queued"),
    JobState.RUNNING: QT_TRANSLATE_NOOP("FilesQueue", "Running"),
    JobState.PAUSED: QT_TRANSLATE_NOOP("FilesQueue", "Paused"),
    JobState.DONE: QT_TRANSLATE_NOOP("FilesQueue", "Done"),
    JobState.FAILED: QT_TRANSLATE_NOOP("FilesQueue", "Failed"),
    JobState.CANCELLED: QT_TRANSLATE_NOOP("FilesQueue", "Cancelled"),
}


def realtime_model_of(model: str) -> str:
    """The catalog entry holding the languages and voices of file model ``model``."""
    return model if model.endswith(REALTIME_SUFFIX) else model + REALTIME_SUFFIX


def format_duration(ms: int) -> str:
    """``m:ss`` (``h:mm:ss`` past an hour); "—" when unknown."""
    if ms <= 0:
        return "—"
    seconds = round(ms / 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_money(amount: Decimal | str, currency: str) -> str:
    """Four decimals and the currency (a minute of audio costs fractions of a cent)."""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return "—"
    return f"{value.quantize(Decimal('0.0001'))} {currency}".strip()


def _reason(job: Job) -> str:
    """The failure sentence without the leading ``<file name>: `` the service adds (the row already names it)."""
    prefix = f"{Path(job.input_path).name}: "
    return job.error[len(prefix) :] if job.error.startswith(prefix) else job.error


# ------------------------------------------------------------------------------------------------ options/settings


def options_from_settings(files: FilesSettings) -> FileTranslationOptions:
    """The batch options the tab starts with (bad remembered values fall back to the defaults)."""
    formats = frozenset(OutputFormat(f) for f in files.formats.split(",") if f in OutputFormat.__members__.values())
    return FileTranslationOptions(
        target=files.target_language or "en",
        source=files.source_language or None,
        voice=files.voice or None,
        text_only=files.text_only,
        formats=formats or ALL_FORMATS,
        out_dir=files.out_dir or None,
        concurrency=files.concurrency if 1 <= files.concurrency <= MAX_CONCURRENCY else DEFAULT_CONCURRENCY,
    )


def files_settings_of(settings: Settings, options: FileTranslationOptions) -> Settings:
    """``settings`` with the Files tab's options remembered."""
    order = [f.value for f in OutputFormat if f in options.formats]
    return replace(
        settings,
        files=FilesSettings(
            target_language=options.target,
            source_language=options.source,
            voice=options.voice,
            text_only=options.text_only,
            formats=",".join(order),
            out_dir=options.out_dir,
            concurrency=options.concurrency,
        ),
    )


# ------------------------------------------------------------------------------------------------ the table model


@dataclass(frozen=True)
class _Row:
    job: Job
    cost: str
    interrupted: bool


class FileQueueModel(QAbstractTableModel):
    """One row per job, in the order they were added (see the module docstring for the columns and roles)."""

    def __init__(self, catalog: Catalog, ui_language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._ui_language = ui_language
        self._rows: list[_Row] = []

    # --- Qt API ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        job = row.job
        column = index.column()
        if role == JOB_ID_ROLE:
            return job.id
        if role == STATE_ROLE:
            return "interrupted" if row.interrupted else job.state.value
        if role == PROGRESS_ROLE:
            return round(job.progress.fraction * 100)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_FILE:
                return job.input_path
            if column == COL_STATUS and job.error:
                return job.error
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DURATION, COL_ESTIMATE, COL_COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._display(row, column)

    def _display(self, row: _Row, column: int) -> str:
        job = row.job
        if column == COL_FILE:
            return Path(job.input_path).name
        if column == COL_DURATION:
            return format_duration(job.duration_ms)
        if column == COL_LANGUAGES:
            source = (
                self._catalog.language_name(job.source, self._ui_language)
                if job.source
                else QCoreApplication.translate("FilesQueue", "auto")
            )
            return f"{source} → {self._catalog.language_name(job.target, self._ui_language)}"
        if column == COL_OUTPUT:
            if job.options.text_only:
                return QCoreApplication.translate("FilesQueue", "Text only")
            return QCoreApplication.translate("FilesQueue", "Voice: {voice}").format(
                voice=job.options.voice or self._default_voice(job)
            )
        if column == COL_STATUS:
            if job.state == JobState.FAILED and job.error:
                return QCoreApplication.translate("FilesQueue", "Failed: {reason}").format(reason=_reason(job))
            return (
                QCoreApplication.translate("FilesQueue", "Interrupted")
                if row.interrupted
                else _tr(_STATE_LABELS[job.state])
            )
        if column == COL_PROGRESS:
            return f"{round(job.progress.fraction * 100)} %"
        if column == COL_ESTIMATE:
            if not job.segments or not job.estimate.priced:
                return "—"
            return format_money(job.estimate.amount, job.estimate.currency)
        if column == COL_COST:
            return row.cost
        return ""

    def _default_voice(self, job: Job) -> str:
        info = self._catalog.model(realtime_model_of(job.options.model))
        return info.default_voice if info else ""

    # --- updates -------------------------------------------------------------------------------------------------
    def upsert(self, job: Job, cost: str, *, interrupted: bool = False) -> None:
        """Add the job's row, or refresh it in place (one ``dataChanged`` for the row)."""
        new = _Row(job, cost, interrupted)
        for i, row in enumerate(self._rows):
            if row.job.id == job.id:
                if row != new:
                    self._rows[i] = new
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(new)
        self.endInsertRows()

    def remove(self, job_id: int) -> None:
        for i, row in enumerate(self._rows):
            if row.job.id == job_id:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
                return

    def set_ui_language(self, ui_language: str) -> None:
        """Name languages in ``ui_language`` from now on (the view knows the installed translation)."""
        if ui_language != self._ui_language:
            self._ui_language = ui_language
            self.refresh()

    def refresh(self) -> None:
        """Repaint every cell and header (after the UI language changed)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_interrupted(self, interrupted: bool) -> None:
        """Mark rows still ``running`` while no batch runs as interrupted (or clear the mark)."""
        for row in list(self._rows):
            flag = interrupted and row.job.state == JobState.RUNNING
            if row.interrupted != flag:
                self.upsert(row.job, row.cost, interrupted=flag)

    # --- queries -------------------------------------------------------------------------------------------------
    def job_at(self, row: int) -> Job:
        return self._rows[row].job

    def row_of(self, job_id: int) -> int:
        """The row of ``job_id``, -1 when absent."""
        return next((i for i, row in enumerate(self._rows) if row.job.id == job_id), -1)

    def jobs(self) -> list[Job]:
        return [row.job for row in self._rows]


# ------------------------------------------------------------------------------------------------ the view-model


class FilesViewModel(QObject):
    """Queue, options and actions of the Files tab (see the module docstring).

    Args:
        service: the file-translation service (built by the composition root for the chosen endpoint).
        catalog: languages and voices.
        options: the batch options to start with (usually :func:`options_from_settings`).
        demo: the service talks to the built-in emulator; the tab labels its output as demo output.
        ui_language: the UI language, for language names in the table.
    """

    totals_changed = Signal(int, str)
    """Overall progress 0–100 and one line of totals (files, estimate, actual cost)."""
    running_changed = Signal(bool)
    error_occurred = Signal(str)
    """One sentence for an action that failed as a whole (bad options, key refused, storage)."""
    notice_posted = Signal(str)
    """Information the user should read once (e.g. a file reused from history)."""
    files_added = Signal(int)
    """An add finished; how many jobs it added or re-queued (failed ones included)."""
    job_changed = Signal(int, str)
    """A job changed: its id and state value."""
    batch_finished = Signal()
    """A run of the batch ended (everything done, failed, paused, cancelled, or stopped)."""
    resume_offered = Signal(int)
    """At start-up: this many jobs were left running when the app last stopped (offer to resume them)."""
    options_changed = Signal()

    def __init__(
        self,
        service: FileTranslationService,
        catalog: Catalog,
        options: FileTranslationOptions | None = None,
        *,
        demo: bool = False,
        ui_language: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.catalog = catalog
        self.demo = demo
        self._options = options or FileTranslationOptions(target="en")
        self.model = FileQueueModel(catalog, ui_language, self)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._running = False
        self._unsubscribe = service.add_listener(self._on_event)
        self.totals_text = ""
        self.totals_percent = 0

    # --- options ---------------------------------------------------------------------------------------------------
    @property
    def options(self) -> FileTranslationOptions:
        return self._options

    def set_options(self, **changes: Any) -> None:
        """Change batch options (``target``, ``source``, ``voice``, ``text_only``, ``formats``, ``out_dir``,
        ``concurrency``); they apply to files added from now on."""
        updated = replace(self._options, **changes)
        if updated != self._options:
            self._options = updated
            self.options_changed.emit()

    @property
    def file_model(self) -> str:
        return self._options.model or FILE_TRANSLATION_MODEL

    @property
    def catalog_model(self) -> str:
        """The catalog entry with this file model's languages and voices."""
        return realtime_model_of(self.file_model)

    def voices_for(self, target: str) -> list[tuple[str, str]]:
        """(name, description) of every voice that speaks ``target``, the model's default first."""
        info = self.catalog.model(self.catalog_model)
        if info is None:
            return []
        voices = sorted(info.voices_for(target), key=lambda v: (v.name != info.default_voice, v.name))
        return [(v.name, v.description) for v in voices]

    def can_speak(self, target: str) -> bool:
        info = self.catalog.model(self.catalog_model)
        return info is not None and info.has_audio_output(target)

    # --- state -----------------------------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        return self._running

    def job(self, job_id: int) -> Job | None:
        return self.service.job(job_id)

    def output_folder(self, job_id: int) -> str | None:
        """The folder holding (or that will hold) the job's outputs."""
        job = self.service.job(job_id)
        if job is None:
            return None
        if job.outputs:
            return str(Path(job.outputs[0]).parent)
        return job.options.out_dir or str(Path(job.input_path).parent)

    def result_to_play(self, job_id: int) -> str | None:
        """The dubbed MP4 of a done job, else its WAV; None when there is nothing to play."""
        job = self.service.job(job_id)
        if job is None or job.state != JobState.DONE:
            return None
        by_suffix = {Path(p).suffix.lower(): p for p in job.outputs}
        return by_suffix.get(".mp4") or by_suffix.get(".wav")

    def refresh_texts(self, ui_language: str) -> None:
        """Render the table and the totals again in the current translation (a view built after a language
        change calls it)."""
        self.model.set_ui_language(ui_language)
        self.model.refresh()
        self._update_totals()

    # --- actions ---------------------------------------------------------------------------------------------------
    def add_paths(self, paths: Iterable[str]) -> None:
        """Queue files and folders (folders expand to the media files inside) with the current options."""
        wanted = [p for p in paths if p]
        if wanted:
            self._spawn(self._add(wanted, self._options))

    def start(self) -> None:
        """Run the batch: queued jobs, paused ones and any interrupted at the last exit."""
        if self._running:
            return
        self._set_running(True)
        self._spawn(self._run(self.service.start()))

    def resume_interrupted(self) -> None:
        """The user accepted the resume offer: run the batch (interrupted jobs continue where they stopped)."""
        self.start()

    def pause(self, job_ids: Sequence[int] | None = None) -> None:
        """Pause the jobs (default: every queued or running one); requests in flight finish and are kept."""
        ids = self._ids(job_ids, (JobState.QUEUED, JobState.RUNNING))
        self._spawn(self._each(self.service.pause, ids))

    def cancel(self, job_ids: Sequence[int] | None = None) -> None:
        """Cancel the jobs (default: every unfinished one); nothing half-written stays on disk."""
        ids = self._ids(job_ids, (JobState.QUEUED, JobState.RUNNING, JobState.PAUSED))
        self._spawn(self._each(self.service.cancel, ids))

    def retry_failed(self) -> None:
        """Queue failed jobs again (done segments are never requested again) and run the batch."""
        self._spawn(self._retry())

    def remove(self, job_ids: Sequence[int]) -> None:
        """Forget the jobs (cancelled first when active)."""
        self._spawn(self._each(self.service.remove, list(job_ids)))

    async def restore(self) -> int:
        """Load the stored queue (at start-up); emits ``resume_offered`` when jobs were left running."""
        try:
            interrupted = await self.service.restore()
        except InterpreterError as exc:
            self.error_occurred.emit(exc.user_message)
            return 0
        self._refresh_all()
        if interrupted:
            self.model.set_interrupted(True)
            self.resume_offered.emit(len(interrupted))
        return len(interrupted)

    async def shutdown(self) -> None:
        """Stop a running batch (jobs stay resumable) and close the service."""
        self._unsubscribe()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.service.aclose()

    # --- internals -------------------------------------------------------------------------------------------------
    def _ids(self, job_ids: Sequence[int] | None, states: tuple[JobState, ...]) -> list[int]:
        if job_ids is not None:
            return list(job_ids)
        return [job.id for job in self.service.jobs if job.state in states]

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
            self.error_occurred.emit(exc.user_message)
        elif exc is not None:
            # A bug: log it with its traceback and say so in one sentence (the app's excepthook policy).
            _log.error("files: unexpected error", exc_info=exc)
            self.error_occurred.emit(
                QCoreApplication.translate(
                    "FilesQueue", "Something went wrong inside the app; it was written to the log."
                )
            )

    async def _add(self, paths: list[str], options: FileTranslationOptions) -> None:
        try:
            added = await self.service.add_files(paths, options)
        except InterpreterError as exc:  # options no file can use (e.g. a voice that cannot speak the target)
            self.error_occurred.emit(exc.user_message)
            self.files_added.emit(0)
            return
        for job in added:
            previous = self.service.history_match(job.id)
            if previous is not None:
                await self.service.use_history(job.id)
                self.notice_posted.emit(
                    QCoreApplication.translate(
                        "FilesQueue",
                        "{name} was already translated with these settings: reusing that translation (no charge).",
                    ).format(name=Path(job.input_path).name)
                )
        self.files_added.emit(len(added))

    async def _run(self, run: Coroutine[Any, Any, Any]) -> None:
        self.model.set_interrupted(False)
        try:
            await run
        finally:
            self._set_running(False)
            self.batch_finished.emit()

    async def _each(self, action: Callable[[int], Coroutine[Any, Any, Any]], ids: list[int]) -> None:
        for job_id in ids:
            await action(job_id)

    async def _retry(self) -> None:
        await self.service.retry_failed()
        self.start()

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)

    def _cost_text(self, job: Job) -> str:
        if job.usage.requests == 0:
            return "—"
        cost = self.service.cost_of(job.usage, job.options.model)
        return format_money(cost.amount, cost.currency) if cost.priced else "—"

    def _refresh_all(self) -> None:
        for job in self.service.jobs:
            self.model.upsert(job, self._cost_text(job))
        self._update_totals()

    def _on_event(self, event: FileTranslationEvent) -> None:
        if isinstance(event, JobUpdated):
            job = event.job
            self.model.upsert(job, self._cost_text(job))
            self.job_changed.emit(job.id, job.state.value)
        elif isinstance(event, JobRemoved):
            self.model.remove(event.job_id)
            self.job_changed.emit(event.job_id, "removed")
        elif isinstance(event, BatchProgress):
            self._update_totals(event)
        elif isinstance(event, BatchStopped):
            self.error_occurred.emit(event.message)
        elif isinstance(event, HistoryAvailable):
            pass  # handled when the add returns (the job is reused and the user told)

    def _update_totals(self, event: BatchProgress | None = None) -> None:
        """Overall progress and the totals line, from the service's jobs (cancelled ones left out)."""
        del event  # the service's snapshot below is the same data, and also serves a view built later
        jobs = [j for j in self.service.jobs if j.state != JobState.CANCELLED]
        estimate = sum((Decimal(j.estimate.amount) for j in jobs if j.estimate.priced), Decimal(0))
        currency = next((j.estimate.currency for j in jobs if j.estimate.currency), "")
        usage = batch_usage(jobs)
        cost = self.service.cost_of(usage)
        spent = format_money(cost.amount, cost.currency) if usage.requests and cost.priced else "—"
        self.totals_percent = round(_fraction(jobs) * 100)
        self.totals_text = QCoreApplication.translate(
            "FilesQueue", "{done} of {total} files done · estimate {estimate} · spent {spent}"
        ).format(
            done=sum(1 for j in jobs if j.state == JobState.DONE),
            total=len(jobs),
            estimate=format_money(estimate, currency) if currency else "—",
            spent=spent,
        )
        self.totals_changed.emit(self.totals_percent, self.totals_text)


def _fraction(jobs: Sequence[Job]) -> float:
    done = sum(j.progress.done_ms for j in jobs)
    total = sum(j.progress.total_ms for j in jobs)
    return done / total if total else 0.0
