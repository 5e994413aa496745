"""A private PulseAudio daemon with virtual devices, so audio tests run against real PortAudio streams.

Devices (see ../shared/notes/headless-testing.md):
- ``vspk``: a 24 kHz mono null sink, the default output ("virtual speaker"); record it from ``vspk.monitor``.
- ``vmic_sink``: a 16 kHz mono null sink; whatever is played into it comes out of the ``vmic`` source,
  the default input ("virtual microphone").

The daemon gets a private HOME/XDG_RUNTIME_DIR (mode 700) so it never touches a developer's session, and is stopped
by its pid. PortAudio enumerates devices once at initialisation, so sounddevice is re-initialised after the daemon is
up (and again after it stops).

PortAudio reads the daemon's address from this process's environment, so one process can use one daemon at a time:
test directories share one through :func:`shared_pulse_daemon` and the session fixture :func:`pulse` (import it
into a conftest; each import is a separate fixture, but they all hand out the same daemon).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

#: Seconds to wait for the daemon to answer ``pactl info``; a loaded CI machine can take a few seconds.
_START_TIMEOUT_S = 20.0

SPEAKER_SINK = "vspk"
SPEAKER_RATE = 24000
MIC_SINK = "vmic_sink"
MIC_SOURCE = "vmic"
MIC_RATE = 16000
#: Extra playback buffer beyond the clip's length, so the whole clip fits in the server's buffer with room to spare.
_PLAYBACK_MARGIN_MS = 1000


class PulseUnavailableError(RuntimeError):
    """PulseAudio is not installed or did not start; audio tests must fail loudly, never skip."""


@dataclass
class PulseDaemon:
    """A running private daemon: its environment and helpers to play into the mic and record the speaker."""

    env: dict[str, str]
    runtime_dir: Path
    pid: int

    def run(self, *args: str, timeout: float = 30.0, input_bytes: bytes | None = None) -> bytes:
        """Run a pulse client (pactl/paplay/parec...) against this daemon and return its stdout."""
        proc = subprocess.run(args, env=self.env, input=input_bytes, capture_output=True, timeout=timeout, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
        return proc.stdout

    def play_into_mic(self, pcm16k: bytes) -> subprocess.Popen[bytes]:
        """Start playing raw 16 kHz mono s16le into the virtual microphone; returns the running ``pacat``.

        The whole clip is handed to the server before it starts playing: the stream's buffer is the clip's length
        plus a margin, so ``pacat`` writes everything up front and its drain at end of input starts playback. With a
        short buffer (20 ms was used before) ``pacat`` must refill it every few milliseconds; on a loaded machine it
        misses, the stream underruns, and the sound server plays zeros in the middle of the clip: the virtual mic
        then carries a different signal than the test sent, and a bit-exact comparison fails for the harness's
        fault. The capture side is unaffected: the null sink renders at the latency the *recording* stream asks
        for, so the microphone still receives small, steady blocks.
        """
        buffer_ms = len(pcm16k) * 1000 // (MIC_RATE * 2) + _PLAYBACK_MARGIN_MS
        proc = subprocess.Popen(
            [
                "pacat",
                "--playback",
                f"--device={MIC_SINK}",
                f"--rate={MIC_RATE}",
                "--channels=1",
                "--format=s16le",
                "--raw",
                f"--latency-msec={buffer_ms}",
            ],
            env=self.env,
            stdin=subprocess.PIPE,
        )
        assert proc.stdin is not None
        proc.stdin.write(pcm16k)
        proc.stdin.close()
        return proc

    def play_file_into_mic(self, path: Path) -> subprocess.Popen[bytes]:
        """Start playing an audio file into the virtual microphone (``paplay``); returns at once."""
        return subprocess.Popen(["paplay", f"--device={MIC_SINK}", str(path)], env=self.env, stdout=subprocess.DEVNULL)

    def record_speaker(self, rate: int = SPEAKER_RATE) -> Recorder:
        """Start recording the virtual speaker's monitor (raw mono s16le at ``rate``)."""
        return Recorder(self._parec(rate))

    def _parec(self, rate: int) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                "parec",
                f"--device={SPEAKER_SINK}.monitor",
                f"--rate={rate}",
                "--channels=1",
                "--format=s16le",
                "--raw",
                "--latency-msec=20",
            ],
            env=self.env,
            stdout=subprocess.PIPE,
        )


class Recorder:
    """Collects what ``parec`` records in a reader thread; tests poll :attr:`nbytes` and read :meth:`data`."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self._proc = proc
        self._chunks: list[bytes] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, name="parec-reader", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        stdout = self._proc.stdout
        assert isinstance(stdout, io.BufferedReader)  # stdout=PIPE gives a BufferedReader: read1 returns what is there
        while chunk := stdout.read1(8192):
            with self._lock:
                self._chunks.append(chunk)

    @property
    def nbytes(self) -> int:
        """Bytes recorded so far."""
        with self._lock:
            return sum(len(c) for c in self._chunks)

    def data(self) -> bytes:
        """Everything recorded so far."""
        with self._lock:
            return b"".join(self._chunks)

    def stop(self) -> bytes:
        """Stop ``parec`` (by its pid) and return everything recorded."""
        self._proc.terminate()
        self._proc.wait(timeout=10)
        self._thread.join(timeout=10)
        return self.data()


def _wait_for_info(env: dict[str, str]) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    last = ""
    while time.monotonic() < deadline:
        proc = subprocess.run(["pactl", "info"], env=env, capture_output=True, timeout=10, check=False)
        if proc.returncode == 0:
            return
        last = proc.stderr.decode(errors="replace")
        time.sleep(0.05)  # why: polling a subprocess has no event to wait on; 50 ms starts fast without spinning
    raise PulseUnavailableError(f"PulseAudio did not answer `pactl info` within {_START_TIMEOUT_S} s: {last}")


def reinit_sounddevice() -> None:
    """Make PortAudio re-enumerate devices (it caches the device list at initialisation)."""
    import sounddevice as sd

    sd._terminate()
    sd._initialize()


@contextlib.contextmanager
def pulse_daemon() -> Iterator[PulseDaemon]:
    """Start a private PulseAudio with the virtual devices; set this process's env so PortAudio finds it.

    Raises:
        PulseUnavailableError: pulseaudio/pactl are not installed or the daemon did not come up.
    """
    for tool in ("pulseaudio", "pactl", "pacat", "parec"):
        if shutil.which(tool) is None:
            raise PulseUnavailableError(
                f"`{tool}` is not installed; audio tests need it: apt-get install pulseaudio pulseaudio-utils"
            )
    base = Path(tempfile.mkdtemp(prefix="li-pulse-"))
    home, runtime = base / "home", base / "run"
    for d in (home, runtime):
        d.mkdir(mode=0o700)
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        PULSE_RUNTIME_PATH=str(runtime / "pulse"),
        PULSE_SERVER=f"unix:{runtime / 'pulse' / 'native'}",
    )
    env.pop("PULSE_SINK", None)
    env.pop("PULSE_SOURCE", None)
    cmd = [
        "pulseaudio",
        "-D",
        "-n",
        "--exit-idle-time=-1",
        "--disallow-exit",
        "--use-pid-file=yes",
        "--load=module-native-protocol-unix",
        f"--load=module-null-sink sink_name={SPEAKER_SINK} rate={SPEAKER_RATE} channels=1",
        f"--load=module-null-sink sink_name={MIC_SINK} rate={MIC_RATE} channels=1",
        f"--load=module-remap-source master={MIC_SINK}.monitor source_name={MIC_SOURCE}",
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, timeout=30, check=False)
    if proc.returncode != 0:
        raise PulseUnavailableError(f"pulseaudio failed to start: {proc.stderr.decode(errors='replace')}")
    _wait_for_info(env)
    pid_file = runtime / "pulse" / "pid"
    pid = int(pid_file.read_text().strip())
    daemon = PulseDaemon(env=env, runtime_dir=runtime, pid=pid)
    daemon.run("pactl", "set-default-sink", SPEAKER_SINK)
    daemon.run("pactl", "set-default-source", MIC_SOURCE)
    saved = {k: os.environ.get(k) for k in ("PULSE_SERVER", "PULSE_RUNTIME_PATH", "XDG_RUNTIME_DIR")}
    for key in saved:
        os.environ[key] = env[key]
    reinit_sounddevice()
    try:
        yield daemon
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        with contextlib.suppress(Exception):
            reinit_sounddevice()
        shutil.rmtree(base, ignore_errors=True)


_shared: PulseDaemon | None = None
_shared_context: contextlib.AbstractContextManager[PulseDaemon] | None = None
_shared_users = 0
_shared_lock = threading.Lock()


@contextlib.contextmanager
def shared_pulse_daemon() -> Iterator[PulseDaemon]:
    """:func:`pulse_daemon`, started by the first user and stopped when the last one leaves."""
    global _shared, _shared_context, _shared_users
    with _shared_lock:
        if _shared_users == 0:
            _shared_context = pulse_daemon()
            _shared = _shared_context.__enter__()
        _shared_users += 1
        daemon = _shared
    assert daemon is not None
    try:
        yield daemon
    finally:
        with _shared_lock:
            _shared_users -= 1
            if _shared_users == 0 and _shared_context is not None:
                context, _shared_context, _shared = _shared_context, None, None
                context.__exit__(None, None, None)


@pytest.fixture(scope="session")
def pulse() -> Iterator[PulseDaemon]:
    """Real PortAudio devices backed by a private PulseAudio; fails (never skips) when PulseAudio is missing."""
    with shared_pulse_daemon() as daemon:
        yield daemon
