"""Images made ready for Qwen-OCR (Pillow): checked, EXIF-rotated, scaled into the pixel range, split when very tall.

:func:`prepare_ocr_image` turns a file or bytes (a dropped photo, a pasted or snipped screenshot) into one or more
:class:`PreparedImage` pieces, each a PNG (text stays sharp) or, when a PNG would not fit, a JPEG, under the
service's limits (spec §2.1, §5.1): at most ``max_pixels`` (never above 15.68 MP), Base64 at most 10 MB, every side
over 10 px, aspect ratio at most 200:1.

A very tall image (a scrolling screenshot, 20 000 px) is SPLIT, not scaled: scaling 1080 x 20 000 into 8 MP would
shrink its text to ~60 %, past what can be read. It is cut into pieces at most :data:`TILE_HEIGHT_FACTOR` times as
tall as wide, each cut on the quietest pixel row near the boundary (between lines of text, not through one); the
pieces are read in order and their texts joined. :attr:`PreparedImage.notice` says what was done.

Also: :func:`make_thumbnail` for the history, :func:`looks_blank` to catch a black or single-colour screen capture
(a desktop that refused capture gives one), :func:`image_size`.

Blocking (decoding a 40 MP photo takes a moment): call from a worker thread. Errors: one-sentence
:class:`~interpreter.errors.MediaFileError` naming the file.
"""

from __future__ import annotations

import base64
import io
import math
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from interpreter.core.messages import ItemList, UserMessage
from interpreter.core.ocr_tasks import ABSOLUTE_MAX_PIXELS, MAX_ASPECT_RATIO, MAX_BASE64_BYTES, MIN_SIDE_PX, PixelRange
from interpreter.errors import MediaFileError
from interpreter.media import texts

__all__ = [
    "TILE_HEIGHT_FACTOR",
    "PreparedImage",
    "image_size",
    "looks_blank",
    "make_thumbnail",
    "prepare_ocr_image",
]

#: A piece of a tall image is at most 3x as tall as it is wide: a 1080-px-wide screenshot becomes 3240-px pieces,
#: each read at full resolution under the default 8 MP range.
TILE_HEIGHT_FACTOR = 3
#: The cut between two pieces is searched in the last 15 % of a piece (a text line is far shorter than that).
_CUT_SEARCH_FRACTION = 0.15
#: Decoding refuses images above 100 MP (a 40 MP phone photo passes; a decompression bomb does not).
_MAX_DECODE_PIXELS = 100_000_000
#: Base64 grows data by 4/3; a raw image up to this many bytes fits the 10 MB Base64 limit.
_MAX_RAW_BYTES = MAX_BASE64_BYTES * 3 // 4
#: JPEG qualities tried in turn when a PNG is too big (90 keeps small text crisp; 70 is the floor still legible).
_JPEG_QUALITIES = (90, 80, 70)
#: A capture whose pixels all lie within this many grey levels of each other is blank (black, one colour).
_BLANK_SPREAD = 6


@dataclass(frozen=True)
class PreparedImage:
    """One image (or piece of one) ready to send.

    Attributes:
        data: the encoded image.
        mime: ``image/png`` or ``image/jpeg``.
        width, height: its size in pixels.
        original_width, original_height: the size of the whole input, after EXIF rotation.
        top: the piece's offset from the top of the scaled whole (0 for an unsplit image), for mapping boxes back.
        scale: the factor applied to the original (1.0 = not scaled).
        rotated: EXIF orientation was applied.
        notice: a sentence saying what was done to the image (scaled, split, rotated), or None.
    """

    data: bytes
    mime: str
    width: int
    height: int
    original_width: int
    original_height: int
    top: int = 0
    scale: float = 1.0
    rotated: bool = False
    notice: str | None = None

    def data_url(self) -> str:
        """``data:<mime>;base64,...`` (spec §2.1)."""
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def _open(source: bytes | Path, name: str) -> Image.Image:
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except FileNotFoundError as exc:
            raise MediaFileError(texts.OCR_IMAGE_MISSING(file=name)) from exc
        except IsADirectoryError as exc:
            raise MediaFileError(texts.OCR_IMAGE_IS_FOLDER(file=name)) from exc
        except OSError as exc:
            raise MediaFileError(texts.OCR_IMAGE_UNREADABLE(file=name, reason=exc.strerror or str(exc))) from exc
    else:
        data = source
    if not data:
        raise MediaFileError(texts.OCR_IMAGE_EMPTY(file=name))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = _MAX_DECODE_PIXELS
            image = Image.open(io.BytesIO(data))
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        if isinstance(exc, UnidentifiedImageError):
            raise MediaFileError(texts.OCR_IMAGE_NOT_AN_IMAGE(file=name)) from exc
        raise MediaFileError(texts.OCR_IMAGE_TOO_MANY_PIXELS(file=name)) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise MediaFileError(texts.OCR_IMAGE_DAMAGED(file=name)) from exc
    return image


def image_size(source: bytes | Path, *, name: str = "The image") -> tuple[int, int]:
    """Width and height after EXIF rotation (for a token estimate before sending)."""
    image = ImageOps.exif_transpose(_open(source, name))
    return image.width, image.height


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, "white")  # transparent screenshots: text on white, not on black
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return image.convert("RGB")


def _encode(image: Image.Image) -> tuple[bytes, str]:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False)
    if out.tell() <= _MAX_RAW_BYTES:
        return out.getvalue(), "image/png"
    for quality in _JPEG_QUALITIES:
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=quality)
        if out.tell() <= _MAX_RAW_BYTES:
            return out.getvalue(), "image/jpeg"
    raise MediaFileError(texts.OCR_IMAGE_TOO_DETAILED())


def _cut_rows(gray: np.ndarray, tile_height: int) -> list[int]:
    """Top offsets of the pieces: each cut on the quietest row within the last part of a piece."""
    height = gray.shape[0]
    cuts = [0]
    while height - cuts[-1] > tile_height:
        limit = cuts[-1] + tile_height
        start = limit - max(1, int(tile_height * _CUT_SEARCH_FRACTION))
        spread = gray[start:limit].std(axis=1)
        # The LAST of the quietest rows: pieces as large as allowed, so as few requests as possible.
        cuts.append(limit - 1 - int(np.argmin(spread[::-1])))
    return cuts


def prepare_ocr_image(
    source: bytes | Path,
    *,
    name: str | None = None,
    pixel_range: PixelRange | None = None,
) -> list[PreparedImage]:
    """Check, rotate, scale and (when very tall) split an image for OCR.

    Args:
        source: a path or the image bytes (a pasted or snipped screenshot).
        name: how to call it in messages (default: the file name, or "The image").
        pixel_range: the model's range; pieces are scaled down to at most its ``max_pixels``.

    Returns:
        The pieces in reading order (one for an ordinary image).

    Raises:
        MediaFileError: missing, empty, not an image, damaged, smaller than 11 px a side, wider than 200:1.
    """
    label = name or (source.name if isinstance(source, Path) else texts.THE_IMAGE())
    pixels = pixel_range or PixelRange()
    raw = _open(source, label)
    rotated_image = ImageOps.exif_transpose(raw)
    rotated = rotated_image is not raw and raw.getexif().get(0x0112, 1) != 1  # 0x0112: EXIF Orientation tag
    image = _to_rgb(rotated_image)
    width, height = image.size
    if min(width, height) < MIN_SIDE_PX:
        raise MediaFileError(texts.OCR_IMAGE_TOO_SMALL(file=label, width=width, height=height, minimum=MIN_SIDE_PX))
    if width / height > MAX_ASPECT_RATIO:
        raise MediaFileError(texts.OCR_IMAGE_TOO_WIDE(file=label, width=width, height=height))
    notes: list[UserMessage] = []
    if rotated:
        notes.append(texts.OCR_PREP_ROTATED())
    limit = min(pixels.max_pixels, ABSOLUTE_MAX_PIXELS)
    tile_height = width * TILE_HEIGHT_FACTOR
    tall = height > tile_height
    if tall:
        scale = min(1.0, math.sqrt(limit / (width * tile_height)))
    else:
        scale = min(1.0, math.sqrt(limit / (width * height)))
    if scale < 1.0:
        new_size = (max(MIN_SIDE_PX, int(width * scale)), max(MIN_SIDE_PX, int(height * scale)))
        image = image.resize(new_size, Image.Resampling.LANCZOS)
        notes.append(texts.OCR_PREP_SCALED(width=width, height=height, new_width=new_size[0], new_height=new_size[1]))
    pieces: list[Image.Image] = [image]
    tops = [0]
    if tall:
        gray = np.asarray(image.convert("L"), dtype=np.float32)
        tops = _cut_rows(gray, int(image.width * TILE_HEIGHT_FACTOR))
        bounds = [*tops, image.height]
        pieces = [image.crop((0, bounds[i], image.width, bounds[i + 1])) for i in range(len(tops))]
        notes.append(texts.OCR_PREP_SPLIT(count=len(pieces)))
    notice = texts.OCR_PREPARED(file=label, changes=ItemList(notes)) if notes else None
    prepared: list[PreparedImage] = []
    for top, piece in zip(tops, pieces, strict=True):
        data, mime = _encode(piece)
        prepared.append(
            PreparedImage(
                data=data,
                mime=mime,
                width=piece.width,
                height=piece.height,
                original_width=width,
                original_height=height,
                top=top,
                scale=scale,
                rotated=rotated,
                notice=notice,
            )
        )
    return prepared


def make_thumbnail(data: bytes, *, max_side: int = 160) -> bytes:
    """A small PNG of an image for the history list (160 px: a list row's height, sharp on HiDPI)."""
    image = _to_rgb(ImageOps.exif_transpose(_open(data, "The image")))
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def looks_blank(data: bytes) -> bool:
    """True when an image is a single flat colour (a black capture from a desktop that did not allow it).

    Sampled on a 256 x 256 reduction: a real screen always has some edge or text, a refused capture has none.
    """
    image = _open(data, "The capture").convert("L")
    small = np.asarray(image.resize((256, 256), Image.Resampling.BOX), dtype=np.int16)
    return int(small.max()) - int(small.min()) <= _BLANK_SPREAD
