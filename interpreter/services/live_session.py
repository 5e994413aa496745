"""A headless live interpretation session: audio source → realtime connection → captions, transcript, voice.

``LiveSession`` is the orchestration the ``live`` command and the GUI's live view-model share. It owns no device
and no window: audio (and optionally images) come in as async iterables, and everything a front end shows goes out
as plain-data ``LiveUpdate`` values through a callback and/or ``updates()``.

    audio_source ──feeder task──> RealtimeConnection.send_audio
    RealtimeConnection.events() ──consumer──> CaptionTrack + transcript/SRT/WAV sinks ──> LiveUpdate

The translated voice goes out as ``TranslatedAudio`` chunks followed by one ``TranslatedAudioEnded`` per response,
so a player can tell the pause between two responses from a late chunk (``VoicePlayer.end_of_response()``).

Stopping (``request_stop()``, end of input, ``max_audio_s``) always goes through ``RealtimeConnection.finish()``, so
the last sentence is translated and written before the files are closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterable, AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

from interpreter.core.captions import Caption, CaptionChange, CaptionTrack
from interpreter.core.cost import TokenCounts
from interpreter.core.pcm import SAMPLE_WIDTH, VOICE_RATE
from interpreter.errors import InterpreterError, MediaError, StorageError
from interpreter.protocol.config import SessionConfig
from interpreter.protocol.events import AudioDelta, AudioDone, ResponseDone
from interpreter.protocol.session_events import (
    GapMarked,
    Segment,
    SegmentFinalized,
    SegmentsRetracted,
    SourceProgress,
    TranslationProgress,
)
from interpreter.services import texts
from interpreter.services.outputs import (
    SessionFiles,
    SrtWriter,
    TranscriptJsonlWriter,
    TranslationWavWriter,
    claim_session_files,
)
from interpreter.transport.endpoints import Region
from interpreter.transport.realtime import ConnectionEvent, ConnectionStats, ConnectionStatus, RealtimeConnection

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------- updates


@dataclass(frozen=True, slots=True)
class CaptionsChanged:
    """One caption row changed (``change.inserted``: a new row at ``change.index``); ``caption`` is its snapshot."""

    change: CaptionChange
    caption: Caption


@dataclass(frozen=True, slots=True)
class CaptionsRetracted:
    """These unfinished rows were blanked: after a reconnect their speech comes again under new item ids."""

    source_item_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SegmentCompleted:
    """A segment is final: its source text, translation and times will not change again."""

    segment: Segment


@dataclass(frozen=True, slots=True)
class GapDetected:
    """Speech between ``start_ms`` and ``end_ms`` never reached the service (a long outage)."""

    start_ms: int
    end_ms: int


@dataclass(frozen=True, slots=True)
class TranslatedAudio:
    """A piece of the translated voice for playback: mono s16le at ``rate`` Hz, part of response ``response_id``."""

    pcm: bytes
    rate: int = VOICE_RATE
    response_id: str = ""


@dataclass(frozen=True, slots=True)
class TranslatedAudioEnded:
    """The translated voice of response ``response_id`` is complete: no more ``TranslatedAudio`` for it.

    Sent once per response that produced voice: at ``response.audio.done``, or at ``response.done`` when the service
    skipped ``audio.done``, or when the connection broke mid-response (that response never completes; its speech is
    replayed and answered by a new one). A player calls ``end_of_response()`` here, so the silence until the next
    response is a pause, not a buffer underrun.
    """

    response_id: str


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """The connection changed state (connecting, connected, reconnecting, closed, failed)."""

    status: ConnectionStatus


@dataclass(frozen=True, slots=True)
class UsageUpdated:
    """Running token totals of the session (for the cost meter)."""

    tokens: TokenCounts


LiveUpdate: TypeAlias = (
    CaptionsChanged
    | CaptionsRetracted
    | SegmentCompleted
    | GapDetected
    | TranslatedAudio
    | TranslatedAudioEnded
    | StatusChanged
    | UsageUpdated
)
UpdateCallback: TypeAlias = Callable[[LiveUpdate], None]
ConnectionFactory: TypeAlias = Callable[[SessionConfig], RealtimeConnection]

StopReason = Literal["end_of_input", "stop_requested", "duration_reached"]


@dataclass
class LiveSummary:
    """What a finished session produced."""

    segments: list[Segment] = field(default_factory=list)
    gaps: list[tuple[int, int]] = field(default_factory=list)
    audio_sent_s: float = 0.0
    translated_audio_s: float = 0.0
    tokens: TokenCounts = field(default_factory=TokenCounts)
    stop_reason: StopReason = "end_of_input"
    files: dict[str, Path] = field(default_factory=dict)
    connection: ConnectionStats | None = None
    images_sent: int = 0
    visual_error: MediaError | None = None
    session_files: SessionFiles | None = None

    @property
    def complete(self) -> bool:
        """True when no speech went untranslated (no gap: nothing lost to an outage or a stalled service)."""
        return not self.gaps

    @property
    def untranslated_s(self) -> float:
        """Seconds of audio in the gaps (speech that was never translated)."""
        return sum(end - start for start, end in self.gaps) / 1000


# ---------------------------------------------------------------------------------------------- session


class LiveSession:
    """Run one live interpretation session to completion.

    Args:
        config: validated session configuration.
        api_key: DashScope API key (or the emulator's).
        base_url: custom service address (emulator, proxy), else None for ``region``.
        region: public region.
        audio_source: async iterable of mono s16le PCM blocks at ``config.input_sample_rate``, already paced
            (``media.pacing.PacedPcmSource`` for files, the microphone for live input).
        image_source: optional async iterable of JPEG frames, already gated (≤2 fps, ≤1080p, ≤500 KB), e.g.
            ``media.frames.upload_frames``. Pictures that come before the first audio are held back (the service
            wants audio first) and only the newest is sent once audio flows. If the source fails (camera
            unplugged), the session carries on with audio only and ``summary.visual_error`` says why.
        out_dir: folder for ``transcript.jsonl``, ``captions.srt`` and ``translation.wav`` (None: no files); a folder
            that already holds a session gets numbered names (``services.outputs.claim_session_files``).
        on_update: called on the loop thread for every ``LiveUpdate`` (must be quick and must not raise).
        max_audio_s: stop after this many seconds of input audio (None: until the source ends or a stop).
        connection_factory: builds the connection (tests and benchmarks inject options); default uses
            ``RealtimeConnection(config, api_key=..., base_url=..., region=...)``.

    Contract: ``run()`` once; ``request_stop()`` from the loop thread at any time (signal handlers included).
    """

    def __init__(
        self,
        config: SessionConfig,
        *,
        api_key: str,
        base_url: str | None = None,
        region: Region | str = Region.SINGAPORE,
        audio_source: AsyncIterable[bytes],
        image_source: AsyncIterable[bytes] | None = None,
        out_dir: str | Path | None = None,
        on_update: UpdateCallback | None = None,
        max_audio_s: float | None = None,
        connection_factory: ConnectionFactory | None = None,
    ) -> None:
        self.config = config
        self._api_key = api_key
        self._base_url = base_url
        self._region = region
        self._audio_source = audio_source
        self._image_source = image_source
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self._callbacks: list[UpdateCallback] = [on_update] if on_update is not None else []
        self._end_listeners: list[Callable[[], None]] = []
        self._max_audio_s = max_audio_s
        self._connection_factory = connection_factory
        self.captions = CaptionTrack()
        self.summary = LiveSummary()
        self._stop = asyncio.Event()
        self._started = False
        self._bytes_per_second = config.input_sample_rate * SAMPLE_WIDTH
        self._connection: RealtimeConnection | None = None
        self._transcript: TranscriptJsonlWriter | None = None
        self._srt: SrtWriter | None = None
        self._wav: TranslationWavWriter | None = None
        self._held_image: bytes | None = None
        # Responses whose voice has started and not yet ended, in arrival order (a dict as an ordered set).
        self._voiced_responses: dict[str, None] = {}

    # ------------------------------------------------------------------ public API

    @property
    def connection(self) -> RealtimeConnection | None:
        """The live connection while ``run()`` is active."""
        return self._connection

    def add_listener(self, callback: UpdateCallback) -> None:
        """Also call ``callback`` for every update (same rules as ``on_update``)."""
        self._callbacks.append(callback)

    def updates(self) -> AsyncIterator[LiveUpdate]:
        """The updates as an async iterator; subscribed at this call, so call it before ``run()`` to see them all.

        Ends when the session ends. Unbounded buffer: the consumer is expected to keep up (it is local UI code).
        """
        queue: asyncio.Queue[LiveUpdate | None] = asyncio.Queue()
        self._callbacks.append(queue.put_nowait)
        self._end_listeners.append(lambda: queue.put_nowait(None))
        return self._drain(queue)

    @staticmethod
    async def _drain(queue: asyncio.Queue[LiveUpdate | None]) -> AsyncIterator[LiveUpdate]:
        while (item := await queue.get()) is not None:
            yield item

    def request_stop(self) -> None:
        """Ask the session to end gracefully (finish the last sentence, close the files). Idempotent."""
        if not self._stop.is_set():
            self.summary.stop_reason = "stop_requested"
            self._stop.set()

    async def run(self) -> LiveSummary:
        """Stream the source until it ends, a stop is requested or ``max_audio_s`` is reached; then finish.

        Returns:
            The summary (also kept as ``self.summary``); files are complete when this returns.

        Raises:
            InterpreterError: a fatal failure (wrong key, unusable config, network gone for good, disk full).
                Files hold everything finalized before it.
        """
        if self._started:
            raise RuntimeError("LiveSession.run() may be called only once")
        self._started = True
        connection = self._make_connection()
        self._connection = connection
        consumer = asyncio.create_task(self._consume(connection), name="live-consumer")
        feeders: list[asyncio.Task[None]] = []
        try:
            await connection.start()
            # Files only once the service accepted the session: a refused key or an unreachable host leaves no
            # empty transcript/captions/WAV behind (nothing can have been said before this point).
            self._open_sinks()
            feeders.append(asyncio.create_task(self._feed_audio(connection), name="live-audio-feeder"))
            if self._image_source is not None:
                feeders.append(asyncio.create_task(self._feed_images(connection), name="live-image-feeder"))
            stop_wait = asyncio.create_task(self._stop.wait(), name="live-stop-wait")
            try:
                await asyncio.wait({feeders[0], stop_wait, consumer}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                stop_wait.cancel()
            await self._cancel(feeders)
            source_error = next(
                (error for task in feeders if not task.cancelled() and (error := task.exception()) is not None), None
            )
            # Finish even when the source failed (a microphone unplugged for good): the sentences already sent are
            # translated and written first, then the failure is reported.
            await connection.finish()
            await consumer
            if source_error is not None:
                raise source_error
        except BaseException:
            await self._cancel(feeders)
            await connection.abort()
            with contextlib.suppress(InterpreterError, asyncio.CancelledError):
                await consumer
            raise
        finally:
            self.summary.connection = connection.stats
            close_error = self._close_sinks()
            for notify_end in self._end_listeners:
                notify_end()
        if close_error is not None:
            raise close_error
        return self.summary

    # ------------------------------------------------------------------ internals

    def _make_connection(self) -> RealtimeConnection:
        if self._connection_factory is not None:
            return self._connection_factory(self.config)
        return RealtimeConnection(self.config, api_key=self._api_key, base_url=self._base_url, region=self._region)

    async def _feed_audio(self, connection: RealtimeConnection) -> None:
        limit_bytes = None if self._max_audio_s is None else int(self._max_audio_s * self._bytes_per_second)
        sent = 0
        iterator = aiter(self._audio_source)
        try:
            async for block in iterator:
                if limit_bytes is not None and sent + len(block) > limit_bytes:
                    block = block[: max(0, limit_bytes - sent) // SAMPLE_WIDTH * SAMPLE_WIDTH]
                if block:
                    connection.send_audio(block)
                    sent += len(block)
                    self.summary.audio_sent_s = sent / self._bytes_per_second
                    if self._held_image is not None:
                        self._send_image(connection, self._held_image)
                        self._held_image = None
                if limit_bytes is not None and sent >= limit_bytes:
                    if not self._stop.is_set():
                        self.summary.stop_reason = "duration_reached"
                    return
        finally:
            # Release the source (a microphone stream, a decoder) even when cancelled mid-wait.
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

    async def _feed_images(self, connection: RealtimeConnection) -> None:
        assert self._image_source is not None
        try:
            async for jpeg in self._image_source:
                if self.summary.audio_sent_s > 0:
                    self._send_image(connection, jpeg)
                else:
                    # The service wants audio before the first image (spec §1.4): keep the newest picture for the
                    # audio feeder to send right after the first block.
                    self._held_image = jpeg
        except MediaError as exc:
            # Pictures are context, not the session: losing the camera must not end the interpretation.
            logger.warning("visual source failed; continuing with audio only: %s", exc)
            self.summary.visual_error = exc

    def _send_image(self, connection: RealtimeConnection, jpeg: bytes) -> None:
        connection.send_image(jpeg)
        self.summary.images_sent += 1

    @staticmethod
    async def _cancel(tasks: list[asyncio.Task[None]]) -> None:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _open_sinks(self) -> None:
        if self.out_dir is None:
            return
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(texts.OUTPUT_FOLDER_CANNOT_CREATE(folder=str(self.out_dir)), detail=str(exc)) from exc
        files = claim_session_files(self.out_dir)
        self.summary.session_files = files
        self._transcript = TranscriptJsonlWriter(files.transcript)
        self._srt = SrtWriter(files.captions)
        if self.config.audio_output:
            self._wav = TranslationWavWriter(files.translation_audio)

    def _close_sinks(self) -> InterpreterError | None:
        """Close every sink, each even when another fails; return the first failure (logged) or None."""
        first_error: InterpreterError | None = None
        if self._wav is not None:
            self.summary.translated_audio_s = self._wav.duration_s
        sinks: tuple[tuple[str, TranscriptJsonlWriter | SrtWriter | TranslationWavWriter | None], ...] = (
            ("transcript", self._transcript),
            ("captions", self._srt),
            ("translation_audio", self._wav),
        )
        for key, sink in sinks:
            if sink is None:
                continue
            try:
                self.summary.files[key] = sink.close()
            except InterpreterError as exc:
                logger.warning("closing the %s failed: %s", key, exc)
                first_error = first_error or exc
        return first_error

    def _emit(self, update: LiveUpdate) -> None:
        for callback in self._callbacks:
            callback(update)

    def _caption(self, change: CaptionChange) -> None:
        self._emit(CaptionsChanged(change, self.captions[change.index]))

    async def _consume(self, connection: RealtimeConnection) -> None:
        """Route every connection event to captions, sinks and listeners until the connection ends."""
        try:
            async for event in connection.events():
                self._route(event)
        finally:
            # However the connection ended, no more voice comes for an open response: let players play it out.
            self._end_all_voices()

    def _route(self, event: ConnectionEvent) -> None:
        """Handle one connection event (see ``_consume``)."""
        if isinstance(event, ConnectionStatus):
            if event.state != "connected":
                # A broken link abandons the response in flight (its speech is replayed under a new response).
                self._end_all_voices()
            self._emit(StatusChanged(event))
        elif isinstance(event, SourceProgress):
            self._caption(self.captions.update_source(event.source_item_id, event.confirmed, event.stash))
        elif isinstance(event, TranslationProgress):
            self._caption(self.captions.update_translation(event.source_item_id, event.confirmed, event.stash))
        elif isinstance(event, SegmentsRetracted):
            self._on_retracted(event.source_item_ids)
        elif isinstance(event, AudioDelta):
            if self._wav is not None:
                self._wav.write(event.pcm)
            self._voiced_responses[event.response_id] = None
            self._emit(TranslatedAudio(event.pcm, response_id=event.response_id))
        elif isinstance(event, AudioDone):
            self._end_voice(event.response_id)
        elif isinstance(event, ResponseDone):
            # response.done closes the response whatever came before: end its voice if audio.done was skipped.
            self._end_voice(event.response_id)
            if self._wav is not None:
                self._wav.checkpoint()  # the sentence's voice is complete: make it survive a crash
            self.summary.tokens = self.summary.tokens + TokenCounts.from_usage(event.usage)
            self._emit(UsageUpdated(self.summary.tokens))
        elif isinstance(event, SegmentFinalized):
            self._on_segment(event.segment)
        elif isinstance(event, GapMarked):
            self._on_gap(event.start_ms, event.end_ms)

    def _end_voice(self, response_id: str) -> None:
        """Announce the end of ``response_id``'s voice once (audio.done and response.done may both come)."""
        if response_id in self._voiced_responses:
            del self._voiced_responses[response_id]
            self._emit(TranslatedAudioEnded(response_id))

    def _end_all_voices(self) -> None:
        for response_id in list(self._voiced_responses):
            self._end_voice(response_id)

    def _on_retracted(self, source_item_ids: tuple[str, ...]) -> None:
        # Their audio is replayed after a reconnect and comes back under new ids; blank the old rows so the
        # speech is not shown twice (CaptionTrack keeps row indexes stable, so rows are emptied, not removed).
        for item_id in source_item_ids:
            if self.captions.index_of(item_id) is None:
                continue
            self.captions.update_source(item_id, "", "")
            self._caption(self.captions.update_translation(item_id, "", ""))
        self._emit(CaptionsRetracted(source_item_ids))

    def _on_segment(self, segment: Segment) -> None:
        self.summary.segments.append(segment)
        source_key = segment.source_item_id or f"segment-{segment.index}"
        self._caption(
            self.captions.finalize(
                source_key, segment.source_text, segment.translation_text, segment.start_ms, segment.end_ms
            )
        )
        if self._transcript is not None:
            self._transcript.write_segment(segment)
        if self._srt is not None:
            self._srt.add_segment(segment)
        if self._wav is not None:
            self._wav.checkpoint()  # no-op when response.done already did it
        self._emit(SegmentCompleted(segment))

    def _on_gap(self, start_ms: int, end_ms: int) -> None:
        self.summary.gaps.append((start_ms, end_ms))
        self._caption(self.captions.mark_gap(start_ms, end_ms))
        if self._transcript is not None:
            self._transcript.write_gap(start_ms, end_ms)
        if self._srt is not None:
            self._srt.add_gap(start_ms, end_ms)
        self._emit(GapDetected(start_ms, end_ms))
