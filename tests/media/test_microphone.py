"""Microphone: real capture from the PulseAudio virtual mic; device loss and overflow with the working fake."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from interpreter.core.pcm import SILENCE_DBFS
from interpreter.errors import DeviceError
from interpreter.media.microphone import DeviceStatus, MicBlock, Microphone, open_microphone
from tests.fakes.pulse import PulseDaemon
from tests.fakes.sounddevice_fake import FakeDevice, FakeSoundDevice
from tests.media.mediagen import speechlike
from tests.media.mediagen import windowed_corr as _windowed_corr

WAIT_S = 20.0  # generous: the first PortAudio callback can take seconds on a loaded machine


async def _collect_until(blocks, predicate, within: float = WAIT_S) -> list[MicBlock]:  # type: ignore[no-untyped-def]
    got: list[MicBlock] = []

    async def run() -> None:
        async for b in blocks:
            got.append(b)
            if predicate(got):
                return

    await asyncio.wait_for(run(), within)
    return got


#: Samples collected after the clip's length, beyond its first sample: room for a resampler's delay and ramp.
CLIP_MARGIN_SAMPLES = 3200  # 0.2 s at 16 kHz


def _clip_received(n_samples: int) -> Callable[[list[MicBlock]], bool]:
    """Predicate: the clip has arrived whole: ``n_samples`` plus a margin since its first non-zero sample.

    The virtual mic carries digital silence until the player starts, so the first non-zero sample marks the clip's
    start, however late the player process got going on a loaded machine. Waiting on this condition, instead of a
    fixed number of blocks counted from when the player was launched, never cuts the clip's end off.
    """
    seen = 0
    start: int | None = None

    def received(got: list[MicBlock]) -> bool:
        nonlocal seen, start
        for block in got[seen:]:
            if start is None:
                nz = np.flatnonzero(np.frombuffer(block.pcm, np.int16))
                if nz.size:
                    start = len(block.pcm) // 2 - int(nz[0])
            else:
                start += len(block.pcm) // 2
        seen = len(got)
        return start is not None and start >= n_samples + CLIP_MARGIN_SAMPLES

    return received


def _align(captured: np.ndarray, sent: np.ndarray) -> np.ndarray:
    corr = np.correlate(captured.astype(np.float64), sent.astype(np.float64), "valid")
    k = int(np.argmax(corr))
    return captured[k : k + len(sent)]


@pytest.mark.audio
async def test_played_speech_arrives_bit_identical_at_16k(pulse: PulseDaemon) -> None:
    sent = speechlike(1.0, 16000)
    mic = await open_microphone(samplerate=16000, block_ms=40)
    try:
        blocks = mic.blocks()
        await _collect_until(blocks, lambda g: len(g) >= 1)  # the device is delivering
        player = pulse.play_into_mic(sent.tobytes())
        got = await _collect_until(blocks, _clip_received(len(sent)))
        player.wait(timeout=10)
    finally:
        await mic.stop()
    assert all(len(b.pcm) == 1280 for b in got)
    captured = np.frombuffer(b"".join(b.pcm for b in got), np.int16)
    np.testing.assert_array_equal(_align(captured, sent), sent)
    assert mic.stats.dropped_blocks == 0


@pytest.mark.audio
async def test_native_rate_capture_is_resampled_faithfully(pulse: PulseDaemon) -> None:
    statuses: list[DeviceStatus] = []
    sent = speechlike(1.0, 16000, seed=7)
    async with Microphone(block_ms=20, on_status=statuses.append) as mic:
        assert mic.device is not None and mic.device.default_samplerate != 16000  # the resampling path
        blocks = mic.blocks()
        await _collect_until(blocks, lambda g: len(g) >= 1)
        player = pulse.play_into_mic(sent.tobytes())
        peaks: list[float] = []
        clip_received = _clip_received(len(sent))

        def metered_until_received(g: list[MicBlock]) -> bool:
            peaks.append(mic.level.peak_dbfs)
            return clip_received(g)

        got = await _collect_until(blocks, metered_until_received)
        player.wait(timeout=10)
        assert max(peaks) > -20  # the meter saw the speech
    assert all(len(b.pcm) == 640 for b in got)
    captured = np.frombuffer(b"".join(b.pcm for b in got), np.int16)
    # Window-wise: a single scheduling glitch of the sound server on a loaded machine must not fail the test,
    # but most of the speech must come through faithfully.
    assert _windowed_corr(captured, sent, 1600) > 0.98
    assert [s.kind for s in statuses] == ["started", "stopped"]
    assert all(b.available_at >= b.captured_at - 0.5 for b in got)


@pytest.mark.audio
async def test_mute_sends_silence_and_keeps_the_meter(pulse: PulseDaemon) -> None:
    sent = speechlike(1.0, 16000, seed=3)
    async with Microphone(samplerate=16000) as mic:
        mic.muted = True
        blocks = mic.blocks()
        await _collect_until(blocks, lambda g: len(g) >= 1)
        player = pulse.play_into_mic(sent.tobytes())
        peaks: list[float] = []

        def speech_came_and_went(_got: list[MicBlock]) -> bool:
            # The blocks are silence, so the meter is the only sign of the clip: wait until it showed the speech
            # and then silence again, i.e. the whole clip was captured while muted.
            peaks.append(mic.level.peak_dbfs)
            return max(peaks) > -20 and peaks[-1] <= SILENCE_DBFS

        got = await _collect_until(blocks, speech_came_and_went)
        player.wait(timeout=10)
        assert max(peaks) > -20  # the meter keeps working while muted
    assert all(b.filler and not any(b.pcm) for b in got)


def _fake(rate: float = 48000.0) -> FakeSoundDevice:
    t = np.arange(48000 * 60)
    tone = (np.sin(2 * np.pi * 440 * t / rate) * 8000).astype(np.int16)
    return FakeSoundDevice(
        [
            FakeDevice("USB Mic", rate=rate, signal=lambda s, n: tone[s % 48000 : s % 48000 + n]),
            FakeDevice("Built-in Mic", rate=44100.0, signal=lambda s, n: np.full(n, 1000, np.int16)),
        ],
        default=(1, 1),
    )


async def test_unplugged_device_falls_back_to_default_and_session_continues() -> None:
    sd = _fake()
    statuses: list[DeviceStatus] = []
    async with Microphone("USB Mic", sd=sd, on_status=statuses.append, recover_interval_s=0.05) as mic:
        blocks = mic.blocks()
        await _collect_until(blocks, lambda g: len(g) >= 3)
        sd.devices[0].plugged = False  # yanked out
        got = await _collect_until(blocks, lambda g: any(not b.filler and b.pcm[:2] == b"\xe8\x03" for b in g))
        assert mic.device is not None and mic.device.name == "Built-in Mic"
    kinds = [s.kind for s in statuses]
    assert kinds[:3] == ["started", "lost", "switched"]
    assert "continues" in statuses[1].message
    assert isinstance(statuses[1].error, DeviceError)
    assert got  # the iterator never ended while the device was gone


async def test_lost_device_sends_paced_silence_then_recovers_same_device() -> None:
    sd = _fake()
    sd.devices[1].fail_open = True  # no fallback available: only the original device can come back
    statuses: list[DeviceStatus] = []
    async with Microphone("USB Mic", sd=sd, on_status=statuses.append, recover_interval_s=0.05) as mic:
        blocks = mic.blocks()
        await _collect_until(blocks, lambda g: len(g) >= 2)
        sd.devices[0].plugged = False
        fillers = await _collect_until(blocks, lambda g: sum(b.filler for b in g) >= 5)
        assert mic.lost
        sd.devices[0].plugged = True
        await _collect_until(blocks, lambda g: any(not b.filler for b in g))
        assert not mic.lost
    assert [s.kind for s in statuses][:3] == ["started", "lost", "recovered"]
    assert all(len(b.pcm) == 1280 for b in fillers)


async def test_stalled_device_is_detected_by_the_watchdog() -> None:
    sd = _fake()
    statuses: list[DeviceStatus] = []
    async with Microphone("USB Mic", sd=sd, on_status=statuses.append, stall_timeout_s=0.3) as mic:
        blocks = mic.blocks()
        await _collect_until(blocks, lambda g: len(g) >= 2)
        # Wedge the device: its thread stops delivering but never reports finished.
        sd.streams[0]._finished = None
        sd.streams[0]._stop.set()

        async def wait_lost() -> None:
            while not any(s.kind == "lost" for s in statuses):  # noqa: ASYNC110 - polling a condition set on a device thread
                await asyncio.sleep(0.02)

        await asyncio.wait_for(wait_lost(), WAIT_S)


async def test_slow_consumer_drops_oldest_and_counts() -> None:
    sd = _fake()
    async with Microphone("USB Mic", sd=sd, queue_blocks=3) as mic:

        async def wait_drops() -> None:
            while mic.stats.dropped_blocks < 3:  # noqa: ASYNC110 - polling a condition set on a device thread
                await asyncio.sleep(0.02)

        await asyncio.wait_for(wait_drops(), WAIT_S)
        newest = mic.stats.blocks
    # What is left in the queue are the newest blocks.
    got = [b async for b in mic.blocks()]
    assert 1 <= len(got) <= 4
    assert newest - mic.stats.dropped_blocks <= mic.stats.blocks


async def test_device_that_cannot_open_raises_device_error_at_start() -> None:
    sd = _fake()
    sd.devices[0].fail_open = True
    with pytest.raises(DeviceError) as err:
        await open_microphone("USB Mic", sd=sd)
    assert "USB Mic" in err.value.user_message
    with pytest.raises(DeviceError):
        await open_microphone("No Such Mic", sd=sd)


def test_block_size_is_bounded() -> None:
    with pytest.raises(ValueError):
        Microphone(block_ms=10)
    with pytest.raises(ValueError):
        Microphone(block_ms=100)


async def test_stop_during_a_reopen_leaves_no_stream_running() -> None:
    import threading

    class SlowReopen(FakeSoundDevice):
        """Opening blocks (a slow driver) once ``slow`` is set; the stream that open makes reports its closing."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.slow = False
            self.entered = threading.Event()
            self.gate = threading.Event()
            self.late_closed = threading.Event()
            self.late: list[Any] = []

        def InputStream(self, **kw: Any) -> Any:
            if not self.slow:
                return super().InputStream(**kw)
            self.entered.set()
            self.gate.wait(10)
            stream = super().InputStream(**kw)
            stop = stream.stop

            def stop_and_report() -> None:
                stop()
                self.late_closed.set()

            stream.stop = stream.abort = stream.close = stop_and_report
            self.late.append(stream)
            return stream

    sd = SlowReopen([FakeDevice("USB Mic", rate=16000.0)])
    mic = Microphone("USB Mic", sd=sd, recover_interval_s=0.05)
    await mic.start()
    sd.slow = True
    sd.devices[0].plugged = False  # lost: the mic starts reopening, and the open hangs in the driver
    assert await asyncio.to_thread(sd.entered.wait, 10)
    await mic.stop()  # cancels the reopen while the driver is still opening the stream
    sd.devices[0].plugged = True
    sd.gate.set()
    # The stream the abandoned open made is started, then stopped and closed, not left running.
    assert await asyncio.to_thread(sd.late_closed.wait, 10), "a started PortAudio stream was left behind"
    assert not sd.late[0].active


async def test_stop_delivers_the_audio_captured_before_it() -> None:
    """Audio the device captured before stop() reaches the consumer: the last words of a talk are not dropped.

    The loop is held busy while the device keeps capturing (a loaded machine), so hand-offs are still queued on
    the loop when stop() is called; every one of them must come out of the iterator, in order, before it ends.
    """
    import threading

    block = 640  # 40 ms at 16 kHz, the microphone's block at this rate
    captured_ahead = threading.Event()
    target: list[int] = []

    def ramp(start: int, n: int) -> np.ndarray:
        # Set once the device starts a block past the target: the callbacks before it have all been handed off.
        if target and start >= target[0] + block:
            captured_ahead.set()
        return ((np.arange(start, start + n) % 30000) - 15000).astype(np.int16)

    sd = FakeSoundDevice([FakeDevice("USB Mic", rate=16000.0, signal=ramp)])
    mic = await open_microphone("USB Mic", sd=sd, samplerate=16000, block_ms=40)
    blocks = mic.blocks()
    got = await _collect_until(blocks, lambda g: len(g) >= 2)
    target.append((len(got) + 3) * block)  # three more device blocks to be captured while the loop is busy
    # Deliberately starve the loop (a bounded wait on the device thread's event): hand-offs queue up meanwhile.
    assert captured_ahead.wait(WAIT_S)
    await mic.stop()
    got += [b async for b in blocks]
    pcm = np.frombuffer(b"".join(b.pcm for b in got), np.int16)
    # Audio delivered before start() has finished may be skipped (see Microphone._on_audio): start where it starts.
    first = int(pcm[0]) + 15000
    np.testing.assert_array_equal(pcm, ramp(first, len(pcm)))  # in order, nothing skipped
    end = first + len(pcm)
    assert end >= target[0], f"{target[0] - end} samples captured before stop() were dropped"
