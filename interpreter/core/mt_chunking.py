"""Cutting a document into Qwen-MT requests that fit the input limit, and mapping the answers back one to one.

A document is a sequence of :class:`TextUnit` (a subtitle cue, a paragraph or a line). Units go into a request in
order, each behind a numbered cue marker on its own line::

    ⟦~⟧ the last line of the previous request (context only: its answer is dropped)
    ⟦1⟧ first cue, line one
    first cue, line two
    ⟦2⟧ second cue

The whole request — text, markers, the glossary ``terms`` found in this chunk's text, the ``tm_list`` reserve and
``domains`` — stays under the model's input limit (spec §4.2: 8 192 tokens, terms/tm/domains included). The answer
must carry exactly the markers sent: :func:`parse_reply` checks them and raises :class:`CueCountMismatch` otherwise;
the caller then :func:`split_chunk`\\ s the chunk in two and asks again, down to single units (whose answer is taken
whole, markers or not). Nothing is ever padded or merged to make counts fit.

A unit too long for one request (a huge paragraph) is cut at sentence or word boundaries into parts
(``TextUnit.part``); :func:`join_parts` puts the translated parts back together.

Token counts are estimates (:func:`estimate_tokens`, deliberately on the high side: the real tokenizer is the
service's); the answer's ``usage`` is what is billed. Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from interpreter.errors import ConfigError

__all__ = [
    "CONTEXT_MARKER",
    "DEFAULT_CHUNK_TOKENS",
    "Chunk",
    "ChunkBudget",
    "CueCountMismatch",
    "Term",
    "TermIndex",
    "TextUnit",
    "TmPair",
    "cue_marker",
    "estimate_tokens",
    "join_parts",
    "parse_reply",
    "plan_chunks",
    "split_chunk",
    "split_long_text",
]

CONTEXT_MARKER = "⟦~⟧"
"""Marks a context line: the previous request's last lines, sent so pronouns and terms carry over; never kept."""

_MARKER_LINE = re.compile(r"^\s*⟦(\d+|~)⟧ ?", re.MULTILINE)

#: Text tokens per request we aim for, well under the 8 192 limit: a chunk whose cue count comes back wrong is
#: asked again in halves, so smaller chunks waste less on a retry, and the user sees progress every few seconds;
#: at ~2 000 tokens a 2-hour film (~1 500 cues, ~25 000 tokens) is about a dozen requests.
DEFAULT_CHUNK_TOKENS = 2_000

#: Tokens of the request around the text (JSON keys, role, options), rounded up.
_REQUEST_OVERHEAD_TOKENS = 32
#: Tokens each term or tm pair adds besides its two texts (``{"source": "", "target": ""}``).
_PAIR_OVERHEAD_TOKENS = 6
#: Tokens a cue marker and its line break cost.
_MARKER_TOKENS = 4

# CJK ideographs, kana, hangul and full-width forms: about one token per character in Qwen's tokenizer.
_WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0002ffff]")


def estimate_tokens(text: str) -> int:
    """Tokens ``text`` likely costs, erring high: ~3.5 ASCII characters, 2 other letters or 1 CJK character each.

    (Real tokenizers give ~4 English characters per token; the margin keeps an estimated chunk under the limit.)
    """
    if not text:
        return 0
    ascii_chars = len(text.encode("ascii", "ignore"))
    wide = len(_WIDE.findall(text)) if ascii_chars < len(text) else 0
    other = len(text) - ascii_chars - wide
    return math.ceil(ascii_chars / 3.5 + other / 2 + wide)


@dataclass(frozen=True)
class Term:
    """A glossary term the service must honour (``translation_options.terms`` entry)."""

    source: str
    target: str

    def tokens(self) -> int:
        return estimate_tokens(self.source) + estimate_tokens(self.target) + _PAIR_OVERHEAD_TOKENS

    def as_json(self) -> dict[str, str]:
        return {"source": self.source, "target": self.target}


@dataclass(frozen=True)
class TmPair:
    """An approved translation (``translation_options.tm_list`` entry)."""

    source: str
    target: str

    def tokens(self) -> int:
        return estimate_tokens(self.source) + estimate_tokens(self.target) + _PAIR_OVERHEAD_TOKENS

    def as_json(self) -> dict[str, str]:
        return {"source": self.source, "target": self.target}


@dataclass(frozen=True)
class TextUnit:
    """One piece of a document translated as a whole: ``index`` is its place in the document, ``part`` its
    piece number when a long unit was cut (0 otherwise), ``text`` may hold several lines."""

    index: int
    text: str
    part: int = 0

    @property
    def key(self) -> str:
        """Stable id for checkpoints: ``"12"`` or ``"12.3"`` for a part."""
        return f"{self.index}.{self.part}" if self.part else str(self.index)


@dataclass(frozen=True)
class ChunkBudget:
    """Limits for one request.

    Attributes:
        max_input_tokens: the model's input limit, everything included (spec §4.2).
        chunk_tokens: target size of the text itself (see :data:`DEFAULT_CHUNK_TOKENS`).
        context_lines: lines of the previous chunk sent as context.
        tm_tokens: tokens kept for ``tm_list`` pairs picked per chunk (0 = no translation memory).
        domains: the domain hint sent with every request (counts against the limit).
    """

    max_input_tokens: int = 8_192
    chunk_tokens: int = DEFAULT_CHUNK_TOKENS
    context_lines: int = 2
    tm_tokens: int = 0
    domains: str | None = None

    def fixed_tokens(self) -> int:
        """Tokens every request of this budget spends before its text and terms."""
        return _REQUEST_OVERHEAD_TOKENS + estimate_tokens(self.domains or "") + self.tm_tokens


@dataclass(frozen=True)
class Chunk:
    """One request's worth of units.

    Attributes:
        units: the units translated by this request, in order (marker ``n`` = ``units[n-1]``).
        context: the previous lines sent before them as context.
        terms: the glossary terms whose source occurs in this chunk.
        tm: translation-memory pairs for this chunk (filled by the caller within ``ChunkBudget.tm_tokens``).
    """

    units: tuple[TextUnit, ...]
    context: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    tm: tuple[TmPair, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(unit.key for unit in self.units)

    def source_text(self) -> str:
        """The units' text without markers (to pick translation memory by similarity)."""
        return "\n".join(unit.text for unit in self.units)

    def message(self) -> str:
        """The user message: context lines, then each unit behind its marker (a lone unit goes without one)."""
        lines = [f"{CONTEXT_MARKER} {line}" for line in self.context]
        if len(self.units) == 1 and not self.context:
            return self.units[0].text
        lines.extend(f"{cue_marker(n)} {unit.text}" for n, unit in enumerate(self.units, start=1))
        return "\n".join(lines)

    def input_tokens(self, budget: ChunkBudget) -> int:
        """Estimated input tokens of this chunk's request under ``budget`` (text, markers, terms, tm, domains)."""
        return (
            budget.fixed_tokens()
            - budget.tm_tokens
            + sum(estimate_tokens(unit.text) + _MARKER_TOKENS for unit in self.units)
            + sum(estimate_tokens(line) + _MARKER_TOKENS for line in self.context)
            + sum(term.tokens() for term in self.terms)
            + sum(pair.tokens() for pair in self.tm)
        )

    def output_tokens(self) -> int:
        """Estimated answer size: about the source's size again, markers included."""
        return sum(estimate_tokens(unit.text) + _MARKER_TOKENS for unit in self.units)


def cue_marker(number: int) -> str:
    """The marker of the ``number``-th unit of a request (1-based)."""
    return f"⟦{number}⟧"


class CueCountMismatch(ValueError):
    """The answer's markers are not exactly ``1..n`` in order; split the chunk and ask again."""

    def __init__(self, expected: int, found: Sequence[str]) -> None:
        super().__init__(f"expected markers 1..{expected}, found {', '.join(found) or 'none'}")
        self.expected = expected
        self.found = tuple(found)


class TermIndex:
    """Finds which glossary terms occur in a text (case-insensitive, longest term first), in one regex pass.

    Raises:
        ConfigError: a single term is longer than a request can carry (it could never be sent).
    """

    def __init__(self, terms: Iterable[Term], budget: ChunkBudget) -> None:
        self._by_key: dict[str, Term] = {}
        room = budget.max_input_tokens - budget.fixed_tokens() - _MARKER_TOKENS
        for term in terms:
            if not term.source.strip():
                continue
            if term.tokens() >= room:
                shown = term.source if len(term.source) <= 40 else term.source[:37] + "..."
                raise ConfigError(
                    f"The glossary term {shown!r} is longer than one translation request can carry "
                    f"({budget.max_input_tokens:,} tokens); shorten it or remove it from the glossary.",
                    field="glossary",
                )
            self._by_key.setdefault(term.source.casefold(), term)
        sources = sorted(self._by_key, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(s) for s in sources), re.IGNORECASE) if sources else None

    def __len__(self) -> int:
        return len(self._by_key)

    def found_in(self, text: str) -> list[Term]:
        """The terms occurring in ``text``, each once, in order of first occurrence."""
        if self._pattern is None:
            return []
        seen: dict[str, Term] = {}
        for match in self._pattern.finditer(text):
            term = self._by_key.get(match.group(0).casefold())
            if term is not None:
                seen.setdefault(term.source, term)
        return list(seen.values())


def split_long_text(text: str, max_tokens: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``max_tokens`` (estimated), at sentence ends, else spaces, else
    anywhere; the pieces concatenated give ``text`` back exactly."""
    if estimate_tokens(text) <= max_tokens:
        return [text]
    for boundary in (r"(?<=[.!?。！？;；])\s*", r"(?<=\s)", ""):
        tokens = [t for t in (re.split(f"({boundary})", text) if boundary else list(text)) if t]
        pieces = _pack(tokens, max_tokens)
        if all(estimate_tokens(p) <= max_tokens for p in pieces):
            return pieces
    return _pack(list(text), max_tokens)  # pragma: no cover - single characters always fit


def _pack(tokens: Sequence[str], max_tokens: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for token in tokens:
        if current and estimate_tokens(current + token) > max_tokens:
            pieces.append(current)
            current = ""
        current += token
    if current:
        pieces.append(current)
    return pieces


def plan_chunks(
    units: Sequence[TextUnit],
    *,
    terms: TermIndex | None = None,
    budget: ChunkBudget | None = None,
    previous_lines: Callable[[int], Sequence[str]] | None = None,
) -> list[Chunk]:
    """Group ``units`` (in document order) into chunks that fit ``budget``.

    A unit larger than a chunk is first cut into parts (:func:`split_long_text`). Each chunk carries the terms
    found in its own text (not the whole glossary, which would eat the budget) and, as context, the last
    ``budget.context_lines`` lines of the units before it (``previous_lines(index)`` may supply them instead,
    e.g. when the units before were already translated in an earlier run).

    Raises:
        ConfigError: the glossary terms of one unit alone do not fit a request (one sentence naming the unit).
    """
    budget = budget or ChunkBudget()
    terms = terms or TermIndex((), budget)
    room = budget.max_input_tokens - budget.fixed_tokens()
    piece_tokens = max(1, min(budget.chunk_tokens, room // 2))
    chunks: list[Chunk] = []
    current: list[TextUnit] = []
    current_terms: dict[str, Term] = {}
    text_tokens = 0
    term_tokens = 0
    last_lines: list[str] = []
    context: tuple[str, ...] = ()

    def close() -> None:
        nonlocal current, current_terms, text_tokens, term_tokens, context
        if current:
            chunks.append(Chunk(tuple(current), context, tuple(current_terms.values())))
        current, current_terms, text_tokens, term_tokens = [], {}, 0, 0

    for whole in units:
        for unit in _parts(whole, piece_tokens):
            unit_tokens = estimate_tokens(unit.text) + _MARKER_TOKENS
            new_terms = {t.source: t for t in terms.found_in(unit.text) if t.source not in current_terms}
            added_term_tokens = sum(t.tokens() for t in new_terms.values())
            context_tokens = sum(estimate_tokens(line) + _MARKER_TOKENS for line in context)
            over_target = text_tokens + unit_tokens > budget.chunk_tokens
            over_limit = context_tokens + text_tokens + unit_tokens + term_tokens + added_term_tokens > room
            if current and (over_target or over_limit):
                close()
            if not current:
                context = _context_for(unit, last_lines, budget, previous_lines)
                context_tokens = sum(estimate_tokens(line) + _MARKER_TOKENS for line in context)
                new_terms = {t.source: t for t in terms.found_in(unit.text)}
                added_term_tokens = sum(t.tokens() for t in new_terms.values())
                if context_tokens + unit_tokens + added_term_tokens > room:
                    context = ()
                if unit_tokens + added_term_tokens > room:
                    raise ConfigError(
                        f"The glossary terms found in part {unit.index + 1} of the text need more room than one "
                        f"translation request has ({budget.max_input_tokens:,} tokens); use a smaller glossary.",
                        field="glossary",
                    )
            current.append(unit)
            current_terms.update(new_terms)
            text_tokens += unit_tokens
            term_tokens += added_term_tokens
            last_lines = (last_lines + unit.text.splitlines())[-budget.context_lines :] if budget.context_lines else []
    close()
    return chunks


def _parts(unit: TextUnit, max_tokens: int) -> list[TextUnit]:
    pieces = split_long_text(unit.text, max_tokens)
    if len(pieces) == 1:
        return [unit]
    return [TextUnit(unit.index, piece, part=n) for n, piece in enumerate(pieces, start=1)]


def _context_for(
    unit: TextUnit,
    last_lines: Sequence[str],
    budget: ChunkBudget,
    previous_lines: Callable[[int], Sequence[str]] | None,
) -> tuple[str, ...]:
    if budget.context_lines <= 0:
        return ()
    lines = list(previous_lines(unit.index)) if previous_lines is not None else list(last_lines)
    return tuple(line for line in lines[-budget.context_lines :] if line.strip() and "⟦" not in line)


def parse_reply(chunk: Chunk, reply: str) -> dict[str, str]:
    """The translation of each unit of ``chunk`` from the service's ``reply``, keyed by :attr:`TextUnit.key`.

    Context lines (``⟦~⟧``) are dropped; the unit markers must be exactly ``⟦1⟧..⟦n⟧`` in order. A chunk of one
    unit takes the whole reply (without any markers the model added), so splitting always ends.

    Raises:
        CueCountMismatch: the markers do not match; split the chunk (:func:`split_chunk`) and ask again.
    """
    matches = list(_MARKER_LINE.finditer(reply))
    blocks: list[tuple[str, str]] = []
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(reply)
        blocks.append((match.group(1), reply[match.end() : end].strip("\r\n").rstrip()))
    numbered = [(label, text) for label, text in blocks if label != "~"]
    if len(chunk.units) == 1:
        text = "\n".join(text for _, text in numbered) if numbered else _MARKER_LINE.sub("", reply).strip()
        if not numbered and matches:  # the reply only echoed context lines: everything before the first marker
            text = reply[: matches[0].start()].strip()
        return {chunk.units[0].key: text.strip()}
    labels = [label for label, _ in numbered]
    if labels != [str(n) for n in range(1, len(chunk.units) + 1)]:
        raise CueCountMismatch(len(chunk.units), labels)
    return {unit.key: text for unit, (_, text) in zip(chunk.units, numbered, strict=True)}


def split_chunk(chunk: Chunk) -> tuple[Chunk, Chunk]:
    """Two halves of ``chunk`` (it must hold at least two units); the second half's context is the end of the
    first half, and each half keeps only the terms and tm pairs found in its own text."""
    if len(chunk.units) < 2:
        raise ValueError("a chunk of one unit cannot be split")
    middle = len(chunk.units) // 2
    first, second = chunk.units[:middle], chunk.units[middle:]
    lines = [line for unit in first for line in unit.text.splitlines()]
    context_lines = len(chunk.context) or 0
    second_context = tuple(lines[-context_lines:]) if context_lines else ()
    return (
        replace(chunk, units=first, terms=_terms_in(chunk.terms, first), tm=chunk.tm),
        replace(chunk, units=second, context=second_context, terms=_terms_in(chunk.terms, second), tm=chunk.tm),
    )


def _terms_in(terms: Sequence[Term], units: Sequence[TextUnit]) -> tuple[Term, ...]:
    text = "\n".join(unit.text for unit in units).casefold()
    return tuple(term for term in terms if term.source.casefold() in text)


def join_parts(units: Sequence[TextUnit], translations: Mapping[str, str], *, separator: str = " ") -> dict[int, str]:
    """Translations per unit index, with the parts of a cut unit joined by ``separator`` (in part order).

    Units without a translation in ``translations`` are left out.
    """
    parts: dict[int, list[tuple[int, str]]] = {}
    for unit in units:
        if unit.key in translations:
            parts.setdefault(unit.index, []).append((unit.part, translations[unit.key]))
    return {index: separator.join(text for _, text in sorted(pieces)) for index, pieces in parts.items()}
