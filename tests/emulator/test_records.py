"""Recording of what clients send is opt-in: off in EmulatorServer (the demo), on in the test harness."""

from __future__ import annotations

from typing import Any

from interpreter.emulator.server import EmulatorServer
from interpreter.emulator.testing import running_emulator
from tests.emulator.httpclient import audio_part, body, post, wav_bytes
from tests.emulator.wsclient import connect, silence, tone


def test_server_records_nothing_by_default() -> None:
    server = EmulatorServer()
    assert not server.realtime_records.enabled
    assert not server.http_records.enabled


async def test_demo_like_emulator_keeps_no_audio_and_no_requests() -> None:
    with running_emulator(record=False) as emu:
        async with connect(emu) as client:
            await client.send_audio(tone(600) + silence(1500))
            await client.send("session.finish")
            await client.until("session.finished")
        response = post(emu, body(stream=False, audio=False))
        assert response.status_code == 200
        assert emu.sessions == []
        assert emu.http_requests == []
        assert emu.stats.connections == 1 and emu.http_stats.requests == 1  # counters are still kept


def test_request_records_carry_sizes_and_content_hashes(make_emulator: Any) -> None:
    emu = make_emulator(speed=1000.0)
    same = audio_part(wav_bytes(1.0))
    other = audio_part(wav_bytes(2.0))
    for part in (same, other, same):
        assert post(emu, body(part, stream=False, audio=False)).status_code == 200
    first, second, third = emu.http_requests
    assert first.content_sha256 == third.content_sha256 != second.content_sha256
    assert first.model == "qwen3-livetranslate-flash" and first.path == "/compatible-mode/v1/chat/completions"
    assert first.media_bytes == len(wav_bytes(1.0)) and first.body_bytes > first.media_bytes
    assert first.received_at <= (first.finished_at or 0)
    assert first.prompt_tokens == 13 and first.finish_reason == "stop" and not first.stream
    hashes = emu.http_records.completed_content_hashes()
    assert len(hashes) - len(set(hashes)) == 1  # the repeated input shows up as a duplicate


def test_recording_can_be_switched_on_while_running(make_emulator: Any) -> None:
    emu = make_emulator(record=False, speed=1000.0)
    post(emu, body(stream=False, audio=False))
    emu.http_records.enabled = True
    post(emu, body(stream=False, audio=False))
    assert len(emu.http_requests) == 1
