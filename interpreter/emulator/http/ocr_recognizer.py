"""Real text recognition for the emulator's OCR: Tesseract (Debian ``tesseract-ocr`` through ``pytesseract``).

:func:`recognize` reads the lines of text in an image with their boxes; :mod:`.ocr_answer` shapes them per task.
With ``enable_rotate`` the image is first turned upright by Tesseract's orientation detection (``osd`` data).
Languages: English plus Simplified Chinese when that data is installed.

When the Tesseract program is absent, :func:`recognize` returns a :class:`Recognition` with ``available=False``
and the answer becomes a labelled placeholder saying so — never invented text.

Blocking (a page takes ~0.5 s): the route calls it in a worker thread.
"""

from __future__ import annotations

import functools
import statistics
from dataclasses import dataclass

from PIL import Image

#: Words Tesseract is less sure of than this (0-100) are noise (speckles read as "|" or "~"), not text.
_MIN_CONFIDENCE = 30.0
#: Orientation detection needs at least this confidence to turn the image (low values are guesses).
_MIN_OSD_CONFIDENCE = 0.5
#: A row or column darker than _RULE_DARK (0-255 grey) over more than half its length is a table rule.
_RULE_DARK = 200
_RULE_FILL = 0.5
#: Tesseract reads best with text at least ~20 px tall; smaller images (a cropped line) are enlarged 2x first.
_UPSCALE_BELOW_HEIGHT = 60


def _is_cjk(char: str) -> bool:
    """CJK ideographs and punctuation (U+3000-U+303F, U+4E00-U+9FFF, full-width forms U+FF00-U+FFEF)."""
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class Line:
    """One line of text: its words (left to right), box and the block/paragraph it belongs to."""

    words: tuple[Word, ...]
    block: int
    paragraph: int

    @property
    def text(self) -> str:
        """The words joined by spaces, except between two CJK characters (Chinese is written without spaces)."""
        out = ""
        for word in self.words:
            if out and not (_is_cjk(out[-1]) and _is_cjk(word.text[0])):
                out += " "
            out += word.text
        return out

    @property
    def left(self) -> int:
        return min(word.left for word in self.words)

    @property
    def top(self) -> int:
        return min(word.top for word in self.words)

    @property
    def right(self) -> int:
        return max(word.left + word.width for word in self.words)

    @property
    def bottom(self) -> int:
        return max(word.top + word.height for word in self.words)

    @property
    def height(self) -> int:
        return self.bottom - self.top


@dataclass(frozen=True)
class Recognition:
    """What Tesseract read: lines in reading order, the image size they refer to, and the rotation applied."""

    available: bool
    lines: tuple[Line, ...]
    width: int
    height: int
    rotated_by: int = 0

    @property
    def median_line_height(self) -> float:
        return statistics.median(line.height for line in self.lines) if self.lines else 0.0


@functools.cache
def _languages() -> str | None:
    """``eng`` or ``eng+chi_sim``; None when the Tesseract program is not installed."""
    import pytesseract

    try:
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError):
        return None
    wanted = [lang for lang in ("eng", "chi_sim") if lang in installed]
    return "+".join(wanted) if wanted else None


def tesseract_available() -> bool:
    """Whether recognition reads real text here."""
    return _languages() is not None


def _upright(image: Image.Image) -> tuple[Image.Image, int]:
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return image, 0  # too little text to judge the orientation: read it as it is
    rotate = int(osd.get("rotate", 0)) % 360
    if rotate == 0 or float(osd.get("orientation_conf", 0.0)) < _MIN_OSD_CONFIDENCE:
        return image, 0
    # Tesseract's "rotate" is clockwise degrees to make it upright; Pillow's rotate() turns counter-clockwise.
    return image.rotate(-rotate, expand=True), rotate


def _without_rules(image: Image.Image) -> Image.Image:
    """The image with table ruling removed: rows and columns that are dark across most of the picture.

    Grid lines touching the digits of a narrow column make Tesseract drop them as noise; text never fills more
    than :data:`_RULE_FILL` of a whole row or column, so only lines go.
    """
    import numpy as np

    grey = np.asarray(image.convert("L")).copy()
    dark = grey < _RULE_DARK
    grey[dark.mean(axis=1) > _RULE_FILL, :] = 255
    grey[:, dark.mean(axis=0) > _RULE_FILL] = 255
    return Image.fromarray(grey)


def recognize(image: Image.Image, *, enable_rotate: bool = False, table: bool = False) -> Recognition:
    """Read the lines of text in ``image`` (see the module docstring).

    ``table``: the image is a table: ruling is removed and the page is read as one uniform block of rows
    (Tesseract's page segmentation mode 6), which keeps lone digits in narrow columns.
    """
    languages = _languages()
    if languages is None:
        return Recognition(False, (), image.width, image.height)
    import pytesseract

    rotated_by = 0
    if enable_rotate:
        image, rotated_by = _upright(image)
    factor = 2 if image.height < _UPSCALE_BELOW_HEIGHT else 1
    readable = image.resize((image.width * factor, image.height * factor)) if factor > 1 else image
    config = ""
    if table:
        readable = _without_rules(readable)
        config = "--psm 6"
    data = pytesseract.image_to_data(readable, lang=languages, config=config, output_type=pytesseract.Output.DICT)
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    keys: list[tuple[int, int, int]] = []
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < _MIN_CONFIDENCE:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        if key not in grouped:
            grouped[key] = []
            keys.append(key)
        grouped[key].append(
            Word(
                text,
                int(data["left"][i]) // factor,
                int(data["top"][i]) // factor,
                int(data["width"][i]) // factor,
                int(data["height"][i]) // factor,
            )
        )
    lines = [Line(tuple(sorted(grouped[key], key=lambda w: w.left)), key[0], key[1]) for key in keys]
    lines = _merge_same_row(lines)
    return Recognition(True, tuple(lines), image.width, image.height, rotated_by)


def _merge_same_row(lines: list[Line]) -> list[Line]:
    """Tesseract puts widely spaced cells of one table row in separate blocks; put lines sharing a row together.

    Two lines share a row when their vertical centres are closer than half the smaller height. The result is in
    reading order: top to bottom, then left to right.
    """
    ordered = sorted(lines, key=lambda line: (line.top + line.bottom) / 2)
    rows: list[list[Line]] = []
    for line in ordered:
        centre = (line.top + line.bottom) / 2
        if rows:
            last = rows[-1][0]
            if abs(centre - (last.top + last.bottom) / 2) < min(line.height, last.height) / 2:
                rows[-1].append(line)
                continue
        rows.append([line])
    merged: list[Line] = []
    for row in rows:
        row.sort(key=lambda line: line.left)
        words = tuple(word for line in row for word in line.words)
        merged.append(Line(words, row[0].block, row[0].paragraph))
    return merged
