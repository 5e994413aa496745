"""`live-interpreter live` with real devices: the microphone (PulseAudio virtual mic), pictures, the echo guard."""

from __future__ import annotations

import itertools
import json
import re
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from interpreter.cli import main
from tests.fakes.pulse import MIC_SOURCE, SPEAKER_SINK, PulseDaemon
from tests.media.mediagen import write_video

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "tests" / "data" / "speech_en_16k.wav"
#: Silence played before the speech: PortAudio's ALSA/pulse input takes up to ~2 s to deliver its first block, and
#: the speech must not start before the microphone is listening.
LEAD_IN_S = 3.0
#: Audio sent after the speech ends: the emulator's VAD needs ~1 s of silence to close the last sentence.
TAIL_S = 2.0
CAPTION = re.compile(r"^\[\d\d:\d\d\.\d–\d\d:\d\d\.\d\] .+ → .+$")


def _transcript(out_dir: Path) -> list[dict[str, Any]]:
    lines = (out_dir / "transcript.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _speech_with_lead_in(tmp_path: Path) -> tuple[Path, float]:
    with wave.open(str(SPEECH)) as src:
        rate = src.getframerate()
        speech = src.readframes(src.getnframes())
    path = tmp_path / "lead_in_speech.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(int(LEAD_IN_S * rate) * 2) + speech)
    return path, LEAD_IN_S + len(speech) / 2 / rate


@pytest.mark.audio
def test_microphone_input_interprets_speech_played_into_the_virtual_mic(
    tmp_path: Path, pulse: PulseDaemon, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    clip, seconds = _speech_with_lead_in(tmp_path)
    out = tmp_path / "out"
    player = pulse.play_file_into_mic(clip)  # starts now; the command's microphone opens within the lead-in
    try:
        code = main([
            "live", "--input", "mic", "--target", "es", "--base-url", emulator.base_url,
            "--api-key", emulator.api_key, "--duration", str(seconds + TAIL_S), "--out-dir", str(out),
        ])  # fmt: skip
    finally:
        player.wait(timeout=30)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Listening on" in captured.err
    captions = captured.out.splitlines()
    assert len(captions) == 3 and all(CAPTION.match(line) for line in captions), captions
    segments = _transcript(out)
    assert len(segments) == 3
    # The three sentences of the fixture start at 0.5, 4.6 and 8.6 s: captured live, they keep that spacing.
    starts = [s["start_ms"] for s in segments]
    assert [round((b - a) / 1000) for a, b in itertools.pairwise(starts)] == [4, 4]
    received = emulator.sessions[0].audio
    assert len(received) >= int((seconds - 1.0) * 16000) * 2  # the mic streamed (nearly) the whole clip


def _slides_video(tmp_path: Path, seconds: int = 4, fps: int = 10) -> Path:
    """A 640x360 'presentation': a new slide every second, with mild per-frame noise like a camera's."""
    rng = np.random.default_rng(0)
    frames = []
    for i in range(seconds * fps):
        slide = i // fps
        image = np.full((360, 640, 3), 230, np.uint8)
        srng = np.random.default_rng(slide)
        for _ in range(8):
            y, x = int(srng.integers(0, 330)), int(srng.integers(0, 500))
            image[y : y + 20, x : x + int(srng.integers(40, 140))] = 30
        noise = rng.integers(-2, 3, image.shape)
        frames.append(np.clip(image.astype(np.int16) + noise, 0, 255).astype(np.uint8))
    return write_video(tmp_path / "slides.mp4", frames, fps)


def test_visual_file_sends_changed_pictures_and_their_tokens_are_counted(
    tmp_path: Path, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main([
        "live", "--input", str(SPEECH), "--target", "es", "--visual", str(_slides_video(tmp_path)),
        "--base-url", emulator.base_url, "--api-key", emulator.api_key, "--speed", "2", "--out-dir", str(out),
    ])  # fmt: skip
    captured = capsys.readouterr()
    assert code == 0, captured.err
    images = emulator.sessions[0].images
    # Four slides over 4 s: each is a scene change; the gate sends each once (plus nothing for the noise).
    assert 3 <= len(images) <= 5
    assert all(jpeg[:2] == b"\xff\xd8" for jpeg in images)
    segments = _transcript(out)
    assert len(segments) == 3  # the transcript is still complete
    image_tokens = sum(s["usage"].get("input_image_tokens", 0) for s in segments)
    summary = re.search(r"Pictures: (\d+) sent \(([\d,]+) image tokens\)", captured.err)
    assert summary is not None, captured.err
    assert int(summary.group(1)) == len(images)
    assert int(summary.group(2).replace(",", "")) == image_tokens > 0
    assert not [line for line in captured.err.splitlines() if line.startswith("error")]


#: "Voice on <device>: <seconds> s played, <n> gaps (buffer <ms> ms...)." — the --play summary line.
VOICE_LINE = re.compile(r"^Voice on (.+): ([\d.]+) s played, (\d+) gaps? \(buffer (\d+) ms")


@pytest.mark.audio
def test_played_voice_has_no_gap_between_responses(
    tmp_path: Path, pulse: PulseDaemon, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    recorder = pulse.record_speaker()  # the virtual speaker is the default output
    try:
        code = main([
            "live", "--input", str(SPEECH), "--play", "--target", "es", "--base-url", emulator.base_url,
            "--api-key", emulator.api_key, "--out-dir", str(out),
        ])  # fmt: skip
    finally:
        heard = recorder.stop()
    err = capsys.readouterr().err
    assert code == 0, err
    voice = [m for line in err.splitlines() if (m := VOICE_LINE.match(line))]
    assert len(voice) == 1, err
    with wave.open(str(out / "translation.wav")) as wav:
        received_s = wav.getnframes() / wav.getframerate()
    # Three responses with pauses between them, and not one underrun: each response's end was passed on.
    assert int(voice[0].group(3)) == 0, err
    assert float(voice[0].group(2)) == pytest.approx(received_s, abs=0.1), "all the voice received was played"
    assert np.abs(np.frombuffer(heard, np.int16)).max() > 1000, "the voice reached the speaker"


@pytest.fixture
def mic_records_the_speaker(pulse: PulseDaemon) -> Iterator[None]:
    """Route the default input to the virtual speaker's monitor (a loopback), then put it back."""
    pulse.run("pactl", "set-default-source", f"{SPEAKER_SINK}.monitor")
    try:
        yield
    finally:
        pulse.run("pactl", "set-default-source", MIC_SOURCE)


@pytest.mark.audio
def test_echo_guard_warns_once_when_the_mic_hears_the_voice_output(
    tmp_path: Path, emulator: Any, mic_records_the_speaker: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([
        "live", "--input", "mic", "--play", "--target", "es", "--base-url", emulator.base_url,
        "--api-key", emulator.api_key, "--duration", "0.5", "--out-dir", str(tmp_path / "out"),
    ])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "translated again" in warnings[0], err


@pytest.mark.audio
def test_no_echo_warning_for_a_separate_microphone(
    tmp_path: Path, pulse: PulseDaemon, emulator: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([
        "live", "--input", "mic", "--play", "--target", "es", "--base-url", emulator.base_url,
        "--api-key", emulator.api_key, "--duration", "0.5", "--out-dir", str(tmp_path / "out"),
    ])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Playing the translated voice" in err
    assert not [line for line in err.splitlines() if line.startswith("warning:")], err
