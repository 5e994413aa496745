"""Pictures for image translation: check one against the service's limits and repair what can be repaired.

:func:`inspect_image` reads a file and says what it is and which fixes it needs (or raises one sentence naming the
file and what to do); :func:`prepare_image` applies those fixes and returns the bytes to upload. Fixes, in order:

1. EXIF orientation: a phone photo stored sideways is turned upright (the service ignores EXIF, so without this the
   translated picture comes back rotated);
2. format: GIF (first frame), HEIC (when the optional ``pillow-heif`` decoder is installed) and other formats Pillow
   reads are converted; CMYK (print) JPEGs are converted to RGB;
3. size: a side over 8192 px is scaled down (aspect kept); a file over the size limit is re-encoded as JPEG.

A picture that needs no fix is sent byte for byte as it is. Unfixable problems (not a picture, empty, damaged, too
small, aspect ratio beyond 1:10) raise :class:`~interpreter.errors.MediaFileError`. Blocking (file I/O, decoding):
callers on the event loop run these in a worker thread. Rules and limits are :mod:`interpreter.core.image_rules`.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from PIL import Image, ImageOps, UnidentifiedImageError

from interpreter.core import image_rules
from interpreter.core.messages import ItemList, UserMessage
from interpreter.errors import MediaFileError
from interpreter.media import texts

__all__ = [
    "ImageFix",
    "ImageInspection",
    "PreparedImage",
    "heic_supported",
    "inspect_image",
    "is_image",
    "prepare_image",
]

# Pillow format name -> (MIME type, file ending) of the formats the service reads as they are (spec §6).
_SENDABLE: Final[dict[str, tuple[str, str]]] = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "BMP": ("image/bmp", ".bmp"),
    "PPM": ("image/x-portable-pixmap", ".ppm"),
    "TIFF": ("image/tiff", ".tiff"),
    "WEBP": ("image/webp", ".webp"),
}
# Modes every sendable format stores faithfully; anything else (CMYK, YCbCr, I;16, ...) is converted to RGB(A).
_PLAIN_MODES: Final = frozenset({"RGB", "RGBA", "L", "LA", "P", "1"})
# Quality of a re-encoded JPEG: visually lossless for text on photos, ~1/3 the size of q100.
_JPEG_QUALITY: Final = 92
# Lowest quality tried when squeezing a file under the size limit before scaling it down instead.
_JPEG_MIN_QUALITY: Final = 70
# Decoding guard: 4x the largest picture the service takes (8192^2) leaves room for an oversized scan that we scale
# down, while a "picture" claiming billions of pixels (a decompression bomb) is refused before it is decoded.
_MAX_DECODE_PIXELS: Final = 4 * image_rules.MAX_SIDE_PX * image_rules.MAX_SIDE_PX
_EXIF_ORIENTATION_TAG: Final = 0x0112
_HEIC_BRANDS: Final = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1")


class ImageFix(StrEnum):
    """A repair :func:`prepare_image` makes; ``describe`` gives the sentence fragment shown to the user."""

    ROTATE = "rotate"
    CONVERT_FORMAT = "convert_format"
    FIRST_FRAME = "first_frame"
    CONVERT_COLOURS = "convert_colours"
    DOWNSCALE = "downscale"
    RECOMPRESS = "recompress"


_FIX_TEXT: Final = {
    ImageFix.ROTATE: texts.FIX_ROTATE,
    ImageFix.CONVERT_FORMAT: texts.FIX_CONVERT_FORMAT,
    ImageFix.FIRST_FRAME: texts.FIX_FIRST_FRAME,
    ImageFix.CONVERT_COLOURS: texts.FIX_CONVERT_COLOURS,
    ImageFix.DOWNSCALE: texts.FIX_DOWNSCALE,
    ImageFix.RECOMPRESS: texts.FIX_RECOMPRESS,
}


def describe_fix(fix: ImageFix) -> UserMessage:
    """The fragment shown to the user for ``fix`` (e.g. "turned upright as its EXIF orientation says")."""
    return _FIX_TEXT[fix]()


@dataclass(frozen=True)
class ImageInspection:
    """What a picture file is and what it needs before it can be sent.

    Attributes:
        path: the file.
        format: Pillow's format name (``JPEG``, ``PNG``, ``GIF``, ...).
        width, height: as displayed (after EXIF rotation).
        file_bytes: size on disk.
        fixes: the repairs :func:`prepare_image` will make (empty: sent as it is).
        final_size: width and height after the fixes.
    """

    path: Path
    format: str
    width: int
    height: int
    file_bytes: int
    fixes: tuple[ImageFix, ...]
    final_size: tuple[int, int]

    def notes(self) -> tuple[UserMessage, ...]:
        """One fragment per fix, for the queue ("scaled down to fit 8192 px per side")."""
        return tuple(describe_fix(f) for f in self.fixes)


@dataclass(frozen=True)
class PreparedImage:
    """Bytes ready to upload.

    Attributes:
        inspection: what the file was.
        content: the bytes to send (the original file when no fix was needed).
        upload_name: an ASCII file name (the service refuses URLs with Chinese characters, spec §6).
        mime_type: of ``content``.
        width, height: of ``content``.
    """

    inspection: ImageInspection
    content: bytes
    upload_name: str
    mime_type: str
    width: int
    height: int

    @property
    def fixes(self) -> tuple[ImageFix, ...]:
        return self.inspection.fixes


def is_image(path: str | Path) -> bool:
    """True when ``path``'s name ends like a picture the Images tab takes (by name only: cheap, no I/O)."""
    return image_rules.is_image_name(Path(path).name)


_heic_registered: bool | None = None


def heic_supported() -> bool:
    """True when a HEIC decoder (the optional ``pillow-heif`` package) is installed and registered with Pillow."""
    global _heic_registered
    if _heic_registered is None:
        try:
            import pillow_heif  # type: ignore[import-not-found,unused-ignore]

            pillow_heif.register_heif_opener()
            _heic_registered = True
        except ImportError:
            _heic_registered = False
    return _heic_registered


def _looks_like_heic(head: bytes) -> bool:
    return len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS


def _read(path: Path) -> bytes:
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise MediaFileError(texts.PICTURE_MISSING(file=repr(name)), detail=str(path)) from exc
    except IsADirectoryError as exc:
        raise MediaFileError(texts.PICTURE_IS_FOLDER(file=repr(name))) from exc
    except OSError as exc:
        raise MediaFileError(texts.PICTURE_UNREADABLE(file=repr(name)), detail=str(exc)) from exc
    if not data:
        raise MediaFileError(texts.PICTURE_EMPTY(file=repr(name)), detail=str(path))
    return data


@contextlib.contextmanager
def _opened(path: Path, data: bytes) -> Iterator[Image.Image]:
    """Open ``data`` with Pillow, turning its failures into one sentence about ``path``."""
    name = path.name
    if _looks_like_heic(data[:16]) and not heic_supported():
        raise MediaFileError(
            texts.PICTURE_HEIC(file=repr(name)),
            detail=str(path),
        )
    with warnings.catch_warnings():
        # Our own pixel limit below replaces Pillow's warning (tests turn warnings into errors).
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except UnidentifiedImageError as exc:
            ending = path.suffix or "(no ending)"
            raise MediaFileError(
                texts.PICTURE_NOT_READABLE_FORMAT(file=repr(name), ending=ending),
                detail=str(exc),
            ) from exc
        except Image.DecompressionBombError as exc:
            raise MediaFileError(
                texts.PICTURE_CLAIMS_TOO_LARGE(file=repr(name)),
                detail=str(exc),
            ) from exc
        except (OSError, ValueError, SyntaxError) as exc:
            raise MediaFileError(texts.PICTURE_DAMAGED(file=repr(name)), detail=str(exc)) from exc
    try:
        if image.width * image.height > _MAX_DECODE_PIXELS:
            raise MediaFileError(
                texts.PICTURE_TOO_LARGE_TO_PROCESS(
                    file=repr(name), width=image.width, height=image.height, limit=image_rules.MAX_SIDE_PX
                ),
                detail=str(path),
            )
        yield image
    finally:
        image.close()


def _load(path: Path, image: Image.Image) -> None:
    """Decode the pixels now (Pillow is lazy), so a truncated file fails here with a sentence."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image.load()
        except (OSError, ValueError, SyntaxError) as exc:
            raise MediaFileError(
                texts.PICTURE_TRUNCATED(file=repr(path.name)),
                detail=str(exc),
            ) from exc


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(_EXIF_ORIENTATION_TAG, 1)
    except (OSError, ValueError, SyntaxError):
        return 1  # unreadable EXIF: show the picture as stored rather than refusing it
    return int(value) if isinstance(value, int) else 1


def _displayed_size(image: Image.Image, orientation: int) -> tuple[int, int]:
    # Orientations 5-8 swap width and height (EXIF spec: transpose/rotate 90/transverse/rotate 270).
    return (image.height, image.width) if orientation in (5, 6, 7, 8) else (image.width, image.height)


def _plan(path: Path, data: bytes, image: Image.Image) -> ImageInspection:
    fmt = (image.format or "").upper()
    orientation = _orientation(image)
    width, height = _displayed_size(image, orientation)
    fixes: list[ImageFix] = []
    if orientation != 1:
        fixes.append(ImageFix.ROTATE)
    if fmt not in _SENDABLE:
        fixes.append(ImageFix.CONVERT_FORMAT)
    if getattr(image, "n_frames", 1) > 1:
        fixes.append(ImageFix.FIRST_FRAME)
    if image.mode == "CMYK":
        fixes.append(ImageFix.CONVERT_COLOURS)
    problem = image_rules.check_dimensions(width, height)
    final = (width, height)
    if problem is not None:
        if not problem.fixable:
            raise MediaFileError(
                texts.PICTURE_SIZE_PROBLEM(file=repr(path.name), problem=problem.message), detail=str(path)
            )
        final = image_rules.fit_within(width, height)
        if image_rules.check_dimensions(*final) is not None:
            raise MediaFileError(
                texts.PICTURE_SIZE_PROBLEM_TOO_NARROW(file=repr(path.name), problem=problem.message),
                detail=str(path),
            )
        fixes.append(ImageFix.DOWNSCALE)
    if len(data) > image_rules.MAX_FILE_BYTES:
        fixes.append(ImageFix.RECOMPRESS)
    return ImageInspection(path, fmt, width, height, len(data), tuple(fixes), final)


def inspect_image(path: str | Path) -> ImageInspection:
    """Read ``path`` fully (so damage shows now, not after paying) and say which fixes it needs.

    Raises:
        MediaFileError: missing, empty, not a picture, damaged or cut short, too small, or an aspect ratio beyond
            1:10 — one sentence naming the file and what to do.
    """
    p = Path(path)
    data = _read(p)
    with _opened(p, data) as image:
        _load(p, image)
        return _plan(p, data, image)


def _ascii_name(stem: str, ending: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "image"
    return safe[:80] + ending  # OSS keys may be long, but a short name keeps URLs readable in logs


def _encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=quality, optimize=True)
    else:
        image.save(buffer, fmt)
    return buffer.getvalue()


def _fixed_pixels(image: Image.Image, inspection: ImageInspection) -> Image.Image:
    """A new picture with the planned fixes applied (``image`` itself is left as it is)."""
    fixes = inspection.fixes
    if ImageFix.FIRST_FRAME in fixes:
        image.seek(0)
    picture = ImageOps.exif_transpose(image) if ImageFix.ROTATE in fixes else image.copy()
    if picture.mode not in _PLAIN_MODES:  # CMYK, YCbCr, 16-bit ...: the service expects RGB
        picture = picture.convert("RGB")
    if picture.mode in ("P", "1"):  # palette pictures cannot be resampled smoothly; keep transparency if any
        picture = picture.convert("RGBA" if "transparency" in picture.info else "RGB")
    if ImageFix.DOWNSCALE in fixes:
        picture = picture.resize(inspection.final_size, Image.Resampling.LANCZOS)
    return picture


def prepare_image(path: str | Path, *, allow_fixes: bool = True) -> PreparedImage:
    """The bytes to upload for ``path``, with the fixes :func:`inspect_image` lists applied.

    A picture that needs no fix is returned byte for byte. A fixed one is re-encoded: PNG when it has transparency
    or came from a lossless source and fits the size limit, else JPEG (quality 92, lowered to 70 and then scaled
    down further only if the size limit demands it).

    Args:
        path: the picture.
        allow_fixes: False refuses a picture that needs a fix (the sentence names the fix) instead of repairing it.

    Raises:
        MediaFileError: as :func:`inspect_image`, or a fix was needed while ``allow_fixes`` is False.
    """
    p = Path(path)
    data = _read(p)
    with _opened(p, data) as image:
        _load(p, image)
        inspection = _plan(p, data, image)
        if not inspection.fixes:
            mime, ending = _SENDABLE[inspection.format]
            return PreparedImage(
                inspection, data, _ascii_name(p.stem, ending), mime, inspection.width, inspection.height
            )
        if not allow_fixes:
            raise MediaFileError(
                texts.PICTURE_NEEDS_FIXING(file=repr(p.name), fixes=ItemList(inspection.notes())),
                detail=str(p),
            )
        picture = _fixed_pixels(image, inspection)
    lossless = inspection.format in ("PNG", "GIF", "BMP", "TIFF", "PPM") or picture.mode in ("RGBA", "LA")
    content = _encode(picture, "PNG", 0) if lossless else b""
    fmt = "PNG"
    if not content or len(content) > image_rules.MAX_FILE_BYTES:
        fmt = "JPEG"
        content = _squeeze_jpeg(p, picture)
    mime, ending = ("image/png", ".png") if fmt == "PNG" else ("image/jpeg", ".jpg")
    fixes = inspection.fixes
    if fmt == "JPEG" and ImageFix.RECOMPRESS not in fixes and len(data) > image_rules.MAX_FILE_BYTES:
        fixes = (*fixes, ImageFix.RECOMPRESS)
    final = ImageInspection(
        inspection.path,
        inspection.format,
        inspection.width,
        inspection.height,
        inspection.file_bytes,
        fixes,
        picture.size,
    )
    return PreparedImage(final, content, _ascii_name(p.stem, ending), mime, picture.width, picture.height)


def _squeeze_jpeg(path: Path, picture: Image.Image) -> bytes:
    """JPEG bytes of ``picture`` under the size limit: lower the quality first, then scale down by steps."""
    current = picture
    while True:
        for quality in range(_JPEG_QUALITY, _JPEG_MIN_QUALITY - 1, -11):
            content = _encode(current, "JPEG", quality)
            if len(content) <= image_rules.MAX_FILE_BYTES:
                return content
        # 0.8 per step: a 20 % smaller side is ~36 % fewer bytes, a few steps reach any target from 8192 px.
        size = (round(current.width * 0.8), round(current.height * 0.8))
        if image_rules.check_dimensions(*size) is not None:
            raise MediaFileError(
                texts.PICTURE_CANNOT_SHRINK(file=repr(path.name)),
                detail=str(path),
            )
        current = current.resize(size, Image.Resampling.LANCZOS)
