"""The rules of qwen-mt-image (spec §6), pure: languages, picture limits, output names and the price per image.

Everything here is checked locally *before* anything is uploaded or paid for, and every refusal is one sentence that
names what is allowed, so the user can fix the choice without reading the service's documentation.

Languages (spec §6): ten languages work on both sides; German only as source; Malay, Thai, Indonesian and Arabic only
as target; one side must be Chinese or English; source and target differ. ``auto`` lets the service detect the
source; then the target alone is checked (the service will refuse a picture whose text is neither Chinese nor
English when the target is not one of them either, and says so in the task's failure).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final

from interpreter.core import texts
from interpreter.core.messages import LanguageName, UserMessage
from interpreter.errors import ConfigError

MT_IMAGE_MODEL: Final = "qwen-mt-image"
"""The model name (spec §6); Beijing region only."""

AUTO: Final = "auto"
"""The source value that asks the service to detect the language."""

# Spec §6 language table. Codes are what the request carries; the names are the English full names the service also
# accepts (case-insensitive), used in messages.
LANGUAGE_NAMES: Final[dict[str, str]] = {
    "zh": "Chinese",
    "en": "English",
    "ko": "Korean",
    "ja": "Japanese",
    "ru": "Russian",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "it": "Italian",
    "vi": "Vietnamese",
    "de": "German",
    "ms": "Malay",
    "th": "Thai",
    "id": "Indonesian",
    "ar": "Arabic",
}
PIVOT_LANGUAGES: Final = ("zh", "en")
"""One side of every pair must be one of these."""
SOURCE_ONLY: Final = frozenset({"de"})
TARGET_ONLY: Final = frozenset({"ms", "th", "id", "ar"})
SOURCE_LANGUAGES: Final = tuple(code for code in LANGUAGE_NAMES if code not in TARGET_ONLY)
TARGET_LANGUAGES: Final = tuple(code for code in LANGUAGE_NAMES if code not in SOURCE_ONLY)

# The doc spells Arabic "Arabian" in its table; both full names are accepted on input.
_NAME_ALIASES: Final = {"arabian": "ar"}

MIN_SIDE_PX: Final = 15
"""Smallest width or height the service accepts (spec §6)."""
MAX_SIDE_PX: Final = 8192
"""Largest width or height the service accepts (spec §6)."""
MAX_ASPECT_RATIO: Final = 10.0
"""Longest side / shortest side must not exceed 10 (aspect ratio 1:10 to 10:1, spec §6)."""
MAX_FILE_BYTES: Final = 10 * 1024 * 1024
"""Largest image file we send. The current doc says 100 MB, an older text 10 MB (spec §6 [!]); the stricter figure
never gets a paid task refused, and a picture within 8192 px fits it as a good-quality JPEG."""

SUPPORTED_EXTENSIONS: Final = frozenset({".jpg", ".jpeg", ".png", ".bmp", ".pnm", ".ppm", ".tif", ".tiff", ".webp"})
"""File name endings of the formats the service reads (JPG, JPEG, PNG, BMP, PNM, PPM, TIFF, WEBP)."""
CONVERTIBLE_EXTENSIONS: Final = frozenset({".gif", ".heic", ".heif", ".pgm", ".pbm", ".jpe", ".jfif"})
"""Endings we accept and convert before sending (GIF's first frame, HEIC when a decoder is installed)."""
IMAGE_EXTENSIONS: Final = SUPPORTED_EXTENSIONS | CONVERTIBLE_EXTENSIONS
"""Every ending the Images tab and the ``translate`` command treat as a picture."""

PRICE_PER_IMAGE: Final = Decimal("0.003")
"""Price of one successfully translated image in CNY (spec §6: failures are free; "No text detected" is billed)."""
PRICE_CURRENCY: Final = "CNY"
RESULT_VALIDITY_HOURS: Final = 24
"""A task's data and its result URL expire after this long (spec §6): results are downloaded at once."""


class ImageLanguageError(ConfigError):
    """A language choice qwen-mt-image cannot do; the sentence names what is allowed."""

    def __init__(self, user_message: str, *, field: str) -> None:
        super().__init__(user_message, field=field)


def _names(codes: tuple[str, ...] | frozenset[str]) -> str:
    ordered = [c for c in LANGUAGE_NAMES if c in codes]
    return ", ".join(LANGUAGE_NAMES[c] for c in ordered)


def normalize_language(value: str) -> str:
    """The code for ``value`` (a code or English full name, any case), ``auto`` for auto-detection.

    Raises:
        ImageLanguageError: not a language qwen-mt-image knows (the sentence lists the ones it does).
    """
    text = value.strip().lower()
    if text == AUTO:
        return AUTO
    if text in LANGUAGE_NAMES:
        return text
    for code, name in LANGUAGE_NAMES.items():
        if name.lower() == text:
            return code
    if text in _NAME_ALIASES:
        return _NAME_ALIASES[text]
    raise ImageLanguageError(
        texts.IMAGE_LANGUAGE_UNKNOWN(value=repr(value), languages=_names(tuple(LANGUAGE_NAMES))),
        field="language",
    )


@dataclass(frozen=True)
class LanguagePair:
    """A checked pair: ``source`` is a code or ``auto``; ``target`` a code."""

    source: str
    target: str


def check_languages(source: str | None, target: str) -> LanguagePair:
    """Check a source/target choice against the rules of spec §6.

    Args:
        source: code, full name, ``auto`` or None (= auto).
        target: code or full name.

    Raises:
        ImageLanguageError: the first rule broken, in one sentence naming what is allowed.
    """
    src = normalize_language(source) if source else AUTO
    tgt = normalize_language(target)
    if tgt == AUTO:
        raise ImageLanguageError(texts.IMAGE_TARGET_NEEDED(), field="target")
    if tgt in SOURCE_ONLY:
        raise ImageLanguageError(
            texts.IMAGE_SOURCE_ONLY(
                language=LanguageName(tgt, LANGUAGE_NAMES[tgt]), languages=_names(TARGET_LANGUAGES)
            ),
            field="target",
        )
    if src in TARGET_ONLY:
        raise ImageLanguageError(
            texts.IMAGE_TARGET_ONLY(
                language=LanguageName(src, LANGUAGE_NAMES[src]), languages=_names(SOURCE_LANGUAGES)
            ),
            field="source",
        )
    if src == tgt:
        raise ImageLanguageError(
            texts.IMAGE_SAME_LANGUAGE(language=LanguageName(tgt, LANGUAGE_NAMES[tgt])),
            field="target",
        )
    if src != AUTO and src not in PIVOT_LANGUAGES and tgt not in PIVOT_LANGUAGES:
        raise ImageLanguageError(
            texts.IMAGE_NEEDS_ZH_OR_EN(
                source=LanguageName(src, LANGUAGE_NAMES[src]), target=LanguageName(tgt, LANGUAGE_NAMES[tgt])
            ),
            field="target",
        )
    return LanguagePair(src, tgt)


def language_name(code: str) -> str:
    """English name of ``code`` ("Automatic" for ``auto``; the code itself when unknown)."""
    return "Automatic" if code == AUTO else LANGUAGE_NAMES.get(code, code)


class ImageProblemKind(StrEnum):
    """What is wrong with a picture's size; ``fixable`` ones are repaired by media.images before sending."""

    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    ASPECT = "aspect"


@dataclass(frozen=True)
class SizeProblem:
    kind: ImageProblemKind
    fixable: bool
    message: UserMessage


def check_dimensions(width: int, height: int) -> SizeProblem | None:
    """The size problem of a ``width`` x ``height`` picture, or None when the service accepts it.

    An oversized picture is fixable (downscale to :data:`MAX_SIDE_PX`, unless that breaks the minimum side); a
    too-small one or an extreme aspect ratio is not (enlarging or cropping would change what the user sees).
    """
    longest, shortest = max(width, height), min(width, height)
    if shortest <= 0:
        return SizeProblem(ImageProblemKind.TOO_SMALL, False, texts.SIZE_NO_PIXELS())
    ratio = longest / shortest
    if ratio > MAX_ASPECT_RATIO:
        return SizeProblem(
            ImageProblemKind.ASPECT,
            False,
            texts.SIZE_ASPECT(width=width, height=height, ratio=ratio),
        )
    if shortest < MIN_SIDE_PX:
        return SizeProblem(
            ImageProblemKind.TOO_SMALL,
            False,
            texts.SIZE_TOO_SMALL(width=width, height=height, minimum=MIN_SIDE_PX),
        )
    if longest > MAX_SIDE_PX:
        return SizeProblem(
            ImageProblemKind.TOO_LARGE,
            True,
            texts.SIZE_TOO_LARGE(width=width, height=height, maximum=MAX_SIDE_PX),
        )
    return None


def fit_within(width: int, height: int, max_side: int = MAX_SIDE_PX) -> tuple[int, int]:
    """``width`` x ``height`` scaled down (aspect kept, rounded) so neither side exceeds ``max_side``."""
    longest = max(width, height)
    if longest <= max_side:
        return width, height
    scale = max_side / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def output_name(stem: str, target: str, extension: str) -> str:
    """``<stem>.<target>.<ext>``: the translated picture's file name (``extension`` with or without its dot)."""
    return f"{stem}.{target}.{extension.lstrip('.').lower()}"


def is_image_name(name: str) -> bool:
    """True when the file name's ending is a picture format the Images tab takes (case-insensitive)."""
    dot = name.rfind(".")
    return dot >= 0 and name[dot:].lower() in IMAGE_EXTENSIONS


def batch_price(images: int) -> Decimal:
    """What ``images`` successfully translated pictures cost, in :data:`PRICE_CURRENCY`."""
    return PRICE_PER_IMAGE * images


def format_price(amount: Decimal) -> str:
    """e.g. ``0.003 CNY`` (three decimals: one image costs 0.003)."""
    return f"{amount.quantize(Decimal('0.001'))} {PRICE_CURRENCY}"
