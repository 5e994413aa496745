"""Images the OCR tests draw with Pillow: real text (DejaVu Sans, installed with fonts-dejavu-core), a table, rotated
text, a blank page, a very tall screenshot. PNG bytes, so the tests read real pixels, not mocks."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD_FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def font(size: int = 32, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(BOLD_FONT_PATH if bold else FONT_PATH, size)


def png(image: Image.Image, fmt: str = "PNG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def text_image(lines: Sequence[str], *, size: int = 32, width: int = 900, margin: int = 30) -> Image.Image:
    """Black lines of text on white, one below the other."""
    line_height = int(size * 1.9)
    image = Image.new("RGB", (width, margin * 2 + line_height * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((margin, margin + index * line_height), line, font=font(size), fill="black")
    return image


def table_image(rows: Sequence[Sequence[str]], *, size: int = 30, column_width: int = 260) -> Image.Image:
    """A ruled table: one cell per column, grid lines between."""
    row_height = int(size * 2.2)
    margin = 20
    width = margin * 2 + column_width * len(rows[0])
    image = Image.new("RGB", (width, margin * 2 + row_height * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            x, y = margin + c * column_width, margin + r * row_height
            draw.rectangle((x, y, x + column_width, y + row_height), outline=(150, 150, 150), width=1)
            draw.text((x + 14, y + (row_height - size) // 2), cell, font=font(size), fill="black")
    return image


def document_image(title: str, body: Sequence[str]) -> Image.Image:
    """A large bold heading above body lines."""
    image = Image.new("RGB", (1000, 120 + 60 * len(body)), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 20), title, font=font(52, bold=True), fill="black")
    for index, line in enumerate(body):
        draw.text((30, 120 + index * 60), line, font=font(30), fill="black")
    return image


def blank_image(width: int = 400, height: int = 300, colour: str = "white") -> Image.Image:
    return Image.new("RGB", (width, height), colour)
