"""Subtitle time formatting and cue text building for SRT and WebVTT exports (pure string work, no files).

SRT times are ``HH:MM:SS,mmm`` and WebVTT times ``HH:MM:SS.mmm``. Hours grow past two digits rather than wrap, so a
session longer than 99 hours still exports in order (no real session is that long, but wrapping would corrupt it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

_MS_PER_SECOND = 1000
_MS_PER_MINUTE = 60 * _MS_PER_SECOND
_MS_PER_HOUR = 60 * _MS_PER_MINUTE

# A blank line ends an SRT/VTT cue early, so runs of line breaks inside a cue collapse to one.
_BLANK_LINES = re.compile(r"(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)+")
_LINE_BREAKS = re.compile(r"\r\n|\r")


class CueMode(StrEnum):
    """What a subtitle cue shows."""

    BILINGUAL = "bilingual"  # source line, then translation line
    TRANSLATION = "translation"
    SOURCE = "source"


def _split(ms: int) -> tuple[int, int, int, int]:
    if ms < 0:
        raise ValueError(f"subtitle time must not be negative, got {ms} ms")
    hours, rest = divmod(ms, _MS_PER_HOUR)
    minutes, rest = divmod(rest, _MS_PER_MINUTE)
    seconds, millis = divmod(rest, _MS_PER_SECOND)
    return hours, minutes, seconds, millis


def srt_time(ms: float) -> str:
    """``ms`` (rounded to the nearest millisecond) as an SRT timestamp ``HH:MM:SS,mmm``.

    Raises:
        ValueError: ``ms`` is negative.
    """
    h, m, s, f = _split(round(ms))
    return f"{h:02d}:{m:02d}:{s:02d},{f:03d}"


def vtt_time(ms: float) -> str:
    """``ms`` (rounded to the nearest millisecond) as a WebVTT timestamp ``HH:MM:SS.mmm``.

    Raises:
        ValueError: ``ms`` is negative.
    """
    h, m, s, f = _split(round(ms))
    return f"{h:02d}:{m:02d}:{s:02d}.{f:03d}"


def _clean(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text.strip())
    return _BLANK_LINES.sub("\n", text)


def cue_text(source: str, translation: str, mode: CueMode = CueMode.BILINGUAL) -> str:
    """The text of one cue: source and/or translation, without blank lines (they would end the cue).

    In bilingual mode an empty side is left out rather than shown as an empty line.
    """
    source, translation = _clean(source), _clean(translation)
    if mode is CueMode.SOURCE:
        return source
    if mode is CueMode.TRANSLATION:
        return translation
    return "\n".join(part for part in (source, translation) if part)


def _vtt_escape(text: str) -> str:
    # WebVTT cue payloads are HTML-ish: '&' and '<' start entities/tags, and '-->' would be read as a timing line.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True, slots=True)
class Cue:
    """One subtitle cue; ``end_ms`` is clamped to at least ``start_ms`` by the renderers.

    Raises:
        ValueError: a time is negative.
    """

    start_ms: int
    end_ms: int
    text: str

    def __post_init__(self) -> None:
        if self.start_ms < 0 or self.end_ms < 0:
            raise ValueError(f"cue times must not be negative: {self.start_ms}..{self.end_ms}")


def render_srt(cues: Iterable[Cue]) -> str:
    """An SRT document: numbered from 1, cues with empty text skipped (players show nothing for them anyway).

    SRT has no escape syntax, so text is written verbatim; players may treat ``<...>`` in speech as a formatting tag.
    """
    blocks: list[str] = []
    for cue in cues:
        text = _clean(cue.text)
        if not text:
            continue
        end = max(cue.end_ms, cue.start_ms)
        blocks.append(f"{len(blocks) + 1}\n{srt_time(cue.start_ms)} --> {srt_time(end)}\n{text}\n")
    return "\n".join(blocks)


def render_vtt(cues: Iterable[Cue]) -> str:
    """A WebVTT document with the ``WEBVTT`` header; cue text is escaped and empty cues skipped."""
    blocks = ["WEBVTT\n"]
    for cue in cues:
        text = _clean(cue.text)
        if not text:
            continue
        end = max(cue.end_ms, cue.start_ms)
        blocks.append(f"{vtt_time(cue.start_ms)} --> {vtt_time(end)}\n{_vtt_escape(text)}\n")
    return "\n".join(blocks)
