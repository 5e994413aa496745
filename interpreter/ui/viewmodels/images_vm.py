"""ImagesViewModel: the Images tab's queue, options and the one owner of an ``ImageTranslationService``.

The queue holds one :class:`ImageRow` per picture. Adding a picture checks it at once in a worker thread (format,
size, what fix it needs), so problems show before anything is paid for. :meth:`start` translates every waiting
picture as one batch with the chosen options; progress arrives from the service and is published as plain data
(``row_changed(index)``). A failure keeps its reason; :meth:`retry_failed` submits the failed ones again, and
:meth:`failure_report` lists each failure with what to do.

Region: qwen-mt-image is Beijing-only. The endpoint given (a region or a custom base URL) is checked when set; a
Singapore endpoint is reported through ``blocked`` with the sentence saying how to add a Beijing key, and nothing is
sent. Threading: everything runs on the Qt main thread (qasync loop); blocking work goes to worker threads.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from interpreter.core import image_rules
from interpreter.errors import ConfigError, InterpreterError, MediaFileError
from interpreter.media.images import inspect_image, is_image
from interpreter.services.image_translation import (
    ImageProgress,
    ImageStatus,
    ImageTranslationOptions,
    ImageTranslationService,
    check_region,
    price_text,
)
from interpreter.store.image_tasks import ImageTaskStore
from interpreter.store.paths import cache_dir
from interpreter.ui.messages import render_error

_log = logging.getLogger(__name__)

ServiceFactory = Callable[..., ImageTranslationService]


@dataclass(frozen=True)
class ImageRow:
    """One picture in the queue, as the view shows it.

    Attributes:
        path: the picture.
        status: where it stands (``queued`` until started).
        record_id: its task record once started (for cancel/retry).
        size_text: "1200×800 px" once checked.
        notes: fixes that will be / were made, "No text detected", ...
        error: why it cannot be / was not translated, with what to do.
        output_path: the translated picture.
    """

    path: Path
    status: ImageStatus = ImageStatus.QUEUED
    record_id: int | None = None
    size_text: str = ""
    notes: tuple[str, ...] = ()
    error: str | None = None
    output_path: Path | None = None

    @property
    def failed(self) -> bool:
        return self.status is ImageStatus.FAILED

    @property
    def done(self) -> bool:
        return self.status is ImageStatus.DONE


_STATUS_TEXT = {
    ImageStatus.QUEUED: "Waiting to start",
    ImageStatus.CHECKING: "Checking",
    ImageStatus.UPLOADING: "Uploading",
    ImageStatus.WAITING: "Waiting for a free slot",
    ImageStatus.PENDING: "Queued at the service",
    ImageStatus.RUNNING: "Translating",
    ImageStatus.DOWNLOADING: "Downloading",
    ImageStatus.DONE: "Done",
    ImageStatus.FAILED: "Failed",
    ImageStatus.CANCELLED: "Cancelled",
}


def status_text(row: ImageRow) -> str:
    """The queue's status column for ``row`` (English default; the view translates it)."""
    return _STATUS_TEXT[row.status]


class ImagesViewModel(QObject):
    """State of the Images tab (see the module docstring).

    Args:
        endpoint: ``"beijing"`` or a custom base URL (the emulator in demo mode); ``"singapore"`` is blocked.
        api_key: the key for that endpoint (None: blocked until :meth:`set_endpoint` gives one).
        store: image task records (default: the app's file).
        glossary_terms: returns the app glossary's (source, target) pairs for ``terminologies``.
        service_factory: builds the service (tests may pass options such as a custom store).
    """

    rows_reset = Signal()
    row_changed = Signal(int)
    running_changed = Signal(bool)
    blocked = Signal(str)  # a sentence, or "" when nothing blocks translating
    message = Signal(str)  # a one-off notice (bad languages, storage trouble...)
    price_changed = Signal(str)
    batch_finished = Signal()

    def __init__(
        self,
        endpoint: str = "beijing",
        api_key: str | None = None,
        *,
        store: ImageTaskStore | None = None,
        glossary_terms: Callable[[], Sequence[tuple[str, str]]] | None = None,
        service_factory: ServiceFactory = ImageTranslationService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[ImageRow] = []
        self._endpoint = endpoint
        self._api_key = api_key
        self._store = store
        self._glossary_terms = glossary_terms or (lambda: ())
        self._factory = service_factory
        self._service: ImageTranslationService | None = None
        self._task: asyncio.Task[None] | None = None
        self._block_reason = ""
        self.options = ImageTranslationOptions(target="en", source=image_rules.AUTO)
        self.use_glossary = False
        self._check_block()

    # -- choices for the view -------------------------------------------------------------------------------------

    @staticmethod
    def source_choices() -> list[tuple[str, str]]:
        """(code, English name) of the sources, "auto" first."""
        return [(image_rules.AUTO, "Automatic")] + [
            (c, image_rules.LANGUAGE_NAMES[c]) for c in image_rules.SOURCE_LANGUAGES
        ]

    @staticmethod
    def target_choices() -> list[tuple[str, str]]:
        return [(c, image_rules.LANGUAGE_NAMES[c]) for c in image_rules.TARGET_LANGUAGES]

    # -- endpoint -------------------------------------------------------------------------------------------------

    def set_endpoint(self, endpoint: str, api_key: str | None) -> None:
        """Use another endpoint/key (Settings changed); a running batch keeps its own."""
        self._endpoint, self._api_key = endpoint, api_key
        self._check_block()

    def _check_block(self) -> None:
        reason = ""
        try:
            check_region(self._endpoint)
        except ConfigError as exc:
            reason = render_error(exc)
        if not reason and not self._api_key:
            reason = "Image translation needs a Beijing API key; add one in Settings > API keys."
        self._block_reason = reason
        self.blocked.emit(reason)

    @property
    def block_reason(self) -> str:
        return self._block_reason

    # -- queue ----------------------------------------------------------------------------------------------------

    @property
    def rows(self) -> list[ImageRow]:
        return list(self._rows)

    def row(self, index: int) -> ImageRow:
        return self._rows[index]

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def add_paths(self, paths: Sequence[str | Path]) -> list[str]:
        """Queue the pictures among ``paths`` and check them in the background.

        Returns:
            One sentence per path that is not a picture (by its name), for the view to show.
        """
        skipped: list[str] = []
        added: list[int] = []
        known = {row.path for row in self._rows}
        for raw in paths:
            path = Path(raw)
            if not is_image(path):
                skipped.append(
                    f"{path.name} is not a picture the Images tab takes (JPG, PNG, BMP, PNM, TIFF, WEBP, GIF, HEIC)."
                )
                continue
            if path in known:
                continue
            known.add(path)
            self._rows.append(ImageRow(path))
            added.append(len(self._rows) - 1)
        if added:
            self.rows_reset.emit()
            self._publish_price()
            asyncio.get_event_loop().create_task(self._inspect(added))
        return skipped

    def add_image(self, image: QImage) -> Path | None:
        """Queue a pasted picture (saved as a PNG in the cache folder first); returns its path, None if empty."""
        if image.isNull():
            return None
        folder = cache_dir() / "pasted"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"pasted-{time.strftime('%Y%m%d-%H%M%S')}-{len(self._rows)}.png"
        if not image.save(str(path)):
            self.message.emit(f"The pasted picture could not be saved to {folder}; check free disk space.")
            return None
        self.add_paths([path])
        return path

    async def _inspect(self, indexes: list[int]) -> None:
        for index in indexes:
            row = self._rows[index]
            try:
                inspection = await asyncio.to_thread(inspect_image, row.path)
            except MediaFileError as exc:
                self._update(index, error=render_error(exc), status=ImageStatus.FAILED)
                continue
            size = f"{inspection.width}×{inspection.height} px"
            self._update(index, size_text=size, notes=inspection.notes())
        self._publish_price()  # pictures found unusable are not counted

    def _update(self, index: int, **changes: object) -> None:
        if 0 <= index < len(self._rows):
            self._rows[index] = replace(self._rows[index], **changes)  # type: ignore[arg-type]
            self.row_changed.emit(index)

    def remove(self, index: int) -> None:
        """Take a picture out of the queue (not while it is being translated)."""
        if 0 <= index < len(self._rows) and (not self.running or self._rows[index].record_id is None):
            del self._rows[index]
            self.rows_reset.emit()
            self._publish_price()

    def clear_finished(self) -> None:
        self._rows = [r for r in self._rows if r.status not in (ImageStatus.DONE, ImageStatus.CANCELLED)]
        self.rows_reset.emit()
        self._publish_price()

    def _waiting_indexes(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.status is ImageStatus.QUEUED and r.error is None]

    def _publish_price(self) -> None:
        waiting = len(self._waiting_indexes())
        self.price_changed.emit(price_text(waiting) if waiting else "")

    # -- translating ----------------------------------------------------------------------------------------------

    def choose(
        self,
        *,
        source: str,
        target: str,
        domain_hint: str = "",
        sensitives: str = "",
        keep_subject_text: bool = False,
        use_glossary: bool = False,
    ) -> str | None:
        """Take the view's choices (``sensitives`` comma-separated); the language problem's sentence, or None."""
        words = tuple(w.strip() for w in sensitives.split(",") if w.strip())
        options = ImageTranslationOptions(
            target=target,
            source=source,
            domain_hint=domain_hint.strip(),
            sensitives=words,
            keep_subject_text=keep_subject_text,
        )
        return self.set_options(options, use_glossary=use_glossary)

    def set_options(self, options: ImageTranslationOptions, *, use_glossary: bool) -> str | None:
        """Take options; returns the language problem's sentence (None when the pair is allowed)."""
        self.options, self.use_glossary = options, use_glossary
        try:
            image_rules.check_languages(options.source, options.target)
        except ConfigError as exc:
            return render_error(exc)
        return None

    def _effective_options(self) -> ImageTranslationOptions:
        terms = tuple(self._glossary_terms()) if self.use_glossary else ()
        return replace(self.options, terminologies=(*self.options.terminologies, *terms))

    def start(self) -> bool:
        """Translate every waiting picture; False (with ``message``/``blocked``) when it cannot start."""
        if self.running:
            return False
        if self._block_reason:
            self.blocked.emit(self._block_reason)
            return False
        indexes = self._waiting_indexes()
        if not indexes:
            self.message.emit("Add pictures first: there is nothing waiting to be translated.")
            return False
        try:
            options = self._effective_options().checked()
        except ConfigError as exc:
            self.message.emit(render_error(exc))
            return False
        self._task = asyncio.get_event_loop().create_task(self._run_batch(indexes, options))
        self.running_changed.emit(True)
        return True

    def retry_failed(self) -> bool:
        """Translate the failed pictures again (new tasks); False when none failed or a batch runs."""
        if self.running or self._block_reason:
            return False
        failed = [i for i, r in enumerate(self._rows) if r.failed]
        if not failed:
            return False
        retry_ids = [self._rows[i].record_id for i in failed if self._rows[i].record_id is not None]
        for index in failed:
            if self._rows[index].record_id is None:  # never started (a local check failed): check again from scratch
                self._update(index, status=ImageStatus.QUEUED, error=None)
        fresh = [i for i in failed if self._rows[i].record_id is None]
        self._task = asyncio.get_event_loop().create_task(
            self._run_retry([i for i in retry_ids if i is not None], fresh)
        )
        self.running_changed.emit(True)
        return True

    def cancel(self, index: int) -> None:
        """Cancel one picture (dropped if not submitted; cancelled at the service while it waits there)."""
        row = self._rows[index]
        if self._service is not None and row.record_id is not None:
            self._service.cancel(row.record_id)
        elif row.status is ImageStatus.QUEUED:
            self._update(index, status=ImageStatus.CANCELLED)

    def cancel_all(self) -> None:
        for index in range(len(self._rows)):
            if self._rows[index].status not in (ImageStatus.DONE, ImageStatus.FAILED, ImageStatus.CANCELLED):
                self.cancel(index)

    def failure_report(self) -> str:
        """Each failed picture with its reason and what to do; "" when none failed."""
        lines = [f"• {r.path.name}: {r.error}" for r in self._rows if r.failed and r.error]
        if not lines:
            return ""
        return "\n".join([f"{len(lines)} picture(s) were not translated:", *lines])

    def _make_service(self) -> ImageTranslationService:
        assert self._api_key is not None  # _block_reason guards this
        return self._factory(
            endpoint=self._endpoint, api_key=self._api_key, store=self._store, on_progress=self._on_progress
        )

    def _index_of(self, progress: ImageProgress) -> int | None:
        for index, row in enumerate(self._rows):
            if row.record_id == progress.record_id or (
                row.record_id is None and row.path == progress.source_path and row.status is ImageStatus.QUEUED
            ):
                return index
        return None

    def _on_progress(self, progress: ImageProgress) -> None:
        index = self._index_of(progress)
        if index is None:
            return
        self._update(
            index,
            record_id=progress.record_id,
            status=progress.status,
            notes=progress.notes or self._rows[index].notes,
            error=progress.error,
            output_path=progress.output_path,
        )

    async def _run_batch(self, indexes: list[int], options: ImageTranslationOptions) -> None:
        await self._with_service(lambda service: service.translate([self._rows[i].path for i in indexes], options))

    async def _run_retry(self, record_ids: list[int], fresh: list[int]) -> None:
        async def both(service: ImageTranslationService) -> None:
            await asyncio.gather(
                service.retry(record_ids),
                service.translate([self._rows[i].path for i in fresh], self._effective_options().checked())
                if fresh
                else asyncio.sleep(0),
            )

        await self._with_service(both)

    async def _with_service(self, work: Callable[[ImageTranslationService], object]) -> None:
        try:
            self._service = self._make_service()
            try:
                result = work(self._service)
                if asyncio.iscoroutine(result) or isinstance(result, asyncio.Future):
                    await result
            finally:
                await self._service.aclose()
                self._service = None
        except InterpreterError as exc:
            self.message.emit(render_error(exc))
        except Exception:  # the one boundary: log, tell the user, keep the app alive
            _log.exception("image batch failed")
            self.message.emit("Image translation stopped because of an internal error; see the log for details.")
        finally:
            self._publish_price()
            self.running_changed.emit(False)
            self.batch_finished.emit()

    async def resume(self) -> None:
        """Resume tasks a crash or quit interrupted (their results are written; rows appear for them)."""
        if self._block_reason or self.running:
            return

        async def resumed(service: ImageTranslationService) -> None:
            records = [r for r in service.store.unfinished() if r.endpoint == self._endpoint]
            for record in records:
                self._rows.append(ImageRow(record.source_path, ImageStatus.PENDING, record_id=record.id))
            if records:
                self.rows_reset.emit()
            await service.resume()

        self._task = asyncio.get_event_loop().create_task(self._with_service(resumed))
        self.running_changed.emit(True)
        await self._task
