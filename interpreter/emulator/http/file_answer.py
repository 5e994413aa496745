"""The emulator's answer to a file-translation request: demo text, speech, usage (spec §3 billing rules).

Text: one labelled demo sentence per :data:`SENTENCE_S` seconds of input, in the target language's style of the
realtime emulator (:func:`interpreter.emulator.content.default_translation`, e.g. ``[ZH 演示] 第2段，5.0秒``), so the
answer is deterministic, obviously not a translation, and grows with the input like a real one.
Speech: :func:`interpreter.emulator.synth.synthesize` of the text (24 kHz s16le mono), only when audio was asked for
and the target language has speech (spec §1.10 audio-output list).
Usage: input audio 12.5 tokens/s (under 1 s billed as 1 s); video ``ceil(frames/2) × (h/32) × (w/32) + 2`` with
frames at 2 fps clamped to 4..128 and each side rounded up to whole 32-px patches; output text one token per
4 characters (:func:`interpreter.emulator.usage.text_tokens`); output audio 12.5 tokens/s.
Output cap: when text + audio tokens would exceed ``max_tokens`` (at most 4096), the text is cut to the longest
prefix of whole pieces that fits and ``finish_reason`` is ``length``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from interpreter.emulator.content import default_translation, split_pieces
from interpreter.emulator.http.file_models import FileModel
from interpreter.emulator.http.file_request import FileRequest
from interpreter.emulator.http.media_probe import MediaInfo
from interpreter.emulator.synth import duration_ms, synthesize
from interpreter.emulator.usage import text_tokens

# One demo sentence per 5 s of input: about one spoken sentence.
SENTENCE_S = 5.0
# Video sampling of the service (spec §3): 2 frames per second, 4 to 128 frames.
VIDEO_FPS = 2.0
MIN_VIDEO_FRAMES, MAX_VIDEO_FRAMES = 4, 128
VIDEO_PATCH_PX = 32
VIDEO_EXTRA_TOKENS = 2
# When an MP4 has no readable tkhd size, a typical low-resolution clip (the size a client should send anyway).
DEFAULT_VIDEO_SIZE = (640, 360)


@dataclass(frozen=True)
class FileAnswer:
    """What the emulator answers.

    Attributes:
        text: the (possibly cut) translation; ``pieces``: it split into stream deltas (concatenation = ``text``).
        pcm: its speech, 24 kHz s16le mono (empty without audio output).
        finish_reason: ``stop`` or ``length``.
        usage: the OpenAI-compatible usage object.
    """

    text: str
    pieces: list[str]
    pcm: bytes
    finish_reason: str
    usage: dict[str, Any]

    @property
    def prompt_tokens(self) -> int:
        return int(self.usage["prompt_tokens"])

    @property
    def completion_tokens(self) -> int:
        return int(self.usage["completion_tokens"])


def demo_translation(duration_s: float, target: str) -> str:
    """The labelled demo text for ``duration_s`` seconds of input in language ``target``."""
    sentences = max(1, math.ceil(duration_s / SENTENCE_S))
    texts = []
    for index in range(1, sentences + 1):
        chunk_s = min(SENTENCE_S, duration_s - (index - 1) * SENTENCE_S)
        texts.append(default_translation(index, max(0.0, chunk_s) * 1000, target))
    return " ".join(texts)


def input_audio_tokens(duration_s: float, rate: float) -> int:
    """Spec §3: ``rate`` tokens per second of input audio, anything under 1 s billed as 1 s."""
    return math.ceil(max(duration_s, 1.0) * rate)


def video_tokens(duration_s: float, width: int, height: int) -> int:
    """Spec §3 video formula (module docstring)."""
    frames = min(MAX_VIDEO_FRAMES, max(MIN_VIDEO_FRAMES, math.ceil(duration_s * VIDEO_FPS)))
    if width <= 0 or height <= 0:
        width, height = DEFAULT_VIDEO_SIZE
    patches = math.ceil(width / VIDEO_PATCH_PX) * math.ceil(height / VIDEO_PATCH_PX)
    return math.ceil(frames / 2) * patches + VIDEO_EXTRA_TOKENS


def build_answer(request: FileRequest, media: MediaInfo, model: FileModel) -> FileAnswer:
    """The whole answer for ``request`` whose input ``media`` was probed."""
    speaks = request.audio_output and request.target_lang in model.audio_output_languages

    def output_tokens(text: str) -> tuple[int, int]:
        audio = math.ceil(duration_ms(text) / 1000 * model.output_audio_tokens_per_second) if speaks else 0
        return text_tokens(text), audio

    pieces = split_pieces(demo_translation(media.duration_s, request.target_lang))
    finish_reason = "stop"
    while pieces and sum(output_tokens("".join(pieces))) > request.max_tokens:
        pieces.pop()
        finish_reason = "length"
    text = "".join(pieces)
    text_out, audio_out = output_tokens(text)
    audio_in = input_audio_tokens(media.duration_s, model.input_audio_tokens_per_second) if media.has_audio else 0
    video_in = video_tokens(media.duration_s, media.width, media.height) if request.is_video else None
    prompt = audio_in + (video_in or 0)
    usage = {
        "prompt_tokens": prompt,
        "completion_tokens": text_out + audio_out,
        "total_tokens": prompt + text_out + audio_out,
        "prompt_tokens_details": {
            "audio_tokens": audio_in,
            "text_tokens": 0,
            "video_tokens": video_in,
            "cached_tokens": None,
        },
        "completion_tokens_details": {"audio_tokens": audio_out, "text_tokens": text_out, "reasoning_tokens": None},
    }
    return FileAnswer(text, pieces, synthesize(text) if speaks else b"", finish_reason, usage)
