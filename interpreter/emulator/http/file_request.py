"""Validation of a file-translation request (qwen3-livetranslate-flash, spec §3) into a :class:`FileRequest`.

Every rule of the spec is checked and answered with a 400 in the compat shape (spec §8.2): exactly one message, from
the user, no system message; one content part, ``input_audio`` (data URL ``data:audio/<fmt>;base64,`` or
``data:;base64,``, optional ``format``) or ``video_url`` (``data:video/mp4;base64,``); the data URL at most
:data:`~interpreter.emulator.http.limits.MAX_BASE64_CHARS` characters and valid Base64; ``translation_options``
with a supported ``target_lang`` (and ``source_lang`` when given); ``modalities`` ``["text"]`` or
``["text", "audio"]``; ``audio.voice`` one of the model's voices, ``audio.format`` only ``"wav"``,
``audio.speech_rate`` 0.5-2.0; ``max_tokens`` 1..4096; ``seed`` >= 0; ``stream``/``stream_options`` booleans.
Remote URLs (``https://``, ``oss://``) are refused: the emulator downloads nothing.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from interpreter.emulator.http.errors import CompatError, invalid_parameter, invalid_value
from interpreter.emulator.http.file_models import FileModel
from interpreter.emulator.http.limits import MAX_BASE64_CHARS

# Input audio formats the service accepts (spec §3, FT-GUIDE), with the MIME subtypes clients write for them.
AUDIO_FORMATS = frozenset({"wav", "mp3", "flac", "aac", "ogg", "opus", "m4a", "wma", "amr"})
_AUDIO_MIME_ALIASES = {
    "x-wav": "wav",
    "wave": "wav",
    "mpeg": "mp3",
    "x-flac": "flac",
    "mp4": "m4a",
    "x-m4a": "m4a",
    "x-ms-wma": "wma",
    "amr-wb": "amr",
}
_AUDIO_DATA_URL = re.compile(r"data:(?:audio/([A-Za-z0-9.+-]+))?;base64,", re.ASCII)
_VIDEO_DATA_URL = "data:video/mp4;base64,"
SPEECH_RATE_RANGE = (0.5, 2.0)
_UNSUPPORTED_LANGUAGE = "The currently set language is not supported!"  # spec §8.1, the service's own sentence


@dataclass(frozen=True)
class FileRequest:
    """A valid file-translation request.

    Attributes:
        media: the decoded input bytes; ``is_video``: it came as ``video_url``.
        data_url_chars: length of the data URL as sent.
        audio_format: the declared audio format (``format`` field, else the data URL's subtype; None if neither).
        source_lang: the given source language, or None (auto-detect); ``target_lang``: the target.
        audio_output: the client asked for ``["text", "audio"]``; ``voice``: the voice to speak with.
        stream: answer as SSE chunks; ``include_usage``: end the stream with the usage chunk.
        max_tokens: the answer's output-token ceiling (already capped at the model's).
    """

    media: bytes
    is_video: bool
    data_url_chars: int
    audio_format: str | None
    source_lang: str | None
    target_lang: str
    audio_output: bool
    voice: str
    stream: bool
    include_usage: bool
    max_tokens: int


def parse_file_request(body: dict[str, Any], model: FileModel) -> FileRequest:
    """Validate ``body`` for ``model``.

    Raises:
        CompatError: 400 naming the rule the request breaks.
    """
    media, is_video, chars, audio_format = _media(body.get("messages"))
    source, target = _languages(body.get("translation_options"), model)
    audio_output = _modalities(body.get("modalities"))
    voice = _voice(body.get("audio"), model)
    stream = _flag(body, "stream", default=False)
    options = body.get("stream_options")
    if options is not None and not isinstance(options, dict):
        raise invalid_parameter("stream_options must be an object.", param="stream_options")
    include_usage = _flag(options or {}, "include_usage", default=False, param="stream_options.include_usage")
    max_tokens = _max_tokens(body.get("max_tokens"), model)
    _sampling(body)
    return FileRequest(
        media=media,
        is_video=is_video,
        data_url_chars=chars,
        audio_format=audio_format,
        source_lang=source,
        target_lang=target,
        audio_output=audio_output,
        voice=voice,
        stream=stream,
        include_usage=include_usage,
        max_tokens=max_tokens,
    )


# ------------------------------------------------------------------------------------------------- messages


def _media(messages: Any) -> tuple[bytes, bool, int, str | None]:
    if not isinstance(messages, list) or not messages:
        raise invalid_parameter("messages must be a non-empty list.", param="messages")
    roles = [m.get("role") if isinstance(m, dict) else None for m in messages]
    if "system" in roles:
        raise invalid_parameter("System messages are not supported by this model; send one user message.", "messages")
    if len(messages) != 1:
        raise invalid_parameter(
            f"Exactly one user message is supported (single-turn); got {len(messages)} messages.", param="messages"
        )
    if roles[0] != "user":
        raise invalid_parameter("Role must be user and Content length must be greater than 0.", "messages[0].role")
    content = messages[0].get("content")
    if not isinstance(content, list) or not content:
        raise invalid_parameter(
            "The user message content must be a list with one input_audio or video_url part.",
            param="messages[0].content",
        )
    if len(content) != 1:
        raise invalid_parameter(
            f"The user message must carry exactly one input_audio or video_url part; got {len(content)} parts.",
            param="messages[0].content",
        )
    part = content[0]
    kind = part.get("type") if isinstance(part, dict) else None
    param = "messages[0].content[0]"
    if kind == "input_audio":
        return _audio_part(part.get("input_audio"), param)
    if kind == "video_url":
        return _video_part(part.get("video_url"), param)
    raise invalid_parameter(
        f"Content part type {kind!r} is not supported: send one input_audio or video_url part.", param=f"{param}.type"
    )


def _audio_part(audio: Any, param: str) -> tuple[bytes, bool, int, str | None]:
    if not isinstance(audio, dict) or not isinstance(audio.get("data"), str):
        raise invalid_parameter("input_audio must be an object with a data string.", param=f"{param}.input_audio")
    url: str = audio["data"]
    declared = audio.get("format")
    if declared is not None and (not isinstance(declared, str) or declared.lower() not in AUDIO_FORMATS):
        raise invalid_parameter(
            f"Audio format {declared!r} is not supported; use one of {', '.join(sorted(AUDIO_FORMATS))}.",
            param=f"{param}.input_audio.format",
        )
    match = _AUDIO_DATA_URL.match(url)
    if match is None:
        raise _not_a_data_url(url, "data:audio/<format>;base64,", f"{param}.input_audio.data")
    subtype = match.group(1)
    url_format = _AUDIO_MIME_ALIASES.get(subtype.lower(), subtype.lower()) if subtype else None
    if url_format is not None and url_format not in AUDIO_FORMATS:
        raise invalid_parameter(
            f"Audio type audio/{subtype} is not supported; use one of {', '.join(sorted(AUDIO_FORMATS))}.",
            param=f"{param}.input_audio.data",
        )
    data = _decode(url, match.end(), f"{param}.input_audio.data")
    return data, False, len(url), (declared.lower() if isinstance(declared, str) else url_format)


def _video_part(video: Any, param: str) -> tuple[bytes, bool, int, str | None]:
    if not isinstance(video, dict) or not isinstance(video.get("url"), str):
        raise invalid_parameter("video_url must be an object with a url string.", param=f"{param}.video_url")
    url: str = video["url"]
    if not url.startswith(_VIDEO_DATA_URL):
        raise _not_a_data_url(url, _VIDEO_DATA_URL, f"{param}.video_url.url")
    return _decode(url, len(_VIDEO_DATA_URL), f"{param}.video_url.url"), True, len(url), None


def _not_a_data_url(url: str, form: str, param: str) -> CompatError:
    if url.startswith(("http://", "https://", "oss://")):
        return CompatError(
            400,
            "InvalidURL",
            "The emulator downloads no files: send the input inline as a Base64 data URL.",
            param=param,
        )
    return invalid_parameter(f"The input must be a Base64 data URL starting with {form!r}.", param=param)


def _decode(url: str, start: int, param: str) -> bytes:
    if len(url) > MAX_BASE64_CHARS:
        raise invalid_parameter(
            f"The Base64 input is {len(url)} characters; at most {MAX_BASE64_CHARS} (10 MB) are accepted. "
            "Send a shorter or smaller clip.",
            param=param,
        )
    try:
        data = base64.b64decode(url[start:], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise invalid_parameter("The data URL does not hold valid Base64.", param=param) from exc
    if not data:
        raise invalid_parameter("The data URL holds no data.", param=param)
    return data


# ------------------------------------------------------------------------------------------------- options


def _languages(options: Any, model: FileModel) -> tuple[str | None, str]:
    if not isinstance(options, dict):
        raise invalid_parameter(
            "translation_options with a target_lang is required (OpenAI SDK: pass it in extra_body).",
            param="translation_options",
        )
    target = options.get("target_lang")
    if not isinstance(target, str) or not target:
        raise invalid_parameter("translation_options.target_lang is required.", param="translation_options.target_lang")
    if target not in model.languages:
        raise invalid_parameter(f"{_UNSUPPORTED_LANGUAGE} (target_lang {target!r})", "translation_options.target_lang")
    source = options.get("source_lang")
    if source is not None and (not isinstance(source, str) or source not in model.languages):
        raise invalid_parameter(f"{_UNSUPPORTED_LANGUAGE} (source_lang {source!r})", "translation_options.source_lang")
    return source, target


def _modalities(modalities: Any) -> bool:
    if modalities is None:
        return False
    if modalities == ["text"]:
        return False
    if modalities == ["text", "audio"]:
        return True
    raise invalid_parameter('modalities must be ["text"] or ["text", "audio"].', param="modalities")


def _voice(audio: Any, model: FileModel) -> str:
    if audio is None:
        return model.default_voice
    if not isinstance(audio, dict):
        raise invalid_parameter("audio must be an object with voice and format.", param="audio")
    voice = audio.get("voice", model.default_voice)
    if voice not in model.voices:
        raise invalid_value(f"The requested voice '{voice}' is not supported.", param="audio.voice")
    audio_format = audio.get("format", "wav")
    if audio_format != "wav":
        raise invalid_parameter(f'audio.format {audio_format!r} is not supported; only "wav".', param="audio.format")
    rate = audio.get("speech_rate")
    low, high = SPEECH_RATE_RANGE
    if rate is not None and (isinstance(rate, bool) or not isinstance(rate, int | float) or not low <= rate <= high):
        raise invalid_parameter(f"audio.speech_rate must be between {low} and {high}.", param="audio.speech_rate")
    return str(voice)


def _flag(holder: dict[str, Any], name: str, *, default: bool, param: str | None = None) -> bool:
    value = holder.get(name, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise invalid_parameter(f"{param or name} must be true or false.", param=param or name)
    return value


def _max_tokens(value: Any, model: FileModel) -> int:
    if value is None:
        return model.max_output_tokens
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= model.max_output_tokens:
        raise invalid_parameter(f"Range of max_tokens should be [1, {model.max_output_tokens}]", param="max_tokens")
    return value


def _sampling(body: dict[str, Any]) -> None:
    seed = body.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise CompatError(400, "invalid_value", f"{seed} is lesser than the minimum of 0 - 'seed'", param="seed")
    temperature = body.get("temperature")
    if temperature is not None and (not isinstance(temperature, int | float) or not 0 <= temperature < 2):
        raise invalid_parameter("temperature must be in [0, 2).", param="temperature")
    top_p = body.get("top_p")
    if top_p is not None and (not isinstance(top_p, int | float) or not 0 < top_p <= 1):
        raise invalid_parameter("top_p must be in (0, 1].", param="top_p")
