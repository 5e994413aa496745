"""``live-interpreter translate`` routes by type: a media file, a subtitle file and a picture in one batch, a real
subprocess against the real emulator over loopback; one ``Batch:`` summary and one exit code for the whole batch."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pysubs2
import pytest
from PIL import Image

from tests.fakes.ocr_images import text_image
from tests.services import filegen

pytestmark = pytest.mark.slow

#: Emulator speed-up (as tests/cli/test_translate.py): seconds of media translate in about a second.
SPEED = 10.0

SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nWelcome to Acme Cloud.\n\n"
    "2\n00:00:04,000 --> 00:00:06,500\nThe keynote starts now.\n"
)


def _translate(emu: Any, *args: str, key: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interpreter", "translate", *args, "--base-url", emu.base_url, "--segment-s", "3"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DASHSCOPE_API_KEY": key or emu.api_key},
        stdin=subprocess.DEVNULL,
    )


def test_one_of_each_kind_is_routed_translated_and_summed_up(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    talk = filegen.speech_wav(tmp_path / "talk.wav")
    subs = tmp_path / "keynote.srt"
    subs.write_text(SRT, encoding="utf-8")
    poster = tmp_path / "poster.png"
    text_image(["Summer sale", "Everything half price"], size=40, width=800).save(poster)
    glossary = tmp_path / "terms.csv"
    glossary.write_text("source,target\nAcme Cloud,阿克米云\n", encoding="utf-8")

    result = _translate(
        emu,
        str(talk),
        str(subs),
        str(poster),
        "--to",
        "zh",
        "--from",
        "en",
        "--formats",
        "srt,txt",
        "--text-only",
        "--glossary",
        str(glossary),
        "--domain",
        "A product keynote.",
        "--bilingual",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Done: 1 of 1 files translated" in out  # the media flow's own line, as before
    assert "Documents: 1 of 1 translated" in out
    assert "Pictures: 1 of 1 translated" in out
    assert out.rstrip().endswith("Batch: 3 of 3 files translated (3 kinds).")
    assert (tmp_path / "talk.zh.srt").stat().st_size > 0 and not (tmp_path / "talk.zh.wav").exists()
    cues = pysubs2.load(str(tmp_path / "keynote.zh.srt")).events
    assert [(c.start, c.end) for c in cues] == [(1000, 3000), (4000, 6500)]
    assert "Welcome to Acme Cloud." in cues[0].text, "bilingual keeps the original line"
    assert "阿克米云" in cues[0].text, "the glossary term reached the model"
    # The service answers with a JPEG, kept as such.
    with Image.open(tmp_path / "poster.zh.jpg") as translated, Image.open(poster) as original:
        assert translated.size == original.size


def test_a_bad_document_makes_the_batch_exit_2_and_the_rest_is_still_done(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    good = tmp_path / "notes.md"
    good.write_text("# Agenda\n\nDoors open at nine.\n", encoding="utf-8")
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"")
    poster = tmp_path / "sign.png"
    text_image(["Exit"], size=40, width=400).save(poster)

    result = _translate(emu, str(good), str(empty), str(poster), "--to", "zh")

    assert result.returncode == 2, result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "empty.srt" in errors[0], errors
    assert (tmp_path / "notes.zh.md").exists() and (tmp_path / "sign.zh.jpg").exists()
    assert "Batch: 2 of 3 files translated (2 kinds)." in result.stdout


def test_a_refused_key_exits_3_for_documents(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    subs = tmp_path / "keynote.srt"
    subs.write_text(SRT, encoding="utf-8")

    result = _translate(emu, str(subs), "--to", "zh", key="sk-" + "0badbad0" * 4)

    assert result.returncode == 3, result.stdout + result.stderr
    assert not (tmp_path / "keynote.zh.srt").exists()
    assert "Documents: 0 of 1 translated" in result.stdout
