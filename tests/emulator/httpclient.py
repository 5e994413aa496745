"""Helpers for the emulator's HTTP API tests: real media bytes, request bodies, SSE reading over real sockets.

Requests go through ``httpx`` (synchronous; the emulator runs in its own thread), every call with a bounded timeout.
"""

from __future__ import annotations

import base64
import io
import json
import math
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import numpy as np

from interpreter.emulator.testing import EmulatorHandle

MODEL = "qwen3-livetranslate-flash"
SNAPSHOT = "qwen3-livetranslate-flash-2025-12-01"
TIMEOUT = httpx.Timeout(30.0)
# A 220 Hz tone: a signal that is clearly not silence (the emulator does not care, but real services would).
_TONE_HZ = 220.0


def wav_bytes(seconds: float, rate: int = 16000) -> bytes:
    """A mono 16-bit WAV of ``seconds`` seconds."""
    samples = round(seconds * rate)
    t = np.arange(samples) / rate
    pcm = (0.2 * 32767 * np.sin(2 * math.pi * _TONE_HZ * t)).astype("<i2").tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(pcm)
    return buffer.getvalue()


def audio_url(data: bytes, fmt: str | None = "wav") -> str:
    """``data:audio/<fmt>;base64,...`` (or ``data:;base64,...`` when ``fmt`` is None)."""
    mime = f"audio/{fmt}" if fmt else ""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def video_url(data: bytes) -> str:
    return f"data:video/mp4;base64,{base64.b64encode(data).decode('ascii')}"


def audio_part(data: bytes, fmt: str | None = "wav") -> dict[str, Any]:
    part: dict[str, Any] = {"data": audio_url(data, fmt)}
    if fmt:
        part["format"] = fmt
    return {"type": "input_audio", "input_audio": part}


def body(
    part: dict[str, Any] | None = None,
    *,
    target: str = "zh",
    audio: bool = True,
    stream: bool = True,
    usage: bool = True,
    **extra: Any,
) -> dict[str, Any]:
    """A valid request (3 s of WAV by default) with ``extra`` fields added or replaced."""
    request: dict[str, Any] = {
        "model": MODEL,
        "messages": [{"role": "user", "content": [part or audio_part(wav_bytes(3.0))]}],
        "modalities": ["text", "audio"] if audio else ["text"],
        "stream": stream,
        "translation_options": {"source_lang": "en", "target_lang": target},
    }
    if audio:
        request["audio"] = {"voice": "Cherry", "format": "wav"}
    if stream and usage:
        request["stream_options"] = {"include_usage": True}
    request.update(extra)
    return request


def chat_url(emu: EmulatorHandle) -> str:
    return f"{emu.compatible_base_url()}/chat/completions"


def headers(emu: EmulatorHandle) -> dict[str, str]:
    return {"Authorization": f"Bearer {emu.api_key}"}


def post(emu: EmulatorHandle, request: dict[str, Any], timeout: httpx.Timeout = TIMEOUT) -> httpx.Response:
    """One non-streamed POST (the whole response body read)."""
    return httpx.post(chat_url(emu), json=request, headers=headers(emu), timeout=timeout)


@contextmanager
def stream(emu: EmulatorHandle, request: dict[str, Any], timeout: httpx.Timeout = TIMEOUT) -> Iterator[httpx.Response]:
    with httpx.stream("POST", chat_url(emu), json=request, headers=headers(emu), timeout=timeout) as response:
        yield response


def sse_payloads(response: httpx.Response) -> list[str]:
    """The ``data:`` payloads of an SSE response, in order (``[DONE]`` included as the string)."""
    payloads = []
    for line in response.iter_lines():
        if line.startswith("data: "):
            payloads.append(line[len("data: ") :])
        else:
            assert line == "", f"unexpected SSE line {line!r}"
    return payloads


def chunks(payloads: list[str]) -> list[dict[str, Any]]:
    """The JSON chunks (``[DONE]`` dropped)."""
    return [json.loads(p) for p in payloads if p != "[DONE]"]


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The ``error`` object of a compat error body (and check its shape, spec §8.2)."""
    payload = response.json()
    assert set(payload) == {"error", "request_id"}
    error = payload["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert isinstance(error["message"], str) and error["message"]
    return dict(error)
