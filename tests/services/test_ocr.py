"""services.ocr against the emulator over real sockets, on images drawn here and read by real Tesseract: each task,
the 2024-10-28 snapshot through the OpenAI-compatible form, a tall screenshot in pieces, no text, history,
translation (text and a table's grid), retries and refusals, blank captures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from interpreter.core.mt_chunking import Term
from interpreter.core.ocr_tasks import OcrTask
from interpreter.errors import AuthenticationError, ConfigError, MediaFileError
from interpreter.protocol.retry import HttpRetryPolicy
from interpreter.services.limiter import ApiLimiter
from interpreter.services.mt_engine import MtEngine
from interpreter.services.ocr import OcrOptions, OcrService, capture_problem
from interpreter.services.text_translation import TextTranslationService
from interpreter.store.ocr_history import OcrHistory
from interpreter.transport.http import HttpClient
from tests.fakes.ocr_images import blank_image, png, table_image, text_image

SPEED = 200.0
INVOICE = ["Invoice number: 10283819", "Date: 2025-03-05", "Total 42.50 EUR"]


@pytest.fixture
def emu(make_emulator: Callable[..., Any]) -> Any:
    handle = make_emulator(speed=SPEED)
    handle.http_records.enabled = True
    return handle


def _service(client: HttpClient, history: OcrHistory | None = None) -> OcrService:
    engine = MtEngine(client, limiter_factory=lambda model: ApiLimiter(max_concurrency=2))
    return OcrService(
        client,
        history=history,
        translator=TextTranslationService(client, engine=engine),
        retry_policy=lambda: HttpRetryPolicy(max_attempts=3, delays=iter([0.0] * 5)),
    )


@pytest.fixture
def history(tmp_path: Path) -> Iterator[OcrHistory]:
    store = OcrHistory(tmp_path / "ocr.sqlite3")
    yield store
    store.close()


async def test_text_from_a_file_streamed_kept_and_translated(emu: Any, tmp_path: Path, history: OcrHistory) -> None:
    path = tmp_path / "invoice.png"
    path.write_bytes(png(text_image(INVOICE)))
    seen: list[str] = []
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        service = _service(client, history)
        estimate = await service.estimate(path, OcrOptions())
        assert estimate.pieces == 1 and estimate.image_tokens > 2 and estimate.notice is None
        outcome = await service.recognize(path, OcrOptions(), on_text=seen.append)
        assert "10283819" in outcome.result.text and not outcome.no_text and outcome.message is None
        assert len(seen) >= 2 and "10283819" in seen[-1]  # text appeared as it streamed
        assert outcome.result.usage.image_tokens > 0
        translation = await service.translate(outcome, "de", terms=(Term("Invoice", "Rechnung"),))
    assert "[de]" in translation and "Rechnung" in translation
    (entry,) = history.entries()
    assert entry.id == outcome.history_id and entry.source == "invoice.png" and entry.task == "text"
    assert "10283819" in entry.text and entry.thumbnail is not None and entry.thumbnail.startswith(b"\x89PNG")
    assert entry.translation == translation and entry.target_lang == "de"
    (request,) = [r for r in emu.http_requests if "multimodal" in r.path]
    assert request.stream and request.status == 200


async def test_table_and_translation_keep_the_grid(emu: Any) -> None:
    rows = [["Name", "Price"], ["Apple", "1.20"], ["Pear", ""]]
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        service = _service(client)
        outcome = await service.recognize(png(table_image(rows)), OcrOptions(task=OcrTask.TABLE), name="Clipboard")
        assert outcome.result.table_rows == rows
        translated = await service.translate_rows(outcome.result.table_rows, "fr")
    assert len(translated) == 3 and all(len(row) == 2 for row in translated)
    assert translated[1][0] == "[fr] Apple" and translated[2][1] == ""


async def test_key_information_and_positions(emu: Any) -> None:
    image = png(text_image(INVOICE))
    schema = {"Invoice number": "number", "Amounts": {"Total": "amount due"}}
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        service = _service(client)
        keyinfo = await service.recognize(image, OcrOptions(task=OcrTask.KEYINFO, schema=schema))
        positions = await service.recognize(image, OcrOptions(task=OcrTask.POSITIONS, stream=False))
        with pytest.raises(ConfigError, match="needs a schema"):
            await service.recognize(image, OcrOptions(task=OcrTask.KEYINFO))
    assert keyinfo.result.kv == {"Invoice number": "10283819", "Amounts": {"Total": "42.50 EUR"}}
    assert [w.text for w in positions.result.words][1] == "Date: 2025-03-05"
    assert all(len(w.corners()) == 4 for w in positions.result.words)


async def test_the_first_snapshot_goes_openai_compatible(emu: Any) -> None:
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        outcome = await _service(client).recognize(
            png(text_image(INVOICE)), OcrOptions(model="qwen-vl-ocr-2024-10-28", task=OcrTask.TABLE)
        )
    assert outcome.result.table_rows  # the table prompt made the compat answer a table
    (request,) = [r for r in emu.http_requests if r.model == "qwen-vl-ocr-2024-10-28"]
    assert request.path == "/compatible-mode/v1/chat/completions"


async def test_a_tall_screenshot_is_read_in_pieces(emu: Any) -> None:
    from PIL import Image

    canvas = Image.new("RGB", (700, 6000), "white")
    canvas.paste(text_image(["First line at the top"], width=700), (0, 0))
    canvas.paste(text_image(["Last line at the bottom"], width=700), (0, 5850))
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        outcome = await _service(client).recognize(png(canvas), OcrOptions(), name="scroll.png")
    assert outcome.pieces == 3 and outcome.notice is not None and "split into 3 pieces" in outcome.notice
    assert "First line at the top" in outcome.result.text and "Last line at the bottom" in outcome.result.text


async def test_no_text_is_a_result_not_an_error(emu: Any, history: OcrHistory) -> None:
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        service = _service(client, history)
        outcome = await service.recognize(png(blank_image()), OcrOptions(), name="Screen region")
        assert outcome.no_text and outcome.message == "No text found in Screen region."
        assert await service.translate(outcome, "de") == ""


async def test_bad_image_makes_no_request(emu: Any, tmp_path: Path) -> None:
    fake = tmp_path / "photo.jpg"
    fake.write_text("not a photo")
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        with pytest.raises(MediaFileError, match=r"photo\.jpg is not an image"):
            await _service(client).recognize(fake, OcrOptions())
    assert not emu.http_requests


async def test_server_trouble_is_retried_a_refused_key_is_not(emu: Any) -> None:
    image = png(text_image(["Retry me"]))
    emu.http_faults.update(status=503, status_times=1)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        outcome = await _service(client).recognize(image, OcrOptions())
    assert "Retry me" in outcome.result.text
    assert [r.status for r in emu.http_requests] == [503, 200]
    emu.http_faults.clear()
    async with HttpClient(emu.base_url, api_key="sk-wrong") as client:
        with pytest.raises(AuthenticationError):
            await _service(client).recognize(image, OcrOptions())
    assert [r.status for r in emu.http_requests][-1] == 401 and len(emu.http_requests) == 3


async def test_a_stream_error_is_mapped_and_retried(emu: Any) -> None:
    emu.http_faults.update(error_after_chunks=1)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        with pytest.raises(Exception) as caught:
            await _service(client).recognize(png(text_image(INVOICE)), OcrOptions())
    assert "internal problem" in getattr(caught.value, "user_message", "")
    assert len(emu.http_requests) == 3  # all attempts made, each cut by the fault


def test_blank_capture_is_said() -> None:
    assert capture_problem(png(blank_image(1600, 1000, "black"))) is not None
    assert capture_problem(png(text_image(INVOICE))) is None


async def test_history_that_cannot_be_written_does_not_lose_the_result(emu: Any, tmp_path: Path) -> None:
    broken = OcrHistory(tmp_path / "h.sqlite3")
    broken.close()  # every write now fails with StorageError
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        outcome = await _service(client, broken).recognize(png(text_image(INVOICE)), OcrOptions())
    assert "10283819" in outcome.result.text and outcome.history_id is None
