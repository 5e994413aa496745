"""One translation response per speech segment: the event sequence of spec §1.7, paced in emulated time.

Order emitted (after the segment's ``speech_stopped`` / ``committed``)::

    response.created
    response.output_item.added
    conversation.item.created                       previous_item_id = the segment's ASR item id
    response.content_part.added
    response.audio_transcript.text | response.text.text     (repeated; the first one is followed by:)
        conversation.item.input_audio_transcription.text       final source text, empty stash   } transcription on
        conversation.item.input_audio_transcription.completed                                    }
    response.audio.delta                            (repeated, interleaved with the text; audio mode only)
    response.audio_transcript.done | response.text.done
    response.audio.done                             (audio mode only)
    response.content_part.done
    response.output_item.done
    response.done                                   (usage)

Pacing: the response starts ``RESPONSE_LATENCY_MS`` after the segment ends; audio goes out in ``AUDIO_CHUNK_MS``
chunks slightly faster than real time (``AUDIO_SEND_RATIO``), like a streaming TTS that keeps a client's jitter
buffer fed, with each translation piece revealed when the audio reaches its first character; in text-only mode a
piece every ``TEXT_PIECE_INTERVAL_MS``. All waits are emulated milliseconds divided by ``speed``.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import dataclass
from typing import Any

from interpreter.core.pcm import SAMPLE_WIDTH, VOICE_RATE
from interpreter.emulator.content import SegmentContent, split_pieces
from interpreter.emulator.context import TextForm
from interpreter.emulator.ids import new_id
from interpreter.emulator.outbox import Outbox
from interpreter.emulator.session_config import SessionSettings
from interpreter.emulator.synth import MS_PER_CHAR, synthesize
from interpreter.emulator.usage import response_usage

RESPONSE_LATENCY_MS = 300  # "thinking" time between end of speech and the first response event
AUDIO_CHUNK_MS = 100  # size of one response.audio.delta
AUDIO_SEND_RATIO = 1.25  # audio is sent 1.25x faster than it plays
TEXT_PIECE_INTERVAL_MS = 120  # text-only mode: one word (or two CJK characters) every 120 ms
_AUDIO_CHUNK_BYTES = VOICE_RATE * AUDIO_CHUNK_MS // 1000 * 2


@dataclass
class Segment:
    """A finished stretch of speech waiting for its response.

    Attributes:
        content: texts of the segment.
        asr_item_id: the source (ASR) item id, paired with the translation via ``previous_item_id``.
        start_ms: ``audio_start_ms`` of the segment; ``end_ms``: its ``audio_end_ms``.
    """

    content: SegmentContent
    asr_item_id: str
    start_ms: float
    end_ms: float

    @property
    def duration_ms(self) -> float:
        return max(0.0, self.end_ms - self.start_ms)


class ResponseStreamer:
    """Streams responses for one connection (one at a time, in segment order).

    Args:
        outbox: where events go.
        speed: emulated-time speed-up.
        text_form: shape of ``response.text.text`` events.
        conversation_id: the connection's ``conv_`` id.
    """

    def __init__(self, outbox: Outbox, *, speed: float, text_form: TextForm, conversation_id: str) -> None:
        self._outbox = outbox
        self._speed = speed
        self._text_form = text_form
        self._conversation_id = conversation_id

    async def _pause(self, emulated_ms: float) -> None:
        await asyncio.sleep(emulated_ms / 1000.0 / self._speed)

    async def _pause_until(self, started: float, emulated_ms: float) -> None:
        """Sleep until ``emulated_ms`` after the loop time ``started``. Voice chunks follow this fixed schedule:
        sleeping a fixed interval after each send lets every overshoot of a loaded machine add up, and the client's
        player then starves although the service kept its pace."""
        loop = asyncio.get_running_loop()
        await asyncio.sleep(max(0.0, started + emulated_ms / 1000.0 / self._speed - loop.time()))

    async def stream(self, segment: Segment, settings: SessionSettings, image_tokens: int) -> None:
        """Emit the whole response for ``segment`` under ``settings`` (read when the response starts)."""
        await self._pause(RESPONSE_LATENCY_MS)
        texts = segment.content.final(segment.duration_ms, settings.target_language, settings.phrases)
        audio_mode = settings.audio_output
        response_id, item_id = new_id("resp"), new_id("item")
        modalities = ["text", "audio"] if audio_mode else ["text"]
        part_type = "audio" if audio_mode else "text"
        send = self._outbox.send
        ids = {"response_id": response_id, "item_id": item_id, "output_index": 0, "content_index": 0}
        response: dict[str, Any] = {
            "id": response_id,
            "object": "realtime.response",
            "conversation_id": self._conversation_id,
            "status": "in_progress",
            "modalities": modalities,
            "voice": settings.voice,
            "output_audio_format": settings.output_audio_format,
            "output": [],
        }
        send("response.created", response=response)
        send("response.output_item.added", response_id=response_id, output_index=0, item=_item(item_id, "in_progress"))
        send("conversation.item.created", previous_item_id=segment.asr_item_id, item=_item(item_id, "in_progress"))
        send("response.content_part.added", **ids, part={"type": part_type, "text": ""})

        transcription_pending = settings.transcription_model is not None

        def after_first_text() -> None:
            nonlocal transcription_pending
            if not transcription_pending:
                return
            transcription_pending = False
            asr = {"item_id": segment.asr_item_id, "content_index": 0, "language": texts.source_language}
            send(
                "conversation.item.input_audio_transcription.text",
                **asr,
                text=texts.source,
                stash="",
                emotion="neutral",
            )
            send("conversation.item.input_audio_transcription.completed", **asr, transcript=texts.source, emotion="")

        translation = texts.translation
        pieces = split_pieces(translation)
        pcm = synthesize(translation) if audio_mode else b""
        if audio_mode:
            await self._stream_audio(pieces, pcm, ids, after_first_text)
            send("response.audio_transcript.done", **ids, transcript=translation)
            send("response.audio.done", **ids)
        else:
            await self._stream_text(pieces, ids, after_first_text)
            send("response.text.done", **ids, text=translation)
        after_first_text()  # an empty translation still completes the source item
        send("response.content_part.done", **ids, part={"type": part_type, "text": translation})
        content_key = "transcript" if audio_mode else "text"
        send(
            "response.output_item.done",
            response_id=response_id,
            output_index=0,
            item=_item(item_id, "completed", [{"type": part_type, "text": translation}]),
        )
        response.update(
            status="completed",
            output=[_item(item_id, "completed", [{"type": part_type, content_key: translation}])],
            usage=response_usage(
                settings.model,
                input_audio_ms=segment.duration_ms,
                output_audio_ms=len(pcm) / SAMPLE_WIDTH * 1000 / VOICE_RATE,
                translation=translation,
                phrases=settings.phrases,
                image_tokens=image_tokens,
            ),
        )
        send("response.done", response=response)

    async def _stream_audio(self, pieces: list[str], pcm: bytes, ids: dict[str, Any], after_first_text: Any) -> None:
        # Piece i is revealed when the audio reaches its first character (audio is MS_PER_CHAR per character).
        reveal_at_ms: list[float] = []
        chars = 0
        for piece in pieces:
            reveal_at_ms.append(chars * MS_PER_CHAR)
            chars += len(piece)
        revealed = 0
        started = asyncio.get_running_loop().time()
        for number, offset in enumerate(range(0, len(pcm), _AUDIO_CHUNK_BYTES), start=1):
            chunk_end_ms = (offset + _AUDIO_CHUNK_BYTES) / SAMPLE_WIDTH * 1000 / VOICE_RATE
            while revealed < len(pieces) and reveal_at_ms[revealed] < chunk_end_ms:
                revealed += 1
                self._outbox.send("response.audio_transcript.text", **ids, **_stash_form(pieces, revealed))
                after_first_text()
            chunk = pcm[offset : offset + _AUDIO_CHUNK_BYTES]
            self._outbox.send("response.audio.delta", **ids, delta=base64.b64encode(chunk).decode("ascii"))
            await self._pause_until(started, number * AUDIO_CHUNK_MS / AUDIO_SEND_RATIO)
        if pieces:  # final state: everything confirmed, nothing tentative
            self._outbox.send("response.audio_transcript.text", **ids, text="".join(pieces), stash="")
            after_first_text()

    async def _stream_text(self, pieces: list[str], ids: dict[str, Any], after_first_text: Any) -> None:
        for revealed in range(1, len(pieces) + 1):
            if self._text_form is TextForm.STASH:
                fields = _stash_form(pieces, revealed)
            elif self._text_form is TextForm.CUMULATIVE:
                fields = {"text": "".join(pieces[:revealed])}
            else:
                fields = {"text": pieces[revealed - 1]}
            self._outbox.send("response.text.text", **ids, **fields)
            after_first_text()
            await self._pause(TEXT_PIECE_INTERVAL_MS)
        if pieces and self._text_form is TextForm.STASH:
            self._outbox.send("response.text.text", **ids, text="".join(pieces), stash="")


def _stash_form(pieces: list[str], revealed: int) -> dict[str, str]:
    """Confirmed text = all revealed pieces but the newest; the newest is the tentative stash."""
    return {"text": "".join(pieces[: revealed - 1]), "stash": pieces[revealed - 1]}


def _item(item_id: str, status: str, content: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "id": item_id,
        "object": "realtime.item",
        "type": "message",
        "status": status,
        "role": "assistant",
        "content": content or [],
    }
