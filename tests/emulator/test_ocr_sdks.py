"""The official dashscope SDK (MultiModalConversation, native API, streaming and not) and the OpenAI SDK read text
from an image through the emulator's OCR routes, unchanged (spec §5)."""

from __future__ import annotations

import base64
from typing import Any

import dashscope
import pytest
from openai import OpenAI

from tests.fakes.ocr_images import png, text_image

LINES = ["Invoice number: 10283819", "Date: 2025-03-05"]


def _data_url() -> str:
    return "data:image/png;base64," + base64.b64encode(png(text_image(LINES))).decode("ascii")


@pytest.fixture
def native_base(make_emulator: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    emu = make_emulator(speed=100.0)
    monkeypatch.setattr(dashscope, "base_http_api_url", emu.base_url + "/api/v1")
    return emu


def test_dashscope_sdk_builtin_task_whole_answer(native_base: Any) -> None:
    response = dashscope.MultiModalConversation.call(
        model="qwen-vl-ocr-latest",
        api_key=native_base.api_key,
        messages=[{"role": "user", "content": [{"image": _data_url(), "enable_rotate": False}]}],
        ocr_options={
            "task": "key_information_extraction",
            "task_config": {"result_schema": {"Invoice number": "the number"}},
        },
    )
    assert response.status_code == 200, response
    content = response.output.choices[0].message.content
    assert content[0]["ocr_result"]["kv_result"] == {"Invoice number": "10283819"}
    assert response.usage["image_tokens"] > 0


def test_dashscope_sdk_streams_incrementally(native_base: Any) -> None:
    pieces = []
    for chunk in dashscope.MultiModalConversation.call(
        model="qwen-vl-ocr-latest",
        api_key=native_base.api_key,
        messages=[{"role": "user", "content": [{"image": _data_url()}]}],
        ocr_options={"task": "text_recognition"},
        stream=True,
        incremental_output=True,
    ):
        assert chunk.status_code == 200, chunk
        pieces.append(chunk.output.choices[0].message.content[0]["text"])
    assert len(pieces) >= 2 and "10283819" in "".join(pieces)


def test_dashscope_sdk_sees_the_snapshot_refusal(native_base: Any) -> None:
    response = dashscope.MultiModalConversation.call(
        model="qwen-vl-ocr-2024-10-28",
        api_key=native_base.api_key,
        messages=[{"role": "user", "content": [{"image": _data_url()}]}],
        ocr_options={"task": "table_parsing"},
    )
    assert response.status_code == 400 and response.code == "InvalidParameter"


def test_openai_sdk_reads_text(make_emulator: Any) -> None:
    emu = make_emulator(speed=100.0)
    client = OpenAI(api_key=emu.api_key, base_url=emu.base_url + "/compatible-mode/v1", max_retries=0)
    completion = client.chat.completions.create(
        model="qwen-vl-ocr-latest",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "image_url", "image_url": {"url": _data_url()}},
                    {"type": "text", "text": "Please output only the text content from the image."},
                ],
            }
        ],
    )
    assert completion.choices[0].message.content.splitlines()[:2] == LINES  # type: ignore[union-attr]
    assert completion.usage is not None and completion.usage.prompt_tokens > 0
