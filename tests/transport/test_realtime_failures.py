"""RealtimeConnection under failure (issue 10): stalls, flaky networks, throttling, refusals — emulator faults over
real sockets."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosedError
from websockets.frames import Close

from interpreter.emulator.faults import Faults
from interpreter.errors import NetworkError, NetworkTimeoutError, RateLimitError, RequestRejectedError, ServerError
from interpreter.protocol.retry import HandshakePacer
from interpreter.protocol.session_events import GapMarked
from interpreter.transport.realtime import ConnectionStatus, _closed_error
from tests.transport.audio import utterances
from tests.transport.test_realtime import WAIT_S, Collector, connection, stream


async def test_unanswered_speech_replaces_a_stalled_connection_and_replays_it(
    make_emulator: Callable[..., Any],
) -> None:
    # The first connection goes silent after session.update + 24 appends (2.4 s: inside the first utterance's
    # pause) while the socket stays open; the fault is cleared once the client gives up on it.
    emu = make_emulator(speed=10.0, faults=Faults(stall_after_messages=25))

    def clear_fault_once_reconnecting(event: Any) -> None:
        if isinstance(event, ConnectionStatus) and event.state == "reconnecting":
            emu.faults.update(stall_after_messages=None)

    # 1.5 s: well past the emulator's answer time even on a loaded machine, short enough for a quick test.
    conn = connection(emu, stall_timeout=1.5)
    events = Collector(conn, clear_fault_once_reconnecting)
    try:
        await asyncio.wait_for(conn.start(), WAIT_S)
        await stream(conn, utterances(3))
        await asyncio.wait_for(conn.finish(), WAIT_S)
        await events.done()
    finally:
        await conn.abort()
    assert [s.index for s in events.segments()] == [0, 1, 2], "every utterance translated exactly once"
    reconnecting = events.statuses("reconnecting")
    assert reconnecting, "the stalled connection was replaced"
    assert isinstance(reconnecting[0].error, NetworkTimeoutError)
    assert "stopped answering" in reconnecting[0].error.user_message
    assert conn.stalls >= 1
    assert not conn.stats.finish_timed_out
    assert not [e for e in events.events if isinstance(e, GapMarked)]
    assert events.error is None


async def test_speech_never_answered_ends_as_a_gap_not_as_success(make_emulator: Callable[..., Any]) -> None:
    # Every connection stalls right after session.update and two appends: nothing is ever answered.
    emu = make_emulator(speed=10.0, faults=Faults(stall_after_messages=3))
    conn = connection(emu, stall_timeout=0.3, finish_timeout=2.0)
    events = Collector(conn)
    try:
        await asyncio.wait_for(conn.start(), WAIT_S)
        await stream(conn, utterances(2))
        await asyncio.wait_for(conn.finish(), WAIT_S)
        await events.done()
    finally:
        await conn.abort()
    assert events.segments() == []
    gaps = [e for e in events.events if isinstance(e, GapMarked)]
    assert len(gaps) == 1
    # The whole of both utterances (0–1.5 s and 3–4.5 s) lies in the gap.
    assert gaps[0].start_ms == 0 and gaps[0].end_ms >= 4500
    assert conn.stats.finish_timed_out
    assert conn.stalls >= 1


async def test_a_flaky_network_is_retried_for_as_long_as_the_session_runs(make_emulator: Callable[..., Any]) -> None:
    # Every connection is cut after 40 client messages (~3.9 s of audio): more short connections in a row than the
    # old "connect-then-reject" rule allowed (3), yet each one works.
    emu = make_emulator(speed=10.0, faults=Faults(drop_after_messages=40))
    conn = connection(emu)
    events = Collector(conn)
    try:
        await asyncio.wait_for(conn.start(), WAIT_S)
        await stream(conn, utterances(6))
        emu.faults.update(drop_after_messages=None)  # let the finish through
        await asyncio.wait_for(conn.finish(), WAIT_S)
        await events.done()
    finally:
        await conn.abort()
    assert events.error is None
    assert [s.index for s in events.segments()] == list(range(6))
    reconnecting = events.statuses("reconnecting")
    assert len(reconnecting) >= 4
    assert all(isinstance(s.error, NetworkError) and s.attempt >= 1 for s in reconnecting)
    assert not [e for e in events.events if isinstance(e, GapMarked)]


async def test_repeated_429_is_paced_and_the_last_word_says_it_gave_up(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(faults=Faults(reject_handshake=429, retry_after_s=0))
    loop = asyncio.get_running_loop()
    attempts: list[float] = []

    def note_attempt(event: Any) -> None:
        if isinstance(event, ConnectionStatus) and event.state == "connecting":
            attempts.append(loop.time())

    # Scaled-down pacing (2 handshakes per 1.2 s, >= 0.3 s after a 429) so the test is quick; the shape is the
    # production one (6 per 60 s, >= 10 s after a 429).
    conn = connection(
        emu, handshake_pacer=HandshakePacer(limit=2, window_s=1.2), rate_limited_wait=0.3, max_initial_attempts=5
    )
    events = Collector(conn, note_attempt)
    with pytest.raises(RateLimitError) as info:
        await asyncio.wait_for(conn.start(), WAIT_S)
    await events.done()
    assert emu.stats.handshake_attempts == 5
    message = info.value.user_message
    assert message.startswith("Gave up after 5 tries over ")
    assert "Trying again" not in message
    assert all(s.retry_in_s is not None and s.retry_in_s >= 0.3 for s in events.statuses("reconnecting"))
    # No 1.2 s window holds more than 2 handshakes (the client sleeps at least that long; timer slack only adds).
    for first, third in zip(attempts, attempts[2:], strict=False):
        assert third - first >= 1.2 - 0.01


async def test_exhausted_quota_mid_session_is_not_retried(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(
        speed=10.0,
        faults=Faults(error_after_messages=5, error_code="insufficient_quota", error_message="You exceeded your quota"),
    )
    conn = connection(emu)
    events = Collector(conn)
    await asyncio.wait_for(conn.start(), WAIT_S)
    await stream(conn, utterances(2))
    await events.done()
    await conn.abort()
    assert isinstance(events.error, RateLimitError)
    assert conn.stats.handshakes == 1
    assert events.statuses("reconnecting") == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [(1008, RequestRejectedError), (1009, RequestRejectedError), (1011, ServerError), (1006, NetworkError)],
)
def test_close_codes_are_not_all_network_drops(code: int, expected: type[Exception]) -> None:
    error = _closed_error(ConnectionClosedError(Close(code, "bye"), None))
    assert type(error) is expected


async def test_a_bug_in_the_pump_is_an_internal_error_not_a_network_retry(
    make_emulator: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from interpreter.cli.common import EXIT_INTERNAL, exit_code_for
    from interpreter.errors import InterpreterError
    from interpreter.protocol.session import RealtimeSession

    emu = make_emulator(speed=10.0)
    conn = connection(emu)
    events = Collector(conn)
    await asyncio.wait_for(conn.start(), WAIT_S)

    def broken_receive(self: RealtimeSession, text: str) -> None:
        raise RuntimeError("a bug while reading a frame")

    monkeypatch.setattr(RealtimeSession, "receive", broken_receive)
    await stream(conn, utterances(1))
    await events.done()
    await conn.abort()
    assert isinstance(events.error, InterpreterError) and not isinstance(events.error, NetworkError)
    assert exit_code_for(events.error) == EXIT_INTERNAL
    assert events.statuses("reconnecting") == [], "a bug is not retried as if the network had dropped"
    assert conn.stats.handshakes == 1
