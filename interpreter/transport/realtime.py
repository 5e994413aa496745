"""The realtime connection: a thin asyncio pump between a WebSocket and the sans-I/O ``RealtimeSession``.

    send_audio(pcm) ─> RealtimeSession.append_audio ─> data_to_send() ─┬─ socket idle: written at once ──> websocket
                                                                        └─ else: SendQueue ─> writer task ─┘
    websocket ─> reader task ─> RealtimeSession.receive ─> events_received() ─> asyncio.Queue ─> events()
    supervisor task: connect → (reader + writer + stall watchdog) → on a retryable failure: status "reconnecting",
                     backoff, RealtimeSession.begin_reconnect() (re-sends the config, replays unfinished audio), connect
                     again.

Failure policy (why a live session "loses nothing"):
- A stall is decided from the audio sent: speech-level audio (``SPEECH_LEVEL_DBFS``, at least
  ``MIN_UNANSWERED_SPEECH_MS`` of it) that no server event answers within ``stall_timeout`` means the connection is
  dead even if the socket looks open; it is torn down and the unanswered audio replayed on a new one.
- Network-type failures are retried, with backoff capped at ``RECONNECT_BACKOFF_MAX_S``, for as long as the session
  runs; only refusals (key, model, config, exhausted quota; ``protocol.retry.classify``) and sessions that never
  started (``max_initial_attempts``) give up. Every handshake goes through a ``HandshakePacer`` (at most 6 a
  minute) and a 429 waits at least ``RATE_LIMITED_WAIT_S`` or its Retry-After, whichever is longer.
- A session that ends without ``session.finished`` (finish timed out, failed for good) marks the audio the server
  never finished as a gap (``RealtimeSession.abandon``), so the loss is a visible row, never silently missing.

All protocol decisions (what to send, what a frame means, which audio to replay) live in ``interpreter.protocol``;
all retry decisions are the pure functions in ``interpreter.protocol.retry``. This module only moves bytes, keeps
time and maps socket failures to ``interpreter.errors`` (through :mod:`interpreter.transport.errors`).

Everything runs on one event loop; ``send_audio``/``send_image`` must be called on the loop's thread.

CPU on the live path (a 40 ms block 25 times a second, for hours): a frame is written straight from the call that
produced it when nothing is waiting before it (empty queue, idle writer, room in the socket's write buffer), which
saves an event-loop iteration and a task switch per block; only a busy socket routes frames through the bounded
queue, which keeps its drop-oldest-audio backpressure. ``append_ms`` gathers blocks into longer wire appends
(see ``DEFAULT_APPEND_MS``). Measured by ``benchmarks/bench_client.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import platform
import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.protocol import State

from interpreter import __version__
from interpreter.core.messages import UserMessage
from interpreter.core.net import is_loopback
from interpreter.core.pcm import SAMPLE_WIDTH, rms_dbfs
from interpreter.errors import (
    ConfigError,
    InterpreterError,
    NetworkError,
    NetworkTimeoutError,
    ProtocolError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.protocol.config import SessionConfig
from interpreter.protocol.events import SessionCreated, SessionFinished, SessionUpdated
from interpreter.protocol.retry import Decision, HandshakePacer, RejectTracker, backoff, classify
from interpreter.protocol.session import OutgoingFrame, RealtimeSession, SessionState
from interpreter.protocol.session_events import (
    GapMarked,
    SegmentFinalized,
    SegmentsRetracted,
    SessionEvent,
    SessionFailed,
)
from interpreter.transport import texts
from interpreter.transport.eager import start_eagerly
from interpreter.transport.endpoints import Region, parse_region, realtime_url, region_name
from interpreter.transport.errors import HandshakeRateLimitError, map_connect_error, map_connection_closed
from interpreter.transport.send_queue import DEFAULT_MAX_FRAMES, Frame, QueuedFrame, SendQueue

logger = logging.getLogger(__name__)

ConnectionState = Literal["connecting", "connected", "reconnecting", "closed", "failed"]

USER_AGENT = f"live-interpreter/{__version__} python/{platform.python_version()}"

MAX_MESSAGE_BYTES = 16 * 1024 * 1024
"""Largest server message accepted. Audio deltas are Base64 24 kHz PCM (64 KB per second of speech); a long
sentence delivered in one delta can exceed websockets' 1 MiB default. 16 MiB (~4 min of audio) bounds memory
while never rejecting a real message."""

KEEPALIVE_INTERVAL_S = 20.0
"""Ping period. Gateways and NATs commonly drop connections idle for 60 s or more; during long pauses in a talk no
audio may flow (a muted mic), so a ping every 20 s keeps the session alive and notices a dead peer."""

KEEPALIVE_TIMEOUT_S = 20.0
"""A pong later than this means the peer is gone: the connection is treated as dropped and reconnected."""

CLOSE_TIMEOUT_S = 2.0
"""How long a close handshake may take before the socket is simply torn down (nothing more is expected)."""

CONFIGURE_TIMEOUT_S = 10.0
"""From an open socket to ``session.updated``: the service answers in well under a second; 10 s means it hung."""

STABLE_CONNECTION_S = 10.0
"""A configured connection that lived this long (or produced a finalized segment) counts as a success: the backoff
and the reject counter start over. Shorter-lived connections keep backing off, so a server that accepts and then
drops every session cannot cause a reconnect storm."""

DEFAULT_APPEND_MS = 100
"""Least audio per ``input_audio_buffer.append`` on the wire, independent of the 20–40 ms capture block: the chunk
size of the service's own samples (spec §1.8). Appends are whole capture blocks, so 40 ms blocks go out three at a
time (120 ms) and 20 ms blocks five at a time. Every wire frame costs a JSON frame, a WebSocket frame and a ``send()``
system call, and at real-time pace each runs with cold caches; gathering blocks is the largest CPU saving on the live
path (about a quarter of the client's CPU against one append per 40 ms block, measured side by side). The price is
that the oldest block of an append waits for the others (80 ms at 40 ms blocks), small next to the service's own
pipeline (≥ 1 s of silence to close a segment, hundreds of ms to the first words). 0 sends each block as it comes;
``benchmarks/bench_client.py`` reports both."""

MAX_INITIAL_ATTEMPTS = 5
"""Connection attempts before ``start()`` gives up when no session was ever established (about 7 s with the default
backoff). A first connection that keeps failing is most likely a wrong address or no network: say so instead of
spinning. Once a session has worked, reconnects continue until ``finish()``/``abort()``: a presenter cannot
babysit the app, and the network usually comes back."""

STALL_TIMEOUT_S = 8.0
"""Wall-clock seconds speech may go unanswered before the connection counts as dead. The service answers speech
with ``speech_started`` within about a second (its VAD needs ~300 ms of speech) and with text soon after; 8 s
covers a slow moment of the service with a wide margin, while a real stall costs at most 8 s of replayed audio
(the replay buffer holds 60 s). None disables the watchdog."""

SPEECH_LEVEL_DBFS = -30.0
"""A block at least this loud (RMS) counts as speech the service must answer. Above the emulator's -34 dBFS VAD
threshold and well above room noise (-50 dBFS and lower), so quiet noise the service may rightly ignore never
makes a healthy connection look stalled."""

MIN_UNANSWERED_SPEECH_MS = 600
"""Speech-level audio that must accumulate without an answer before the stall clock starts: a door slam or a
cough (a block or two) is not speech the service's VAD must report, a 0.6 s utterance is."""

RECONNECT_BACKOFF_MAX_S = 10.0
"""Cap on the wait between reconnect attempts during a session: longer waits buy nothing on a flaky network and
every second waited is speech that arrives late (the 60 s replay buffer keeps it)."""

RATE_LIMITED_WAIT_S = 10.0
"""Least wait after a 429 at the handshake (or its Retry-After when longer): 60 s / 6 keeps repeated refusals at
the pacer's 6 handshakes a minute instead of burning the account's ~10 connections a minute in a burst."""

DEFAULT_SEND_BUFFER_BYTES = 256 * 1024
"""Cap on the kernel's socket send buffer. Linux otherwise grows it to ~4 MB, i.e. about 90 s of base64 audio held
beyond the send queue's drop-oldest policy: on a slow uplink that becomes latency that only ever grows (users'
complaint #1). 256 KiB is ~6 s of audio and still takes a 500 KB picture in two writes."""


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    """A change in the connection's life, delivered through ``events()`` among the session events.

    Attributes:
        state: "connecting" (handshake attempt ``attempt``), "connected" (session configured), "reconnecting"
            (waiting ``retry_in_s`` before the next attempt because of ``error``), "closed" (ended on purpose),
            "failed" (ended by the fatal ``error``).
        attempt: 1-based attempt number since the last stable connection.
        retry_in_s: the wait before the next attempt ("reconnecting" only).
        error: the failure behind "reconnecting"/"failed".
    """

    state: ConnectionState
    attempt: int = 0
    retry_in_s: float | None = None
    error: InterpreterError | None = None


@dataclass(frozen=True, slots=True)
class ConnectionStats:
    """Counters since the connection object was created (a snapshot; see ``RealtimeConnection.stats``)."""

    handshakes: int
    reconnects: int
    frames_sent: int
    audio_frames_sent: int
    image_frames_sent: int
    bytes_sent: int
    messages_received: int
    bytes_received: int
    audio_frames_dropped: int
    image_frames_dropped: int
    frames_discarded_on_reconnect: int
    send_queue_high_water: int
    finish_timed_out: bool


ConnectionEvent: TypeAlias = SessionEvent | ConnectionStatus
FrameWrittenHook: TypeAlias = Callable[[QueuedFrame, float], None]
"""Called after each frame is written to the socket with the frame and ``time.perf_counter()`` at that moment
(for latency measurement; must be cheap and must not raise)."""


class _End:
    """Sentinel closing the event stream."""


@dataclass(frozen=True, slots=True)
class _Outcome:
    """How one connection ended: ``error`` None means on purpose (finish/abort)."""

    error: InterpreterError | None
    handshake_ok: bool
    configured_for: float
    produced_segments: bool
    configured: bool = False
    answered: bool = False  # the service answered audio on this connection (it demonstrably works)


_END = _End()


class RealtimeConnection:
    """One live LiveTranslate session over a WebSocket, reconnecting through network trouble.

    Args:
        config: the session configuration (already validated).
        api_key: DashScope API key; sent only in the ``Authorization`` header, never logged.
        base_url: custom service address (emulator, proxy); overrides ``region``.
        region: public region when ``base_url`` is None.
        send_queue_frames: depth of the outgoing queue (see ``send_queue.DEFAULT_MAX_FRAMES``).
        connect_timeout: seconds for TCP + TLS + WebSocket upgrade.
        configure_timeout: seconds from an open socket to a configured session.
        finish_timeout: seconds ``finish()`` waits for ``session.finished`` before closing anyway.
        retry: reconnect on retryable failures (False: every failure is fatal).
        backoff_factory: makes the delay sequence for one run of failures (default ``protocol.retry.backoff()``).
        max_initial_attempts: attempts before giving up when no session was ever established.
        keepalive_interval: ping period in seconds (None disables pings).
        keepalive_timeout: seconds to wait for a pong before declaring the connection dead.
        on_frame_written: optional latency hook, see ``FrameWrittenHook``.
        session: the sans-I/O session to drive (default: a new ``RealtimeSession(config, append_ms=append_ms)``).
        append_ms: least audio per wire append when this connection makes the session (see ``DEFAULT_APPEND_MS``);
            ignored when ``session`` is given (it has its own).
        send_buffer_bytes: cap on the kernel's send buffer for the socket (default
            ``DEFAULT_SEND_BUFFER_BYTES``; None: the OS default, which Linux grows to megabytes). Data the kernel
            holds is beyond the send queue's drop-oldest policy, so a small cap makes a stalled uplink drop stale
            audio sooner.
        stall_timeout: seconds speech may go unanswered before the connection is treated as dead and replaced
            (see ``STALL_TIMEOUT_S``; None disables the watchdog).
        handshake_pacer: limits how often handshakes happen (default ``HandshakePacer()``: 6 a minute).
        rate_limited_wait: least wait after a 429 (see ``RATE_LIMITED_WAIT_S``).
    """

    def __init__(
        self,
        config: SessionConfig,
        *,
        api_key: str,
        base_url: str | None = None,
        region: Region | str = Region.SINGAPORE,
        send_queue_frames: int = DEFAULT_MAX_FRAMES,
        connect_timeout: float = 5.0,
        configure_timeout: float = CONFIGURE_TIMEOUT_S,
        finish_timeout: float = 20.0,
        retry: bool = True,
        backoff_factory: Callable[[], Iterator[float]] | None = None,
        max_initial_attempts: int = MAX_INITIAL_ATTEMPTS,
        keepalive_interval: float | None = KEEPALIVE_INTERVAL_S,
        keepalive_timeout: float | None = KEEPALIVE_TIMEOUT_S,
        on_frame_written: FrameWrittenHook | None = None,
        session: RealtimeSession | None = None,
        append_ms: int = DEFAULT_APPEND_MS,
        send_buffer_bytes: int | None = DEFAULT_SEND_BUFFER_BYTES,
        stall_timeout: float | None = STALL_TIMEOUT_S,
        handshake_pacer: HandshakePacer | None = None,
        rate_limited_wait: float = RATE_LIMITED_WAIT_S,
    ) -> None:
        if not api_key or not api_key.strip():
            raise ConfigError(texts.NO_API_KEY(), field="api_key")
        self._config = config
        self._api_key = api_key.strip()
        self._url = realtime_url(base_url if base_url else region, config.model)
        parts = urlsplit(self._url)
        self._host = parts.netloc
        # The region's name is a translatable message; a custom address is named by its host.
        self._region_label: str | None = parts.hostname if base_url else region_name(parse_region(region))
        self._loopback = is_loopback(base_url)
        self._session = session if session is not None else RealtimeSession(config, append_ms=append_ms)
        self._queue = SendQueue(send_queue_frames)
        self._connect_timeout = connect_timeout
        self._configure_timeout = configure_timeout
        self._finish_timeout = finish_timeout
        self._retry = retry
        self._backoff_factory = backoff_factory or _reconnect_backoff
        self._stall_timeout = stall_timeout
        self._pacer = handshake_pacer if handshake_pacer is not None else HandshakePacer()
        self._rate_limited_wait = rate_limited_wait
        self._bytes_per_ms = config.input_sample_rate * SAMPLE_WIDTH / 1000
        self._unanswered_speech_ms = 0.0  # speech-level audio sent since the service last answered
        self._unanswered_since: float | None = None  # loop time the stall clock started (None: not running)
        self._stall_clock = asyncio.Event()  # set while the stall clock runs
        self._answered_on_connection = False
        self._last_speech_ms = -1  # session-clock end of the latest speech-level block (-1: none yet)
        self.stalls = 0  # connections replaced because speech went unanswered
        self._max_initial_attempts = max(1, max_initial_attempts)
        self._keepalive_interval = keepalive_interval
        self._keepalive_timeout = keepalive_timeout
        self._send_buffer_bytes = send_buffer_bytes
        self._on_frame_written = on_frame_written

        self._events: asyncio.Queue[ConnectionEvent | _End] = asyncio.Queue()
        self._supervisor: asyncio.Task[None] | None = None
        self._ws: ClientConnection | None = None
        self._writer_busy = False  # the writer task is inside ws.send (possibly suspended on a full buffer)
        self._direct_send: asyncio.Task[None] | None = None  # a direct write that had to wait for the socket
        self._held_since: float | None = None  # when the oldest audio the session holds back (append_ms) entered
        self._configured = asyncio.Event()  # the current connection reached CONFIGURED
        self._ever_configured = asyncio.Event()
        self._finished = asyncio.Event()  # session.finished arrived
        self._closing = False  # finish()/abort() decided to end: no more reconnects
        self._closing_event = asyncio.Event()
        self._finishing = False  # finish() sent session.finish; no more audio
        self._session_failure: InterpreterError | None = None  # SessionFailed seen on the current connection
        self._session_failed = asyncio.Event()
        self._events_ended = False
        self._failure: InterpreterError | None = None
        self._state: ConnectionState = "connecting"
        self._segments_on_connection = 0

        self._handshakes = 0
        self._reconnects = 0
        self._frames_sent = 0
        self._audio_frames_sent = 0
        self._image_frames_sent = 0
        self._bytes_sent = 0
        self._messages_received = 0
        self._bytes_received = 0
        self._discarded_on_reconnect = 0
        self._finish_timed_out = False

    # ------------------------------------------------------------------ public API

    @property
    def session(self) -> RealtimeSession:
        """The sans-I/O session (read-only use: state, audio_sent_ms, last_error)."""
        return self._session

    @property
    def state(self) -> ConnectionState:
        """The last published connection state."""
        return self._state

    @property
    def url(self) -> str:
        """The realtime URL in use (contains no credentials)."""
        return self._url

    @property
    def stats(self) -> ConnectionStats:
        """A snapshot of the counters."""
        return ConnectionStats(
            handshakes=self._handshakes,
            reconnects=self._reconnects,
            frames_sent=self._frames_sent,
            audio_frames_sent=self._audio_frames_sent,
            image_frames_sent=self._image_frames_sent,
            bytes_sent=self._bytes_sent,
            messages_received=self._messages_received,
            bytes_received=self._bytes_received,
            audio_frames_dropped=self._queue.dropped_audio,
            image_frames_dropped=self._queue.dropped_images,
            frames_discarded_on_reconnect=self._discarded_on_reconnect,
            send_queue_high_water=self._queue.high_water,
            finish_timed_out=self._finish_timed_out,
        )

    async def start(self) -> None:
        """Connect and wait until the session is configured.

        Retryable failures are retried with backoff (up to ``max_initial_attempts``); the statuses appear in
        ``events()`` meanwhile.

        Raises:
            InterpreterError: the fatal error (e.g. AuthenticationError for a wrong key or region).
            RuntimeError: called twice.
        """
        if self._supervisor is not None:
            raise RuntimeError("RealtimeConnection.start() may be called only once")
        self._supervisor = asyncio.create_task(self._supervise(), name="realtime-supervisor")
        configured = asyncio.create_task(self._ever_configured.wait(), name="realtime-start-wait")
        try:
            await asyncio.wait({configured, self._supervisor}, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            await self.abort()
            raise
        finally:
            configured.cancel()
        if self._failure is not None:
            raise self._failure
        if not self._ever_configured.is_set():
            # The supervisor ended without a session and without a failure: abort() raced us.
            raise NetworkError(texts.STOPPED_BEFORE_START())

    def send_audio(self, pcm: bytes) -> None:
        """Queue one block of 16-bit mono PCM at the configured input rate. Never blocks.

        Ignored after ``finish()``/``abort()`` or a fatal failure (the failure is reported through ``events()``).
        """
        entered_at = time.perf_counter()
        if self._closing or self._failure is not None or self._finishing:
            return
        self._session.append_audio(pcm)
        self._track_speech(pcm)
        # Appending audio produces frames only (never events or a state the pump watches): skip the rest of _pump
        # on the hottest call of the live path.
        self._write_frames(entered_at)

    def _track_speech(self, pcm: bytes) -> None:
        """Note speech-level audio: where the latest speech ends on the session clock, how much of it the service
        has not answered yet; start the stall clock once there is enough."""
        if not pcm or rms_dbfs(pcm) < SPEECH_LEVEL_DBFS:
            return
        self._last_speech_ms = self._session.audio_sent_ms
        self._unanswered_speech_ms += len(pcm) / self._bytes_per_ms
        if self._configured.is_set():
            self._start_stall_clock_if_due()

    def _start_stall_clock_if_due(self) -> None:
        if self._unanswered_since is None and self._unanswered_speech_ms >= MIN_UNANSWERED_SPEECH_MS:
            self._unanswered_since = asyncio.get_running_loop().time()
            self._stall_clock.set()

    def _answered(self) -> None:
        """The service answered: it is alive, and the speech sent so far reached it."""
        # Only a configured session's answers prove it works: an error answering session.update is a refusal.
        if self._configured.is_set():
            self._answered_on_connection = True
        self._unanswered_speech_ms = 0.0
        if self._unanswered_since is not None:
            self._unanswered_since = None
            self._stall_clock.clear()

    def send_image(self, jpeg: bytes) -> None:
        """Queue one JPEG frame (already gated to ≤2 fps, ≤1080p, ≤500 KB). Never blocks; same rules as audio."""
        entered_at = time.perf_counter()
        if self._closing or self._failure is not None or self._finishing:
            return
        self._session.append_image(jpeg)
        self._pump(entered_at)

    async def events(self) -> AsyncIterator[ConnectionEvent]:
        """Session events and connection statuses, in order, until the connection ends.

        Single consumer. Ends after a "closed" status; after a "failed" status it raises the fatal error.
        ``SessionFailed`` never appears here: it becomes a "reconnecting" or "failed" status.
        """
        while True:
            item = await self._events.get()
            if isinstance(item, _End):
                self._events.put_nowait(item)  # later calls end at once too
                if self._failure is not None:
                    raise self._failure
                return
            yield item

    async def finish(self) -> None:
        """End the session gracefully: ``session.finish``, wait for ``session.finished``, then close.

        Waiting is what keeps the last sentence: the service finalizes the trailing segment only after
        ``session.finish``. After ``finish_timeout`` seconds without ``session.finished`` the connection is closed
        anyway (``stats.finish_timed_out``). Never raises for a failure already reported through ``events()``.
        """
        if self._supervisor is None or self._supervisor.done():
            self._end_events()
            return
        if not self._finishing:
            self._finishing = True
            self._session.finish()
            self._pump(time.perf_counter())
        finished = asyncio.create_task(self._finished.wait(), name="realtime-finish-wait")
        try:
            done, _ = await asyncio.wait(
                {finished, self._supervisor}, timeout=self._finish_timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if not done:
                self._finish_timed_out = True
                logger.warning("No session.finished within %.0f s; closing anyway", self._finish_timeout)
                self._abandon_unfinished()
        finally:
            finished.cancel()
        await self._shutdown()

    async def abort(self) -> None:
        """Close at once without waiting for the service (unsent audio and pending results are lost)."""
        await self._shutdown(graceful=False)

    # ------------------------------------------------------------------ internals: supervisor

    async def _supervise(self) -> None:
        """Connect, serve, and reconnect until closed on purpose or failed."""
        tracker = RejectTracker()
        delays = self._backoff_factory()
        loop = asyncio.get_running_loop()
        attempt = 0
        tries = 0  # handshakes since the last connection that worked (for the final message)
        trouble_since: float | None = None  # when that run of failures started
        try:
            while True:
                attempt += 1
                tries += 1
                if trouble_since is None:
                    trouble_since = loop.time()
                self._publish_status(ConnectionStatus("connecting", attempt))
                self._pacer.record(loop.time())
                outcome = await self._run_connection(tracker, attempt)
                failure = outcome.error
                if failure is None or self._closing:
                    self._publish_status(ConnectionStatus("closed", attempt))
                    return
                if outcome.configured_for >= STABLE_CONNECTION_S or outcome.produced_segments or outcome.answered:
                    tracker.record_success()
                    delays = self._backoff_factory()
                    attempt = 1
                    tries = 1
                    trouble_since = loop.time()
                elif outcome.handshake_ok and not (outcome.configured and isinstance(failure, NetworkError)):
                    # Accepted, then refused or dropped before the session started: the pattern of a key or model
                    # the service will not serve. A configured session dropped by the network is no such sign.
                    tracker.record_rejected_after_connect()
                decision = classify(failure) if self._retry else Decision.FATAL
                never_worked = not self._ever_configured.is_set()
                if (
                    decision is Decision.FATAL
                    or tracker.should_give_up()
                    or (never_worked and attempt >= self._max_initial_attempts)
                ):
                    self._fail(_gave_up(failure, tries, loop.time() - trouble_since))
                    return
                delay = next(delays)
                if isinstance(failure, RateLimitError):
                    retry_after = getattr(failure, "retry_after_s", None)
                    delay = max(delay, self._rate_limited_wait, retry_after or 0.0)
                delay = max(delay, self._pacer.wait_before_next(loop.time()))
                logger.info("Connection attempt %d failed (%s); retrying in %.2f s", attempt, failure, delay)
                self._publish_status(ConnectionStatus("reconnecting", attempt, delay, failure))
                if not await self._sleep_unless_closing(delay):
                    self._publish_status(ConnectionStatus("closed", attempt))
                    return
                # Back to CONNECTING with the replay buffer kept; after the next session.updated the session
                # re-sends its config, replays unfinished audio and, if finish() was called, session.finish.
                self._session.begin_reconnect()
                if self._ever_configured.is_set():
                    self._reconnects += 1
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # boundary: a bug in the pump must end the session visibly, not as a dead task
            logger.exception("Realtime connection crashed")
            # Not a NetworkError: retrying or blaming the network would hide a bug (exit code "internal error").
            self._fail(
                InterpreterError(
                    texts.INTERNAL_STOP(),
                    detail=f"{type(exc).__name__}: {exc}",
                )
            )
        finally:
            self._end_events()

    async def _sleep_unless_closing(self, delay: float) -> bool:
        """Sleep ``delay`` s; False if the connection was closed meanwhile (the sleep is then cut short)."""
        try:
            await asyncio.wait_for(self._closing_event.wait(), delay)
        except TimeoutError:
            return True
        return False

    def _fail(self, error: InterpreterError) -> None:
        if self._failure is None:
            self._failure = error
            self._abandon_unfinished()
        logger.warning("Live session failed: %s", error)
        self._publish_status(ConnectionStatus("failed", 0, None, error))

    def _abandon_unfinished(self) -> None:
        """The session ends without ``session.finished``: mark what the service never finished as a gap."""
        self._session.abandon(speech_after_ms=self._last_speech_ms)
        for event in self._session.events_received():
            if not isinstance(event, SessionFailed):
                self._events.put_nowait(event)

    async def _watch_for_stall(self) -> None:
        """Raise ``NetworkTimeoutError`` when speech sent stays unanswered for ``stall_timeout`` seconds."""
        assert self._stall_timeout is not None
        loop = asyncio.get_running_loop()
        while True:
            await self._stall_clock.wait()
            since = self._unanswered_since
            if since is None:
                self._stall_clock.clear()
                continue
            remaining = since + self._stall_timeout - loop.time()
            if remaining > 0:
                # Sleep to the deadline; an answer meanwhile resets the clock, which the next round sees.
                await asyncio.sleep(remaining)
                continue
            self.stalls += 1
            raise NetworkTimeoutError(texts.STALLED(seconds=self._stall_timeout))

    # ------------------------------------------------------------------ internals: one connection

    async def _run_connection(self, tracker: RejectTracker, attempt: int) -> _Outcome:
        """Open one WebSocket and pump it until it ends; say how and why it ended (never raises errors)."""
        self._handshakes += 1
        self._configured.clear()
        self._session_failed.clear()
        self._session_failure = None
        self._segments_on_connection = 0
        self._answered_on_connection = False
        self._unanswered_since = None  # the clock restarts once this connection is configured
        self._stall_clock.clear()
        # Frames queued for a previous connection are stale: the session replays what is still unfinished.
        self._discarded_on_reconnect += self._queue.clear()
        try:
            ws = await connect(
                self._url,
                additional_headers={"Authorization": f"Bearer {self._api_key}"},
                user_agent_header=USER_AGENT,
                open_timeout=self._connect_timeout,
                ping_interval=self._keepalive_interval,
                ping_timeout=self._keepalive_timeout,
                close_timeout=CLOSE_TIMEOUT_S,
                max_size=MAX_MESSAGE_BYTES,
                # Base64 PCM barely compresses; deflate would cost CPU on every 40 ms block for nothing.
                compression=None,
                # The system proxy applies to the real service; the local emulator must never be reached through it.
                proxy=None if self._loopback else True,
            )
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI, ConnectionClosed) as connect_exc:
            connect_error = map_connect_error(
                connect_exc, model=self._config.model, host=self._host, region_label=self._region_label
            )
            return _Outcome(error=connect_error, handshake_ok=False, configured_for=0.0, produced_segments=False)
        tracker.record_connected()
        if self._send_buffer_bytes is not None:
            sock = ws.transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self._send_buffer_bytes)
        self._ws = ws
        loop = asyncio.get_running_loop()
        configured_at: float | None = None
        error: InterpreterError | None = None
        reader = asyncio.create_task(self._read_loop(ws), name="realtime-reader")
        writer = asyncio.create_task(self._write_loop(ws), name="realtime-writer")
        configured = asyncio.create_task(self._configured.wait(), name="realtime-configured")
        session_failed = asyncio.create_task(self._session_failed.wait(), name="realtime-session-failed")
        pending: set[asyncio.Task[Any]] = {reader, writer, configured, session_failed}
        watchdog: asyncio.Task[None] | None = None
        if self._stall_timeout is not None:
            watchdog = asyncio.create_task(self._watch_for_stall(), name="realtime-stall-watchdog")
            pending.add(watchdog)
        try:
            while True:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                if configured in done:
                    configured_at = loop.time()
                    self._ever_configured.set()
                    self._publish_status(ConnectionStatus("connected", attempt))
                    # Speech still unanswered from a dead connection (replayed now) starts the clock at once.
                    self._start_stall_clock_if_due()
                    done = done - {configured}
                if session_failed in done:
                    error = self._session_failure
                    break
                if done:
                    for task in done:
                        task_exc = task.exception()
                        if isinstance(task_exc, InterpreterError):
                            error = task_exc
                        elif task_exc is not None:
                            raise task_exc
                    break
        finally:
            self._ws = None  # first: nothing may be written directly to this connection any more
            direct = self._direct_send
            self._direct_send = None
            tasks = [reader, writer, configured, session_failed]
            tasks += [task for task in (direct, watchdog) if task is not None]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await ws.close()
        if error is not None and not self._closing and not self._finished.is_set():
            self._session.connection_lost()
        return _Outcome(
            error=error,
            handshake_ok=True,
            configured_for=0.0 if configured_at is None else loop.time() - configured_at,
            produced_segments=self._segments_on_connection > 0,
            configured=configured_at is not None,
            answered=self._answered_on_connection,
        )

    async def _read_loop(self, ws: ClientConnection) -> None:
        """Feed every server message to the session; return when closed on purpose, raise otherwise."""
        deadline = asyncio.get_running_loop().time() + self._configure_timeout
        while True:
            try:
                if self._configured.is_set():
                    message = await ws.recv()
                else:
                    async with asyncio.timeout_at(deadline):
                        message = await ws.recv()
            except TimeoutError:
                raise NetworkTimeoutError(texts.SESSION_NOT_STARTED(seconds=self._configure_timeout)) from None
            except ConnectionClosed as exc:
                if self._closing or self._finished.is_set():
                    return
                raise _closed_error(exc) from exc
            if isinstance(message, bytes):
                # The protocol is JSON text only (spec §1.2); a binary frame is a server bug, not fatal.
                logger.warning("Ignoring a %d-byte binary frame from the service", len(message))
                continue
            self._messages_received += 1
            self._bytes_received += len(message)
            try:
                self._session.receive(message)
            except ProtocolError as exc:
                # One unreadable frame must not end a live talk; the session state is unchanged (its contract).
                logger.warning("Ignoring a malformed frame from the service: %s", exc)
                continue
            self._pump(time.perf_counter())

    async def _write_loop(self, ws: ClientConnection) -> None:
        """Drain the send queue into the socket; return when closed on purpose, raise otherwise."""
        while True:
            item = await self._queue.get()
            # Busy from taking the frame until it is written: a frame produced meanwhile must queue behind it
            # instead of being written directly ahead of it.
            self._writer_busy = True
            try:
                direct = self._direct_send
                if direct is not None:
                    # A frame written directly before this one is still waiting for the socket: keep the order.
                    # Its failure, if any, is the connection's and surfaces in the reader or in the send below.
                    await asyncio.wait((direct,))
                await ws.send(item.frame.text)
            except ConnectionClosed as exc:
                # The frame is lost with this connection; the session replays unfinished audio after reconnecting.
                if self._closing or self._finished.is_set():
                    return
                raise _closed_error(exc) from exc
            finally:
                self._writer_busy = False
            self._count_written(item.frame, time.perf_counter(), item)

    def _count_written(self, frame: Frame, written_at: float, item: QueuedFrame | None = None) -> None:
        """Count a frame handed to the socket and report it to the latency hook.

        Args:
            frame: the frame written.
            written_at: ``time.perf_counter()`` when ``ws.send`` returned.
            item: the frame with its timing, for the hook (built only when a hook is installed).
        """
        self._frames_sent += 1
        self._bytes_sent += len(frame.text)
        kind = frame.kind
        if kind == "audio":
            self._audio_frames_sent += 1
        elif kind == "image":
            self._image_frames_sent += 1
        hook = self._on_frame_written
        if hook is not None and item is not None:
            hook(item, written_at)

    def _can_write_now(self) -> ClientConnection | None:
        """The socket when a frame may bypass the queue: nothing queued or being sent before it, connection open and
        its write buffer empty (so ``ws.send`` completes without waiting). None otherwise."""
        ws = self._ws
        if (
            ws is None
            or self._queue
            or self._writer_busy
            or self._direct_send is not None
            or ws.state is not State.OPEN
            or ws.transport.get_write_buffer_size()
        ):
            return None
        return ws

    def _write_now(
        self, ws: ClientConnection, frame: OutgoingFrame, entered_at: float, held_since: float | None
    ) -> None:
        """Write ``frame`` from the current call; a send that must wait for the socket finishes in a task."""
        try:
            pending = start_eagerly(ws.send(frame.text))
        except ConnectionClosed:
            # Lost with the connection, like a queued frame would be; the reader reports the closure and the
            # session replays unfinished audio after reconnecting.
            logger.debug("Connection closed while writing a %s frame", frame.kind)
            return
        item = QueuedFrame(frame, entered_at, held_since) if self._on_frame_written is not None else None
        if pending is None:
            self._count_written(frame, time.perf_counter(), item)
            return
        self._direct_send = pending
        pending.add_done_callback(lambda task: self._direct_send_done(task, ws, frame, item))

    def _direct_send_done(
        self, task: asyncio.Task[None], ws: ClientConnection, frame: OutgoingFrame, item: QueuedFrame | None
    ) -> None:
        """A direct write that had to wait for the socket ended."""
        if self._direct_send is task:
            self._direct_send = None
        if task.cancelled():
            return  # the connection was torn down while it waited
        exc = task.exception()
        if isinstance(exc, ConnectionClosed):
            logger.debug("Connection closed while writing a %s frame", frame.kind)  # the reader reports it
        elif exc is not None:
            # Not a network failure: a bug. End the connection so that it takes the reconnect route (the frame is
            # replayed if it was audio) instead of leaving the stream silently broken.
            logger.error("Writing a %s frame failed", frame.kind, exc_info=exc)
            ws.transport.abort()
        else:
            self._count_written(frame, time.perf_counter(), item)

    def _pump(self, entered_at: float) -> None:
        """Write or queue the session's outgoing frames and move its events to the consumers."""
        self._write_frames(entered_at)
        failure: InterpreterError | None = None
        for event in self._session.events_received():
            if isinstance(event, SessionFailed):
                failure = event.error
                continue
            if not isinstance(event, _NOT_ANSWERS):
                self._answered()
            if isinstance(event, SegmentFinalized):
                self._segments_on_connection += 1
            elif isinstance(event, SessionUpdated):
                # The session state cannot say this alone: while finishing it reads FINISHING whatever the link.
                self._configured.set()
            self._events.put_nowait(event)
        if self._session.state is SessionState.FINISHED:
            self._finished.set()
        if failure is not None and self._session_failure is None:
            self._session_failure = failure
            self._session_failed.set()

    def _write_frames(self, entered_at: float) -> None:
        """Write the session's outgoing frames now, or queue them behind frames still waiting for the socket."""
        frames = self._session.data_to_send()
        if frames:
            held_since = self._held_since
            for frame in frames:
                since = None
                if frame.kind == "audio":
                    since, held_since = held_since, None  # an audio frame carries all the audio held before it
                ws = self._can_write_now()
                if ws is not None:
                    self._write_now(ws, frame, entered_at, since)
                else:
                    self._queue.put(frame, entered_at, since)
            self._held_since = held_since
        if self._held_since is None and self._session.holds_audio:
            self._held_since = entered_at

    def _publish_status(self, status: ConnectionStatus) -> None:
        self._state = status.state
        self._events.put_nowait(status)

    def _end_events(self) -> None:
        if not self._events_ended:
            self._events_ended = True
            self._events.put_nowait(_END)

    async def _shutdown(self, *, graceful: bool = True) -> None:
        """Stop reconnecting, close the socket, wait for the supervisor to finish."""
        self._closing = True
        self._closing_event.set()
        ws = self._ws
        supervisor = self._supervisor
        if ws is not None:
            if graceful:
                await ws.close()
            else:
                ws.transport.abort()
        if supervisor is not None and not supervisor.done():
            try:
                await asyncio.wait_for(asyncio.shield(supervisor), CLOSE_TIMEOUT_S + 1.0)
            except TimeoutError:
                supervisor.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await supervisor
        self._end_events()


# Events that say nothing about whether the service heard the audio: connection lifecycle, and what the session
# synthesizes itself on a reconnect.
_NOT_ANSWERS = (SessionCreated, SessionUpdated, SessionFinished, SegmentsRetracted, GapMarked)


def _reconnect_backoff() -> Iterator[float]:
    """The default delays between attempts: exponential from 0.5 s, capped at ``RECONNECT_BACKOFF_MAX_S``."""
    return backoff(maximum=RECONNECT_BACKOFF_MAX_S)


# Close codes (RFC 6455 §7.4.1) after which sending the same thing again cannot work: the peer refused our data
# (1002 protocol error, 1003 unsupported data, 1007 invalid payload, 1008 policy, 1009 too big, 1010 extension).
_REFUSING_CLOSE_CODES = frozenset({1002, 1003, 1007, 1008, 1009, 1010})
# Close codes of a service in trouble (1011 internal error, 1012 restart, 1013 try again later, 1014 bad gateway).
_SERVER_CLOSE_CODES = frozenset({1011, 1012, 1013, 1014})


def _closed_error(exc: ConnectionClosed) -> InterpreterError:
    """The error for a connection that closed while still needed, by the close code the service sent.

    No close frame, 1000/1001 (the service ended or is going away) and unknown codes are network drops (retried);
    server-trouble codes are ``ServerError`` (retried); codes that refuse what we sent are ``RequestRejectedError``
    (not retried: the replay would send the same data again).
    """
    received = exc.rcvd
    code = received.code if received is not None else None
    if code in _REFUSING_CLOSE_CODES:
        return RequestRejectedError(
            texts.CLOSED_REFUSED(),
            code=str(code),
            detail=f"close code {code} {received.reason if received else ''!r}",
        )
    if code in _SERVER_CLOSE_CODES:
        return ServerError(
            texts.CLOSED_SERVER_PROBLEM(),
            code=str(code),
            detail=f"close code {code} {received.reason if received else ''!r}",
        )
    return map_connection_closed(exc)


def failure_reason(error: InterpreterError) -> UserMessage:
    """The error's sentence without advice about retrying (the connection's status says when it retries)."""
    if isinstance(error, HandshakeRateLimitError):
        return texts.RATE_LIMITED()
    return error.message


def _gave_up(error: InterpreterError, tries: int, elapsed_s: float) -> InterpreterError:
    """``error`` with a message saying the retries are over: "Gave up after N tries over M s: …" (same type, so the
    exit code stays that of the failure). A failure at the first try keeps its own message."""
    if tries <= 1:
        return error
    # The reason keeps its own capital: it is a whole sentence after the colon, and as a nested message it is
    # translated on its own (lower-casing it would make it plain text no translation knows).
    message = texts.GAVE_UP(tries=tries, seconds=elapsed_s, reason=failure_reason(error))
    # Rebuilt without calling the constructor: the error classes take different keyword arguments.
    final = type(error).__new__(type(error))
    final.__dict__.update(error.__dict__)
    final.args = (message if error.detail is None else f"{message} ({error.detail})",)
    final.message = message
    final.user_message = message
    final.__cause__ = error
    return final
