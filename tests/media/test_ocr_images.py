"""media.ocr_images on images drawn here: EXIF rotation, scaling into the pixel range, a 20 000 px tall screenshot
split between lines, and every bad input named in one sentence."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from interpreter.core.ocr_tasks import PixelRange
from interpreter.errors import MediaFileError
from interpreter.media.ocr_images import (
    TILE_HEIGHT_FACTOR,
    image_size,
    looks_blank,
    make_thumbnail,
    prepare_ocr_image,
)
from tests.fakes.ocr_images import blank_image, png, text_image


def _decode(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_small_screenshot_is_sent_as_is_as_png() -> None:
    source = png(text_image(["Hello"]))
    (piece,) = prepare_ocr_image(source)
    assert piece.mime == "image/png" and piece.scale == 1.0 and piece.notice is None
    assert piece.data_url().startswith("data:image/png;base64,")
    assert _decode(piece.data).size == text_image(["Hello"]).size


def test_exif_orientation_is_applied() -> None:
    image = Image.new("RGB", (300, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to view"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    (piece,) = prepare_ocr_image(out.getvalue(), name="photo.jpg")
    assert (piece.width, piece.height) == (100, 300)
    assert piece.rotated and piece.notice is not None and "upright" in piece.notice
    assert image_size(out.getvalue()) == (100, 300)


def test_large_photo_is_scaled_into_the_pixel_range() -> None:
    photo = Image.new("RGB", (7300, 5500), (200, 180, 160))  # 40 MP
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=80)
    (piece,) = prepare_ocr_image(out.getvalue(), name="IMG_0001.jpg", pixel_range=PixelRange(3072, 8_388_608))
    assert piece.width * piece.height <= 8_388_608
    assert abs(piece.width / piece.height - 7300 / 5500) < 0.01
    assert piece.notice is not None and "scaled from 7300×5500" in piece.notice
    assert len(piece.data_url()) <= 10 * 1024 * 1024


def test_a_20000_px_tall_screenshot_is_split_between_lines() -> None:
    lines = [f"Line number {i} of the long page" for i in range(260)]
    tall = text_image(lines, size=28, width=1000)  # ~ 60 + 260*53 = 13 900 px; pad to 20 000 below
    canvas = Image.new("RGB", (1000, 20_000), "white")
    canvas.paste(tall, (0, 0))
    pieces = prepare_ocr_image(png(canvas), name="scroll.png")
    assert len(pieces) >= 20_000 // (1000 * TILE_HEIGHT_FACTOR)
    assert all(p.height <= 1000 * TILE_HEIGHT_FACTOR for p in pieces)
    assert sum(p.height for p in pieces) == 20_000
    assert pieces[0].notice is not None and "split into" in pieces[0].notice
    # Every cut lies on a blank row (between lines), never through a line of text.
    grey = canvas.convert("L")
    for piece in pieces[1:]:
        row = grey.crop((0, piece.top, 1000, piece.top + 1))
        assert row.getextrema() == (255, 255)


def test_bad_inputs_are_one_sentence(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(MediaFileError, match=r"empty.png is empty \(0 bytes\)"):
        prepare_ocr_image(empty)
    fake = tmp_path / "notes.png"
    fake.write_text("these are notes, not a picture")
    with pytest.raises(MediaFileError, match=r"notes\.png is not an image"):
        prepare_ocr_image(fake)
    with pytest.raises(MediaFileError, match="does not exist"):
        prepare_ocr_image(tmp_path / "missing.png")
    with pytest.raises(MediaFileError, match="is a folder"):
        prepare_ocr_image(tmp_path)
    with pytest.raises(MediaFileError, match=r"only 3×3 px; .* select a larger area"):
        prepare_ocr_image(png(blank_image(3, 3)), name="The selection")
    with pytest.raises(MediaFileError, match="200:1"):
        prepare_ocr_image(png(blank_image(4400, 20)), name="banner.png")
    truncated = png(text_image(["cut"]))[:200]
    with pytest.raises(MediaFileError, match="damaged or cut short"):
        prepare_ocr_image(truncated, name="cut.png")


def test_blank_capture_and_thumbnail() -> None:
    assert looks_blank(png(blank_image(1600, 1000, "black")))
    assert not looks_blank(png(text_image(["a little text on a page"])))
    thumb = _decode(make_thumbnail(png(text_image(["x"] * 3, width=1600))))
    assert max(thumb.size) == 160
