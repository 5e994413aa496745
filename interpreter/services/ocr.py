"""OCR flow (Qt-free): image -> prepared pieces -> Qwen-OCR -> OcrResult -> history; then translation.

:class:`OcrService` runs one task on one image (a path, or the bytes of a pasted or snipped screenshot):

1. ``media.ocr_images.prepare_ocr_image`` in a worker thread: upright (EXIF), into the pixel range, a very tall
   screenshot split into pieces (said in :attr:`OcrOutcome.notice`);
2. per piece, one request through the shared limiter (``ApiLimiter.for_api("ocr")``): the NATIVE API with
   ``ocr_options.task`` when the model has built-in tasks (streamed, parsed by ``protocol.ocr_stream``), the
   OpenAI-compatible form with the task's prompt for a plain prompt or the 2024-10-28 snapshot (spec §5.4);
   retryable failures (throttling, server errors, a cut stream) are retried with backoff; a refusal is not;
3. the pieces' results joined (text in order; boxes moved back onto the original image; table rows stacked);
4. a history entry (thumbnail, task, text) when a history is given.

An image with no text is not an error: :attr:`OcrOutcome.no_text` is True and :attr:`OcrOutcome.message` says so.
:meth:`OcrService.translate` / :meth:`OcrService.translate_rows` translate the text with Qwen-MT through the text
service (``services.text_translation``: glossary terms, language checks, chunking), a table cell by cell in one
job so the grid is kept. :func:`capture_problem` says when a screen capture came back
blank (a desktop that does not allow capture).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from interpreter.core.mt_chunking import Term
from interpreter.core.ocr_tasks import (
    DEFAULT_OCR_MODEL,
    TASKS,
    OcrResult,
    OcrTask,
    OcrUsage,
    OcrWord,
    PixelRange,
    estimate_image_tokens,
    rows_to_html,
    supports_builtin_tasks,
    validate_schema,
)
from interpreter.errors import ConfigError, ProtocolError, StorageError
from interpreter.media.ocr_images import PreparedImage, looks_blank, make_thumbnail, prepare_ocr_image
from interpreter.media.screen_snip import portal_available, portal_screenshot
from interpreter.protocol.chat_stream import ChoiceFinished, TextDelta, UsageReported
from interpreter.protocol.ocr_stream import (
    MULTIMODAL_GENERATION_PATH,
    NativeSseDecoder,
    OcrStreamAccumulator,
    compat_ocr_request,
    native_ocr_request,
    result_from_compat_text,
)
from interpreter.protocol.retry import HttpRetryPolicy
from interpreter.services import texts
from interpreter.services.limiter import ApiLimiter
from interpreter.services.text_translation import (
    TextTranslationOptions,
    TextTranslationService,
    TranscriptRow,
)
from interpreter.store.ocr_history import OcrHistory, OcrHistoryEntry
from interpreter.transport.errors import StreamIncompleteError, map_service_error
from interpreter.transport.http import HttpClient

__all__ = [
    "OcrEstimate",
    "OcrOptions",
    "OcrOutcome",
    "OcrService",
    "capture_problem",
    "capture_screen_via_portal",
    "screen_portal_available",
]

_log = logging.getLogger(__name__)

#: Attempts per piece: a throttled minute or a cut stream is ridden out, a real outage reaches the user quickly.
_MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class OcrOptions:
    """What to read and how.

    Attributes:
        task: the task (named for people).
        model: a qwen-vl-ocr model; the 2024-10-28 snapshot has no built-in tasks, so its requests carry the
            task's prompt (OpenAI-compatible form).
        pixel_range: ``min_pixels``/``max_pixels``; pieces are scaled locally to at most ``max_pixels``.
        enable_rotate: let the service straighten rotated text (native form only).
        schema: the key-information result schema (required for that task; nesting <= 3).
        prompt: a plain prompt instead of a built-in task (sent OpenAI-compatible).
        stream: stream the native answer (text appears as it is read).
    """

    task: OcrTask = OcrTask.TEXT
    model: str = DEFAULT_OCR_MODEL
    pixel_range: PixelRange = field(default_factory=PixelRange)
    enable_rotate: bool = True
    schema: Mapping[str, Any] | None = None
    prompt: str | None = None
    stream: bool = True

    def checked(self) -> OcrOptions:
        """These options with the schema validated (raises ConfigError with one sentence)."""
        if self.task is OcrTask.KEYINFO and not self.prompt:
            if not self.schema:
                raise ConfigError(
                    texts.OCR_KEYINFO_NEEDS_SCHEMA(),
                    field="schema",
                )
            return replace(self, schema=validate_schema(self.schema))
        return self

    @property
    def uses_native(self) -> bool:
        return self.prompt is None and supports_builtin_tasks(self.model)


@dataclass(frozen=True)
class OcrEstimate:
    """Before sending: the image's size, the pieces it becomes and the tokens it will cost."""

    width: int
    height: int
    pieces: int
    image_tokens: int
    notice: str | None


@dataclass(frozen=True)
class OcrOutcome:
    """A finished recognition.

    Attributes:
        result: the joined result of every piece.
        source: the image's name (file name, "Clipboard image", "Screen region").
        width, height: the image's size after EXIF rotation (the boxes' coordinate space).
        pieces: how many requests it took (> 1 for a split tall image).
        notice: what was done to the image before sending (scaled, split, rotated), or None.
        history_id: the history entry, when kept.
    """

    result: OcrResult
    source: str
    width: int
    height: int
    pieces: int = 1
    notice: str | None = None
    history_id: int | None = None

    @property
    def no_text(self) -> bool:
        return self.result.is_empty

    @property
    def message(self) -> str | None:
        """ "No text found in ..." for an image without text (not an error), else None."""
        return texts.OCR_NO_TEXT_FOUND(source=self.source) if self.no_text else None


def capture_problem(png: bytes) -> str | None:
    """A sentence when a screen capture is blank (black or one flat colour), else None.

    A desktop that does not allow capture (Wayland without the portal, a locked macOS privacy setting) hands back
    such an image instead of an error; sending it would cost tokens and read nothing.
    """
    if looks_blank(png):
        return texts.CAPTURE_BLANK()
    return None


async def capture_screen_via_portal() -> bytes:
    """A screenshot of the whole screen through the desktop portal (Wayland), off the Qt thread.

    Raises:
        DeviceError: no portal, cancelled, not permitted (one sentence each).
    """
    return await asyncio.to_thread(portal_screenshot)


async def screen_portal_available() -> bool:
    """Whether the session bus offers the desktop's screenshot portal."""
    return await asyncio.to_thread(portal_available)


def _combine(task: OcrTask, results: Sequence[OcrResult], pieces: Sequence[PreparedImage]) -> OcrResult:
    """One result from the pieces' results: texts in order, boxes moved back onto the original image."""
    if len(results) == 1 and pieces[0].scale == 1.0 and pieces[0].top == 0:
        return results[0]
    words: list[OcrWord] = []
    for result, piece in zip(results, pieces, strict=True):
        factor = 1.0 / piece.scale
        for word in result.words:
            location = tuple((value + (piece.top if i % 2 else 0)) * factor for i, value in enumerate(word.location))
            rect = word.rotate_rect
            if len(rect) == 5:
                rect = (rect[0] * factor, (rect[1] + piece.top) * factor, rect[2] * factor, rect[3] * factor, rect[4])
            words.append(OcrWord(word.text, location, rect))
    if task is OcrTask.TABLE:
        rows = [row for result in results for row in result.table_rows]
        text = rows_to_html(rows) if rows else "\n".join(r.text for r in results)
    else:
        text = "\n".join(result.text for result in results if result.text)
    kv: dict[str, Any] | None = None
    for result in results:
        if result.kv:
            kv = {**(kv or {}), **{k: v for k, v in result.kv.items() if v not in ("", None) or k not in (kv or {})}}
    usage = OcrUsage(
        input_tokens=sum(r.usage.input_tokens for r in results),
        output_tokens=sum(r.usage.output_tokens for r in results),
        image_tokens=sum(r.usage.image_tokens for r in results),
        total_tokens=sum(r.usage.total_tokens for r in results),
    )
    first = results[0]
    return OcrResult(task, text, tuple(words), kv, usage, first.model, first.request_id)


class OcrService:
    """Runs OCR tasks (module docstring).

    Args:
        client: the HTTP client for the service (or the emulator).
        limiter: the shared OCR limiter (default: a new ``ApiLimiter.for_api("ocr")``).
        history: where to keep results (None: not kept).
        translator: the Qwen-MT text service (default: one over ``client``).
        retry_policy: makes the retry policy of one request (tests inject zero delays).
    """

    def __init__(
        self,
        client: HttpClient,
        *,
        limiter: ApiLimiter | None = None,
        history: OcrHistory | None = None,
        translator: TextTranslationService | None = None,
        retry_policy: Callable[[], HttpRetryPolicy] | None = None,
    ) -> None:
        self._client = client
        self.limiter = limiter or ApiLimiter.for_api("ocr")
        self.history = history
        self._translator = translator
        self._retry_policy = retry_policy or (lambda: HttpRetryPolicy(max_attempts=_MAX_ATTEMPTS))

    # -- estimate -------------------------------------------------------------------------------------------------

    async def estimate(self, source: bytes | Path, options: OcrOptions, *, name: str | None = None) -> OcrEstimate:
        """Size, pieces and image tokens of ``source`` under ``options`` (no request is made)."""
        pieces = await asyncio.to_thread(prepare_ocr_image, source, name=name, pixel_range=options.pixel_range)
        return self._estimate_of(pieces, options)

    @staticmethod
    def _estimate_of(pieces: Sequence[PreparedImage], options: OcrOptions) -> OcrEstimate:
        tokens = sum(
            estimate_image_tokens(p.width, p.height, model=options.model, pixel_range=options.pixel_range)
            for p in pieces
        )
        first = pieces[0]
        return OcrEstimate(first.original_width, first.original_height, len(pieces), tokens, first.notice)

    # -- recognition ----------------------------------------------------------------------------------------------

    async def recognize(
        self,
        source: bytes | Path,
        options: OcrOptions,
        *,
        name: str | None = None,
        on_text: Callable[[str], None] | None = None,
        on_estimate: Callable[[OcrEstimate], None] | None = None,
    ) -> OcrOutcome:
        """Run ``options.task`` on ``source``.

        Args:
            source: an image file, or image bytes (clipboard, screen region).
            options: task, model, pixel range...
            name: how to call the image in messages and history (default: the file name).
            on_text: called with the text read so far as a streamed answer arrives (for a live preview).
            on_estimate: called once the image is prepared, before anything is sent (size, pieces, tokens).

        Raises:
            MediaFileError (the image), ConfigError (options), the ServiceError / NetworkError families (after the
            retries). History that cannot be written is logged, not raised: the paid result is still returned.
        """
        options = options.checked()
        label = name or (source.name if isinstance(source, Path) else "The image")
        pieces = await asyncio.to_thread(prepare_ocr_image, source, name=label, pixel_range=options.pixel_range)
        if on_estimate is not None:
            on_estimate(self._estimate_of(pieces, options))
        results: list[OcrResult] = []
        done_text = ""
        for piece in pieces:

            def progress(text: str, before: str = done_text) -> None:
                if on_text is not None:
                    on_text(before + text)

            result = await self._recognize_piece(piece, options, progress)
            results.append(result)
            done_text += result.text + "\n"
        first = pieces[0]
        outcome = OcrOutcome(
            result=_combine(options.task, results, pieces),
            source=label,
            width=first.original_width,
            height=first.original_height,
            pieces=len(pieces),
            notice=first.notice,
        )
        if self.history is not None:
            try:
                outcome = replace(outcome, history_id=await self._keep(outcome, source))
            except StorageError as error:  # a paid result is never lost because history could not be written
                _log.warning("OCR result not kept in history: %s", error)
        return outcome

    async def _recognize_piece(
        self, piece: PreparedImage, options: OcrOptions, progress: Callable[[str], None]
    ) -> OcrResult:
        estimate = estimate_image_tokens(
            piece.width, piece.height, model=options.model, pixel_range=options.pixel_range
        )
        policy = self._retry_policy()
        while True:
            try:
                async with self.limiter.slot(estimate) as slot:
                    result = await self._request(piece, options, progress)
                    slot.settle(result.usage.total_tokens or estimate)
                    return result
            except Exception as error:
                delay = policy.next_delay(error)
                if delay is None:
                    raise
                retry_after = getattr(error, "retry_after_s", None)
                if retry_after:
                    self.limiter.pause_for(retry_after)
                _log.info("OCR request failed (%s); trying again in %.1f s", type(error).__name__, delay)
                await asyncio.sleep(delay)

    async def _request(self, piece: PreparedImage, options: OcrOptions, progress: Callable[[str], None]) -> OcrResult:
        url = piece.data_url()
        task = options.task
        if not options.uses_native:
            prompt = options.prompt or TASKS[task].prompt
            if task is OcrTask.KEYINFO and not options.prompt:
                import json

                prompt += json.dumps(dict(options.schema or {}), ensure_ascii=False)
            return await self._compat(url, prompt, options, progress)
        body = native_ocr_request(
            options.model,
            url,
            task,
            schema=options.schema,
            pixel_range=options.pixel_range,
            enable_rotate=options.enable_rotate,
            stream=options.stream,
        )
        if not options.stream:
            from interpreter.protocol.ocr_stream import parse_native_response

            data = await self._client.post_json(MULTIMODAL_GENERATION_PATH, body)
            return parse_native_response(data, task, options.model)
        decoder = NativeSseDecoder()
        accumulator = OcrStreamAccumulator(task, options.model)
        async for text in self._client.stream_native_text(MULTIMODAL_GENERATION_PATH, body):
            for event in decoder.feed(text):
                self._feed(accumulator, event, options.model)
            progress(accumulator.result().text)
        for event in decoder.close():
            self._feed(accumulator, event, options.model)
        if not accumulator.complete:
            raise StreamIncompleteError(
                texts.OCR_ANSWER_STOPPED_EARLY(),
                detail="native stream ended without finish_reason stop",
            )
        return accumulator.result()

    def _feed(self, accumulator: OcrStreamAccumulator, event: Any, model: str) -> None:
        accumulator.feed_event(event)
        if accumulator.error is not None:
            raise map_service_error(
                accumulator.error_status, accumulator.error, model=model, region_label=self._client.region_label
            )

    async def _compat(self, url: str, prompt: str, options: OcrOptions, progress: Callable[[str], None]) -> OcrResult:
        body = compat_ocr_request(options.model, url, prompt, pixel_range=options.pixel_range, stream=True)
        pieces: list[str] = []
        usage = OcrUsage()
        finished = False
        async for event in self._client.stream_chat_completion(body):
            if isinstance(event, TextDelta):
                pieces.append(event.text)
                progress("".join(pieces))
            elif isinstance(event, ChoiceFinished):
                finished = True
            elif isinstance(event, UsageReported):
                raw = event.usage
                usage = OcrUsage(
                    input_tokens=raw.prompt_tokens,
                    output_tokens=raw.completion_tokens,
                    image_tokens=raw.prompt_image_tokens,
                    total_tokens=raw.total_tokens,
                )
        if not finished:
            raise ProtocolError(texts.OCR_ANSWER_NOT_FINISHED())
        task = options.task if options.prompt is None else None
        return result_from_compat_text(task, "".join(pieces), usage=usage, model=options.model)

    async def _keep(self, outcome: OcrOutcome, source: bytes | Path) -> int | None:
        history = self.history
        assert history is not None
        result = outcome.result

        def store() -> int:
            data = source.read_bytes() if isinstance(source, Path) else source
            entry = OcrHistoryEntry(
                source=outcome.source,
                task=result.task.value,
                model=result.model,
                text=result.plain_text,
                result={
                    "text": result.text,
                    "kv": dict(result.kv) if result.kv is not None else None,
                    "words": [
                        {"text": w.text, "location": list(w.location), "rotate_rect": list(w.rotate_rect)}
                        for w in result.words
                    ],
                    "width": outcome.width,
                    "height": outcome.height,
                },
                thumbnail=make_thumbnail(data),
                usage={"input_tokens": result.usage.input_tokens, "output_tokens": result.usage.output_tokens},
            )
            return history.add(entry)

        return await asyncio.to_thread(store)

    # -- translation ----------------------------------------------------------------------------------------------

    @property
    def translator(self) -> TextTranslationService:
        """The Qwen-MT text service (made on first use: it loads the pricing table)."""
        if self._translator is None:
            self._translator = TextTranslationService(self._client)
        return self._translator

    async def translate(
        self,
        outcome: OcrOutcome,
        target: str,
        *,
        source_lang: str | None = None,
        model: str | None = None,
        terms: Sequence[Term] = (),
        on_progress: Callable[[str], None] | None = None,
    ) -> str:
        """Translate the recognised text (Qwen-MT); kept in the history entry. "" for an image without text.

        Raises:
            ConfigError (language not supported by the model...), the ServiceError / NetworkError families.
        """
        text = outcome.result.plain_text
        if not text.strip():
            return ""
        options = self._mt_options(target, source_lang, model, terms)
        translation = (await self.translator.translate_text(text, options, on_progress)).text
        if self.history is not None and outcome.history_id is not None:
            await asyncio.to_thread(self.history.set_translation, outcome.history_id, translation, target)
        return translation

    async def translate_rows(
        self,
        rows: Sequence[Sequence[str]],
        target: str,
        *,
        source_lang: str | None = None,
        model: str | None = None,
        terms: Sequence[Term] = (),
    ) -> list[list[str]]:
        """Translate a table's cells keeping the grid: same rows, same columns, empty cells stay empty."""
        cells = [cell for row in rows for cell in row]
        if not any(cell.strip() for cell in cells):
            return [list(row) for row in rows]
        options = self._mt_options(target, source_lang, model, terms)
        done = await self.translator.translate_transcript(
            [TranscriptRow(None, None, cell.replace("\n", " ")) for cell in cells], options
        )
        out: list[list[str]] = []
        index = 0
        for row in rows:
            out.append([done.translations[index + c] if row[c].strip() else "" for c in range(len(row))])
            index += len(row)
        return out

    @staticmethod
    def _mt_options(
        target: str, source_lang: str | None, model: str | None, terms: Sequence[Term]
    ) -> TextTranslationOptions:
        if not target.strip():
            raise ConfigError(texts.OCR_CHOOSE_TARGET(), field="target")
        fields: dict[str, Any] = {"target": target, "source": source_lang, "terms": tuple(terms)}
        if model:
            fields["model"] = model
        return TextTranslationOptions(**fields)
