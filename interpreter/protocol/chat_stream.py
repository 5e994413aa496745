"""Sans-I/O parser for OpenAI-compatible chat-completion answers (spec §3, §8.2).

The transport reads the SSE stream and hands each ``data:`` payload to :func:`parse_chunk`; what comes back is a
list of typed events. :class:`ChatResponseAccumulator` gathers them into a :class:`ChatResult` and knows whether the
stream really completed (a finish reason AND ``[DONE]``), so a connection cut mid-answer is never mistaken for a
short answer. :func:`parse_completion` turns a non-streaming ``chat.completion`` body (the [!] ``stream:false``
form) into the same :class:`ChatResult`.

Errors inside the stream: a payload ``{"error": {...}}`` (or the flat native ``{"code", "message"}`` shape) comes
back as an :class:`ErrorReported` event carrying a :class:`ServiceErrorBody`; it is NOT raised here, because the
one mapping from codes to the application's error tree lives in ``transport.errors.map_service_error`` (the
transport raises the mapped error). :func:`error_body_from_payload` is the single reader of both error shapes and
is used by that mapping for HTTP error bodies too.

Pure: no I/O, no clock. Unknown fields are ignored (the service adds fields over time).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from interpreter.errors import ProtocolError
from interpreter.protocol import texts

__all__ = [
    "DONE_SENTINEL",
    "AudioDelta",
    "AudioTranscriptDelta",
    "ChatResponseAccumulator",
    "ChatResult",
    "ChatStreamEvent",
    "ChatUsage",
    "ChoiceFinished",
    "ErrorReported",
    "ServiceErrorBody",
    "StreamDone",
    "TextDelta",
    "UsageReported",
    "error_body_from_payload",
    "parse_chunk",
    "parse_completion",
    "parse_usage",
]

DONE_SENTINEL = "[DONE]"
"""The last ``data:`` payload of an OpenAI-compatible stream."""
# ``delta.audio.data`` is s16le mono at core.pcm.VOICE_RATE (spec §3).


@dataclass(frozen=True)
class ServiceErrorBody:
    """The fields of a DashScope error, from either shape (all None when absent).

    Native ``{"code", "message", "request_id"}``; compat ``{"error": {"code", "message", "type", "param"},
    "request_id"}``.
    """

    code: str | None = None
    message: str | None = None
    request_id: str | None = None
    error_type: str | None = None


@dataclass(frozen=True)
class ChatUsage:
    """Token usage of one answer; a missing or null count is 0."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    prompt_text_tokens: int = 0
    prompt_audio_tokens: int = 0
    prompt_video_tokens: int = 0
    prompt_image_tokens: int = 0
    prompt_cached_tokens: int = 0
    completion_text_tokens: int = 0
    completion_audio_tokens: int = 0


@dataclass(frozen=True)
class TextDelta:
    """A piece of the translation text (``delta.content``)."""

    text: str


@dataclass(frozen=True)
class AudioDelta:
    """A piece of the translated speech: s16le mono 24 kHz PCM, Base64-decoded from ``delta.audio.data``."""

    pcm: bytes


@dataclass(frozen=True)
class AudioTranscriptDelta:
    """A piece of ``delta.audio.transcript`` (the Omni convention some samples read; spec §3 [!])."""

    text: str


@dataclass(frozen=True)
class ChoiceFinished:
    """The answer ended: ``stop`` (complete) or ``length`` (cut at max tokens); other strings passed through."""

    reason: Literal["stop", "length"] | str


@dataclass(frozen=True)
class UsageReported:
    """The usage chunk (``choices: []``, sent with ``stream_options.include_usage``)."""

    usage: ChatUsage


@dataclass(frozen=True)
class StreamDone:
    """``data: [DONE]``: the service closed the stream on purpose."""


@dataclass(frozen=True)
class ErrorReported:
    """The service reported an error inside the stream; the transport maps and raises it."""

    error: ServiceErrorBody


ChatStreamEvent = (
    TextDelta | AudioDelta | AudioTranscriptDelta | ChoiceFinished | UsageReported | StreamDone | ErrorReported
)


@dataclass(frozen=True)
class ChatResult:
    """One whole answer.

    Attributes:
        text: the translation text (``delta.content`` joined).
        pcm: the translated speech, s16le mono 24 kHz (empty for text-only answers).
        transcript: ``delta.audio.transcript`` joined (empty when the service does not send it).
        finish_reason: ``stop``, ``length`` or None when no finish reason arrived.
        usage: the usage report, or None when none arrived.
    """

    text: str
    pcm: bytes
    transcript: str
    finish_reason: str | None
    usage: ChatUsage | None

    @property
    def truncated(self) -> bool:
        """True when the answer was cut at the output-token limit (finish reason ``length``)."""
        return self.finish_reason == "length"


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def error_body_from_payload(data: object) -> ServiceErrorBody | None:
    """The error in ``data`` (a decoded JSON value) in either shape, or None when ``data`` is not an error.

    A compat error is an object with an ``error`` object; a native error is an object with a non-empty ``code`` and
    no ``choices``/``output`` (a success answer never has a code).
    """
    if not isinstance(data, Mapping):
        return None
    inner = data.get("error")
    if isinstance(inner, Mapping):
        return ServiceErrorBody(
            code=_optional_str(inner.get("code")),
            message=_optional_str(inner.get("message")),
            request_id=_optional_str(data.get("request_id", inner.get("request_id"))),
            error_type=_optional_str(inner.get("type")),
        )
    code = data.get("code")
    if code not in (None, "") and "choices" not in data and "output" not in data:
        return ServiceErrorBody(
            code=str(code),
            message=_optional_str(data.get("message")),
            request_id=_optional_str(data.get("request_id")),
        )
    return None


def _count(source: Mapping[str, Any] | None, key: str) -> int:
    if not source:
        return 0
    value = source.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 0  # null / missing / junk counts as nothing rather than failing a paid answer
    return int(value)


def parse_usage(raw: Mapping[str, Any]) -> ChatUsage:
    """A :class:`ChatUsage` from an OpenAI-compatible ``usage`` object (null details are 0)."""
    prompt = raw.get("prompt_tokens_details")
    completion = raw.get("completion_tokens_details")
    prompt_details = prompt if isinstance(prompt, Mapping) else None
    completion_details = completion if isinstance(completion, Mapping) else None
    return ChatUsage(
        prompt_tokens=_count(raw, "prompt_tokens"),
        completion_tokens=_count(raw, "completion_tokens"),
        total_tokens=_count(raw, "total_tokens"),
        prompt_text_tokens=_count(prompt_details, "text_tokens"),
        prompt_audio_tokens=_count(prompt_details, "audio_tokens"),
        prompt_video_tokens=_count(prompt_details, "video_tokens"),
        prompt_image_tokens=_count(prompt_details, "image_tokens"),
        prompt_cached_tokens=_count(prompt_details, "cached_tokens"),
        completion_text_tokens=_count(completion_details, "text_tokens"),
        completion_audio_tokens=_count(completion_details, "audio_tokens"),
    )


def _decode_pcm(data: object) -> bytes:
    if not isinstance(data, str):
        raise ProtocolError(texts.AUDIO_UNEXPECTED_FORM(), detail=f"audio.data {data!r:.80}")
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError(texts.AUDIO_NOT_BASE64(), detail=str(exc)) from exc


def _audio_events(audio: object) -> list[ChatStreamEvent]:
    if not isinstance(audio, Mapping):
        return []
    events: list[ChatStreamEvent] = []
    data = audio.get("data")
    if data:  # "" or null carries nothing (some chunks only carry id/expires_at)
        events.append(AudioDelta(_decode_pcm(data)))
    transcript = audio.get("transcript")
    if isinstance(transcript, str) and transcript:
        events.append(AudioTranscriptDelta(transcript))
    return events


def _finish_reason(value: object) -> str | None:
    # Native DashScope streams send the string "null" until the end (spec §5.3); treat it like JSON null.
    if value is None or value == "null" or value == "":
        return None
    return str(value)


def _load_object(data: str) -> Mapping[str, Any]:
    try:
        decoded = json.loads(data)
    except ValueError as exc:
        raise ProtocolError(texts.CHUNK_NOT_JSON(), detail=f"{data!r:.120}") from exc
    if not isinstance(decoded, Mapping):
        raise ProtocolError(texts.ANSWER_NOT_OBJECT(), detail=f"{data!r:.120}")
    return decoded


def parse_chunk(data: str) -> list[ChatStreamEvent]:
    """The events in one SSE ``data:`` payload of a chat-completion stream.

    Args:
        data: the payload text (the SSE ``data`` field, lines joined), e.g. a ``chat.completion.chunk`` object or
            ``[DONE]``.

    Returns:
        Events in wire order: per choice text, audio, transcript, then the finish reason; then usage. An error
        payload gives ``[ErrorReported]``; ``[DONE]`` gives ``[StreamDone()]``; a keep-alive chunk gives ``[]``.

    Raises:
        ProtocolError: not JSON, not an object, or audio that is not Base64.
    """
    if data.strip() == DONE_SENTINEL:
        return [StreamDone()]
    chunk = _load_object(data)
    error = error_body_from_payload(chunk)
    if error is not None:
        return [ErrorReported(error)]
    events: list[ChatStreamEvent] = []
    choices = chunk.get("choices")
    for choice in choices if isinstance(choices, list) else []:
        if not isinstance(choice, Mapping):
            continue
        delta = choice.get("delta")
        if isinstance(delta, Mapping):
            content = delta.get("content")
            if isinstance(content, str) and content:
                events.append(TextDelta(content))
            events.extend(_audio_events(delta.get("audio")))
        reason = _finish_reason(choice.get("finish_reason"))
        if reason is not None:
            events.append(ChoiceFinished(reason))
    usage = chunk.get("usage")
    if isinstance(usage, Mapping):
        events.append(UsageReported(parse_usage(usage)))
    return events


class ChatResponseAccumulator:
    """Gathers stream events into a :class:`ChatResult`.

    The stream is complete only when a finish reason AND ``[DONE]`` arrived; anything less (the connection dropped,
    a gateway cut a long generation) is incomplete and must be requested again as a whole, never stitched.
    """

    def __init__(self) -> None:
        self._text: list[str] = []
        self._pcm = bytearray()
        self._transcript: list[str] = []
        self._finish_reason: str | None = None
        self._usage: ChatUsage | None = None
        self._done = False
        self.error: ServiceErrorBody | None = None
        """The first error reported inside the stream, if any."""

    def feed(self, event: ChatStreamEvent) -> None:
        """Add one event."""
        match event:
            case TextDelta(text=text):
                self._text.append(text)
            case AudioDelta(pcm=pcm):
                self._pcm += pcm
            case AudioTranscriptDelta(text=text):
                self._transcript.append(text)
            case ChoiceFinished(reason=reason):
                if self._finish_reason is None:  # n=1 streams; with several choices the first one counts
                    self._finish_reason = reason
            case UsageReported(usage=usage):
                self._usage = usage
            case StreamDone():
                self._done = True
            case ErrorReported(error=error):
                if self.error is None:
                    self.error = error

    def feed_all(self, events: Iterable[ChatStreamEvent]) -> None:
        """Add events in order."""
        for event in events:
            self.feed(event)

    @property
    def finished(self) -> bool:
        """A finish reason arrived."""
        return self._finish_reason is not None

    @property
    def done(self) -> bool:
        """``[DONE]`` arrived."""
        return self._done

    @property
    def complete(self) -> bool:
        """Finish reason and ``[DONE]`` both arrived, and no error: the answer is whole."""
        return self.finished and self._done and self.error is None

    def result(self) -> ChatResult:
        """What arrived so far (check :attr:`complete` before trusting it as the whole answer)."""
        return ChatResult(
            text="".join(self._text),
            pcm=bytes(self._pcm),
            transcript="".join(self._transcript),
            finish_reason=self._finish_reason,
            usage=self._usage,
        )


def _message_text(content: object) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts: [{"type": "text", "text": "..."}]
        return "".join(
            str(part.get("text", "")) for part in content if isinstance(part, Mapping) and part.get("type") == "text"
        )
    return ""


def parse_completion(body: str | Mapping[str, Any]) -> ChatResult:
    """A non-streaming ``chat.completion`` body as a :class:`ChatResult` (first choice).

    Check the body with :func:`error_body_from_payload` first: an error body is not a completion.

    Raises:
        ProtocolError: not JSON, not an object, an error body, no choice, or audio that is not Base64.
    """
    data = _load_object(body) if isinstance(body, str) else body
    if error_body_from_payload(data) is not None:
        raise ProtocolError(texts.ERROR_INSTEAD_OF_TRANSLATION())
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], Mapping):
        raise ProtocolError(texts.NO_TRANSLATION_IN_ANSWER(), detail=f"{dict(data)!r:.200}")
    choice = choices[0]
    message = choice.get("message")
    message = message if isinstance(message, Mapping) else {}
    pcm = b""
    transcript = ""
    audio = message.get("audio")
    if isinstance(audio, Mapping):
        if audio.get("data"):
            pcm = _decode_pcm(audio.get("data"))
        transcript = str(audio.get("transcript") or "")
    usage = data.get("usage")
    return ChatResult(
        text=_message_text(message.get("content")),
        pcm=pcm,
        transcript=transcript,
        finish_reason=_finish_reason(choice.get("finish_reason")),
        usage=parse_usage(usage) if isinstance(usage, Mapping) else None,
    )
