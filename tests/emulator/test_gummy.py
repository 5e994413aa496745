"""The emulator's Gummy route ``/api-ws/v1/inference``: task events, refusals, and the official SDK unchanged."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import dashscope
import pytest
from dashscope.audio.asr import TranslationRecognizerCallback, TranslationRecognizerRealtime

from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.wsclient import silence, speech_pcm, tone

WAIT_S = 20.0


def run_task(task_id: str, **parameters: Any) -> dict[str, Any]:
    params = {
        "sample_rate": 16000,
        "format": "pcm",
        "source_language": None,
        "transcription_enabled": True,
        "translation_enabled": True,
        "translation_target_languages": ["en"],
        **parameters,
    }
    return {
        "header": {"action": "run-task", "task_id": task_id, "streaming": "duplex"},
        "payload": {
            "task_group": "audio",
            "task": "asr",
            "function": "recognition",
            "model": "gummy-realtime-v1",
            "parameters": params,
            "input": {},
        },
    }


def finish_task(task_id: str) -> dict[str, Any]:
    return {"header": {"action": "finish-task", "task_id": task_id, "streaming": "duplex"}, "payload": {"input": {}}}


class Client:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.events: list[dict[str, Any]] = []

    async def recv(self) -> dict[str, Any]:
        message = await self.ws.receive(timeout=WAIT_S)
        assert message.type == aiohttp.WSMsgType.TEXT, message
        event: dict[str, Any] = json.loads(message.data)
        self.events.append(event)
        return event

    async def until(self, name: str) -> dict[str, Any]:
        while (event := await self.recv())["header"]["event"] != name:
            assert event["header"]["event"] != "task-failed", event
        return event


@asynccontextmanager
async def connect(
    emu: EmulatorHandle, *, key: str | None = None, path: str = "/api-ws/v1/inference"
) -> AsyncIterator[Client]:
    async with aiohttp.ClientSession() as http:
        url = emu.base_url.replace("http://", "ws://") + path
        async with http.ws_connect(url, headers={"Authorization": f"bearer {key or emu.api_key}"}) as ws:
            yield Client(ws)


async def test_task_reports_sentences_with_words_and_sentence_end(emulator: EmulatorHandle) -> None:
    task_id = uuid.uuid4().hex
    async with connect(emulator, path="/api-ws/v1/inference/") as client:
        await client.ws.send_json(run_task(task_id, source_language="zh"))
        started = await client.recv()
        assert started["header"] == {"task_id": task_id, "event": "task-started", "attributes": {}}
        audio = tone(1500) + silence(1000) + tone(800)
        for start in range(0, len(audio), 3200):  # 100 ms frames
            await client.ws.send_bytes(audio[start : start + 3200])
        await client.ws.send_json(finish_task(task_id))
        finished = await client.until("task-finished")
    assert finished["payload"] == {"output": {}, "usage": None}
    results = [e["payload"] for e in client.events if e["header"]["event"] == "result-generated"]
    transcriptions = [p["output"]["transcription"] for p in results if "transcription" in p["output"]]
    assert any(not t["sentence_end"] for t in transcriptions)  # partials first
    finals = [t for t in transcriptions if t["sentence_end"]]
    assert [t["sentence_id"] for t in finals] == [0, 1]
    first = finals[0]
    assert first["text"].startswith("Demo segment 1")
    assert 1400 <= first["end_time"] - first["begin_time"] <= 1600
    assert first["words"] and all({"begin_time", "end_time", "text", "fixed"} <= set(w) for w in first["words"])
    assert "".join(w["text"] for w in first["words"]) == first["text"]
    translations = [t for p in results for t in p["output"].get("translations", []) if t["sentence_end"]]
    assert [t["lang"] for t in translations] == ["en", "en"]
    assert translations[0]["text"].startswith("[EN demo] Segment 1")
    # The final translation comes after the final transcription (not synchronised, spec §7).
    index_final_source = next(
        i for i, p in enumerate(results) if p["output"].get("transcription", {}).get("sentence_end")
    )
    index_final_target = next(
        i for i, p in enumerate(results) if any(t["sentence_end"] for t in p["output"].get("translations", []))
    )
    assert index_final_target > index_final_source
    assert any(p.get("usage", {}) and p["usage"].get("duration") for p in results)


async def test_connection_is_reused_for_a_new_task(emulator: EmulatorHandle) -> None:
    async with connect(emulator) as client:
        for _ in range(2):
            task_id = uuid.uuid4().hex
            await client.ws.send_json(run_task(task_id))
            await client.until("task-started")
            await client.ws.send_json(finish_task(task_id))
            finished = await client.until("task-finished")
            assert finished["header"]["task_id"] == task_id


@pytest.mark.parametrize(
    ("change", "code", "fragment"),
    [
        ({"translation_target_languages": ["th"], "source_language": "zh"}, "InvalidParameter", "zh to th"),
        ({"translation_target_languages": ["en", "ja"]}, "InvalidParameter", "exactly one"),
        ({"sample_rate": 8000}, "InvalidParameter", "sample_rate"),
        ({"source_language": "xx"}, "InvalidParameter", "source_language"),
    ],
)
async def test_bad_parameters_fail_the_task_and_close(
    emulator: EmulatorHandle, change: dict[str, Any], code: str, fragment: str
) -> None:
    async with connect(emulator) as client:
        await client.ws.send_json(run_task(uuid.uuid4().hex, **change))
        failed = await client.recv()
        assert failed["header"]["event"] == "task-failed"
        assert failed["header"]["error_code"] == code and fragment in failed["header"]["error_message"]
        closing = await client.ws.receive(timeout=WAIT_S)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)


async def test_audio_before_run_task_fails(emulator: EmulatorHandle) -> None:
    async with connect(emulator) as client:
        await client.ws.send_bytes(silence(100))
        failed = await client.recv()
        assert failed["header"]["event"] == "task-failed"
        assert failed["header"]["error_code"] == "CLIENT_ERROR"


async def test_wrong_key_is_refused_at_the_handshake(emulator: EmulatorHandle) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
        async with connect(emulator, key="sk-wrong"):
            pass
    assert caught.value.status == 401


class RecordingCallback(TranslationRecognizerCallback):
    def __init__(self) -> None:
        self.sentences: list[tuple[str, str]] = []
        self.errors: list[Any] = []
        self.lock = threading.Lock()
        self.complete = threading.Event()

    def on_event(self, request_id: Any, transcription_result: Any, translation_result: Any, usage: Any) -> None:
        with self.lock:
            if translation_result is not None and translation_result.is_sentence_end:
                target = translation_result.get_translation("zh")
                self.sentences.append((target.text, str(target.sentence_id)))

    def on_complete(self) -> None:
        self.complete.set()

    def on_error(self, message: Any) -> None:
        self.errors.append(message)
        self.complete.set()


def test_official_sdk_translation_recognizer(
    make_emulator: Callable[..., EmulatorHandle], monkeypatch: pytest.MonkeyPatch
) -> None:
    emu = make_emulator()
    monkeypatch.setattr(
        dashscope, "base_websocket_api_url", emu.base_url.replace("http://", "ws://") + "/api-ws/v1/inference"
    )
    monkeypatch.setattr(dashscope, "api_key", emu.api_key)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    callback = RecordingCallback()
    recognizer = TranslationRecognizerRealtime(
        model="gummy-realtime-v1",
        format="pcm",
        sample_rate=16000,
        transcription_enabled=True,
        translation_enabled=True,
        translation_target_languages=["zh"],
        callback=callback,
    )
    recognizer.start()
    pcm = speech_pcm()
    for start in range(0, len(pcm), 3200):
        recognizer.send_audio_frame(pcm[start : start + 3200])
    # The SDK's sender thread busy-waits on its queue and reads results between sends, so the answers are read
    # as the audio drains; stop() sends finish-task and returns once task-finished arrived.
    recognizer.stop()  # type: ignore[no-untyped-call]
    assert callback.complete.wait(WAIT_S)
    assert not callback.errors, callback.errors
    assert [text.split("，")[0] for text, _ in callback.sentences] == [
        "[ZH 演示] 第1段",
        "[ZH 演示] 第2段",
        "[ZH 演示] 第3段",
    ]


async def test_gummy_chat_ends_its_task_after_one_sentence(emulator: EmulatorHandle) -> None:
    task_id = uuid.uuid4().hex
    message = run_task(task_id)
    message["payload"]["model"] = "gummy-chat-v1"
    async with connect(emulator) as client:
        await client.ws.send_json(message)
        await client.until("task-started")
        audio = tone(1000) + silence(1000) + tone(1000)
        for start in range(0, len(audio), 3200):
            await client.ws.send_bytes(audio[start : start + 3200])
        finished = await client.until("task-finished")
    assert finished["header"]["task_id"] == task_id
    finals = [
        e["payload"]["output"]["transcription"]
        for e in client.events
        if e["header"]["event"] == "result-generated"
        and e["payload"]["output"].get("transcription", {}).get("sentence_end")
    ]
    assert [t["sentence_id"] for t in finals] == [0]
