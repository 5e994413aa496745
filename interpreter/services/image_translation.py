"""Image translation with qwen-mt-image (spec §6): pictures in, translated pictures (same size) out. Qt-free.

One picture's way, each step recorded in :class:`~interpreter.store.image_tasks.ImageTaskStore`:

1. check and fix the picture locally (:mod:`interpreter.media.images`, in a worker thread) — nothing is paid for a
   picture the service would refuse;
2. temporary upload (:mod:`interpreter.transport.upload`) → ``oss://`` URL;
3. wait for a place under the limits (``ApiLimiter.for_api("mt-image")``: 1 submit per second, 2 tasks in flight —
   the place is held until the task ends, so never more than 2 run), record ``submitting``, submit with
   ``X-DashScope-Async: enable`` and record the ``task_id`` at once;
4. poll ``GET /api/v1/tasks/{id}`` at most once per second per task (1 s, then backing off to 8 s; all polls also
   share the ``mt-image-query`` limiter); CANCEL while PENDING when asked;
5. SUCCEEDED → download the result at once (its URL expires in 24 h) and write ``<stem>.<target>.<ext>`` atomically
   beside the picture (or in the chosen folder), never over an existing file (``name (2).jpg``...);
   "No text detected for translation" is done-with-note (billed); FAILED/UNKNOWN get a sentence with what to do.

A crash or quit between 3 and 5 is resumed by :meth:`ImageTranslationService.resume`: the stored task id is polled
again, never resubmitted. Region: qwen-mt-image is Beijing-only, so a Singapore endpoint is refused before anything
is sent (:func:`check_region`); a custom base URL (emulator, demo, proxy) is taken to serve every model.

For the ``translate`` command: ``is_image(path)`` says whether a path goes here; ``resolve_image_endpoint(base_url,
region, api_key)`` picks the endpoint and the (Beijing) key; ``translate_images(paths, options, endpoint=...,
api_key=..., on_progress=...)`` resumes interrupted tasks, runs the batch and returns one :class:`ImageProgress` per
picture; ``exit_code(results)`` gives the command's exit code. Plain data lives in :mod:`.image_jobs`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from interpreter.core import image_rules
from interpreter.core.image_rules import MT_IMAGE_MODEL
from interpreter.errors import (
    ConfigError,
    InterpreterError,
    MediaFileError,
    NetworkError,
    NetworkTimeoutError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
    ServiceError,
    StorageError,
)
from interpreter.media.images import PreparedImage, is_image, prepare_image
from interpreter.protocol.retry import HttpRetryPolicy
from interpreter.services import texts
from interpreter.services.image_jobs import (
    ErrorKind,
    ImageProgress,
    ImageStatus,
    ImageTranslationOptions,
    ProgressCallback,
    RegionNotServedError,
    check_region,
    error_kind,
    exit_code,
    failure_sentence,
    price_text,
    resolve_image_endpoint,
    write_result,
)
from interpreter.services.limiter import ApiLimiter
from interpreter.store.image_tasks import ImageRecord, ImageTaskStore, RecordState
from interpreter.transport.errors import StreamIncompleteError
from interpreter.transport.http import HttpClient
from interpreter.transport.upload import (
    OSS_RESOLVE_HEADERS,
    ResultExpiredError,
    download_result,
    upload_temporary_file,
)

__all__ = [
    "ErrorKind",
    "ImageProgress",
    "ImageStatus",
    "ImageTranslationOptions",
    "ImageTranslationService",
    "RegionNotServedError",
    "check_region",
    "exit_code",
    "is_image",
    "price_text",
    "resolve_image_endpoint",
    "translate_images",
]

_log = logging.getLogger(__name__)

SYNTHESIS_PATH: Final = "/api/v1/services/aigc/image2image/image-synthesis"
TASK_PATH: Final = "/api/v1/tasks/{task_id}"
CANCEL_PATH: Final = "/api/v1/tasks/{task_id}/cancel"
ASYNC_HEADERS: Final[Mapping[str, str]] = {"X-DashScope-Async": "enable"}
NO_TEXT_MESSAGE: Final = "No text detected for translation"

#: First wait before polling a task, and the most between two polls: the documented query limit is 1 per second
#: (spec §6), tasks take ~5-7 s, and backing off to 8 s keeps a slow task from costing dozens of queries.
POLL_FIRST_S: Final = 1.0
POLL_MAX_S: Final = 8.0
POLL_BACKOFF: Final = 1.5
#: Poll failures (network, 5xx) tolerated in a row before the picture is reported failed; the task keeps its id in
#: the store, so a later resume still picks it up.
MAX_POLL_FAILURES: Final = 8
#: Least time between two submit requests leaving: the documented limit is 1 per second (spec §8.3), counted by the
#: service on arrival. The limiter grants places 1 s apart, but a request leaves after its store write (an fsync of
#: varying length), so the submits themselves are also spaced, with 5 % to spare for the network's jitter.
MIN_SUBMIT_GAP_S: Final = 1.05
#: Uploads at once: two keep the two task slots fed without saturating a home uplink.
MAX_PARALLEL_UPLOADS: Final = 2


_NOT_CANCELLED: Final = "already running at the service, so it could not be cancelled (it will be billed)"


class _Cancelled(Exception):
    """The user cancelled this picture (internal control flow)."""


@dataclass
class _Work:
    progress: ImageProgress
    options: ImageTranslationOptions
    cancel: asyncio.Event = field(default_factory=asyncio.Event)


class ImageTranslationService:
    """Translate pictures with qwen-mt-image against one endpoint (see the module docstring).

    Args:
        endpoint: ``"beijing"`` or a custom base URL (emulator/demo/proxy); Singapore is refused.
        api_key: the key for that endpoint.
        store: task records (default: the app's ``image_tasks.sqlite3``).
        client: an HTTP client for the endpoint (default: one made here and closed by :meth:`aclose`).
        limiter: submit limiter (default ``mt-image``: 1/s, 2 in flight); query_limiter: for polls
            (default ``mt-image-query``: 1/s).
        on_progress: called on the event loop at every change of a picture.
        poll_first_s, poll_max_s: polling pace (the defaults follow the documented limit; tests keep them).

    Raises:
        RegionNotServedError: a Singapore endpoint.
    """

    def __init__(
        self,
        *,
        endpoint: str,
        api_key: str,
        store: ImageTaskStore | None = None,
        client: HttpClient | None = None,
        limiter: ApiLimiter | None = None,
        query_limiter: ApiLimiter | None = None,
        on_progress: ProgressCallback | None = None,
        poll_first_s: float = POLL_FIRST_S,
        poll_max_s: float = POLL_MAX_S,
    ) -> None:
        check_region(endpoint)
        self.endpoint = endpoint
        self._own_client = client is None
        self._client = client or HttpClient(endpoint, api_key=api_key)
        self._store = store or ImageTaskStore()
        self._own_store = store is None
        self._limiter = limiter or ApiLimiter.for_api("mt-image")
        self._submit_gate = asyncio.Lock()
        self._last_submit_at = -math.inf
        self._query_limiter = query_limiter or ApiLimiter.for_api("mt-image-query")
        self._uploads = asyncio.Semaphore(MAX_PARALLEL_UPLOADS)
        self._on_progress = on_progress
        self._poll_first_s = max(POLL_FIRST_S, poll_first_s)  # never faster than the documented 1 per second
        self._poll_max_s = max(self._poll_first_s, poll_max_s)
        self._work: dict[int, _Work] = {}

    @property
    def store(self) -> ImageTaskStore:
        return self._store

    @property
    def limiter(self) -> ApiLimiter:
        return self._limiter

    async def aclose(self) -> None:
        """Close what this service opened (the client, the store it made)."""
        if self._own_client:
            await self._client.aclose()
        if self._own_store:
            self._store.close()

    # -- public flows ---------------------------------------------------------------------------------------------

    async def translate(self, paths: Sequence[Path], options: ImageTranslationOptions) -> list[ImageProgress]:
        """Translate every picture in ``paths`` (a batch: one failure never stops the others).

        Raises:
            ImageLanguageError: the languages break a rule (checked once, before anything is sent).
            StorageError: the task list cannot be written (nothing is sent without a record).
        """
        checked = options.checked()
        works = []
        for path in paths:
            record_id = await asyncio.to_thread(
                self._store.add, Path(path), checked.target, checked.to_json(), self.endpoint
            )
            work = _Work(ImageProgress(record_id, Path(path), ImageStatus.QUEUED), checked)
            self._work[record_id] = work
            self._emit(work)
            works.append(work)
        return list(await asyncio.gather(*(self._run_new(w) for w in works)))

    async def retry(self, record_ids: Sequence[int]) -> list[ImageProgress]:
        """Translate failed (or cancelled) pictures again, as new tasks with their stored options."""
        works = []
        for record_id in record_ids:
            record = await asyncio.to_thread(self._store.get, record_id)
            if record is None or record.state not in (RecordState.FAILED, RecordState.CANCELLED):
                continue
            await asyncio.to_thread(self._store.requeue, record_id)
            work = _Work(
                ImageProgress(record_id, record.source_path, ImageStatus.QUEUED),
                ImageTranslationOptions.from_json(record.options),
            )
            self._work[record_id] = work
            self._emit(work)
            works.append(work)
        return list(await asyncio.gather(*(self._run_new(w) for w in works)))

    async def resume(self) -> list[ImageProgress]:
        """Pick up pictures a crash or quit interrupted at this endpoint: poll their stored task ids again.

        A picture recorded as ``submitting`` without a task id is not resubmitted (it may have been billed); it is
        reported failed with a sentence offering retry.
        """
        records = [r for r in await asyncio.to_thread(self._store.unfinished) if r.endpoint == self.endpoint]
        return list(await asyncio.gather(*(self._resume_one(r) for r in records)))

    def cancel(self, record_id: int) -> None:
        """Ask to cancel a picture: dropped if not yet submitted, cancelled at the service while PENDING; a task
        already RUNNING cannot be cancelled (spec §6) and finishes."""
        work = self._work.get(record_id)
        if work is not None:
            work.cancel.set()

    # -- one picture ----------------------------------------------------------------------------------------------

    def _emit(self, work: _Work, **changes: Any) -> ImageProgress:
        if changes:
            work.progress = replace(work.progress, **changes)
        if self._on_progress is not None:
            try:
                self._on_progress(work.progress)
            except Exception:  # a view's bug must not stop a paid task
                _log.exception("image progress callback failed")
        return work.progress

    async def _run_new(self, work: _Work) -> ImageProgress:
        record_id = work.progress.record_id
        try:
            # At most MAX_PARALLEL_UPLOADS pictures are decoded and held in memory at once (each up to 10 MB).
            async with self._uploads:
                if work.cancel.is_set():
                    raise _Cancelled
                self._emit(work, status=ImageStatus.CHECKING)
                prepared = await asyncio.to_thread(
                    prepare_image, work.progress.source_path, allow_fixes=work.options.allow_fixes
                )
                self._emit(work, status=ImageStatus.UPLOADING, notes=prepared.inspection.notes())
                url = await self._upload(prepared)
            self._emit(work, status=ImageStatus.WAITING)
            async with self._limiter.slot():
                if work.cancel.is_set():
                    raise _Cancelled
                task_id = await self._submit(work, url)
                return await self._follow(work, task_id)
        except _Cancelled:
            await asyncio.to_thread(self._store.finish, record_id, RecordState.CANCELLED)
            return self._emit(work, status=ImageStatus.CANCELLED)
        except (InterpreterError, OSError) as exc:
            return await self._fail(work, _sentence(exc, work.progress.source_path), error_kind(exc))

    async def _resume_one(self, record: ImageRecord) -> ImageProgress:
        options = ImageTranslationOptions.from_json(record.options)
        work = _Work(ImageProgress(record.id, record.source_path, ImageStatus.PENDING, task_id=record.task_id), options)
        self._work[record.id] = work
        if record.state is RecordState.SUBMITTING or not record.task_id:
            return await self._fail(
                work,
                f"The app stopped while {record.source_path.name} was being submitted, so whether the service "
                "received it is unknown; choose Retry to translate it (it may then be billed twice).",
                ErrorKind.SERVICE,
            )
        self._emit(work)
        try:
            async with self._limiter.slot():  # a resumed task still occupies one of the 2 places
                return await self._follow(work, record.task_id)
        except _Cancelled:
            await asyncio.to_thread(self._store.finish, record.id, RecordState.CANCELLED)
            return self._emit(work, status=ImageStatus.CANCELLED)
        except (InterpreterError, OSError) as exc:
            return await self._fail(work, _sentence(exc, record.source_path), error_kind(exc))

    async def _fail(self, work: _Work, sentence: str, kind: ErrorKind) -> ImageProgress:
        try:
            await asyncio.to_thread(self._store.finish, work.progress.record_id, RecordState.FAILED, error=sentence)
        except StorageError as exc:
            _log.warning("image record not updated: %s", exc)
        return self._emit(work, status=ImageStatus.FAILED, error=sentence, error_kind=kind)

    async def _upload(self, prepared: PreparedImage) -> str:
        policy = HttpRetryPolicy()
        while True:
            try:
                return await upload_temporary_file(
                    self._client,
                    model=MT_IMAGE_MODEL,
                    file_name=prepared.upload_name,
                    content=prepared.content,
                    content_type=prepared.mime_type,
                )
            except (NetworkError, RateLimitError, ServerError) as exc:  # an upload is free: retry it
                delay = policy.next_delay(exc)
                if delay is None:
                    raise
                await asyncio.sleep(delay)

    async def _submit(self, work: _Work, url: str) -> str:
        """Submit once (retrying only answers that prove nothing was accepted); record the task id at once."""
        record_id = work.progress.record_id
        body = {"model": MT_IMAGE_MODEL, "input": work.options.request_input(url)}
        headers = {**ASYNC_HEADERS, **OSS_RESOLVE_HEADERS}
        policy = HttpRetryPolicy()
        while True:
            await asyncio.to_thread(self._store.mark_submitting, record_id)
            try:
                answer = await self._send_submit(body, headers)
                break
            except (RateLimitError, ServerError) as exc:  # answered with a refusal: no task was made
                delay = policy.next_delay(exc)
                if delay is None:
                    raise
                if isinstance(exc, RateLimitError):
                    self._limiter.pause_for(delay)
                await asyncio.sleep(delay)
            except (NetworkTimeoutError, StreamIncompleteError) as exc:
                # The request may have reached the service: do not send it again on our own.
                raise NetworkError(
                    texts.IMAGE_SUBMIT_UNKNOWN(file=work.progress.source_path.name),
                    detail=exc.detail,
                ) from exc
            except NetworkError as exc:  # nothing was sent (cannot connect): safe to try again
                delay = policy.next_delay(exc)
                if delay is None:
                    raise
                await asyncio.sleep(delay)
        output = _output_of(answer)
        task_id = str(output.get("task_id") or "")
        status = str(output.get("task_status") or "PENDING")
        if not task_id:
            raise ServiceError(texts.IMAGE_NO_TASK_ID())
        await asyncio.to_thread(self._store.set_task_id, record_id, task_id, status)
        self._emit(work, status=ImageStatus.PENDING, task_id=task_id)
        return task_id

    async def _send_submit(self, body: Mapping[str, Any], headers: Mapping[str, str]) -> dict[str, Any]:
        """POST the submit, at least :data:`MIN_SUBMIT_GAP_S` after the previous one left (one at a time)."""
        loop = asyncio.get_running_loop()
        async with self._submit_gate:
            wait = self._last_submit_at + MIN_SUBMIT_GAP_S - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            self._last_submit_at = loop.time()
            return await self._client.post_json(SYNTHESIS_PATH, body, headers=headers)

    async def _poll_once(self, task_id: str) -> dict[str, Any]:
        async with self._query_limiter.slot():
            return await self._client.get_json(TASK_PATH.format(task_id=task_id))

    async def _wait(self, work: _Work, seconds: float) -> None:
        """Wait ``seconds`` before the next poll, or less if the user asks to cancel."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(work.cancel.wait(), timeout=seconds)

    async def _follow(self, work: _Work, task_id: str) -> ImageProgress:
        """Poll ``task_id`` until it ends; download and write a success."""
        record_id = work.progress.record_id
        interval = self._poll_first_s
        failures = 0
        cancel_sent = False
        while True:
            await self._wait(work, interval)
            if work.cancel.is_set() and not cancel_sent:
                cancel_sent = True
                if work.progress.status is ImageStatus.PENDING:
                    if await self._cancel_task(work, task_id):
                        raise _Cancelled
                else:  # RUNNING cannot be cancelled (spec §6): say so, and keep the result it will bring
                    self._emit(work, notes=(*work.progress.notes, _NOT_CANCELLED))
            try:
                answer = await self._poll_once(task_id)
                failures = 0
            except (NetworkError, ServerError, RateLimitError) as exc:
                failures += 1
                if failures >= MAX_POLL_FAILURES:
                    raise
                _log.info("task %s: poll failed (%s); trying again", task_id, exc.user_message)
                interval = min(self._poll_max_s, interval * POLL_BACKOFF)
                continue
            output = _output_of(answer)
            status = str(output.get("task_status") or "UNKNOWN").upper()
            await asyncio.to_thread(self._store.set_task_status, record_id, status)
            if status in ("PENDING", "RUNNING"):
                shown = ImageStatus.PENDING if status == "PENDING" else ImageStatus.RUNNING
                if shown is not work.progress.status:
                    self._emit(work, status=shown)
                interval = min(self._poll_max_s, interval * POLL_BACKOFF)
                continue
            if status == "SUCCEEDED":
                return await self._deliver(work, output)
            if status == "CANCELED":
                raise _Cancelled
            if status == "FAILED":
                raise _TaskFailed(failure_sentence(work.progress.source_path, output))
            raise _TaskFailed(texts.IMAGE_TASK_FORGOTTEN(file=work.progress.source_path.name))

    async def _cancel_task(self, work: _Work, task_id: str) -> bool:
        try:
            await self._client.post_json(CANCEL_PATH.format(task_id=task_id), {})
            return True
        except RequestRejectedError:  # no longer PENDING: it runs to the end (spec §6)
            self._emit(work, notes=(*work.progress.notes, _NOT_CANCELLED))
            return False

    async def _deliver(self, work: _Work, output: Mapping[str, Any]) -> ImageProgress:
        record_id = work.progress.record_id
        url = str(output.get("image_url") or "")
        message = str(output.get("message") or "")
        notes = list(work.progress.notes)
        if message == NO_TEXT_MESSAGE:
            notes.append("no text was detected, so the picture is unchanged (this is still billed)")
        self._emit(work, status=ImageStatus.DOWNLOADING, notes=tuple(notes), billed=True)
        if not url:
            raise _TaskFailed(texts.IMAGE_NO_RESULT_LINK(file=work.progress.source_path.name))
        policy = HttpRetryPolicy()
        while True:
            try:
                result = await download_result(url, timeouts=self._client.timeouts)
                break
            except (NetworkError, ServerError) as exc:
                delay = policy.next_delay(exc)
                if delay is None:
                    raise
                await asyncio.sleep(delay)
        target_path = await asyncio.to_thread(
            write_result, work.progress.source_path, work.options, result.content, result.content_type
        )
        if target_path.name != image_rules.output_name(
            work.progress.source_path.stem, work.options.target, target_path.suffix
        ):
            notes.append(f"saved as {target_path.name} because the usual name was taken")
        await asyncio.to_thread(
            self._store.finish,
            record_id,
            RecordState.DONE,
            output_path=target_path,
            note="; ".join(notes) or None,
            billed=True,
        )
        return self._emit(work, status=ImageStatus.DONE, output_path=target_path, notes=tuple(notes), billed=True)


def _output_of(answer: Mapping[str, Any]) -> Mapping[str, Any]:
    output = answer.get("output")
    return output if isinstance(output, Mapping) else {}


class _TaskFailed(InterpreterError):
    """The task ended without a usable result (the sentence says why and what to do)."""


def _sentence(exc: BaseException, path: Path) -> str:
    if isinstance(exc, MediaFileError | ConfigError | _TaskFailed | ResultExpiredError):
        return exc.user_message
    if isinstance(exc, RequestRejectedError):
        reason = f" ({exc.detail})" if exc.detail else ""
        return f"The service refused {path.name}{reason}; check the picture and the options."
    if isinstance(exc, InterpreterError):
        return f"{path.name}: {exc.user_message}"
    return f"{path.name} could not be processed ({exc}); check the file and the folder."


async def translate_images(
    paths: Sequence[Path],
    options: ImageTranslationOptions,
    *,
    endpoint: str,
    api_key: str,
    on_progress: ProgressCallback | None = None,
    store: ImageTaskStore | None = None,
) -> list[ImageProgress]:
    """Translate a batch of pictures (the ``translate`` command's entry point for images).

    Resumes this endpoint's interrupted tasks first (their results are written too), then translates ``paths``.

    Raises:
        RegionNotServedError: a Singapore endpoint; ImageLanguageError: languages; StorageError: the task list.
    """
    service = ImageTranslationService(endpoint=endpoint, api_key=api_key, store=store, on_progress=on_progress)
    try:
        await service.resume()
        return await service.translate(paths, options)
    finally:
        await service.aclose()
