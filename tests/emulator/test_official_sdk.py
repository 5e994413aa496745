"""The official dashscope SDK, unchanged, completes a LiveTranslate session against the emulator.

The SDK is synchronous (websocket-client in its own thread), so this test is a plain sync test: it waits on
``threading.Event``s set by the SDK callback, never on sleeps.
"""

from __future__ import annotations

import base64
import json
import threading
from typing import Any

from dashscope.audio.qwen_omni import MultiModality, OmniRealtimeCallback, OmniRealtimeConversation
from dashscope.audio.qwen_omni.omni_realtime import TranslationParams

from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.wsclient import QWEN35, speech_pcm

WAIT_S = 30.0


class RecordingCallback(OmniRealtimeCallback):
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.updated = threading.Event()
        self.three_done = threading.Event()

    def on_event(self, message: Any) -> None:
        event = message if isinstance(message, dict) else json.loads(message)
        with self.lock:
            self.events.append(event)
            if event["type"] == "session.updated":
                self.updated.set()
            if sum(e["type"] == "response.done" for e in self.events) >= 3:
                self.three_done.set()

    def of_type(self, event_type: str) -> list[dict[str, Any]]:
        with self.lock:
            return [e for e in self.events if e["type"] == event_type]


def test_official_sdk_session(make_emulator) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(speed=20.0)
    callback = RecordingCallback()
    conversation = OmniRealtimeConversation(
        model=QWEN35,
        callback=callback,
        url=emu.base_url.replace("http://", "ws://") + "/api-ws/v1/realtime",
        api_key=emu.api_key,
    )
    conversation.connect()
    try:
        conversation.update_session(
            output_modalities=[MultiModality.AUDIO, MultiModality.TEXT],
            translation_params=TranslationParams(language="zh"),
        )
        assert callback.updated.wait(WAIT_S), callback.events
        pcm = speech_pcm()
        for start in range(0, len(pcm), 3200):
            conversation.append_audio(base64.b64encode(pcm[start : start + 3200]).decode("ascii"))
        assert callback.three_done.wait(WAIT_S), [e["type"] for e in callback.events]
        conversation.end_session(timeout=20)  # raises on error or timeout
    finally:
        conversation.close()
    # The server side ends cleanly at once. (The SDK's own on_close callback can lag ~10 s behind: its reader
    # thread notices a locally closed socket only at its select timeout, so the test does not wait for it.)
    record = emu.sessions[0]
    assert record.closed.wait(WAIT_S)
    assert record.close_code == 1000
    assert conversation.get_session_id().startswith("sess_")
    assert not callback.of_type("error"), callback.of_type("error")
    received = record.received[0]
    assert received["type"] == "session.update"
    assert received["session"]["voice"] is None  # the SDK's default payload, accepted as sent
    translations = [e["transcript"] for e in callback.of_type("response.audio_transcript.done")]
    assert translations == [f"[ZH 演示] 第{n}段，{s}秒" for n, s in zip((1, 2, 3), _seconds(callback), strict=True)]
    assert callback.of_type("response.audio.delta")
    assert callback.of_type("session.finished")


def _seconds(callback: RecordingCallback) -> list[str]:
    starts = [e["audio_start_ms"] for e in callback.of_type("input_audio_buffer.speech_started")]
    ends = [e["audio_end_ms"] for e in callback.of_type("input_audio_buffer.speech_stopped")]
    return [f"{(end - start) / 1000:.1f}" for start, end in zip(starts, ends, strict=True)]
