"""Qwen-MT answers: OpenAI-compatible chat completions for the four models and native text-generation (spec §4).

Both go through the common HTTP route wrapper (auth, status faults, slow first byte, records) and the per-model
rate limits (when ``faults.rate_limits`` is on). Streams follow the model's style (spec §4.3): flash/lite send each
new piece, plus/turbo the whole translation so far in every chunk; the compatible stream ends with a
``finish_reason: "stop"`` chunk (plus/turbo repeat the full text in it), the usage chunk when
``stream_options.include_usage`` asks, then ``[DONE]``. Native streams (``X-DashScope-SSE: enable`` or
``Accept: text/event-stream``) use ``id:/event:result/:HTTP_STATUS/200/data:`` framing with ``finish_reason`` the
string ``"null"`` until the last event; native errors use the flat ``{"code", "message", "request_id"}`` body
(inside a stream: ``event:error`` with status 200, spec §8.1). ``incremental_output: true`` on plus/turbo is
answered cumulatively (the models cannot stream incrementally; the client must replace either way).

Pacing, in emulated time divided by the speed-up: :data:`FIRST_CHUNK_MS`, then the answer at the model's output
rate (:data:`TOKENS_PER_SECOND`), in pieces of about :data:`PIECE_TOKENS` tokens. Stream faults (cut, mid-stream
error) apply to both stream kinds.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import uuid
from typing import Any

from aiohttp import web

from interpreter.emulator.http.chat_completions import register_chat_model
from interpreter.emulator.http.errors import CompatError, invalid_parameter, model_not_found, rate_limited
from interpreter.emulator.http.mt_request import (
    MtModel,
    MtRequest,
    count_tokens,
    demo_translation,
    mt_faults,
    mt_models,
    parse_mt_request,
)
from interpreter.emulator.http.ratelimit import retry_after_seconds
from interpreter.emulator.http.routing import HttpCall, http_route
from interpreter.emulator.http.sse import SseWriter, StreamInterrupted

NATIVE_PATH = "/api/v1/services/aigc/text-generation/generation"

FIRST_CHUNK_MS = 250  # time to the first token of a short translation (a quarter second feels like the service)
#: Output speed in emulated tokens per second: the small models are about twice as fast as plus/turbo.
TOKENS_PER_SECOND = {"qwen-mt-plus": 60.0, "qwen-mt-turbo": 90.0, "qwen-mt-flash": 150.0, "qwen-mt-lite": 180.0}
PIECE_TOKENS = 12  # tokens per streamed piece: a few words, like the service's chunks

# Native error codes for the compat codes the validation raises (spec §8.1 pairs them).
_NATIVE_CODES = {
    "invalid_parameter_error": "InvalidParameter",
    "internal_error": "InternalError",
    "limit_requests": "Throttling.RateQuota",
    "model_not_found": "ModelNotFound",
    "invalid_value": "InvalidParameter",
}

_PIECE = re.compile(r"\s*\S+")


class _Answer:
    """One computed answer: text, pieces, usage."""

    def __init__(self, request: MtRequest, model: MtModel, text: str) -> None:
        self.text = text
        self.model = model
        self.prompt_tokens = request.input_tokens
        self.completion_tokens = count_tokens(text)
        self.pieces = _pieces(text)

    @property
    def usage(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }

    def piece_ms(self, piece: str) -> float:
        return count_tokens(piece) / TOKENS_PER_SECOND.get(self.model.name, 100.0) * 1000.0


def _pieces(text: str) -> list[str]:
    """Cut ``text`` into pieces of about PIECE_TOKENS tokens (words; CJK runs count per character)."""
    words = _PIECE.findall(text)
    tail = text[sum(len(w) for w in words) :]
    pieces: list[str] = []
    current = ""
    for word in words:
        current += word
        if count_tokens(current) >= PIECE_TOKENS:
            pieces.append(current)
            current = ""
    current += tail
    if current:
        pieces.append(current)
    return pieces or [text]


async def _pause(call: HttpCall, emulated_ms: float) -> None:
    if emulated_ms > 0:
        await asyncio.sleep(emulated_ms / 1000.0 / call.context.speed)


def _prepare(call: HttpCall, model: MtModel, messages: Any, options: Any, stream: bool) -> _Answer:
    request = parse_mt_request(messages, options, model)
    http = call.context.http
    if call.record is not None:
        call.record.stream = stream
        call.record.content_sha256 = hashlib.sha256(request.text.encode("utf-8")).hexdigest()
        call.record.body_bytes = call.record.body_bytes or len(request.text.encode("utf-8"))
    if call.faults.rate_limits:
        wait = http.limiter.admit(model.name, model.limits, call.context.monotonic())
        if wait is not None:
            http.stats.count("rate_limited")
            raise rate_limited(max(call.faults.retry_after_s, retry_after_seconds(wait)))
    text = demo_translation(request, merge_markers_above=mt_faults(http.faults).merge_markers_above)
    answer = _Answer(request, model, text)
    http.limiter.charge(model.name, answer.usage["total_tokens"], call.context.monotonic())
    if call.record is not None:
        call.record.prompt_tokens = answer.prompt_tokens
        call.record.completion_tokens = answer.completion_tokens
    return answer


# -- OpenAI-compatible ------------------------------------------------------------------------------------------


async def mt_chat(call: HttpCall, body: dict[str, Any], model_name: str) -> web.StreamResponse:
    """Answer one chat-completions request for a Qwen-MT model."""
    model = mt_models()[model_name]
    stream = body.get("stream") is True
    answer = _prepare(call, model, body.get("messages"), body.get("translation_options"), stream)
    completion_id = f"chatcmpl-{uuid.uuid4()}"
    created = int(call.context.wall_clock())

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model_name,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
        }

    if not stream:
        await _pause(call, FIRST_CHUNK_MS + sum(answer.piece_ms(p) for p in answer.pieces))
        if call.record is not None:
            call.record.finish_reason = "stop"
        return web.json_response(
            {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": model_name,
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": answer.text}, "finish_reason": "stop"}
                ],
                "usage": answer.usage,
            },
            headers={"x-request-id": call.request_id},
        )
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    writer = SseWriter(call.request, call.faults, call.record, call.request_id)
    await writer.start()
    try:
        await _pause(call, FIRST_CHUNK_MS)
        so_far = ""
        for n, piece in enumerate(answer.pieces):
            so_far += piece
            content = so_far if model.cumulative else piece
            delta: dict[str, Any] = {"content": content}
            if n == 0:
                delta["role"] = "assistant"
            await writer.send(chunk(delta))
            await _pause(call, answer.piece_ms(piece))
        # The finish chunk: plus/turbo repeat the whole text in it (spec §4.3); flash/lite send an empty delta.
        await writer.send(chunk({"content": answer.text} if model.cumulative else {}, "stop"))
        if include_usage:
            usage_chunk = chunk({})
            usage_chunk["choices"] = []
            usage_chunk["usage"] = answer.usage
            await writer.send(usage_chunk)
        await writer.done()
    except StreamInterrupted:
        call.context.http.stats.count("streams_cut")
        if call.record is not None:
            call.record.cut = True
        return writer.response
    except ConnectionError:
        if call.record is not None:
            call.record.cut = True
        return writer.response
    if call.record is not None:
        call.record.finish_reason = "stop"
    return writer.response


# -- native text-generation -------------------------------------------------------------------------------------


def _native_error(error: CompatError, request_id: str) -> dict[str, Any]:
    return {"code": _NATIVE_CODES.get(error.code, error.code), "message": error.message, "request_id": request_id}


def _wants_sse(request: web.Request) -> bool:
    return request.headers.get("X-DashScope-SSE", "").lower() == "enable" or "text/event-stream" in request.headers.get(
        "Accept", ""
    )


async def _native(call: HttpCall) -> web.StreamResponse:
    sse = _wants_sse(call.request)
    try:
        return await _native_answer(call, sse)
    except CompatError as error:
        if call.record is not None:
            call.record.error_code = error.code
        body = _native_error(error, call.request_id)
        if not sse:
            return web.json_response(
                body, status=error.status, headers={**error.headers, "x-request-id": call.request_id}
            )
        # Spec §8.1: a native SSE error has HTTP status 200; the real status is in a comment line.
        text = f"id:1\nevent:error\n:HTTP_STATUS/{error.status}\ndata:{json.dumps(body, ensure_ascii=False)}\n\n"
        return web.Response(
            body=text.encode("utf-8"),
            headers={"Content-Type": "text/event-stream; charset=utf-8", "x-request-id": call.request_id},
        )


async def _native_answer(call: HttpCall, sse: bool) -> web.StreamResponse:
    raw = await call.request.read()
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise invalid_parameter(f"The request body is not valid JSON: {exc}.") from exc
    if not isinstance(body, dict):
        raise invalid_parameter("The request body must be a JSON object.")
    model_name = body.get("model")
    if call.record is not None:
        call.record.model = model_name if isinstance(model_name, str) else None
        call.record.body_bytes = len(raw)
    model = mt_models().get(model_name) if isinstance(model_name, str) else None
    if model is None:
        raise model_not_found(str(model_name))
    input_raw, parameters_raw = body.get("input"), body.get("parameters")
    input_part: dict[str, Any] = input_raw if isinstance(input_raw, dict) else {}
    parameters: dict[str, Any] = parameters_raw if isinstance(parameters_raw, dict) else {}
    answer = _prepare(call, model, input_part.get("messages"), parameters.get("translation_options"), sse)
    incremental = bool(parameters.get("incremental_output")) and not model.cumulative
    request_id = call.request_id

    def payload(content: str, finish: str, usage_out: int) -> dict[str, Any]:
        return {
            "output": {
                "choices": [{"message": {"role": "assistant", "content": content}, "finish_reason": finish}],
                "finish_reason": finish,
                "model_name": model.name,
            },
            "usage": {
                "input_tokens": answer.prompt_tokens,
                "output_tokens": usage_out,
                "total_tokens": answer.prompt_tokens + usage_out,
            },
            "request_id": request_id,
        }

    if not sse:
        await _pause(call, FIRST_CHUNK_MS + sum(answer.piece_ms(p) for p in answer.pieces))
        if call.record is not None:
            call.record.finish_reason = "stop"
        return web.json_response(
            payload(answer.text, "stop", answer.completion_tokens), headers={"x-request-id": request_id}
        )
    response = web.StreamResponse(
        status=200,
        headers={
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-cache",
            "x-request-id": request_id,
        },
    )
    await response.prepare(call.request)
    faults = call.faults
    sent = 0
    so_far = ""
    try:
        await _pause(call, FIRST_CHUNK_MS)
        for n, piece in enumerate(answer.pieces):
            so_far += piece
            last = n == len(answer.pieces) - 1
            content = piece if incremental else so_far
            data = payload(content, "stop" if last else "null", count_tokens(so_far))
            event = f"id:{n + 1}\nevent:result\n:HTTP_STATUS/200\ndata:{json.dumps(data, ensure_ascii=False)}\n\n"
            await response.write(event.encode("utf-8"))
            sent += 1
            if call.record is not None:
                call.record.chunks_sent = sent
            if faults.error_after_chunks is not None and sent >= faults.error_after_chunks:
                error = {"code": "InternalError", "message": faults.error_message, "request_id": request_id}
                text = f"id:{sent + 1}\nevent:error\n:HTTP_STATUS/500\ndata:{json.dumps(error)}\n\n"
                await response.write(text.encode("utf-8"))
                await response.write_eof()
                if call.record is not None:
                    call.record.cut = True
                    call.record.error_code = faults.error_code
                return response
            if faults.cut_after_chunks is not None and sent >= faults.cut_after_chunks:
                if call.request.transport is not None:
                    call.request.transport.abort()
                if call.record is not None:
                    call.record.cut = True
                return response
            if not last:
                await _pause(call, answer.piece_ms(piece))
        await response.write_eof()
    except ConnectionError:
        if call.record is not None:
            call.record.cut = True
        return response
    if call.record is not None:
        call.record.finish_reason = "stop"
    return response


native_text_generation = http_route(_native)


def register(app: web.Application) -> None:
    """Serve the Qwen-MT chat models and add the native text-generation route to ``app``."""
    register_chat_model(list(mt_models()), mt_chat)
    app.router.add_post(NATIVE_PATH, native_text_generation)
