"""Qwen-MT requests and streamed answers, sans I/O (spec §4.1-§4.3).

Two request shapes for one translation — OpenAI-compatible (``translation_options`` at the top level) and native
DashScope text-generation (``input.messages`` + ``parameters.translation_options``) — built by
:func:`compat_request` and :func:`native_request` from one :class:`MtRequest`.

Streaming differs per model and the client must follow it (spec §4.3): ``qwen-mt-flash``/``-lite`` send
*incremental* pieces (append), ``qwen-mt-plus``/``-turbo`` send the *cumulative* translation so far in every chunk
(replace). :class:`MtAccumulator` does either; fed the OpenAI-compatible events of ``protocol.chat_stream`` or the
native SSE payloads (:func:`parse_native_payload`), it exposes the text so far after each piece, the finish reason
and the usage, and says whether the answer is complete.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from interpreter.core.mt_chunking import Term, TmPair
from interpreter.core.mt_languages import StreamingStyle
from interpreter.errors import ProtocolError
from interpreter.protocol.chat_stream import (
    ChatStreamEvent,
    ChatUsage,
    ChoiceFinished,
    StreamDone,
    TextDelta,
    UsageReported,
)

__all__ = [
    "NATIVE_TEXT_GENERATION_PATH",
    "MtAccumulator",
    "MtRequest",
    "MtResult",
    "NativePiece",
    "compat_request",
    "native_request",
    "parse_native_payload",
]

NATIVE_TEXT_GENERATION_PATH = "/api/v1/services/aigc/text-generation/generation"


@dataclass(frozen=True)
class MtRequest:
    """One translation request.

    Attributes:
        model: a Qwen-MT model name.
        text: the one user message.
        source_lang / target_lang: English names or codes; source "auto" lets the service detect it.
        terms, tm_list, domains: ``translation_options`` extras (empty = not sent).
        stream: ask for a streamed answer.
    """

    model: str
    text: str
    target_lang: str
    source_lang: str = "auto"
    terms: Sequence[Term] = ()
    tm_list: Sequence[TmPair] = ()
    domains: str | None = None
    stream: bool = True

    def translation_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"source_lang": self.source_lang, "target_lang": self.target_lang}
        if self.terms:
            options["terms"] = [term.as_json() for term in self.terms]
        if self.tm_list:
            options["tm_list"] = [pair.as_json() for pair in self.tm_list]
        if self.domains:
            options["domains"] = self.domains
        return options


def compat_request(request: MtRequest) -> dict[str, Any]:
    """The OpenAI-compatible body (``POST /compatible-mode/v1/chat/completions``); usage asked for when streaming."""
    body: dict[str, Any] = {
        "model": request.model,
        "messages": [{"role": "user", "content": request.text}],
        "translation_options": request.translation_options(),
        "stream": request.stream,
    }
    if request.stream:
        body["stream_options"] = {"include_usage": True}
    return body


def native_request(request: MtRequest, style: StreamingStyle) -> dict[str, Any]:
    """The native body (``POST /api/v1/services/aigc/text-generation/generation``).

    ``incremental_output`` follows the model's style: plus/turbo do not support incremental output (spec §4.3).
    """
    return {
        "model": request.model,
        "input": {"messages": [{"role": "user", "content": request.text}]},
        "parameters": {
            "result_format": "message",
            "incremental_output": request.stream and style is StreamingStyle.INCREMENTAL,
            "translation_options": request.translation_options(),
        },
    }


@dataclass(frozen=True)
class NativePiece:
    """One native answer payload: the ``content`` it carries, its finish reason (None while going on) and usage."""

    content: str
    finish_reason: str | None
    usage: ChatUsage | None


def _count(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def parse_native_payload(data: Mapping[str, Any]) -> NativePiece:
    """Read one native payload (a streamed event's data or the whole answer).

    ``finish_reason`` "null" (a string, in streams) and null both mean "not finished".

    Raises:
        ProtocolError: no ``output`` object.
    """
    output = data.get("output")
    if not isinstance(output, Mapping):
        raise ProtocolError("The translation service sent an answer without output.", detail=f"{dict(data)!r:.120}")
    content = ""
    finish: Any = output.get("finish_reason")
    choices = output.get("choices")
    if isinstance(choices, list) and choices and isinstance(choices[0], Mapping):
        message = choices[0].get("message")
        if isinstance(message, Mapping) and isinstance(message.get("content"), str):
            content = message["content"]
        finish = choices[0].get("finish_reason") or finish
    elif isinstance(output.get("text"), str):  # result_format "text"
        content = output["text"]
    usage_raw = data.get("usage")
    usage = None
    if isinstance(usage_raw, Mapping):
        prompt, completion = _count(usage_raw.get("input_tokens")), _count(usage_raw.get("output_tokens"))
        usage = ChatUsage(
            prompt_tokens=prompt,
            completion_tokens=completion,
            total_tokens=_count(usage_raw.get("total_tokens")) or prompt + completion,
            prompt_text_tokens=prompt,
            completion_text_tokens=completion,
        )
    reason = None if finish in (None, "", "null") else str(finish)
    return NativePiece(content, reason, usage)


@dataclass(frozen=True)
class MtResult:
    """A whole translation: ``text``, ``finish_reason`` and the billed ``usage`` (zeros when not reported)."""

    text: str
    finish_reason: str | None
    usage: ChatUsage = field(default_factory=ChatUsage)


class MtAccumulator:
    """Builds the translation from a stream in the model's style (append for incremental, replace for cumulative).

    Feed it with :meth:`feed` (OpenAI-compatible events) or :meth:`feed_native` (native payloads); read
    :attr:`text` at any time. :attr:`complete` is True once a finish reason arrived (and, for the compatible
    stream, ``[DONE]``).
    """

    def __init__(self, style: StreamingStyle, *, native: bool = False) -> None:
        self.style = style
        self._native = native
        self._text = ""
        self.finish_reason: str | None = None
        self.usage: ChatUsage | None = None
        self._done = native  # native streams have no [DONE]; the finish reason alone ends them
        self.pieces = 0

    @property
    def text(self) -> str:
        return self._text

    @property
    def complete(self) -> bool:
        return self.finish_reason is not None and self._done

    def _take(self, content: str) -> None:
        if not content:
            return
        self.pieces += 1
        if self.style is StreamingStyle.CUMULATIVE:
            self._text = content  # each chunk restates the whole translation so far (spec §4.3)
        else:
            self._text += content

    def feed(self, event: ChatStreamEvent) -> None:
        """Take one OpenAI-compatible stream event."""
        if isinstance(event, TextDelta):
            self._take(event.text)
        elif isinstance(event, ChoiceFinished):
            self.finish_reason = event.reason
        elif isinstance(event, UsageReported):
            self.usage = event.usage
        elif isinstance(event, StreamDone):
            self._done = True

    def feed_native(self, data: Mapping[str, Any]) -> NativePiece:
        """Take one native payload; returns what it carried."""
        piece = parse_native_payload(data)
        self._take(piece.content)
        if piece.finish_reason is not None:
            self.finish_reason = piece.finish_reason
        if piece.usage is not None:
            self.usage = piece.usage
        return piece

    def result(self) -> MtResult:
        return MtResult(self._text.strip(), self.finish_reason, self.usage or ChatUsage())
