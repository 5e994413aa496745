"""Sans-I/O Qwen-OCR wire format (spec §5, §8.1): request bodies, the native SSE framing, answers -> OcrResult.

Native stream framing (spec §5.3), one event per blank-line-separated block::

    id:1
    event:result
    :HTTP_STATUS/200
    data:{"output":{"choices":[{"message":{"content":[{"text":"..."}],...},"finish_reason":"null"}]},...}

:class:`NativeSseDecoder` is fed raw text as it arrives (any split, ``\\n`` or ``\\r\\n``) and returns complete
:class:`NativeSseEvent` s, keeping the ``:HTTP_STATUS/NNN`` comment line (an error arrives as ``event:error`` in a
200 response, its real status only in that line, spec §8.1). :class:`OcrStreamAccumulator` folds the events into an
:class:`~interpreter.core.ocr_tasks.OcrResult`: ``incremental_output`` text pieces are appended; ``finish_reason``
is the STRING ``"null"`` until the last chunk says ``"stop"``; usage is cumulative (the last one wins);
``ocr_result`` (``kv_result``/``words_info``) is taken from whichever chunk carries it. Errors are returned as
:class:`~interpreter.protocol.chat_stream.ServiceErrorBody` for the transport's one mapping, never raised here.

Pure: no I/O. Malformed input raises :class:`~interpreter.errors.ProtocolError`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from interpreter.core.ocr_tasks import (
    TASKS,
    OcrResult,
    OcrTask,
    OcrUsage,
    OcrWord,
    PixelRange,
    strip_code_fence,
)
from interpreter.errors import ProtocolError
from interpreter.protocol import texts
from interpreter.protocol.chat_stream import ServiceErrorBody, error_body_from_payload

__all__ = [
    "MULTIMODAL_GENERATION_PATH",
    "NativeSseDecoder",
    "NativeSseEvent",
    "OcrStreamAccumulator",
    "compat_ocr_request",
    "native_ocr_request",
    "parse_native_response",
    "result_from_compat_text",
]

MULTIMODAL_GENERATION_PATH = "/api/v1/services/aigc/multimodal-generation/generation"

#: Spec §5.1 doc defaults for OCR sampling: near-greedy decoding (reading text is not creative).
_SAMPLING: Mapping[str, float] = {"top_p": 0.01, "temperature": 0.1, "repetition_penalty": 1.05}
#: Spec §5.1: max_tokens defaults to 4096 and may be raised to 8192 on request; a dense page needs the room.
DEFAULT_MAX_TOKENS = 8192


def _image_part_native(image_url: str, pixel_range: PixelRange, enable_rotate: bool) -> dict[str, Any]:
    return {
        "image": image_url,
        "min_pixels": pixel_range.min_pixels,
        "max_pixels": pixel_range.max_pixels,
        "enable_rotate": enable_rotate,
    }


def native_ocr_request(
    model: str,
    image_url: str,
    task: OcrTask | None,
    *,
    schema: Mapping[str, Any] | None = None,
    prompt: str | None = None,
    pixel_range: PixelRange | None = None,
    enable_rotate: bool = False,
    stream: bool = True,
    max_tokens: int = DEFAULT_MAX_TOKENS,
) -> dict[str, Any]:
    """The native request body (spec §5.1): a built-in ``task`` via ``ocr_options``, or a plain ``prompt``.

    Args:
        model: a qwen-vl-ocr model.
        image_url: a ``data:image/...;base64,`` URL (or http(s) URL).
        task: the built-in task; None sends ``prompt`` as a text part instead.
        schema: ``result_schema`` of the key-information task (required for it).
        prompt: text part for a plain request.
        pixel_range: ``min_pixels``/``max_pixels`` of the image part.
        enable_rotate: let the service straighten a rotated image.
        stream: ask for the SSE form with ``incremental_output``.
        max_tokens: answer length cap.
    """
    content: list[dict[str, Any]] = [_image_part_native(image_url, pixel_range or PixelRange(), enable_rotate)]
    parameters: dict[str, Any] = {**_SAMPLING, "max_tokens": max_tokens, "incremental_output": stream}
    if task is None:
        content.append({"text": prompt or TASKS[OcrTask.TEXT].prompt})
    else:
        options: dict[str, Any] = {"task": TASKS[task].service_name}
        if task is OcrTask.KEYINFO:
            if not schema:
                raise ValueError("the key-information task needs a result schema")
            options["task_config"] = {"result_schema": dict(schema)}
        parameters["ocr_options"] = options
    return {"model": model, "input": {"messages": [{"role": "user", "content": content}]}, "parameters": parameters}


def compat_ocr_request(
    model: str,
    image_url: str,
    prompt: str,
    *,
    pixel_range: PixelRange | None = None,
    stream: bool = False,
) -> dict[str, Any]:
    """The OpenAI-compatible body (spec §5.4): image part with the pixel range, then the prompt as text."""
    pixels = pixel_range or PixelRange()
    body: dict[str, Any] = {
        "model": model,
        "messages": [
            {
                "role": "user",
                "content": [
                    {
                        "type": "image_url",
                        "image_url": {"url": image_url},
                        "min_pixels": pixels.min_pixels,
                        "max_pixels": pixels.max_pixels,
                    },
                    {"type": "text", "text": prompt},
                ],
            }
        ],
        "stream": stream,
    }
    if stream:
        body["stream_options"] = {"include_usage": True}
    return body


# -- native SSE framing -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NativeSseEvent:
    """One native SSE event: ``event`` (``result``/``error``), ``id``, the ``:HTTP_STATUS/NNN`` status (None when the
    line was absent) and the ``data`` JSON object."""

    event: str
    id: str
    http_status: int | None
    data: Mapping[str, Any]


_STATUS_PREFIX = "HTTP_STATUS/"


class NativeSseDecoder:
    """Incremental decoder of the native SSE framing (see the module docstring)."""

    def __init__(self) -> None:
        self._buffer = ""
        self._event = ""
        self._id = ""
        self._status: int | None = None
        self._data: list[str] = []

    def feed(self, text: str) -> list[NativeSseEvent]:
        """Take the next piece of the body; return the events completed by it."""
        self._buffer += text
        events: list[NativeSseEvent] = []
        while True:
            end = self._buffer.find("\n")
            if end < 0:
                break
            line, self._buffer = self._buffer[:end].rstrip("\r"), self._buffer[end + 1 :]
            event = self._line(line)
            if event is not None:
                events.append(event)
        return events

    def close(self) -> list[NativeSseEvent]:
        """The body ended: an event not followed by a blank line still counts."""
        events = self.feed("\n") if self._buffer else []
        if self._data:
            event = self._dispatch()
            if event is not None:
                events.append(event)
        return events

    def _line(self, line: str) -> NativeSseEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            comment = line[1:].strip()
            if comment.startswith(_STATUS_PREFIX):
                try:
                    self._status = int(comment[len(_STATUS_PREFIX) :])
                except ValueError as exc:
                    raise ProtocolError(texts.OCR_BAD_STATUS_LINE(), detail=line) from exc
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            self._id = value
        return None  # other fields (retry) mean nothing here

    def _dispatch(self) -> NativeSseEvent | None:
        if not self._data:
            self._event, self._id, self._status = "", "", None
            return None
        raw = "\n".join(self._data)
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise ProtocolError(texts.OCR_EVENT_NOT_JSON(), detail=f"{raw!r:.120}") from exc
        if not isinstance(data, dict):
            raise ProtocolError(texts.OCR_EVENT_NOT_OBJECT(), detail=f"{raw!r:.120}")
        event = NativeSseEvent(self._event or "message", self._id, self._status, data)
        self._event, self._id, self._status, self._data = "", "", None, []
        return event


# -- answers ------------------------------------------------------------------------------------------------------


def _int(source: Mapping[str, Any] | None, key: str) -> int:
    value = (source or {}).get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return 0
    return int(value)


def _usage(raw: object) -> OcrUsage | None:
    if not isinstance(raw, Mapping):
        return None
    details = raw.get("input_tokens_details")
    image = _int(raw, "image_tokens") or _int(details if isinstance(details, Mapping) else None, "image_tokens")
    input_tokens = _int(raw, "input_tokens") or _int(raw, "prompt_tokens")
    output_tokens = _int(raw, "output_tokens") or _int(raw, "completion_tokens")
    total = _int(raw, "total_tokens") or input_tokens + output_tokens
    return OcrUsage(input_tokens=input_tokens, output_tokens=output_tokens, image_tokens=image, total_tokens=total)


def _numbers(raw: object, what: str) -> tuple[float, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise ProtocolError(texts.OCR_NOT_NUMBERS(field=what), detail=f"{raw!r:.80}")
    values: list[float] = []
    for item in raw:
        if isinstance(item, bool) or not isinstance(item, int | float):
            raise ProtocolError(texts.OCR_NOT_NUMBERS(field=what), detail=f"{raw!r:.80}")
        values.append(float(item))
    return tuple(values)


def _words(raw: object) -> tuple[OcrWord, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise ProtocolError(texts.OCR_POSITIONS_UNKNOWN_SHAPE(), detail=f"{raw!r:.80}")
    words: list[OcrWord] = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise ProtocolError(texts.OCR_POSITION_NOT_OBJECT(), detail=f"{item!r:.80}")
        words.append(
            OcrWord(
                text=str(item.get("text") or ""),
                location=_numbers(item.get("location"), "text location"),
                rotate_rect=_numbers(item.get("rotate_rect"), "rotated rectangle"),
            )
        )
    return tuple(words)


@dataclass
class _Choice:
    text: str
    ocr_result: Mapping[str, Any] | None
    finish_reason: str | None


def _choice(data: Mapping[str, Any]) -> _Choice | None:
    output = data.get("output")
    if not isinstance(output, Mapping):
        raise ProtocolError(texts.OCR_NO_OUTPUT(), detail=f"{str(data)[:120]}")
    choices = output.get("choices")
    if not isinstance(choices, Sequence) or not choices:
        return None
    first = choices[0]
    if not isinstance(first, Mapping):
        raise ProtocolError(texts.OCR_MALFORMED_CHOICE(), detail=f"{first!r:.120}")
    message = first.get("message")
    content = message.get("content") if isinstance(message, Mapping) else None
    parts: list[str] = []
    ocr_result: Mapping[str, Any] | None = None
    if isinstance(content, str):
        parts.append(content)
    elif isinstance(content, Sequence):
        for part in content:
            if not isinstance(part, Mapping):
                continue
            if isinstance(part.get("text"), str):
                parts.append(part["text"])
            if isinstance(part.get("ocr_result"), Mapping):
                ocr_result = part["ocr_result"]
    reason = first.get("finish_reason")
    # Native chunks say the STRING "null" until the last one (spec §5.3); a JSON null means the same.
    finish = None if reason in (None, "null", "") else str(reason)
    return _Choice("".join(parts), ocr_result, finish)


def _kv_from_text(text: str) -> Mapping[str, Any] | None:
    try:
        value = json.loads(strip_code_fence(text).strip())
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class OcrStreamAccumulator:
    """Folds native SSE events (or one non-streamed body) into an :class:`OcrResult`.

    Args:
        task: the task asked for (None = a plain prompt, read as text).
        model: the model asked for (reported in the result).
    """

    def __init__(self, task: OcrTask | None, model: str = "") -> None:
        self.task = task or OcrTask.TEXT
        self.model = model
        self._texts: list[str] = []
        self._ocr_result: Mapping[str, Any] | None = None
        self._usage = OcrUsage()
        self._request_id = ""
        self.finish_reason: str | None = None
        self.error: ServiceErrorBody | None = None
        self.error_status: int | None = None

    @property
    def complete(self) -> bool:
        """True once a chunk said ``finish_reason`` ``stop`` (or ``length``): the answer is whole."""
        return self.finish_reason is not None

    def feed_event(self, event: NativeSseEvent) -> None:
        """Take one stream event. An ``event:error`` (or an error body) is kept in :attr:`error`."""
        error = error_body_from_payload(event.data)
        if event.event == "error" or error is not None:
            self.error = error or ServiceErrorBody(message=str(event.data.get("message") or "") or None)
            self.error_status = event.http_status
            return
        self.feed_payload(event.data)

    def feed_payload(self, data: Mapping[str, Any]) -> None:
        """Take one native answer object (a stream chunk with incremental text, or a whole body)."""
        if isinstance(data.get("request_id"), str):
            self._request_id = data["request_id"]
        usage = _usage(data.get("usage"))
        if usage is not None:
            self._usage = usage  # cumulative in every chunk: the last one is the total
        choice = _choice(data)
        if choice is None:
            return
        if choice.text:
            self._texts.append(choice.text)
        if choice.ocr_result is not None:
            self._ocr_result = choice.ocr_result
        if choice.finish_reason is not None:
            self.finish_reason = choice.finish_reason

    def result(self) -> OcrResult:
        """The result so far (call after :attr:`complete`)."""
        text = "".join(self._texts)
        words: tuple[OcrWord, ...] = ()
        kv: Mapping[str, Any] | None = None
        if self._ocr_result is not None:
            if "words_info" in self._ocr_result:
                words = _words(self._ocr_result["words_info"])
            raw_kv = self._ocr_result.get("kv_result")
            if isinstance(raw_kv, Mapping):
                kv = raw_kv
        if kv is None and self.task is OcrTask.KEYINFO:
            kv = _kv_from_text(text)
        return OcrResult(
            task=self.task,
            text=text,
            words=words,
            kv=kv,
            usage=self._usage,
            model=self.model,
            request_id=self._request_id,
        )


def parse_native_response(body: Mapping[str, Any], task: OcrTask | None, model: str = "") -> OcrResult:
    """An :class:`OcrResult` from a non-streamed native answer (spec §5.3).

    Raises:
        ProtocolError: the body is not an OCR answer.
    """
    accumulator = OcrStreamAccumulator(task, model)
    accumulator.feed_payload(body)
    return accumulator.result()


def result_from_compat_text(
    task: OcrTask | None, text: str, *, usage: OcrUsage | None = None, model: str = "", request_id: str = ""
) -> OcrResult:
    """An :class:`OcrResult` from an OpenAI-compatible answer's text (spec §5.4: ``message.content`` string).

    Key information is read from the JSON the model wrote (fenced or not); other tasks keep the text as is.
    """
    chosen = task or OcrTask.TEXT
    kv = _kv_from_text(text) if chosen is OcrTask.KEYINFO else None
    return OcrResult(task=chosen, text=text, kv=kv, usage=usage or OcrUsage(), model=model, request_id=request_id)
