"""Start-up decisions shared by the GUI's composition root (``app.py``) and every command (``cli/*``). Qt-free.

One place decides, for the window and the terminal alike:

- logging: :func:`setup_logging` (the rotating, redacted log file; never the terminal);
- the region and the API key: :func:`find_api_key` (``--api-key`` flag → ``DASHSCOPE_API_KEY`` → OS keyring);
- demo or real service: :func:`wants_demo` (asked for, or no key and no custom address), then
  :func:`start_demo_emulator` and :func:`endpoint_for`, which every session and preview connects to;
- the device openers both front ends use: the microphone as a plain block stream, the bundled speech sample,
  the voice player, the device lists.

Importing this module is cheap and starts nothing: every heavy import (media, emulator) happens inside the
function that needs it.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import AsyncIterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from interpreter.transport.endpoints import Endpoint, Region, parse_region

if TYPE_CHECKING:
    from interpreter.emulator.server import EmulatorServer
    from interpreter.media.devices import AudioDevice, Kind
    from interpreter.media.gate import GateConfig
    from interpreter.media.microphone import Microphone
    from interpreter.media.pacing import PacedPcmSource
    from interpreter.media.player import VoicePlayer
    from interpreter.store.secrets import SecretStore
    from interpreter.store.settings import FrameGateSettings

__all__ = [
    "SAMPLE_PAUSE_S",
    "SAMPLE_RESOURCE",
    "MicrophoneBlocks",
    "device_list",
    "endpoint_for",
    "find_api_key",
    "gate_config",
    "open_voice_player",
    "resolve_region",
    "sample_audio",
    "sample_path",
    "setup_logging",
    "start_demo_emulator",
    "wants_demo",
]

_log = logging.getLogger(__name__)

#: The bundled speech sample (English, 16 kHz mono): the self-test's input and the demo's microphone stand-in.
SAMPLE_RESOURCE = ("samples", "speech_en_16k.wav")
#: Silence between two runs of the looped sample: the service (and the emulator's VAD) closes a sentence after
#: about a second of silence, so 2 s lets the last sentence's translation finish before the speech comes again.
SAMPLE_PAUSE_S = 2.0


# --- logging ------------------------------------------------------------------------------------------------------
def setup_logging() -> tuple[Path | None, str | None]:
    """Send log records to the app's rotating, redacted log file (never to the terminal).

    Returns:
        ``(log file, None)``, or ``(None, sentence)`` when no log file can be kept; records are then dropped
        (a ``NullHandler``: without any handler Python would print warnings to stderr a second time).
    """
    from interpreter.errors import StorageError
    from interpreter.store.logging_setup import configure_logging

    try:
        return configure_logging(), None
    except StorageError as error:
        logging.getLogger().addHandler(logging.NullHandler())
        return None, f"Not keeping a log file: {error.user_message}"


# --- region, key, endpoint ----------------------------------------------------------------------------------------
def resolve_region(value: str | Region) -> Region:
    """The region named by a flag or the settings; ``errors.ConfigError`` naming the choices otherwise."""
    return parse_region(value)


def find_api_key(explicit: str | None, region: str, secrets: SecretStore | None = None) -> str | None:
    """The key to use: ``explicit`` (a flag), else ``$DASHSCOPE_API_KEY``, else the keyring entry of ``region``."""
    from interpreter.store.secrets import resolve_api_key

    key, _source = resolve_api_key(explicit, region, secrets)
    return key


def wants_demo(*, requested: bool, api_key: str | None, base_url: str | None) -> bool:
    """Whether to run against the built-in emulator: when asked for, or when there is neither a key nor a custom
    address to talk to (a first start lands in something that works instead of an error)."""
    return requested or (api_key is None and base_url is None)


async def start_demo_emulator(speed: float = 1.0) -> EmulatorServer:
    """Start the embedded emulator on a free loopback port in the running loop (the caller stops it).

    Args:
        speed: pace of the emulator's replies (1.0: demo output should feel like the real service; the CLI's
            testing aid ``--speed`` goes faster).
    """
    from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer

    server = EmulatorServer(host="127.0.0.1", port=0, api_keys=(DEMO_API_KEY,), speed=speed)
    await server.start()
    return server


def endpoint_for(
    *, emulator: EmulatorServer | None, api_key: str | None, base_url: str | None, region: str
) -> Endpoint | None:
    """Where sessions and previews connect now.

    The running demo ``emulator`` when given; else the service (or the custom ``base_url``) with ``api_key``;
    None when there is neither a key nor a custom address. A custom address without a key connects keyless
    (a local emulator or proxy may not need one).
    """
    if emulator is not None:
        from interpreter.emulator.server import DEMO_API_KEY

        return Endpoint(DEMO_API_KEY, str(emulator.base_url), region, demo=True)
    if api_key is None and base_url is None:
        return None
    return Endpoint(api_key or "", base_url, region)


# --- devices ------------------------------------------------------------------------------------------------------
def sample_path() -> Path:
    """The bundled speech sample on disk (inside the installed package)."""
    with resources.as_file(resources.files("interpreter.resources").joinpath(*SAMPLE_RESOURCE)) as path:
        return Path(path)


def sample_audio(*, loop: bool = False) -> PacedPcmSource:
    """The bundled speech sample as 16 kHz blocks paced in real time, like a microphone would deliver them.

    Args:
        loop: say it over and over, with :data:`SAMPLE_PAUSE_S` of silence between (the demo's microphone
            stand-in, stopped by the consumer); False says it once (the self-test).
    """
    from interpreter.core.pcm import INPUT_RATE, SAMPLE_WIDTH
    from interpreter.media.files import decode_audio
    from interpreter.media.pacing import PacedPcmSource

    if not loop:
        return PacedPcmSource(decode_audio(sample_path()))
    speech = b"".join(decode_audio(sample_path()))
    pause = bytes(int(SAMPLE_PAUSE_S * INPUT_RATE) * SAMPLE_WIDTH)
    return PacedPcmSource(itertools.cycle((speech, pause)))


class MicrophoneBlocks:
    """``media.microphone.Microphone`` (an async context manager) as a plain async iterable of PCM blocks:
    the device opens when iteration starts and closes when it ends."""

    def __init__(self, device: str | None) -> None:
        self._device = device

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self._run()

    async def _run(self) -> AsyncIterator[bytes]:
        from interpreter.media.microphone import Microphone

        microphone: Microphone = Microphone(self._device)
        # aclosing: the microphone's own generator is closed the moment this one is (a stop, a failure), releasing
        # the device at once instead of whenever the GC finalizes it.
        async with microphone as mic, contextlib.aclosing(aiter(mic)) as blocks:
            async for block in blocks:
                yield block


def open_voice_player(
    monitor: str | bool | None,
    second: str | bool | None,
    *,
    monitor_volume: float,
    second_volume: float,
    target_ms: float,
) -> VoicePlayer:
    """A (not yet started) player of the translated voice: ``monitor`` None is the system default output, False
    none; ``second`` a second device or False."""
    from interpreter.media.player import VoicePlayer

    return VoicePlayer(monitor, second, monitor_volume=monitor_volume, second_volume=second_volume, target_ms=target_ms)


def device_list(kind: Kind) -> list[AudioDevice]:
    """The audio devices of ``kind`` PortAudio sees; [] (logged) when PortAudio itself fails."""
    from interpreter.errors import MediaError
    from interpreter.media.devices import list_devices

    try:
        return list_devices(kind)
    except MediaError as exc:
        _log.warning("listing %s devices failed: %s", kind, exc)
        return []


def gate_config(frame_gate: FrameGateSettings) -> GateConfig:
    """``media.gate.GateConfig`` from ``settings.frame_gate`` (same units; the settings loader already bounds each
    value within what GateConfig accepts). Built here so no view imports media (and OpenCV) for it."""
    from interpreter.media.gate import GateConfig

    return GateConfig(
        max_fps=frame_gate.max_fps,
        change_threshold=frame_gate.scene_change_threshold,
        keepalive_s=frame_gate.keepalive_s,
        max_height=frame_gate.max_height,
        # GateConfig counts bytes in SI units like the service's documented limit (SERVICE_MAX_BYTES = 500_000 for
        # "500 KB"), so a kilobyte here is 1000 bytes.
        max_bytes=frame_gate.max_jpeg_kb * 1000,
    )
