"""Text documents for Qwen-MT (pure): decoding legacy encodings, Markdown and plain text cut into translatable
units and put back together, and subtitle styling tags kept around the text that is translated.

- :func:`decode_text` reads the bytes of a ``.txt``/``.md``/subtitle file: a BOM decides (UTF-8, UTF-16), else
  strict UTF-8, else the legacy encodings translators meet most (GB18030 ⊃ GBK, Shift-JIS, Big5, EUC-KR, then
  Windows-1252), judged by how plausible the decoded text is. Outputs are always written as UTF-8.
- :func:`parse_markdown` / :func:`parse_plain_text` give :class:`TextDocument`: the units to translate, and a
  :meth:`TextDocument.render` that rebuilds the file with the translations in place. Markdown structure is kept:
  fenced and indented code blocks, front matter, HTML blocks, tables' separator rows, rules and link
  definitions are copied untouched; heading markers, list bullets, numbers and quote markers stay as they were
  and only the text after them is translated. Blank lines and line ends stay where they were.
- :func:`split_styling` / :func:`restore_styling` keep ASS override tags (``{\\i1}``; SRT ``<i>`` arrives from
  pysubs2 in this form) out of the text sent and put them back: leading and trailing tags exactly, inner tags at
  the same relative position in the translation (a word boundary).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from interpreter.core.mt_chunking import TextUnit
from interpreter.errors import MediaFileError

__all__ = [
    "TEXT_DOCUMENT_SUFFIXES",
    "DecodedText",
    "InnerTag",
    "Styling",
    "TextDocument",
    "TextFileError",
    "decode_text",
    "parse_markdown",
    "parse_plain_text",
    "restore_styling",
    "split_styling",
]

SUBTITLE_SUFFIXES = frozenset({".srt", ".vtt", ".ass", ".ssa"})
TEXT_DOCUMENT_SUFFIXES = SUBTITLE_SUFFIXES | {".txt", ".md", ".markdown"}

# Legacy encodings tried, in order, when a file is neither BOM-marked nor UTF-8. GB18030 is a superset of GBK and
# GB2312; cp1252 last because it decodes almost any byte string (it is the fallback for Western text).
_LEGACY_ENCODINGS = ("gb18030", "shift_jis", "big5", "euc_kr", "cp1252")


#: Below this share of plausible characters a decoding is garbage, and the file is reported as not text.
_MIN_PLAUSIBILITY = 0.5


class TextFileError(MediaFileError):
    """A text or subtitle file that cannot be translated (empty, binary, unreadable); one sentence says which."""


@dataclass(frozen=True)
class DecodedText:
    """A decoded file: its ``text`` (line ends normalised to ``\\n``), the ``encoding`` found, and whether it had
    Windows line ends (kept when the output is written)."""

    text: str
    encoding: str
    crlf: bool = False


def decode_text(data: bytes, name: str) -> DecodedText:
    """Decode a text file's bytes (see the module docstring for the order).

    Raises:
        TextFileError: the file is empty, or binary (NUL bytes outside UTF-16, or no encoding reads it).
    """
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise TextFileError(f"{name} is empty; there is nothing to translate.")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _decoded(data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else "utf-16")
            except UnicodeDecodeError as exc:
                raise _not_text(name) from exc
    if b"\x00" in data:
        raise _not_text(name)
    try:
        return _decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for encoding in _LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text, encoding)
        if best is None or score > best[0]:
            best = (score, encoding, text)
    if best is None or best[0] < _MIN_PLAUSIBILITY:
        raise _not_text(name)
    return _decoded(best[2], best[1])


def _not_text(name: str) -> TextFileError:
    suffix = PurePath(name).suffix or "text"
    return TextFileError(
        f"{name} is not a readable {suffix} text file (it looks binary); check that it is the right file."
    )


def _decoded(text: str, encoding: str) -> DecodedText:
    crlf = "\r\n" in text
    return DecodedText(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, crlf)


_KANA = re.compile("[\u3040-\u30ff]")
_HALFWIDTH_KATAKANA = re.compile("[\uff61-\uff9f]")
_HAN = re.compile("[\u4e00-\u9fff]")
_HANGUL = re.compile("[\uac00-\ud7af]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
_RARE_CJK = re.compile("[\u3400-\u4dbf\U00020000-\U0002ffff]")  # extension blocks: rare in real text


def _plausibility(text: str, encoding: str) -> float:
    """How much ``text`` looks like real text in ``encoding`` (1 = entirely plausible, lower = garbage)."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return 1.0
    n = len(non_ascii)
    bad = len(_CONTROL.findall(text)) + len(_RARE_CJK.findall(text)) + len(_HALFWIDTH_KATAKANA.findall(text))
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    hangul = len(_HANGUL.findall(text))
    if encoding == "shift_jis":
        # Japanese prose is full of kana; with them, a Shift-JIS reading beats a Chinese one of the same bytes
        # (which would be all rare ideographs), without them it is unlikely to be Japanese at all.
        good = (kana + han) * (1.5 if kana >= n * 0.1 else 0.5)
    elif encoding in ("gb18030", "big5"):
        good = han - kana * 2  # a Chinese reading full of kana is a Japanese file read wrongly
    elif encoding == "euc_kr":
        good = hangul + han * 0.3
    else:
        good = sum(1 for c in non_ascii if c.isalpha()) * 0.6  # cp1252: accented letters, a weak guess
    return max(0.0, good - bad * 3) / n


@dataclass(frozen=True)
class _Line:
    """One line of a document: ``prefix`` kept as is, ``text`` translated when ``unit`` is not None."""

    prefix: str
    text: str
    unit: int | None
    suffix: str = ""


@dataclass(frozen=True)
class TextDocument:
    """A text document cut into units (one per translatable line), rebuildable with translations."""

    lines: tuple[_Line, ...]
    units: tuple[TextUnit, ...]

    def render(self, translations: Mapping[int, str], *, bilingual: bool = False) -> str:
        """The document with each unit replaced by ``translations[unit.index]`` (a unit without one keeps its
        source text). ``bilingual`` puts the source line above its translation (same prefix)."""
        out: list[str] = []
        for line in self.lines:
            if line.unit is None:
                out.append(line.prefix + line.text + line.suffix)
                continue
            translated = translations.get(line.unit, line.text).replace("\n", " ")
            if bilingual and translated != line.text:
                out.append(line.prefix + line.text + line.suffix)
            out.append(line.prefix + translated + line.suffix)
        return "\n".join(out)


_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_HEADING = re.compile(r"^(\s{0,3}#{1,6}\s+)(.*?)(\s+#+\s*)?$")
_LIST = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)(.*)$")
_QUOTE = re.compile(r"^(\s{0,3}(?:>\s?)+)(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_HTML_LINE = re.compile(r"^\s{0,3}<(/?[A-Za-z][^>]*|!--.*)>\s*$")
_INDENTED_CODE = re.compile(r"^( {4}|\t)")
_TRAILING_BREAK = re.compile(r"(\s{2,}|\\)$")


def parse_markdown(text: str) -> TextDocument:
    """Units of a Markdown document (rules in the module docstring)."""
    lines: list[_Line] = []
    units: list[TextUnit] = []
    fence: str | None = None
    front_matter = text.startswith("---\n")
    previous_blank = True
    for number, raw in enumerate(text.split("\n")):
        if front_matter:
            lines.append(_Line(raw, "", None))
            if number > 0 and raw.strip() in ("---", "..."):
                front_matter = False
            continue
        fence_match = _FENCE.match(raw)
        if fence is not None:
            lines.append(_Line(raw, "", None))
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            lines.append(_Line(raw, "", None))
            continue
        keep = (
            not raw.strip()
            or (previous_blank and _INDENTED_CODE.match(raw) is not None and not _LIST.match(raw))
            or _RULE.match(raw)
            or _TABLE_SEPARATOR.match(raw)
            or _LINK_DEFINITION.match(raw)
            or _HTML_LINE.match(raw)
        )
        previous_blank = not raw.strip() or (previous_blank and bool(_INDENTED_CODE.match(raw)))
        if keep:
            lines.append(_Line(raw, "", None))
            continue
        prefix, body, suffix = _split_markup(raw)
        if not body.strip():
            lines.append(_Line(raw, "", None))
            continue
        index = len(units)
        units.append(TextUnit(index, body))
        # A heading's closing hashes or a hard line break stay at the end of the line (suffix).
        lines.append(_Line(prefix, body, index, suffix))
    return TextDocument(tuple(lines), tuple(units))


def _split_markup(raw: str) -> tuple[str, str, str]:
    for pattern in (_HEADING, _QUOTE, _LIST):
        match = pattern.match(raw)
        if match:
            groups = match.groups()
            prefix, body = groups[0], groups[1]
            suffix = groups[2] if len(groups) > 2 and groups[2] else ""
            inner_prefix, inner_body, inner_suffix = _split_markup(body) if pattern is _QUOTE else ("", body, "")
            return prefix + inner_prefix, inner_body, suffix or inner_suffix
    indent = raw[: len(raw) - len(raw.lstrip())]
    body = raw[len(indent) :]
    brk = _TRAILING_BREAK.search(body)
    if brk:
        return indent, body[: brk.start()], brk.group(0)
    return indent, body, ""


def parse_plain_text(text: str) -> TextDocument:
    """Units of a plain text: every non-blank line is one unit (its indentation kept)."""
    lines: list[_Line] = []
    units: list[TextUnit] = []
    for raw in text.split("\n"):
        if not raw.strip():
            lines.append(_Line(raw, "", None))
            continue
        indent = raw[: len(raw) - len(raw.lstrip())]
        index = len(units)
        units.append(TextUnit(index, raw[len(indent) :].rstrip()))
        lines.append(_Line(indent, raw[len(indent) :].rstrip(), index))
    return TextDocument(tuple(lines), tuple(units))


# ASS override blocks ({\i1}) and the HTML-like tags SRT/VTT cues carry (<i>, <font color=...>, <c.yellow>).
_TAG = r"(?:\{[^{}]*\}|</?[A-Za-z][^<>]*>)"
_OVERRIDE = re.compile(_TAG)
_LINE_BREAK = re.compile(r"\\[Nn]")


@dataclass(frozen=True)
class InnerTag:
    """A tag inside a cue's text: the ``line`` it sat on, its relative place in that line (0..1) and in the whole
    text (used when the translation has a different number of lines)."""

    line: int
    in_line: float
    overall: float
    tag: str


@dataclass(frozen=True)
class Styling:
    """The tags of one cue's text: ``leading``/``trailing`` tags exactly as written, and the inner ones."""

    leading: str
    trailing: str
    inner: tuple[InnerTag, ...]
    lines: int = 1


def split_styling(ass_text: str) -> tuple[str, Styling]:
    """``(plain text with "\\n" line breaks, styling)`` of a pysubs2 event text (``{\\i1}Hi\\Nthere{\\i0}``)."""
    leading_match = re.match(f"{_TAG}+", ass_text)
    leading = leading_match.group(0) if leading_match else ""
    rest = ass_text[len(leading) :]
    trailing_match = re.search(f"{_TAG}+$", rest)
    trailing = trailing_match.group(0) if trailing_match and trailing_match.start() > 0 else ""
    if trailing:
        rest = rest[: len(rest) - len(trailing)]
    positions: list[tuple[int, str]] = []
    plain_parts: list[str] = []
    position = 0
    last = 0
    for match in _OVERRIDE.finditer(rest):
        piece = _LINE_BREAK.sub("\n", rest[last : match.start()])
        plain_parts.append(piece)
        position += len(piece)
        positions.append((position, match.group(0)))
        last = match.end()
    plain_parts.append(_LINE_BREAK.sub("\n", rest[last:]))
    plain = "".join(plain_parts)
    inner = tuple(_inner_tag(plain, at, tag) for at, tag in positions)
    return plain, Styling(leading, trailing, inner, plain.count("\n") + 1)


def _inner_tag(plain: str, at: int, tag: str) -> InnerTag:
    line = plain.count("\n", 0, at)
    line_start = plain.rfind("\n", 0, at) + 1
    line_end = plain.find("\n", at)
    line_end = len(plain) if line_end < 0 else line_end
    width = max(1, line_end - line_start)
    return InnerTag(line, (at - line_start) / width, at / max(1, len(plain)), tag)


def restore_styling(plain: str, styling: Styling) -> str:
    """The pysubs2 event text for translated ``plain`` text with ``styling`` put back (``\\n`` → ``\\N``).

    When the translation has as many lines as the source, each inner tag goes to its own line at the same
    relative place (a tag at a line's end stays at that line's end); otherwise to the same relative place in the
    whole text. Either way it lands on a word boundary.
    """
    text = plain
    same_lines = plain.count("\n") + 1 == styling.lines
    placed: list[tuple[int, str]] = []
    for inner in styling.inner:
        if same_lines:
            starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
            start = starts[inner.line]
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            at = start + _nearest_boundary(text[start:end], round(inner.in_line * (end - start)))
        else:
            at = _nearest_boundary(text, round(inner.overall * len(text)))
        placed.append((at, inner.tag))
    # Insert from the end so earlier positions stay valid; tags on one spot keep their source order.
    for _, at, tag in sorted(
        ((n, at, tag) for n, (at, tag) in enumerate(placed)), key=lambda i: (i[1], i[0]), reverse=True
    ):
        text = text[:at] + tag + text[at:]
    return styling.leading + text.replace("\n", "\\N") + styling.trailing


def _nearest_boundary(text: str, at: int) -> int:
    """The word boundary (space) closest to ``at`` within ``text``; ``at`` itself for text without spaces (CJK)."""
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    candidates = [i for i, c in enumerate(text) if c in " \n"] + [0, len(text)]
    if len(candidates) == 2:
        return at
    return min(candidates, key=lambda i: abs(i - at))


def line_units_of(texts: Sequence[str]) -> tuple[TextUnit, ...]:
    """Units for a list of texts (a transcript, a subtitle file's cues): one per text, blank ones left out."""
    return tuple(TextUnit(index, text) for index, text in enumerate(texts) if text.strip())
