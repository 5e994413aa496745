"""Real pictures generated for the image-translation tests (Pillow), one function per bad-input case."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image, ImageDraw


def poster(path: Path, size: tuple[int, int] = (320, 200), text: str = "SALE 50%", fmt: str | None = None) -> Path:
    """A picture with dark text on a light background, like a small product poster."""
    image = Image.new("RGB", size, (250, 240, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, size[0] - 10, size[1] - 10), outline=(180, 30, 30), width=4)
    draw.text((30, size[1] // 2 - 10), text, fill=(20, 20, 20))
    image.save(path, fmt)
    return path


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.radial_gradient("L").resize((400, 300)).convert("RGB").save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])  # a download that stopped half way
    return path


def cmyk_jpeg(path: Path) -> Path:
    Image.new("CMYK", (200, 120), (0, 180, 200, 10)).save(path, "JPEG")
    return path


def animated_gif(path: Path) -> Path:
    frames = [Image.new("RGB", (120, 80), colour) for colour in ((200, 30, 30), (30, 200, 30), (30, 30, 200))]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


def exif_rotated_photo(path: Path) -> Path:
    """A 400x300 JPEG stored landscape with EXIF orientation 6 (displayed portrait, 300x400), as phones write."""
    image = Image.new("RGB", (400, 300), (30, 90, 160))
    ImageDraw.Draw(image).rectangle((0, 0, 60, 40), fill=(255, 0, 0))  # marks the stored top-left corner
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    return path


def huge_png(path: Path, side: int = 9000) -> Path:
    Image.new("L", (side, side), 200).save(path, "PNG")
    return path


def noisy_png(path: Path, side: int = 2048) -> Path:
    """A PNG of random pixels, which does not compress: 2048x2048 RGB is about 12 MB."""
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(path, "PNG", compress_level=1)
    return path
