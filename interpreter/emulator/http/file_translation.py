"""File (audio/video) translation on chat completions: ``qwen3-livetranslate-flash`` and its snapshots (spec §3).

Per request: validate (:mod:`.file_request`), apply the model's rate limits when enabled, read the input's duration
(:mod:`.media_probe`), compute the answer (:mod:`.file_answer`), then either stream it as ``chat.completion.chunk``
SSE chunks or, for ``stream: false`` (spec §3 [!]: accepted), return one ``chat.completion`` object.

Stream order: the first text delta carries ``role: "assistant"``; each text piece is followed by the speech of that
piece as ``delta.audio`` chunks of :data:`AUDIO_CHUNK_MS` (``data``, ``expires_at``, ``id``, and ``transcript`` when
the context's :class:`~interpreter.emulator.context.TranscriptForm` asks for it); then a chunk with empty ``delta``
and ``finish_reason``; then, only with ``stream_options.include_usage``, the usage chunk with ``choices: []``; then
``data: [DONE]``.

Pacing, in emulated time divided by the emulator's speed-up: :data:`FIRST_CHUNK_MS` plus the time to "listen" to the
input at :data:`LISTEN_SPEED` times real time before the first chunk, then speech sent :data:`AUDIO_SEND_RATIO`
times faster than it plays (text-only: one piece every :data:`TEXT_PIECE_INTERVAL_MS`). ``stream: false`` waits the
same total before answering.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import uuid
from typing import Any

from aiohttp import web

from interpreter.core.pcm import VOICE_RATE
from interpreter.emulator.context import TranscriptForm
from interpreter.emulator.http.chat_completions import register_chat_model
from interpreter.emulator.http.errors import rate_limited
from interpreter.emulator.http.file_answer import FileAnswer, build_answer
from interpreter.emulator.http.file_models import file_models
from interpreter.emulator.http.file_request import FileRequest, parse_file_request
from interpreter.emulator.http.media_probe import probe
from interpreter.emulator.http.ratelimit import retry_after_seconds
from interpreter.emulator.http.routing import HttpCall
from interpreter.emulator.http.sse import SseWriter, StreamInterrupted
from interpreter.emulator.synth import MS_PER_CHAR

FIRST_CHUNK_MS = 300  # the same "thinking" latency as the realtime emulator's responses
LISTEN_SPEED = 50.0  # the model takes the input in at 50x real time before answering (a 60 s clip: +1.2 s)
AUDIO_CHUNK_MS = 100  # one delta.audio chunk
AUDIO_SEND_RATIO = 1.25  # speech is streamed 1.25x faster than it plays, like the realtime responses
TEXT_PIECE_INTERVAL_MS = 120  # text-only: one word (or two CJK characters) every 120 ms
AUDIO_URL_LIFETIME_S = 3600  # ``expires_at`` of an audio delta: an hour after ``created`` (spec §3 example)
_BYTES_PER_SAMPLE = 2  # s16le
_BYTES_PER_CHAR = VOICE_RATE * MS_PER_CHAR // 1000 * _BYTES_PER_SAMPLE  # synth speaks MS_PER_CHAR per character
_AUDIO_CHUNK_BYTES = VOICE_RATE * AUDIO_CHUNK_MS // 1000 * _BYTES_PER_SAMPLE


async def file_translation(call: HttpCall, body: dict[str, Any], model_name: str) -> web.StreamResponse:
    """Answer one chat-completions request for a file-translation model."""
    model = file_models()[model_name]
    request = parse_file_request(body, model)
    http = call.context.http
    record = call.record
    if record is not None:
        record.stream = request.stream
        record.media_bytes = len(request.media)
        record.content_sha256 = hashlib.sha256(request.media).hexdigest()
    if call.faults.rate_limits:
        wait = http.limiter.admit(model.name, model.limits, call.context.monotonic())
        if wait is not None:
            http.stats.count("rate_limited")
            raise rate_limited(max(call.faults.retry_after_s, retry_after_seconds(wait)))
    media = probe(request.media)
    answer = build_answer(request, media, model)
    http.limiter.charge(model.name, answer.usage["total_tokens"], call.context.monotonic())
    if record is not None:
        record.prompt_tokens = answer.prompt_tokens
        record.completion_tokens = answer.completion_tokens
    responder = _Responder(call, request, answer, model_name, input_s=media.duration_s)
    if request.stream:
        return await responder.stream()
    return await responder.complete()


class _Responder:
    """Sends one computed answer, streamed or whole, paced in emulated time (module docstring)."""

    def __init__(
        self, call: HttpCall, request: FileRequest, answer: FileAnswer, model_name: str, *, input_s: float
    ) -> None:
        self._call = call
        self._request = request
        self._answer = answer
        self._model_name = model_name
        self._speed = call.context.speed
        self._form = call.context.http.transcript_form
        self._created = int(call.context.wall_clock())
        self._id = f"chatcmpl-{uuid.uuid4()}"
        self._audio_id = f"audio_{uuid.uuid4()}"
        self._first_chunk_ms = FIRST_CHUNK_MS + input_s * 1000 / LISTEN_SPEED

    async def _pause(self, emulated_ms: float) -> None:
        if emulated_ms > 0:
            await asyncio.sleep(emulated_ms / 1000.0 / self._speed)

    def _text_in_content(self) -> bool:
        return not self._answer.pcm or self._form is not TranscriptForm.AUDIO_TRANSCRIPT

    def _text_in_audio(self) -> bool:
        return bool(self._answer.pcm) and self._form is not TranscriptForm.CONTENT

    def _chunk(self, delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
        return {
            "id": self._id,
            "object": "chat.completion.chunk",
            "created": self._created,
            "model": self._model_name,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
        }

    def _audio(self, pcm: bytes, transcript: str | None) -> dict[str, Any]:
        audio: dict[str, Any] = {
            "data": base64.b64encode(pcm).decode("ascii"),
            "expires_at": self._created + AUDIO_URL_LIFETIME_S,
            "id": self._audio_id,
        }
        if transcript is not None:
            audio["transcript"] = transcript
        return audio

    async def stream(self) -> web.StreamResponse:
        call, answer = self._call, self._answer
        writer = SseWriter(call.request, call.faults, call.record, call.request_id)
        await writer.start()
        try:
            await self._pause(self._first_chunk_ms)
            await self._stream_pieces(writer)
            await writer.send(self._chunk({}, answer.finish_reason))
            if self._request.include_usage:
                usage_chunk = self._chunk({})
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
                call.record.cut = True  # the client went away mid-stream
            return writer.response
        if call.record is not None:
            call.record.finish_reason = answer.finish_reason
        return writer.response

    async def _stream_pieces(self, writer: SseWriter) -> None:
        answer = self._answer
        first = True
        chars = 0
        for piece in answer.pieces:
            if self._text_in_content():
                delta: dict[str, Any] = {"content": piece}
                if first:
                    delta = {"role": "assistant", **delta}
                    first = False
                await writer.send(self._chunk(delta))
            if not answer.pcm:
                await self._pause(TEXT_PIECE_INTERVAL_MS)
                chars += len(piece)
                continue
            pcm = answer.pcm[chars * _BYTES_PER_CHAR : (chars + len(piece)) * _BYTES_PER_CHAR]
            chars += len(piece)
            for offset in range(0, len(pcm), _AUDIO_CHUNK_BYTES):
                transcript = piece if offset == 0 and self._text_in_audio() else None
                delta = {"audio": self._audio(pcm[offset : offset + _AUDIO_CHUNK_BYTES], transcript)}
                if first:
                    delta = {"role": "assistant", **delta}
                    first = False
                await writer.send(self._chunk(delta))
                chunk_ms = min(_AUDIO_CHUNK_BYTES, len(pcm) - offset) / _BYTES_PER_SAMPLE * 1000 / VOICE_RATE
                await self._pause(chunk_ms / AUDIO_SEND_RATIO)

    async def complete(self) -> web.StreamResponse:
        answer = self._answer
        total_ms = self._first_chunk_ms + (
            len(answer.pcm) / _BYTES_PER_SAMPLE * 1000 / VOICE_RATE / AUDIO_SEND_RATIO
            if answer.pcm
            else TEXT_PIECE_INTERVAL_MS * len(answer.pieces)
        )
        await self._pause(total_ms)
        message: dict[str, Any] = {"role": "assistant", "content": answer.text if self._text_in_content() else None}
        if answer.pcm:
            message["audio"] = self._audio(answer.pcm, answer.text if self._text_in_audio() else None)
        body = {
            "id": self._id,
            "object": "chat.completion",
            "created": self._created,
            "model": self._model_name,
            "choices": [{"index": 0, "message": message, "finish_reason": answer.finish_reason}],
            "usage": answer.usage,
        }
        if self._call.record is not None:
            self._call.record.finish_reason = answer.finish_reason
        return web.json_response(body, headers={"x-request-id": self._call.request_id})


def register() -> None:
    """Serve every file-translation model name (and snapshot) of the catalog."""
    register_chat_model(list(file_models()), file_translation)
