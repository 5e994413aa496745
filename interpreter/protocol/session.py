"""The LiveTranslate realtime session as a sans-I/O state machine.

The transport feeds every received text frame to :meth:`RealtimeSession.receive`, writes whatever
:meth:`RealtimeSession.data_to_send` returns, and hands :meth:`RealtimeSession.events_received` to the application.
Nothing here awaits, sleeps, or touches a socket, so every behaviour is testable from recorded transcripts.

States::

    CONNECTING --session.created--> CREATED --session.updated--> CONFIGURED --first audio--> STREAMING
        ^                              |  error                                                  |
        |                              v                                           finish()      v
        +---- begin_reconnect() ---- FAILED                       FINISHED <--session.finished-- FINISHING

``finish()`` may be called in any live state; the ``session.finish`` frame then goes out as soon as the connection
is configured and the held audio has been sent. A lost connection goes back to CONNECTING with
:meth:`begin_reconnect`; the next ``session.updated`` replays the audio the server may not have finished with.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Literal

from interpreter.core.catalog import Catalog
from interpreter.core.pcm import SAMPLE_WIDTH
from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    InterpreterError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
    ServiceError,
)
from interpreter.protocol import texts
from interpreter.protocol.config import SessionConfig, session_update_payload, validate_config
from interpreter.protocol.events import (
    AudioCommitted,
    AudioDelta,
    ClientEvent,
    InputAudioAppend,
    InputAudioClear,
    InputAudioCommit,
    InputImageAppend,
    ResponseDone,
    ServerErrorEvent,
    ServerEvent,
    SessionCreated,
    SessionFinish,
    SessionFinished,
    SessionUpdate,
    SessionUpdated,
    SpeechStarted,
    SpeechStopped,
    Usage,
    parse_server_event,
)
from interpreter.protocol.replay import ReplayAudio, ReplayBuffer
from interpreter.protocol.retry import is_quota_exhausted
from interpreter.protocol.segments import SegmentTracker
from interpreter.protocol.session_events import (
    GapMarked,
    SegmentsRetracted,
    SessionEvent,
    SessionFailed,
    SynthesizedEvent,
)

# The server VAD starts a segment this long before the detected speech (``prefix_padding_ms`` in session.created,
# spec §1.6); a replay keeps the same lead so the first syllable is not clipped.
VAD_PREFIX_PADDING_MS = 300
DEFAULT_REPLAY_LIMIT_MS = 60_000

FrameKind = Literal["control", "audio", "image"]


@dataclass(frozen=True)
class OutgoingFrame:
    """One JSON text frame to write. ``kind`` lets the transport drop audio (then images) before control frames
    when its send queue is full."""

    text: str
    kind: FrameKind


class SessionState(Enum):
    CONNECTING = "connecting"
    CREATED = "created"
    CONFIGURED = "configured"
    STREAMING = "streaming"
    FINISHING = "finishing"
    FINISHED = "finished"
    FAILED = "failed"


class _Link(Enum):
    """Where the current connection stands (the session state adds finish/failure on top)."""

    CONNECTING = "connecting"
    CREATED = "created"  # session.update sent, waiting for session.updated
    CONFIGURED = "configured"
    LOST = "lost"


_EVENT_ID_RANDOM_DIGITS = 20
"""Random hex digits drawn once per session (80 bits): two sessions sharing a prefix is out of the question."""

_EVENT_ID_COUNTER_DIGITS = 12
"""Counter hex digits after the prefix; 16^12 events is ~9 000 years of 1 000 events a second."""


def sequential_event_ids() -> Callable[[], str]:
    """A source of client event ids shaped like the official SDK's ("event_" + 32 hex digits).

    The service only needs ids to be unique (it echoes them in errors); drawing a fresh ``uuid4`` for each of the
    25 audio frames a second costs a ``getrandom`` system call apiece. Instead a random prefix is drawn once and a
    counter completes the 32 digits, so ids stay unique across sessions and in order within one.
    """
    prefix = "event_" + uuid.uuid4().hex[:_EVENT_ID_RANDOM_DIGITS]
    counter = itertools.count()
    width = _EVENT_ID_COUNTER_DIGITS
    return lambda: f"{prefix}{next(counter):0{width}x}"


class RealtimeSession:
    """One live translation session, across any number of connections.

    Args:
        config: the user's choices; validated here (see ``validate_config``), adjustments are in :attr:`notices`.
        replay_limit_ms: most audio kept for a replay after a lost connection (60 s covers any sentence the server
            is still working on, at 1.9 MB of 16 kHz PCM).
        event_ids: source of client ``event_id`` values (default: :func:`sequential_event_ids`); inject for stable
            tests.
        catalog: model catalog (default: the packaged one).
        append_ms: least audio per ``input_audio_buffer.append`` on the wire. 0 (default) sends each appended
            block as it comes; a larger value gathers consecutive blocks into one append (fewer frames and
            system calls, at the cost of holding the first block until enough audio arrived). Audio still held
            goes out before a commit, clear, image or finish, so nothing is ever left behind.

    Raises:
        ConfigError: the config cannot work with the chosen model.
    """

    def __init__(
        self,
        config: SessionConfig,
        *,
        replay_limit_ms: int = DEFAULT_REPLAY_LIMIT_MS,
        event_ids: Callable[[], str] | None = None,
        catalog: Catalog | None = None,
        append_ms: int = 0,
    ) -> None:
        if append_ms < 0:
            raise ValueError(f"append_ms must not be negative, got {append_ms}")
        validated = validate_config(config, catalog)
        self.config = validated.config
        self.notices = validated.notices
        self._payload = session_update_payload(self.config, catalog)
        self._manual = self.config.turn_detection.mode == "manual"
        self._event_ids = event_ids or sequential_event_ids()
        self._replay = ReplayBuffer(self.config.input_sample_rate, replay_limit_ms)
        self._append_bytes = self._replay.ms_to_samples(append_ms) * SAMPLE_WIDTH
        # Audio appended on the current connection but not queued yet (less than append_ms of it). It is always the
        # newest tail of the replay buffer, so a lost connection simply forgets it: the replay sends it again.
        self._unsent = bytearray()
        self._tracker = SegmentTracker(
            transcription=self.config.transcribe_source,
            manual=self._manual,
            target_language=self.config.target_language,
        )
        self._outgoing: list[OutgoingFrame] = []
        self._events: list[SessionEvent] = []
        self._link = _Link.CONNECTING
        self._link_offset = 0  # session sample where this connection's audio clock starts
        self._audio_on_link = False
        self._pending_commits: deque[tuple[int, int]] = deque()  # (turn start, commit) samples awaiting "committed"
        self._turn_start = 0  # manual mode: session sample where the uncommitted turn starts
        self._settled = 0  # session sample before which the server needs nothing from us
        self._finish_requested = False
        self._finished = False
        self._failed = False
        self._abandoned = False
        self.last_error: InterpreterError | None = None
        self.usage = Usage()  # total of every response.done
        self.reconnects = 0
        self.audio_dropped_ms = 0  # appended after finish(): never sent
        self.images_dropped = 0  # appended while no configured connection had audio yet

    # ---- state --------------------------------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        if self._failed:
            return SessionState.FAILED
        if self._finished:
            return SessionState.FINISHED
        if self._finish_requested:
            return SessionState.FINISHING
        if self._link is _Link.CREATED:
            return SessionState.CREATED
        if self._link is _Link.CONFIGURED:
            return SessionState.STREAMING if self._audio_on_link else SessionState.CONFIGURED
        return SessionState.CONNECTING

    @property
    def audio_sent_ms(self) -> int:
        """Audio appended so far on the session clock (client side; the server may not have all of it yet)."""
        return self._replay.samples_to_ms(self._replay.total_samples)

    @property
    def unsent_audio_ms(self) -> int:
        """Audio appended but held back until ``append_ms`` of it is gathered (always 0 when ``append_ms`` is 0)."""
        return self._replay.samples_to_ms(len(self._unsent) // SAMPLE_WIDTH)

    @property
    def holds_audio(self) -> bool:
        """True when appended audio is held back until ``append_ms`` of it is gathered (cheap: per-block check)."""
        return bool(self._unsent)

    @property
    def replay_buffered_ms(self) -> int:
        """Audio a reconnect would send again right now."""
        start = max(self._replay.keep_from, self._replay.retained_from)
        return self._replay.samples_to_ms(self._replay.total_samples - start)

    def source_item_for(self, translation_item_id: str) -> str | None:
        """The source item id a translation item is paired with (while its segment is open)."""
        return self._tracker.source_item_for(translation_item_id)

    # ---- outputs ------------------------------------------------------------------------------------------------

    def data_to_send(self) -> list[OutgoingFrame]:
        """Frames to write, in order; calling it empties the queue."""
        frames, self._outgoing = self._outgoing, []
        return frames

    def events_received(self) -> list[SessionEvent]:
        """Typed server events and synthesized ones, in order; calling it empties the queue.

        ``SpeechStarted``/``SpeechStopped`` are rewritten to session-clock ms (stable across reconnects).
        """
        events, self._events = self._events, []
        return events

    # ---- calls from the application -------------------------------------------------------------------------------

    def append_audio(self, pcm: bytes) -> None:
        """Queue PCM s16le mono at ``config.input_sample_rate`` (held until configured, kept for replay).

        Audio appended after :meth:`finish` is dropped (counted in :attr:`audio_dropped_ms`): the server would not
        translate anything sent after ``session.finish``.

        Raises:
            ValueError: ``pcm`` is not a whole number of 16-bit samples.
        """
        if self._finish_requested or self._finished:
            self.audio_dropped_ms += self._replay.samples_to_ms(len(pcm) // SAMPLE_WIDTH)
            return
        self._replay.append(pcm)
        if not pcm or self._link is not _Link.CONFIGURED or self._failed:
            return
        if not self._unsent and len(pcm) >= self._append_bytes:
            self._queue_audio(pcm)  # long enough on its own: goes out as it is, without a copy
            return
        self._unsent += pcm
        if len(self._unsent) >= self._append_bytes:
            self._flush_audio()

    def append_image(self, jpeg: bytes) -> bool:
        """Queue one JPEG frame; returns False when it was dropped because no configured connection has carried
        audio yet (the service wants audio first, spec §1.4). Images are live context and never replayed."""
        if self._link is not _Link.CONFIGURED or self._finish_requested or self._failed:
            self.images_dropped += 1
            return False
        self._flush_audio()  # the picture belongs after the speech already appended
        if not self._audio_on_link:
            self.images_dropped += 1
            return False
        self._queue(InputImageAppend(jpeg), "image")
        return True

    def commit(self) -> bool:
        """Manual mode: end the current turn so the server translates it. Returns False (and sends nothing) when
        no audio arrived since the last commit or clear, because the server rejects an empty commit.

        Raises:
            ConfigError: the session uses server VAD, where the server cuts turns itself.
        """
        if not self._manual:
            raise ConfigError(
                texts.COMMIT_NEEDS_MANUAL(),
                field="turn_detection.mode",
            )
        if self._finish_requested or self._finished or self._replay.total_samples == self._turn_start:
            return False
        self._replay.mark("commit")
        if self._link is _Link.CONFIGURED:
            self._flush_audio()
            self._pending_commits.append((self._turn_start, self._replay.total_samples))
            self._queue(InputAudioCommit(), "control")
        self._turn_start = self._replay.total_samples
        return True

    def clear(self) -> None:
        """Discard audio the server holds that is not committed yet."""
        if self._finish_requested or self._finished:
            return
        self._replay.mark("clear")
        self._turn_start = self._replay.total_samples
        if not self._tracker.has_pending and not self._pending_commits:
            self._settled = self._replay.total_samples
            self._release()
        if self._link is _Link.CONFIGURED:
            self._flush_audio()
            self._queue(InputAudioClear(), "control")

    def finish(self) -> None:
        """Ask the server to flush and end the session (FINISHING); ``session.finished`` makes it FINISHED and
        finalizes every pending segment, so the last sentence is never lost."""
        if self._finish_requested or self._finished:
            return
        self._finish_requested = True
        if self._link is _Link.CONFIGURED and not self._failed:
            self._flush_audio()  # the last words must reach the server before session.finish
            self._queue(SessionFinish(), "control")

    def connection_lost(self) -> None:
        """The connection dropped. Unsent frames are discarded (the replay buffer has the audio) and unfinished
        segments are retracted: a replay will produce them again under new ids."""
        if self._finished or self._link is _Link.LOST:
            return
        self._link = _Link.LOST
        self._outgoing.clear()
        self._unsent.clear()
        self._pending_commits.clear()
        self._audio_on_link = False
        retracted = self._tracker.discard_pending()
        if retracted:
            self._events.append(SegmentsRetracted(retracted))

    def begin_reconnect(self) -> None:
        """A new connection attempt starts: back to CONNECTING with the replay buffer kept.

        Also leaves FAILED, so the transport decides (with ``retry.classify``) whether a failure is worth a retry.
        """
        if self._finished:
            return
        self.connection_lost()
        self._link = _Link.CONNECTING
        self._failed = False
        self.reconnects += 1

    def abandon(self, *, speech_after_ms: int = -1) -> GapMarked | None:
        """The session ends without ``session.finished`` (the finish timed out, or it failed for good): the audio the
        server had not finished with will never be translated.

        Unfinished segments are retracted and, when that audio held speech (a segment was open, or the caller's
        ``speech_after_ms``, the session-clock end of the latest speech-level audio it sent, lies inside it), a
        ``GapMarked`` covering it is emitted, so the loss is a visible row instead of silently missing. Idempotent;
        no-op once finished.

        Returns:
            The gap marked, or None.
        """
        if self._finished or self._abandoned:
            return None
        self._abandoned = True
        had_open_segment = self._tracker.has_pending
        start = self._replay.keep_from  # includes audio already lost to the replay limit, not reported yet
        end = self._replay.total_samples
        self.connection_lost()
        ms = self._replay.samples_to_ms
        if end <= start or not (had_open_segment or speech_after_ms > ms(start)):
            return None
        gap = GapMarked(ms(start), ms(end))
        self._events.append(gap)
        return gap

    # ---- server frames ----------------------------------------------------------------------------------------------

    def receive(self, text: str) -> None:
        """Process one server text frame.

        Raises:
            ProtocolError: the frame is malformed; the session state is unchanged, so the caller may log it and go on.
        """
        self._handle(parse_server_event(text))

    def _handle(self, event: ServerEvent) -> None:
        match event:
            case AudioDelta():
                # The most frequent server event (~10 a second while translating) carries nothing the segment
                # tracker or the replay buffer needs: hand it on without the bookkeeping below.
                self._events.append(event)
            case SessionCreated():
                self._events.append(event)
                if self._link is _Link.CONNECTING and not self._failed:
                    self._link = _Link.CREATED
                    self._queue(SessionUpdate(self._payload), "control")
            case SessionUpdated():
                self._events.append(event)
                if self._link is _Link.CREATED and not self._failed:
                    self._link = _Link.CONFIGURED
                    self._start_streaming()
            case ServerErrorEvent():
                self._events.append(event)
                self._server_error(event)
            case SessionFinished():
                self._events.extend(self._tracker.flush())
                self._finished = True
                self._outgoing.clear()
                self._unsent.clear()
                self._events.append(event)
            case SpeechStarted():
                start = self._session_ms(event.audio_start_ms)
                self._events.append(replace(event, audio_start_ms=start))
                self._tracker.speech_started(start)
                self._release()
            case SpeechStopped():
                end = self._session_ms(event.audio_end_ms)
                self._events.append(replace(event, audio_end_ms=end))
                self._finalized(self._tracker.speech_stopped(end))
            case AudioCommitted():
                self._events.append(event)
                if self._pending_commits:
                    start, end = self._pending_commits.popleft()
                    ms = self._replay.samples_to_ms
                    self._tracker.turn_committed(ms(start), ms(end))
            case ResponseDone():
                self.usage = self.usage + event.usage
                self._events.append(event)
                self._finalized(self._tracker.handle(event))
            case _:
                self._events.append(event)
                self._finalized(self._tracker.handle(event))

    def _finalized(self, events: list[SynthesizedEvent]) -> None:
        self._events.extend(events)
        self._release()

    def _server_error(self, event: ServerErrorEvent) -> None:
        configuring = self._link in (_Link.CONNECTING, _Link.CREATED)
        error = _error_from_event(event, configuring=configuring)
        self.last_error = error
        # While configuring, any refusal means the session never starts. Later, only a refused key or model ends
        # it; other errors (an image sent too often, an empty commit) concern one request.
        # An exhausted quota does not come back within the session either (spec §8.2 ``insufficient_quota``).
        if configuring or isinstance(error, AuthenticationError | AccessDeniedError) or is_quota_exhausted(error):
            self._fail(error)

    def _fail(self, error: InterpreterError) -> None:
        if self._failed:
            return
        self._failed = True
        self.last_error = error
        self._outgoing.clear()
        self._unsent.clear()
        self._events.append(SessionFailed(error))

    # ---- helpers ------------------------------------------------------------------------------------------------

    def _queue(self, event: ClientEvent, kind: FrameKind) -> None:
        self._outgoing.append(OutgoingFrame(event.to_json(self._event_ids()), kind))

    def _queue_audio(self, pcm: bytes) -> None:
        self._queue(InputAudioAppend(pcm), "audio")
        self._audio_on_link = True

    def _flush_audio(self) -> None:
        """Queue the audio held back by ``append_ms`` (if any) as one append."""
        if self._unsent:
            self._queue_audio(bytes(self._unsent))
            self._unsent.clear()

    def _session_ms(self, link_ms: int) -> int:
        """A time from the server (ms since this connection's first audio) on the session clock."""
        return self._replay.samples_to_ms(self._link_offset) + link_ms

    def _start_streaming(self) -> None:
        """The connection is configured: send held or replayed audio (and turn markers), then a pending finish."""
        plan = self._replay.plan()
        if plan.gap is not None:
            ms = self._replay.samples_to_ms
            self._events.append(GapMarked(ms(plan.gap[0]), ms(plan.gap[1])))
            self._replay.skip_gap()
        self._link_offset = plan.start
        turn_start = plan.start
        for item in plan.items:
            if isinstance(item, ReplayAudio):
                self._queue_audio(item.pcm)
            elif item.kind == "commit":
                self._pending_commits.append((turn_start, item.position))
                self._queue(InputAudioCommit(), "control")
                turn_start = item.position
            else:
                self._queue(InputAudioClear(), "control")
                turn_start = item.position
        if self._finish_requested:
            self._queue(SessionFinish(), "control")

    def _release(self) -> None:
        """Let the replay buffer forget audio the server is done with (see module docs of ``replay``)."""
        settled = max(self._settled, self._replay.ms_to_samples(self._tracker.settled_ms))
        self._settled = settled
        keep = settled
        if self._tracker.has_pending:
            start_ms = self._tracker.oldest_pending_start_ms()
            if start_ms is not None:
                start = self._replay.ms_to_samples(start_ms)
                padding = 0 if self._manual else self._replay.ms_to_samples(VAD_PREFIX_PADDING_MS)
                keep = min(start, max(settled, start - padding))
        if self._pending_commits:
            keep = min(keep, self._pending_commits[0][0])
        self._replay.release_before(keep)


# Service error codes by family, compared without case or separators (spec §8.2: native "InvalidApiKey" and compat
# "invalid_api_key" name the same error).
_AUTH_CODES = ("invalidapikey",)
_ACCESS_PREFIXES = ("accessdenied", "arrearage", "modelaccessdenied", "workspaceaccessdenied", "allocationquota")
_RATE_PREFIXES = ("throttling", "limitrequests", "limitburstrate", "insufficientquota", "ratelimit")
_SERVER_PREFIXES = ("internalerror", "servererror", "serviceunavailable")


def _normalized(code: str) -> str:
    return re.sub(r"[^a-z0-9]", "", code.lower())


def _error_from_event(event: ServerErrorEvent, *, configuring: bool) -> ServiceError:
    """The typed error for a server ``error`` event; the server's own message is kept for the user."""
    code = _normalized(event.code or event.error_type)
    kind = _normalized(event.error_type)
    message: str = event.message.strip() or texts.NO_REASON()
    detail = f"type={event.error_type} code={event.code} param={event.param}"
    if code in _AUTH_CODES:
        return AuthenticationError(
            texts.KEY_REFUSED_EVENT(reason=message),
            code=event.code,
            detail=detail,
        )
    if code.startswith(_ACCESS_PREFIXES) or kind.startswith(_ACCESS_PREFIXES):
        return AccessDeniedError(texts.MODEL_NOT_ALLOWED(reason=message), code=event.code, detail=detail)
    if code.startswith(_RATE_PREFIXES):
        return RateLimitError(texts.BUSY_OR_QUOTA(reason=message), code=event.code, detail=detail)
    if code.startswith(_SERVER_PREFIXES):
        return ServerError(texts.SERVICE_INTERNAL_ERROR(reason=message), code=event.code, detail=detail)
    rejected = texts.REJECTED_SETTINGS if configuring else texts.REJECTED_REQUEST
    return RequestRejectedError(rejected(reason=message), code=event.code, detail=detail)
