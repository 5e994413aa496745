"""input_image_buffer.append: JPEG parsing and every limit, over the wire; accepted images are billed."""

from __future__ import annotations

import base64

import cv2
import numpy as np
import pytest

from interpreter.emulator.images import ImageCheck, ImageRejected
from interpreter.emulator.jpeg import jpeg_size
from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.wsclient import QWEN3, connect, silence, tone


def real_jpeg(width: int, height: int, *, quality: int = 80, noise: bool = False) -> bytes:
    """A real JPEG made by OpenCV (test-only dependency)."""
    rng = np.random.default_rng(1)
    image = (
        rng.integers(0, 256, (height, width, 3), dtype=np.uint8) if noise else np.full((height, width, 3), 90, np.uint8)
    )
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def header_only_jpeg(width: int, height: int, *, progressive: bool = False) -> bytes:
    """SOI, an APP0 segment, a fill byte, and a SOF0/SOF2 header: enough for the size check."""
    app0 = b"\xff\xe0" + (16).to_bytes(2, "big") + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff" + (b"\xc2" if progressive else b"\xc0") + (11).to_bytes(2, "big") + b"\x08"
    sof += height.to_bytes(2, "big") + width.to_bytes(2, "big") + b"\x01\x01\x11\x00"
    return b"\xff\xd8" + app0 + b"\xff" + sof + b"\xff\xd9"


@pytest.mark.parametrize(("width", "height"), [(640, 480), (1920, 1080), (1080, 1920), (33, 7)])
def test_jpeg_size_of_real_files(width: int, height: int) -> None:
    assert jpeg_size(real_jpeg(width, height)) == (width, height)


def test_jpeg_size_of_headers_and_garbage() -> None:
    assert jpeg_size(header_only_jpeg(1280, 720, progressive=True)) == (1280, 720)
    assert jpeg_size(b"\x89PNG\r\n\x1a\n") is None
    assert jpeg_size(b"\xff\xd8\xff\xe0\x00") is None  # truncated
    assert jpeg_size(b"\xff\xd8\xff\xda\x00\x08abcdef") is None  # scan before any frame header


def test_rate_window_is_rolling_and_follows_speed() -> None:
    now = [100.0]
    check = ImageCheck(clock=lambda: now[0])
    check.audio_seen()
    image = header_only_jpeg(640, 480)
    check.check(image)
    now[0] += 0.4
    check.check(image)
    now[0] += 0.4
    with pytest.raises(ImageRejected, match="2 images per second"):
        check.check(image)
    now[0] += 0.25  # the first image left the one-second window
    assert check.check(image) == (640, 480)
    fast = ImageCheck(speed=10.0, clock=lambda: now[0])
    fast.audio_seen()
    for _ in range(5):
        now[0] += 0.06  # 0.6 emulated seconds apart
        assert fast.check(image) == (640, 480)


async def test_image_rules_over_the_wire(emulator: EmulatorHandle) -> None:
    good = real_jpeg(1280, 720)
    async with connect(emulator, QWEN3) as client:

        async def append(data: bytes | str) -> str | None:
            payload = data if isinstance(data, str) else base64.b64encode(data).decode()
            await client.send("input_image_buffer.append", image=payload)
            await client.send("input_audio_buffer.append", audio=base64.b64encode(silence(20)).decode())
            # Nothing answers an accepted image, so a following no-op event proves there was no error.
            await client.send("input_audio_buffer.clear")
            event = await client.until(lambda e: e["type"] in ("error", "input_audio_buffer.cleared"))
            if event["type"] == "error":
                await client.until("input_audio_buffer.cleared")
                return str(event["error"]["message"])
            return None

        await client.send("input_image_buffer.append", image=base64.b64encode(good).decode())
        before_audio = await client.until("error")
        assert "input_audio_buffer.append before" in before_audio["error"]["message"]
        assert before_audio["error"]["param"] == "image"
        await client.send("input_audio_buffer.append", audio=base64.b64encode(silence(20)).decode())
        assert "JPEG" in (await append(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100) or "")
        assert "Base64" in (await append("@@not-base64@@") or "")
        assert "1080p" in (await append(real_jpeg(2560, 1440)) or "")
        big = real_jpeg(1900, 1060, quality=100, noise=True)
        assert len(big) > 500 * 1024
        assert "500 KB" in (await append(big) or "")
        assert "damaged" in (await append(b"\xff\xd8\xff\xda\x00\x04ab") or "")
        assert await append(good) is None
    assert len(emulator.sessions[0].images) == 6  # the non-Base64 one could not be decoded


async def test_accepted_images_are_billed_in_the_next_response(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu = make_emulator(speed=50.0)
    async with connect(emu, QWEN3) as client:
        await client.send("input_audio_buffer.append", audio=base64.b64encode(silence(100)).decode())
        await client.send("input_image_buffer.append", image=base64.b64encode(real_jpeg(1280, 720)).decode())
        await client.send_audio(tone(1000) + silence(1200))
        done = await client.until("response.done")
    details = done["response"]["usage"]["input_tokens_details"]
    # qwen3: 0.5 token per 28x28 patch: ceil(1280/28)=46 x ceil(720/28)=26 = 1196 patches -> 598 tokens.
    assert details["image_tokens"] == 598
    assert done["response"]["usage"]["input_tokens"] == details["image_tokens"] + details["audio_tokens"]
