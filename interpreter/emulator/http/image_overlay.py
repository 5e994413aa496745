"""The emulator's "translation" of a picture: the same picture, same size, with a visible DEMO label naming the
target language. It never pretends to be a real translation (the label says so), and it is deterministic.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

# Result pictures are JPEG (spec §6: "Output: JPG"); quality 90 keeps the label crisp.
_JPEG_QUALITY = 90
# Label font size as a share of the picture's shorter side, bounded so it stays legible on a small picture and does
# not cover a poster; it shrinks further when the text would not fit the width.
_FONT_SHARE = 0.06
_MIN_FONT_PX, _MAX_FONT_PX = 8, 72


class UnreadableImage(ValueError):
    """The bytes are not a picture Pillow can decode."""


def open_image(data: bytes) -> Image.Image:
    """Decode ``data`` fully.

    Raises:
        UnreadableImage: not a picture, or damaged.
    """
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise UnreadableImage(str(exc)) from exc
    return image


def demo_translation(data: bytes, target_name: str, target_code: str, *, note: str | None = None) -> bytes:
    """JPEG of the picture in ``data`` with a translucent band along the bottom reading ``DEMO · <name> (<code>)``.

    The text is right-aligned, so a before/after viewer whose split line is anywhere left of it shows it whole.
    ``note`` replaces the band's text (e.g. for "No text detected"). The output has the input's width and height.

    Raises:
        UnreadableImage: ``data`` is not a picture.
    """
    source = open_image(data)
    picture = source.convert("RGB")
    width, height = picture.size
    text = note or f"DEMO · {target_name} ({target_code})"  # Pillow's built-in font has no arrows
    overlay = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    font_px = max(_MIN_FONT_PX, min(_MAX_FONT_PX, round(min(width, height) * _FONT_SHARE)))
    margin = max(4, font_px // 2)
    font = ImageFont.load_default(size=font_px)
    while font_px > _MIN_FONT_PX and draw.textlength(text, font=font) > width - 2 * margin:
        font_px -= 1
        font = ImageFont.load_default(size=font_px)
    band = round(font_px * 1.8)
    top = height - band
    draw.rectangle((0, top, width, height), fill=(20, 60, 140, 190))
    draw.rectangle((0, 0, width - 1, height - 1), outline=(255, 170, 0, 255), width=max(1, font_px // 8))
    x = max(margin, width - margin - draw.textlength(text, font=font))
    draw.text((x, top + (band - font_px) / 2), text, font=font, fill=(255, 255, 255, 255))
    composed = Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    composed.save(buffer, "JPEG", quality=_JPEG_QUALITY)
    return buffer.getvalue()
