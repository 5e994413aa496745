"""``python -m interpreter.emulator``: first line is the base URL, SIGTERM/SIGINT exit 0, options are checked."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import aiohttp
import pytest

from interpreter.emulator.cli import _fault_settings, add_arguments

ROOT = Path(__file__).resolve().parents[2]


async def _start(*args: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "interpreter.emulator",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_prints_base_url_first_and_stops_cleanly(signum: int) -> None:
    process = await _start("--port", "0", "--api-key", "sk-cli-test", "--speed", "5")
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 30)).decode().strip()
        assert line.startswith("http://127.0.0.1:")
        url = line.replace("http://", "ws://") + "/api-ws/v1/realtime?model=qwen3-livetranslate-flash-realtime"
        headers = {"Authorization": "Bearer sk-cli-test"}
        async with aiohttp.ClientSession() as http, http.ws_connect(url, headers=headers) as ws:
            created = await ws.receive_json(timeout=15)
            assert created["type"] == "session.created"
        process.send_signal(signum)
        assert await asyncio.wait_for(process.wait(), 30) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_non_loopback_host_needs_allow_remote() -> None:
    process = await _start("--host", "0.0.0.0", "--port", "0")
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert b"--allow-remote" in stderr


async def test_bad_script_file_is_a_clear_error(tmp_path: Path) -> None:
    script = tmp_path / "bad.jsonl"
    script.write_text('{"source": "ok"}\n{"oops": 1}\n', encoding="utf-8")
    process = await _start("--port", "0", "--script", str(script))
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert b"Line 2" in stderr


def test_fault_flags_map_to_faults() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(
        [
            "--drop-after-seconds",
            "2.5",
            "--drop-after-messages",
            "7",
            "--delay-ms",
            "30",
            "--error-after-messages",
            "4:quota_exceeded",
            "--reject-handshake",
            "429",
            "--stall-after-messages",
            "9",
        ]
    )
    assert _fault_settings(args) == {
        "drop_after_seconds": 2.5,
        "drop_after_messages": 7,
        "delay_ms": 30.0,
        "reject_handshake": 429,
        "stall_after_messages": 9,
        "error_after_messages": 4,
        "error_code": "quota_exceeded",
    }
    assert parser.parse_args([]).port == 8765
    with pytest.raises(SystemExit):
        parser.parse_args(["--reject-handshake", "500"])
    with pytest.raises(SystemExit):
        parser.parse_args(["--speed", "0"])


async def test_http_api_with_request_log_and_bad_http_status(tmp_path: Path) -> None:
    from tests.emulator.httpclient import body

    log = tmp_path / "requests.jsonl"
    process = await _start("--port", "0", "--api-key", "sk-cli-test", "--speed", "100", "--request-log", str(log))
    try:
        assert process.stdout is not None
        base = (await asyncio.wait_for(process.stdout.readline(), 30)).decode().strip()
        headers = {"Authorization": "Bearer sk-cli-test"}
        async with aiohttp.ClientSession() as http:
            url = f"{base}/compatible-mode/v1/chat/completions"
            async with http.post(url, json=body(stream=False, audio=False), headers=headers) as response:
                assert response.status == 200
                assert (await response.json())["object"] == "chat.completion"
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    (line,) = log.read_text(encoding="utf-8").splitlines()
    entry = json.loads(line)
    assert entry["status"] == 200 and entry["model"] == "qwen3-livetranslate-flash"
    assert len(entry["content_sha256"]) == 64 and entry["finish_reason"] == "stop"

    refused = await _start("--port", "0", "--http-status", "418")
    _, stderr = await asyncio.wait_for(refused.communicate(), 30)
    assert refused.returncode == 2
    assert b"418" in stderr
