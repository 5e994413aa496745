"""Conversation analysis models (``tongyi-xiaomi-analysis-flash`` / ``-pro``) on chat completions: demo summaries.

The emulator does not understand speech, so the "analysis" is deterministic and labelled, derived from the last user
message: when it is a JSON object with ``segments`` (``source``/``translation``) and ``source_language`` /
``target_language`` (what the app sends), the answer is one JSON object with a ``source`` and a ``target`` section:

- ``summary``: ``[DEMO summary] 3 segments, 42 words: <first sentence> … <last sentence>``;
- ``key_points``: ``[DEMO] <sentence>`` for the first three segments;
- ``action_items``: every segment containing an obligation word (will, must, should, need to, please, todo,
  action; 要, 需要, 请) as ``[DEMO] <sentence>``.

Any other user message is summarised the same way from its lines (the target section then repeats the text).
Streamed (SSE, one chunk per ~40 characters, usage when asked) or whole, like the other chat models.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any

from aiohttp import web

from interpreter.emulator.http.chat_completions import register_chat_model
from interpreter.emulator.http.errors import invalid_parameter
from interpreter.emulator.http.routing import HttpCall
from interpreter.emulator.http.sse import SseWriter, StreamInterrupted
from interpreter.emulator.usage import text_tokens

ANALYSIS_MODELS = ("tongyi-xiaomi-analysis-flash", "tongyi-xiaomi-analysis-pro")
KEY_POINTS = 3
"""Key points listed: the first three segments (enough to show the list is derived from the transcript)."""
CHUNK_CHARS = 40
"""Characters per streamed chunk: several chunks for any summary, so a client's stream assembly is exercised."""
_OBLIGATION = re.compile(r"\b(will|must|should|need to|please|todo|action)\b|要|需要|请", re.IGNORECASE)


def _pairs(content: str) -> tuple[list[tuple[str, str]], str, str]:
    """``([(source, translation)], source_language, target_language)`` from the user message."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("segments"), list):
        pairs = [
            (str(s.get("source") or ""), str(s.get("translation") or ""))
            for s in data["segments"]
            if isinstance(s, dict)
        ]
        return pairs, str(data.get("source_language") or "auto"), str(data.get("target_language") or "en")
    lines = [line.strip() for line in content.splitlines() if line.strip()]
    return [(line, line) for line in lines], "auto", "auto"


def _section(language: str, sentences: list[str]) -> dict[str, Any]:
    sentences = [s for s in sentences if s]
    words = sum(len(s.split()) for s in sentences)
    if not sentences:
        summary = "[DEMO summary] Nothing was said."
    elif len(sentences) == 1:
        summary = f"[DEMO summary] 1 segment, {words} words: {sentences[0]}"
    else:
        summary = f"[DEMO summary] {len(sentences)} segments, {words} words: {sentences[0]} … {sentences[-1]}"
    return {
        "language": language,
        "summary": summary,
        "key_points": [f"[DEMO] {s}" for s in sentences[:KEY_POINTS]],
        "action_items": [f"[DEMO] {s}" for s in sentences if _OBLIGATION.search(s)],
    }


def demo_analysis(content: str) -> str:
    """The JSON answer for a user message (module docstring)."""
    pairs, source_language, target_language = _pairs(content)
    answer = {
        "source": _section(source_language, [source for source, _ in pairs]),
        "target": _section(target_language, [translation for _, translation in pairs]),
    }
    return json.dumps(answer, ensure_ascii=False)


def _user_content(body: dict[str, Any]) -> str:
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise invalid_parameter("messages must be a non-empty array.")
    users = [m for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    if not users:
        raise invalid_parameter("Role must be user or assistant and Content length must be greater than 0")
    content = users[-1].get("content")
    if isinstance(content, list):  # the array form: [{"type": "text", "text": ...}]
        content = "".join(str(part.get("text") or "") for part in content if isinstance(part, dict))
    if not isinstance(content, str) or not content.strip():
        raise invalid_parameter("Role must be user or assistant and Content length must be greater than 0")
    return content


async def analysis(call: HttpCall, body: dict[str, Any], model_name: str) -> web.StreamResponse:
    """Answer one chat-completions request for an analysis model."""
    content = _user_content(body)
    text = demo_analysis(content)
    prompt = "".join(str(m.get("content") or "") for m in body["messages"] if isinstance(m, dict))
    usage = {
        "prompt_tokens": text_tokens(prompt),
        "completion_tokens": text_tokens(text),
        "total_tokens": text_tokens(prompt) + text_tokens(text),
    }
    completion_id = "chatcmpl-" + uuid.uuid4().hex
    created = int(time.time())
    if call.record is not None:
        call.record.stream = bool(body.get("stream"))
        call.record.prompt_tokens = usage["prompt_tokens"]
        call.record.completion_tokens = usage["completion_tokens"]
    if not body.get("stream"):
        return web.json_response(
            {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": model_name,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": usage,
            },
            headers={"x-request-id": call.request_id},
        )

    def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
        return {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model_name,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
        }

    writer = SseWriter(call.request, call.faults, call.record, call.request_id)
    await writer.start()
    try:
        for offset in range(0, len(text), CHUNK_CHARS):
            delta: dict[str, Any] = {"content": text[offset : offset + CHUNK_CHARS]}
            if offset == 0:
                delta = {"role": "assistant", **delta}
            await writer.send(chunk(delta))
        await writer.send(chunk({}, "stop"))
        options = body.get("stream_options")
        if isinstance(options, dict) and options.get("include_usage"):
            final = chunk({})
            final["choices"] = []
            final["usage"] = usage
            await writer.send(final)
        await writer.done()
    except (StreamInterrupted, ConnectionError):
        if call.record is not None:
            call.record.cut = True
    return writer.response


def register() -> None:
    """Serve the analysis models on chat completions."""
    register_chat_model(list(ANALYSIS_MODELS), analysis)
