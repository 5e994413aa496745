"""HTTP fault injection (statuses, Retry-After, stream cut, mid-stream error, slow first byte), the per-model rate
limiter, and the command-line flags that set them."""

from __future__ import annotations

import argparse
import json
from typing import Any

import httpx
import pytest

from interpreter.emulator.cli import _http_fault_settings, add_arguments
from interpreter.emulator.http.faults import HttpFaults
from interpreter.emulator.testing import EmulatorHandle
from tests.emulator.httpclient import audio_part, body, error_of, post, sse_payloads, stream, video_url, wav_bytes
from tests.emulator.media import mp4_bytes

SPEED = 1000.0  # pacing out of the way: these tests are about faults, not timing


def _tiny() -> dict[str, Any]:
    return body(audio_part(wav_bytes(0.2)), stream=False, audio=False)


@pytest.mark.parametrize("status", [429, 500, 503])
def test_status_for_the_next_n_requests_then_success(make_emulator: Any, status: int) -> None:
    emu: EmulatorHandle = make_emulator(
        speed=SPEED, http_faults=HttpFaults(status=status, status_times=2, retry_after_s=7)
    )
    answers = [post(emu, _tiny()) for _ in range(3)]
    assert [a.status_code for a in answers] == [status, status, 200]
    error = error_of(answers[0])
    assert error["code"] == {429: "limit_requests", 500: "internal_error", 503: "service_unavailable"}[status]
    if status in (429, 503):
        assert answers[0].headers["Retry-After"] == "7"
    assert emu.http_stats.statuses[status] == 2


def test_status_every_nth_request(make_emulator: Any) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    emu.http_faults.update(status=500, status_every=3)
    statuses = [post(emu, _tiny()).status_code for _ in range(6)]
    assert statuses == [200, 200, 500, 200, 200, 500]
    emu.http_faults.clear()
    assert post(emu, _tiny()).status_code == 200


def test_stream_cut_mid_way_has_no_done(make_emulator: Any) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED, http_faults=HttpFaults(cut_after_chunks=3))
    received: list[str] = []
    with pytest.raises(httpx.HTTPError), stream(emu, body()) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line.startswith("data: "):
                received.append(line)
    assert len(received) == 3
    assert "data: [DONE]" not in received
    emu.wait_for(lambda: emu.http_stats.streams_cut == 1)
    record = emu.http_requests[-1]
    assert record.cut and record.chunks_sent == 3 and record.finish_reason is None
    assert emu.http_records.completed_content_hashes() == []  # a cut stream did not deliver the answer


def test_mid_stream_error_then_end(make_emulator: Any) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    emu.http_faults.update(error_after_chunks=2, error_code="internal_error")
    with stream(emu, body()) as response:
        payloads = sse_payloads(response)  # the body ends normally
    assert len(payloads) == 3
    assert "[DONE]" not in payloads
    error = json.loads(payloads[-1])["error"]
    assert error["code"] == "internal_error" and error["message"]
    assert all("choices" in json.loads(p) for p in payloads[:2])


def test_slow_first_byte_trips_a_short_client_timeout(make_emulator: Any) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED, http_faults=HttpFaults(first_byte_delay_ms=1500))
    with pytest.raises(httpx.ReadTimeout):
        post(emu, _tiny(), timeout=httpx.Timeout(30.0, read=0.2))
    emu.http_faults.update(first_byte_delay_ms=0)
    assert post(emu, _tiny()).status_code == 200


def test_rate_limit_100_requests_per_minute(make_emulator: Any) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED, http_faults=HttpFaults(rate_limits=True))
    clock = [1000.0]
    emu.server.context.monotonic = lambda: clock[0]  # a fake clock: the minute passes when the test says so
    with httpx.Client(timeout=30.0) as client:

        def send() -> httpx.Response:
            return client.post(f"{emu.compatible_base_url()}/chat/completions", json=_tiny(), headers=_auth(emu))

        assert all(send().status_code == 200 for _ in range(100))
        refused = send()
        assert refused.status_code == 429
        assert error_of(refused)["code"] == "limit_requests"
        assert refused.headers["Retry-After"] == "60"  # the oldest request leaves the window in 60 s
        clock[0] += 30
        assert send().status_code == 429
        assert send().headers["Retry-After"] == "30"
        clock[0] += 30.5
        assert send().status_code == 200
    assert emu.http_stats.rate_limited == 3


def test_rate_limit_100k_tokens_per_minute(make_emulator: Any) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED, http_faults=HttpFaults(rate_limits=True))
    emu.server.context.monotonic = lambda: 50.0  # time stands still
    # 64 s of 640x360 video: 128 frames -> 64 x 20 x 12 patches + 2 = 15 362 video tokens + 800 audio tokens.
    part = {"type": "video_url", "video_url": {"url": video_url(mp4_bytes(64.0, 640, 360))}}
    spent: list[int] = []
    for _ in range(10):
        response = post(emu, body(part, stream=False, audio=False))
        if response.status_code == 429:
            break
        spent.append(response.json()["usage"]["total_tokens"])
    assert response.status_code == 429, "the token limit was never reached"
    assert sum(spent) >= 100_000 > sum(spent[:-1])  # refused exactly once the minute's tokens reached the limit


def test_rate_limits_are_off_by_default(make_emulator: Any) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    emu.server.context.monotonic = lambda: 0.0
    assert all(post(emu, _tiny()).status_code == 200 for _ in range(101))


def test_command_line_flags_build_http_faults() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(
        [
            "--http-status", "503", "--http-status-times", "2", "--retry-after", "4",
            "--http-first-byte-delay-ms", "250", "--http-cut-after-chunks", "5",
            "--http-error-after-chunks", "3:limit_requests", "--rate-limits",
        ]
    )  # fmt: skip
    settings = HttpFaults(**_http_fault_settings(args)).snapshot()
    assert (settings.status, settings.status_times, settings.retry_after_s) == (503, 2, 4)
    assert (settings.first_byte_delay_ms, settings.cut_after_chunks) == (250.0, 5)
    assert (settings.error_after_chunks, settings.error_code, settings.rate_limits) == (3, "limit_requests", True)
    assert args.transcript_form == "content"


def _auth(emu: EmulatorHandle) -> dict[str, str]:
    return {"Authorization": f"Bearer {emu.api_key}"}
