"""The emulator's Qwen-MT: validation per spec, each model's streaming style, terms visibly applied, native
text-generation, faults, and the official ``openai`` SDK unchanged."""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import openai
import pytest

from interpreter.emulator.http.mt_request import mt_faults

SPEED = 200.0
CHAT = "/compatible-mode/v1/chat/completions"
NATIVE = "/api/v1/services/aigc/text-generation/generation"
TEXT = "⟦1⟧ The biosensor is ready.\n⟦2⟧ Ask the BIOSENSOR team."
TERMS = [{"source": "biosensor", "target": "生物传感器"}]


def _body(model: str, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": model,
        "messages": [{"role": "user", "content": TEXT}],
        "translation_options": {"source_lang": "English", "target_lang": "zh", "terms": TERMS},
    }
    body.update(extra)
    return body


def _post(emu: Any, path: str, body: dict[str, Any], **headers: str) -> httpx.Response:
    return httpx.post(
        emu.base_url + path, json=body, headers={"Authorization": f"Bearer {emu.api_key}", **headers}, timeout=30
    )


def _stream_contents(emu: Any, body: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    contents: list[str] = []
    chunks: list[dict[str, Any]] = []
    with httpx.stream(
        "POST", emu.base_url + CHAT, json=body, headers={"Authorization": f"Bearer {emu.api_key}"}, timeout=30
    ) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            chunks.append(chunk)
            if chunk.get("choices") and chunk["choices"][0]["delta"].get("content"):
                contents.append(chunk["choices"][0]["delta"]["content"])
    return contents, chunks


EXPECTED = "⟦1⟧ [zh] The 生物传感器 is ready.\n⟦2⟧ [zh] Ask the 生物传感器 team."


def test_demo_translation_applies_terms_and_keeps_markers_and_lines(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    answer = _post(emu, CHAT, _body("qwen-mt-flash", stream=False)).json()
    assert answer["choices"][0]["message"]["content"] == EXPECTED
    assert answer["usage"]["prompt_tokens"] > 0 and answer["usage"]["completion_tokens"] > 0


@pytest.mark.parametrize("model", ["qwen-mt-flash", "qwen-mt-lite"])
def test_incremental_models_send_new_pieces(make_emulator: Any, model: str) -> None:
    emu = make_emulator(speed=SPEED)
    long_text = " ".join(f"word{n}" for n in range(80))
    body = _body(model, stream=True, stream_options={"include_usage": True})
    body["messages"][0]["content"] = long_text
    contents, chunks = _stream_contents(emu, body)
    assert len(contents) > 2
    assert "".join(contents) == f"[zh] {long_text}"
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["total_tokens"] > 0
    assert chunks[-2]["choices"][0]["finish_reason"] == "stop" and chunks[-2]["choices"][0]["delta"] == {}


@pytest.mark.parametrize("model", ["qwen-mt-plus", "qwen-mt-turbo"])
def test_cumulative_models_send_the_whole_text_so_far(make_emulator: Any, model: str) -> None:
    emu = make_emulator(speed=SPEED)
    long_text = " ".join(f"word{n}" for n in range(80))
    body = _body(model, stream=True)
    body["messages"][0]["content"] = long_text
    contents, chunks = _stream_contents(emu, body)
    assert len(contents) > 2
    for before, after in itertools.pairwise(contents):
        assert after.startswith(before)
    assert contents[-1] == f"[zh] {long_text}"  # the finish chunk repeats the full text
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"messages": [{"role": "system", "content": "x"}, {"role": "user", "content": "y"}]}, 500, "Role must be"),
        ({"messages": [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]}, 400, "exactly one"),
        ({"messages": [{"role": "user", "content": ""}]}, 400, "Content length"),
        ({"translation_options": {"source_lang": "en"}}, 400, "target_lang"),
        ({"translation_options": {"target_lang": "Klingon"}}, 400, "not supported"),
        ({"translation_options": {"target_lang": "en", "terms": [{"source": "x"}]}}, 400, "source and a target"),
        ({"messages": [{"role": "user", "content": "word " * 9000}]}, 400, "Range of input length"),
    ],
)
def test_validation_follows_the_spec(make_emulator: Any, change: dict[str, Any], status: int, message: str) -> None:
    emu = make_emulator(speed=SPEED)
    body = _body("qwen-mt-plus", stream=False)
    body.update(change)
    response = _post(emu, CHAT, body)
    assert response.status_code == status
    assert message in response.json()["error"]["message"]


def test_lite_knows_31_languages(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    body = _body("qwen-mt-lite", stream=False)
    body["translation_options"]["target_lang"] = "Welsh"
    assert _post(emu, CHAT, body).json()["error"]["message"] == "The currently set language is not supported!"
    body["model"] = "qwen-mt-flash"
    assert _post(emu, CHAT, body).status_code == 200


def test_native_text_generation_whole_and_streamed(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    native = {
        "model": "qwen-mt-plus",
        "input": {"messages": [{"role": "user", "content": TEXT}]},
        "parameters": {"result_format": "message", "translation_options": {"target_lang": "Chinese", "terms": TERMS}},
    }
    whole = _post(emu, NATIVE, native).json()
    assert whole["output"]["choices"][0]["message"]["content"] == EXPECTED
    assert whole["output"]["finish_reason"] == "stop" and whole["usage"]["output_tokens"] > 0
    streamed = _post(emu, NATIVE, native, **{"X-DashScope-SSE": "enable"})
    events = [json.loads(line[5:]) for line in streamed.text.splitlines() if line.startswith("data:")]
    assert ":HTTP_STATUS/200" in streamed.text
    assert events[-1]["output"]["choices"][0]["message"]["content"] == EXPECTED  # cumulative for plus
    assert all(e["output"]["finish_reason"] == "null" for e in events[:-1])
    bad = dict(native, input={"messages": [{"role": "user", "content": "x"}]})
    bad["parameters"] = {"translation_options": {"target_lang": "Klingon"}}
    refused = _post(emu, NATIVE, bad)
    assert refused.status_code == 400 and refused.json()["code"] == "InvalidParameter"
    in_stream = _post(emu, NATIVE, bad, **{"X-DashScope-SSE": "enable"})
    assert in_stream.status_code == 200 and "event:error" in in_stream.text and ":HTTP_STATUS/400" in in_stream.text


def test_faults_apply_to_qwen_mt(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(status=503, status_times=1, retry_after_s=2)
    first = _post(emu, CHAT, _body("qwen-mt-flash", stream=False))
    assert first.status_code == 503 and first.headers["Retry-After"] == "2"
    assert _post(emu, CHAT, _body("qwen-mt-flash", stream=False)).status_code == 200
    emu.http_faults.update(error_after_chunks=1)
    _contents, chunks = _stream_contents(emu, _body("qwen-mt-flash", stream=True))
    assert "error" in chunks[-1]
    emu.http_faults.clear()
    mt_faults(emu.http_faults).merge_markers_above = 1
    merged = _post(emu, CHAT, _body("qwen-mt-flash", stream=False)).json()["choices"][0]["message"]["content"]
    assert merged.count("⟦") == 1 and "team" in merged


def test_official_openai_sdk_streams_and_completes(make_emulator: Any) -> None:
    emu = make_emulator(speed=SPEED)
    with openai.OpenAI(api_key=emu.api_key, base_url=emu.compatible_base_url(), max_retries=0, timeout=30) as client:
        whole = client.chat.completions.create(
            model="qwen-mt-turbo",
            messages=[{"role": "user", "content": TEXT}],
            extra_body={"translation_options": {"source_lang": "auto", "target_lang": "zh", "terms": TERMS}},
        )
        assert whole.choices[0].message.content == EXPECTED
        assert whole.usage is not None and whole.usage.total_tokens > 0
        stream = client.chat.completions.create(
            model="qwen-mt-flash",
            messages=[{"role": "user", "content": TEXT}],
            stream=True,
            stream_options={"include_usage": True},
            extra_body={"translation_options": {"target_lang": "Chinese", "terms": TERMS}},
        )
        text = "".join(c.choices[0].delta.content or "" for c in stream if c.choices)
        assert text == EXPECTED
        with pytest.raises(openai.BadRequestError):
            client.chat.completions.create(
                model="qwen-mt-plus",
                messages=[{"role": "user", "content": "hi"}],
                extra_body={"translation_options": {"target_lang": "Klingon"}},
            )
