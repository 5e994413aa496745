"""ReplayBuffer: bounded, releases what the server is done with, and plans replays with turn markers in place."""

from __future__ import annotations

import pytest

from interpreter.protocol.replay import ReplayAudio, ReplayBuffer, ReplayMarker
from tests.protocol.transcripts import ramp_pcm, ramp_start

RATE = 16000


def _filled(ms: int, limit_ms: int = 60_000) -> ReplayBuffer:
    buffer = ReplayBuffer(RATE, limit_ms)
    for block in range(ms // 40):  # 40 ms device blocks
        buffer.append(ramp_pcm(block * 640, 640))
    return buffer


def test_plan_covers_everything_not_released_in_100_ms_chunks() -> None:
    buffer = _filled(1000)
    buffer.release_before(250 * 16)
    plan = buffer.plan()
    assert plan.start == 4000 and plan.gap is None
    audio = [item for item in plan.items if isinstance(item, ReplayAudio)]
    assert [len(a.pcm) for a in audio] == [3200] * 7 + [1600]
    assert b"".join(a.pcm for a in audio) == ramp_pcm(4000, 12000)
    assert [a.start for a in audio][:2] == [4000, 5600]


def test_release_is_monotonic() -> None:
    buffer = _filled(1000)
    buffer.release_before(8000)
    buffer.release_before(4000)
    assert buffer.plan().start == 8000


def test_limit_drops_the_oldest_audio_and_reports_the_gap() -> None:
    buffer = _filled(2000, limit_ms=500)
    assert buffer.retained_samples == 8000
    plan = buffer.plan()
    assert plan.gap == (0, 24000)
    assert ramp_start(plan.items[0].pcm) == 24000  # type: ignore[union-attr]
    buffer.skip_gap()
    assert buffer.plan().gap is None


def test_markers_are_replayed_between_the_audio_they_separate() -> None:
    buffer = ReplayBuffer(RATE, 60_000)
    buffer.append(ramp_pcm(0, 1600))
    buffer.mark("commit")
    buffer.append(ramp_pcm(1600, 800))
    buffer.mark("clear")
    items = buffer.plan().items
    assert [type(i).__name__ for i in items] == ["ReplayAudio", "ReplayMarker", "ReplayAudio", "ReplayMarker"]
    assert items[1] == ReplayMarker(1600, "commit")
    assert items[3] == ReplayMarker(2400, "clear")


def test_a_marker_at_the_replay_start_is_not_sent_again() -> None:
    buffer = ReplayBuffer(RATE, 60_000)
    buffer.append(ramp_pcm(0, 1600))
    buffer.mark("commit")
    buffer.release_before(1600)
    buffer.append(ramp_pcm(1600, 1600))
    assert [type(i).__name__ for i in buffer.plan().items] == ["ReplayAudio"]


def test_partial_samples_are_refused() -> None:
    with pytest.raises(ValueError):
        ReplayBuffer(RATE, 1000).append(b"\x00")
