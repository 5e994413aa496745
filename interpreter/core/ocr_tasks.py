"""OCR tasks for people, and the pure rules around them (spec §5): models, pixel ranges, tokens, schemas, tables.

The service's built-in tasks (``parameters.ocr_options.task``) get names a person understands; :data:`TASKS` maps
each :class:`OcrTask` to the service's name, the prompt the OpenAI-compatible form needs (it has no ``ocr_options``,
spec §5.4) and what kind of output to show. :class:`OcrResult` is what a recognition produced, with the renderings
the UI, the CLI and the history need (table rows/CSV/HTML, Markdown, LaTeX, key-information JSON, boxes).

Pure: no I/O. Table HTML is read with the standard library's ``html.parser`` (the model's table is plain HTML).
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from html.parser import HTMLParser
from typing import Any, Literal

from interpreter.core import texts
from interpreter.errors import ConfigError

__all__ = [
    "ABSOLUTE_MAX_PIXELS",
    "DEFAULT_MAX_PIXELS",
    "DEFAULT_MIN_PIXELS",
    "DEFAULT_OCR_MODEL",
    "MAX_BASE64_BYTES",
    "MAX_SCHEMA_DEPTH",
    "MIN_SIDE_PX",
    "OCR_MODELS",
    "TASKS",
    "OcrResult",
    "OcrTask",
    "OcrUsage",
    "OcrWord",
    "PixelRange",
    "TaskInfo",
    "estimate_image_tokens",
    "extract_table_html",
    "flatten_kv",
    "model_scaled_size",
    "parse_table_html",
    "parse_task",
    "patch_size",
    "rows_to_csv",
    "rows_to_html",
    "schema_depth",
    "strip_code_fence",
    "supports_builtin_tasks",
    "validate_schema",
]

#: The qwen-vl-ocr models (spec §5); "-latest" first because it is the one we default to (1 200 RPM).
OCR_MODELS: tuple[str, ...] = (
    "qwen-vl-ocr-latest",
    "qwen-vl-ocr",
    "qwen-vl-ocr-2025-11-20",
    "qwen-vl-ocr-2025-08-28",
    "qwen-vl-ocr-2025-04-13",
    "qwen-vl-ocr-2024-10-28",
)
DEFAULT_OCR_MODEL = "qwen-vl-ocr-latest"

#: The first snapshot has no built-in tasks (spec §5.2 "Not supported by qwen-vl-ocr-2024-10-28").
_NO_TASK_MODELS = frozenset({"qwen-vl-ocr-2024-10-28"})
#: Spec §5.1: 1 token per 32x32 px, "older models 28x28" — we count the two 2024/early-2025 snapshots as older [I].
_PATCH_28_MODELS = frozenset({"qwen-vl-ocr-2024-10-28", "qwen-vl-ocr-2025-04-13"})

#: Spec §5.1: an OCR image is at most 15.68 megapixels.
ABSOLUTE_MAX_PIXELS = 15_680_000
#: Doc example defaults (spec §5.1): 32*32*3 and 32*32*8192.
DEFAULT_MIN_PIXELS = 32 * 32 * 3
DEFAULT_MAX_PIXELS = 32 * 32 * 8192
#: Spec §2.1: Base64 string of an image at most 10 MB.
MAX_BASE64_BYTES = 10 * 1024 * 1024
#: Spec §2.1: width and height must be > 10 px, so 11 is the smallest side.
MIN_SIDE_PX = 11
#: Spec §2.1: aspect ratio at most 200:1.
MAX_ASPECT_RATIO = 200.0
#: Spec §5.2: ``result_schema`` nests at most 3 levels.
MAX_SCHEMA_DEPTH = 3
#: Spec §5.1: each image costs 2 tokens on top of its patches.
_IMAGE_EXTRA_TOKENS = 2


class OcrTask(StrEnum):
    """What to read from an image, named for people (the CLI's ``--task`` values)."""

    TEXT = "text"
    MULTILANG = "multilang"
    TABLE = "table"
    DOCUMENT = "document"
    FORMULA = "formula"
    KEYINFO = "keyinfo"
    POSITIONS = "positions"


OutputKind = Literal["text", "table", "markdown", "latex", "keyinfo", "boxes"]


@dataclass(frozen=True)
class TaskInfo:
    """One task: its service name (``ocr_options.task``), label, output kind and the prompt for plain requests."""

    task: OcrTask
    service_name: str
    label: str
    description: str
    output: OutputKind
    prompt: str


_TEXT_PROMPT = "Please output only the text content from the image without any additional descriptions or formatting."

TASKS: Mapping[OcrTask, TaskInfo] = {
    OcrTask.TEXT: TaskInfo(
        OcrTask.TEXT, "text_recognition", "Read all text", "Plain text, line by line.", "text", _TEXT_PROMPT
    ),
    OcrTask.MULTILANG: TaskInfo(
        OcrTask.MULTILANG,
        "multi_lan",
        "Multilingual text",
        "Text in several languages or scripts.",
        "text",
        _TEXT_PROMPT,
    ),
    OcrTask.TABLE: TaskInfo(
        OcrTask.TABLE,
        "table_parsing",
        "Table",
        "A table, shown as a grid; export CSV or HTML.",
        "table",
        "Recognise the table in the image and output it as an HTML table (<table>, <tr>, <td>) only.",
    ),
    OcrTask.DOCUMENT: TaskInfo(
        OcrTask.DOCUMENT,
        "document_parsing",
        "Document to Markdown",
        "A page with headings, lists and tables, as Markdown.",
        "markdown",
        "Convert the document in the image to Markdown, keeping headings, lists and tables.",
    ),
    OcrTask.FORMULA: TaskInfo(
        OcrTask.FORMULA,
        "formula_recognition",
        "Formula to LaTeX",
        "A mathematical formula, as LaTeX.",
        "latex",
        "Recognise the formula in the image and output it as LaTeX only.",
    ),
    OcrTask.KEYINFO: TaskInfo(
        OcrTask.KEYINFO,
        "key_information_extraction",
        "Key information",
        "Named fields (invoice number, date...) filled in from the image, by a schema.",
        "keyinfo",
        "Extract the key information from the image as JSON with exactly these fields: ",
    ),
    OcrTask.POSITIONS: TaskInfo(
        OcrTask.POSITIONS,
        "advanced_recognition",
        "Text with positions",
        "Each line of text with its box on the image.",
        "boxes",
        "Locate all text lines and return the coordinates of the rotated rectangle([cx, cy, width, height, angle])",
    ),
}

_BY_SERVICE_NAME = {info.service_name: task for task, info in TASKS.items()}


def parse_task(name: str) -> OcrTask:
    """The task called ``name`` (ours, ``keyinfo``, or the service's, ``key_information_extraction``).

    Raises:
        ConfigError: an unknown task name (the sentence lists the known ones).
    """
    key = name.strip().lower()
    if key in OcrTask.__members__.values():
        return OcrTask(key)
    if key in _BY_SERVICE_NAME:
        return _BY_SERVICE_NAME[key]
    known = ", ".join(task.value for task in OcrTask)
    raise ConfigError(texts.OCR_UNKNOWN_TASK(task=name, tasks=known), field="task")


def supports_builtin_tasks(model: str) -> bool:
    """Whether ``model`` takes ``ocr_options.task`` (every snapshot but 2024-10-28)."""
    return model not in _NO_TASK_MODELS


def patch_size(model: str) -> int:
    """Pixels per side of one image token for ``model`` (32, or 28 for the older snapshots)."""
    return 28 if model in _PATCH_28_MODELS else 32


@dataclass(frozen=True)
class PixelRange:
    """``min_pixels``/``max_pixels`` of an image part: the model scales the image (aspect kept) into this range."""

    min_pixels: int = DEFAULT_MIN_PIXELS
    max_pixels: int = DEFAULT_MAX_PIXELS

    def __post_init__(self) -> None:
        if self.min_pixels < 1 or self.max_pixels < self.min_pixels:
            raise ConfigError(texts.OCR_PIXEL_RANGE(), field="pixel_range")
        if self.max_pixels > ABSOLUTE_MAX_PIXELS:
            raise ConfigError(texts.OCR_MAX_PIXELS(pixels=ABSOLUTE_MAX_PIXELS), field="pixel_range")


def model_scaled_size(width: int, height: int, pixel_range: PixelRange, patch: int) -> tuple[int, int]:
    """The size the model reads the image at: sides rounded to whole patches, area inside ``pixel_range``.

    Mirrors the documented behaviour (aspect ratio kept, scaled up under ``min_pixels``, down over ``max_pixels``);
    the rounding to patch multiples is the Qwen-VL convention [I].
    """
    if width <= 0 or height <= 0:
        raise ValueError("image sides must be positive")
    w = max(patch, round(width / patch) * patch)
    h = max(patch, round(height / patch) * patch)
    if w * h > pixel_range.max_pixels:
        factor = math.sqrt(width * height / pixel_range.max_pixels)
        w = max(patch, math.floor(width / factor / patch) * patch)
        h = max(patch, math.floor(height / factor / patch) * patch)
    elif w * h < pixel_range.min_pixels:
        factor = math.sqrt(pixel_range.min_pixels / (width * height))
        w = math.ceil(width * factor / patch) * patch
        h = math.ceil(height * factor / patch) * patch
    return w, h


def estimate_image_tokens(width: int, height: int, *, model: str = DEFAULT_OCR_MODEL, pixel_range: PixelRange) -> int:
    """Input tokens one image of ``width`` x ``height`` costs (spec §5.1: a token per patch, +2 per image)."""
    patch = patch_size(model)
    w, h = model_scaled_size(width, height, pixel_range, patch)
    return (w // patch) * (h // patch) + _IMAGE_EXTRA_TOKENS


# -- key-information schemas --------------------------------------------------------------------------------------


def schema_depth(schema: Mapping[str, Any]) -> int:
    """Nesting levels of a result schema (a flat ``{"field": "description"}`` is 1)."""
    inner = [schema_depth(value) for value in schema.values() if isinstance(value, Mapping)]
    return 1 + max(inner, default=0)


def validate_schema(schema: object, *, source: str | None = None) -> dict[str, Any]:
    """Check a key-information ``result_schema`` and return it as a plain dict.

    Rules (spec §5.2): an object of named fields; each value a description (string, may be empty) or an object of
    sub-fields; at most :data:`MAX_SCHEMA_DEPTH` levels; at least one field.

    Raises:
        ConfigError: one sentence naming ``source`` and what is wrong.
    """
    if source is None:
        source = texts.OCR_THE_SCHEMA()
    if not isinstance(schema, Mapping) or not schema:
        raise ConfigError(texts.OCR_SCHEMA_NOT_OBJECT(source=source), field="schema")

    def check(node: Mapping[Any, Any], path: str) -> dict[str, Any]:
        checked: dict[str, Any] = {}
        for key, value in node.items():
            if not isinstance(key, str) or not key.strip():
                raise ConfigError(texts.OCR_SCHEMA_FIELD_NO_NAME(source=source, where=path), field="schema")
            if isinstance(value, Mapping):
                if not value:
                    raise ConfigError(texts.OCR_SCHEMA_EMPTY_GROUP(source=source, key=key), field="schema")
                checked[key] = check(value, texts.OCR_SCHEMA_IN_GROUP(key=key))
            elif isinstance(value, str):
                checked[key] = value
            else:
                raise ConfigError(texts.OCR_SCHEMA_FIELD_NO_DESCRIPTION(source=source, key=key), field="schema")
        return checked

    result = check(schema, "")
    if schema_depth(result) > MAX_SCHEMA_DEPTH:
        raise ConfigError(texts.OCR_SCHEMA_TOO_DEEP(source=source, depth=MAX_SCHEMA_DEPTH), field="schema")
    return result


# -- model text helpers -------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*```[A-Za-z0-9_+-]*\s*\n(?P<body>.*?)\n?```\s*$", re.DOTALL)


def strip_code_fence(text: str) -> str:
    """The text inside one surrounding ```lang fence, or ``text`` unchanged when it is not fenced."""
    match = _FENCE.match(text)
    return match.group("body") if match else text


_TABLE = re.compile(r"<table\b.*?</table\s*>", re.DOTALL | re.IGNORECASE)


def extract_table_html(text: str) -> str | None:
    """The first ``<table>...</table>`` in a model answer (fenced or not), or None."""
    match = _TABLE.search(text)
    return match.group(0) if match else None


class _TableParser(HTMLParser):
    """Rows of cells of the first table, with ``rowspan``/``colspan`` expanded to keep the grid rectangular."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._spans: dict[tuple[int, int], str] = {}  # (row, col) already filled by a span from above/left
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._cell_span = (1, 1)
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
        elif self._depth != 1:
            return
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            values = dict(attrs)
            self._cell = []
            self._cell_span = (_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        elif self._depth != 1:
            return
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._place(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._fill_spans_to(self._row, None)
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None and self._depth == 1:  # a nested table's text is not this cell's
            self._cell.append(data)

    def _fill_spans_to(self, row: list[str], limit: int | None) -> None:
        r = len(self.rows)
        while (r, len(row)) in self._spans and (limit is None or len(row) < limit):
            row.append(self._spans.pop((r, len(row))))

    def _place(self, text: str) -> None:
        assert self._row is not None
        self._fill_spans_to(self._row, None)
        r, c = len(self.rows), len(self._row)
        rowspan, colspan = self._cell_span
        for dc in range(colspan):
            self._row.append(text if dc == 0 else "")
            for dr in range(1, rowspan):
                self._spans[(r + dr, c + dc)] = ""


_MAX_SPAN = 1000  # a span larger than any real table is a broken attribute, not a 10^9-cell grid


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(value or "1")))
    except ValueError:
        return 1


def parse_table_html(table_html: str) -> list[list[str]]:
    """The rows of an HTML table as a rectangular grid of cell texts (spans expanded with empty cells)."""
    parser = _TableParser()
    parser.feed(table_html)
    parser.close()
    rows = [row for row in parser.rows if row]
    width = max((len(row) for row in rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


def rows_to_csv(rows: Sequence[Sequence[str]], *, excel: bool = False) -> str:
    """CSV text (RFC 4180 quoting, ``\\r\\n`` line ends, as spreadsheets expect) of a grid of cells.

    ``excel``: start with a UTF-8 byte-order mark, which Excel needs to read non-ASCII text in a CSV as UTF-8
    (without it, Chinese or accented cells come out garbled).
    """
    out = io.StringIO()
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


def rows_to_html(rows: Sequence[Sequence[str]]) -> str:
    """A plain HTML table of a grid of cells (texts escaped; the first row is not assumed to be a header)."""
    lines = ["<table>"]
    for row in rows:
        cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in row)
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


# -- results ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OcrWord:
    """One located line of text (``advanced_recognition``): four corners x1,y1..x4,y4 and [cx, cy, w, h, angle]."""

    text: str
    location: tuple[float, ...]
    rotate_rect: tuple[float, ...] = ()

    def corners(self) -> list[tuple[float, float]]:
        """The four corners as points (empty when the location is not 8 numbers)."""
        if len(self.location) != 8:
            return []
        return [(self.location[i], self.location[i + 1]) for i in range(0, 8, 2)]


@dataclass(frozen=True)
class OcrUsage:
    """Token usage of one recognition (missing counts are 0)."""

    input_tokens: int = 0
    output_tokens: int = 0
    image_tokens: int = 0
    total_tokens: int = 0


@dataclass(frozen=True)
class OcrResult:
    """What one recognition produced, and its renderings.

    Attributes:
        task: the task asked for.
        text: the model's text answer (for a table, the HTML; for key information, the fenced JSON).
        words: located lines (positions task).
        kv: key-information result (the ``kv_result`` object, or the JSON parsed from the text).
        usage: token usage.
        model: the model that answered.
        request_id: the service's request id.
    """

    task: OcrTask
    text: str
    words: tuple[OcrWord, ...] = ()
    kv: Mapping[str, Any] | None = None
    usage: OcrUsage = field(default_factory=OcrUsage)
    model: str = ""
    request_id: str = ""

    @property
    def is_empty(self) -> bool:
        """True when nothing was recognised (an image without text): "no text found", not an error."""
        if self.words:
            return False
        if self.task is OcrTask.KEYINFO and self.kv is not None:
            return not _has_value(self.kv)  # a schema's fields all left blank: the image did not have them
        return not self.plain_text.strip()

    @property
    def table_rows(self) -> list[list[str]]:
        """The table as a grid (empty when the answer has no table)."""
        table = extract_table_html(self.text)
        return parse_table_html(table) if table else []

    @property
    def markdown(self) -> str:
        """The answer as Markdown (a document; a table becomes a pipe table)."""
        if self.task is OcrTask.TABLE and self.table_rows:
            return _markdown_table(self.table_rows)
        if self.task is OcrTask.FORMULA:
            return f"$$\n{self.latex}\n$$"
        return strip_code_fence(self.text).strip()

    @property
    def latex(self) -> str:
        """The formula's LaTeX without fences or ``$$`` delimiters."""
        body = strip_code_fence(self.text).strip()
        for opener, closer in (("$$", "$$"), ("\\[", "\\]"), ("$", "$")):
            if body.startswith(opener) and body.endswith(closer) and len(body) > len(opener) + len(closer):
                return body[len(opener) : -len(closer)].strip()
        return body

    @property
    def kv_json(self) -> str:
        """The key information as indented JSON (``{}`` when there is none)."""
        return json.dumps(dict(self.kv or {}), ensure_ascii=False, indent=2)

    @property
    def plain_text(self) -> str:
        """Readable text for translation and copying, whatever the task."""
        if self.task is OcrTask.POSITIONS and self.words:
            return "\n".join(word.text for word in self.words)
        if self.task is OcrTask.TABLE and self.table_rows:
            return "\n".join("\t".join(row) for row in self.table_rows)
        if self.task is OcrTask.KEYINFO and self.kv is not None:
            return "\n".join(f"{path}: {value}" for path, value in flatten_kv(self.kv))
        if self.task is OcrTask.FORMULA:
            return self.latex
        return strip_code_fence(self.text).strip()

    def rendered(self) -> str:
        """The one rendering the CLI prints for this task: text, CSV, Markdown, LaTeX or JSON."""
        if self.task is OcrTask.TABLE and self.table_rows:
            return rows_to_csv(self.table_rows)
        if self.task is OcrTask.KEYINFO:
            return self.kv_json + "\n"
        if self.task is OcrTask.POSITIONS:
            items = [
                {"text": w.text, "location": list(w.location), "rotate_rect": list(w.rotate_rect)} for w in self.words
            ]
            return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
        if self.task is OcrTask.FORMULA:
            return self.latex + "\n"
        if self.task is OcrTask.DOCUMENT:
            return self.markdown + "\n"
        return self.plain_text + "\n"


def flatten_kv(kv: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """``("group / field", value)`` pairs of a nested key-information result, in order."""
    pairs: list[tuple[str, str]] = []
    for key, value in kv.items():
        path = f"{prefix} / {key}" if prefix else str(key)
        if isinstance(value, Mapping):
            pairs.extend(flatten_kv(value, path))
        else:
            pairs.append((path, "" if value is None else str(value)))
    return pairs


def _has_value(value: object) -> bool:
    if isinstance(value, Mapping):
        return any(_has_value(v) for v in value.values())
    return value not in (None, "")


def _markdown_table(rows: Sequence[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"

    header, *body = rows
    return "\n".join([line(header), "| " + " | ".join("---" for _ in header) + " |", *(line(row) for row in body)])
