"""A headless live session on the Gummy engine (captions only: source transcription + one translation, no voice).

``GummyLiveSession`` has the shape of :class:`interpreter.services.live_session.LiveSession` and produces the SAME
updates (``CaptionsChanged``, ``CaptionsRetracted``, ``SegmentCompleted``, ``GapDetected``, ``StatusChanged``,
``UsageUpdated``) and the same :class:`~interpreter.services.live_session.LiveSummary`, so the CLI, the outputs and
the GUI treat both engines alike. It never sends ``TranslatedAudio``: Gummy is text only.

    audio_source ──feeder task──> GummyConnection.send_audio (100 ms binary frames)
    GummyConnection.events() ──consumer──> CaptionTrack + transcript/SRT sinks ──> LiveUpdate

Gummy bills seconds, not tokens: ``UsageUpdated`` carries no tokens, and :attr:`GummyLiveSession.billed_seconds`
with :meth:`GummyLiveSession.cost` give the money (per-second prices from pricing.json, Beijing).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterable, AsyncIterator, Callable
from decimal import Decimal
from pathlib import Path
from typing import TypeAlias

from interpreter.core.captions import CaptionChange, CaptionTrack
from interpreter.core.gummy import per_second_rates
from interpreter.core.pcm import SAMPLE_WIDTH
from interpreter.errors import InterpreterError
from interpreter.protocol.gummy import GummyConfig
from interpreter.protocol.session_events import (
    GapMarked,
    Segment,
    SegmentFinalized,
    SegmentsRetracted,
    SourceProgress,
    TranslationProgress,
)
from interpreter.services.live_session import (
    CaptionsChanged,
    CaptionsRetracted,
    GapDetected,
    LiveSummary,
    LiveUpdate,
    SegmentCompleted,
    StatusChanged,
    UpdateCallback,
    UsageUpdated,
)
from interpreter.services.outputs import CAPTIONS_NAME, TRANSCRIPT_NAME, SrtWriter, TranscriptJsonlWriter
from interpreter.transport.endpoints import Region
from interpreter.transport.gummy import GummyConnection, GummyConnectionEvent
from interpreter.transport.realtime import ConnectionStatus

GummyConnectionFactory: TypeAlias = Callable[[GummyConfig], GummyConnection]


class GummyLiveSession:
    """Run one Gummy session to completion (same contract as ``LiveSession``: ``run()`` once, ``request_stop()``).

    Args:
        config: the Gummy configuration (validated by the connection's session).
        api_key / base_url / region: where to connect (Beijing only without ``base_url``; a Singapore region raises
            ConfigError from ``run()`` before any connection).
        audio_source: async iterable of mono s16le PCM at ``config.input_sample_rate``, already paced.
        out_dir: folder for ``transcript.jsonl`` and ``captions.srt`` (None: no files).
        on_update: called on the loop thread for every update.
        max_audio_s: stop after this many seconds of input.
        connection_factory: builds the connection (tests inject options).
    """

    def __init__(
        self,
        config: GummyConfig,
        *,
        api_key: str,
        base_url: str | None = None,
        region: Region | str = Region.BEIJING,
        audio_source: AsyncIterable[bytes],
        out_dir: str | Path | None = None,
        on_update: UpdateCallback | None = None,
        max_audio_s: float | None = None,
        connection_factory: GummyConnectionFactory | None = None,
    ) -> None:
        self.config = config
        self._api_key = api_key
        self._base_url = base_url
        self._region = region
        self._audio_source = audio_source
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
        self._connection: GummyConnection | None = None
        self._transcript: TranscriptJsonlWriter | None = None
        self._srt: SrtWriter | None = None

    # ------------------------------------------------------------------ public API

    @property
    def connection(self) -> GummyConnection | None:
        return self._connection

    @property
    def billed_seconds(self) -> float:
        """Seconds to bill: the audio sent, or the service's own ``usage.duration`` total when that is larger.

        The service bills audio time (spec §7); what its usage objects hold is not documented [I], so the estimate
        never goes below the audio actually streamed.
        """
        connection = self._connection
        reported = connection.session.billed_seconds if connection is not None else 0.0
        return max(reported, self.summary.audio_sent_s)

    def cost(self, region: str = Region.BEIJING.value) -> tuple[Decimal, str] | None:
        """Estimated money so far as ``(amount, currency)``, or None when Gummy is not priced in ``region``."""
        rates = per_second_rates(self.config.model, region)
        if rates is None:
            return None
        return rates.cost(self.billed_seconds), rates.currency

    def add_listener(self, callback: UpdateCallback) -> None:
        self._callbacks.append(callback)

    def updates(self) -> AsyncIterator[LiveUpdate]:
        """The updates as an async iterator (subscribe before ``run()``); ends when the session ends."""
        queue: asyncio.Queue[LiveUpdate | None] = asyncio.Queue()
        self._callbacks.append(queue.put_nowait)
        self._end_listeners.append(lambda: queue.put_nowait(None))
        return self._drain(queue)

    @staticmethod
    async def _drain(queue: asyncio.Queue[LiveUpdate | None]) -> AsyncIterator[LiveUpdate]:
        while (item := await queue.get()) is not None:
            yield item

    def request_stop(self) -> None:
        """Finish gracefully (the last sentence is completed). Idempotent."""
        if not self._stop.is_set():
            self.summary.stop_reason = "stop_requested"
            self._stop.set()

    async def run(self) -> LiveSummary:
        """Stream until the source ends, a stop or ``max_audio_s``; then finish and close the files.

        Raises:
            InterpreterError: a fatal failure (wrong key, Singapore region, refused languages, network gone).
        """
        if self._started:
            raise RuntimeError("GummyLiveSession.run() may be called only once")
        self._started = True
        connection = self._make_connection()
        self._connection = connection
        consumer = asyncio.create_task(self._consume(connection), name="gummy-consumer")
        feeder: asyncio.Task[None] | None = None
        try:
            await connection.start()
            self._open_sinks()
            feeder = asyncio.create_task(self._feed_audio(connection), name="gummy-audio-feeder")
            stop_wait = asyncio.create_task(self._stop.wait(), name="gummy-stop-wait")
            try:
                await asyncio.wait({feeder, stop_wait, consumer}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                stop_wait.cancel()
            await self._cancel(feeder)
            if not feeder.cancelled() and feeder.exception() is not None:
                raise feeder.exception()  # type: ignore[misc]
            await connection.finish()
            await consumer
        except BaseException:
            await self._cancel(feeder)
            await connection.abort()
            with contextlib.suppress(InterpreterError, asyncio.CancelledError):
                await consumer
            raise
        finally:
            self.summary.connection = connection.stats
            self._close_sinks()
            for notify_end in self._end_listeners:
                notify_end()
        return self.summary

    # ------------------------------------------------------------------ internals

    def _make_connection(self) -> GummyConnection:
        if self._connection_factory is not None:
            return self._connection_factory(self.config)
        return GummyConnection(self.config, api_key=self._api_key, base_url=self._base_url, region=self._region)

    async def _feed_audio(self, connection: GummyConnection) -> None:
        limit = None if self._max_audio_s is None else int(self._max_audio_s * self._bytes_per_second)
        sent = 0
        iterator = aiter(self._audio_source)
        try:
            async for block in iterator:
                if limit is not None and sent + len(block) > limit:
                    block = block[: max(0, limit - sent) // SAMPLE_WIDTH * SAMPLE_WIDTH]
                if block:
                    connection.send_audio(block)
                    sent += len(block)
                    self.summary.audio_sent_s = sent / self._bytes_per_second
                if limit is not None and sent >= limit:
                    if not self._stop.is_set():
                        self.summary.stop_reason = "duration_reached"
                    return
        finally:
            aclose = getattr(iterator, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

    @staticmethod
    async def _cancel(task: asyncio.Task[None] | None) -> None:
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def _open_sinks(self) -> None:
        if self.out_dir is None:
            return
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._transcript = TranscriptJsonlWriter(self.out_dir / TRANSCRIPT_NAME)
        self._srt = SrtWriter(self.out_dir / CAPTIONS_NAME)

    def _close_sinks(self) -> None:
        if self._transcript is not None:
            self.summary.files["transcript"] = self._transcript.close()
        if self._srt is not None:
            self.summary.files["captions"] = self._srt.close()

    def _emit(self, update: LiveUpdate) -> None:
        for callback in self._callbacks:
            callback(update)

    def _caption(self, change: CaptionChange) -> None:
        self._emit(CaptionsChanged(change, self.captions[change.index]))

    async def _consume(self, connection: GummyConnection) -> None:
        async for event in connection.events():
            self._route(event)

    def _route(self, event: GummyConnectionEvent) -> None:
        if isinstance(event, ConnectionStatus):
            self._emit(StatusChanged(event))
        elif isinstance(event, SourceProgress):
            self._caption(self.captions.update_source(event.source_item_id, event.confirmed, event.stash))
        elif isinstance(event, TranslationProgress):
            self._caption(self.captions.update_translation(event.source_item_id, event.confirmed, event.stash))
        elif isinstance(event, SegmentsRetracted):
            for item_id in event.source_item_ids:
                if self.captions.index_of(item_id) is not None:
                    self.captions.update_source(item_id, "", "")
                    self._caption(self.captions.update_translation(item_id, "", ""))
            self._emit(CaptionsRetracted(event.source_item_ids))
        elif isinstance(event, SegmentFinalized):
            self._on_segment(event.segment)
            # Gummy bills seconds: the token totals stay empty, the meter reads billed_seconds/cost().
            self._emit(UsageUpdated(self.summary.tokens))
        elif isinstance(event, GapMarked):
            self.summary.gaps.append((event.start_ms, event.end_ms))
            self._caption(self.captions.mark_gap(event.start_ms, event.end_ms))
            if self._transcript is not None:
                self._transcript.write_gap(event.start_ms, event.end_ms)
            if self._srt is not None:
                self._srt.add_gap(event.start_ms, event.end_ms)
            self._emit(GapDetected(event.start_ms, event.end_ms))

    def _on_segment(self, segment: Segment) -> None:
        self.summary.segments.append(segment)
        key = segment.source_item_id or f"segment-{segment.index}"
        self._caption(
            self.captions.finalize(key, segment.source_text, segment.translation_text, segment.start_ms, segment.end_ms)
        )
        if self._transcript is not None:
            self._transcript.write_segment(segment)
        if self._srt is not None:
            self._srt.add_segment(segment)
        self._emit(SegmentCompleted(segment))
