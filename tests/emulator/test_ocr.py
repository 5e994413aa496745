"""The emulator's Qwen-OCR (spec §5): native SSE framing and JSON answers, OpenAI-compatible form, every task's
output shape read by real Tesseract from images drawn here, validation, faults, and the no-Tesseract placeholder."""

from __future__ import annotations

import base64
import itertools
import json
from typing import Any

import httpx
import pytest

from interpreter.emulator.testing import EmulatorHandle
from tests.fakes.ocr_images import blank_image, document_image, png, table_image, text_image

PATH = "/api/v1/services/aigc/multimodal-generation/generation"
TIMEOUT = httpx.Timeout(60.0)
INVOICE = ["Invoice number: 10283819", "Date: 2025-03-05", "Total 42.50 EUR"]


def data_url(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def native_body(
    image: bytes, task: str | None = "text_recognition", *, model: str = "qwen-vl-ocr-latest", **extra: Any
) -> dict[str, Any]:
    part: dict[str, Any] = {"image": data_url(image), **extra.pop("part", {})}
    content: list[dict[str, Any]] = [part]
    parameters: dict[str, Any] = {"incremental_output": extra.pop("incremental", True)}
    if task is not None:
        parameters["ocr_options"] = {"task": task, **extra.pop("options", {})}
    else:
        content.append({"text": extra.pop("prompt", "Read all the text in the image.")})
    return {"model": model, "input": {"messages": [{"role": "user", "content": content}]}, "parameters": parameters}


def post(emu: EmulatorHandle, body: dict[str, Any], *, sse: bool = False) -> httpx.Response:
    headers = {"Authorization": f"Bearer {emu.api_key}"}
    if sse:
        headers["X-DashScope-SSE"] = "enable"
    return httpx.post(emu.base_url + PATH, json=body, headers=headers, timeout=TIMEOUT)


def frames(text: str) -> list[list[str]]:
    """The raw SSE events as lists of lines (blank-line separated)."""
    return [block.split("\n") for block in text.strip().split("\n\n") if block]


def content_of(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return payload["output"]["choices"][0]["message"]["content"]  # type: ignore[no-any-return]


def test_native_json_reads_the_real_text(emulator: EmulatorHandle) -> None:
    response = post(emulator, native_body(png(text_image(INVOICE))))
    assert response.status_code == 200
    payload = response.json()
    text = content_of(payload)[0]["text"]
    assert "10283819" in text and "2025-03-05" in text and "42.50" in text
    assert payload["output"]["choices"][0]["finish_reason"] == "stop"
    usage = payload["usage"]
    assert usage["image_tokens"] == usage["input_tokens_details"]["image_tokens"] > 2
    assert usage["total_tokens"] == usage["input_tokens"] + usage["output_tokens"]


def test_native_sse_framing_incremental(emulator: EmulatorHandle) -> None:
    response = post(emulator, native_body(png(text_image(INVOICE))), sse=True)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    events = frames(response.text)
    assert len(events) >= 2
    texts, outputs = [], []
    for number, lines in enumerate(events, start=1):
        assert lines[0] == f"id:{number}"
        assert lines[1] == "event:result"
        assert lines[2] == ":HTTP_STATUS/200"
        assert lines[3].startswith("data:{")
        payload = json.loads(lines[3][len("data:") :])
        texts.append(content_of(payload)[0]["text"])
        outputs.append(payload["usage"]["output_tokens"])
        reason = payload["output"]["choices"][0]["finish_reason"]
        assert reason == ("stop" if number == len(events) else "null")  # the STRING "null" (spec §5.3)
    assert outputs == sorted(outputs)  # cumulative usage
    assert "10283819" in "".join(texts)


def test_native_sse_non_incremental_repeats_text_so_far(emulator: EmulatorHandle) -> None:
    response = post(emulator, native_body(png(text_image(INVOICE)), incremental=False), sse=True)
    texts = [content_of(json.loads(lines[3][5:]))[0]["text"] for lines in frames(response.text)]
    assert len(texts) >= 2
    assert all(later.startswith(earlier) for earlier, later in itertools.pairwise(texts))


def test_table_task_answers_an_html_grid(emulator: EmulatorHandle) -> None:
    rows = [["Name", "Price"], ["Apple", "1.20"], ["Pear", "0.95"]]
    text = content_of(post(emulator, native_body(png(table_image(rows)), "table_parsing")).json())[0]["text"]
    assert text.startswith("<table>")
    assert "<tr><td>Apple</td><td>1.20</td></tr>" in text
    assert "<tr><td>Pear</td><td>0.95</td></tr>" in text


def test_key_information_follows_the_schema(emulator: EmulatorHandle) -> None:
    schema = {"Invoice number": "the invoice's number", "Payment": {"Total": "amount due", "Missing": "not there"}}
    body = native_body(
        png(text_image(INVOICE)), "key_information_extraction", options={"task_config": {"result_schema": schema}}
    )
    part = content_of(post(emulator, body).json())[0]
    kv = part["ocr_result"]["kv_result"]
    assert kv["Invoice number"] == "10283819"
    assert kv["Payment"]["Total"] == "42.50 EUR"
    assert kv["Payment"]["Missing"] == ""
    assert part["text"].startswith("```json")


def test_positions_give_boxes_around_each_line(emulator: EmulatorHandle) -> None:
    image = text_image(INVOICE)
    part = content_of(post(emulator, native_body(png(image), "advanced_recognition")).json())[0]
    words = part["ocr_result"]["words_info"]
    assert words[0]["text"].startswith("Invoice number")
    for word in words:
        x1, y1, x2, y2, x3, y3, x4, y4 = word["location"]
        assert 0 <= x1 < x2 <= image.width and 0 <= y1 < y3 <= image.height
        assert (x1, y1, x2, y3) == (x4, y2, x3, y4)  # an upright rectangle: corners agree
        cx, cy, w, h, angle = word["rotate_rect"]
        assert x1 <= cx <= x2 and y1 <= cy <= y3 and w == x2 - x1 and h == y3 - y1 and angle == 0
    # Lines come top to bottom.
    assert [w["location"][1] for w in words] == sorted(w["location"][1] for w in words)


def test_document_task_marks_the_heading(emulator: EmulatorHandle) -> None:
    image = document_image("Quarterly Report", ["Sales grew in every region.", "Costs stayed flat."])
    text = content_of(post(emulator, native_body(png(image), "document_parsing")).json())[0]["text"]
    assert text.splitlines()[0] == "# Quarterly Report"
    assert "Sales grew in every region." in text


def test_rotated_text_is_read_with_enable_rotate(emulator: EmulatorHandle) -> None:
    image = text_image(["The quick brown fox jumps", "over the lazy dog again"], size=40).rotate(90, expand=True)
    body = native_body(png(image), part={"enable_rotate": True})
    text = content_of(post(emulator, body).json())[0]["text"]
    assert "quick brown fox" in text


def test_an_image_without_text_is_an_empty_answer(emulator: EmulatorHandle) -> None:
    response = post(emulator, native_body(png(blank_image())))
    assert response.status_code == 200
    assert content_of(response.json())[0]["text"] == ""


def test_compat_form_reads_text_and_streams(emulator: EmulatorHandle) -> None:
    url = data_url(png(text_image(INVOICE)))
    body = {
        "model": "qwen-vl-ocr-latest",
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "image_url", "image_url": {"url": url}, "min_pixels": 3072, "max_pixels": 8388608},
                    {"type": "text", "text": "Please output only the text content from the image."},
                ],
            }
        ],
    }
    headers = {"Authorization": f"Bearer {emulator.api_key}"}
    completion = httpx.post(
        emulator.base_url + "/compatible-mode/v1/chat/completions", json=body, headers=headers, timeout=TIMEOUT
    )
    assert completion.status_code == 200
    assert "10283819" in completion.json()["choices"][0]["message"]["content"]
    streamed = httpx.post(
        emulator.base_url + "/compatible-mode/v1/chat/completions",
        json={**body, "stream": True},
        headers=headers,
        timeout=TIMEOUT,
    )
    lines = [line[6:] for line in streamed.text.splitlines() if line.startswith("data: ")]
    assert lines[-1] == "[DONE]"
    text = "".join(json.loads(x)["choices"][0]["delta"].get("content", "") for x in lines[:-1])
    assert "10283819" in text


def _error(response: httpx.Response) -> dict[str, Any]:
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda b: b.update(model="qwen-vl-ocr-2024-10-28"), "does not support ocr_options"),
        (lambda b: b["parameters"]["ocr_options"].update(task="poetry"), "not supported"),
        (lambda b: b["input"]["messages"][0]["content"][0].update(image="https://example.com/a.png"), "Download"),
        (lambda b: b["input"]["messages"][0]["content"][0].update(min_pixels=10, max_pixels=5), "min_pixels"),
        (lambda b: b["input"]["messages"][0].update(content=[]), "Content length"),
    ],
)
def test_native_validation(emulator: EmulatorHandle, change: Any, fragment: str) -> None:
    body = native_body(png(text_image(["hello"])))
    change(body)
    response = post(emulator, body)
    assert response.status_code == 400
    error = _error(response)
    assert error["code"] == "InvalidParameter" and fragment in error["message"] and error["request_id"]


@pytest.mark.parametrize(
    ("image", "mime", "fragment"),
    [
        (png(blank_image(8, 8)), "image/png", "larger than 10 pixels"),
        (png(blank_image(4000, 4000)), "image/png", "15.68 MP"),
        (png(blank_image(4020, 20)), "image/png", "aspect ratio"),
        (png(blank_image(100, 100)), "image/jpeg", "must match"),
        (b"this is not an image at all", "image/png", "cannot be decoded"),
        (png(blank_image(100, 100)), "image/gif", "not supported"),
    ],
)
def test_native_image_validation(emulator: EmulatorHandle, image: bytes, mime: str, fragment: str) -> None:
    body = native_body(image)
    body["input"]["messages"][0]["content"][0]["image"] = data_url(image, mime)
    response = post(emulator, body)
    assert response.status_code == 400, response.text
    assert fragment in _error(response)["message"]


def test_schema_deeper_than_three_levels_is_refused(emulator: EmulatorHandle) -> None:
    schema = {"a": {"b": {"c": {"d": "too deep"}}}}
    body = native_body(
        png(text_image(["x"])), "key_information_extraction", options={"task_config": {"result_schema": schema}}
    )
    response = post(emulator, body)
    assert response.status_code == 400 and "3 levels" in _error(response)["message"]


def test_refusal_of_a_streamed_request_is_an_sse_error_with_its_status(emulator: EmulatorHandle) -> None:
    body = native_body(png(text_image(["hello"])), model="qwen-vl-ocr-2024-10-28")
    response = post(emulator, body, sse=True)
    assert response.status_code == 200  # spec §8.1: the real status is only in the comment line
    (lines,) = frames(response.text)
    assert lines[:3] == ["id:1", "event:error", ":HTTP_STATUS/400"]
    assert json.loads(lines[3][5:])["code"] == "InvalidParameter"


def test_bad_key_and_injected_status_use_the_native_shape(emulator: EmulatorHandle) -> None:
    body = native_body(png(text_image(["hello"])))
    bad = httpx.post(emulator.base_url + PATH, json=body, headers={"Authorization": "Bearer sk-wrong"}, timeout=TIMEOUT)
    assert bad.status_code == 401 and _error(bad) == {**_error(bad), "code": "InvalidApiKey"}
    assert _error(bad)["message"] == "Invalid API-key provided."
    emulator.http_faults.update(status=503, status_times=1)
    unavailable = post(emulator, body)
    assert unavailable.status_code == 503 and _error(unavailable)["code"] == "ServiceUnavailable"
    assert post(emulator, body).status_code == 200


def test_mid_stream_error_fault_in_native_framing(emulator: EmulatorHandle) -> None:
    emulator.http_faults.update(error_after_chunks=1)
    response = post(emulator, native_body(png(text_image(INVOICE))), sse=True)
    events = frames(response.text)
    assert events[0][1] == "event:result"
    assert events[-1][1:3] == ["event:error", ":HTTP_STATUS/500"]
    assert json.loads(events[-1][3][5:])["code"] == "InternalError"


def test_placeholder_when_tesseract_is_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    from interpreter.emulator.http import ocr_recognizer
    from interpreter.emulator.http.ocr_answer import build_answer
    from interpreter.emulator.http.ocr_request import parse_native_ocr

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr_recognizer._languages.cache_clear()
    try:
        request = parse_native_ocr(native_body(png(text_image(INVOICE))), sse=False)
        recognition = ocr_recognizer.recognize(request.image)
        answer = build_answer(request, recognition)
    finally:
        ocr_recognizer._languages.cache_clear()
    assert not recognition.available
    assert answer.text.startswith("[emulator] Tesseract is not installed")
    assert "10283819" not in answer.text


def test_multilingual_reads_chinese_and_english(emulator: EmulatorHandle) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (900, 160), "white")
    cjk = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 48)  # fonts-noto-cjk
    ImageDraw.Draw(image).text((20, 40), "产品介绍 Product guide", font=cjk, fill="black")
    text = content_of(post(emulator, native_body(png(image), "multi_lan")).json())[0]["text"]
    assert text == "产品介绍 Product guide"
