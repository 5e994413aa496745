"""Typed wire events of the LiveTranslate realtime protocol (dashscope-protocol.md §1.4, §1.6).

Client events are frozen dataclasses that serialise themselves with ``to_json(event_id)``. Server events are frozen
dataclasses built by :func:`parse_server_event` from one JSON text frame; a registry maps each wire ``type`` to its
class, an unknown type becomes :class:`UnknownEvent` (a new server event must never crash the client), and malformed
input raises :class:`interpreter.errors.ProtocolError`.

Parsing is deliberately lenient about *missing* fields (they take neutral defaults, because the documentation and
the service disagree in places, see the [!] marks in the spec) and strict about *wrongly typed* fields (a string
where an object belongs is a broken frame, not a variant).
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from json.encoder import encode_basestring
from typing import Any, ClassVar, TypeVar

from interpreter.errors import ProtocolError
from interpreter.protocol import texts

JsonObject = dict[str, Any]

# --------------------------------------------------------------------------------------------------------------------
# Client events
# --------------------------------------------------------------------------------------------------------------------


def _dump(payload: Mapping[str, Any]) -> str:
    # Compact separators: audio frames are sent 10-50 times a second. ensure_ascii=False keeps hot words such as
    # "人工智能" readable in logs and a third of the size of \\u escapes.
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _b64(data: bytes) -> str:
    return binascii.b2a_base64(data, newline=False).decode("ascii")


@dataclass(frozen=True)
class SessionUpdate:
    """``session.update``: the session configuration (see ``config.session_update_payload``)."""

    session: Mapping[str, Any]
    TYPE: ClassVar[str] = "session.update"

    def to_json(self, event_id: str) -> str:
        return _dump({"event_id": event_id, "type": self.TYPE, "session": dict(self.session)})


@dataclass(frozen=True)
class InputAudioAppend:
    """``input_audio_buffer.append``: raw PCM s16le mono at the configured input rate, sent as Base64."""

    pcm: bytes
    TYPE: ClassVar[str] = "input_audio_buffer.append"

    def to_json(self, event_id: str) -> str:
        # The hot path of a live session (one frame per wire append, 10-25 per second): the JSON is assembled from
        # constant pieces instead of going through json.dumps. Base64 never needs escaping; the event id is escaped
        # by the json module's own C string encoder, so the text is exactly what _dump would produce.
        return _AUDIO_APPEND_HEAD + _encode_json_string(event_id) + _AUDIO_APPEND_MIDDLE + _b64(self.pcm) + '"}'


_AUDIO_APPEND_HEAD = '{"event_id":'
_AUDIO_APPEND_MIDDLE = ',"type":"input_audio_buffer.append","audio":"'
# json's C string encoder (quotes included): the one json.dumps(ensure_ascii=False) uses.
_encode_json_string = encode_basestring


@dataclass(frozen=True)
class InputAudioCommit:
    """``input_audio_buffer.commit``: ends a turn in manual mode (turn_detection null)."""

    TYPE: ClassVar[str] = "input_audio_buffer.commit"

    def to_json(self, event_id: str) -> str:
        return _dump({"event_id": event_id, "type": self.TYPE})


@dataclass(frozen=True)
class InputAudioClear:
    """``input_audio_buffer.clear``: discards audio the server holds that is not committed yet."""

    TYPE: ClassVar[str] = "input_audio_buffer.clear"

    def to_json(self, event_id: str) -> str:
        return _dump({"event_id": event_id, "type": self.TYPE})


@dataclass(frozen=True)
class InputImageAppend:
    """``input_image_buffer.append``: one JPEG frame (≤500 KB before Base64, ≤2 per second; spec §1.4)."""

    jpeg: bytes
    TYPE: ClassVar[str] = "input_image_buffer.append"

    def to_json(self, event_id: str) -> str:
        return _dump({"event_id": event_id, "type": self.TYPE, "image": _b64(self.jpeg)})


@dataclass(frozen=True)
class SessionFinish:
    """``session.finish``: asks the server to flush pending results and answer ``session.finished``."""

    TYPE: ClassVar[str] = "session.finish"

    def to_json(self, event_id: str) -> str:
        return _dump({"event_id": event_id, "type": self.TYPE})


ClientEvent = SessionUpdate | InputAudioAppend | InputAudioCommit | InputAudioClear | InputImageAppend | SessionFinish


# --------------------------------------------------------------------------------------------------------------------
# Field readers: missing or null -> default, wrong type -> ProtocolError
# --------------------------------------------------------------------------------------------------------------------


def _wrong(obj_type: str, key: str, expected: str, value: object) -> ProtocolError:
    return ProtocolError(
        texts.UNREADABLE_MESSAGE(),
        detail=f"{obj_type}: field {key!r} should be {expected}, got {type(value).__name__}",
    )


def _str(obj: Mapping[str, Any], key: str, where: str, default: str = "") -> str:
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise _wrong(where, key, "a string", value)
    return value


def _opt_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _wrong(where, key, "a string", value)
    return value


def _int(obj: Mapping[str, Any], key: str, where: str, default: int = 0) -> int:
    value = obj.get(key)
    if value is None:
        return default
    # bool is an int subclass in Python; true/false where a number belongs is a broken frame.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong(where, key, "a number", value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _wrong(where, key, "a finite number", value)
        return round(value)
    return value


def _obj(obj: Mapping[str, Any], key: str, where: str) -> JsonObject:
    value = obj.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _wrong(where, key, "an object", value)
    return value


def _list(obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _wrong(where, key, "a list", value)
    return value


# --------------------------------------------------------------------------------------------------------------------
# Server events
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServerEvent:
    """Base of every server event; ``event_id`` is the server's id (``event_…``), keyword-only so that the
    positional fields of each event read like the wire message."""

    event_id: str = field(default="", kw_only=True)


@dataclass(frozen=True)
class Usage:
    """Token usage of one response (``response.done``); missing numbers are 0.

    Instances add up (``a + b``) so a segment made of several responses, or a whole session, has one total.
    """

    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int = 0
    input_text_tokens: int = 0
    input_audio_tokens: int = 0
    input_image_tokens: int = 0
    output_text_tokens: int = 0
    output_audio_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @classmethod
    def from_wire(cls, raw: Mapping[str, Any]) -> Usage:
        where = "response.usage"
        inp = _obj(raw, "input_tokens_details", where)
        out = _obj(raw, "output_tokens_details", where)
        return cls(
            input_tokens=_int(raw, "input_tokens", where),
            output_tokens=_int(raw, "output_tokens", where),
            total_tokens=_int(raw, "total_tokens", where),
            input_text_tokens=_int(inp, "text_tokens", where),
            input_audio_tokens=_int(inp, "audio_tokens", where),
            input_image_tokens=_int(inp, "image_tokens", where),
            output_text_tokens=_int(out, "text_tokens", where),
            output_audio_tokens=_int(out, "audio_tokens", where),
        )


@dataclass(frozen=True)
class SessionCreated(ServerEvent):
    """``session.created``: sent right after connecting, with the model's defaults."""

    session: JsonObject


@dataclass(frozen=True)
class SessionUpdated(ServerEvent):
    """``session.updated``: the server accepted ``session.update``; ``session`` is the effective configuration."""

    session: JsonObject


@dataclass(frozen=True)
class SessionFinished(ServerEvent):
    """``session.finished``: everything pending was delivered; the client may close."""


@dataclass(frozen=True)
class ServerErrorEvent(ServerEvent):
    """``error``: the server rejected something; ``param`` is the JSON path of the culprit when known."""

    error_type: str
    code: str
    message: str
    param: str | None = None


@dataclass(frozen=True)
class SpeechStarted(ServerEvent):
    """``input_audio_buffer.speech_started``; ``audio_start_ms`` counts from this connection's first audio."""

    audio_start_ms: int


@dataclass(frozen=True)
class SpeechStopped(ServerEvent):
    """``input_audio_buffer.speech_stopped``; ``audio_end_ms`` counts from this connection's first audio."""

    audio_end_ms: int


@dataclass(frozen=True)
class AudioCommitted(ServerEvent):
    """``input_audio_buffer.committed`` (manual mode)."""


@dataclass(frozen=True)
class AudioCleared(ServerEvent):
    """``input_audio_buffer.cleared``."""


@dataclass(frozen=True)
class ItemCreated(ServerEvent):
    """``conversation.item.created``. For a translation item ``previous_item_id`` is the source (ASR) item of the
    same segment; in manual mode a ``user`` item with ``input_audio`` content is created for the committed audio."""

    item_id: str
    previous_item_id: str | None
    role: str
    content_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class TranscriptionText(ServerEvent):
    """``conversation.item.input_audio_transcription.text``: ``text`` is the confirmed source text so far,
    ``stash`` the tentative tail (display ``text + stash``)."""

    item_id: str
    text: str
    stash: str = ""
    language: str = ""
    emotion: str = ""


@dataclass(frozen=True)
class TranscriptionCompleted(ServerEvent):
    """``conversation.item.input_audio_transcription.completed``: the final source sentence."""

    item_id: str
    transcript: str
    language: str = ""
    emotion: str = ""


@dataclass(frozen=True)
class TranscriptionFailed(ServerEvent):
    """``conversation.item.input_audio_transcription.failed``."""

    item_id: str
    code: str
    message: str


@dataclass(frozen=True)
class ResponseCreated(ServerEvent):
    """``response.created``: a translation response started."""

    response_id: str
    status: str = "in_progress"


@dataclass(frozen=True)
class OutputItemAdded(ServerEvent):
    """``response.output_item.added``: ties a translation item to its response."""

    response_id: str
    item_id: str
    output_index: int = 0


@dataclass(frozen=True)
class ContentPartAdded(ServerEvent):
    """``response.content_part.added``; ``part_type`` is ``audio`` with voice output, else ``text``."""

    response_id: str
    item_id: str
    part_type: str


@dataclass(frozen=True)
class TranslationText(ServerEvent):
    """Translated text in progress: ``response.audio_transcript.text`` (``audio_mode`` True) or
    ``response.text.text`` (text-only mode). A missing ``stash`` is ``""`` (spec §1.6 [!])."""

    response_id: str
    item_id: str
    text: str
    stash: str = ""
    audio_mode: bool = True


@dataclass(frozen=True)
class AudioDelta(ServerEvent):
    """``response.audio.delta``: translated voice, raw PCM s16le mono 24 kHz (decoded from Base64)."""

    response_id: str
    item_id: str
    pcm: bytes


@dataclass(frozen=True)
class AudioDone(ServerEvent):
    """``response.audio.done``: no more audio for this item (also sent when interrupted)."""

    response_id: str
    item_id: str


@dataclass(frozen=True)
class TranslationDone(ServerEvent):
    """The final translation of an item: ``response.audio_transcript.done`` (``transcript``) or
    ``response.text.done`` (``text``)."""

    response_id: str
    item_id: str
    text: str
    audio_mode: bool = True


@dataclass(frozen=True)
class ContentPartDone(ServerEvent):
    """``response.content_part.done``; ``text`` is the part's final text when the server includes it."""

    response_id: str
    item_id: str
    part_type: str = ""
    text: str = ""


@dataclass(frozen=True)
class OutputItemDone(ServerEvent):
    """``response.output_item.done``."""

    response_id: str
    item_id: str
    status: str = ""


@dataclass(frozen=True)
class ResponseDone(ServerEvent):
    """``response.done``: the response is complete (``status`` completed|failed|incomplete) with its usage.

    ``item_ids`` lists the ids of the response's output items, in order.
    """

    response_id: str
    status: str
    usage: Usage = field(default_factory=Usage)
    item_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnknownEvent(ServerEvent):
    """A server event type this client does not know; kept whole so that nothing is lost."""

    type: str
    raw: JsonObject


# --------------------------------------------------------------------------------------------------------------------
# Registry: wire type -> builder(event_id, message) -> event
# --------------------------------------------------------------------------------------------------------------------

_Builder = Callable[[str, JsonObject], ServerEvent]
_REGISTRY: dict[str, _Builder] = {}
_B = TypeVar("_B", bound=_Builder)


def _register(*wire_types: str) -> Callable[[_B], _B]:
    def decorate(builder: _B) -> _B:
        for wire_type in wire_types:
            _REGISTRY[wire_type] = builder
        return builder

    return decorate


@_register("session.created")
def _session_created(eid: str, m: JsonObject) -> ServerEvent:
    return SessionCreated(_obj(m, "session", "session.created"), event_id=eid)


@_register("session.updated")
def _session_updated(eid: str, m: JsonObject) -> ServerEvent:
    return SessionUpdated(_obj(m, "session", "session.updated"), event_id=eid)


@_register("session.finished")
def _session_finished(eid: str, m: JsonObject) -> ServerEvent:
    return SessionFinished(event_id=eid)


@_register("error")
def _error(eid: str, m: JsonObject) -> ServerEvent:
    err = _obj(m, "error", "error")
    return ServerErrorEvent(
        error_type=_str(err, "type", "error"),
        code=_str(err, "code", "error"),
        message=_str(err, "message", "error"),
        param=_opt_str(err, "param", "error"),
        event_id=eid,
    )


@_register("input_audio_buffer.speech_started")
def _speech_started(eid: str, m: JsonObject) -> ServerEvent:
    return SpeechStarted(_int(m, "audio_start_ms", "speech_started"), event_id=eid)


@_register("input_audio_buffer.speech_stopped")
def _speech_stopped(eid: str, m: JsonObject) -> ServerEvent:
    return SpeechStopped(_int(m, "audio_end_ms", "speech_stopped"), event_id=eid)


@_register("input_audio_buffer.committed")
def _committed(eid: str, m: JsonObject) -> ServerEvent:
    return AudioCommitted(event_id=eid)


@_register("input_audio_buffer.cleared")
def _cleared(eid: str, m: JsonObject) -> ServerEvent:
    return AudioCleared(event_id=eid)


@_register("conversation.item.created")
def _item_created(eid: str, m: JsonObject) -> ServerEvent:
    where = "conversation.item.created"
    item = _obj(m, "item", where)
    content_types: list[str] = []
    for part in _list(item, "content", where):
        if not isinstance(part, dict):
            raise _wrong(where, "content[]", "an object", part)
        content_types.append(_str(part, "type", where))
    return ItemCreated(
        item_id=_str(item, "id", where),
        previous_item_id=_opt_str(m, "previous_item_id", where),
        role=_str(item, "role", where),
        content_types=tuple(content_types),
        event_id=eid,
    )


@_register("conversation.item.input_audio_transcription.text")
def _transcription_text(eid: str, m: JsonObject) -> ServerEvent:
    where = "transcription.text"
    return TranscriptionText(
        item_id=_str(m, "item_id", where),
        text=_str(m, "text", where),
        stash=_str(m, "stash", where),
        language=_str(m, "language", where),
        emotion=_str(m, "emotion", where),
        event_id=eid,
    )


@_register("conversation.item.input_audio_transcription.completed")
def _transcription_completed(eid: str, m: JsonObject) -> ServerEvent:
    where = "transcription.completed"
    return TranscriptionCompleted(
        item_id=_str(m, "item_id", where),
        transcript=_str(m, "transcript", where),
        language=_str(m, "language", where),
        emotion=_str(m, "emotion", where),
        event_id=eid,
    )


@_register("conversation.item.input_audio_transcription.failed")
def _transcription_failed(eid: str, m: JsonObject) -> ServerEvent:
    where = "transcription.failed"
    err = _obj(m, "error", where)
    return TranscriptionFailed(
        item_id=_str(m, "item_id", where),
        code=_str(err, "code", where),
        message=_str(err, "message", where),
        event_id=eid,
    )


@_register("response.created")
def _response_created(eid: str, m: JsonObject) -> ServerEvent:
    resp = _obj(m, "response", "response.created")
    return ResponseCreated(
        response_id=_str(resp, "id", "response.created"),
        status=_str(resp, "status", "response.created", "in_progress"),
        event_id=eid,
    )


@_register("response.output_item.added")
def _output_item_added(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.output_item.added"
    return OutputItemAdded(
        response_id=_str(m, "response_id", where),
        item_id=_str(_obj(m, "item", where), "id", where),
        output_index=_int(m, "output_index", where),
        event_id=eid,
    )


@_register("response.content_part.added")
def _content_part_added(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.content_part.added"
    return ContentPartAdded(
        response_id=_str(m, "response_id", where),
        item_id=_str(m, "item_id", where),
        part_type=_str(_obj(m, "part", where), "type", where),
        event_id=eid,
    )


def _translation_text(audio_mode: bool) -> _Builder:
    where = "response.audio_transcript.text" if audio_mode else "response.text.text"

    def build(eid: str, m: JsonObject) -> ServerEvent:
        return TranslationText(
            response_id=_str(m, "response_id", where),
            item_id=_str(m, "item_id", where),
            text=_str(m, "text", where),
            stash=_str(m, "stash", where),  # [!] absent on response.text.text per the doc example
            audio_mode=audio_mode,
            event_id=eid,
        )

    return build


_REGISTRY["response.audio_transcript.text"] = _translation_text(audio_mode=True)
_REGISTRY["response.text.text"] = _translation_text(audio_mode=False)


@_register("response.audio.delta")
def _audio_delta(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.audio.delta"
    encoded = _str(m, "delta", where)
    try:
        pcm = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError(
            texts.UNDECODABLE_AUDIO(),
            detail=f"{where}: invalid Base64 ({exc})",
        ) from exc
    return AudioDelta(
        response_id=_str(m, "response_id", where),
        item_id=_str(m, "item_id", where),
        pcm=pcm,
        event_id=eid,
    )


@_register("response.audio.done")
def _audio_done(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.audio.done"
    return AudioDone(_str(m, "response_id", where), _str(m, "item_id", where), event_id=eid)


@_register("response.audio_transcript.done")
def _audio_transcript_done(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.audio_transcript.done"
    return TranslationDone(
        response_id=_str(m, "response_id", where),
        item_id=_str(m, "item_id", where),
        text=_str(m, "transcript", where),
        audio_mode=True,
        event_id=eid,
    )


@_register("response.text.done")
def _text_done(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.text.done"
    return TranslationDone(
        response_id=_str(m, "response_id", where),
        item_id=_str(m, "item_id", where),
        text=_str(m, "text", where),
        audio_mode=False,
        event_id=eid,
    )


@_register("response.content_part.done")
def _content_part_done(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.content_part.done"
    part = _obj(m, "part", where)
    return ContentPartDone(
        response_id=_str(m, "response_id", where),
        item_id=_str(m, "item_id", where),
        part_type=_str(part, "type", where),
        # Audio parts carry "text" in the doc example, some servers say "transcript"; take whichever is there.
        text=_str(part, "text", where) or _str(part, "transcript", where),
        event_id=eid,
    )


@_register("response.output_item.done")
def _output_item_done(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.output_item.done"
    item = _obj(m, "item", where)
    return OutputItemDone(
        response_id=_str(m, "response_id", where),
        item_id=_str(item, "id", where),
        status=_str(item, "status", where),
        event_id=eid,
    )


@_register("response.done")
def _response_done(eid: str, m: JsonObject) -> ServerEvent:
    where = "response.done"
    resp = _obj(m, "response", where)
    item_ids: list[str] = []
    for item in _list(resp, "output", where):
        if not isinstance(item, dict):
            raise _wrong(where, "output[]", "an object", item)
        item_ids.append(_str(item, "id", where))
    return ResponseDone(
        response_id=_str(resp, "id", where),
        status=_str(resp, "status", where, "completed"),
        usage=Usage.from_wire(_obj(resp, "usage", where)),
        item_ids=tuple(item_ids),
        event_id=eid,
    )


def known_server_event_types() -> frozenset[str]:
    """Every wire ``type`` that parses to a dedicated class (everything else becomes :class:`UnknownEvent`)."""
    return frozenset(_REGISTRY)


def parse_server_event(text: str) -> ServerEvent:
    """Parse one server text frame into its typed event.

    Args:
        text: the JSON text of one WebSocket frame.

    Returns:
        The typed event, or :class:`UnknownEvent` for a ``type`` this client does not know.

    Raises:
        ProtocolError: the text is not JSON, not a JSON object, has no string ``type``, or a known event has a field
            of the wrong type (including invalid Base64 audio). Nothing else escapes, whatever the input.
    """
    try:
        message = json.loads(text)
    except (ValueError, RecursionError) as exc:
        # ValueError covers JSONDecodeError and Python's limit on huge integer literals; RecursionError deep nesting.
        raise ProtocolError(texts.UNREADABLE_MESSAGE(), detail=f"not JSON: {exc}") from exc
    if not isinstance(message, dict):
        raise ProtocolError(
            texts.UNREADABLE_MESSAGE(),
            detail=f"expected a JSON object, got {type(message).__name__}",
        )
    wire_type = message.get("type")
    if not isinstance(wire_type, str) or not wire_type:
        raise ProtocolError(texts.UNREADABLE_MESSAGE(), detail="message has no 'type'")
    event_id = _str(message, "event_id", wire_type)
    builder = _REGISTRY.get(wire_type)
    if builder is None:
        return UnknownEvent(type=wire_type, raw=message, event_id=event_id)
    return builder(event_id, message)
