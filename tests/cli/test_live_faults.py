"""`live` under failure (issue 10): a stalled service, a flaky network, kill -9, a reused output folder."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from interpreter.cli import main
from interpreter.cli.common import EXIT_NETWORK, EXIT_OK
from interpreter.core.captions import GAP_TEXT
from interpreter.emulator.faults import Faults
from interpreter.transport.realtime import RealtimeConnection

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "tests" / "data" / "speech_en_16k.wav"
WAIT_S = 60.0


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _live(emu: Any, out: Path, *extra: str) -> list[str]:
    return [
        "live", "--base-url", emu.base_url, "--api-key", emu.api_key, "--speed", "8",
        "--input", str(SPEECH), "--target", "es", "--out-dir", str(out), *extra,
    ]  # fmt: skip


def test_a_service_that_never_answers_ends_incomplete_with_the_gap_named(
    make_emulator: Callable[..., Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every connection goes silent after session.update + 29 appends (2.9 s, inside the first sentence): the socket
    # stays open, nothing more is answered. Before issue 10 this printed "Done", exit 0, with sentences missing.
    emu = make_emulator(speed=8.0, faults=Faults(stall_after_messages=30))
    defaults = RealtimeConnection.__init__.__kwdefaults__
    monkeypatch.setitem(defaults, "stall_timeout", 0.5)  # scaled down from 8 s so the test is quick
    monkeypatch.setitem(defaults, "finish_timeout", 3.0)
    code = main(_live(emu, tmp_path))
    out, err = capsys.readouterr()
    assert code == EXIT_NETWORK, err
    assert "Done:" not in err and "Incomplete:" in err
    assert "went untranslated" in err
    assert GAP_TEXT in out
    rows = _rows(tmp_path / "transcript.jsonl")
    gaps = [row for row in rows if row.get("gap")]
    assert len(gaps) == 1 and gaps[0]["end_ms"] >= 11_000  # the speech up to the end is marked lost
    assert GAP_TEXT in (tmp_path / "captions.srt").read_text(encoding="utf-8")


def test_a_flaky_network_keeps_going_and_translates_everything(
    make_emulator: Callable[..., Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every connection is cut after 60 client messages (~6 s of audio), at real-time pace as in the report. Before
    # issue 10: exit 4 after 2 reconnects and 8 s, nothing translated.
    emu = make_emulator(speed=1.0, faults=Faults(drop_after_messages=60))
    args = _live(emu, tmp_path)
    args[args.index("--speed") + 1] = "1"
    code = main(args)
    err = capsys.readouterr().err
    assert code == EXIT_OK, err
    assert "reconnecting, attempt" in err
    assert "Done: 3 segments" in err
    rows = _rows(tmp_path / "transcript.jsonl")
    assert [row["index"] for row in rows] == [0, 1, 2]


async def test_kill_9_keeps_finished_sentences_and_voice_and_a_rerun_reports_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "interpreter", "live", "--demo", "--speed", "2",
        "--input", str(SPEECH), "--target", "es", "--out-dir", str(out),
        cwd=str(ROOT), env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    assert process.stdout is not None
    try:
        captions = [await asyncio.wait_for(process.stdout.readline(), WAIT_S) for _ in range(2)]
        process.send_signal(signal.SIGKILL)  # no finalizer, no flush: what is on disk is all there is
        await asyncio.wait_for(process.wait(), WAIT_S)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert all(caption.strip() for caption in captions)
    rows = _rows(out / "transcript.jsonl")
    assert len(rows) >= 2
    with wave.open(str(out / "translation.wav")) as wav:  # readable as is, before any recovery
        assert (wav.getframerate(), wav.getnchannels()) == (24000, 1)
        # The emulator speaks each sentence's translation at 24 kHz: two sentences are well over a second.
        assert wav.getnframes() > 24000

    # A second run in the same folder reports the earlier session and leaves its files alone.
    before = (out / "transcript.jsonl").read_bytes()
    code = await asyncio.to_thread(
        main, ["live", "--demo", "--speed", "8", "--duration", "4", "--input", str(SPEECH), "--target", "es",
               "--out-dir", str(out)],
    )  # fmt: skip
    assert code == EXIT_OK
    assert (out / "transcript.jsonl").read_bytes() == before
    assert len(_rows(out / "transcript-2.jsonl")) == 1
    assert (out / "captions-2.srt").exists()
    with wave.open(str(out / "translation-2.wav")) as wav:
        assert wav.getnframes() > 0
    assert not list(out.glob(".*")), "no hidden leftovers"


def test_a_reused_folder_is_reported_on_stderr(
    make_emulator: Callable[..., Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    emu = make_emulator(speed=8.0)
    assert main(_live(emu, tmp_path, "--duration", "4")) == EXIT_OK
    capsys.readouterr()
    assert main(_live(emu, tmp_path, "--duration", "4")) == EXIT_OK
    err = capsys.readouterr().err
    assert "already holds an earlier session (transcript.jsonl: 1 sentences" in err
    assert "transcript-2.jsonl" in err
    assert len(_rows(tmp_path / "transcript.jsonl")) == 1
    assert len(_rows(tmp_path / "transcript-2.jsonl")) == 1


def test_repeated_429_gives_up_saying_so_without_a_contradicting_last_word(
    make_emulator: Callable[..., Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from interpreter.protocol.retry import HandshakePacer

    # Before issue 10: 5 handshakes in 8 s, then "…Trying again in 1 s." as the last word, exit 4.
    emu = make_emulator(faults=Faults(reject_handshake=429, retry_after_s=1))
    defaults = RealtimeConnection.__init__.__kwdefaults__
    # Scaled down from 10 s after a 429 and 6 handshakes a minute, so the test is quick; the shape is the same.
    monkeypatch.setitem(defaults, "rate_limited_wait", 0.2)
    monkeypatch.setitem(defaults, "handshake_pacer", HandshakePacer(limit=6, window_s=6.0))
    code = main(_live(emu, tmp_path))
    err = capsys.readouterr().err
    assert code == EXIT_NETWORK
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: Gave up after 5 tries over "), last
    assert "Trying again" not in last
    assert "reconnecting, attempt 2 in 1.0 s" in err  # Retry-After (1 s) honoured over the shorter wait
    assert emu.stats.handshake_attempts == 5
