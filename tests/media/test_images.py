"""media.images: validation and fixes on real generated pictures (the bad inputs of issue 13)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from interpreter.core import image_rules
from interpreter.errors import MediaFileError
from interpreter.media.images import ImageFix, inspect_image, is_image, prepare_image
from tests.media import imagegen


def _decoded(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def test_a_good_picture_is_sent_byte_for_byte(tmp_path: Path) -> None:
    path = imagegen.poster(tmp_path / "海报 poster.png")
    prepared = prepare_image(path)
    assert prepared.content == path.read_bytes()
    assert prepared.fixes == ()
    assert prepared.mime_type == "image/png"
    assert prepared.upload_name == "poster.png"  # ASCII only: the service refuses URLs with Chinese characters
    assert (prepared.width, prepared.height) == (320, 200)


def test_text_file_named_png(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("this is not a picture\n")
    with pytest.raises(MediaFileError) as info:
        inspect_image(path)
    assert "'notes.png' is not a picture" in info.value.user_message and ".png" in info.value.user_message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    with pytest.raises(MediaFileError, match=r"'empty.jpg' is empty \(0 bytes\)"):
        prepare_image(path)


def test_truncated_jpeg(tmp_path: Path) -> None:
    path = imagegen.truncated_jpeg(tmp_path / "cut.jpg")
    with pytest.raises(MediaFileError, match=r"'cut\.jpg' is damaged or cut short"):
        inspect_image(path)


def test_banner_beyond_one_to_ten(tmp_path: Path) -> None:
    path = imagegen.poster(tmp_path / "banner.png", size=(2000, 100))
    with pytest.raises(MediaFileError) as info:
        prepare_image(path)
    assert "'banner.png'" in info.value.user_message and "1:20" in info.value.user_message
    assert "crop" in info.value.user_message


def test_too_small(tmp_path: Path) -> None:
    path = tmp_path / "icon.png"
    Image.new("RGB", (40, 10), "white").save(path)
    with pytest.raises(MediaFileError, match="at least 15 px"):
        inspect_image(path)


@pytest.mark.slow
def test_9000_px_png_is_scaled_down(tmp_path: Path) -> None:
    path = imagegen.huge_png(tmp_path / "scan.png")
    inspection = inspect_image(path)
    assert inspection.fixes == (ImageFix.DOWNSCALE,)
    assert inspection.final_size == (8192, 8192)
    prepared = prepare_image(path)
    assert (prepared.width, prepared.height) == (8192, 8192)
    assert _decoded(prepared.content).size == (8192, 8192)
    assert len(prepared.content) <= image_rules.MAX_FILE_BYTES
    with pytest.raises(MediaFileError, match="needs fixing"):
        prepare_image(path, allow_fixes=False)


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    path = imagegen.cmyk_jpeg(tmp_path / "print.jpg")
    prepared = prepare_image(path)
    assert ImageFix.CONVERT_COLOURS in prepared.fixes
    decoded = _decoded(prepared.content)
    assert decoded.mode == "RGB" and decoded.size == (200, 120)
    assert prepared.mime_type == "image/jpeg"


def test_animated_gif_first_frame(tmp_path: Path) -> None:
    path = imagegen.animated_gif(tmp_path / "anim.gif")
    inspection = inspect_image(path)
    assert set(inspection.fixes) == {ImageFix.CONVERT_FORMAT, ImageFix.FIRST_FRAME}
    prepared = prepare_image(path)
    decoded = _decoded(prepared.content)
    assert decoded.format == "PNG" and decoded.size == (120, 80)
    first = Image.open(path)
    first.seek(0)
    assert decoded.convert("RGB").getpixel((5, 5)) == first.convert("RGB").getpixel((5, 5))
    assert "first frame" in " ".join(prepared.inspection.notes())


def test_exif_rotated_photo_is_turned_upright(tmp_path: Path) -> None:
    path = imagegen.exif_rotated_photo(tmp_path / "phone.jpg")
    inspection = inspect_image(path)
    assert inspection.fixes == (ImageFix.ROTATE,)
    assert (inspection.width, inspection.height) == (300, 400)
    decoded = _decoded(prepare_image(path).content)
    assert decoded.size == (300, 400)
    # Orientation 6 = rotate 90° clockwise to display: the stored top-left red mark ends up at the top right.
    red, _, blue = decoded.getpixel((290, 10))  # type: ignore[misc]
    assert red > 200 and blue < 80
    assert decoded.getexif().get(0x0112, 1) == 1  # no orientation left to apply twice


@pytest.mark.slow
def test_12_mb_picture_is_recompressed_under_the_limit(tmp_path: Path) -> None:
    path = imagegen.noisy_png(tmp_path / "noise.png")
    assert path.stat().st_size > 12 * 1024 * 1024
    prepared = prepare_image(path)
    assert ImageFix.RECOMPRESS in prepared.fixes
    assert len(prepared.content) <= image_rules.MAX_FILE_BYTES
    assert prepared.mime_type == "image/jpeg" and prepared.upload_name == "noise.jpg"
    assert _decoded(prepared.content).size == (prepared.width, prepared.height)


def test_heic_without_a_decoder_says_how_to_get_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interpreter.media import images

    monkeypatch.setattr(images, "_heic_registered", False)
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    with pytest.raises(MediaFileError, match="pillow-heif"):
        inspect_image(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(MediaFileError, match="does not exist"):
        inspect_image(tmp_path / "gone.png")
    with pytest.raises(MediaFileError, match="is a folder"):
        inspect_image(tmp_path)


def test_is_image_by_name() -> None:
    assert is_image("a/b/photo.JPEG") and is_image("scan.tif") and is_image("x.heic")
    assert not is_image("movie.mp4") and not is_image("README")
