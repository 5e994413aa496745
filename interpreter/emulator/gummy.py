"""The Gummy inference WebSocket ``/api-ws/v1/inference`` (and with a trailing ``/``), spec §7.

One connection runs tasks one after another: ``run-task`` (JSON text) → ``task-started``; binary audio frames →
an energy VAD (byte-clocked, like the realtime route) cuts sentences; each sentence is reported with
``result-generated``: partial transcriptions (``sentence_end:false``) every ~400 ms of speech, then the final
transcription with a partial translation, then the final translation in a message of its own (the service says the two
are not synchronised until ``sentence_end``; a client must cope). ``finish-task`` → the open sentence is completed →
``task-finished``; the connection then waits for a new ``run-task`` (closed after 60 s without one). Any refusal is a
``task-failed`` with ``error_code``/``error_message`` after which the server closes the connection.

Handshake: missing/unknown ``Authorization: Bearer`` key → 401 ``InvalidApiKey``. The realtime route's faults apply
here too: handshake rejections, ``drop_after_messages`` (the TCP connection is aborted after that many client
messages of one connection) and ``error_after_messages`` (a ``task-failed`` with ``error_code``/``error_message``).
Texts come from :mod:`interpreter.emulator.content` (labelled demo text or the script). This module is an independent
server implementation: it shares only catalog data with the client.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web

from interpreter.core.gummy import GummyCatalog, load_gummy_catalog
from interpreter.emulator.auth import bearer_key
from interpreter.emulator.content import ContentSource, SegmentContent, split_pieces
from interpreter.emulator.context import CONTEXT_KEY, EmulatorContext
from interpreter.emulator.vad import EnergyVad

INFERENCE_PATH = "/api-ws/v1/inference"
INFERENCE_PATHS = (INFERENCE_PATH, INFERENCE_PATH + "/")

PARTIAL_INTERVAL_MS = 400
"""A partial transcription every 400 ms of speech (about one word), as the realtime route does."""
VAD_THRESHOLD = 0.2
"""The realtime models' default VAD threshold (-34 dBFS in the emulator's mapping): normal speech, not room noise."""
DEFAULT_END_SILENCE_MS = 700
"""Silence that ends a sentence when ``max_end_silence`` is not given (gummy-chat's documented default)."""
IDLE_TIMEOUT_S = 60.0
"""Without a new task for this long (wall seconds / speed) the server disconnects (spec §7)."""
MAX_MESSAGE_BYTES = 4 * 1024 * 1024
"""Audio frames are ~3 KB (100 ms of 16 kHz PCM); 4 MB still lets a sloppy client send seconds at once."""


def _failed(task_id: str, code: str, message: str) -> dict[str, Any]:
    return {
        "header": {
            "task_id": task_id,
            "event": "task-failed",
            "error_code": code,
            "error_message": message,
            "attributes": {},
        },
        "payload": {},
    }


def _event(task_id: str, name: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"header": {"task_id": task_id, "event": name, "attributes": {}}, "payload": payload}


class TaskRejected(Exception):
    """A command the service would answer with ``task-failed`` (then the connection closes)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class _Task:
    """One running task: its settings and where its audio stands."""

    task_id: str
    model: str
    sample_rate: int
    source_language: str | None
    target: str | None
    transcription: bool
    vad: EnergyVad
    content: ContentSource
    samples: int = 0
    sentence_id: int = 0
    speech_start_ms: int | None = None
    last_partial_ms: int = 0
    segment: SegmentContent | None = None

    def now_ms(self) -> int:
        return self.samples * 1000 // self.sample_rate


def parse_run_task(message: dict[str, Any], context: EmulatorContext, catalog: GummyCatalog) -> _Task:
    """Validate a ``run-task`` the way the service documents it (spec §7)."""
    header = message.get("header") or {}
    task_id = header.get("task_id")
    if not isinstance(task_id, str) or len(task_id.replace("-", "")) != 32:
        raise TaskRejected("InvalidParameter", "task_id must be a 32-character UUID.")
    payload = message.get("payload") or {}
    model = payload.get("model")
    if not isinstance(model, str) or catalog.model(model) is None:
        raise TaskRejected("ModelNotFound", f"Model not found: {model}.")
    for key, expected in (("task_group", "audio"), ("task", "asr"), ("function", "recognition")):
        if payload.get(key) != expected:
            raise TaskRejected("InvalidParameter", f"payload.{key} must be {expected!r}.")
    params = payload.get("parameters") or {}
    rate = params.get("sample_rate")
    minimum = catalog.models[model].min_sample_rate
    if isinstance(rate, bool) or not isinstance(rate, int) or rate < minimum:
        raise TaskRejected("InvalidParameter", f"sample_rate must be an integer of at least {minimum}.")
    if params.get("format") != "pcm":
        raise TaskRejected("InvalidParameter", "The emulator decodes format 'pcm' only.")
    transcription = params.get("transcription_enabled", True) is not False
    translation = params.get("translation_enabled", False) is True
    if not (transcription or translation):
        raise TaskRejected("InvalidParameter", "At least one of transcription and translation must be enabled.")
    source = params.get("source_language") or None
    if source == "auto":
        source = None
    if source is not None and source not in catalog.asr_languages:
        raise TaskRejected("InvalidParameter", f"Unsupported source_language: {source}.")
    target: str | None = None
    if translation:
        targets = params.get("translation_target_languages")
        if not isinstance(targets, list) or len(targets) != 1 or not isinstance(targets[0], str):
            raise TaskRejected("InvalidParameter", "translation_target_languages must hold exactly one language.")
        target = targets[0]
        if not catalog.supports_pair(source, target):
            raise TaskRejected("InvalidParameter", f"Unsupported translation: {source or 'auto'} to {target}.")
    silence = params.get("max_end_silence")
    silence_ms = silence if isinstance(silence, int) and not isinstance(silence, bool) else DEFAULT_END_SILENCE_MS
    vad = EnergyVad(sample_rate=rate, threshold=VAD_THRESHOLD, silence_duration_ms=silence_ms, prefix_padding_ms=0)
    return _Task(task_id, model, rate, source, target, transcription, vad, ContentSource(context.realtime.script))


def _words(text: str, begin_ms: int, end_ms: int, *, fixed_count: int) -> list[dict[str, Any]]:
    """Word timings spread evenly over the sentence (the emulator has no real alignment)."""
    pieces = split_pieces(text)
    if not pieces:
        return []
    step = max(1, (end_ms - begin_ms) // len(pieces))
    return [
        {
            "begin_time": begin_ms + i * step,
            "end_time": end_ms if i == len(pieces) - 1 else begin_ms + (i + 1) * step,
            "text": piece,
            "punctuation": "",
            "fixed": i < fixed_count,
        }
        for i, piece in enumerate(pieces)
    ]


def _sentence(
    sentence_id: int, text: str, begin_ms: int, end_ms: int, *, final: bool, fixed: int, lang: str | None = None
) -> dict[str, Any]:
    sentence: dict[str, Any] = {
        "sentence_id": sentence_id,
        "begin_time": begin_ms,
        "end_time": end_ms,
        "text": text,
        "words": _words(text, begin_ms, end_ms, fixed_count=fixed),
        "sentence_end": final,
    }
    if lang is not None:
        sentence["lang"] = lang
    return sentence


class GummyConnection:
    """Server side of one inference connection (any number of tasks in turn)."""

    def __init__(
        self, context: EmulatorContext, ws: web.WebSocketResponse, transport: asyncio.BaseTransport | None
    ) -> None:
        self._context = context
        self._ws = ws
        self._transport = transport
        self._messages = 0
        self._catalog = load_gummy_catalog()
        self._task: _Task | None = None

    async def run(self) -> None:
        idle_s = IDLE_TIMEOUT_S / self._context.speed
        while True:
            try:
                if self._task is None:
                    message = await asyncio.wait_for(self._ws.receive(), idle_s)
                else:
                    message = await self._ws.receive()
            except TimeoutError:
                await self._ws.close()
                return
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR):
                return
            self._messages += 1
            faults = self._context.realtime.faults.snapshot()
            if faults.drop_after_messages is not None and self._messages > faults.drop_after_messages:
                if self._transport is not None:
                    self._transport.abort()  # type: ignore[attr-defined]  # abrupt: no close frame, no task-failed
                return
            try:
                if faults.error_after_messages is not None and self._messages == faults.error_after_messages:
                    raise TaskRejected(faults.error_code, faults.error_message)
                if message.type == WSMsgType.BINARY:
                    await self._audio(bytes(message.data))
                elif message.type == WSMsgType.TEXT:
                    await self._command(str(message.data))
            except TaskRejected as rejected:
                task_id = self._task.task_id if self._task is not None else ""
                await self._ws.send_json(_failed(task_id, rejected.code, rejected.message))
                await self._ws.close()
                return

    async def _command(self, text: str) -> None:
        try:
            message = json.loads(text)
        except json.JSONDecodeError:
            raise TaskRejected("InvalidParameter", "The message is not valid JSON.") from None
        header = message.get("header") if isinstance(message, dict) else None
        if not isinstance(header, dict):
            raise TaskRejected("InvalidParameter", "The message has no header.")
        action = header.get("action")
        if action == "run-task":
            if self._task is not None:
                raise TaskRejected("InvalidParameter", "A task is already running on this connection.")
            self._task = parse_run_task(message, self._context, self._catalog)
            await self._ws.send_json(_event(self._task.task_id, "task-started", {}))
        elif action == "finish-task":
            task = self._task
            if task is None:
                raise TaskRejected("InvalidParameter", "finish-task arrived before run-task.")
            if header.get("task_id") != task.task_id:
                raise TaskRejected("InvalidParameter", "finish-task names another task_id than run-task.")
            stop = task.vad.flush()
            if stop is not None and task.speech_start_ms is not None:
                await self._sentence_ended(task, stop.audio_ms)
            await self._ws.send_json(_event(task.task_id, "task-finished", {"output": {}, "usage": None}))
            self._task = None
        else:
            raise TaskRejected("InvalidParameter", f"Unsupported action: {action}.")

    async def _audio(self, pcm: bytes) -> None:
        task = self._task
        if task is None:
            raise TaskRejected("CLIENT_ERROR", "Audio arrived before run-task.")
        task.samples += len(pcm) // 2
        for boundary in task.vad.feed(pcm):
            if boundary.kind == "started":
                task.speech_start_ms = boundary.audio_ms
                task.last_partial_ms = boundary.audio_ms
                task.segment = task.content.next_segment(task.source_language)
            elif task.speech_start_ms is not None:
                await self._sentence_ended(task, boundary.audio_ms)
        if task.speech_start_ms is not None and task.segment is not None:
            now = task.now_ms()
            if now - task.last_partial_ms >= PARTIAL_INTERVAL_MS:
                task.last_partial_ms = now
                confirmed, stash = task.segment.provisional_source(now - task.speech_start_ms)
                text = confirmed + stash
                fixed = len(split_pieces(confirmed))
                output: dict[str, Any] = {}
                if task.transcription:
                    output["transcription"] = _sentence(
                        task.sentence_id, text, task.speech_start_ms, now, final=False, fixed=fixed
                    )
                if task.target is not None:
                    output["translations"] = [
                        _sentence(
                            task.sentence_id, "", task.speech_start_ms, now, final=False, fixed=0, lang=task.target
                        )
                    ]
                await self._ws.send_json(_event(task.task_id, "result-generated", {"output": output}))

    async def _sentence_ended(self, task: _Task, end_ms: int) -> None:
        assert task.speech_start_ms is not None and task.segment is not None
        begin = task.speech_start_ms
        final = task.segment.final(end_ms - begin, task.target or "en", {})
        usage = {"duration": max(1, round((end_ms - begin) / 1000))}
        sid = task.sentence_id
        if task.transcription:
            output: dict[str, Any] = {
                "transcription": _sentence(
                    sid, final.source, begin, end_ms, final=True, fixed=len(split_pieces(final.source))
                )
            }
            if task.target is not None:
                half = "".join(split_pieces(final.translation)[: len(split_pieces(final.translation)) // 2])
                output["translations"] = [_sentence(sid, half, begin, end_ms, final=False, fixed=0, lang=task.target)]
            await self._ws.send_json(_event(task.task_id, "result-generated", {"output": output, "usage": usage}))
        if task.target is not None:
            translation = _sentence(
                sid,
                final.translation,
                begin,
                end_ms,
                final=True,
                fixed=len(split_pieces(final.translation)),
                lang=task.target,
            )
            await self._ws.send_json(
                _event(task.task_id, "result-generated", {"output": {"translations": [translation]}})
            )
        task.sentence_id += 1
        task.speech_start_ms = None
        task.segment = None
        if self._catalog.models[task.model].one_sentence:
            # gummy-chat-v1 recognises one sentence: the task ends after it (spec §7 table).
            await self._ws.send_json(_event(task.task_id, "task-finished", {"output": {}, "usage": None}))
            self._task = None


def _error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> web.Response:
    body = {"code": code, "message": message, "request_id": str(uuid.uuid4())}
    return web.json_response(body, status=status, headers=headers)


async def inference_handler(request: web.Request) -> web.StreamResponse:
    """Check the handshake, then serve Gummy tasks until the connection ends."""
    context = request.app[CONTEXT_KEY]
    realtime = context.realtime
    realtime.stats.count("handshake_attempts")
    rejection = realtime.faults.take_handshake_rejection()
    if rejection is not None:
        realtime.stats.count("handshakes_rejected")
        status = rejection.reject_handshake or 403
        headers = {"Retry-After": str(rejection.retry_after_s)} if status == 429 else None
        codes = {401: "InvalidApiKey", 403: "AccessDenied", 429: "Throttling.RateQuota"}
        return _error_response(status, codes.get(status, "AccessDenied"), "Rejected by an injected fault.", headers)
    key = bearer_key(request)
    if key is None or key not in context.api_keys:
        realtime.stats.count("handshakes_rejected")
        message = "No API-key provided." if key is None else "Invalid API-key provided."
        return _error_response(401, "InvalidApiKey", message)
    ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=None)
    if not ws.can_prepare(request).ok:
        return _error_response(426, "InvalidParameter", "This endpoint accepts WebSocket connections only.")
    await ws.prepare(request)
    realtime.stats.count("connections")
    realtime.active.add(ws)
    try:
        await GummyConnection(context, ws, request.transport).run()
    finally:
        realtime.active.discard(ws)
    return ws


def add_routes(app: web.Application) -> None:
    for path in INFERENCE_PATHS:
        app.router.add_get(path, inference_handler)
