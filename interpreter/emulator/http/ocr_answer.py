"""The emulator's OCR answer per task, from what Tesseract read (spec §5.2, §5.3 output shapes).

- ``text_recognition`` / ``multi_lan``: the lines, paragraphs separated by a blank line.
- ``table_parsing``: an HTML ``<table>``: each row's words split into cells at wide gaps, cells put under the
  columns of the fullest row.
- ``document_parsing``: Markdown: a line clearly taller than the body is a ``#`` heading, bullets become ``- ``.
- ``formula_recognition``: LaTeX from the read characters (× ÷ ≤ ≥ ± √ and Greek letters mapped to commands).
- ``key_information_extraction``: ``ocr_result.kv_result`` per ``result_schema`` (a field's value is what follows
  its name on a line, "Name: value", else the next line; "" when the image lacks it), and the JSON as ``text`` in a
  ```json fence.
- ``advanced_recognition``: ``ocr_result.words_info``: per line ``location`` (4 corners) and ``rotate_rect``
  ``[cx, cy, width, height, angle]`` in the coordinates of the image as sent; ``text`` lists them too.
- A plain prompt (OpenAI-compatible or native without a task): the task its words ask for (table, Markdown, LaTeX,
  JSON, locate), else text.

Without Tesseract the text is a labelled placeholder (``[emulator] ...``). Usage (spec §5.1): image tokens = one
per 32x32 px patch (28x28 for the older snapshots) of the image scaled into the pixel range, + 2.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from interpreter.emulator.http.ocr_recognizer import Line, Recognition
from interpreter.emulator.http.ocr_request import PATCH_28_MODELS, OcrRequest

#: Built-in prompt tokens the service adds for a task (a CNB capture shows 24 text tokens for a plain prompt).
_TASK_PROMPT_TOKENS = 24
#: A gap between words wider than this many line heights separates two table cells.
_CELL_GAP_LINE_HEIGHTS = 1.2
#: A line at least this much taller than the median is a heading.
_HEADING_RATIO = 1.35

_BULLETS = ("•", "·", "-", "*", "‣", "◦")
_LATEX = {
    "×": r"\times ",
    "÷": r"\div ",
    "≤": r"\leq ",
    "≥": r"\geq ",
    "±": r"\pm ",
    "≠": r"\neq ",
    "∞": r"\infty ",
    "√": r"\sqrt ",
    "α": r"\alpha ",
    "β": r"\beta ",
    "γ": r"\gamma ",
    "δ": r"\delta ",
    "π": r"\pi ",
    "σ": r"\sigma ",
    "θ": r"\theta ",
    "λ": r"\lambda ",
    "μ": r"\mu ",
    "Σ": r"\sum ",
    "∫": r"\int ",
}


@dataclass
class OcrAnswer:
    """The answer: text, optional ``ocr_result`` object, usage."""

    text: str
    ocr_result: dict[str, Any] | None
    usage: dict[str, Any] = field(default_factory=dict)
    finish_reason: str = "stop"


def placeholder(width: int, height: int) -> str:
    return (
        f"[emulator] Tesseract is not installed here, so no text was read from this {width}x{height} image "
        "(install tesseract-ocr for real recognition)."
    )


def effective_task(request: OcrRequest) -> str:
    """The built-in task, or the one a plain prompt asks for."""
    if request.task is not None:
        return request.task
    prompt = (request.prompt or "").lower()
    for words, task in (
        (("rotated rectangle", "coordinates", "locate"), "advanced_recognition"),
        (("table",), "table_parsing"),
        (("latex", "formula"), "formula_recognition"),
        (("markdown", "document"), "document_parsing"),
        (("json", "key information"), "key_information_extraction"),
    ):
        if any(word in prompt for word in words):
            return task
    return "text_recognition"


def _paragraph_text(lines: tuple[Line, ...]) -> str:
    parts: list[str] = []
    previous: Line | None = None
    for line in lines:
        if previous is not None and (line.block, line.paragraph) != (previous.block, previous.paragraph):
            parts.append("")
        parts.append(line.text)
        previous = line
    return "\n".join(parts)


def _cells(line: Line) -> list[tuple[int, str]]:
    """(left x, text) of each cell of a row: words joined unless a gap wider than the cell gap lies between."""
    gap = max(8.0, line.height * _CELL_GAP_LINE_HEIGHTS)
    cells: list[tuple[int, list[str], int]] = []  # left, words, right
    for word in line.words:
        if cells and word.left - cells[-1][2] <= gap:
            cells[-1][1].append(word.text)
            cells[-1] = (cells[-1][0], cells[-1][1], word.left + word.width)
        else:
            cells.append((word.left, [word.text], word.left + word.width))
    return [(left, " ".join(words)) for left, words, _right in cells]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table_html(lines: tuple[Line, ...]) -> str:
    rows = [_cells(line) for line in lines]
    if not rows:
        return ""
    columns = [left for left, _ in max(rows, key=len)]
    html = ["<table>"]
    for row in rows:
        grid = [""] * len(columns)
        for left, text in row:
            index = min(range(len(columns)), key=lambda c: abs(columns[c] - left))
            grid[index] = f"{grid[index]} {text}".strip()
        html.append("<tr>" + "".join(f"<td>{_escape(cell)}</td>" for cell in grid) + "</tr>")
    html.append("</table>")
    return "\n".join(html)


def document_markdown(recognition: Recognition) -> str:
    median = recognition.median_line_height
    parts: list[str] = []
    previous: Line | None = None
    for line in recognition.lines:
        text = line.text
        if previous is not None and (line.block, line.paragraph) != (previous.block, previous.paragraph):
            parts.append("")
        if median and line.height >= median * _HEADING_RATIO:
            if parts and parts[-1] != "":
                parts.append("")
            parts.extend([f"# {text}", ""])
        elif text.startswith(_BULLETS):
            parts.append("- " + text.lstrip("".join(_BULLETS)).strip())
        else:
            parts.append(text)
        previous = line
    return re.sub(r"\n{3,}", "\n\n", "\n".join(parts)).strip()


def formula_latex(lines: tuple[Line, ...]) -> str:
    text = " ".join(line.text for line in lines)
    for symbol, command in _LATEX.items():
        text = text.replace(symbol, command)
    return re.sub(r"\s+", " ", text).strip()


def _find_value(name: str, lines: tuple[Line, ...]) -> str:
    key = name.strip().lower()
    for index, line in enumerate(lines):
        text = line.text
        position = text.lower().find(key)
        if position < 0:
            continue
        rest = text[position + len(key) :].lstrip(" :：-=\t").strip()
        if rest:
            return rest
        if index + 1 < len(lines):
            return lines[index + 1].text.strip()
    return ""


def key_information(schema: Mapping[str, Any], lines: tuple[Line, ...]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in schema.items():
        result[name] = key_information(value, lines) if isinstance(value, Mapping) else _find_value(name, lines)
    return result


def words_info(recognition: Recognition) -> list[dict[str, Any]]:
    items = []
    for line in recognition.lines:
        left, top, right, bottom = line.left, line.top, line.right, line.bottom
        width, height = right - left, bottom - top
        items.append(
            {
                "location": [left, top, right, top, right, bottom, left, bottom],
                "rotate_rect": [round(left + width / 2), round(top + height / 2), width, height, 0],
                "text": line.text,
            }
        )
    return items


def image_tokens(request: OcrRequest) -> int:
    patch = 28 if request.model in PATCH_28_MODELS else 32
    width, height = request.image.size
    area = width * height
    factor = 1.0
    if area > request.max_pixels:
        factor = math.sqrt(request.max_pixels / area)
    elif area < request.min_pixels:
        factor = math.sqrt(request.min_pixels / area)
    columns = max(1, round(width * factor / patch))
    rows = max(1, round(height * factor / patch))
    return columns * rows + 2


def output_tokens(text: str) -> int:
    """~4 characters per token for Latin text, 1 per CJK character (the usual rule of thumb)."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return cjk + math.ceil((len(text) - cjk) / 4) if text else 0


def build_answer(request: OcrRequest, recognition: Recognition) -> OcrAnswer:
    task = effective_task(request)
    ocr_result: dict[str, Any] | None = None
    if not recognition.available:
        text = placeholder(recognition.width, recognition.height)
        if task == "key_information_extraction" and request.schema is not None:
            ocr_result = {"kv_result": {name: "" for name in request.schema}}
        elif task == "advanced_recognition":
            ocr_result = {"words_info": []}
    elif task == "table_parsing":
        text = table_html(recognition.lines)
    elif task == "document_parsing":
        text = document_markdown(recognition)
    elif task == "formula_recognition":
        latex = formula_latex(recognition.lines)
        text = f"$$\n{latex}\n$$" if latex else ""
    elif task == "key_information_extraction":
        kv = key_information(request.schema or {}, recognition.lines)
        text = "```json\n" + json.dumps(kv, ensure_ascii=False, indent=1) + "\n```"
        if request.task is not None:
            ocr_result = {"kv_result": kv}
    elif task == "advanced_recognition":
        words = words_info(recognition)
        text = "\n".join(item["text"] for item in words)
        if request.task is not None:
            ocr_result = {"words_info": words}
    else:
        text = _paragraph_text(recognition.lines)
    out_tokens = output_tokens(text)
    finish = "stop"
    if out_tokens > request.max_tokens:  # cut like the service does at max_tokens
        keep = len(text) * request.max_tokens // out_tokens
        text, out_tokens, finish = text[:keep], request.max_tokens, "length"
    img = image_tokens(request)
    prompt_tokens = output_tokens(request.prompt or "") if request.prompt else _TASK_PROMPT_TOKENS
    usage = {
        "input_tokens": img + prompt_tokens,
        "output_tokens": out_tokens,
        "total_tokens": img + prompt_tokens + out_tokens,
        "image_tokens": img,
        "input_tokens_details": {"image_tokens": img, "text_tokens": prompt_tokens},
        "output_tokens_details": {"text_tokens": out_tokens},
    }
    return OcrAnswer(text, ocr_result, usage, finish)
