"""Microphone capture: device-native rate in, 16 kHz mono s16le blocks out, surviving device loss.

Threads: the PortAudio callback only copies the samples and hands them to the event loop with
``loop.call_soon_threadsafe``; resampling, metering and queueing happen on the loop. The hand-off and the block
queue are both bounded; when the consumer or the loop falls behind, the OLDEST audio is dropped and counted
(fresh speech matters more than stale speech in a live session), and the callback never blocks.

Mute and device loss send silence, not nothing, because (1) the server's VAD needs silence to close the sentence
that was being spoken, otherwise its translation hangs until the speaker unmutes; (2) the service may close a
session that receives no audio for a while (the emulator's default idle timeout is 60 s); (3) session timestamps are
counted in audio sent, so captions and SRT times stay aligned with the wall clock. The cost is the input-audio
tokens of the silence, which is the price of a session that stays up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from interpreter.core.pcm import INPUT_RATE, SAMPLE_WIDTH, SILENCE_DBFS, peak_dbfs, rms_dbfs
from interpreter.errors import DeviceError
from interpreter.media import texts
from interpreter.media._sd import sounddevice
from interpreter.media.devices import AudioDevice, find_device
from interpreter.media.resample import MonoResampler, to_mono_int16

log = logging.getLogger(__name__)

#: 20–40 ms blocks: short enough for low latency, long enough that per-append JSON/Base64 overhead stays small.
MIN_BLOCK_MS, MAX_BLOCK_MS = 20, 40
#: Default queue depth: 50 blocks of 40 ms = 2 s. A consumer stalled longer than that is better served by fresh
#: audio than by a growing backlog (latency that grows without bound is the top complaint about live tools).
DEFAULT_QUEUE_BLOCKS = 50
#: Callback hand-offs allowed in flight before the callback starts dropping: bounds memory if the loop stalls.
_MAX_INFLIGHT = 100
#: No callback for this long while running means the device is gone or wedged. Generous because the first
#: callback can take up to ~2 s after start() on some systems (see headless-testing notes).
DEFAULT_STALL_TIMEOUT_S = 3.0
#: Watchdog period: fast enough to notice a stall within a fraction of the timeout, cheap on the loop.
_WATCHDOG_PERIOD_S = 0.25
#: Interval between attempts to reopen a lost device (or fall back to the default).
DEFAULT_RECOVER_INTERVAL_S = 1.0
#: Seconds allowed for stopping/closing a PortAudio stream; a stream on a vanished device can hang in close.
_CLOSE_TIMEOUT_S = 2.0
#: Loop rounds stop() gives hand-offs still queued at close: all are queued already, so one round normally does it.
_STOP_DRAIN_ROUNDS = 10

StatusKind = Literal["started", "lost", "recovered", "switched", "stopped"]


@dataclass(frozen=True)
class DeviceStatus:
    """A change of the capture device the user should hear about.

    Attributes:
        kind: ``started``; ``lost`` (capture stopped; silence is sent meanwhile); ``recovered`` (same device is
            back); ``switched`` (fell back to another device, usually the default); ``stopped``.
        device: the device now in use, if any.
        message: one sentence for a status bar.
        error: the underlying error for ``lost``.
    """

    kind: StatusKind
    device: AudioDevice | None
    message: str
    error: DeviceError | None = None


@dataclass(frozen=True)
class Level:
    """Loudness of the latest block, for a meter (see :mod:`interpreter.core.pcm` for the dBFS convention).

    Attributes:
        rms_dbfs: RMS level, :data:`~interpreter.core.pcm.SILENCE_DBFS` for silence.
        peak_dbfs: absolute peak, :data:`~interpreter.core.pcm.SILENCE_DBFS` for silence.
    """

    rms_dbfs: float = SILENCE_DBFS
    peak_dbfs: float = SILENCE_DBFS

    @property
    def clipping(self) -> bool:
        """True when the peak is within 0.1 dB of full scale (the speaker is too loud or the gain too high)."""
        return self.peak_dbfs > -0.1

    @classmethod
    def of(cls, pcm: bytes) -> Level:
        """The level of s16le ``pcm``."""
        return cls(rms_dbfs(pcm), peak_dbfs(pcm))


@dataclass(frozen=True)
class MicBlock:
    """One block of 16 kHz mono s16le.

    Attributes:
        pcm: the samples.
        captured_at: ``time.monotonic()`` estimate of when the device's ADC captured the block's last input
            (from PortAudio's time info); for filler silence, when it was generated.
        available_at: ``time.monotonic()`` when the block was put in the queue.
        filler: True for silence generated while muted or while the device was lost.
        callback_at: ``time.monotonic()`` when the PortAudio callback that completed the block ran (None for
            filler). ``callback_at - captured_at`` is the device's own buffering as PortAudio reports it;
            ``available_at - callback_at`` is this pipeline (thread hand-off, loop wake-up, resampling).
    """

    pcm: bytes
    captured_at: float
    available_at: float
    filler: bool = False
    callback_at: float | None = None


@dataclass
class MicStats:
    """Counters (read on the loop thread)."""

    callbacks: int = 0
    blocks: int = 0
    dropped_blocks: int = 0
    handoff_drops: int = 0
    portaudio_overflows: int = 0
    filler_blocks: int = 0
    restarts: int = 0


class Microphone:
    """Capture from one input device as an async iterator of 16 kHz mono blocks.

    ``async with Microphone(...) as mic: async for pcm in mic: ...`` yields ``bytes``;
    :meth:`blocks` yields :class:`MicBlock` with timing metadata. Iteration ends after :meth:`stop`.

    Args:
        device: input device spec (see :func:`interpreter.media.devices.find_device`); None = system default.
        block_ms: block duration, 20–40 ms.
        queue_blocks: bound of the block queue; overflow drops the oldest block.
        samplerate: capture rate; None = the device's native default rate.
        on_status: called on the loop thread with a :class:`DeviceStatus` on start, loss, recovery and stop.
        stall_timeout_s: silence from the device for this long counts as losing it.
        recover_interval_s: pause between reopen attempts after a loss.
        sd: the sounddevice module (injectable; default the real one, imported on start).
    """

    def __init__(
        self,
        device: str | int | None = None,
        *,
        block_ms: int = 40,
        queue_blocks: int = DEFAULT_QUEUE_BLOCKS,
        samplerate: int | None = None,
        on_status: Callable[[DeviceStatus], None] | None = None,
        stall_timeout_s: float = DEFAULT_STALL_TIMEOUT_S,
        recover_interval_s: float = DEFAULT_RECOVER_INTERVAL_S,
        sd: Any = None,
    ) -> None:
        if not MIN_BLOCK_MS <= block_ms <= MAX_BLOCK_MS:
            raise ValueError(f"block_ms must be within {MIN_BLOCK_MS}–{MAX_BLOCK_MS}, got {block_ms}")
        if queue_blocks < 1:
            raise ValueError("queue_blocks must be at least 1")
        self._spec = device
        self.block_ms = block_ms
        self.block_samples = INPUT_RATE * block_ms // 1000
        self._samplerate = samplerate
        self._on_status = on_status
        self._stall_timeout_s = stall_timeout_s
        self._recover_interval_s = recover_interval_s
        self._sd_arg = sd
        self._sd: Any = None
        self._queue: asyncio.Queue[MicBlock | None] = asyncio.Queue(maxsize=queue_blocks)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stream: Any = None
        self._gen = 0  # stream generation: audio from a replaced stream is ignored
        self._posted = 0  # written only by the callback thread
        self._handled = 0  # written only by the loop thread
        self._handoff_drops = 0  # written only by the callback thread
        self._overflows = 0  # written only by the callback thread
        self._last_callback = 0.0
        self._resampler: MonoResampler | None = None
        self._pending = bytearray()
        self._pending_captured_at = 0.0
        self._tasks: list[asyncio.Task[None]] = []
        self._lost = False
        self._stopping = False
        self._ended = False  # the end of iteration is queued: nothing may follow it
        self._running = False
        self.muted = False
        self._level_pcm = b""
        self._level_cache: tuple[bytes, Level] = (b"", Level())
        self.device: AudioDevice | None = None
        self.stats = MicStats()

    # --- lifecycle --------------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Open the device and start capturing.

        Raises:
            DeviceError: the device does not exist or cannot be opened (at start a failure is the user's to fix;
                later failures are recovered from instead).
        """
        if self._running:
            return
        self._loop = asyncio.get_running_loop()
        self._sd = sounddevice(self._sd_arg)
        device = await asyncio.to_thread(find_device, self._spec, "input", sd=self._sd)
        await self._open(device)
        self._running = True
        self._tasks.append(asyncio.create_task(self._watchdog(), name="mic-watchdog"))
        self._emit(DeviceStatus("started", device, texts.MICROPHONE_LISTENING(name=device.name)))

    async def stop(self) -> None:
        """Stop capturing; pending blocks are still delivered, then iteration ends. Idempotent."""
        if self._stopping:
            return
        self._stopping = True
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        await self._close_stream()
        # Audio the device captured before the stream closed may still sit in the loop's queue of hand-offs (the
        # loop was busy): it is the end of what the speaker said, so it is processed before the end is marked.
        # Closing joined the callback thread, so every hand-off is already queued; a few rounds are enough, and
        # the bound keeps a stream that could not be closed (abandoned above) from holding stop() up.
        for _ in range(_STOP_DRAIN_ROUNDS):
            if self._handled >= self._posted:
                break
            await asyncio.sleep(0)
        if self._running:
            self._running = False
            self._ended = True
            self._flush_pending()
            self._put(None)
            self._emit(DeviceStatus("stopped", self.device, texts.MICROPHONE_OFF()))

    async def __aenter__(self) -> Microphone:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # --- consumer API -----------------------------------------------------------------------------------------

    def __aiter__(self) -> AsyncGenerator[bytes, None]:
        """The PCM blocks; an async generator, so a consumer can close it at once (``contextlib.aclosing``)."""
        return self._pcm_iter()

    async def _pcm_iter(self) -> AsyncGenerator[bytes, None]:
        # aclosing: closing this generator closes the inner one at once, not when the garbage collector runs.
        async with contextlib.aclosing(self.blocks()) as blocks:
            async for block in blocks:
                yield block.pcm

    async def blocks(self) -> AsyncGenerator[MicBlock, None]:
        """Blocks with timing metadata until :meth:`stop`."""
        while True:
            block = await self._queue.get()
            if block is None:
                return
            yield block

    @property
    def level(self) -> Level:
        """Level of the latest captured audio (16 kHz, as the service hears it), for a meter.

        Computed when read, not per block: a meter polls a few times a second, and a session without a meter
        (the live command) pays nothing.
        """
        pcm, level = self._level_cache
        if pcm is not self._level_pcm:
            level = Level.of(self._level_pcm)
            self._level_cache = (self._level_pcm, level)
        return level

    @property
    def lost(self) -> bool:
        """True while the device is gone and silence is being sent."""
        return self._lost

    # --- PortAudio side ---------------------------------------------------------------------------------------

    async def _open(self, device: AudioDevice) -> None:
        rate = self._samplerate or int(device.default_samplerate)
        self._gen += 1
        gen = self._gen
        # One PortAudio buffer per block keeps latency at one block and the callback rate modest (25/s at 40 ms).
        blocksize = rate * self.block_ms // 1000
        loop = self._loop
        assert loop is not None
        sdm = self._sd

        def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
            # PortAudio thread: copy and hand off, nothing else. Never raise, never block.
            now = time.monotonic()
            if status and getattr(status, "input_overflow", False):
                self._overflows += 1
            if self._posted - self._handled >= _MAX_INFLIGHT:
                self._handoff_drops += 1
                return
            age = 0.0
            try:
                adc, current = float(time_info.inputBufferAdcTime), float(time_info.currentTime)
                if adc > 0 and current >= adc:
                    age = current - adc
            except (AttributeError, TypeError, ValueError):
                pass  # some host APIs report no timing; the callback time is the best estimate then
            self._posted += 1
            try:
                loop.call_soon_threadsafe(self._on_audio, gen, indata.copy(), now - age + frames / rate, now)
            except RuntimeError:  # the loop is closed: nobody will ever read this stream again
                raise sdm.CallbackAbort from None

        def finished() -> None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._on_stream_finished, gen)

        def open_stream() -> Any:
            stream = sdm.InputStream(
                samplerate=rate,
                blocksize=blocksize,
                device=device.index,
                channels=1,
                dtype="int16",
                callback=callback,
                finished_callback=finished,
            )
            stream.start()
            return stream

        opening = asyncio.ensure_future(asyncio.to_thread(open_stream))
        try:
            # Shielded: cancelling the await cannot stop the thread, which may still open and start the stream.
            stream = await asyncio.shield(opening)
        except asyncio.CancelledError:
            # Cancelled mid-open (stop() during a reconnect): whatever the thread opens must not stay running.
            opening.add_done_callback(_close_abandoned_stream)
            raise
        except Exception as exc:  # PortAudioError, ValueError for bad params, OSError: all mean "cannot open"
            raise DeviceError(
                texts.MICROPHONE_UNAVAILABLE(name=repr(device.name)),
                detail=repr(exc),
            ) from exc
        self._stream = stream
        self.device = device
        self._resampler = MonoResampler(rate, INPUT_RATE)
        self._pending.clear()
        self._last_callback = time.monotonic()

    def _on_audio(self, gen: int, data: np.ndarray, captured_at: float, callback_at: float) -> None:
        self._handled += 1
        # While lost, a reopened stream may deliver before _open() has installed its resampler and the recovery
        # is announced: that audio would go through the old device's resampler, so it is skipped (a few ms).
        # After stop() not `_stopping`: audio captured before the stream closed is still the speaker's (see stop()).
        if gen != self._gen or self._ended or self._lost or self._resampler is None:
            return
        self._last_callback = time.monotonic()
        self.stats.callbacks += 1
        out = self._resampler.process(to_mono_int16(data)).tobytes()
        # The meter keeps showing the real level while muted: a presenter sees they are talking into a muted mic.
        self._level_pcm = out
        if not self._pending:
            self._pending_captured_at = captured_at
        self._pending += out
        block_bytes = self.block_samples * SAMPLE_WIDTH
        while len(self._pending) >= block_bytes:
            pcm = bytes(self._pending[:block_bytes])
            del self._pending[:block_bytes]
            if self.muted:
                pcm = bytes(block_bytes)
            self._enqueue(MicBlock(pcm, captured_at, time.monotonic(), filler=self.muted, callback_at=callback_at))

    def _flush_pending(self) -> None:
        if self._pending:
            pcm = bytes(self._pending) if not self.muted else bytes(len(self._pending))
            self._pending.clear()
            self._enqueue(MicBlock(pcm, self._pending_captured_at, time.monotonic(), filler=self.muted))

    def _enqueue(self, block: MicBlock) -> None:
        self.stats.blocks += 1
        if block.filler:
            self.stats.filler_blocks += 1
        self._put(block)

    def _put(self, item: MicBlock | None) -> None:
        while True:
            try:
                self._queue.put_nowait(item)
                return
            except asyncio.QueueFull:
                dropped = self._queue.get_nowait()  # drop the oldest, keep the freshest
                if dropped is not None:
                    self.stats.dropped_blocks += 1

    def _on_stream_finished(self, gen: int) -> None:
        if gen == self._gen and not self._stopping and not self._lost:
            self._device_lost(DeviceError(texts.MICROPHONE_STOPPED(), detail="stream finished"))

    # --- loss and recovery ------------------------------------------------------------------------------------

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(_WATCHDOG_PERIOD_S)
            self.stats.handoff_drops = self._handoff_drops
            self.stats.portaudio_overflows = self._overflows
            if not self._lost and time.monotonic() - self._last_callback > self._stall_timeout_s:
                self._device_lost(
                    DeviceError(
                        texts.MICROPHONE_STALLED(),
                        detail=f"no callback for {self._stall_timeout_s} s",
                    )
                )

    def _device_lost(self, error: DeviceError) -> None:
        self._lost = True
        self._gen += 1  # ignore anything the old stream still delivers
        name = self.device.name if self.device else texts.THE_MICROPHONE()
        log.warning("microphone lost: %s", error)
        self._emit(
            DeviceStatus(
                "lost",
                self.device,
                texts.MICROPHONE_LOST(name=name),
                error,
            )
        )
        self._tasks.append(asyncio.create_task(self._recover(), name="mic-recover"))

    async def _recover(self) -> None:
        await self._close_stream()
        filler = asyncio.create_task(self._fill_silence(), name="mic-filler")
        try:
            previous = self.device
            while not self._stopping:
                for spec in (self._spec, None) if self._spec not in (None, "", "default") else (None,):
                    try:
                        device = await asyncio.to_thread(find_device, spec, "input", sd=self._sd)
                        await self._open(device)
                    except DeviceError as exc:
                        log.info("microphone reopen failed (%s): %s", spec, exc)
                        continue
                    self._lost = False
                    self.stats.restarts += 1
                    same = previous is not None and device.device_id == previous.device_id
                    kind: StatusKind = "recovered" if same else "switched"
                    said = texts.MICROPHONE_BACK if same else texts.MICROPHONE_SWITCHED
                    self._emit(DeviceStatus(kind, device, said(name=device.name)))
                    return
                await asyncio.sleep(self._recover_interval_s)
        finally:
            filler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await filler

    async def _fill_silence(self) -> None:
        """Silence blocks at wall-clock pace (deadline-based, no drift) while the device is lost."""
        silence = bytes(self.block_samples * SAMPLE_WIDTH)
        self._pending.clear()
        period = self.block_ms / 1000
        t0 = time.monotonic()
        n = 0
        while True:
            n += 1
            delay = t0 + n * period - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            now = time.monotonic()
            self._enqueue(MicBlock(silence, now, now, filler=True))

    async def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return

        def close() -> None:
            with contextlib.suppress(Exception):  # the device may be gone; closing must not raise
                stream.abort()
            with contextlib.suppress(Exception):
                stream.close()

        # A stream on a vanished device can hang in close: give up waiting (the thread ends on its own or with
        # the process), never hang the session.
        task = asyncio.ensure_future(asyncio.to_thread(close))
        done, _ = await asyncio.wait({task}, timeout=_CLOSE_TIMEOUT_S)
        if not done:
            log.warning("closing the microphone stream timed out; abandoning it")

    def _emit(self, status: DeviceStatus) -> None:
        if self._on_status is None:
            return
        try:
            self._on_status(status)
        except Exception:  # a broken status listener must not take capture down with it
            log.exception("microphone status callback failed")


async def open_microphone(
    device: str | int | None = None,
    *,
    block_ms: int = 40,
    on_status: Callable[[DeviceStatus], None] | None = None,
    **kwargs: Any,
) -> Microphone:
    """Open and start a :class:`Microphone`; iterate it for 16 kHz mono s16le blocks; ``await mic.stop()`` ends it.

    Raises:
        DeviceError: the device cannot be found or opened.
    """
    mic = Microphone(device, block_ms=block_ms, on_status=on_status, **kwargs)
    await mic.start()
    return mic


def _close_abandoned_stream(opening: asyncio.Future[Any]) -> None:
    """Done callback of a stream opening nobody waits for any more: stop and close the stream it opened."""
    if opening.cancelled() or opening.exception() is not None:
        return
    stream = opening.result()

    def close() -> None:
        with contextlib.suppress(Exception):  # the device may be gone; closing must not raise
            stream.abort()
        with contextlib.suppress(Exception):
            stream.close()

    # Off the loop thread: PortAudio's close can block; a daemon thread never holds the process open.
    threading.Thread(target=close, name="mic-close-abandoned", daemon=True).start()
