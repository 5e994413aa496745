"""qwen-mt-image as an async task API (spec §6), plus the task routes every async DashScope API shares.

- ``POST /api/v1/services/aigc/image2image/image-synthesis``: 403 ``AccessDenied`` without ``X-DashScope-Async:
  enable``; validates the request as spec §6 (model, URL, languages, ``ext``), reads the picture from an ``oss://``
  upload (resolve header required) or from one of this emulator's result URLs, and answers ``PENDING`` + task id.
- ``GET /api/v1/tasks/{task_id}``: the task's status; ``UNKNOWN`` for ids it does not know (or another key's).
- ``POST /api/v1/tasks/{task_id}/cancel``: only while PENDING, else 400 ``UnsupportedOperation``.
- ``GET /results/mt-image/{token}.jpg?Expires=...``: the result picture, until its URL expires (then OSS's 403 XML).

A task waits ``pending_s`` emulated seconds, then for one of the 2 running slots (spec §8.3), runs ``running_s``
(x ``slow_factor``), and ends SUCCEEDED with the demo picture (:mod:`.image_overlay`) or FAILED (fault, unreadable
picture). Emulated time runs ``speed`` times faster than the wall clock.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import secrets
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from interpreter.emulator.context import CONTEXT_KEY, EmulatorContext
from interpreter.emulator.http.image_overlay import UnreadableImage, demo_translation, open_image
from interpreter.emulator.http.image_state import (
    FINAL_STATUSES,
    RUNNING_SLOTS,
    ImageApiState,
    ImageTask,
    TaskStatus,
)
from interpreter.emulator.http.native_errors import NativeError, access_denied, invalid_parameter, throttled
from interpreter.emulator.http.routing import HttpCall, http_route
from interpreter.emulator.http.uploads import resolve_oss_url

SYNTHESIS_PATH = "/api/v1/services/aigc/image2image/image-synthesis"
TASK_PATH = "/api/v1/tasks/{task_id}"
CANCEL_PATH = "/api/v1/tasks/{task_id}/cancel"
RESULT_PATH = "/results/mt-image/{token}.jpg"
MODEL = "qwen-mt-image"
NO_TEXT_MESSAGE = "No text detected for translation"

# Spec §6 language table (the emulator keeps its own copy: it is an independent implementation).
_BOTH = {
    "zh": "Chinese", "en": "English", "ko": "Korean", "ja": "Japanese", "ru": "Russian", "es": "Spanish",
    "fr": "French", "pt": "Portuguese", "it": "Italian", "vi": "Vietnamese",
}  # fmt: skip
_SOURCE_ONLY = {"de": "German"}
_TARGET_ONLY = {"ms": "Malay", "th": "Thai", "id": "Indonesian", "ar": "Arabic"}
_ALL = {**_BOTH, **_SOURCE_ONLY, **_TARGET_ONLY}
_BY_NAME = {name.lower(): code for code, name in _ALL.items()} | {"arabian": "ar"}
# Formats the service reads (spec §6), as Pillow names them (PNM/PPM are Pillow's "PPM").
_FORMATS = frozenset({"JPEG", "PNG", "BMP", "PPM", "TIFF", "WEBP"})
_MIN_SIDE, _MAX_SIDE, _MAX_RATIO = 15, 8192, 10.0
_MAX_IMAGE_BYTES = 100 * 1024 * 1024  # current doc (spec §6 [!]: an older text says 10 MB)
# The documented limit is 1 submit per second (spec §8.3). Arrivals are stamped when this loop gets to a request,
# which may be late by a picture being decoded for another request, so a gap this much shorter than 1 s is let through.
SUBMIT_JITTER_S = 0.25
# A task's background coroutine (kept so the emulator can cancel them all when it stops).
_RUNNERS = web.AppKey("image_task_runners", set)
# The account's running slots (spec §8.3: 2 tasks at once); one per emulator.
_SLOTS = web.AppKey("image_task_slots", asyncio.Semaphore)


def _state(call: HttpCall) -> ImageApiState:
    return call.context.http.images


def _time_text(epoch: float | None) -> str | None:
    """Spec §6 time format ``YYYY-MM-DD HH:mm:ss.SSS`` (local time, as the service's answers are in UTC+8)."""
    if epoch is None:
        return None
    moment = datetime.fromtimestamp(epoch)
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def _language(value: Any, param: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise invalid_parameter(f"{param} is required.")
    text = value.strip().lower()
    if text == "auto" and param == "input.source_lang":
        return "auto"
    code = text if text in _ALL else _BY_NAME.get(text)
    if code is None:
        raise invalid_parameter(f"The currently set language is not supported! ({param}: {value})")
    return code


def _check_languages(source: str, target: str) -> None:
    if target in _SOURCE_ONLY:
        raise invalid_parameter(f"The currently set language is not supported! ({_ALL[target]} is a source only.)")
    if source in _TARGET_ONLY:
        raise invalid_parameter(f"The currently set language is not supported! ({_ALL[source]} is a target only.)")
    if source == target:
        raise invalid_parameter("source_lang and target_lang must be different.")
    if source != "auto" and "zh" not in (source, target) and "en" not in (source, target):
        raise invalid_parameter("One of source_lang and target_lang must be Chinese (zh) or English (en).")


def _ext(ext: Any) -> dict[str, Any]:
    if ext is None:
        return {}
    if not isinstance(ext, dict):
        raise invalid_parameter("input.ext must be an object.")
    hint = ext.get("domainHint")
    if hint is not None and not isinstance(hint, str):
        raise invalid_parameter("input.ext.domainHint must be a string.")
    sensitives = ext.get("sensitives")
    if sensitives is not None and (not isinstance(sensitives, list) or not all(isinstance(s, str) for s in sensitives)):
        raise invalid_parameter("input.ext.sensitives must be an array of strings.")
    terms = ext.get("terminologies")
    if terms is not None and (
        not isinstance(terms, list)
        or not all(
            isinstance(t, dict) and isinstance(t.get("src"), str) and isinstance(t.get("tgt"), str) for t in terms
        )
    ):
        raise invalid_parameter('input.ext.terminologies must be an array of {"src": ..., "tgt": ...} objects.')
    config = ext.get("config")
    if config is not None:
        if not isinstance(config, dict):
            raise invalid_parameter("input.ext.config must be an object.")
        for flag in ("imageSegment", "skipImgSegment"):  # skipImgSegment: the legacy name (spec §6 [!])
            if flag in config and not isinstance(config[flag], bool):
                raise invalid_parameter(f"input.ext.config.{flag} must be true or false.")
    return dict(ext)


def _image_bytes(call: HttpCall, url: Any) -> bytes:
    if not isinstance(url, str) or not url.strip():
        raise invalid_parameter("input.image_url is required.")
    if url.startswith("oss://"):
        return resolve_oss_url(call, url, MODEL).content
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise NativeError(400, "InvalidURL", "Invalid URL provided in your request.")
    if not url.isascii():
        raise NativeError(400, "InvalidURL", "Invalid URL provided in your request (no Chinese characters allowed).")
    token = parts.path.rsplit("/", 1)[-1].removesuffix(".jpg")
    state = _state(call)
    with state.lock:
        own = parts.netloc == call.request.host and parts.path.startswith("/results/mt-image/")
        content = state.results.get(token) if own else None
    if content is None:
        # The emulator is offline: it can fetch only what it serves itself.
        raise NativeError(400, "BadRequest.InputDownloadFailed", f"Failed to download the input file: {url}.")
    return content


def _check_picture(content: bytes) -> None:
    if len(content) > _MAX_IMAGE_BYTES:
        raise invalid_parameter("The image is too large; it must be at most 100 MB.")
    try:
        image = open_image(content)
    except UnreadableImage as exc:
        raise invalid_parameter("The image cannot be decoded; check the url and the file.") from exc
    if (image.format or "") not in _FORMATS:
        raise invalid_parameter(
            f"The image format {image.format} is not supported; use JPG, JPEG, PNG, BMP, PNM, PPM, TIFF or WEBP."
        )
    width, height = image.size
    if min(width, height) < _MIN_SIDE or max(width, height) > _MAX_SIDE:
        raise invalid_parameter(f"The image is {width}x{height}; width and height must be {_MIN_SIDE}-{_MAX_SIDE} px.")
    if max(width, height) / min(width, height) > _MAX_RATIO:
        raise invalid_parameter(f"The image is {width}x{height}; the aspect ratio must be within 1:10 to 10:1.")


async def _submit(call: HttpCall) -> web.StreamResponse:
    state = _state(call)
    if call.request.headers.get("X-DashScope-Async", "").lower() != "enable":
        raise access_denied("current user api does not support synchronous calls.")
    raw = await call.request.read()
    if call.record is not None:
        call.record.body_bytes = len(raw)
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise invalid_parameter(f"The request body is not valid JSON: {exc}.") from exc
    if not isinstance(body, dict):
        raise invalid_parameter("The request body must be a JSON object.")
    model = body.get("model")
    if call.record is not None:
        call.record.model = model if isinstance(model, str) else None
    if not isinstance(model, str) or not model:
        raise invalid_parameter("Model not exist.")
    if model != MODEL:
        raise NativeError(404, "ModelNotFound", "Model can not be found.")
    faults = state.faults.snapshot()
    throttle = state.faults.take_throttle()
    now = call.context.wall_clock()
    if throttle is not None:
        with state.lock:
            state.stats.throttled += 1
        raise throttled(throttle.retry_after_s)
    if faults.enforce_limits:
        with state.lock:
            last = state.last_submit_at
            if last is not None and now - last < 1.0 - SUBMIT_JITTER_S:
                state.stats.throttled += 1
                raise throttled(1)
    data = body.get("input")
    if not isinstance(data, dict):
        raise invalid_parameter("input is required.")
    source = _language(data.get("source_lang"), "input.source_lang")
    target = _language(data.get("target_lang"), "input.target_lang")
    _check_languages(source, target)
    options = _ext(data.get("ext"))
    content = _image_bytes(call, data.get("image_url"))
    await asyncio.to_thread(_check_picture, content)  # decoding an 8192 px picture must not stall other requests
    if call.record is not None:
        call.record.media_bytes = len(content)
        call.record.content_sha256 = hashlib.sha256(content).hexdigest()
    task = ImageTask(
        task_id=str(uuid.uuid4()),
        api_key=_key(call),
        source_lang=source,
        target_lang=target,
        image=content,
        options=options,
        submit_time=now,
    )
    with state.lock:
        state.tasks[task.task_id] = task
        state.last_submit_at = now
        state.stats.submits += 1
        state.count_unfinished()
    runners: set[asyncio.Task[None]] = call.request.app[_RUNNERS]
    runner = asyncio.get_running_loop().create_task(_run(call.context, task, call.request.app[_SLOTS]))
    runners.add(runner)
    runner.add_done_callback(runners.discard)
    return web.json_response(
        {"request_id": call.request_id, "output": {"task_id": task.task_id, "task_status": "PENDING"}},
        headers={"x-request-id": call.request_id},
    )


def _key(call: HttpCall) -> str:
    header = call.request.headers.get("Authorization", "")
    return header.partition(" ")[2].strip()


async def _run(context: EmulatorContext, task: ImageTask, slots: asyncio.Semaphore) -> None:
    state = context.http.images
    faults = state.faults.snapshot()
    speed = context.speed
    await asyncio.sleep(faults.pending_s / speed)
    async with slots:
        with state.lock:
            if task.status is not TaskStatus.PENDING:
                return  # cancelled while it waited
            task.status = TaskStatus.RUNNING
            task.scheduled_time = context.wall_clock()
            state.count_unfinished()
        await asyncio.sleep(faults.running_s * faults.slow_factor / speed)
        failure = state.faults.take_failure()
        result: bytes | None = None
        if failure is None:
            target = task.target_lang
            note = f"DEMO · no text detected ({target})" if faults.no_text else None
            result = await asyncio.to_thread(demo_translation, task.image, _ALL.get(target, target), target, note=note)
        with state.lock:
            task.end_time = context.wall_clock()
            if failure is not None or result is None:
                task.status = TaskStatus.FAILED
                task.code = failure.fail_code if failure else "InternalError"
                task.message = failure.fail_message if failure else "inference internal error."
            else:
                token = secrets.token_urlsafe(16)
                state.results[token] = result
                task.result_token = token
                # The URL's life is emulated time, so a test's speed-up shortens it too.
                task.result_expires_at = task.end_time + faults.result_ttl_s / speed
                task.no_text = faults.no_text
                task.status = TaskStatus.SUCCEEDED
            state.count_unfinished()


def _task_body(call: HttpCall, task: ImageTask) -> dict[str, Any]:
    output: dict[str, Any] = {"task_id": task.task_id, "task_status": task.status.value}
    output["submit_time"] = _time_text(task.submit_time)
    if task.scheduled_time is not None:
        output["scheduled_time"] = _time_text(task.scheduled_time)
    if task.end_time is not None:
        output["end_time"] = _time_text(task.end_time)
    answer: dict[str, Any] = {"request_id": call.request_id, "output": output}
    if task.status is TaskStatus.SUCCEEDED and task.result_token is not None:
        expires = int(task.result_expires_at or 0)
        origin = f"{call.request.scheme}://{call.request.host}"
        output["image_url"] = f"{origin}/results/mt-image/{task.result_token}.jpg?Expires={expires}&Signature=demo"
        if task.no_text:
            output["message"] = NO_TEXT_MESSAGE
        answer["usage"] = {"image_count": 1}
    if task.status is TaskStatus.FAILED:
        output["code"] = task.code
        output["message"] = task.message
    return answer


async def _query(call: HttpCall) -> web.StreamResponse:
    task_id = call.request.match_info["task_id"]
    state = _state(call)
    with state.lock:
        task = state.tasks.get(task_id)
        state.stats.polls[task_id] += 1
        state.stats.poll_times.setdefault(task_id, []).append(call.context.monotonic())
        if task is None or task.api_key != _key(call):
            body: dict[str, Any] = {
                "request_id": call.request_id,
                "output": {"task_id": task_id, "task_status": "UNKNOWN"},
            }
        else:
            body = _task_body(call, task)
    return web.json_response(body, headers={"x-request-id": call.request_id})


async def _cancel(call: HttpCall) -> web.StreamResponse:
    task_id = call.request.match_info["task_id"]
    state = _state(call)
    with state.lock:
        task = state.tasks.get(task_id)
        if task is None or task.api_key != _key(call) or task.status is not TaskStatus.PENDING:
            raise NativeError(
                400,
                "UnsupportedOperation",
                "Failed to cancel the task, please confirm if the task is in PENDING status.",
            )
        task.status = TaskStatus.CANCELED
        task.end_time = call.context.wall_clock()
        state.stats.cancels += 1
    return web.json_response({"request_id": call.request_id}, headers={"x-request-id": call.request_id})


def _oss_denied(message: str) -> web.Response:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>AccessDenied</Code>\n'
        f"  <Message>{message}</Message>\n</Error>\n"
    )
    return web.Response(status=403, text=body, content_type="application/xml")


async def _result(request: web.Request) -> web.StreamResponse:
    """A presigned result URL: no Authorization needed, valid until ``Expires``."""
    context = request.app[CONTEXT_KEY]
    state = context.http.images
    token = request.match_info["token"]
    with state.lock:
        content = state.results.get(token)
        task = next((t for t in state.tasks.values() if t.result_token == token), None)
    if content is None or task is None:
        return web.Response(status=404, text="NoSuchKey", content_type="text/plain")
    if task.result_expires_at is not None and context.wall_clock() > task.result_expires_at:
        return _oss_denied("Request has expired.")
    with state.lock:
        state.stats.result_downloads += 1
    return web.Response(body=content, content_type="image/jpeg")


async def _stop_runners(app: web.Application) -> None:
    runners: set[asyncio.Task[None]] = app[_RUNNERS]
    for runner in list(runners):
        runner.cancel()
    if runners:
        await asyncio.gather(*runners, return_exceptions=True)


def add_routes(app: web.Application) -> None:
    """Register the image-synthesis, task and result routes (and stop unfinished task runners on shutdown)."""
    app[_RUNNERS] = set()
    app[_SLOTS] = asyncio.Semaphore(RUNNING_SLOTS)
    app.on_cleanup.append(_stop_runners)
    app.router.add_post(SYNTHESIS_PATH, http_route(_submit, native=True))
    app.router.add_get(TASK_PATH, http_route(_query, native=True))
    app.router.add_post(CANCEL_PATH, http_route(_cancel, native=True))
    app.router.add_get(RESULT_PATH, _result)


__all__ = ["FINAL_STATUSES", "NO_TEXT_MESSAGE", "add_routes"]
