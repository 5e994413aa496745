"""Glossaries: named tables of source term → required translation, and their CSV/TSV form.

One model serves every flow that honours terminology:

- live sessions send :meth:`Glossary.as_phrases` as ``translation.corpus.phrases`` (spec §1.5);
- Qwen-MT text translation sends :meth:`Glossary.as_terms` as ``translation_options.terms`` (spec §4.2);
- Qwen-MT-Image sends :meth:`Glossary.as_terminologies` as ``input.ext.terminologies`` (spec §6).

The module is pure: it turns bytes or text into entries and back, and never opens a file. Reading and writing
files is the caller's job (``interpreter.store.glossaries`` for the saved glossaries, the dialogs for import and
export).

CSV import is forgiving on purpose, because glossaries arrive from spreadsheets, term bases and colleagues'
scripts: UTF-8 with or without a byte-order mark (and UTF-16 with a BOM, which is what Excel's "Unicode text"
export writes), comma, semicolon, tab or pipe delimiters (sniffed), an optional header, quoted fields containing
delimiters or line breaks, blank lines and CRLF line ends. A malformed row is reported with its line number and
the remaining rows are still imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum

from interpreter.core import texts
from interpreter.core.catalog import load_catalog
from interpreter.core.messages import UserMessage
from interpreter.errors import InterpreterError

__all__ = [
    "DELIMITERS",
    "EntryIssue",
    "Glossary",
    "GlossaryEntry",
    "GlossaryFormatError",
    "ImportProblem",
    "ImportResult",
    "IssueKind",
    "decode_glossary_bytes",
    "format_glossary_csv",
    "parse_glossary_csv",
    "term_key",
]

# Candidate delimiters, in the order that wins a tie when sniffing: tab and semicolon first because a term
# containing a comma ("Smith, John") is far more common than one containing a tab or a semicolon.
DELIMITERS: tuple[str, ...] = ("\t", ";", ",", "|")

_DELIMITER_NAMES = {
    "\t": texts.DELIMITER_TAB,
    ";": texts.DELIMITER_SEMICOLON,
    ",": texts.DELIMITER_COMMA,
    "|": texts.DELIMITER_VERTICAL_BAR,
}

# Header cells we recognise (compared case-insensitively after trimming). A header row may also name the two
# languages ("en,zh" or "English,Chinese"); that ties the imported glossary to that language pair.
_SOURCE_HEADERS = frozenset(
    {"source", "source term", "src", "term", "from", "original", "source text", "hotword", "原文", "术语", "源语言"}
)
_TARGET_HEADERS = frozenset(
    {"target", "target term", "tgt", "translation", "to", "target text", "译文", "翻译", "目标语言"}
)

# The header may carry a language in parentheses, e.g. "source (en)"; this pulls it out.
_HEADER_LANGUAGE = re.compile(r"^(?P<label>.*?)\s*\((?P<lang>[^()]+)\)\s*$")

# How many bytes of a file we accept as a glossary. Live phrase maps and qwen-mt term lists count towards the
# request's token budget (8,192 input tokens for qwen-mt, spec §4.2), so a multi-megabyte "glossary" is a mistake
# (usually the wrong file picked), and refusing it early beats freezing the dialog.
MAX_IMPORT_BYTES = 5 * 1024 * 1024


class GlossaryFormatError(InterpreterError):
    """A glossary file that cannot be read at all (wrong encoding, not text, far too large)."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary row: a source term and the translation the service must use for it.

    Terms are kept exactly as typed; comparisons use :func:`term_key`.
    """

    source: str
    target: str


class IssueKind(Enum):
    """Why a glossary row deserves the user's attention."""

    EMPTY_SOURCE = "empty_source"
    EMPTY_TARGET = "empty_target"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class EntryIssue:
    """A problem with one row of a glossary (0-based ``index`` into ``Glossary.entries``)."""

    index: int
    kind: IssueKind
    message: UserMessage


def term_key(term: str) -> str:
    """The form under which two source terms count as the same (trimmed, case-folded).

    "Cloud " and "cloud" are duplicates to a user, and sending both would only make the service pick one.
    """
    return " ".join(term.split()).casefold()


@dataclass(frozen=True)
class Glossary:
    """A named glossary, optionally tied to a language pair.

    Args:
        name: the name users pick it by ("Keynote 2025", "ACME client"); unique within the saved glossaries.
        entries: the rows in the user's order (any iterable; stored as a tuple so a glossary can be shared and
            kept on an undo stack without copying).
        source_lang: language code of the source terms, or None when the glossary fits any source language.
        target_lang: language code of the translations, or None when not tied to a target language.
    """

    name: str
    # Typed as a Sequence so callers may pass a list; __post_init__ stores a tuple.
    entries: Sequence[GlossaryEntry] = field(default_factory=tuple)
    source_lang: str | None = None
    target_lang: str | None = None

    def __post_init__(self) -> None:
        # Accept the list the contract documents while keeping the dataclass immutable.
        object.__setattr__(self, "entries", tuple(self.entries))

    # ---- what the service flows send -------------------------------------------------------------------------

    def usable_entries(self) -> list[GlossaryEntry]:
        """Rows fit to send: both sides non-blank, whitespace trimmed, the first of any duplicates kept.

        Empty and duplicate rows stay in the glossary (the table flags them) but are never sent: an empty term
        means nothing to the service, and of two translations for one term the first is the one the user sees
        at the top of the table.
        """
        seen: set[str] = set()
        usable: list[GlossaryEntry] = []
        for entry in self.entries:
            source, target = entry.source.strip(), entry.target.strip()
            key = term_key(source)
            if not source or not target or key in seen:
                continue
            seen.add(key)
            usable.append(GlossaryEntry(source, target))
        return usable

    def as_phrases(self) -> dict[str, str]:
        """The live ``translation.corpus.phrases`` map ``{source term: target term}`` (spec §1.5)."""
        return {entry.source: entry.target for entry in self.usable_entries()}

    def as_terms(self) -> list[dict[str, str]]:
        """Qwen-MT ``translation_options.terms``: ``[{"source": ..., "target": ...}]`` (spec §4.2)."""
        return [{"source": entry.source, "target": entry.target} for entry in self.usable_entries()]

    def as_terminologies(self) -> list[dict[str, str]]:
        """Qwen-MT-Image ``input.ext.terminologies``: ``[{"src": ..., "tgt": ...}]`` (spec §6)."""
        return [{"src": entry.source, "tgt": entry.target} for entry in self.usable_entries()]

    # ---- checks and edits ------------------------------------------------------------------------------------

    def issues(self) -> list[EntryIssue]:
        """Every flagged row, in row order: empty source, empty translation, or a repeated source term.

        A duplicate is flagged on each later occurrence and names the row (1-based, as the table shows it) of
        the first one, which is the one that is used.
        """
        first_row: dict[str, int] = {}
        found: list[EntryIssue] = []
        for index, entry in enumerate(self.entries):
            source, target = entry.source.strip(), entry.target.strip()
            if not source:
                found.append(EntryIssue(index, IssueKind.EMPTY_SOURCE, texts.ROW_EMPTY_SOURCE()))
                continue
            key = term_key(source)
            if key in first_row:
                found.append(
                    EntryIssue(
                        index,
                        IssueKind.DUPLICATE,
                        texts.ROW_DUPLICATE(term=source, row=first_row[key] + 1),
                    )
                )
                continue
            first_row[key] = index
            if not target:
                found.append(EntryIssue(index, IssueKind.EMPTY_TARGET, texts.ROW_EMPTY_TARGET()))
        return found

    def applies_to(self, source_lang: str | None, target_lang: str | None) -> bool:
        """Whether this glossary fits a session translating ``source_lang`` → ``target_lang``.

        A side the glossary is not tied to fits anything, and an unknown session side (auto-detected source)
        fits any glossary.
        """
        if self.source_lang and source_lang and self.source_lang != source_lang:
            return False
        return not (self.target_lang and target_lang and self.target_lang != target_lang)

    def with_entries(self, entries: Iterable[GlossaryEntry]) -> Glossary:
        """A copy with other rows."""
        return replace(self, entries=tuple(entries))

    def search(self, text: str) -> list[int]:
        """Indexes of rows whose source or translation contains ``text`` (case-insensitive)."""
        needle = text.casefold().strip()
        return [
            index
            for index, entry in enumerate(self.entries)
            if needle in entry.source.casefold() or needle in entry.target.casefold()
        ]


# ---- CSV / TSV ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One row that was skipped or needs a look, with its 1-based line number in the file.

    ``skipped`` says whether the row was left out (True) or imported and flagged (False).
    """

    line: int
    message: UserMessage
    skipped: bool = True

    def __str__(self) -> str:
        return str(self.as_message())

    def as_message(self) -> UserMessage:
        """ "Line 3: …" as one translatable message (``message`` nested in it)."""
        return texts.CSV_PROBLEM_ON_LINE(line=self.line, problem=self.message)


@dataclass(frozen=True)
class ImportResult:
    """What :func:`parse_glossary_csv` made of a file.

    Attributes:
        entries: the imported rows in file order.
        problems: rows skipped or flagged, in file order.
        delimiter: the delimiter that was used (sniffed unless given).
        had_header: whether the first row was taken as a header.
        source_lang / target_lang: the language pair named in the header, if it named one.
    """

    entries: tuple[GlossaryEntry, ...]
    problems: tuple[ImportProblem, ...]
    delimiter: str
    had_header: bool
    source_lang: str | None = None
    target_lang: str | None = None

    def summary(self) -> str:
        """One sentence for the user: how many rows came in and how many need a look."""
        skipped = sum(1 for p in self.problems if p.skipped)
        flagged = len(self.problems) - skipped
        parts = [f"Imported {len(self.entries)} {'term' if len(self.entries) == 1 else 'terms'}"]
        if skipped:
            parts.append(f"skipped {skipped} malformed {'row' if skipped == 1 else 'rows'}")
        if flagged:
            parts.append(f"{flagged} {'row needs' if flagged == 1 else 'rows need'} a look")
        return ", ".join(parts) + "."


def decode_glossary_bytes(data: bytes) -> str:
    """Decode a glossary file: UTF-8 (with or without BOM), or UTF-16 when it starts with a UTF-16 BOM.

    Raises:
        GlossaryFormatError: the file is too large or is not UTF-8/UTF-16 text.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise GlossaryFormatError(texts.GLOSSARY_FILE_TOO_LARGE(megabytes=MAX_IMPORT_BYTES // (1024 * 1024)))
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryFormatError(
            texts.GLOSSARY_NOT_UTF8(),
            detail=f"{exc.reason} at byte {exc.start}",
        ) from exc


def _language_code(cell: str) -> str | None:
    """The catalog language code a header cell names ("en", "English", "EN"), else None."""
    text = cell.strip()
    if not text:
        return None
    catalog = load_catalog()
    lowered = text.casefold()
    if lowered in catalog.languages:
        return lowered
    for code, language in catalog.languages.items():
        if language.name.casefold() == lowered:
            return code
    return None


@dataclass(frozen=True)
class _Header:
    width: int
    source_column: int
    target_column: int
    source_lang: str | None
    target_lang: str | None


def _parse_header(cells: Sequence[str]) -> _Header | None:
    """Interpret a first row as a header, or None when it looks like data."""
    labels: list[str] = []
    langs: list[str | None] = []
    for cell in cells:
        text = cell.strip()
        match = _HEADER_LANGUAGE.match(text)
        lang = _language_code(match.group("lang")) if match else None
        if match and lang:
            labels.append(match.group("label").strip().casefold())
            langs.append(lang)
        else:
            labels.append(text.casefold())
            langs.append(None)
    source_col = next((i for i, label in enumerate(labels) if label in _SOURCE_HEADERS), None)
    target_col = next((i for i, label in enumerate(labels) if label in _TARGET_HEADERS), None)
    if source_col is not None and target_col is not None:
        return _Header(
            len(_trim_trailing_empty(list(cells))), source_col, target_col, langs[source_col], langs[target_col]
        )
    # A header made of two language names/codes: "en;zh", "English\tChinese".
    nonblank = [c for c in cells if c.strip()]
    if len(nonblank) == 2 and len(cells) >= 2:
        first, second = _language_code(cells[0]), _language_code(cells[1])
        if first and second and first != second:
            return _Header(2, 0, 1, first, second)
    return None


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Rows of ``text`` with the 1-based line each starts on (a quoted field may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    rows: list[tuple[int, list[str]]] = []
    next_line = 1
    for row in reader:
        rows.append((next_line, row))
        next_line = reader.line_num + 1
    return rows


def _trim_trailing_empty(row: list[str]) -> list[str]:
    """Drop empty cells after the last filled one (spreadsheets export "a;b;;")."""
    end = len(row)
    while end > 0 and not row[end - 1].strip():
        end -= 1
    return row[:end]


def _clean_cell(cell: str) -> str:
    """A cell as a term: trimmed, and line breaks or runs of spaces inside it collapsed to one space.

    A quoted cell may hold a line break (a wrapped spreadsheet cell); the service matches terms in running
    speech, where a line break means nothing but a space.
    """
    return " ".join(cell.split())


def _sniff_delimiter(text: str) -> str:
    """The candidate delimiter that splits the most rows into exactly two cells.

    ``csv.Sniffer`` guesses from character frequencies and is easily fooled by a comma inside a term; parsing
    with each candidate and counting well-formed rows is slower but only ever looks at a small table.
    """
    best, best_score = DELIMITERS[-2], (-1, -1)  # comma if nothing fits: the most common CSV
    for delimiter in DELIMITERS:
        if delimiter not in text:
            continue
        rows = [_trim_trailing_empty(row) for _, row in _records(text, delimiter)]
        rows = [row for row in rows if row]
        exactly_two = sum(1 for row in rows if len(row) == 2)
        at_least_two = sum(1 for row in rows if len(row) >= 2)
        score = (exactly_two, at_least_two)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_glossary_csv(data: bytes | str, *, delimiter: str | None = None) -> ImportResult:
    """Parse a CSV/TSV glossary: two columns, source term then translation, header optional.

    Rules, chosen so that a messy real-world file imports as much as it safely can:

    - blank rows are ignored; cells are trimmed and inner line breaks become spaces; empty trailing cells
      ("a;b;;") are ignored;
    - a header is recognised by its labels ("source"/"target", "term"/"translation", "原文"/"译文", …), possibly
      with a language in parentheses ("source (en)"), or by naming two languages ("en,zh"); a header may put the
      columns in any order and may have extra columns (notes), which are ignored;
    - without a header, a row with more than two filled cells is ambiguous and is skipped and reported;
    - a row with one filled cell or an empty source term is skipped and reported;
    - a row with an empty translation is imported and reported (the table flags it until it is filled in);
    - a repeated source term is imported and reported (the first occurrence is the one used).

    Args:
        data: the file's bytes (decoded with :func:`decode_glossary_bytes`) or already-decoded text.
        delimiter: force a delimiter instead of sniffing it.

    Raises:
        GlossaryFormatError: the bytes are not UTF-8/UTF-16 text or are too large.
    """
    text = decode_glossary_bytes(data) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    chosen = delimiter if delimiter is not None else _sniff_delimiter(text)
    named = _DELIMITER_NAMES.get(chosen)
    delimiter_name = named() if named is not None else repr(chosen)
    records = [(line, row) for line, row in _records(text, chosen) if any(cell.strip() for cell in row)]

    header: _Header | None = None
    if records:
        header = _parse_header(records[0][1])
        if header is not None:
            records = records[1:]
    source_col = header.source_column if header else 0
    target_col = header.target_column if header else 1

    entries: list[GlossaryEntry] = []
    problems: list[ImportProblem] = []
    first_line: dict[str, int] = {}
    # Without a header a row must be exactly "source, translation"; a header may announce extra columns (notes).
    max_columns = max(2, header.width) if header else 2
    for line, raw in records:
        row = _trim_trailing_empty([_clean_cell(cell) for cell in raw])
        if len(row) > max_columns:
            problems.append(
                ImportProblem(
                    line,
                    texts.CSV_TOO_MANY_COLUMNS(found=len(row), expected=max_columns),
                )
            )
            continue
        if len(raw) < 2:  # no delimiter at all ("a;" with an empty translation is a different case, below)
            problems.append(
                ImportProblem(
                    line,
                    texts.CSV_ONE_COLUMN(delimiter=delimiter_name),
                )
            )
            continue
        source = row[source_col] if source_col < len(row) else ""
        target = row[target_col] if target_col < len(row) else ""
        if not source:
            problems.append(ImportProblem(line, texts.CSV_EMPTY_SOURCE()))
            continue
        key = term_key(source)
        if key in first_line:
            problems.append(
                ImportProblem(
                    line,
                    texts.CSV_DUPLICATE(term=source, line=first_line[key]),
                    skipped=False,
                )
            )
        else:
            first_line[key] = line
        if not target:
            problems.append(ImportProblem(line, texts.CSV_NO_TRANSLATION(term=source), skipped=False))
        entries.append(GlossaryEntry(source, target))

    return ImportResult(
        entries=tuple(entries),
        problems=tuple(problems),
        delimiter=chosen,
        had_header=header is not None,
        source_lang=header.source_lang if header else None,
        target_lang=header.target_lang if header else None,
    )


def format_glossary_csv(glossary: Glossary, *, delimiter: str = ",", header: bool = True) -> str:
    """Write a glossary as CSV (``delimiter=","``) or TSV (``"\\t"``), with CRLF line ends (RFC 4180).

    The header names the language pair when the glossary has one ("source (en)", "target (zh)"), so exporting and
    importing again keeps it. Every row is written, including flagged ones: an export is a backup, not a
    selection. Fields are quoted only when needed. Callers add a UTF-8 BOM when the file is for Excel.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        source_label = f"source ({glossary.source_lang})" if glossary.source_lang else "source"
        target_label = f"target ({glossary.target_lang})" if glossary.target_lang else "target"
        writer.writerow([source_label, target_label])
    for entry in glossary.entries:
        writer.writerow([entry.source, entry.target])
    return buffer.getvalue()
