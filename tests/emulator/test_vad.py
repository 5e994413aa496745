"""Energy VAD: unit behaviour and segment timing on the speech fixture over the wire."""

from __future__ import annotations

import pytest

from interpreter.emulator.testing import EmulatorHandle
from interpreter.emulator.vad import EnergyVad, VadEvent, threshold_dbfs
from tests.emulator.wsclient import QWEN3, configure, connect, silence, speech_pcm, speech_segments, tone

# The fixture's boundaries are where audible speech begins/ends; the VAD must land within this many ms.
TOLERANCE_MS = 150


def _vad(**kw: int | float) -> EnergyVad:
    options = {"sample_rate": 16000, "threshold": 0.2, "silence_duration_ms": 500, "prefix_padding_ms": 0, **kw}
    return EnergyVad(**options)  # type: ignore[arg-type]


def test_threshold_mapping() -> None:
    assert threshold_dbfs(0.2) == pytest.approx(-34.0)
    assert threshold_dbfs(-1.0) == pytest.approx(-70.0)
    assert threshold_dbfs(1.0) == pytest.approx(-10.0)


def test_segment_boundaries_follow_bytes_not_calls() -> None:
    audio = silence(1000) + tone(2000) + silence(1000)
    whole = _vad().feed(audio)
    vad = _vad()
    pieces: list[VadEvent] = []
    for start in range(0, len(audio), 333):  # odd-sized pieces: frames and samples split across calls
        pieces.extend(vad.feed(audio[start : start + 333]))
    assert whole == pieces == [VadEvent("started", 1000), VadEvent("stopped", 3000)]


def test_prefix_padding_moves_start_earlier_but_not_before_zero() -> None:
    assert _vad(prefix_padding_ms=300).feed(silence(1000) + tone(500))[0] == VadEvent("started", 700)
    assert _vad(prefix_padding_ms=300).feed(silence(100) + tone(500))[0] == VadEvent("started", 0)


def test_short_pause_is_bridged_and_click_is_ignored() -> None:
    events = _vad().feed(tone(500) + silence(300) + tone(500) + silence(600) + tone(40) + silence(600))
    assert events == [VadEvent("started", 0), VadEvent("stopped", 1300)]


def test_quiet_noise_is_not_speech_but_higher_sensitivity_hears_it() -> None:
    quiet = tone(1000, level=0.005) + silence(600)  # about -49 dBFS
    assert _vad().feed(quiet) == []
    assert [e.kind for e in _vad(threshold=-1.0).feed(quiet)] == ["started", "stopped"]


def test_flush_closes_an_open_segment() -> None:
    vad = _vad()
    assert vad.feed(tone(800)) == [VadEvent("started", 0)]
    assert vad.flush() == VadEvent("stopped", 800)
    assert vad.flush() is None


@pytest.mark.parametrize("padding", [0, 300])
async def test_speech_fixture_gives_three_segments_at_known_times(make_emulator, padding: int) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(speed=50.0)
    async with connect(emu, QWEN3) as client:
        await configure(client, turn_detection={"type": "server_vad", "prefix_padding_ms": padding})
        await client.send_audio(speech_pcm())
        await client.send("session.finish")
        await client.until("session.finished")
    starts = [e["audio_start_ms"] for e in client.of_type("input_audio_buffer.speech_started")]
    ends = [e["audio_end_ms"] for e in client.of_type("input_audio_buffer.speech_stopped")]
    known = speech_segments()
    assert len(starts) == len(ends) == len(known) == 3
    for start, end, segment in zip(starts, ends, known, strict=True):
        assert abs(start - (segment["start_ms"] - padding)) <= TOLERANCE_MS, (start, segment)
        assert abs(end - segment["end_ms"]) <= TOLERANCE_MS, (end, segment)
    assert len(client.of_type("response.done")) == 3
