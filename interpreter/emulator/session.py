"""One emulated LiveTranslate realtime session (one WebSocket connection), spec §1.3-§1.7.

Client events are handled synchronously in arrival order (so the server's answers are deterministic); responses are
streamed by a separate task, one segment after another. Audio time is counted from the connection's first audio
byte; everything the VAD decides follows from byte counts.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
from typing import Any

from aiohttp import WSMsgType, web

from interpreter.core.catalog import ModelInfo
from interpreter.emulator.content import ContentSource
from interpreter.emulator.context import EmulatorContext
from interpreter.emulator.ids import new_id
from interpreter.emulator.images import ImageCheck, ImageRejected
from interpreter.emulator.outbox import Outbox
from interpreter.emulator.records import SessionRecord
from interpreter.emulator.responses import ResponseStreamer, Segment
from interpreter.emulator.session_config import (
    SessionSettings,
    SessionUpdateError,
    apply_update,
    default_settings,
    render_session,
)
from interpreter.emulator.vad import EnergyVad, VadEvent

# Source partials (conversation.item.input_audio_transcription.text) every 400 ms of speech, about one word.
ASR_PARTIAL_INTERVAL_MS = 400
# After session.finished the client should close; if it does not, the server closes after this long (wall seconds).
FINISH_GRACE_S = 10.0
_FINISH = None  # sentinel on the segment queue: everything before it is done, send session.finished


class EmulatedSession:
    """Server side of one realtime connection.

    Args:
        context: the emulator's shared state.
        ws: the prepared WebSocket.
        transport: the TCP transport, aborted by the "drop" faults (an abrupt end without a close frame).
        model: the model of the ``model`` query parameter.
        record: where what happens is recorded for tests (None: recording is off).
    """

    def __init__(
        self,
        context: EmulatorContext,
        ws: web.WebSocketResponse,
        transport: asyncio.BaseTransport | None,
        model: ModelInfo,
        record: SessionRecord | None,
    ) -> None:
        self._context = context
        self._ws = ws
        self._transport = transport
        self._record = record
        realtime = context.realtime
        self._faults = realtime.faults
        self._outbox = Outbox(ws, record, lambda: realtime.faults.snapshot().delay_ms)
        self._settings: SessionSettings = default_settings(new_id("sess"), model, context.catalog)
        self._streamer = ResponseStreamer(
            self._outbox, speed=context.speed, text_form=realtime.text_form, conversation_id=new_id("conv")
        )
        self._content = ContentSource(realtime.script)
        self._segments: asyncio.Queue[Segment | None] = asyncio.Queue()
        self._images = ImageCheck(speed=context.speed)
        self._messages = 0
        self._stalled = False
        self._finishing = False
        # Audio timeline: samples received so far at the session's sample rate (odd trailing byte carried).
        self._samples = 0
        self._odd_byte = b""
        self._vad: EnergyVad | None = None
        self._vad_offset_ms = 0.0
        self._open: Segment | None = None  # the segment in speech (VAD) whose response has not been queued
        self._last_partial_ms = 0.0
        self._manual_start_ms: float | None = None  # start of uncommitted audio in Manual mode
        self._pending_image_tokens = 0
        self._last_item_id: str | None = None
        self._tasks: list[asyncio.Task[None]] = []

    # ----------------------------------------------------------------------------------------------- lifecycle

    async def run(self) -> None:
        """Serve the connection until the client closes it or a fault ends it."""
        faults = self._faults.snapshot()
        self._tasks = [
            asyncio.create_task(self._outbox.run(), name="emulator-outbox"),
            asyncio.create_task(self._respond_loop(), name="emulator-responses"),
        ]
        if faults.drop_after_seconds is not None:
            self._tasks.append(asyncio.create_task(self._drop_later(faults.drop_after_seconds), name="emulator-drop"))
        self._outbox.send("session.created", session=render_session(self._settings))
        if faults.drop_after_messages == 0:
            self._drop()
        try:
            async for message in self._ws:
                self._on_message(message)
        finally:
            for task in self._tasks:
                task.cancel()
            for task in self._tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if self._record is not None:
                self._record.close_code = self._ws.close_code
                self._record.closed.set()

    def _received(self, event: dict[str, Any]) -> None:
        """Record a client event (payloads already summarised by the caller) when recording is on."""
        if self._record is not None:
            self._record.received.append(event)

    def _drop(self) -> None:
        """End the connection abruptly: the TCP connection is aborted, no WebSocket close frame is sent."""
        self._stalled = True
        self._outbox.stall()
        if self._transport is not None:
            self._transport.abort()  # type: ignore[attr-defined]

    async def _drop_later(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
        self._drop()

    async def _close_later(self) -> None:
        await self._outbox.drained()
        await asyncio.sleep(FINISH_GRACE_S)
        await self._ws.close()

    # ------------------------------------------------------------------------------------------------ messages

    def _on_message(self, message: Any) -> None:
        if message.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
            return
        self._messages += 1
        if self._stalled:
            self._received({"type": "<ignored while stalled>"})
            return
        if message.type == WSMsgType.BINARY:
            self._received({"type": "<binary>", "bytes": len(message.data)})
            self._error("Binary frames are not supported; send JSON text events.", param=None)
        else:
            self._on_text(message.data)
        self._apply_message_faults()

    def _apply_message_faults(self) -> None:
        faults = self._faults.snapshot()
        n = self._messages
        if faults.error_after_messages is not None and n == faults.error_after_messages:
            self._outbox.send(
                "error",
                error={
                    "type": "server_error",
                    "code": faults.error_code,
                    "message": faults.error_message,
                    "param": None,
                },
            )
        if faults.stall_after_messages is not None and n >= faults.stall_after_messages:
            self._stalled = True
            self._outbox.stall()
        if faults.drop_after_messages is not None and n >= faults.drop_after_messages:
            self._drop()

    def _on_text(self, text: str) -> None:
        try:
            event = json.loads(text)
        except json.JSONDecodeError as exc:
            self._received({"type": "<invalid json>", "text": text[:200]})
            self._error(f"The message is not valid JSON: {exc.msg}.", code="invalid_json", param=None)
            return
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            self._received({"type": "<no type>"})
            self._error("Every client event must be a JSON object with a 'type' string.", param="type")
            return
        handler = _HANDLERS.get(event["type"])
        if handler is None:
            self._received(event)
            self._error(
                f"invalid event type: '{event['type']}'. LiveTranslate accepts: {', '.join(_HANDLERS)}.",
                param="type",
                event_id=event.get("event_id"),
            )
            return
        handler(self, event)

    def _error(self, message: str, *, param: str | None, code: str = "invalid_value", event_id: Any = None) -> None:
        error: dict[str, Any] = {"type": "invalid_request_error", "code": code, "message": message, "param": param}
        if isinstance(event_id, str):
            error["event_id"] = event_id  # which client event failed (as OpenAI's realtime API does)
        self._outbox.send("error", error=error)

    # ----------------------------------------------------------------------------------------- client events

    def _session_update(self, event: dict[str, Any]) -> None:
        self._received(event)
        try:
            updated = apply_update(self._settings, event.get("session"), self._context.catalog)
        except SessionUpdateError as exc:
            self._error(exc.message, param=exc.param, code=exc.code, event_id=event.get("event_id"))
            return
        old = self._settings
        self._settings = updated
        if (old.turn_detection, old.sample_rate) != (updated.turn_detection, updated.sample_rate):
            self._restart_vad()
        self._outbox.send("session.updated", session=render_session(updated))

    def _audio_append(self, event: dict[str, Any]) -> None:
        pcm = self._decode(event, "audio")
        self._received({**event, "audio": len(pcm) if pcm is not None else "<invalid>"})
        if pcm is None:
            self._error("The audio field must be Base64-encoded PCM.", param="audio", event_id=event.get("event_id"))
            return
        if self._record is not None:
            self._record.audio.extend(pcm)
        if self._finishing:
            self._error("The session is finishing; no more audio is accepted.", param=None)
            return
        if self._settings.input_audio_format == "opus":
            self._error(
                "The emulator cannot decode opus audio; send pcm (16-bit little-endian mono) instead.",
                param="session.input_audio_format",
            )
            return
        self._images.audio_seen()
        data = self._odd_byte + pcm
        self._odd_byte = data[len(data) - len(data) % 2 :]
        if self._settings.manual_mode:
            if self._manual_start_ms is None and pcm:
                self._manual_start_ms = self._audio_ms()
            self._samples += len(data) // 2
            return
        vad = self._ensure_vad()  # before advancing the clock: the VAD's time 0 is this chunk's first sample
        self._samples += len(data) // 2
        for vad_event in vad.feed(pcm):
            self._on_vad(vad_event)
        self._maybe_partial()

    def _audio_commit(self, event: dict[str, Any]) -> None:
        self._received(event)
        event_id = event.get("event_id")
        if not self._settings.manual_mode:
            self._error(
                "input_audio_buffer.commit is only accepted in Manual mode (turn_detection: null).",
                param="type",
                event_id=event_id,
            )
            return
        if not self._commit_manual():
            self._error(
                "Error committing input audio buffer: the buffer is empty.",
                code="input_audio_buffer_commit_empty",
                param=None,
                event_id=event_id,
            )

    def _audio_clear(self, event: dict[str, Any]) -> None:
        self._received(event)
        self._manual_start_ms = None
        self._open = None
        self._restart_vad()
        self._outbox.send("input_audio_buffer.cleared")

    def _image_append(self, event: dict[str, Any]) -> None:
        image = self._decode(event, "image")
        self._received({**event, "image": len(image) if image is not None else "<invalid>"})
        if image is not None and self._record is not None:
            self._record.images.append(image)
        try:
            if image is None:
                raise ImageRejected("The image field must be Base64-encoded JPEG data.")
            width, height = self._images.check(image)
        except ImageRejected as exc:
            self._error(str(exc), param="image", event_id=event.get("event_id"))
            return
        self._pending_image_tokens += self._settings.model.image_tokens(width, height)

    def _session_finish(self, event: dict[str, Any]) -> None:
        self._received(event)
        if self._finishing:
            self._error("session.finish was already received.", param="type", event_id=event.get("event_id"))
            return
        self._finishing = True
        if self._settings.manual_mode:
            self._commit_manual()
        elif self._vad is not None:
            stopped = self._vad.flush()
            if stopped is not None:
                self._on_vad(stopped)
        self._segments.put_nowait(_FINISH)

    # --------------------------------------------------------------------------------------- audio → segments

    def _ensure_vad(self) -> EnergyVad:
        if self._vad is None:
            td = self._settings.turn_detection
            assert td is not None  # only called in server-VAD mode
            self._vad = EnergyVad(
                sample_rate=self._settings.sample_rate,
                threshold=td.threshold,
                silence_duration_ms=td.silence_duration_ms,
                prefix_padding_ms=td.prefix_padding_ms,
            )
            self._vad_offset_ms = self._audio_ms()
        return self._vad

    def _restart_vad(self) -> None:
        """New VAD settings or a clear: close an open segment first, then analyse later audio afresh."""
        if self._vad is not None and self._open is not None:
            stopped = self._vad.flush()
            if stopped is not None:
                self._on_vad(stopped)
        self._vad = None

    def _audio_ms(self) -> float:
        return self._samples * 1000.0 / self._settings.sample_rate

    def _on_vad(self, vad_event: VadEvent) -> None:
        at_ms = self._vad_offset_ms + vad_event.audio_ms
        if vad_event.kind == "started":
            self._open = self._new_segment(at_ms)
            self._last_partial_ms = at_ms
            self._outbox.send("input_audio_buffer.speech_started", audio_start_ms=round(at_ms))
            return
        self._outbox.send("input_audio_buffer.speech_stopped", audio_end_ms=round(at_ms))
        if self._open is not None:
            self._open.end_ms = at_ms
            self._queue_segment(self._open)
            self._open = None

    def _maybe_partial(self) -> None:
        segment = self._open
        if segment is None or self._settings.transcription_model is None:
            return
        now_ms = self._audio_ms()
        if now_ms - self._last_partial_ms < ASR_PARTIAL_INTERVAL_MS:
            return
        self._last_partial_ms = now_ms
        text, stash = segment.content.provisional_source(now_ms - segment.start_ms)
        self._outbox.send(
            "conversation.item.input_audio_transcription.text",
            item_id=segment.asr_item_id,
            content_index=0,
            text=text,
            stash=stash,
            language=segment.content.source_language,
            emotion="neutral",
        )

    def _commit_manual(self) -> bool:
        """Turn the uncommitted Manual-mode audio into a segment; False when there is none."""
        if self._manual_start_ms is None:
            return False
        segment = self._new_segment(self._manual_start_ms)
        segment.end_ms = self._audio_ms()
        self._manual_start_ms = None
        self._outbox.send("input_audio_buffer.committed")
        self._outbox.send(
            "conversation.item.created",
            previous_item_id=self._last_item_id,
            item={
                "id": segment.asr_item_id,
                "object": "realtime.item",
                "type": "message",
                "status": "completed",
                "role": "user",
                "content": [{"type": "input_audio"}],
            },
        )
        self._queue_segment(segment)
        return True

    def _new_segment(self, start_ms: float) -> Segment:
        content = self._content.next_segment(self._settings.transcription_language)
        return Segment(content=content, asr_item_id=new_id("item"), start_ms=start_ms, end_ms=start_ms)

    def _queue_segment(self, segment: Segment) -> None:
        self._last_item_id = segment.asr_item_id
        self._segments.put_nowait(segment)

    async def _respond_loop(self) -> None:
        while True:
            segment = await self._segments.get()
            if segment is _FINISH:
                self._outbox.send("session.finished")
                self._tasks.append(asyncio.create_task(self._close_later(), name="emulator-close"))
                return
            image_tokens, self._pending_image_tokens = self._pending_image_tokens, 0
            await self._streamer.stream(segment, self._settings, image_tokens)

    @staticmethod
    def _decode(event: dict[str, Any], key: str) -> bytes | None:
        value = event.get(key)
        if not isinstance(value, str):
            return None
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None


_HANDLERS = {
    "session.update": EmulatedSession._session_update,
    "input_audio_buffer.append": EmulatedSession._audio_append,
    "input_audio_buffer.commit": EmulatedSession._audio_commit,
    "input_audio_buffer.clear": EmulatedSession._audio_clear,
    "input_image_buffer.append": EmulatedSession._image_append,
    "session.finish": EmulatedSession._session_finish,
}
