"""`live-interpreter live` end to end: in-process through cli.main, and as a real subprocess stopped by SIGINT."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
import wave
from pathlib import Path
from typing import Any

import pysubs2
import pytest

from interpreter.cli import main
from interpreter.cli.common import EXIT_AUTH, EXIT_CONFIG, EXIT_LOCAL, EXIT_NETWORK, exit_code_for
from interpreter.cli.live import tenths_clock
from interpreter.errors import AuthenticationError, ConfigError, NetworkError, StorageError

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "tests" / "data" / "speech_en_16k.wav"
CAPTION = re.compile(r"^\[DEMO\] \[\d\d:\d\d\.\d–\d\d:\d\d\.\d\] .+ → .+$")
WAIT_S = 45.0


def _assert_outputs(out_dir: Path, segments: int) -> None:
    lines = [json.loads(line) for line in (out_dir / "transcript.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == segments
    assert all(set(line) >= {"start_ms", "end_ms", "source", "translation", "language", "usage"} for line in lines)
    cues = pysubs2.load(str(out_dir / "captions.srt"))
    assert len(cues) == segments
    assert [cue.start for cue in cues] == sorted(cue.start for cue in cues)
    with wave.open(str(out_dir / "translation.wav")) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (24000, 1, 2)
        assert wav.getnframes() > 0
    assert not list(out_dir.glob(".*")), "no temporary files left behind"


def test_demo_run_prints_captions_and_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["live", "--demo", "--speed", "8", "--input", str(SPEECH), "--target", "es", "--out-dir", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    captions = captured.out.splitlines()
    assert len(captions) == 3 and all(CAPTION.match(line) for line in captions), captions
    assert "DEMO — not real translation" in captured.err
    _assert_outputs(out, 3)


def test_duration_stops_early_and_keeps_the_files_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["live", "--demo", "--speed", "8", "--input", str(SPEECH), "--target", "es", "--out-dir", str(tmp_path)]
    assert main([*args, "--duration", "4"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    _assert_outputs(tmp_path, 1)


def test_hotwords_and_text_only_reach_the_service(tmp_path: Path, emulator: Any) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("source,target\nmeeting,reunión\nbroken line\n", encoding="utf-8")
    code = main([
        "live", "--input", str(SPEECH), "--target", "es", "--text-only", "--hotwords", str(glossary),
        "--base-url", emulator.base_url, "--api-key", emulator.api_key, "--speed", "8", "--duration", "1",
        "--out-dir", str(tmp_path / "out"),
    ])  # fmt: skip
    assert code == 0
    update = next(e for e in emulator.sessions[0].received if e.get("type") == "session.update")
    assert update["session"]["translation"]["corpus"]["phrases"] == {"meeting": "reunión"}
    assert update["session"]["modalities"] == ["text"]
    assert not (tmp_path / "out" / "translation.wav").exists()


def test_wrong_key_is_one_sentence_and_exit_code_3(
    tmp_path: Path, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([
        "live", "--input", str(SPEECH), "--target", "es", "--base-url", emulator.base_url,
        "--api-key", "sk-not-this-one", "--out-dir", str(tmp_path),
    ])  # fmt: skip
    err = capsys.readouterr().err
    assert code == EXIT_AUTH
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "region" in errors[0]
    assert "sk-not-this-one" not in err
    assert emulator.stats.handshake_attempts == 1


@pytest.mark.parametrize(
    "extra",
    [
        ["--demo", "--target", "xx-nonexistent"],
        ["--target", "es", "--speed", "4", "--base-url", "https://dashscope-intl.aliyuncs.com", "--api-key", "sk-x"],
        ["--demo", "--target", "es", "--hotwords", "/nonexistent/terms.csv"],
    ],
)
def test_configuration_errors_exit_2(tmp_path: Path, extra: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["live", "--input", str(SPEECH), "--out-dir", str(tmp_path), *extra])
    assert code == EXIT_CONFIG
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("error: ")


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "not-audio.wav"
    bogus.write_bytes(b"this is not a media file")
    code = main(["live", "--demo", "--input", str(bogus), "--target", "es", "--out-dir", str(tmp_path / "o")])
    assert code == EXIT_CONFIG
    assert "error:" in capsys.readouterr().err


def test_exit_code_table() -> None:
    assert exit_code_for(AuthenticationError("x")) == EXIT_AUTH
    assert exit_code_for(NetworkError("x")) == EXIT_NETWORK
    assert exit_code_for(ConfigError("x")) == EXIT_CONFIG
    assert exit_code_for(StorageError("x")) == EXIT_LOCAL


def test_clock_format() -> None:
    assert tenths_clock(3240) == "00:03.2"
    assert tenths_clock(59_960) == "01:00.0"
    assert tenths_clock(3_723_400) == "1:02:03.4"
    assert tenths_clock(None) == "--:--.-"


async def test_sigint_mid_way_finishes_gracefully_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "interpreter", "live", "--demo", "--speed", "4",
        "--input", str(SPEECH), "--target", "es", "--out-dir", str(out),
        cwd=str(ROOT), env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    try:
        # The first caption is final at ~4.6 s of audio (≈1.2 s at 4x); the second sentence is being spoken then.
        first = await asyncio.wait_for(process.stdout.readline(), WAIT_S)
        assert CAPTION.match(first.decode().rstrip("\n")), first
        process.send_signal(signal.SIGINT)
        rest, err = await asyncio.wait_for(process.communicate(), WAIT_S)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, err.decode()
    assert "Finishing the last sentence" in err.decode()
    captions = [first.decode().rstrip("\n"), *rest.decode().splitlines()]
    assert len(captions) == 2, "the sentence being spoken at Ctrl+C is finished, nothing after it is sent"
    _assert_outputs(out, 2)
