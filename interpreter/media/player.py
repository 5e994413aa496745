"""Playback of the translated voice on up to two devices at once (presenter monitor + audience/meeting output).

Each output owns a :class:`JitterBuffer` and a PortAudio output stream. Two devices run on two independent clocks,
so they cannot share one buffer: :meth:`VoicePlayer.feed` resamples each delta to every output's rate on the event
loop and pushes it into that output's buffer; each device callback pulls from its own buffer, applies its volume
and writes. The callback never blocks and never allocates more than one block.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from interpreter.core.pcm import VOICE_RATE
from interpreter.errors import DeviceError
from interpreter.media import texts
from interpreter.media._sd import sounddevice
from interpreter.media.devices import AudioDevice, find_device
from interpreter.media.jitter import DEFAULT_TARGET_MS, JitterBuffer, JitterStats
from interpreter.media.resample import MonoResampler

log = logging.getLogger(__name__)

#: Device callback block of 40 ms. Measured with PortAudio over ALSA's pulse plugin, the output path costs 2.0 % of
#: a core at 20 ms blocks and 1.4 % at 40 ms (the wake-ups, not our callback, dominate); the 20 ms of latency this
#: adds is negligible next to the seconds a translation takes. 10 ms blocks made the pulse plugin underrun on a
#: loaded 2-core machine.
_DEVICE_BLOCK_MS = 40
#: Device buffer latency requested from PortAudio: 60 ms absorbs scheduling hiccups of the callback thread.
_DEVICE_LATENCY_S = 0.06
#: How often stop(drain=True) checks whether the buffers have been played out.
_DRAIN_POLL_S = 0.01
#: Upper bound on a drain: more than any sentence the service synthesises; stop never hangs on a dead device.
DEFAULT_DRAIN_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class OutputStats:
    """Per-output counters for the UI."""

    device: AudioDevice
    volume: float
    jitter: JitterStats
    device_latency_s: float
    callback_errors: int


class AudioOutput:
    """One output device fed from its own jitter buffer.

    Args:
        device: the resolved output device.
        volume: linear gain in [0, 2]; 1.0 leaves samples unchanged.
        target_ms: jitter-buffer target latency.
        samplerate: device rate; None = the device's native rate (the voice is resampled to it when different).
        sd: the sounddevice module.
    """

    def __init__(
        self,
        device: AudioDevice,
        *,
        volume: float = 1.0,
        target_ms: float = DEFAULT_TARGET_MS,
        samplerate: int | None = None,
        sd: Any = None,
    ) -> None:
        self.device = device
        self.volume = volume
        self.rate = samplerate or int(device.default_samplerate)
        self.buffer = JitterBuffer(self.rate, target_ms=target_ms)
        self._resampler = MonoResampler(VOICE_RATE, self.rate)
        self._sd = sounddevice(sd)
        self._stream: Any = None
        self._callback_errors = 0
        self.on_failure: Callable[[], None] | None = None

    @property
    def volume(self) -> float:
        """Linear gain; 0 mutes this output without closing it."""
        return self._volume

    @volume.setter
    def volume(self, value: float) -> None:
        # Up to 2x (+6 dB) for quiet voices on small speakers; beyond that clipping dominates.
        if not 0.0 <= value <= 2.0:
            raise ValueError(f"volume must be within 0–2, got {value}")
        self._volume = float(value)

    def open(self) -> None:
        """Open and start the device stream (blocking; call from a worker thread).

        Raises:
            DeviceError: the device cannot be opened.
        """
        blocksize = self.rate * _DEVICE_BLOCK_MS // 1000
        try:
            stream = self._sd.OutputStream(
                samplerate=self.rate,
                blocksize=blocksize,
                device=self.device.index,
                channels=1,
                dtype="int16",
                latency=_DEVICE_LATENCY_S,
                callback=self._callback,
                finished_callback=self._finished,
            )
            stream.start()
        except Exception as exc:  # PortAudioError / ValueError / OSError all mean "cannot open"
            raise DeviceError(
                texts.OUTPUT_UNAVAILABLE(name=repr(self.device.name)),
                detail=repr(exc),
            ) from exc
        self._stream = stream

    def feed(self, pcm24k: bytes) -> None:
        """Queue 24 kHz voice (loop thread); resampled to the device rate when needed."""
        if self._resampler.passthrough:
            self.buffer.push(pcm24k)
        else:
            samples = self._resampler.process(np.frombuffer(pcm24k, dtype=np.int16))
            self.buffer.push(samples.tobytes())

    def end_of_stream(self) -> None:
        """The current response is complete: flush the resampler's tail and let the buffer play out."""
        if not self._resampler.passthrough:
            tail = self._resampler.process(np.zeros(0, np.int16), last=True)
            self._resampler.reset()  # the next response starts with a fresh filter
            if tail.size:
                self.buffer.push(tail.tobytes())
        self.buffer.mark_end()

    def interrupt(self) -> None:
        """Drop everything queued, including the resampler's delay line."""
        self._resampler.reset()
        self.buffer.clear()

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # PortAudio thread: pull, scale, write. Never raises: a failing callback would kill the stream silently.
        try:
            pcm = np.frombuffer(self.buffer.pull(frames), dtype=np.int16)
            volume = self._volume
            if volume == 1.0:
                outdata[:, 0] = pcm
            else:
                outdata[:, 0] = np.clip(pcm.astype(np.float32) * volume, -32768, 32767).astype(np.int16)
        except Exception:  # boundary: the device thread must survive anything; counted and logged
            self._callback_errors += 1
            outdata.fill(0)
            log.exception("output callback failed on %s", self.device.name)

    def _finished(self) -> None:
        if self.on_failure is not None:
            self.on_failure()

    @property
    def device_latency_s(self) -> float:
        """PortAudio's reported output latency (device buffer), 0 when closed."""
        if self._stream is None:
            return 0.0
        try:
            return float(self._stream.latency)
        except Exception:  # some fakes/host APIs do not report it
            return 0.0

    def stats(self) -> OutputStats:
        """Counters snapshot."""
        return OutputStats(self.device, self._volume, self.buffer.stats(), self.device_latency_s, self._callback_errors)

    def close(self) -> None:
        """Stop and close the stream (blocking; call from a worker thread). Idempotent."""
        stream, self._stream = self._stream, None
        if stream is None:
            return
        self.on_failure = None
        with contextlib.suppress(Exception):  # a vanished device may fail to stop; closing must not raise
            stream.abort()
        with contextlib.suppress(Exception):
            stream.close()


class VoicePlayer:
    """Plays the translated voice on a monitor output and an optional second output.

    Call :meth:`feed` with every ``AudioDelta.pcm`` (24 kHz mono s16le), :meth:`end_of_response` on
    ``AudioDone``, :meth:`interrupt` to cut the voice at once, and ``await stop()`` at the end (drains by default).

    Args:
        monitor: output spec for the presenter (None = system default, ``False`` = off).
        second: output spec for the audience/meeting app (``True`` = system default), ``False``/None = off.
        monitor_volume: linear gain for the monitor.
        second_volume: linear gain for the second output.
        target_ms: jitter-buffer target latency for both outputs.
        samplerate: force a device rate (tests, or a device whose default rate is wrong); None = native.
        on_status: called on the loop thread with a sentence when an output fails mid-session.
        sd: the sounddevice module.
    """

    def __init__(
        self,
        monitor: str | int | bool | None = None,
        second: str | int | bool | None = False,
        *,
        monitor_volume: float = 1.0,
        second_volume: float = 1.0,
        target_ms: float = DEFAULT_TARGET_MS,
        samplerate: int | None = None,
        on_status: Callable[[str], None] | None = None,
        sd: Any = None,
    ) -> None:
        self._specs = [(monitor, monitor_volume), (second, second_volume)]
        self._target_ms = target_ms
        self._samplerate = samplerate
        self._on_status = on_status
        self._sd = sd
        self.outputs: list[AudioOutput] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = False

    async def start(self) -> None:
        """Open the enabled outputs.

        Raises:
            DeviceError: an enabled output cannot be found or opened (the others are closed again).
        """
        if self._started:
            return
        self._loop = asyncio.get_running_loop()
        sdm = sounddevice(self._sd)
        try:
            for i, (spec, volume) in enumerate(self._specs):
                if spec is False or (i == 1 and spec is None):  # the second output is off unless named
                    continue
                device = await asyncio.to_thread(find_device, None if spec is True else spec, "output", sd=sdm)
                out = AudioOutput(device, volume=volume, target_ms=self._target_ms, samplerate=self._samplerate, sd=sdm)
                await asyncio.to_thread(out.open)
                out.on_failure = self._failure_notifier(out)
                self.outputs.append(out)
        except DeviceError:
            await self._close_all()
            raise
        self._started = True

    def _failure_notifier(self, out: AudioOutput) -> Callable[[], None]:
        loop = self._loop
        assert loop is not None

        def notify() -> None:  # PortAudio thread
            message = texts.OUTPUT_STOPPED(name=repr(out.device.name))
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._report, message)

        return notify

    def _report(self, message: str) -> None:
        log.warning("%s", message)
        if self._on_status is not None:
            self._on_status(message)

    def feed(self, pcm24k: bytes) -> None:
        """Queue a voice chunk on every output (loop thread)."""
        for out in self.outputs:
            out.feed(pcm24k)

    def end_of_response(self) -> None:
        """The current response's audio is complete: play out the tail even if it is shorter than the target."""
        for out in self.outputs:
            out.end_of_stream()

    def interrupt(self) -> None:
        """Silence at once: drop everything queued (streams stay open for the next response)."""
        for out in self.outputs:
            out.interrupt()

    def set_volume(self, index: int, volume: float) -> None:
        """Set the gain of output ``index`` (0 = monitor, 1 = second) if it is open."""
        if index < len(self.outputs):
            self.outputs[index].volume = volume

    @property
    def buffered_ms(self) -> float:
        """Audio still to play on the slowest output."""
        return max((o.buffer.buffered_ms for o in self.outputs), default=0.0)

    async def stop(self, *, drain: bool = True, timeout: float = DEFAULT_DRAIN_TIMEOUT_S) -> None:  # noqa: ASYNC109
        """Close the outputs. With ``drain`` everything received so far is played first (nothing cut mid-word).

        Idempotent. Never hangs longer than ``timeout`` plus the device latency.
        """
        if drain:
            self.end_of_response()
            deadline = time.monotonic() + timeout
            while any(not o.buffer.drained for o in self.outputs) and time.monotonic() < deadline:  # noqa: ASYNC110 - polling a condition set on a device thread
                # Polling: the drain condition is met on the PortAudio thread; an Event set from there would
                # need a loop hop per callback for a state checked only at stop.
                await asyncio.sleep(_DRAIN_POLL_S)
            # What was pulled last is still in the device buffer; let it reach the speaker before closing.
            tail = max((o.device_latency_s for o in self.outputs), default=0.0)
            await asyncio.sleep(tail + _DEVICE_BLOCK_MS / 1000)
        else:
            self.interrupt()
        await self._close_all()
        self._started = False

    async def _close_all(self) -> None:
        outputs, self.outputs = self.outputs, []
        for out in outputs:
            await asyncio.to_thread(out.close)

    async def __aenter__(self) -> VoicePlayer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop(drain=exc[0] is None)
