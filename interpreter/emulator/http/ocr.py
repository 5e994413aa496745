"""Qwen-OCR in the emulator: the native multimodal-generation endpoint and the OpenAI-compatible form (spec §5).

Routes:

- ``POST /api/v1/services/aigc/multimodal-generation/generation``: with ``X-DashScope-SSE: enable`` (or ``Accept:
  text/event-stream``) an SSE stream in the native framing — ``id:N``, ``event:result``, ``:HTTP_STATUS/200``,
  ``data:{...}`` — whose chunks say ``finish_reason`` ``"null"`` (the string) until the last says ``"stop"``, with
  cumulative usage in each; ``incremental_output: true`` sends only new text, otherwise each chunk repeats the text
  so far. Without SSE one JSON answer (spec §5.3). ``ocr_result`` (``kv_result``/``words_info``) rides in the last
  chunk's content. A request refused while streaming was asked for answers HTTP 200 with ``event:error`` and the real
  status in ``:HTTP_STATUS/NNN`` (spec §8.1); otherwise the native error JSON with its status.
- ``POST /compatible-mode/v1/chat/completions`` for the qwen-vl-ocr models: ``chat.completion`` (or chunks with
  ``stream: true``), the prompt choosing what to read (spec §5.4).

Faults: the common ones of :func:`~.routing.http_route` (status, slow first byte, key check) plus, on streams,
``cut_after_chunks`` (connection aborted) and ``error_after_chunks`` (an ``event:error`` chunk, native framing).
Recognition (:mod:`.ocr_recognizer`) runs in a worker thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
import uuid
from typing import Any

from aiohttp import web

from interpreter.emulator.http.chat_completions import register_chat_model
from interpreter.emulator.http.errors import CompatError, invalid_parameter, rate_limited
from interpreter.emulator.http.ocr_answer import OcrAnswer, build_answer, effective_task
from interpreter.emulator.http.ocr_recognizer import recognize
from interpreter.emulator.http.ocr_request import (
    OCR_MODELS,
    OcrRequest,
    model_limits,
    parse_compat_ocr,
    parse_native_ocr,
)
from interpreter.emulator.http.ratelimit import retry_after_seconds
from interpreter.emulator.http.routing import HttpCall, http_route
from interpreter.emulator.http.sse import SseWriter, StreamInterrupted

MULTIMODAL_GENERATION_PATH = "/api/v1/services/aigc/multimodal-generation/generation"
#: The same "thinking" latency as the other emulated APIs before the first chunk (emulated ms).
FIRST_CHUNK_MS = 300
#: One chunk per this many characters of answer, one every PIECE_INTERVAL_MS (emulated): a visible stream.
PIECE_CHARS = 24
PIECE_INTERVAL_MS = 40


def _wants_sse(request: web.Request) -> bool:
    return request.headers.get("X-DashScope-SSE", "").lower() == "enable" or "text/event-stream" in request.headers.get(
        "Accept", ""
    )


def _pieces(text: str) -> list[str]:
    return [text[i : i + PIECE_CHARS] for i in range(0, len(text), PIECE_CHARS)] or [""]


async def _pause(call: HttpCall, emulated_ms: float) -> None:
    await asyncio.sleep(emulated_ms / 1000.0 / call.context.speed)


def _admit(call: HttpCall, model: str) -> None:
    if call.faults.rate_limits:
        http = call.context.http
        wait = http.limiter.admit(model, model_limits(model), call.context.monotonic())
        if wait is not None:
            http.stats.count("rate_limited")
            raise rate_limited(max(call.faults.retry_after_s, retry_after_seconds(wait)))


async def _answer(call: HttpCall, request: OcrRequest) -> OcrAnswer:
    record = call.record
    if record is not None:
        record.model = request.model
        record.stream = request.stream
        record.media_bytes = len(request.image_bytes)
        record.content_sha256 = hashlib.sha256(request.image_bytes).hexdigest()
    _admit(call, request.model)
    recognition = await asyncio.to_thread(
        recognize,
        request.image,
        enable_rotate=request.enable_rotate,
        table=effective_task(request) == "table_parsing",
    )
    answer = build_answer(request, recognition)
    call.context.http.limiter.charge(request.model, answer.usage["total_tokens"], call.context.monotonic())
    if record is not None:
        record.prompt_tokens = answer.usage["input_tokens"]
        record.completion_tokens = answer.usage["output_tokens"]
        record.finish_reason = answer.finish_reason
    return answer


# -- native -------------------------------------------------------------------------------------------------------


class _NativeSse:
    """Writes the native framing; applies the stream faults chunk by chunk."""

    def __init__(self, call: HttpCall) -> None:
        self._call = call
        self.response = web.StreamResponse(
            status=200,
            headers={
                "Content-Type": "text/event-stream;charset=UTF-8",
                "Cache-Control": "no-cache",
                "x-request-id": call.request_id,
                "x-dashscope-call-gateway": "true",
            },
        )
        self._next_id = 1
        self.chunks = 0

    async def start(self) -> None:
        await self.response.prepare(self._call.request)
        # The status is on the wire with the headers: record it now, so a client that has read the whole stream never
        # finds the record without one (the route wrapper sets it again when the handler returns).
        if self._call.record is not None:
            self._call.record.status = self.response.status

    async def _event(self, event: str, status: int, data: dict[str, Any]) -> None:
        frame = (
            f"id:{self._next_id}\nevent:{event}\n:HTTP_STATUS/{status}\n"
            f"data:{json.dumps(data, ensure_ascii=False, separators=(',', ':'))}\n\n"
        )
        self._next_id += 1
        await self.response.write(frame.encode("utf-8"))

    async def error(self, error: CompatError) -> None:
        await self._event("error", error.status, error.native_body(self._call.request_id))
        await self.response.write_eof()

    async def result(self, data: dict[str, Any]) -> None:
        await self._event("result", 200, data)
        self.chunks += 1
        faults, record = self._call.faults, self._call.record
        if record is not None:
            record.chunks_sent = self.chunks
        if faults.error_after_chunks is not None and self.chunks >= faults.error_after_chunks:
            code = {"internal_error": "InternalError"}.get(faults.error_code, faults.error_code)
            await self._event(
                "error", 500, {"code": code, "message": faults.error_message, "request_id": self._call.request_id}
            )
            await self.response.write_eof()
            if record is not None:
                record.error_code = faults.error_code
            raise StreamInterrupted("mid-stream error")
        if faults.cut_after_chunks is not None and self.chunks >= faults.cut_after_chunks:
            transport = self._call.request.transport
            if transport is not None:
                transport.abort()
            raise StreamInterrupted("connection cut")

    async def end(self) -> None:
        await self.response.write_eof()


def _native_payload(
    call: HttpCall, text: str, finish: str, usage: dict[str, Any], ocr_result: dict[str, Any] | None
) -> dict[str, Any]:
    content: dict[str, Any] = {"text": text}
    if ocr_result is not None:
        content = {"ocr_result": ocr_result, "text": text}
    return {
        "output": {"choices": [{"message": {"content": [content], "role": "assistant"}, "finish_reason": finish}]},
        "usage": usage,
        "request_id": call.request_id,
    }


def _partial_usage(usage: dict[str, Any], sent_chars: int, total_chars: int) -> dict[str, Any]:
    """Cumulative usage after ``sent_chars`` of the answer (the service reports it in every chunk)."""
    total_out = usage["output_tokens"]
    out = total_out if sent_chars >= total_chars else max(1, total_out * sent_chars // max(1, total_chars))
    return {
        **usage,
        "output_tokens": out,
        "total_tokens": usage["input_tokens"] + out,
        "output_tokens_details": {"text_tokens": out},
    }


async def _native(call: HttpCall) -> web.StreamResponse:
    sse = _wants_sse(call.request)
    try:
        raw = await call.request.read()
        if call.record is not None:
            call.record.body_bytes = len(raw)
        try:
            body = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise invalid_parameter(f"The request body is not valid JSON: {exc}.") from exc
        if not isinstance(body, dict):
            raise invalid_parameter("The request body must be a JSON object.")
        request = parse_native_ocr(body, sse=sse)
        answer = await _answer(call, request)
    except CompatError as error:
        if not sse:
            raise
        if call.record is not None:
            call.record.error_code = error.code
        writer = _NativeSse(call)
        await writer.start()
        await writer.error(error)  # HTTP 200, the real status in :HTTP_STATUS (spec §8.1)
        return writer.response
    if not sse:
        await _pause(call, FIRST_CHUNK_MS + PIECE_INTERVAL_MS * len(_pieces(answer.text)))
        payload = _native_payload(call, answer.text, answer.finish_reason, answer.usage, answer.ocr_result)
        return web.json_response(payload, headers={"x-request-id": call.request_id})
    writer = _NativeSse(call)
    await writer.start()
    try:
        await _pause(call, FIRST_CHUNK_MS)
        pieces = _pieces(answer.text)
        sent = ""
        for index, piece in enumerate(pieces):
            sent += piece
            last = index == len(pieces) - 1
            payload = _native_payload(
                call,
                piece if request.incremental else sent,
                answer.finish_reason if last else "null",
                _partial_usage(answer.usage, len(sent), len(answer.text)),
                answer.ocr_result if last else None,
            )
            await writer.result(payload)
            if not last:
                await _pause(call, PIECE_INTERVAL_MS)
        await writer.end()
    except StreamInterrupted:
        call.context.http.stats.count("streams_cut")
        if call.record is not None:
            call.record.cut = True
    except ConnectionError:
        if call.record is not None:
            call.record.cut = True
    return writer.response


native_generation = http_route(_native)


# -- OpenAI-compatible --------------------------------------------------------------------------------------------


async def compat_ocr(call: HttpCall, body: dict[str, Any], model_name: str) -> web.StreamResponse:
    """Answer a chat-completions request for a qwen-vl-ocr model (spec §5.4)."""
    request = parse_compat_ocr(body)
    answer = await _answer(call, request)
    created = int(time.time())
    completion_id = f"chatcmpl-{uuid.uuid4()}"
    usage = {
        "prompt_tokens": answer.usage["input_tokens"],
        "completion_tokens": answer.usage["output_tokens"],
        "total_tokens": answer.usage["total_tokens"],
        "prompt_tokens_details": {"image_tokens": answer.usage["image_tokens"]},
    }
    if not request.stream:
        await _pause(call, FIRST_CHUNK_MS + PIECE_INTERVAL_MS * len(_pieces(answer.text)))
        completion = {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": model_name,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer.text},
                    "finish_reason": answer.finish_reason,
                }
            ],
            "usage": usage,
        }
        return web.json_response(completion, headers={"x-request-id": call.request_id})

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model_name,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }

    writer = SseWriter(call.request, call.faults, call.record, call.request_id)
    await writer.start()
    try:
        await _pause(call, FIRST_CHUNK_MS)
        for index, piece in enumerate(_pieces(answer.text)):
            delta: dict[str, Any] = {"content": piece}
            if index == 0:
                delta["role"] = "assistant"
            await writer.send(chunk(delta))
            await _pause(call, PIECE_INTERVAL_MS)
        await writer.send(chunk({}, answer.finish_reason))
        if request.extra.get("include_usage"):
            usage_chunk = chunk({})
            usage_chunk["choices"] = []
            usage_chunk["usage"] = usage
            await writer.send(usage_chunk)
        await writer.done()
    except StreamInterrupted:
        call.context.http.stats.count("streams_cut")
        if call.record is not None:
            call.record.cut = True
    except ConnectionError:
        if call.record is not None:
            call.record.cut = True
    return writer.response


def register(app: web.Application) -> None:
    """Add the native route and serve the qwen-vl-ocr models on chat completions."""
    register_chat_model(list(OCR_MODELS), compat_ocr)
    app.router.add_post(MULTIMODAL_GENERATION_PATH, native_generation)
