"""OcrViewModel: the OCR tab's state — the image (file, clipboard or screen region), the task and its options, the
result in the task's form, the translation, exports, saved schemas and history.

The service (``services.ocr.OcrService``) is injected by the composition root on its endpoint (the demo emulator or
the keyed service). Views talk only to this object: they hand it a file path, a ``QImage`` (clipboard, snip) and
the user's choices, and draw what its plain-data signals say. Everything runs on the Qt thread (qasync loop); each
request is one asyncio task (a new one cancels the previous one of its kind).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, Signal
from PySide6.QtGui import QImage, QImageReader

from interpreter.core.glossary import Glossary
from interpreter.core.mt_languages import DEFAULT_MT_MODEL, MT_MODELS, MtLanguage, mt_model
from interpreter.core.ocr_tasks import (
    DEFAULT_OCR_MODEL,
    OCR_MODELS,
    TASKS,
    OcrResult,
    OcrTask,
    OcrUsage,
    OcrWord,
    PixelRange,
    rows_to_csv,
    rows_to_html,
    supports_builtin_tasks,
    validate_schema,
)
from interpreter.errors import ConfigError, InterpreterError
from interpreter.services.ocr import (
    OcrEstimate,
    OcrOptions,
    OcrOutcome,
    OcrService,
    capture_problem,
    capture_screen_via_portal,
)
from interpreter.services.text_translation import terms_of
from interpreter.store.atomic import atomic_write_text
from interpreter.store.ocr_schemas import OcrSchemaStore
from interpreter.ui.messages import render, render_error

__all__ = ["PIXEL_PRESETS", "HistoryRow", "OcrBox", "OcrDisplay", "OcrViewModel"]

_log = logging.getLogger(__name__)

#: Pixel ranges offered, with why: fewer pixels cost fewer tokens; small print needs more.
PIXEL_PRESETS: tuple[tuple[str, PixelRange], ...] = (
    ("Economy (≤ 1 MP)", PixelRange(32 * 32 * 3, 32 * 32 * 1024)),
    ("Standard (≤ 8.4 MP)", PixelRange()),
    ("Finest (≤ 15.68 MP)", PixelRange(32 * 32 * 3, 15_680_000)),
)
_STANDARD_PRESET = 1
#: The smallest side the service reads (spec §2.1: more than 10 px).
_MIN_SELECTION_PX = 11


@dataclass(frozen=True)
class OcrBox:
    """A located line: its text and its corner points in image pixels."""

    text: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class OcrDisplay:
    """A result in every form the tab shows.

    Attributes:
        kind: "text", "table", "markdown", "latex", "keyinfo" or "boxes" (which view to show first).
        text: readable text (copy, translate).
        rows: the table grid (table task).
        markdown, latex, kv_json: the other renderings.
        boxes: located lines (positions task).
        message: "No text found in ..." for an image without text, else None.
        notice: what was done to the image (scaled, split), or None.
        summary: tokens line.
    """

    kind: str
    text: str
    rows: tuple[tuple[str, ...], ...]
    markdown: str
    latex: str
    kv_json: str
    boxes: tuple[OcrBox, ...]
    message: str | None
    notice: str | None
    summary: str


@dataclass(frozen=True)
class HistoryRow:
    id: int
    title: str
    thumbnail: bytes | None


def _display(outcome: OcrOutcome) -> OcrDisplay:
    result = outcome.result
    kind = TASKS[result.task].output
    return OcrDisplay(
        kind=kind,
        text=result.plain_text,
        rows=tuple(tuple(row) for row in result.table_rows),
        markdown=result.markdown,
        latex=result.latex if result.task is OcrTask.FORMULA else "",
        kv_json=result.kv_json if result.kv is not None else "",
        boxes=tuple(OcrBox(w.text, tuple(w.corners())) for w in result.words if w.corners()),
        message=outcome.message,
        notice=outcome.notice,
        summary=f"{result.model}: {result.usage.input_tokens:,} input tokens "
        f"({result.usage.image_tokens:,} for the image), {result.usage.output_tokens:,} output",
    )


def image_to_png(image: QImage) -> bytes:
    """PNG bytes of a QImage (lossless: text stays sharp)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; the binding wants str
    buffer.close()
    return bytes(data.data())


class OcrViewModel(QObject):
    """State and actions of the OCR tab.

    Signals:
        image_changed(QImage, str): the image to show and its name.
        estimate_changed(str): size and token cost of the image under the chosen options.
        busy_changed(bool): a request started or ended.
        text_progress(str): the text read so far while the answer streams.
        result_ready(OcrDisplay): a finished recognition.
        translation_changed(str): the translation so far / final.
        table_translated(list[list[str]]): the translated grid.
        notice(str, str): one sentence and its level ("info", "warning", "error").
        history_changed(): the history list changed.
    """

    image_changed = Signal(QImage, str)
    estimate_changed = Signal(str)
    busy_changed = Signal(bool)
    text_progress = Signal(str)
    result_ready = Signal(object)
    translation_changed = Signal(str)
    table_translated = Signal(object)
    notice = Signal(str, str)
    history_changed = Signal()

    def __init__(
        self,
        service: OcrService,
        *,
        glossaries: Callable[[], Sequence[Glossary]] = list,
        schemas: OcrSchemaStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._glossaries = glossaries
        self._schemas = schemas or OcrSchemaStore()
        self.task = OcrTask.TEXT
        self.model = DEFAULT_OCR_MODEL
        self.preset = _STANDARD_PRESET
        self.enable_rotate = True
        self.schema_text = json.dumps(next(iter(self._schemas.load().values()), {}), ensure_ascii=False, indent=2)
        self.image_png: bytes | None = None
        self.image_path: Path | None = None
        self.image_name = ""
        self.last_region: QRect | None = None
        self.outcome: OcrOutcome | None = None
        self.display: OcrDisplay | None = None
        self.translation = ""
        self.translated_rows: list[list[str]] = []
        self._tasks: dict[str, asyncio.Task[None]] = {}

    # -- choices ------------------------------------------------------------------------------------------------

    @staticmethod
    def task_choices() -> list[tuple[str, str, str]]:
        """(value, label, description) of each task."""
        return [(task.value, info.label, info.description) for task, info in TASKS.items()]

    @staticmethod
    def model_choices() -> tuple[str, ...]:
        return OCR_MODELS

    @staticmethod
    def preset_labels() -> list[str]:
        return [label for label, _ in PIXEL_PRESETS]

    @staticmethod
    def mt_models() -> tuple[str, ...]:
        return MT_MODELS

    @staticmethod
    def default_mt_model() -> str:
        return DEFAULT_MT_MODEL

    @staticmethod
    def languages(model: str) -> tuple[MtLanguage, ...]:
        return mt_model(model).languages

    def glossary_names(self) -> list[str]:
        try:
            return [glossary.name for glossary in self._glossaries()]
        except InterpreterError as error:
            _log.warning("glossaries unavailable: %s", error)
            return []

    def model_has_tasks(self) -> bool:
        return supports_builtin_tasks(self.model)

    # -- options ------------------------------------------------------------------------------------------------

    def set_options(
        self,
        *,
        task: str | None = None,
        model: str | None = None,
        preset: int | None = None,
        enable_rotate: bool | None = None,
    ) -> None:
        """Change the task options; the token estimate follows."""
        if task is not None:
            self.task = OcrTask(task)
        if model is not None:
            self.model = model
        if preset is not None:
            self.preset = max(0, min(len(PIXEL_PRESETS) - 1, preset))
        if enable_rotate is not None:
            self.enable_rotate = enable_rotate
        self._refresh_estimate()

    def options(self) -> OcrOptions:
        """The options for a request (raises ConfigError for a bad schema)."""
        schema = None
        if self.task is OcrTask.KEYINFO:
            schema = self._parse_schema(self.schema_text)
        return OcrOptions(
            task=self.task,
            model=self.model,
            pixel_range=PIXEL_PRESETS[self.preset][1],
            enable_rotate=self.enable_rotate,
            schema=schema,
        ).checked()

    # -- schemas ------------------------------------------------------------------------------------------------

    @staticmethod
    def _parse_schema(text: str) -> dict[str, Any]:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ConfigError(
                f"The schema is not valid JSON (line {getattr(exc, 'lineno', '?')}): fix it in the schema editor.",
                field="schema",
            ) from exc
        return validate_schema(data)

    def schema_names(self) -> list[str]:
        return sorted(self._schemas.load())

    def schema_json(self, name: str) -> str:
        return json.dumps(self._schemas.load().get(name, {}), ensure_ascii=False, indent=2)

    def save_schema(self, name: str, text: str) -> bool:
        """Validate and save ``text`` as ``name``; a problem becomes a notice (returns False)."""
        if not name.strip():
            self.notice.emit(self.tr("Give the schema a name first."), "warning")
            return False
        try:
            self._schemas.save(name.strip(), self._parse_schema(text))
        except InterpreterError as error:
            self.notice.emit(render_error(error), "error")
            return False
        self.schema_text = text
        self.notice.emit(self.tr("Schema “{name}” saved.").format(name=name.strip()), "info")
        return True

    # -- sources ------------------------------------------------------------------------------------------------

    def open_file(self, path: str) -> None:
        """Show and use the image file ``path`` (EXIF rotation applied for display)."""
        file = Path(path)
        reader = QImageReader(str(file))
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            # The service side gives the precise sentence (empty, not an image, damaged...).
            self.image_path, self.image_png, self.image_name = file, None, file.name
            self._start("estimate", self._estimate, notify_errors=True)
            return
        self.image_path, self.image_png, self.image_name = file, None, file.name
        self._new_image(image)

    def paste_image(self, image: QImage | None) -> bool:
        """Use an image from the clipboard; None or a null image says the clipboard holds none."""
        if image is None or image.isNull():
            self.notice.emit(
                self.tr("The clipboard has no image: copy a screenshot or picture first, then paste."), "warning"
            )
            return False
        self.image_path, self.image_png, self.image_name = None, image_to_png(image), self.tr("Clipboard image")
        self._new_image(image)
        return True

    def set_capture(self, image: QImage, region: QRect) -> bool:
        """Use a snipped screen region; too small or blank captures are refused with a sentence."""
        if image.width() < _MIN_SELECTION_PX or image.height() < _MIN_SELECTION_PX:
            self.notice.emit(
                self.tr(
                    "The selection is only {w}×{h} px; drag over a larger area (at least {m}×{m} px) to read it."
                ).format(w=image.width(), h=image.height(), m=_MIN_SELECTION_PX),
                "warning",
            )
            return False
        png = image_to_png(image)
        problem = capture_problem(png)
        if problem is not None:
            self.notice.emit(render(problem), "error")
            return False
        self.last_region = QRect(region)
        self.image_path, self.image_png, self.image_name = None, png, self.tr("Screen region")
        self._new_image(image)
        return True

    async def portal_capture(self) -> bytes:
        """The whole screen through the desktop portal (Wayland); raises DeviceError with one sentence."""
        return await capture_screen_via_portal()

    def _new_image(self, image: QImage) -> None:
        self.outcome, self.display, self.translation, self.translated_rows = None, None, "", []
        self.image_changed.emit(image, self.image_name)
        self._refresh_estimate()

    def _source(self) -> bytes | Path | None:
        return self.image_png if self.image_png is not None else self.image_path

    # -- estimate -----------------------------------------------------------------------------------------------

    def _refresh_estimate(self) -> None:
        if self._source() is not None:
            self._start("estimate", self._estimate, notify_errors=False)

    async def _estimate(self) -> None:
        source = self._source()
        if source is None:
            return
        try:
            estimate: OcrEstimate = await self._service.estimate(
                source, OcrOptions(model=self.model, pixel_range=PIXEL_PRESETS[self.preset][1]), name=self.image_name
            )
        except InterpreterError as error:
            self.estimate_changed.emit("")
            self.notice.emit(render_error(error), "error")
            return
        pieces = self.tr(" in {n} pieces").format(n=estimate.pieces) if estimate.pieces > 1 else ""
        self.estimate_changed.emit(
            self.tr("{w}×{h} px · about {t} image tokens{pieces}").format(
                w=estimate.width, h=estimate.height, t=f"{estimate.image_tokens:,}", pieces=pieces
            )
        )

    # -- recognition --------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        task = self._tasks.get("request")
        return task is not None and not task.done()

    def recognize(self) -> None:
        """Read the current image with the current task."""
        source = self._source()
        if source is None:
            self.notice.emit(self.tr("Choose an image first: open a file, paste, or snip a screen region."), "info")
            return
        try:
            options = self.options()
        except InterpreterError as error:
            self.notice.emit(render_error(error), "error")
            return
        self._start("request", lambda: self._recognize(source, options), notify_errors=True)

    async def _recognize(self, source: bytes | Path, options: OcrOptions) -> None:
        outcome = await self._service.recognize(source, options, name=self.image_name, on_text=self.text_progress.emit)
        self.outcome = outcome
        self.display = _display(outcome)
        self.translation, self.translated_rows = "", []
        self.result_ready.emit(self.display)
        if outcome.message:
            self.notice.emit(render(outcome.message), "info")
        elif outcome.notice:
            self.notice.emit(render(outcome.notice), "info")
        if outcome.history_id is not None:
            self.history_changed.emit()

    # -- translation --------------------------------------------------------------------------------------------

    def _glossary(self, name: str | None) -> Glossary | None:
        if not name:
            return None
        return next((g for g in self._glossaries() if g.name == name), None)

    def translate(self, target: str, *, model: str | None = None, glossary: str | None = None) -> None:
        """Translate the recognised text (a table: cell by cell, keeping the grid)."""
        outcome = self.outcome
        if outcome is None or outcome.no_text:
            self.notice.emit(self.tr("There is no recognised text to translate yet."), "info")
            return
        terms = terms_of(self._glossary(glossary))
        if self.display is not None and self.display.rows:
            rows = [list(row) for row in self.display.rows]
            self._start("request", lambda: self._translate_rows(rows, target, model, terms), notify_errors=True)
        else:
            self._start("request", lambda: self._translate(outcome, target, model, terms), notify_errors=True)

    async def _translate(self, outcome: OcrOutcome, target: str, model: str | None, terms: Any) -> None:
        def progress(text: str) -> None:
            self.translation = text
            self.translation_changed.emit(text)

        self.translation = await self._service.translate(
            outcome, target, model=model, terms=terms, on_progress=progress
        )
        self.translation_changed.emit(self.translation)

    async def _translate_rows(self, rows: list[list[str]], target: str, model: str | None, terms: Any) -> None:
        self.translated_rows = await self._service.translate_rows(rows, target, model=model, terms=terms)
        self.translation = "\n".join("\t".join(row) for row in self.translated_rows)
        self.table_translated.emit(self.translated_rows)
        self.translation_changed.emit(self.translation)

    # -- exports ------------------------------------------------------------------------------------------------

    def export_text(self, which: str, fmt: str, *, excel: bool = False) -> str:
        """The text an export writes: ``which`` "source"/"translation"; ``fmt`` txt, md, csv, html, tex, json."""
        display = self.display
        if display is None:
            return ""
        rows = [list(r) for r in display.rows] if which == "source" else self.translated_rows
        if fmt == "csv" and rows:
            return rows_to_csv(rows, excel=excel)
        if fmt == "html" and rows:
            return rows_to_html(rows) + "\n"
        if which == "translation":
            text = self.translation
            return (f"# {self.image_name}\n\n{text}\n") if fmt == "md" else text + "\n"
        if fmt == "md":
            return display.markdown + "\n"
        if fmt == "tex" and display.latex:
            return display.latex + "\n"
        if fmt == "json" and display.kv_json:
            return display.kv_json + "\n"
        return display.text + "\n"

    def export(self, path: str, which: str = "source", *, excel: bool = False) -> None:
        """Write the source or translation to ``path`` (format from its suffix), atomically, off the Qt thread.

        ``excel``: a CSV Excel opens correctly (UTF-8 with a byte-order mark).
        """
        fmt = Path(path).suffix.lower().lstrip(".") or "txt"
        text = self.export_text(which, fmt, excel=excel)
        if not text.strip():
            self.notice.emit(self.tr("There is nothing to export yet."), "info")
            return
        self._start("export", lambda: self._write(Path(path), text), notify_errors=True)

    async def _write(self, path: Path, text: str) -> None:
        try:
            await asyncio.to_thread(atomic_write_text, path, text)
        except OSError as exc:
            self.notice.emit(
                self.tr("Cannot write {path} ({why}); choose another place.").format(
                    path=path, why=exc.strerror or exc
                ),
                "error",
            )
            return
        self.notice.emit(self.tr("Saved {path}.").format(path=path), "info")

    # -- history ------------------------------------------------------------------------------------------------

    def history(self, limit: int = 50) -> list[HistoryRow]:
        store = self._service.history
        if store is None:
            return []
        try:
            entries = store.entries(limit)
        except InterpreterError as error:
            self.notice.emit(render_error(error), "error")
            return []
        return [
            HistoryRow(e.id, f"{e.created_at[:16].replace('T', ' ')} · {e.source} · {e.text[:40]}", e.thumbnail)
            for e in entries
        ]

    def open_history(self, entry_id: int) -> bool:
        """Show a stored result again (its thumbnail, text, table, boxes and translation) without a request."""
        store = self._service.history
        entry = store.get(entry_id) if store is not None else None
        if entry is None:
            self.notice.emit(self.tr("That history entry is gone."), "warning")
            return False
        stored = entry.result
        words = tuple(
            OcrWord(str(w.get("text", "")), tuple(w.get("location", ())), tuple(w.get("rotate_rect", ())))
            for w in stored.get("words") or ()
        )
        result = OcrResult(
            task=OcrTask(entry.task),
            text=str(stored.get("text", entry.text)),
            words=words,
            kv=stored.get("kv"),
            usage=OcrUsage(
                input_tokens=int(entry.usage.get("input_tokens", 0)),
                output_tokens=int(entry.usage.get("output_tokens", 0)),
            ),
            model=entry.model,
        )
        width, height = int(stored.get("width") or 0), int(stored.get("height") or 0)
        image = QImage.fromData(entry.thumbnail) if entry.thumbnail else QImage()
        if not image.isNull() and width and height:
            # Boxes were measured on the full image; the thumbnail is smaller: scale them onto it.
            factor = image.width() / width
            result = replace(
                result,
                words=tuple(
                    OcrWord(w.text, tuple(v * factor for v in w.location), w.rotate_rect) for w in result.words
                ),
            )
        self.outcome = OcrOutcome(result, entry.source, width, height, history_id=entry.id)
        self.display = _display(self.outcome)
        self.image_path, self.image_png, self.image_name = None, None, entry.source
        if not image.isNull():
            self.image_changed.emit(image, entry.source)
        self.result_ready.emit(self.display)
        self.translation, self.translated_rows = entry.translation, []
        if entry.translation:
            self.translation_changed.emit(entry.translation)
        return True

    # -- tasks --------------------------------------------------------------------------------------------------

    def _start(self, kind: str, work: Callable[[], Coroutine[Any, Any, None]], *, notify_errors: bool) -> None:
        """Run ``work()`` as the one task of ``kind`` (cancelling the previous one); the coroutine is made inside the
        task so a task cancelled before it starts leaves no un-awaited coroutine behind."""
        previous = self._tasks.get(kind)
        if previous is not None and not previous.done():
            previous.cancel()
        task = asyncio.ensure_future(self._guard(kind, work, notify_errors))
        self._tasks[kind] = task

    async def _guard(self, kind: str, work: Callable[[], Coroutine[Any, Any, None]], notify_errors: bool) -> None:
        if kind == "request":
            self.busy_changed.emit(True)
        try:
            await work()
        except asyncio.CancelledError:
            raise
        except InterpreterError as error:
            if notify_errors:
                self.notice.emit(render_error(error), "error")
            else:
                _log.info("OCR %s: %s", kind, error)
        finally:
            if kind == "request":
                self.busy_changed.emit(False)

    async def aclose(self) -> None:
        tasks, self._tasks = list(self._tasks.values()), {}
        for task in tasks:
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
