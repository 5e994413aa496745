"""The Gummy connection: a thin asyncio pump between a WebSocket on ``/api-ws/v1/inference`` and ``GummySession``.

    send_audio(pcm) ─> GummySession.append_audio ─> data_to_send() ─> outgoing deque ─> writer task ─> websocket
    websocket ─> reader task ─> GummySession.receive ─> events_received() ─> asyncio.Queue ─> events()
    supervisor: connect → run-task … → on a retryable failure: "reconnecting", backoff, connect again (a new task
                replays the audio of the unfinished sentence).

Audio goes out as binary frames of ~100 ms as the (wall-clock paced) source delivers it: the session cuts frames,
this module only writes them. Failures map through :mod:`interpreter.transport.errors` (handshake statuses, closed
sockets, and ``task-failed`` codes through ``map_service_error``); retry decisions are ``protocol.retry``'s.

Beijing only (spec §7): without a custom address, a Singapore region is refused before connecting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TypeAlias
from urllib.parse import urlsplit, urlunsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from interpreter.core.net import is_loopback
from interpreter.errors import ConfigError, InterpreterError, NetworkError, NetworkTimeoutError, ProtocolError
from interpreter.protocol.chat_stream import ServiceErrorBody
from interpreter.protocol.gummy import (
    GummyConfig,
    GummyFrame,
    GummySession,
    GummySessionEvent,
    GummyState,
    TaskFailed,
    TaskStarted,
)
from interpreter.protocol.retry import Decision, RejectTracker, backoff, classify
from interpreter.transport import texts
from interpreter.transport.endpoints import Region, http_base_url, is_region, parse_region
from interpreter.transport.errors import (
    HandshakeRateLimitError,
    map_connect_error,
    map_connection_closed,
    map_service_error,
)
from interpreter.transport.realtime import USER_AGENT, ConnectionStats, ConnectionStatus

logger = logging.getLogger(__name__)

INFERENCE_PATH = "/api-ws/v1/inference"
START_TIMEOUT_S = 10.0
"""From an open socket to ``task-started``: the service answers within a second; 10 s means it hung."""
CLOSE_TIMEOUT_S = 2.0
"""How long a close handshake may take before the socket is torn down."""
MAX_INITIAL_ATTEMPTS = 5
"""Attempts before ``start()`` gives up when no task ever started (a wrong address or no network)."""
STABLE_TASK_S = 10.0
"""A task that ran this long counts as a success: backoff and reject counter start over."""
KEEPALIVE_INTERVAL_S = 20.0
"""Ping period: keeps NATs from dropping a connection during long pauses (same reason as the realtime pump)."""

GummyConnectionEvent: TypeAlias = GummySessionEvent | ConnectionStatus


def inference_url(base_url_or_region: str | Region | None) -> str:
    """``wss://dashscope.aliyuncs.com/api-ws/v1/inference`` for Beijing, or the custom address's equivalent
    (``http://127.0.0.1:N`` → ``ws://127.0.0.1:N/api-ws/v1/inference``).

    Raises:
        ConfigError: a Singapore region (Gummy is Beijing only), an unknown region or a malformed URL.
    """
    if is_region(base_url_or_region) and parse_region(base_url_or_region or Region.SINGAPORE) is not Region.BEIJING:
        raise ConfigError(texts.GUMMY_BEIJING_ONLY(), field="region")
    parts = urlsplit(http_base_url(base_url_or_region))
    scheme = "wss" if parts.scheme == "https" else "ws"
    return urlunsplit((scheme, parts.netloc, parts.path + INFERENCE_PATH, "", ""))


class _End:
    """Sentinel closing the event stream."""


_END = _End()


class GummyConnection:
    """One Gummy interpretation over a WebSocket, reconnecting through network trouble.

    Args:
        config: the Gummy configuration.
        api_key: DashScope key; sent only in ``Authorization``, never logged.
        base_url: custom service address (emulator, proxy): every model is served there.
        region: public region when ``base_url`` is None (Beijing only).
        connect_timeout / start_timeout / finish_timeout: seconds for the upgrade, for ``task-started`` and for
            ``task-finished`` after ``finish()``.
        retry: reconnect on retryable failures (False: every failure is fatal).
        backoff_factory: delay sequence for one run of failures.
        session: the sans-I/O session to drive (default: a new one for ``config``).

    Raises:
        ConfigError: no key, or a region where Gummy is not offered (before any connection is made).
    """

    def __init__(
        self,
        config: GummyConfig,
        *,
        api_key: str,
        base_url: str | None = None,
        region: Region | str = Region.BEIJING,
        connect_timeout: float = 5.0,
        start_timeout: float = START_TIMEOUT_S,
        finish_timeout: float = 20.0,
        retry: bool = True,
        backoff_factory: Callable[[], Iterator[float]] | None = None,
        session: GummySession | None = None,
    ) -> None:
        if not api_key or not api_key.strip():
            raise ConfigError(texts.NO_API_KEY(), field="api_key")
        self._api_key = api_key.strip()
        self._url = inference_url(base_url if base_url else region)
        self._host = urlsplit(self._url).netloc
        self._region_label = urlsplit(self._url).hostname if base_url else str(region).capitalize()
        self._loopback = is_loopback(base_url)
        self._session = session if session is not None else GummySession(config)
        self._model = self._session.config.model
        self._connect_timeout = connect_timeout
        self._start_timeout = start_timeout
        self._finish_timeout = finish_timeout
        self._retry = retry
        self._backoff_factory = backoff_factory or backoff
        self._events: asyncio.Queue[GummyConnectionEvent | _End] = asyncio.Queue()
        self._outgoing: deque[GummyFrame] = deque()
        self._wakeup = asyncio.Event()
        self._supervisor: asyncio.Task[None] | None = None
        self._ws: ClientConnection | None = None
        self._started = asyncio.Event()  # the current connection's task started
        self._ever_started = asyncio.Event()
        self._ended = asyncio.Event()  # task-finished or task-failed arrived
        self._closing = False
        self._closing_event = asyncio.Event()
        self._finishing = False
        self._failure: InterpreterError | None = None
        self._events_ended = False
        self._handshakes = 0
        self._reconnects = 0
        self._frames_sent = 0
        self._audio_frames_sent = 0
        self._bytes_sent = 0
        self._messages_received = 0
        self._bytes_received = 0
        self._finish_timed_out = False

    # ------------------------------------------------------------------ public API

    @property
    def session(self) -> GummySession:
        return self._session

    @property
    def url(self) -> str:
        return self._url

    @property
    def stats(self) -> ConnectionStats:
        """Counters in the realtime connection's shape (fields Gummy has no use for are 0)."""
        return ConnectionStats(
            handshakes=self._handshakes,
            reconnects=self._reconnects,
            frames_sent=self._frames_sent,
            audio_frames_sent=self._audio_frames_sent,
            image_frames_sent=0,
            bytes_sent=self._bytes_sent,
            messages_received=self._messages_received,
            bytes_received=self._bytes_received,
            audio_frames_dropped=0,
            image_frames_dropped=0,
            frames_discarded_on_reconnect=0,
            send_queue_high_water=0,
            finish_timed_out=self._finish_timed_out,
        )

    async def start(self) -> None:
        """Connect and wait until the task started.

        Raises:
            InterpreterError: the fatal error (wrong key, refused languages, unreachable service).
            RuntimeError: called twice.
        """
        if self._supervisor is not None:
            raise RuntimeError("GummyConnection.start() may be called only once")
        self._supervisor = asyncio.create_task(self._supervise(), name="gummy-supervisor")
        started = asyncio.create_task(self._ever_started.wait(), name="gummy-start-wait")
        try:
            await asyncio.wait({started, self._supervisor}, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            await self.abort()
            raise
        finally:
            started.cancel()
        if self._failure is not None:
            raise self._failure
        if not self._ever_started.is_set():
            raise NetworkError(texts.STOPPED_BEFORE_START())

    def send_audio(self, pcm: bytes) -> None:
        """Queue PCM (mono s16le at the configured rate). Never blocks; ignored after finish/abort/failure."""
        if self._closing or self._finishing or self._failure is not None:
            return
        self._session.append_audio(pcm)
        self._take_frames()

    async def events(self) -> AsyncIterator[GummyConnectionEvent]:
        """Session events and connection statuses until the connection ends; raises the fatal error if it failed."""
        while True:
            item = await self._events.get()
            if isinstance(item, _End):
                self._events.put_nowait(item)
                if self._failure is not None:
                    raise self._failure
                return
            yield item

    async def finish(self) -> None:
        """``finish-task``, wait for ``task-finished`` (the last sentence), then close. Never raises."""
        if self._supervisor is None or self._supervisor.done():
            self._end_events()
            return
        if not self._finishing:
            self._finishing = True
            self._session.finish()
            self._pump()
        ended = asyncio.create_task(self._ended.wait(), name="gummy-finish-wait")
        try:
            done, _ = await asyncio.wait(
                {ended, self._supervisor}, timeout=self._finish_timeout, return_when=asyncio.FIRST_COMPLETED
            )
            if not done:
                self._finish_timed_out = True
                logger.warning("No task-finished within %.0f s; closing anyway", self._finish_timeout)
        finally:
            ended.cancel()
        await self._shutdown()

    async def abort(self) -> None:
        """Close at once (pending results are lost)."""
        await self._shutdown(graceful=False)

    # ------------------------------------------------------------------ supervisor

    async def _supervise(self) -> None:
        tracker = RejectTracker()
        delays = self._backoff_factory()
        attempt = 0
        loop = asyncio.get_running_loop()
        try:
            while True:
                attempt += 1
                self._publish(ConnectionStatus("connecting", attempt))
                started_at = loop.time()
                error, handshake_ok, ran_for = await self._run_connection(tracker, attempt, started_at)
                if error is None or self._closing:
                    self._publish(ConnectionStatus("closed", attempt))
                    return
                if ran_for >= STABLE_TASK_S:
                    tracker.record_success()
                    delays = self._backoff_factory()
                    attempt = 1
                elif handshake_ok:
                    tracker.record_rejected_after_connect()
                decision = classify(error) if self._retry else Decision.FATAL
                never_worked = not self._ever_started.is_set()
                if (
                    decision is Decision.FATAL
                    or tracker.should_give_up()
                    or (never_worked and attempt >= MAX_INITIAL_ATTEMPTS)
                ):
                    self._fail(error)
                    return
                delay = next(delays)
                if isinstance(error, HandshakeRateLimitError) and error.retry_after_s is not None:
                    delay = max(delay, error.retry_after_s)
                self._publish(ConnectionStatus("reconnecting", attempt, delay, error))
                if not await self._sleep_unless_closing(delay):
                    self._publish(ConnectionStatus("closed", attempt))
                    return
                if self._ever_started.is_set():
                    self._reconnects += 1
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # boundary: a bug in the pump must end the session visibly
            logger.exception("Gummy connection crashed")
            self._fail(NetworkError(texts.INTERNAL_STOP(), detail=f"{type(exc).__name__}: {exc}"))
        finally:
            self._end_events()

    async def _sleep_unless_closing(self, delay: float) -> bool:
        try:
            await asyncio.wait_for(self._closing_event.wait(), delay)
        except TimeoutError:
            return True
        return False

    def _fail(self, error: InterpreterError) -> None:
        if self._failure is None:
            self._failure = error
        logger.warning("Gummy session failed: %s", error)
        self._publish(ConnectionStatus("failed", 0, None, error))

    async def _run_connection(
        self, tracker: RejectTracker, attempt: int, started_at: float
    ) -> tuple[InterpreterError | None, bool, float]:
        """One socket, pumped until it ends: ``(error or None, handshake_ok, seconds the task ran)``."""
        self._handshakes += 1
        self._started.clear()
        self._outgoing.clear()
        try:
            ws = await connect(
                self._url,
                additional_headers={"Authorization": f"Bearer {self._api_key}"},
                user_agent_header=USER_AGENT,
                open_timeout=self._connect_timeout,
                ping_interval=KEEPALIVE_INTERVAL_S,
                close_timeout=CLOSE_TIMEOUT_S,
                compression=None,  # PCM barely compresses
                proxy=None if self._loopback else True,  # never reach the local emulator through a proxy
            )
        except (OSError, TimeoutError, InvalidHandshake, InvalidURI, ConnectionClosed) as exc:
            return (
                map_connect_error(exc, model=self._model, host=self._host, region_label=self._region_label),
                False,
                0.0,
            )
        tracker.record_connected()
        self._ws = ws
        loop = asyncio.get_running_loop()
        task_started_at: float | None = None
        error: InterpreterError | None = None
        self._session.connection_opened()
        self._take_frames()
        reader = asyncio.create_task(self._read_loop(ws), name="gummy-reader")
        writer = asyncio.create_task(self._write_loop(ws), name="gummy-writer")
        started = asyncio.create_task(self._started.wait(), name="gummy-started")
        pending: set[asyncio.Task[None] | asyncio.Task[bool]] = {reader, writer, started}
        try:
            while True:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                if started in done:
                    task_started_at = loop.time()
                    self._ever_started.set()
                    self._publish(ConnectionStatus("connected", attempt))
                    done = done - {started}
                if done:
                    for task in done:
                        task_exc = task.exception()
                        if isinstance(task_exc, InterpreterError):
                            error = task_exc
                        elif task_exc is not None:
                            raise task_exc
                    break
        finally:
            self._ws = None
            for task in (reader, writer, started):
                task.cancel()
            await asyncio.gather(reader, writer, started, return_exceptions=True)
            await ws.close()
        if error is not None and not self._closing:
            self._session.connection_lost()
            self._pump()
        ran_for = 0.0 if task_started_at is None else loop.time() - task_started_at
        return error, True, ran_for

    async def _read_loop(self, ws: ClientConnection) -> None:
        deadline = asyncio.get_running_loop().time() + self._start_timeout
        while True:
            try:
                if self._started.is_set():
                    message = await ws.recv()
                else:
                    async with asyncio.timeout_at(deadline):
                        message = await ws.recv()
            except TimeoutError:
                raise NetworkTimeoutError(texts.GUMMY_TASK_NOT_STARTED(seconds=self._start_timeout)) from None
            except ConnectionClosed as exc:
                if self._closing or self._ended.is_set():
                    return
                raise map_connection_closed(exc) from exc
            if isinstance(message, bytes):
                logger.warning("Ignoring a %d-byte binary frame from the Gummy service", len(message))
                continue
            self._messages_received += 1
            self._bytes_received += len(message)
            try:
                self._session.receive(message)
            except ProtocolError as exc:
                logger.warning("Ignoring a malformed frame from the Gummy service: %s", exc)
                continue
            failure = self._pump()
            if failure is not None:
                raise failure
            if self._session.state is GummyState.FINISHED:
                return

    async def _write_loop(self, ws: ClientConnection) -> None:
        while True:
            while not self._outgoing:
                self._wakeup.clear()
                await self._wakeup.wait()
            frame = self._outgoing[0]
            try:
                await ws.send(frame.data)
            except ConnectionClosed as exc:
                if self._closing or self._ended.is_set():
                    return
                raise map_connection_closed(exc) from exc
            self._outgoing.popleft()
            self._frames_sent += 1
            self._bytes_sent += len(frame.data)
            if frame.kind == "audio":
                self._audio_frames_sent += 1

    def _take_frames(self) -> None:
        frames = self._session.data_to_send()
        if frames and self._ws is not None:
            self._outgoing.extend(frames)
            self._wakeup.set()

    def _pump(self) -> InterpreterError | None:
        """Move frames to the writer and events to consumers; the mapped error of a ``task-failed``, if any."""
        self._take_frames()
        failure: InterpreterError | None = None
        for event in self._session.events_received():
            if isinstance(event, TaskStarted):
                self._started.set()
            elif isinstance(event, TaskFailed):
                failure = self._task_error(event)
                self._ended.set()
            self._events.put_nowait(event)
        if self._session.state is GummyState.FINISHED:
            self._ended.set()
        return failure

    def _task_error(self, event: TaskFailed) -> InterpreterError:
        body = ServiceErrorBody(code=event.error_code or None, message=event.error_message or None)
        return map_service_error(None, body, model=self._model, region_label=self._region_label, refused="task")

    def _publish(self, status: ConnectionStatus) -> None:
        self._events.put_nowait(status)

    def _end_events(self) -> None:
        if not self._events_ended:
            self._events_ended = True
            self._events.put_nowait(_END)

    async def _shutdown(self, *, graceful: bool = True) -> None:
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
