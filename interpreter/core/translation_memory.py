"""Translation memory: source/target pairs a user approved, picked per request by similarity (``tm_list``).

Qwen-MT takes ``tm_list`` pairs as examples to follow (spec §4.2); they count against the 8 192-token input limit,
so a request carries only the pairs most like its own text, within a token budget. Similarity is the overlap of
word (or, for CJK, character-pair) shingles — cheap, language-neutral and good at finding the recurring sentences
that translation memories exist for.

Import: TMX (``<tu>``/``<tuv xml:lang>``/``<seg>``; the pair of languages asked for, or the first two) and CSV/TSV
through the glossary reader (same forgiving rules). Pure: bytes in, pairs out; no file access.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from interpreter.core.glossary import GlossaryFormatError, parse_glossary_csv
from interpreter.core.mt_chunking import TmPair

__all__ = ["TranslationMemory", "parse_tm_csv", "parse_tmx"]

#: Share of a pair's shingles the text must contain for the pair to be sent: below a quarter, what is shared is
#: mostly function words ("the", "is"), which teach the model nothing and only spend the budget.
MIN_SIMILARITY = 0.25

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_WORD = re.compile(r"\w+", re.UNICODE)
_WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\U00020000-\U0002ffff]")


def _shingles(text: str) -> frozenset[str]:
    folded = text.casefold()
    words = _WORD.findall(folded)
    grams = set(words)
    grams.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    wide = "".join(_WIDE.findall(folded))
    grams.update(wide[i : i + 2] for i in range(len(wide) - 1))
    return frozenset(grams)


@dataclass(frozen=True)
class _Entry:
    pair: TmPair
    shingles: frozenset[str]
    tokens: int


class TranslationMemory:
    """Approved pairs; :meth:`pick` chooses the ones to send with a request."""

    def __init__(self, pairs: Iterable[TmPair] = ()) -> None:
        self._entries: dict[str, _Entry] = {}
        self.extend(pairs)

    def __len__(self) -> int:
        return len(self._entries)

    def pairs(self) -> list[TmPair]:
        return [entry.pair for entry in self._entries.values()]

    def add(self, source: str, target: str) -> None:
        """Add or replace the pair for ``source`` (a later approval wins)."""
        if source.strip() and target.strip():
            pair = TmPair(source.strip(), target.strip())
            self._entries[pair.source] = _Entry(pair, _shingles(pair.source), pair.tokens())

    def extend(self, pairs: Iterable[TmPair]) -> None:
        for pair in pairs:
            self.add(pair.source, pair.target)

    def pick(self, text: str, max_tokens: int, *, max_pairs: int = 20) -> list[TmPair]:
        """The pairs most similar to ``text`` (best first) whose tokens add up to at most ``max_tokens``.

        Pairs sharing less than :data:`MIN_SIMILARITY` with ``text`` are never sent.
        """
        if max_tokens <= 0 or not self._entries:
            return []
        wanted = _shingles(text)
        if not wanted:
            return []
        scored: list[tuple[float, int, _Entry]] = []
        for order, entry in enumerate(self._entries.values()):
            common = len(wanted & entry.shingles)
            if common / len(entry.shingles) >= MIN_SIMILARITY:
                # Containment of the pair in the text, so a short exact sentence of a long chunk scores high.
                scored.append((common / len(entry.shingles), -order, entry))
        scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
        picked: list[TmPair] = []
        spent = 0
        for _, _, entry in scored:
            if len(picked) >= max_pairs:
                break
            if spent + entry.tokens <= max_tokens:
                picked.append(entry.pair)
                spent += entry.tokens
        return picked


def parse_tmx(data: bytes, *, source_lang: str | None = None, target_lang: str | None = None) -> list[TmPair]:
    """Pairs from a TMX file. Languages match by prefix ("en" matches "en-US"); without them, each unit's first
    two variants are taken.

    Raises:
        GlossaryFormatError: not XML, or no translation unit with both languages (one sentence).
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise GlossaryFormatError(
            "The translation memory is not a valid TMX file; export it again as TMX or CSV.", detail=str(exc)
        ) from exc
    pairs: list[TmPair] = []
    for unit in root.iter("tu"):
        variants = [(str(tuv.get(_XML_LANG) or tuv.get("lang") or ""), _segment_text(tuv)) for tuv in unit.iter("tuv")]
        source = _variant(variants, source_lang, 0)
        target = _variant(variants, target_lang, 1)
        if source and target:
            pairs.append(TmPair(source, target))
    if not pairs:
        raise GlossaryFormatError("The TMX file holds no translation unit with both languages; nothing to import.")
    return pairs


def _segment_text(tuv: ET.Element) -> str:
    seg = tuv.find("seg")
    return "".join(seg.itertext()).strip() if seg is not None else ""


def _variant(variants: Sequence[tuple[str, str]], lang: str | None, position: int) -> str:
    if lang:
        wanted = lang.casefold().replace("_", "-")
        for code, text in variants:
            if code.casefold().replace("_", "-").split("-")[0] == wanted.split("-")[0]:
                return text
        return ""
    return variants[position][1] if len(variants) > position else ""


def parse_tm_csv(data: bytes) -> list[TmPair]:
    """Pairs from a two-column CSV/TSV (the glossary reader's rules: encodings, delimiters, optional header).

    Raises:
        GlossaryFormatError: the file is not readable text (one sentence).
    """
    result = parse_glossary_csv(data)
    return [TmPair(entry.source, entry.target) for entry in result.entries if entry.target.strip()]
