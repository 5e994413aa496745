"""`live-interpreter live --engine gummy` end to end: a real subprocess against the demo emulator, and refusals."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
from pathlib import Path

import pysubs2
import pytest

from interpreter.cli import main
from interpreter.cli.common import EXIT_CONFIG
from interpreter.cli.live_gummy import MSG_TEXT_ONLY_OPTION
from interpreter.transport import texts

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "tests" / "data" / "speech_en_16k.wav"
CAPTION = re.compile(r"^\[DEMO\] \[\d\d:\d\d\.\d–\d\d:\d\d\.\d\] Demo segment \d .+ → \[ZH 演示\] 第\d段，.+秒$")
WAIT_S = 60.0


async def test_gummy_demo_run_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "interpreter", "live", "--engine", "gummy", "--demo", "--speed", "8",
        "--input", str(SPEECH), "--target", "zh", "--source", "en", "--out-dir", str(out),
        cwd=str(ROOT), env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), WAIT_S)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    err = stderr.decode()
    assert process.returncode == 0, err
    captions = stdout.decode().splitlines()
    assert len(captions) == 3 and all(CAPTION.match(line) for line in captions), captions
    assert "DEMO — not real translation" in err
    assert re.search(r"Gummy: \d+\.\d s of audio ≈ \d+\.\d{4} CNY .*LiveTranslate text only: ≈ \d+\.\d{4} CNY", err), (
        err
    )
    lines = [json.loads(line) for line in (out / "transcript.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["translation"] for line in lines] == [c.split(" → ")[1] for c in captions]
    assert len(pysubs2.load(str(out / "captions.srt"))) == 3
    assert not (out / "translation.wav").exists()  # Gummy is text only


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--play"], MSG_TEXT_ONLY_OPTION.format(option="--play")),
        (["--voice", "Cherry"], MSG_TEXT_ONLY_OPTION.format(option="--voice")),
        (["--target", "th", "--source", "zh"], "Gummy does not translate zh into th"),
        (["--region", "singapore", "--api-key", "sk-test"], texts.GUMMY_BEIJING_ONLY()),
    ],
)
def test_gummy_refusals_are_one_sentence_and_exit_2(
    tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["live", "--engine", "gummy", "--input", str(SPEECH), "--target", "zh", "--out-dir", str(tmp_path / "o")]
    code = main([*args, *extra])
    err = capsys.readouterr().err
    assert code == EXIT_CONFIG
    assert f"error: {message}" in err
    assert not (tmp_path / "o").exists()
