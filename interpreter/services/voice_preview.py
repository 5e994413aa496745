"""Voice preview: send a short built-in English sentence through a real LiveTranslate session and collect the
translated voice, so the user hears the chosen voice speak the target language.

Against the demo emulator this plays the emulator's voice; against the real service it is a genuine (tiny,
billed at ~2 seconds of audio) session. Playback goes through an injected :class:`PcmPlayer`; when the build has no
audio output the dialog says "preview unavailable" instead.

Qt-free: the voices view-model (``ui.viewmodels.voices``) awaits :meth:`VoicePreviewer.synthesize`. Error sentences
are declared messages (``interpreter.services.texts``) that the UI renders in its language (``ui.messages.render``).
"""

from __future__ import annotations

import asyncio
import wave
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

from interpreter.core.pcm import INPUT_RATE, SAMPLE_WIDTH, VOICE_RATE
from interpreter.errors import MediaFileError, NetworkTimeoutError
from interpreter.protocol.config import SessionConfig
from interpreter.services import texts
from interpreter.transport.endpoints import Region

__all__ = [
    "PREVIEW_TIMEOUT_S",
    "DevicePlayer",
    "PcmPlayer",
    "VoicePreviewer",
    "media_player",
    "preview_snippet",
]

#: A preview is a ~2 s sentence; a session that has not produced its voice within 30 s is stuck, not slow.
PREVIEW_TIMEOUT_S = 30.0
#: Append size: the service's samples send 100 ms per append (spec §1.8).
BLOCK_MS = 100


class PcmPlayer(Protocol):
    """Plays 16-bit mono PCM through the selected output device; returns when playback has finished."""

    async def play(self, pcm: bytes, rate: int) -> None: ...


@cache
def preview_snippet() -> bytes:
    """The built-in sentence ("Welcome to the conference.") as 16 kHz mono s16le PCM.

    Raises:
        MediaFileError: the packaged WAV is missing or not 16 kHz mono 16-bit (a broken build).
    """
    resource = resources.files("interpreter.resources").joinpath("samples/preview_en.wav")
    try:
        with resource.open("rb") as stream, wave.open(stream, "rb") as wav:
            if (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) != (INPUT_RATE, 1, SAMPLE_WIDTH):
                raise MediaFileError(texts.PREVIEW_SAMPLE_WRONG_FORMAT())
            return wav.readframes(wav.getnframes())
    except (OSError, wave.Error) as exc:
        raise MediaFileError(
            texts.PREVIEW_SAMPLE_MISSING(),
            detail=str(exc),
        ) from exc


@dataclass(frozen=True)
class VoicePreviewer:
    """Where and how to run preview sessions.

    Attributes:
        api_key: the key to use (the demo key against the emulator).
        base_url: the emulator's or a custom address; None = the region's public endpoint.
        region: the public region when ``base_url`` is None.
        speed: pace of the snippet upload (1.0 = real time, as the service expects; tests go faster against the
            emulator, whose timing follows the audio, not the clock).
    """

    api_key: str
    base_url: str | None = None
    region: Region = Region.SINGAPORE
    speed: float = 1.0

    async def synthesize(self, config: SessionConfig) -> bytes:
        """Run one session with ``config`` and return the translated voice (24 kHz mono s16le).

        Raises:
            InterpreterError: the session failed (key, network, rejected voice...), or no voice came back within
                :data:`PREVIEW_TIMEOUT_S` (``NetworkTimeoutError``).
        """
        try:
            return await asyncio.wait_for(self._run(config), PREVIEW_TIMEOUT_S)
        except TimeoutError:
            raise NetworkTimeoutError(texts.PREVIEW_TIMEOUT()) from None

    async def _run(self, config: SessionConfig) -> bytes:
        # Imported on use: opening the voices dialog must not load the network stack.
        from interpreter.media.pacing import PacedPcmSource
        from interpreter.protocol.events import AudioDelta
        from interpreter.transport.realtime import RealtimeConnection

        connection = RealtimeConnection(
            config, api_key=self.api_key, base_url=self.base_url, region=self.region, retry=False
        )
        audio = bytearray()
        try:
            await connection.start()

            async def feed() -> None:
                source = PacedPcmSource([preview_snippet()], rate=INPUT_RATE, block_ms=BLOCK_MS, speed=self.speed)
                async for block in source:
                    connection.send_audio(block)
                # finish() makes the service translate the trailing sentence and waits for session.finished.
                await connection.finish()

            feeder = asyncio.create_task(feed(), name="voice-preview-feed")
            try:
                async for event in connection.events():
                    if isinstance(event, AudioDelta):
                        audio += event.pcm
                await feeder
            finally:
                feeder.cancel()
        finally:
            await connection.abort()
        return bytes(audio)


class DevicePlayer:
    """:class:`PcmPlayer` on an output device through ``interpreter.media.player.VoicePlayer``.

    Args:
        device: the output device spec from settings (None = system default).
    """

    def __init__(self, device: str | None = None) -> None:
        self._device = device

    async def play(self, pcm: bytes, rate: int) -> None:
        from interpreter.media.player import VoicePlayer

        if rate != VOICE_RATE:
            raise MediaFileError(texts.PREVIEW_WRONG_RATE(rate=rate, expected=VOICE_RATE))
        player = VoicePlayer(monitor=self._device)
        await player.start()
        try:
            player.feed(pcm)
        finally:
            await player.stop(drain=True)


def media_player(device: str | None = None) -> PcmPlayer | None:
    """A device player when this build has audio output (``interpreter.media.player``), else None."""
    try:
        import interpreter.media.player  # noqa: F401  (only probing that playback exists in this build)
    except ImportError:
        return None
    return DevicePlayer(device)
