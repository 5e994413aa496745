"""A working fake of the parts of ``sounddevice`` the media engine uses, for edge cases real devices cannot stage.

Streams really run: a thread calls the callback at the stream's real-time pace (deadline-based), feeding input from
a PCM source and collecting output. Tests can unplug a device (its streams stop calling back and report finished),
make opening fail, or make the fake raise in the middle. The main path is tested on real PulseAudio devices.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import numpy as np


class PortAudioError(Exception):
    """Stands in for ``sounddevice.PortAudioError``."""


class CallbackAbort(Exception):
    """Stands in for ``sounddevice.CallbackAbort``."""


class CallbackStop(Exception):
    """Stands in for ``sounddevice.CallbackStop``."""


@dataclass
class FakeDevice:
    name: str
    inputs: int = 2
    outputs: int = 2
    rate: float = 48000.0
    plugged: bool = True
    fail_open: bool = False
    # Input signal: a function (start_sample, nframes) -> int16 array of (nframes,) mono.
    signal: Callable[[int, int], np.ndarray] = field(default=lambda start, n: np.zeros(n, np.int16))
    played: list[bytes] = field(default_factory=list)


class _Stream:
    def __init__(self, fake: FakeSoundDevice, kind: str, **kw: Any) -> None:
        dev = fake.devices[kw["device"]]
        if dev.fail_open or not dev.plugged:
            raise PortAudioError(f"Error opening {kind} stream on {dev.name}")
        self._fake, self._dev, self._kind = fake, dev, kind
        self.samplerate = kw["samplerate"]
        self.blocksize = kw.get("blocksize") or int(self.samplerate // 100)
        self.channels = kw.get("channels", 1)
        self._callback = kw["callback"]
        self._finished = kw.get("finished_callback")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.latency = 0.01
        self.active = False

    def start(self) -> None:
        self.active = True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        period = self.blocksize / self.samplerate
        t0 = time.monotonic()
        n = 0
        try:
            while not self._stop.is_set():
                if not self._dev.plugged:
                    return  # an unplugged device just stops; the finished callback fires below
                start = n * self.blocksize
                info = SimpleNamespace(
                    inputBufferAdcTime=time.monotonic() - period,
                    currentTime=time.monotonic(),
                    outputBufferDacTime=time.monotonic() + period,
                )
                status = SimpleNamespace(input_overflow=False)
                if self._kind == "input":
                    mono = self._dev.signal(start, self.blocksize)
                    data = np.repeat(mono[:, None], self.channels, axis=1)
                    self._callback(data, self.blocksize, info, status)
                else:
                    out = np.zeros((self.blocksize, self.channels), np.int16)
                    self._callback(out, self.blocksize, info, status)
                    self._dev.played.append(out[:, 0].tobytes())
                n += 1
                self._stop.wait(max(0.0, t0 + n * period - time.monotonic()))
        except (CallbackAbort, CallbackStop):
            return
        finally:
            self.active = False
            if self._finished is not None:
                self._finished()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(5)

    abort = stop

    def close(self) -> None:
        self.stop()


class FakeSoundDevice:
    """Module-like object: pass it as ``sd=`` to Microphone / VoicePlayer / list_devices."""

    PortAudioError = PortAudioError
    CallbackAbort = CallbackAbort
    CallbackStop = CallbackStop

    def __init__(self, devices: list[FakeDevice], default: tuple[int, int] = (0, 0)) -> None:
        self.devices = devices
        self.default = SimpleNamespace(device=list(default))
        self.streams: list[_Stream] = []

    def query_devices(self) -> list[dict[str, Any]]:
        return [
            {
                "name": d.name,
                "hostapi": 0,
                "max_input_channels": d.inputs,
                "max_output_channels": d.outputs,
                "default_samplerate": d.rate,
            }
            # Like real PortAudio, the list is a snapshot from initialisation: unplugged devices stay listed.
            for d in self.devices
        ]

    def query_hostapis(self) -> tuple[dict[str, Any], ...]:
        return ({"name": "FakeAPI", "devices": list(range(len(self.devices)))},)

    def InputStream(self, **kw: Any) -> _Stream:
        stream = _Stream(self, "input", **kw)
        self.streams.append(stream)
        return stream

    def OutputStream(self, **kw: Any) -> _Stream:
        stream = _Stream(self, "output", **kw)
        self.streams.append(stream)
        return stream
