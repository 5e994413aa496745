"""One file-translation request: the chat-completion body of spec §3 and the usage of its answer (pure)."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any, Protocol

from interpreter.core.jobs import FileTranslationOptions, JobKind, Usage
from interpreter.protocol.chat_stream import ChatResult, ChatUsage


class ChatCompletionClient(Protocol):
    """What the service needs from ``transport.http.HttpClient``."""

    async def chat_completion(self, payload: Mapping[str, Any]) -> ChatResult: ...


def request_payload(
    options: FileTranslationOptions, url: str, kind: JobKind, *, voice: str, audio_format: str = "wav"
) -> dict[str, Any]:
    """The chat-completion body for one segment, exactly as spec §3 describes it.

    Args:
        options: the job's options (model, languages, text-only).
        url: ``data:<mime>;base64,<...>`` of the segment's audio or video clip.
        kind: audio inputs go as ``input_audio``, video as ``video_url``.
        voice: the voice for the translated speech (ignored in text-only mode).
        audio_format: ``input_audio.format`` of an audio clip.
    """
    if kind == JobKind.VIDEO:
        part: dict[str, Any] = {"type": "video_url", "video_url": {"url": url}}
    else:
        part = {"type": "input_audio", "input_audio": {"data": url, "format": audio_format}}
    translation: dict[str, Any] = {"target_lang": options.target}
    if options.source:
        translation = {"source_lang": options.source, **translation}
    payload: dict[str, Any] = {
        "model": options.model,
        "messages": [{"role": "user", "content": [part]}],
        "modalities": ["text"] if options.text_only else ["text", "audio"],
    }
    if not options.text_only:
        payload["audio"] = {"voice": voice, "format": "wav"}
    payload.update(
        {
            "stream": True,
            "stream_options": {"include_usage": True},
            "translation_options": translation,
        }
    )
    return payload


def data_url(data: bytes, mime: str) -> str:
    """``data:<mime>;base64,<payload>``."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def usage_of(usage: ChatUsage | None) -> Usage:
    """The job model's usage from the transport's usage report (one request; None counts the request only)."""
    if usage is None:
        return Usage(requests=1)
    return Usage(
        input_tokens=usage.prompt_tokens,
        output_tokens=usage.completion_tokens,
        input_audio_tokens=usage.prompt_audio_tokens,
        input_video_tokens=usage.prompt_video_tokens + usage.prompt_image_tokens,
        output_audio_tokens=usage.completion_audio_tokens,
        output_text_tokens=usage.completion_text_tokens,
        requests=1,
    )
