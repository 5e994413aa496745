"""LiveSessionViewModel: the Live tab's state and the one owner of a running ``services.live_session.LiveSession``.

It does not orchestrate audio, the connection or outputs itself (LiveSession does); it translates the session's
updates into plain-data Qt signals and into rows of a CaptionListModel, keeps the session journal current as each
segment is finalised, and feeds the translated voice to the player (telling it where each response ends, so the
pause between two responses is not counted as a jitter-buffer underrun).

Echo guard: when a session starts, and whenever the microphone or the voice outputs change, the environment's
blocking ``echo_check`` runs in a worker thread; a warning (the translated voice would be heard by the microphone
and translated again) is published with ``echo_checked`` for the Live tab to show in place.

Threading: everything here runs on the Qt main thread (the qasync loop). Audio blocks are observed in the async
source wrapper, never in a device callback, so no signal is ever emitted from a device thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import time
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from interpreter.core.catalog import Catalog
from interpreter.core.pcm import rms_dbfs
from interpreter.errors import DeviceError, InterpreterError, StorageError
from interpreter.protocol.config import SessionConfig, VoiceClone, validate_config
from interpreter.services import texts
from interpreter.services.live_session import (
    CaptionsChanged,
    CaptionsRetracted,
    GapDetected,
    LiveSession,
    LiveUpdate,
    SegmentCompleted,
    StatusChanged,
    TranslatedAudio,
    TranslatedAudioEnded,
    UsageUpdated,
)
from interpreter.services.outputs import segment_record
from interpreter.store.journal import JournalWriter, SessionJournal
from interpreter.store.pricing import load_effective_pricing
from interpreter.ui.caption_model import CaptionListModel
from interpreter.ui.messages import render
from interpreter.ui.viewmodels.async_slot import async_slot
from interpreter.ui.viewmodels.environment import (
    AdjustableVolume,
    AudioPlayback,
    Endpoint,
    LiveEnvironment,
    opened_output_index,
    voice_outputs,
)
from interpreter.ui.viewmodels.live_options import Choice, LiveOptions, normalized
from interpreter.ui.viewmodels.visual_feed import VisualFeed

if TYPE_CHECKING:
    from interpreter.media.frames import FrameSource

_log = logging.getLogger(__name__)

#: Input level is published at most every this many ms: a meter needs ~10 updates/s to look alive; 40 ms audio
#: blocks would otherwise make 25 repaints per second for no visible gain.
LEVEL_INTERVAL_MS = 100
#: Session clock tick (ms) for the status bar duration.
DURATION_TICK_MS = 1000


class SessionPhase(StrEnum):
    """Where the Live tab is in a session's life."""

    IDLE = "idle"
    STARTING = "starting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    STOPPING = "stopping"
    FAILED = "failed"


class LiveSessionViewModel(QObject):
    """State of the Live tab (see the module docstring).

    Args:
        catalog: models, languages and voices.
        environment: endpoint, devices, sources, player and journal (injected by app.py or a test).
        options: initial selections (from the settings).
    """

    phase_changed = Signal(object)  # SessionPhase
    options_changed = Signal(object)  # LiveOptions
    devices_changed = Signal()  # refresh_devices() listed them: re-read input_devices() / output_devices()
    volume_changed = Signal(int, float)  # output (0 = "Voice to", 1 = "Also to"), linear gain 0.0–1.0
    input_level_changed = Signal(float)  # dBFS of the microphone
    preview_changed = Signal(QImage)  # a small picture of what the visual source sends
    visual_stats_changed = Signal(int, int)  # pictures sent, image tokens they cost (this session)
    notice_posted = Signal(str, str)  # level ("info" | "warning" | "error"), text: shown in place, never modal
    notice_cleared = Signal()
    echo_checked = Signal(str)  # after every echo check: the guard's sentence for the chosen devices, "" when none
    connection_changed = Signal(str, str)  # state ("connecting" | "connected" | ...), text for the status bar
    latency_changed = Signal(int)  # ms from end of speech to final translation, last segment
    duration_changed = Signal(int)  # seconds since the session started
    cost_changed = Signal(str)  # formatted running cost estimate
    error_occurred = Signal(str)  # a user sentence for a failure that ended the session
    segment_finalized = Signal(object)  # the finalized segment (plain dataclass from the protocol layer)
    audio_received = Signal(int)  # total bytes of translated voice received in this session so far
    session_started = Signal()
    session_finished = Signal()

    def __init__(
        self,
        catalog: Catalog,
        environment: LiveEnvironment,
        options: LiveOptions | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.env = environment
        self._options = normalized(catalog, options or LiveOptions())
        self.captions = CaptionListModel(self)
        self._phase = SessionPhase.IDLE
        self._session: LiveSession | None = None
        self._endpoint: Endpoint | None = None
        self._task: asyncio.Task[None] | None = None
        self._connected: asyncio.Future[None] | None = None
        self._player: AudioPlayback | None = None
        self._journal_id: int | None = None
        self._journal_writer: JournalWriter | None = None  # made at the first Start with a real journal
        self._journal_last: concurrent.futures.Future[object] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._visual: VisualFeed | None = None
        self._echo_task: asyncio.Task[None] | None = None
        # Filled off the Qt thread by refresh_devices(); the pickers show "System default" until then.
        self._input_devices: list[Choice] = []
        self._output_devices: list[Choice] = []
        self._echo_warning = ""
        self._audio_started = asyncio.Event()  # set by the first audio block; pictures wait for it (spec §1.4)
        # Rows of the session's CaptionTrack that were cleared from the view: the track keeps its indexes, the view
        # shows rows [offset:], so "Clear" works mid-session without disturbing the session.
        self._row_offset = 0
        self._started_at = 0.0
        self._audio_bytes = 0
        self._last_level_at = 0.0
        self._duration_timer = QTimer(self)
        self._duration_timer.setInterval(DURATION_TICK_MS)
        self._duration_timer.timeout.connect(self._tick)
        # Read once: the packaged prices with the user's pricing.json laid over them. The notices (an override file
        # that could not be used) are for the window to show once; the running cost uses the merged table.
        self._pricing, self.pricing_notices = load_effective_pricing()

    # --- state ----------------------------------------------------------------------------------------------------
    @property
    def options(self) -> LiveOptions:
        return self._options

    @property
    def phase(self) -> SessionPhase:
        return self._phase

    @property
    def is_active(self) -> bool:
        """True from Start until the session has finished (including while it finishes)."""
        return self._phase in (
            SessionPhase.STARTING,
            SessionPhase.LIVE,
            SessionPhase.RECONNECTING,
            SessionPhase.STOPPING,
        )

    @property
    def echo_warning(self) -> str:
        """The echo guard's last sentence for the chosen devices ("" when none, or not checked yet)."""
        return self._echo_warning

    @property
    def session(self) -> LiveSession | None:
        """The running LiveSession (None when idle)."""
        return self._session

    @property
    def audio_bytes(self) -> int:
        """Translated voice received in the current (or last) session, in bytes."""
        return self._audio_bytes

    @property
    def journal_session_id(self) -> int | None:
        """The journal id of the current (or last) session, None when there is no journal."""
        return self._journal_id

    def update_options(self, **changes: Any) -> None:
        """Change selections (ignored while a session runs: the service takes them at connect time)."""
        if self.is_active:
            return
        updated = normalized(self.catalog, replace(self._options, **changes))
        if updated != self._options:
            previous, self._options = self._options, updated
            self.options_changed.emit(updated)
            if self._echo_key(updated) != self._echo_key(previous):
                self.check_echo()

    def set_volume(self, output: int, volume: float) -> None:
        """Set the voice's gain on one output, at once when a session is playing (unlike ``update_options``).

        Args:
            output: 0 = the "Voice to" output, 1 = the "Also to" output.
            volume: linear gain, clamped to 0.0–1.0.
        """
        volume = min(1.0, max(0.0, volume))
        current = self._options
        if (current.output_volume, current.second_output_volume)[output] == volume:
            return
        if output == 0:
            self._options = replace(current, output_volume=volume)
        else:
            self._options = replace(current, second_output_volume=volume)
        # Not options_changed: that refills every picker (and re-enables them), wrong mid-session and wasteful
        # for every step of a dragged slider.
        self.volume_changed.emit(output, volume)
        index = opened_output_index(self._options, output)
        if index is not None and isinstance(self._player, AdjustableVolume):
            self._player.set_volume(index, volume)

    def check_echo(self, options: LiveOptions | None = None) -> None:
        """Run the echo guard for ``options`` (default: the current ones) in the background.

        The result arrives with ``echo_checked``; a newer check supersedes one still running. Does nothing
        when the environment has no ``echo_check`` (no microphone) or no event loop runs.
        """
        check = self.env.echo_check
        if check is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            _log.debug("no event loop: echo check skipped")
            return
        if self._echo_task is not None:
            self._echo_task.cancel()
        self._echo_task = loop.create_task(self._run_echo_check(check, options or self._options))

    async def _run_echo_check(self, check: Callable[[LiveOptions], str | None], options: LiveOptions) -> None:
        if not self._echo_key(options)[1]:
            warning = None  # no voice is played: nothing can echo (and no device needs to be asked)
        else:
            try:
                warning = await asyncio.to_thread(check, options)
            except InterpreterError as exc:  # the guard is advice: a device listing failure must not stop anything
                _log.warning("echo check failed: %s", exc)
                return
        # Published after every check, even when unchanged: a warning dismissed earlier shows again at the next Start.
        self._echo_warning = warning or ""
        self.echo_checked.emit(self._echo_warning)

    def _echo_key(self, options: LiveOptions) -> tuple[str, tuple[str | None, ...]]:
        """What the echo guard depends on: the microphone and the outputs the voice will actually play on."""
        info = self.catalog.model(options.model)
        speaks = options.audio_output and info is not None and info.has_audio_output(options.target_language)
        return options.input_device, tuple(voice_outputs(options)) if speaks else ()

    def input_devices(self) -> list[Choice]:
        """The microphones as last listed by :meth:`refresh_devices` (empty before the first listing)."""
        return list(self._input_devices)

    def output_devices(self) -> list[Choice]:
        """The voice outputs as last listed by :meth:`refresh_devices` (empty before the first listing)."""
        return list(self._output_devices)

    async def refresh_devices(self) -> None:
        """List the audio devices off the Qt thread, then emit ``devices_changed``.

        Listing asks PortAudio, which blocks while the audio system answers (tens of ms, seconds with a busy sound
        server or a Bluetooth device waking up): on the Qt thread the window would freeze. Both lists come from one
        worker call, one after the other: PortAudio's enumeration is not meant to run twice at once.
        """
        env = self.env

        def listing() -> tuple[list[Choice], list[Choice]]:
            return env.input_devices(), env.output_devices()

        self._input_devices, self._output_devices = await asyncio.to_thread(listing)
        self.devices_changed.emit()

    @async_slot()
    async def request_device_refresh(self) -> None:
        """``refresh_devices`` as a slot (the window's start-up, a device menu): returns at once."""
        await self.refresh_devices()

    def visual_sources(self) -> list[Choice]:
        return self.env.visual_sources()

    def clear_captions(self) -> None:
        """Clear the caption list; the session and the journal keep everything."""
        self._row_offset = len(self._session.captions) if self._session is not None else 0
        self.captions.clear()

    def session_config(self) -> SessionConfig:
        """The SessionConfig the current options stand for (before validation)."""
        options = self._options
        return SessionConfig(
            model=options.model,
            target_language=options.target_language,
            source_language=options.source_language or None,
            audio_output=options.audio_output,
            voice=options.voice or None,
            hotwords=dict(options.hotwords),
            voice_clone=VoiceClone.OFF,
        )

    # --- commands -------------------------------------------------------------------------------------------------
    def toggle(self) -> None:
        """Start when idle, stop when live (the Start/Stop button and Ctrl+Enter)."""
        if self._phase in (SessionPhase.IDLE, SessionPhase.FAILED):
            self.start()
        elif self._phase in (SessionPhase.STARTING, SessionPhase.LIVE, SessionPhase.RECONNECTING):
            self.stop()

    @async_slot()
    async def start(self) -> None:
        """Start a session with the current options; failures become a notice, never an exception."""
        await self.start_session()

    @async_slot()
    async def stop(self) -> None:
        """Finish the session keeping the last sentence (session.finish → session.finished)."""
        await self.stop_session()

    async def start_session(self) -> bool:
        """Coroutine form of ``start``: returns True once the session is connected and configured.

        Boundary: any failure (a refused key, but also a raw ``OSError`` or a bug) is logged, shown as a notice and
        leaves the view-model usable (FAILED, Start enabled); nothing escapes into the event loop.
        """
        if self.is_active:
            return False
        try:
            return await self._start_session()
        except Exception as exc:  # boundary: see the docstring
            _log.exception("starting the live session failed")
            await self._release_after_failed_start()
            self._fail(_internal_error(exc))
            self.session_finished.emit()
            return False

    async def _release_after_failed_start(self) -> None:
        """Undo what a start that crashed may have opened (each step on its own: one failing must not skip others)."""
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
        self._session = None
        await _logged(self._close_player())
        await _logged(self._stop_visual())

    async def _start_session(self) -> bool:
        """``start_session`` without the boundary."""
        self.notice_cleared.emit()
        self._set_phase(SessionPhase.STARTING)
        self.connection_changed.emit("connecting", self.tr("Connecting…"))
        try:
            validated = validate_config(self.session_config(), self.catalog)
            # Off the Qt thread: resolving the endpoint reads the OS keyring, which may block (a locked keychain,
            # a D-Bus round trip) on every Start.
            endpoint = await asyncio.to_thread(self.env.endpoint)
            audio = self._observed(self._options)
            picture = self.env.open_image_source(self._options)
            player_problem = await self._open_player(validated.config.audio_output)
        except InterpreterError as exc:
            self._player = None
            self._fail(exc)
            self.session_finished.emit()
            return False
        for notice in validated.notices:
            self.notice_posted.emit("info", render(notice))
        if player_problem is not None:
            # Captions alone are worth having: the session runs, the voice goes to the journal, said once here.
            self.notice_posted.emit(
                "warning",
                self.tr("The translated voice is saved with the session but not played: {reason}").format(
                    reason=render(player_problem.message)
                ),
            )
        # Checked at every start, not only on a device change: routing (a default source switched to a monitor)
        # and plugged devices change behind the app's back.
        self.check_echo(replace(self._options, audio_output=validated.config.audio_output))
        self._endpoint = endpoint
        self._audio_bytes = 0
        self._row_offset = 0
        self.captions.clear()
        self._loop = asyncio.get_running_loop()
        await self._journal_start(endpoint.demo)
        image = self._start_visual(picture) if picture is not None else None
        session = LiveSession(
            validated.config,
            api_key=endpoint.api_key,
            base_url=endpoint.base_url,
            region=endpoint.region,
            audio_source=audio,
            image_source=image,
            # One owner for the GUI's session data: the journal (rows committed per sentence, voice as PCM, both
            # crash-safe; history, exports and recovery read it). The CLI's transcript/SRT/WAV files would store
            # the same session a second time, with their own fsyncs on the Qt thread.
            out_dir=None,
            on_update=self._on_update,
        )
        self._session = session
        self._connected = asyncio.get_running_loop().create_future()
        self._task = asyncio.ensure_future(self._run(session))
        # Connected (session configured) or ended (a fatal error, or a source that ended at once): either way the
        # task has settled the phase.
        await asyncio.wait({self._connected, self._task}, return_when=asyncio.FIRST_COMPLETED)
        if not self._connected.done():
            return False
        self._started_at = time.monotonic()
        self._duration_timer.start()
        self.duration_changed.emit(0)
        self.session_started.emit()
        return True

    async def stop_session(self) -> None:
        """Coroutine form of ``stop``; returns when the session has finished (last sentence kept)."""
        session = self._session
        if session is None:
            return
        if self._phase != SessionPhase.STOPPING:
            self._set_phase(SessionPhase.STOPPING)
            self.connection_changed.emit("closing", self.tr("Finishing…"))
            session.request_stop()
        await self._settle()

    async def shutdown(self) -> None:
        """Application exit: finish an active session properly, then release the player."""
        if self._echo_task is not None:
            self._echo_task.cancel()
        await self.stop_session()
        await self._close_player()
        await _logged(self.close_journal())

    # --- session updates (LiveSession calls this on the loop thread) --------------------------------------------------
    def _on_update(self, update: LiveUpdate) -> None:
        if isinstance(update, CaptionsChanged):
            row = update.change.index - self._row_offset
            if row >= 0:
                self.captions.set_row(row, update.caption)
        elif isinstance(update, TranslatedAudio):
            self._audio_chunk(update.pcm)
        elif isinstance(update, TranslatedAudioEnded):
            if self._player is not None:
                self._player.end_of_response()
        elif isinstance(update, SegmentCompleted):
            self._segment_done(update)
        elif isinstance(update, StatusChanged):
            status = update.status
            error = render(status.error.message) if status.error is not None else None
            self._connection_status(status.state, status.attempt, status.retry_in_s, error)
        elif isinstance(update, UsageUpdated):
            self._usage(update)
        elif isinstance(update, GapDetected):
            gap = {"gap": True, "start_ms": update.start_ms, "end_ms": update.end_ms}
            self._journal_call("append_segment", lambda journal, sid: journal.append_segment(sid, gap))
        elif isinstance(update, CaptionsRetracted):
            pass  # the rows were blanked through CaptionsChanged; the replayed speech arrives as new rows

    def _segment_done(self, update: SegmentCompleted) -> None:
        segment = update.segment
        record = segment_record(segment)
        self._journal_call("append_segment", lambda journal, sid: journal.append_segment(sid, record))
        session = self._session
        if session is not None and segment.end_ms is not None:
            # Latency as the audience feels it: audio sent since the speech ended, until its final translation.
            latency = int(session.summary.audio_sent_s * 1000) - int(segment.end_ms)
            if latency >= 0:
                self.latency_changed.emit(latency)
        self.segment_finalized.emit(segment)

    def _audio_chunk(self, pcm: bytes) -> None:
        self._audio_bytes += len(pcm)
        if self._player is not None:
            self._player.feed(pcm)
        self._journal_call("append_audio", lambda journal, sid: journal.append_audio(sid, pcm))
        self.audio_received.emit(self._audio_bytes)

    def _usage(self, update: UsageUpdated) -> None:
        region = self._endpoint.region if self._endpoint is not None else "singapore"
        estimate = self._pricing.estimate(update.tokens, self._options.model, region)
        text = estimate.format() if estimate.priced else self.tr("price unknown")
        self.cost_changed.emit(self.tr("Cost ≈ {amount}").format(amount=text))

    def _connection_status(self, state: str, attempt: int, retry_in_s: float | None, error: str | None) -> None:
        if state == "connected":
            text = self.tr("Connected")
            if self._connected is not None and not self._connected.done():
                self._connected.set_result(None)
            if self._phase in (SessionPhase.STARTING, SessionPhase.RECONNECTING):
                if self._phase == SessionPhase.RECONNECTING:
                    self.notice_posted.emit("info", self.tr("Reconnected. Speech from the break was sent again."))
                self._set_phase(SessionPhase.LIVE)
        elif state == "reconnecting" or (state == "connecting" and self._phase == SessionPhase.RECONNECTING):
            text = self.tr("Reconnecting… (attempt {n})").format(n=max(1, attempt))
            if self._phase in (SessionPhase.LIVE, SessionPhase.STARTING, SessionPhase.RECONNECTING):
                self._set_phase(SessionPhase.RECONNECTING)
                wait = self.tr(" Next try in {s:.0f} s.").format(s=retry_in_s) if retry_in_s else ""
                self.notice_posted.emit(
                    "warning", self.tr("Connection lost — reconnecting. Keep speaking: your speech is kept.") + wait
                )
        elif state == "connecting":
            text = self.tr("Connecting…")
        elif state == "failed":
            text = self.tr("Disconnected")
        else:
            text = self.tr("Not connected")
        self.connection_changed.emit(state, text)

    # --- internals ------------------------------------------------------------------------------------------------
    async def _run(self, session: LiveSession) -> None:
        """Run the session; however it ends (including a bug), release everything and settle the phase."""
        error: InterpreterError | None = None
        try:
            await session.run()
        except InterpreterError as exc:
            error = exc
        except Exception as exc:  # boundary: a bug must not leave the phase active forever (the window would not close)
            _log.exception("live session crashed")
            error = _internal_error(exc)
        finally:
            self._duration_timer.stop()
            # Each release on its own: one failing must not skip the others.
            await _logged(self._close_player())
            await _logged(self._stop_visual())
            with contextlib.suppress(Exception):
                self._journal_call("end_session", lambda journal, sid: journal.end_session(sid))
            # The session counts as finished once the history has it all (exports and recovery read it).
            await _logged(self._journal_settled())
            self._session = None
        if error is not None:
            self._fail(error)
        else:
            self._set_phase(SessionPhase.IDLE)
            self.connection_changed.emit("closed", self.tr("Not connected"))
        self.session_finished.emit()

    async def _settle(self) -> None:
        task = self._task
        if task is not None and not task.done():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(task)

    def _start_visual(self, source: FrameSource) -> AsyncIterable[bytes]:
        """Start the preview and return the gated JPEG stream for the session."""
        feed = self._visual = VisualFeed(
            source,
            self.catalog.model(self._options.model),
            self._audio_started,
            self,
            gate_config=self.env.gate_config,
        )
        feed.preview_changed.connect(self.preview_changed)
        feed.stats_changed.connect(self.visual_stats_changed)
        feed.failed.connect(lambda text: self.notice_posted.emit("warning", text))
        feed.start()
        self.visual_stats_changed.emit(0, 0)
        return feed.jpeg_frames()

    async def _stop_visual(self) -> None:
        if self._visual is not None:
            feed, self._visual = self._visual, None
            await feed.stop()
            feed.deleteLater()

    def _observed(self, options: LiveOptions) -> AsyncIterable[bytes]:
        """The chosen audio source, publishing its level on the loop thread as blocks pass through."""
        source = self.env.open_audio_source(options)
        self._audio_started = asyncio.Event()

        async def blocks() -> AsyncIterator[bytes]:
            iterator = aiter(source)
            try:
                async for block in iterator:
                    self._audio_started.set()
                    now = time.monotonic()
                    if block and (now - self._last_level_at) * 1000 >= LEVEL_INTERVAL_MS:
                        self._last_level_at = now
                        self.input_level_changed.emit(rms_dbfs(block))
                    yield block
            finally:
                # Closing this generator must close the source's too, now: a nested async generator left to the
                # garbage collector would keep the microphone open until it gets round to it.
                aclose = getattr(iterator, "aclose", None)
                if aclose is not None:
                    await aclose()

        return blocks()

    def _fail(self, error: InterpreterError) -> None:
        _log.warning("live session failed: %s", error)
        self._duration_timer.stop()
        self._set_phase(SessionPhase.FAILED)
        self.connection_changed.emit("failed", self.tr("Disconnected"))
        self.error_occurred.emit(render(error.message))
        self.notice_posted.emit("error", render(error.message))

    def _set_phase(self, phase: SessionPhase) -> None:
        if phase != self._phase:
            self._phase = phase
            self.phase_changed.emit(phase)

    def _tick(self) -> None:
        self.duration_changed.emit(int(time.monotonic() - self._started_at))

    async def _open_player(self, audio_output: bool) -> DeviceError | None:
        """Open the voice outputs for a session (none for text only); returns the device error when they cannot be
        opened (no output device at all, or the chosen one is gone): the session then runs without playing."""
        self._player = self.env.open_playback(self._options) if audio_output else None
        if self._player is None:
            return None
        try:
            await self._player.start()
        except DeviceError as exc:
            _log.warning("voice output unavailable, playing nothing: %s", exc)
            self._player = None
            return exc
        return None

    async def _close_player(self) -> None:
        if self._player is not None:
            player, self._player = self._player, None
            try:
                await player.stop()  # drains: the last translated words are still heard
            except InterpreterError as exc:
                _log.warning("closing the voice player failed: %s", exc)

    async def _journal_start(self, demo: bool) -> None:
        """Record the session's start (off the Qt thread when the journal is a real one: see ``JournalWriter``)."""
        self._journal_id = None
        journal = self.env.journal
        if journal is None:
            return
        meta = {
            "model": self._options.model,
            "source_language": self._options.source_language or None,
            "target_language": self._options.target_language,
            "audio_output": self._options.audio_output,
            "demo": demo,
        }
        if isinstance(journal, SessionJournal) and self._journal_writer is None:
            try:
                self._journal_writer = await asyncio.to_thread(
                    JournalWriter, journal.path, sessions_dir=journal.sessions_dir
                )
            except InterpreterError as exc:  # history is a convenience: the interpretation goes on without it
                self._journal_failed("open", exc)
                return
        writer = self._journal_writer
        try:
            if writer is None:
                self._journal_id = journal.start_session(meta)
            else:
                self._journal_id = await asyncio.wrap_future(writer.run(lambda own: own.start_session(meta)))
        except (InterpreterError, OSError) as exc:
            self._journal_failed("start_session", exc)

    def _journal_call(self, method: str, call: Callable[[SessionJournal, int], object]) -> None:
        """``call(journal, session id)`` for the current session (nothing without a journal or a session); a
        storage failure is shown but never stops the interpretation. ``method`` names the call in the log.

        With a ``JournalWriter`` the call is queued on its thread, in order, with the writer's own journal (its
        failure arrives as a notice); otherwise it runs here on the app's journal.
        """
        journal, session_id = self.env.journal, self._journal_id
        if journal is None or session_id is None:
            return
        writer = self._journal_writer
        if writer is not None:
            future = writer.run(lambda own: call(own, session_id))
            future.add_done_callback(lambda done: self._journal_done(method, done))
            self._journal_last = future
            return
        try:
            call(journal, session_id)
        except (InterpreterError, OSError) as exc:
            self._journal_failed(method, exc)

    def _journal_done(self, method: str, future: concurrent.futures.Future[object]) -> None:
        """Writer thread: report a failed journal call on the loop thread."""
        if future.cancelled():
            return
        error = future.exception()
        loop = self._loop
        if error is not None and loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._journal_failed, method, error)

    def _journal_failed(self, method: str, exc: BaseException) -> None:
        _log.warning("journal %s failed: %s", method, exc)
        if isinstance(exc, InterpreterError):
            self.notice_posted.emit("warning", render(exc.message))
        else:  # the journal's folder (session_dir, PCM file) outside its own error mapping
            self.notice_posted.emit("warning", self.tr("The session history could not be written: {e}").format(e=exc))

    async def _journal_settled(self) -> None:
        """Wait until every queued journal write has run (the writer runs them in order: the last one is enough)."""
        last, self._journal_last = self._journal_last, None
        if last is not None:
            with contextlib.suppress(Exception):  # reported by _journal_done
                await asyncio.wrap_future(last)

    async def close_journal(self) -> None:
        """Finish queued journal writes and close the writer's connection (application exit)."""
        writer, self._journal_writer = self._journal_writer, None
        if writer is not None:
            await asyncio.to_thread(writer.close)


def _internal_error(exc: BaseException) -> InterpreterError:
    """The user-facing error for a failure that is not an ``InterpreterError`` (a raw OS error or a bug)."""
    if isinstance(exc, InterpreterError):
        return exc
    if isinstance(exc, OSError):
        return StorageError(
            texts.SESSION_FILES_FAILED(reason=exc.strerror or str(exc)), detail=f"{type(exc).__name__}: {exc}"
        )
    return InterpreterError(texts.SESSION_CRASHED(), detail=f"{type(exc).__name__}: {exc}")


async def _logged(step: Awaitable[None]) -> None:
    """Await one clean-up step; log (never raise) whatever it fails with."""
    try:
        await step
    except Exception:
        _log.exception("releasing the live session failed")
