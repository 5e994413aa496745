"""Reading and validating a Qwen-OCR request, native (spec §5.1) or OpenAI-compatible (spec §5.4).

Everything the service would refuse is refused here with 400 ``invalid_parameter_error`` (native
``InvalidParameter``): an unknown model is 404; a missing image, an image by URL (the emulator reaches no network),
a Base64 string over 10 MB, a MIME type that is not an image type the service accepts or does not match the data, an
image that does not decode, a side of 10 px or less, an aspect ratio over 200:1, more than 15.68 MP, a bad pixel
range, an unknown task, a built-in task on ``qwen-vl-ocr-2024-10-28``, a key-information task without a schema or
with one nested deeper than 3 levels, a plain request without a prompt. Messages follow the service's style [I].
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

from interpreter.emulator.http.errors import CompatError, invalid_parameter, model_not_found
from interpreter.emulator.http.ratelimit import ModelLimits

#: Spec §5 models; the first snapshot has no built-in tasks.
OCR_MODELS = (
    "qwen-vl-ocr",
    "qwen-vl-ocr-latest",
    "qwen-vl-ocr-2025-11-20",
    "qwen-vl-ocr-2025-08-28",
    "qwen-vl-ocr-2025-04-13",
    "qwen-vl-ocr-2024-10-28",
)
NO_TASK_MODELS = frozenset({"qwen-vl-ocr-2024-10-28"})
#: Spec §5.1 "older models 28x28" (the two earliest snapshots [I]); the rest 32x32.
PATCH_28_MODELS = frozenset({"qwen-vl-ocr-2024-10-28", "qwen-vl-ocr-2025-04-13"})
#: Spec §8.3: 600 RPM (1 200 for -latest and 2025-11-20), 6 000 000 TPM.
FAST_MODELS = frozenset({"qwen-vl-ocr-latest", "qwen-vl-ocr-2025-11-20"})
TOKENS_PER_MINUTE = 6_000_000

BUILTIN_TASKS = (
    "text_recognition",
    "key_information_extraction",
    "table_parsing",
    "document_parsing",
    "formula_recognition",
    "multi_lan",
    "advanced_recognition",
)
MAX_PIXELS = 15_680_000  # spec §5.1
MAX_BASE64_CHARS = 10 * 1024 * 1024  # spec §2.1: the Base64 string at most 10 MB
MIN_SIDE = 10  # spec §2.1: sides must be > 10 px
MAX_ASPECT = 200  # spec §2.1
MAX_SCHEMA_DEPTH = 3  # spec §5.2
DEFAULT_MIN_PIXELS = 32 * 32 * 3  # spec §5.1 doc example
DEFAULT_MAX_PIXELS = 32 * 32 * 8192
DEFAULT_MAX_TOKENS = 4096  # spec §5.1
MAX_TOKENS_CEILING = 8192

#: MIME types the service accepts (spec §2.1) -> the Pillow format names that match them.
_MIME_FORMATS = {
    "image/bmp": {"BMP"},
    "image/jpeg": {"JPEG", "MPO"},
    "image/jpg": {"JPEG", "MPO"},
    "image/png": {"PNG"},
    "image/tiff": {"TIFF"},
    "image/webp": {"WEBP"},
    "image/heic": {"HEIF", "HEIC"},
}
_DATA_URL = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)?;base64,(?P<data>.*)$", re.DOTALL)


def model_limits(model: str) -> ModelLimits:
    return ModelLimits(1200 if model in FAST_MODELS else 600, TOKENS_PER_MINUTE)


@dataclass
class OcrRequest:
    """One validated OCR request.

    Attributes:
        model: the model asked for.
        image: the decoded image (RGB); ``image_bytes`` the raw bytes; ``mime`` their declared type.
        task: the built-in task, or None for a plain prompt.
        prompt: the text part (None with a built-in task and no text).
        schema: ``result_schema`` of the key-information task.
        min_pixels, max_pixels, enable_rotate: the image part's options.
        stream: answer as SSE; ``incremental``: each chunk only the new text.
        max_tokens: the answer's token cap.
    """

    model: str
    image: Image.Image
    image_bytes: bytes
    mime: str
    task: str | None
    prompt: str | None
    schema: dict[str, Any] | None = None
    min_pixels: int = DEFAULT_MIN_PIXELS
    max_pixels: int = DEFAULT_MAX_PIXELS
    enable_rotate: bool = False
    stream: bool = False
    incremental: bool = False
    max_tokens: int = DEFAULT_MAX_TOKENS
    extra: dict[str, Any] = field(default_factory=dict)


def _check_model(body: Mapping[str, Any]) -> str:
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise invalid_parameter("Model not exist.", param="model")
    if model not in OCR_MODELS:
        raise model_not_found(model)
    return model


def _decode_image(url: object) -> tuple[Image.Image, bytes, str]:
    if not isinstance(url, str) or not url:
        raise invalid_parameter("The image part has no image.", param="image")
    if url.startswith(("http://", "https://", "oss://", "file://")):
        raise CompatError(
            400,
            "invalid_parameter_error",
            "Download the media resource timed out during the data inspection process.",
            param="image",
        )  # the emulator serves loopback only and fetches nothing: send the image as a data URL
    match = _DATA_URL.match(url)
    if match is None:
        raise invalid_parameter("The image must be a URL or a data:<mime>;base64,... string.", param="image")
    encoded = match.group("data")
    if len(encoded) > MAX_BASE64_CHARS:
        raise invalid_parameter(
            f"The Base64 image is {len(encoded) / 1048576:.1f} MB; at most 10 MB is accepted.", param="image"
        )
    mime = (match.group("mime") or "").lower()
    if mime not in _MIME_FORMATS:
        raise invalid_parameter(f"The image type '{mime or 'none'}' is not supported.", param="image")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise invalid_parameter("The image data is not valid Base64.", param="image") from exc
    try:
        image = Image.open(io.BytesIO(raw))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise invalid_parameter("The image cannot be decoded; check the file and its format.", param="image") from exc
    if (image.format or "").upper() not in _MIME_FORMATS[mime]:
        raise invalid_parameter(
            f"The image type '{mime}' does not match the data ({image.format}); the MIME type must match.",
            param="image",
        )
    width, height = image.size
    if width <= MIN_SIDE or height <= MIN_SIDE:
        raise invalid_parameter(
            f"The image is {width}x{height}; width and height must be larger than {MIN_SIDE} pixels.", param="image"
        )
    if max(width, height) / min(width, height) > MAX_ASPECT:
        raise invalid_parameter(f"The image aspect ratio must not exceed {MAX_ASPECT}:1.", param="image")
    if width * height > MAX_PIXELS:
        raise invalid_parameter(
            f"The image has {width * height:,} pixels; at most {MAX_PIXELS:,} (15.68 MP) are accepted.",
            param="image",
        )
    return image.convert("RGB"), raw, mime


def _int_option(part: Mapping[str, Any], key: str, default: int) -> int:
    value = part.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise invalid_parameter(f"{key} must be a positive integer.", param=key)
    return value


def _pixel_range(part: Mapping[str, Any]) -> tuple[int, int]:
    low = _int_option(part, "min_pixels", DEFAULT_MIN_PIXELS)
    high = _int_option(part, "max_pixels", DEFAULT_MAX_PIXELS)
    if low > high:
        raise invalid_parameter("min_pixels must not be larger than max_pixels.", param="min_pixels")
    if high > MAX_PIXELS:
        raise invalid_parameter(f"max_pixels must not exceed {MAX_PIXELS}.", param="max_pixels")
    return low, high


def _depth(node: Mapping[str, Any]) -> int:
    return 1 + max((_depth(v) for v in node.values() if isinstance(v, Mapping)), default=0)


def _check_schema(options: Mapping[str, Any]) -> dict[str, Any]:
    config = options.get("task_config")
    schema = config.get("result_schema") if isinstance(config, Mapping) else None
    if not isinstance(schema, dict) or not schema:
        raise invalid_parameter(
            "key_information_extraction requires task_config.result_schema (a JSON object).", param="task_config"
        )
    if _depth(schema) > MAX_SCHEMA_DEPTH:
        raise invalid_parameter(f"result_schema may nest at most {MAX_SCHEMA_DEPTH} levels.", param="result_schema")
    return schema


def _single_user_content(messages: object) -> list[Any]:
    if not isinstance(messages, list) or len(messages) != 1 or not isinstance(messages[0], Mapping):
        raise invalid_parameter("messages must hold exactly one user message.", param="messages")
    message = messages[0]
    content = message.get("content")
    if message.get("role") != "user" or not isinstance(content, list) or not content:
        raise invalid_parameter(
            "Role must be user or assistant and Content length must be greater than 0", param="messages"
        )
    return content


def parse_native_ocr(body: Mapping[str, Any], *, sse: bool) -> OcrRequest:
    """Validate a native request (``sse``: the client asked for a stream with ``X-DashScope-SSE: enable``)."""
    model = _check_model(body)
    inputs = body.get("input")
    content = _single_user_content(inputs.get("messages") if isinstance(inputs, Mapping) else None)
    image_part = next((p for p in content if isinstance(p, Mapping) and "image" in p), None)
    if image_part is None:
        raise invalid_parameter("The message has no image; OCR models read an image.", param="image")
    texts = [p["text"] for p in content if isinstance(p, Mapping) and isinstance(p.get("text"), str)]
    prompt = "\n".join(texts).strip() or None
    image, raw, mime = _decode_image(image_part.get("image"))
    low, high = _pixel_range(image_part)
    parameters = body.get("parameters") or {}
    if not isinstance(parameters, Mapping):
        raise invalid_parameter("parameters must be an object.", param="parameters")
    task: str | None = None
    schema: dict[str, Any] | None = None
    options = parameters.get("ocr_options")
    if options is not None:
        if not isinstance(options, Mapping):
            raise invalid_parameter("ocr_options must be an object.", param="ocr_options")
        task = options.get("task")
        if task not in BUILTIN_TASKS:
            raise invalid_parameter(
                f"ocr_options.task '{task}' is not supported; use one of {', '.join(BUILTIN_TASKS)}.", param="task"
            )
        if model in NO_TASK_MODELS:
            raise invalid_parameter(f"The model {model} does not support ocr_options (built-in tasks).", param="task")
        if task == "key_information_extraction":
            schema = _check_schema(options)
    if task is None and prompt is None:
        raise invalid_parameter(
            "Role must be user or assistant and Content length must be greater than 0", param="messages"
        )
    max_tokens = _int_option(parameters, "max_tokens", DEFAULT_MAX_TOKENS)
    return OcrRequest(
        model=model,
        image=image,
        image_bytes=raw,
        mime=mime,
        task=task,
        prompt=prompt,
        schema=schema,
        min_pixels=low,
        max_pixels=high,
        enable_rotate=image_part.get("enable_rotate") is True,
        stream=sse,
        incremental=parameters.get("incremental_output") is True,
        max_tokens=min(max_tokens, MAX_TOKENS_CEILING),
    )


def parse_compat_ocr(body: Mapping[str, Any]) -> OcrRequest:
    """Validate an OpenAI-compatible request (no ``ocr_options``; the prompt says what to do, spec §5.4)."""
    model = _check_model(body)
    content = _single_user_content(body.get("messages"))
    image_part = next((p for p in content if isinstance(p, Mapping) and p.get("type") == "image_url"), None)
    if image_part is None:
        raise invalid_parameter("The message has no image_url part; OCR models read an image.", param="messages")
    url_holder = image_part.get("image_url")
    url = url_holder.get("url") if isinstance(url_holder, Mapping) else url_holder
    image, raw, mime = _decode_image(url)
    low, high = _pixel_range(image_part)
    texts = [p.get("text") for p in content if isinstance(p, Mapping) and p.get("type") == "text"]
    prompt = "\n".join(t for t in texts if isinstance(t, str)).strip()
    if not prompt:
        raise invalid_parameter("The OpenAI-compatible form needs a text prompt (it has no ocr_options).")
    max_tokens = body.get("max_tokens", DEFAULT_MAX_TOKENS)
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise invalid_parameter("max_tokens must be a positive integer.", param="max_tokens")
    return OcrRequest(
        model=model,
        image=image,
        image_bytes=raw,
        mime=mime,
        task=None,
        prompt=prompt,
        min_pixels=low,
        max_pixels=high,
        stream=body.get("stream") is True,
        incremental=True,
        max_tokens=min(max_tokens, MAX_TOKENS_CEILING),
        extra={"include_usage": (body.get("stream_options") or {}).get("include_usage") is True},
    )
