"""``live-interpreter translate`` end to end: a real subprocess against the real emulator over loopback, generated
media, real output files, real SQLite job records."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pysubs2
import pytest

from interpreter.core.jobs import SegmentState
from interpreter.core.segment_plan import SegmentSpan
from interpreter.media.clips import encode_audio_segment
from interpreter.store.jobs import JobStore
from tests.services import filegen

pytestmark = pytest.mark.slow

#: Emulator speed-up: answers 10x faster than real time (a few seconds of media translate in about a second).
SPEED = 10.0
#: Control characters a piped output must not contain (everything below space except newline, plus DEL).
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def _translate(emu: Any, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interpreter", "translate", *args, "--base-url", emu.base_url, "--segment-s", "3"],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "DASHSCOPE_API_KEY": emu.api_key},
        stdin=subprocess.DEVNULL,
    )


def test_a_folder_translates_to_every_output_and_piped_output_is_plain(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    media = tmp_path / "media"
    media.mkdir()
    filegen.speech_wav(media / "talk.wav")
    filegen.video(media / "clip.mp4")
    (media / "readme.txt").write_text("not media")

    result = _translate(emu, str(media), "--to", "en", "--from", "zh")

    assert result.returncode == 0, result.stderr
    assert not _CONTROL.search(result.stdout), "piped output must carry no control characters"
    assert "skipped 1 file that is not audio or video" in result.stdout
    assert "Estimate: 2 files" in result.stdout
    assert re.search(r"Done: 2 of 2 files translated; \d+ segments, [\d,]+ tokens, [\d.]+ USD", result.stdout)
    for name in ("talk.en.srt", "talk.en.vtt", "talk.en.txt", "talk.en.wav", "clip.en.srt", "clip.en.mp4"):
        assert (media / name).stat().st_size > 0, name
    assert not (media / "talk.en.mp4").exists()  # an audio file has no video to dub
    assert pysubs2.load(str(media / "talk.en.srt")).events


def test_a_bad_file_is_named_and_the_others_still_translate(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    good = filegen.speech_wav(tmp_path / "good.wav")
    empty = tmp_path / "empty.mp3"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.mp4"
    fake.write_text("this is text, not a video")

    result = _translate(emu, str(empty), str(good), str(fake), "--to", "en", "--formats", "srt,txt")

    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert any("empty.mp3" in line for line in errors)
    assert any("fake.mp4" in line for line in errors)
    assert (tmp_path / "good.en.srt").exists() and (tmp_path / "good.en.txt").exists()
    assert "Finished: 1 of 3 files translated, 2 failed" in result.stdout


def test_a_refused_key_exits_3(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "interpreter",
            "translate",
            str(wav),
            "--to",
            "en",
            "--base-url",
            emu.base_url,
            "--api-key",
            "sk-wrong",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 3, result.stderr
    assert "error:" in result.stderr and "rejected the API key" in result.stderr
    assert "Stopped: 0 of 1 files translated" in result.stdout
    assert not list(tmp_path.glob("talk.en*"))


def test_an_unknown_format_is_a_bad_input(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    result = _translate(emu, str(wav), "--to", "en", "--formats", "srt,docx")
    assert result.returncode == 2
    assert "docx" in result.stderr


def test_sigterm_stops_cleanly_and_a_rerun_resumes_without_requesting_done_segments(
    make_emulator: Callable[..., Any], tmp_path: Path, isolated_app_dirs: dict[str, str]
) -> None:
    emu = make_emulator(speed=1.5)  # slow enough that the stop lands mid-batch
    wav = filegen.speech_wav(tmp_path / "long.wav", count=8, seed=11)
    argv = [
        sys.executable,
        "-m",
        "interpreter",
        "translate",
        str(wav),
        "--to",
        "en",
        "--from",
        "zh",
        "--formats",
        "srt,wav",
        "--concurrency",
        "1",
        "--base-url",
        emu.base_url,
        "--segment-s",
        "3",
    ]
    env = {**os.environ, "DASHSCOPE_API_KEY": emu.api_key}
    child = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert child.stdout is not None
    for line in child.stdout:  # bounded by pytest-timeout; the child prints a line per finished segment
        if re.search(r"running, [2-9]/\d+ segments", line):
            break
    else:
        pytest.fail("the batch ended before it could be stopped")
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert "Run the same command again to resume" in err
    assert not list(tmp_path.glob("long.en*")), "nothing half-written under a final name"
    stopped_at = len(emu.http_requests)

    store_path = Path(isolated_app_dirs["LIVE_INTERPRETER_DATA_DIR"]) / "translate-jobs.sqlite3"
    with JobStore(store_path) as store:
        [job] = store.list_jobs()
    done_before = {s.index for s in job.segments if s.state == SegmentState.DONE}
    assert 2 <= len(done_before) < len(job.segments)

    rerun = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)
    assert rerun.returncode == 0, rerun.stderr
    assert "resuming" in rerun.stdout
    assert (tmp_path / "long.en.srt").exists() and (tmp_path / "long.en.wav").exists()
    # The rerun asked only for the segments not done before the stop (each at most once).
    resumed = [r for r in emu.http_requests[stopped_at:] if r.content_sha256]
    assert len(resumed) == len(job.segments) - len(done_before)
    assert len({r.content_sha256 for r in resumed}) == len(resumed)

    def media_hash(segment: Any) -> str:
        clip = encode_audio_segment(wav, SegmentSpan(segment.index, segment.start_ms, segment.end_ms, segment.speech))
        return hashlib.sha256(clip.data).hexdigest()

    paid_before = {media_hash(s) for s in job.segments if s.index in done_before}
    assert paid_before.isdisjoint(r.content_sha256 for r in resumed)  # a stored result is never requested again


def test_a_file_translated_before_with_the_same_settings_is_reused(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    first = _translate(emu, str(wav), "--to", "en", "--formats", "srt")
    assert first.returncode == 0, first.stderr
    paid = len(emu.http_requests)

    again = _translate(emu, str(wav), "--to", "en", "--formats", "vtt")

    assert again.returncode == 0, again.stderr
    assert "reusing that translation (no charge)" in again.stdout
    assert len(emu.http_requests) == paid  # nothing requested again
    assert (tmp_path / "talk.en.vtt").exists()


# ------------------------------------------------------------------------------------------------------ on a terminal


def _in_terminal(argv: list[str], env: dict[str, str], answer: bytes | None) -> tuple[int, str]:
    """Run ``argv`` with stdin/stdout/stderr on a pseudo-terminal; type ``answer`` at the first question.

    Returns the exit code and everything the terminal showed.
    """
    import pty
    import select

    controller, terminal = pty.openpty()
    child = subprocess.Popen(argv, stdin=terminal, stdout=terminal, stderr=terminal, env=env, close_fds=True)
    os.close(terminal)
    shown = b""
    answered = False
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], 60)  # bounded: a hung child fails the test
            assert ready, "the command stopped talking"
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the child closed the terminal (EIO on Linux)
                break
            if not chunk:
                break
            shown += chunk
            if answer is not None and not answered and b"[y/N]" in shown:
                os.write(controller, answer)
                answered = True
    finally:
        os.close(controller)
    return child.wait(timeout=60), shown.decode("utf-8", "replace")


def test_on_a_terminal_each_file_has_a_progress_bar(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    a = filegen.speech_wav(tmp_path / "a.wav")
    b = filegen.speech_wav(tmp_path / "b.wav", seed=4)
    argv = [
        sys.executable,
        "-m",
        "interpreter",
        "translate",
        str(a),
        str(b),
        "--to",
        "en",
        "--formats",
        "srt",
        "--base-url",
        emu.base_url,
        "--segment-s",
        "3",
        "--yes",
    ]
    code, shown = _in_terminal(argv, {**os.environ, "DASHSCOPE_API_KEY": emu.api_key}, None)
    assert code == 0, shown
    assert "\x1b[" in shown, "bars are redrawn in place on a terminal"
    assert re.search(r"a\.wav\s+█+\s+100 %", shown) and re.search(r"b\.wav\s+█+\s+100 %", shown)
    assert "Done: 2 of 2 files translated" in shown


def test_a_costly_batch_asks_first_and_no_sends_nothing(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    argv = [
        sys.executable,
        "-m",
        "interpreter",
        "translate",
        str(wav),
        "--to",
        "en",
        "--formats",
        "srt",
        "--base-url",
        emu.base_url,
        "--segment-s",
        "3",
        "--confirm-above",
        "0.0001",
    ]
    env = {**os.environ, "DASHSCOPE_API_KEY": emu.api_key}

    code, shown = _in_terminal(argv, env, b"n\n")
    assert code == 0, shown
    assert "This batch may cost more than 0.0001 USD. Start? [y/N]" in shown
    assert "Not started. Nothing was sent." in shown
    assert len(emu.http_requests) == 0 and not (tmp_path / "talk.en.srt").exists()

    code, shown = _in_terminal(argv, env, b"y\n")
    assert code == 0, shown
    assert (tmp_path / "talk.en.srt").exists()
    # --yes, or a standard input that is not a terminal, never asks (the piped tests above run that way).


def test_a_service_that_keeps_failing_exits_4_and_names_the_file(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(status=500)
    wav = filegen.speech_wav(tmp_path / "talk.wav", count=1)
    result = _translate(emu, str(wav), "--to", "en", "--formats", "srt")
    assert result.returncode == 4, result.stderr
    assert any(line.startswith("error: talk.wav:") for line in result.stderr.splitlines())
    assert not (tmp_path / "talk.en.srt").exists()


def test_an_output_folder_that_cannot_be_written_exits_5_before_any_request(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    result = _translate(emu, str(wav), "--to", "en", "--out-dir", str(blocker / "out"))
    assert result.returncode == 5, result.stderr
    assert "Cannot write to the output folder" in result.stderr
    assert len(emu.http_requests) == 0
