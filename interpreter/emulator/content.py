"""What the emulator "recognises" and "translates": deterministic, honest, clearly labelled demo text.

Without a script, segment *n* of *d* seconds is recognised as ``Demo segment n (d s of speech)`` and translated with
a tiny phrase table, e.g. ``[EN demo] Segment 3, 2.4 seconds`` or ``[DE Demo] Abschnitt 3, 2,4 Sekunden``; other
targets get ``[XX demo] Segment 3, 2.4 s``. With a script, the scripted texts are used in order.

Hotwords (``translation.corpus.phrases``) are applied visibly: whenever a source term occurs in the source text, the
translation contains its target term (replacing the source term if the translation kept it, else appended in
parentheses). In default mode the first source term is appended to the recognised text, so a client can see its
glossary reach the translation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from interpreter.emulator.script import Utterance

# target code -> (template, decimal separator); templates take {n} (segment number) and {s} (seconds).
_PHRASES: dict[str, tuple[str, str]] = {
    "en": ("[EN demo] Segment {n}, {s} seconds", "."),
    "zh": ("[ZH 演示] 第{n}段，{s}秒", "."),
    "es": ("[ES demo] Segmento {n}, {s} segundos", ","),
    "fr": ("[FR démo] Segment {n}, {s} secondes", ","),
    "de": ("[DE Demo] Abschnitt {n}, {s} Sekunden", ","),
    "ja": ("[JA デモ] セグメント{n}、{s}秒", "."),
    "it": ("[IT demo] Segmento {n}, {s} secondi", ","),
    "pt": ("[PT demo] Segmento {n}, {s} segundos", ","),
    "ru": ("[RU демо] Сегмент {n}, {s} с", ","),
    "ko": ("[KO 데모] 세그먼트 {n}, {s}초", "."),
}
_FALLBACK = "[{code} demo] Segment {n}, {s} s"
# A scripted source is revealed to the ASR partials at one word per 300 ms of speech (a relaxed speaking rate).
SCRIPT_MS_PER_WORD = 300
# Partial results keep the last two pieces tentative (stash), as a streaming recogniser revises its tail.
STASH_PIECES = 2
# Pieces of text without spaces (Chinese, Japanese) are revealed two characters at a time.
_CJK_PIECE_CHARS = 2


@dataclass(frozen=True)
class SegmentText:
    """Final texts of one segment."""

    source: str
    source_language: str
    translation: str


def split_pieces(text: str) -> list[str]:
    """Split ``text`` into reveal pieces whose concatenation is ``text.strip()`` (words; CJK in 2-char pieces)."""
    pieces: list[str] = []
    for token in re.findall(r"\s*\S+", text.strip()):
        body = token.lstrip()
        if len(body) > _CJK_PIECE_CHARS and not any(c.isascii() for c in body):
            lead = token[: len(token) - len(body)]
            chunks = [body[i : i + _CJK_PIECE_CHARS] for i in range(0, len(body), _CJK_PIECE_CHARS)]
            pieces.append(lead + chunks[0])
            pieces.extend(chunks[1:])
        else:
            pieces.append(token)
    return pieces


def confirmed_and_stash(text: str) -> tuple[str, str]:
    """Split a provisional text into confirmed ``text`` and tentative ``stash`` (the last pieces)."""
    pieces = split_pieces(text)
    cut = max(0, len(pieces) - STASH_PIECES)
    return "".join(pieces[:cut]), "".join(pieces[cut:])


def _seconds(duration_ms: float, decimal: str) -> str:
    return f"{duration_ms / 1000:.1f}".replace(".", decimal)


def default_source(index: int, duration_ms: float) -> str:
    return f"Demo segment {index} ({_seconds(duration_ms, '.')} s of speech)"


def default_translation(index: int, duration_ms: float, target: str) -> str:
    template, decimal = _PHRASES.get(target, (_FALLBACK, "."))
    return template.format(n=index, s=_seconds(duration_ms, decimal), code=target.upper())


def apply_hotwords(source: str, translation: str, phrases: Mapping[str, str]) -> str:
    """The translation with every phrase whose source term occurs in ``source`` rendered as its target term."""
    for term, target in phrases.items():
        if term not in source or target in translation:
            continue
        translation = translation.replace(term, target) if term in translation else f"{translation} ({target})"
    return translation


class SegmentContent:
    """Texts of one segment: provisional source while speech goes on, final texts once its duration is known.

    Args:
        index: 1-based segment number within the connection.
        utterance: the scripted utterance for this segment, or None for default demo content.
        source_language: the configured source language (None = auto-detect; reported as the script's or "en").
    """

    def __init__(self, index: int, utterance: Utterance | None, source_language: str | None) -> None:
        self.index = index
        self._utterance = utterance
        scripted_language = utterance.language if utterance else None
        self.source_language = source_language or scripted_language or "en"

    def provisional_source(self, elapsed_ms: float) -> tuple[str, str]:
        """Confirmed ``text`` and tentative ``stash`` the recogniser would show after ``elapsed_ms`` of speech.

        Confirmed text only ever grows (a real recogniser never revises what it confirmed; clients append to it),
        so the changing duration of a default demo segment stays in the stash.
        """
        if self._utterance is None:
            full = default_source(self.index, elapsed_ms)
            confirmed = f"Demo segment {self.index}"
            return confirmed, full[len(confirmed) :]
        pieces = split_pieces(self._utterance.source)
        shown = min(len(pieces), 1 + int(elapsed_ms // SCRIPT_MS_PER_WORD))
        return confirmed_and_stash("".join(pieces[:shown]))

    def final(self, duration_ms: float, target: str, phrases: Mapping[str, str]) -> SegmentText:
        """Final recognised source and translation for a segment of ``duration_ms`` of audio."""
        if self._utterance is None:
            source = default_source(self.index, duration_ms)
            if phrases:
                source = f"{source} {next(iter(phrases))}"  # show the glossary at work (module docstring)
            translation = default_translation(self.index, duration_ms, target)
        else:
            source = self._utterance.source
            scripted = self._utterance.translation_for(target)
            translation = scripted if scripted is not None else f"[{target.upper()} demo] {source}"
        return SegmentText(source, self.source_language, apply_hotwords(source, translation, phrases))


class ContentSource:
    """Hands out :class:`SegmentContent` in segment order for one connection (script cursor per connection)."""

    def __init__(self, script: Sequence[Utterance] | None) -> None:
        self._script = tuple(script or ())
        self._count = 0

    def next_segment(self, source_language: str | None) -> SegmentContent:
        self._count += 1
        utterance = self._script[self._count - 1] if self._count <= len(self._script) else None
        return SegmentContent(self._count, utterance, source_language)
