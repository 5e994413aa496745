"""Subtitle cues from translated segments, following common subtitling practice (pure; no I/O).

Rules (as in the Netflix/BBC style guides most players and editors assume):

* at most :data:`MAX_LINES` (2) lines per cue, each at most :data:`MAX_LINE_WIDTH` (42) columns;
* a cue stays on screen at most :data:`MAX_CUE_MS` (7 s) and, where the next cue leaves room, at least
  :data:`MIN_CUE_MS` (1 s);
* a translation too long for one cue is split across several, timed in proportion to their text length over the
  segment's speech (its voiced stretches when known, so text is not shown during long pauses);
* cues and lines break at natural points: after a sentence end, then after a clause mark, then at a space;
  Chinese/Japanese text has no spaces, so it may break between any two characters (never before closing
  punctuation, never after an opening bracket);
* never an empty cue; text is never lost (all of it appears, in order).

Width: CJK and other East Asian wide characters count as 2 columns (Unicode East Asian Width W/F), so a line holds
42 Latin characters or 21 Chinese ones — the usual 16-22 characters per line of Chinese subtitling, measured in the
same unit as Latin text so mixed lines ("AI 模型") are measured correctly.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MAX_LINE_WIDTH = 42
MAX_LINES = 2
MAX_CUE_MS = 7000
MIN_CUE_MS = 1000

_SENTENCE_END = frozenset(".!?…。！？")
_CLAUSE_MARK = frozenset(",;:，；：、—–")
#: Never at the start of a line: closing punctuation and brackets (kept with the character before).
_CLOSING = frozenset(",.!?;:…)]}%»，。！？；：、）」』》〉】〕”’")
#: Never at the end of a line: opening brackets and quotes (kept with the character after).
_OPENING = frozenset("([{«（「『《〈【〔“‘")


@dataclass(frozen=True)
class CueSegment:
    """A translated segment, as subtitles need it.

    Attributes:
        start_ms: segment start on the source timeline.
        end_ms: segment end.
        source_text: what was said (transcript), may be empty.
        translated_text: the translation, may be empty (no cue then).
        speech: voiced stretches inside the segment (absolute ms), or empty when unknown.
    """

    start_ms: int
    end_ms: int
    source_text: str
    translated_text: str
    speech: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Cue:
    """One subtitle on screen.

    Attributes:
        start_ms: when it appears.
        end_ms: when it disappears (after ``start_ms``).
        lines: one or two non-empty lines.
        segment: index of the segment it comes from.
    """

    start_ms: int
    end_ms: int
    lines: tuple[str, ...]
    segment: int

    @property
    def text(self) -> str:
        """The lines joined with a newline (what SRT/VTT files hold)."""
        return "\n".join(self.lines)


def char_width(ch: str) -> int:
    """Display columns of a character: 2 for East Asian wide/fullwidth, 0 for combining marks, else 1."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Display columns of a string (see :func:`char_width`)."""
    return sum(char_width(ch) for ch in text)


@dataclass(frozen=True)
class _Atom:
    """An unbreakable piece of text: a word with its punctuation, or one wide character."""

    text: str
    space_before: bool
    width: int
    strength: int  # how good a break after it is: 3 sentence end, 2 clause mark, 1 plain


def _strength(text: str) -> int:
    last = text.rstrip("\"'”’)]）」』》")[-1:] or text[-1:]
    if last in _SENTENCE_END:
        return 3
    if last in _CLAUSE_MARK:
        return 2
    return 1


def _is_wide(ch: str) -> bool:
    return char_width(ch) == 2


def _atoms(text: str) -> list[_Atom]:
    """Split text into atoms; an atom wider than a line is cut into line-sized pieces."""
    pieces: list[tuple[str, bool]] = []  # (text, space_before)
    current = ""
    current_space = False
    pending_space = False
    prefix = ""  # opening brackets waiting for the next character

    def flush() -> None:
        nonlocal current
        if current:
            pieces.append((current, current_space))
            current = ""

    for ch in text:
        if ch.isspace():
            flush()
            pending_space = bool(pieces) or bool(prefix)
            continue
        if ch in _OPENING:
            if current and not _is_wide(current[-1]) and not pending_space:
                current += ch  # inside a word, e.g. "f(x)"
                continue
            flush()
            if not prefix:
                current_space = pending_space
                pending_space = False
            prefix += ch
            continue
        if ch in _CLOSING or unicodedata.combining(ch):
            if current:
                current += ch
            elif pieces and not pending_space and not prefix:
                last_text, last_space = pieces.pop()
                pieces.append((last_text + ch, last_space))
            else:
                if not prefix:
                    current_space = pending_space
                current = prefix + ch
                prefix = ""
                pending_space = False
            continue
        wide = _is_wide(ch)
        if current and (wide or _is_wide(current[-1])):
            flush()  # wide characters are atoms of their own; a change of script is a break opportunity
        if not current:
            current_space = pending_space if not prefix else current_space
            current = prefix
            prefix = ""
        current += ch
        pending_space = False
    if prefix:
        current += prefix
    flush()

    atoms: list[_Atom] = []
    for piece, space in pieces:
        for i, part in enumerate(_hard_split(piece)):
            atoms.append(_Atom(part, space and i == 0, text_width(part), _strength(part)))
    return atoms


def _hard_split(text: str) -> list[str]:
    """Cut a run wider than a line (a long URL, a compound word) into line-sized parts."""
    if text_width(text) <= MAX_LINE_WIDTH:
        return [text]
    parts, current, width = [], "", 0
    for ch in text:
        w = char_width(ch)
        if width + w > MAX_LINE_WIDTH and current:
            parts.append(current)
            current, width = "", 0
        current += ch
        width += w
    if current:
        parts.append(current)
    return parts


def _join(atoms: Sequence[_Atom]) -> str:
    return "".join((" " if a.space_before and i else "") + a.text for i, a in enumerate(atoms))


def _width(atoms: Sequence[_Atom]) -> int:
    return sum(a.width + (1 if a.space_before and i else 0) for i, a in enumerate(atoms))


def _lines(atoms: Sequence[_Atom]) -> tuple[str, ...] | None:
    """Lay atoms out on one line if they fit, else on two balanced lines broken at the best point; None if not."""
    if _width(atoms) <= MAX_LINE_WIDTH:
        return (_join(atoms),)
    best: tuple[float, int] | None = None
    for j in range(1, len(atoms)):
        w1, w2 = _width(atoms[:j]), _width(atoms[j:])
        if w1 > MAX_LINE_WIDTH or w2 > MAX_LINE_WIDTH:
            continue
        # Balanced lines read best; a clause mark is worth 10 columns of imbalance, a sentence end 20.
        cost = abs(w1 - w2) - 10 * (atoms[j - 1].strength - 1)
        if best is None or cost < best[0]:
            best = (cost, j)
    if best is None:
        return None
    j = best[1]
    return (_join(atoms[:j]), _join(atoms[j:]))


def _chunks(atoms: list[_Atom], count: int) -> list[list[_Atom]]:
    """Split atoms into about ``count`` cue-sized chunks of similar width, breaking at natural points."""
    chunks: list[list[_Atom]] = []
    i = 0
    while i < len(atoms):
        remaining = count - len(chunks)
        rest = atoms[i:]
        if remaining <= 1 and _lines(rest) is not None:
            chunks.append(rest)
            break
        target = _width(rest) / max(1, remaining)
        best: tuple[float, int] | None = None
        for j in range(i + 1, len(atoms) + 1):
            candidate = atoms[i:j]
            if _width(candidate) > MAX_LINES * MAX_LINE_WIDTH + 1 or _lines(candidate) is None:
                break
            strength = candidate[-1].strength if j < len(atoms) else 3
            cost = abs(_width(candidate) - target) / max(target, 1.0) - 0.35 * (strength - 1)
            if best is None or cost < best[0]:
                best = (cost, j)
        end = best[1] if best is not None else i + 1
        chunks.append(atoms[i:end])
        i = end
    return chunks


def _speech_map(segment: CueSegment) -> list[tuple[int, int]]:
    stretches = [
        (max(s, segment.start_ms), min(e, segment.end_ms))
        for s, e in segment.speech
        if min(e, segment.end_ms) > max(s, segment.start_ms)
    ]
    return stretches or [(segment.start_ms, segment.end_ms)]


def _time_at(stretches: list[tuple[int, int]], offset: float, *, starting: bool) -> float:
    """Absolute time ``offset`` ms into the concatenated stretches; a start at a stretch end moves to the next."""
    for s, e in stretches:
        length = e - s
        if offset < length or (not starting and offset <= length):
            return s + offset
        offset -= length
    return float(stretches[-1][1])


def make_cues(segments: Sequence[CueSegment], *, text: Literal["translated", "source"] = "translated") -> list[Cue]:
    """Subtitle cues for segments (in time order), from their translation or their source text.

    Args:
        segments: non-overlapping segments in time order.
        text: which text to show.

    Returns:
        Cues in time order, non-overlapping, each with one or two lines of at most 42 columns, on screen at most
        7 s and at least 1 s where the next cue leaves room.

    Raises:
        ValueError: a segment ends before it starts, or segments overlap or are out of order.
    """
    drafts: list[tuple[float, float, tuple[str, ...], int]] = []
    previous_end = -math.inf
    for index, segment in enumerate(segments):
        if segment.end_ms <= segment.start_ms or segment.start_ms < previous_end:
            raise ValueError(f"segment {index} is empty, overlaps or is out of order: {segment}")
        previous_end = segment.end_ms
        atoms = _atoms(segment.translated_text if text == "translated" else segment.source_text)
        if not atoms:
            continue
        stretches = _speech_map(segment)
        speaking = sum(e - s for s, e in stretches)
        total_width = _width(atoms)
        count = max(math.ceil(total_width / (MAX_LINES * MAX_LINE_WIDTH)), math.ceil(speaking / MAX_CUE_MS))
        # Never split into crumbs: a cue holds at least ~2 words (12 columns) even when speech is long.
        count = max(1, min(count, max(1, total_width // 12)))
        done = 0
        chunks = _chunks(atoms, count)
        for n, chunk in enumerate(chunks):
            width = _width(chunk) + (1 if n else 0)
            start = _time_at(stretches, speaking * done / total_width, starting=True)
            done = min(total_width, done + width)
            end = _time_at(stretches, speaking * done / total_width, starting=False)
            lines = _lines(chunk)
            assert lines is not None  # _chunks only makes chunks that fit
            drafts.append((start, end, lines, index))
    return _finalise(drafts)


def _finalise(drafts: list[tuple[float, float, tuple[str, ...], int]]) -> list[Cue]:
    """Round to ms, cap at 7 s, stretch short cues to 1 s where the next cue leaves room, never overlap."""
    cues: list[Cue] = []
    for k, (start, end, lines, index) in enumerate(drafts):
        s = round(start)
        if cues and s < cues[-1].end_ms:
            s = cues[-1].end_ms
        next_start = round(drafts[k + 1][0]) if k + 1 < len(drafts) else math.inf
        e = min(round(end), s + MAX_CUE_MS)
        if e - s < MIN_CUE_MS:
            e = int(max(e, min(s + MIN_CUE_MS, next_start)))
        e = max(e, s + 1)
        cues.append(Cue(s, e, lines, index))
    return cues
