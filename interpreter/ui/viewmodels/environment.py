"""What the live view-model needs from the outside world, injected by the composition root (app.py).

The view-model drives ``services.live_session.LiveSession``; this bundle tells it where the key and endpoint come
from, which devices exist, how to open the chosen audio/picture sources and where to play the translated voice.
Tests pass a bundle whose audio source is a WAV file paced in real time and whose endpoint is the emulator, so the
real session code runs end to end with no hardware.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from interpreter.ui.viewmodels.live_options import Choice, LiveOptions


@dataclass(frozen=True)
class Endpoint:
    """Where and as whom to connect.

    Attributes:
        api_key: the DashScope key (never logged, never shown).
        base_url: None for the region's service, or e.g. the embedded emulator's ``http://127.0.0.1:N``.
        region: "singapore" or "beijing".
        demo: True when the endpoint is the emulator (the UI labels output "Demo — not real translation").
    """

    api_key: str
    base_url: str | None = None
    region: str = "singapore"
    demo: bool = False


class AudioPlayback(Protocol):
    """Plays the translated voice (24 kHz mono s16le) on one or two devices; fed on the loop thread.

    ``media.player.VoicePlayer`` fits: ``await start()`` opens the devices (raising ``errors.DeviceError``),
    ``feed`` queues audio, ``await stop()`` drains and closes.
    """

    async def start(self) -> None: ...
    def feed(self, pcm24k: bytes) -> None: ...
    async def stop(self) -> None: ...


class LevelSource(Protocol):
    """Optional: an audio source that can report its last block's level without a Qt signal from a thread."""

    def last_level_dbfs(self) -> float: ...


@dataclass
class LiveEnvironment:
    """Injected capabilities of the Live view-model (see the module docstring).

    Attributes:
        endpoint: returns the endpoint to use now; raises an ``errors.InterpreterError`` (e.g. no key saved) with a
            sentence for the user.
        open_audio_source: PCM blocks (16 kHz mono s16le) for the chosen microphone; an async iterable that ends
            when the source ends (a file) or is closed.
        open_image_source: a not yet started ``media.frames.FrameSource`` for ``options.visual_source``, or None
            when no picture is chosen; raises an ``errors.InterpreterError`` when the source cannot be opened. The
            view-model previews it and sends its frames through a FrameGate (see ``visual_feed``).
        open_playback: a player for the chosen outputs, or None for text only / no device.
        input_devices / output_devices / visual_sources: pickers' entries.
        out_dir: where the session service keeps per-session files (None: the service's default).
        journal: the session journal (store.journal.SessionJournal) or None to keep nothing.
    """

    endpoint: Callable[[], Endpoint]
    open_audio_source: Callable[[LiveOptions], AsyncIterable[bytes]]
    open_image_source: Callable[[LiveOptions], Any] = lambda _options: None
    open_playback: Callable[[LiveOptions], AudioPlayback | None] = lambda _options: None
    input_devices: Callable[[], list[Choice]] = list
    output_devices: Callable[[], list[Choice]] = list
    visual_sources: Callable[[], list[Choice]] = list
    journal: Any = None
    extra: dict[str, Any] = field(default_factory=dict)
