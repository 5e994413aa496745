"""RealtimeConnection against the real emulator over real sockets."""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from interpreter.emulator.faults import Faults
from interpreter.errors import AuthenticationError, NetworkError, NetworkTimeoutError
from interpreter.protocol.config import SessionConfig
from interpreter.protocol.retry import HandshakePacer, backoff
from interpreter.protocol.session_events import Segment, SegmentFinalized, SegmentsRetracted
from interpreter.transport.realtime import DEFAULT_APPEND_MS, ConnectionEvent, ConnectionStatus, RealtimeConnection
from interpreter.transport.send_queue import QueuedFrame
from tests.transport.audio import BLOCK_MS, blocks, silence, tone, utterances
from tests.transport.proxy import pausable_proxy

WAIT_S = 30.0  # generous: other test runs load the machine


def fast_backoff() -> Iterator[float]:
    """Deterministic, quick delays: 0.05, 0.1, 0.2, ... (no jitter)."""
    return backoff(initial=0.05, factor=2.0, maximum=1.0, jitter=0.0)


def connection(emu: Any, **kwargs: Any) -> RealtimeConnection:
    kwargs.setdefault("backoff_factory", fast_backoff)
    # Tests of other behaviour reconnect quickly; pacing has its own tests.
    kwargs.setdefault("handshake_pacer", HandshakePacer(limit=1000))
    kwargs.setdefault("rate_limited_wait", 0.0)
    kwargs.setdefault("api_key", emu.api_key)
    kwargs.setdefault("base_url", emu.base_url)
    return RealtimeConnection(SessionConfig(target_language="es"), **kwargs)


class Collector:
    """Consumes ``events()`` in the background, keeping everything (and the error the stream ended with)."""

    def __init__(self, conn: RealtimeConnection, on_event: Callable[[ConnectionEvent], None] | None = None) -> None:
        self.events: list[ConnectionEvent] = []
        self.error: BaseException | None = None
        self._on_event = on_event
        self.task = asyncio.create_task(self._run(conn))

    async def _run(self, conn: RealtimeConnection) -> None:
        try:
            async for event in conn.events():
                self.events.append(event)
                if self._on_event is not None:
                    self._on_event(event)
        except Exception as exc:  # the stream's documented way to end on failure
            self.error = exc

    async def done(self) -> None:
        await asyncio.wait_for(self.task, WAIT_S)

    def segments(self) -> list[Segment]:
        return [e.segment for e in self.events if isinstance(e, SegmentFinalized)]

    def statuses(self, state: str | None = None) -> list[ConnectionStatus]:
        return [e for e in self.events if isinstance(e, ConnectionStatus) and (state is None or e.state == state)]


async def stream(conn: RealtimeConnection, pcm: bytes, per_block_s: float = 0.004) -> None:
    """Send ``pcm`` in 40 ms blocks, 10x faster than real time (the emulator's VAD is clocked by bytes)."""
    for block in blocks(pcm):
        conn.send_audio(block)
        await asyncio.sleep(per_block_s)


@contextlib.asynccontextmanager
async def running(conn: RealtimeConnection) -> AsyncIterator[Collector]:
    collector = Collector(conn)
    try:
        yield collector
    finally:
        await conn.abort()
        await collector.done()


async def test_connects_configures_and_translates_three_segments(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=10.0)
    conn = connection(emu)
    async with running(conn) as events:
        await asyncio.wait_for(conn.start(), WAIT_S)
        assert conn.state == "connected"
        await stream(conn, utterances(3))
        await asyncio.wait_for(conn.finish(), WAIT_S)
        await events.done()
    assert emu.sessions[0].received_types()[0] == "session.update"
    segments = events.segments()
    assert [s.index for s in segments] == [0, 1, 2]
    assert all(s.translation_text and s.source_text for s in segments)
    starts = [s.start_ms for s in segments]
    assert starts == sorted(starts)
    assert [s.state for s in events.statuses()] == ["connecting", "connected", "closed"]
    assert events.error is None
    stats = conn.stats
    assert stats.handshakes == 1 and stats.reconnects == 0
    # The default gathers whole 40 ms blocks into appends of at least DEFAULT_APPEND_MS; the remainder goes out
    # with session.finish.
    blocks_per_append = math.ceil(DEFAULT_APPEND_MS / BLOCK_MS)
    assert stats.audio_frames_sent == math.ceil(len(blocks(utterances(3))) / blocks_per_append)
    assert bytes(emu.sessions[0].audio) == utterances(3)


async def test_finish_keeps_the_last_sentence_spoken_right_up_to_the_stop(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=10.0)
    conn = connection(emu)
    async with running(conn) as events:
        await conn.start()
        # The last utterance has no pause after it: only session.finish makes the service finalize it.
        await stream(conn, utterances(2, trailing_pause=False))
        await asyncio.wait_for(conn.finish(), WAIT_S)
        await events.done()
    assert len(events.segments()) == 2
    assert not conn.stats.finish_timed_out
    assert "session.finish" in emu.sessions[0].received_types()


async def test_reconnect_mid_utterance_loses_no_segment(make_emulator: Callable[..., Any]) -> None:
    # 1 session.update + the appends of 94 audio blocks (3.76 s): the middle of the second utterance (3.0–4.5 s).
    appends = 94 // math.ceil(DEFAULT_APPEND_MS / BLOCK_MS)
    emu = make_emulator(speed=10.0, faults=Faults(drop_after_messages=1 + appends))

    def clear_fault_once_reconnecting(event: ConnectionEvent) -> None:
        if isinstance(event, ConnectionStatus) and event.state == "reconnecting":
            emu.faults.update(drop_after_messages=None)

    conn = connection(emu)
    events = Collector(conn, clear_fault_once_reconnecting)
    try:
        await conn.start()
        await stream(conn, utterances(3))
        await asyncio.wait_for(conn.finish(), WAIT_S)
        await events.done()
    finally:
        await conn.abort()
    segments = events.segments()
    assert [s.index for s in segments] == [0, 1, 2], "every utterance exactly once"
    ends = [s.end_ms for s in segments]
    starts = [s.start_ms for s in segments]
    assert all(x is not None for x in starts + ends)
    assert starts == sorted(starts) and ends == sorted(ends)  # type: ignore[type-var]
    # Times are on the session clock: the third utterance starts near 6 s despite the new connection.
    assert 5500 <= starts[2] <= 6100  # type: ignore[operator]
    reconnecting = events.statuses("reconnecting")
    assert len(reconnecting) == 1 and isinstance(reconnecting[0].error, NetworkError)
    assert conn.stats.reconnects == 1 and conn.stats.handshakes == 2
    assert len(emu.sessions) == 2
    assert any(isinstance(e, SegmentsRetracted) for e in events.events)
    assert events.error is None


async def test_wrong_key_fails_after_exactly_one_handshake(emulator: Any) -> None:
    conn = connection(emulator, api_key="sk-wrong-key")
    events = Collector(conn)
    with pytest.raises(AuthenticationError) as info:
        await asyncio.wait_for(conn.start(), WAIT_S)
    await events.done()
    assert "region" in info.value.user_message
    assert "sk-wrong-key" not in str(info.value)
    assert emulator.stats.handshake_attempts == 1
    assert [s.state for s in events.statuses()] == ["connecting", "failed"]
    assert isinstance(events.error, AuthenticationError)


async def test_rate_limit_backs_off_with_growing_delays_then_connects(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(faults=Faults(reject_handshake=429, reject_handshake_times=3, retry_after_s=0))
    conn = connection(emu)
    async with running(conn) as events:
        await asyncio.wait_for(conn.start(), WAIT_S)
        delays = [s.retry_in_s for s in events.statuses("reconnecting")]
    assert delays == [0.05, 0.1, 0.2]
    assert emu.stats.handshake_attempts == 4
    assert conn.stats.handshakes == 4


async def test_rate_limit_honours_retry_after(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(faults=Faults(reject_handshake=429, reject_handshake_times=1, retry_after_s=1))
    conn = connection(emu)
    async with running(conn) as events:
        await asyncio.wait_for(conn.start(), WAIT_S)
        delays = [s.retry_in_s for s in events.statuses("reconnecting")]
    assert delays == [1.0]  # the server's Retry-After wins over the 0.05 s backoff


async def test_send_queue_overflow_drops_the_oldest_audio(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=10.0)
    async with pausable_proxy(emu.base_url) as proxy:
        # A 16 KB kernel send buffer: the OS default grows to megabytes, which would swallow the whole burst.
        conn = connection(emu, base_url=proxy.base_url, send_queue_frames=8, send_buffer_bytes=16_384, append_ms=0)
        sent = blocks(tone(10_000))  # 250 blocks, ~450 KB of JSON: far more than the buffers hold
        async with running(conn):
            await conn.start()
            proxy.pause_uplink()  # a stalled uplink: the socket soon stops accepting data
            for block in sent:
                conn.send_audio(block)
            written = conn.stats.audio_frames_sent
            assert 0 < written < len(sent) - 8
            # Everything the socket did not take waits in the queue (8 frames) or was dropped, oldest first.
            assert conn.stats.audio_frames_dropped == len(sent) - written - 8
            proxy.resume_uplink()
            await asyncio.wait_for(conn.finish(), WAIT_S)
        assert conn.stats.audio_frames_sent == written + 8
        # What reached the service is what the socket took, then the NEWEST audio: the stale middle was dropped.
        assert bytes(emu.sessions[0].audio) == b"".join(sent[:written] + sent[-8:])


async def test_audio_is_written_from_send_audio_when_the_socket_is_idle(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=10.0)
    conn = connection(emu, append_ms=0)
    sent = blocks(tone(400))
    async with running(conn):
        await conn.start()
        for count, block in enumerate(sent, start=1):
            conn.send_audio(block)
            # On the socket before send_audio returned: no hop through the queue and the writer task.
            assert conn.stats.audio_frames_sent == count
            await asyncio.sleep(0.005)
        await asyncio.wait_for(conn.finish(), WAIT_S)
    assert conn.stats.send_queue_high_water == 0
    assert bytes(emu.sessions[0].audio) == b"".join(sent)


async def test_appends_gather_blocks_and_report_when_their_oldest_block_arrived(
    make_emulator: Callable[..., Any],
) -> None:
    emu = make_emulator(speed=10.0)
    written: list[QueuedFrame] = []
    conn = connection(emu, append_ms=80, on_frame_written=lambda item, at: written.append(item))
    sent = blocks(tone(400))  # ten 40 ms blocks -> five 80 ms appends
    async with running(conn):
        await conn.start()
        for block in sent:
            conn.send_audio(block)
            await asyncio.sleep(0.005)
        await asyncio.wait_for(conn.finish(), WAIT_S)
    appends = [item for item in written if item.frame.kind == "audio"]
    assert len(appends) == 5
    assert all(a.held_since is not None and a.held_since < a.entered_at for a in appends)
    assert bytes(emu.sessions[0].audio) == b"".join(sent)
    assert emu.sessions[0].received_types().count("input_audio_buffer.append") == 5


async def test_a_frame_waiting_for_a_stalled_socket_keeps_the_order(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=10.0)
    async with pausable_proxy(emu.base_url) as proxy:
        conn = connection(emu, base_url=proxy.base_url, send_buffer_bytes=16_384, append_ms=0)
        before, after = blocks(tone(200)), blocks(tone(400, freq=330.0))
        # ~400 KB: far beyond the socket's buffers, so this write must wait for the uplink (not a valid JPEG, which
        # the emulator answers with a non-fatal error; only the order of the frames matters here).
        picture = b"\xff\xd8\xff" + bytes(range(256)) * 1600
        async with running(conn):
            await conn.start()
            for block in before:
                conn.send_audio(block)
            proxy.pause_uplink()
            conn.send_image(picture)
            for block in after:  # queued behind the picture
                conn.send_audio(block)
            proxy.resume_uplink()
            await asyncio.wait_for(conn.finish(), WAIT_S)
    record = emu.sessions[0]
    assert record.images == [picture]
    assert bytes(record.audio) == b"".join(before + after)
    types = [t for t in record.received_types() if t.startswith("input_")]
    assert types.index("input_image_buffer.append") == len(before)
    assert conn.stats.audio_frames_sent == len(before) + len(after)
    assert conn.stats.audio_frames_dropped == 0


async def test_finish_gives_up_waiting_on_a_stalled_service(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=10.0, faults=Faults(stall_after_messages=20))
    conn = connection(emu, finish_timeout=0.5)
    async with running(conn) as events:
        await conn.start()
        await stream(conn, utterances(1))
        await asyncio.wait_for(conn.finish(), WAIT_S)
        await events.done()
    assert conn.stats.finish_timed_out
    assert events.statuses()[-1].state == "closed"


async def test_session_that_never_gets_configured_times_out(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(faults=Faults(stall_after_messages=0))
    conn = connection(emu, configure_timeout=0.3, max_initial_attempts=2)
    events = Collector(conn)
    with pytest.raises(NetworkTimeoutError):
        await asyncio.wait_for(conn.start(), WAIT_S)
    await events.done()
    assert emu.stats.connections == 2  # retried once, then gave up: a first session that never works says so


async def test_handshake_that_never_answers_times_out() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # accept the TCP connection, never answer the upgrade

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        conn = RealtimeConnection(
            SessionConfig(), api_key="sk-x", base_url=f"http://127.0.0.1:{port}", connect_timeout=0.3, retry=False
        )
        events = Collector(conn)
        with pytest.raises(NetworkTimeoutError) as info:
            await asyncio.wait_for(conn.start(), WAIT_S)
        await events.done()
        assert f"127.0.0.1:{port}" in info.value.user_message
    finally:
        server.close()
        await server.wait_closed()


async def test_unreachable_service_is_a_network_error_after_the_initial_attempts() -> None:
    conn = RealtimeConnection(
        SessionConfig(),
        api_key="sk-x",
        base_url="http://127.0.0.1:9",
        backoff_factory=fast_backoff,
        max_initial_attempts=2,
    )
    events = Collector(conn)
    with pytest.raises(NetworkError):
        await asyncio.wait_for(conn.start(), WAIT_S)
    await events.done()
    assert conn.stats.handshakes == 2
    assert [s.state for s in events.statuses()] == ["connecting", "reconnecting", "connecting", "failed"]


async def test_audio_after_finish_is_ignored(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=10.0)
    conn = connection(emu)
    async with running(conn):
        await conn.start()
        conn.send_audio(silence(40))
        await asyncio.wait_for(conn.finish(), WAIT_S)
        conn.send_audio(silence(40))
    assert conn.stats.audio_frames_sent == 1
