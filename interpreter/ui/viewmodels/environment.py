"""What the live view-model needs from the outside world, injected by the composition root (app.py).

The view-model drives ``services.live_session.LiveSession``; this bundle tells it where the key and endpoint come
from, which devices exist, how to open the chosen audio/picture sources and where to play the translated voice.
Tests pass a bundle whose audio source is a WAV file paced in real time and whose endpoint is the emulator, so the
real session code runs end to end with no hardware.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from interpreter.transport.endpoints import Endpoint as Endpoint  # re-exported: the view-model API names it
from interpreter.ui.viewmodels.live_options import SAMPLE_INPUT as SAMPLE_INPUT  # re-exported with NO_OUTPUT
from interpreter.ui.viewmodels.live_options import Choice, LiveOptions

if TYPE_CHECKING:  # media.gate/frames load OpenCV; the view-model imports them only when a picture is used
    from interpreter.media.frames import FrameSource
    from interpreter.media.gate import GateConfig
    from interpreter.store.journal import SessionJournal


class AudioPlayback(Protocol):
    """Plays the translated voice (24 kHz mono s16le) on one or two devices; fed on the loop thread.

    ``media.player.VoicePlayer`` fits: ``await start()`` opens the devices (raising ``errors.DeviceError``),
    ``feed`` queues audio, ``end_of_response`` marks the end of one response's voice (its tail plays out and the
    pause until the next response is not counted as an underrun), ``await stop()`` drains and closes.
    """

    async def start(self) -> None: ...
    def feed(self, pcm24k: bytes) -> None: ...
    def end_of_response(self) -> None: ...
    async def stop(self) -> None: ...


@runtime_checkable
class AdjustableVolume(Protocol):
    """A playback whose gains can change while it plays (``media.player.VoicePlayer`` fits).

    ``index`` counts the outputs that were opened, in order (``VoicePlayer.outputs``): the presenter's output first
    unless it is ``NO_OUTPUT``, then the second output; :func:`opened_output_index` maps a picker to it.
    """

    def set_volume(self, index: int, volume: float) -> None: ...


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
        input_devices / output_devices: BLOCKING (PortAudio; the view-model lists them in a worker thread): pickers'
            entries. visual_sources: the picture picker's entries.
        echo_check: BLOCKING (the view-model runs it in a worker thread): a sentence when the chosen microphone
            would hear the chosen voice output(s), else None; None (the default) when there is no microphone to
            check, e.g. a file or sample as the audio source. :func:`check_device_echo` is the real one.
        journal: the session journal (store.journal.SessionJournal) or None to keep nothing.
        gate_config: limits for the pictures sent (``media.gate.GateConfig``, from the user's settings), or None for
            the gate's defaults (the service's documented limits).
    """

    endpoint: Callable[[], Endpoint]
    open_audio_source: Callable[[LiveOptions], AsyncIterable[bytes]]
    open_image_source: Callable[[LiveOptions], FrameSource | None] = lambda _options: None
    open_playback: Callable[[LiveOptions], AudioPlayback | None] = lambda _options: None
    input_devices: Callable[[], list[Choice]] = list
    output_devices: Callable[[], list[Choice]] = list
    visual_sources: Callable[[], list[Choice]] = list
    echo_check: Callable[[LiveOptions], str | None] | None = None
    journal: SessionJournal | None = None
    gate_config: GateConfig | None = None


#: ``LiveOptions.output_device`` value meaning "do not play the voice on this computer".
NO_OUTPUT = "none"


def voice_outputs(options: LiveOptions) -> Iterator[str | None]:
    """The output device specs the translated voice will play on (None = the system default)."""
    if options.output_device != NO_OUTPUT:
        yield options.output_device or None
    if options.second_output_device:
        yield options.second_output_device


def opened_output_index(options: LiveOptions, output: int) -> int | None:
    """Where output ``output`` (0 = "Voice to", 1 = "Also to") sits among a player's opened outputs, or None when
    that output is not played (``NO_OUTPUT``, or no second device)."""
    monitor_on = options.output_device != NO_OUTPUT
    if output == 0:
        return 0 if monitor_on else None
    if not options.second_output_device:
        return None
    return 1 if monitor_on else 0


def check_device_echo(options: LiveOptions, *, sd: Any = None) -> str | None:
    """The echo guard for the chosen devices: ``media.devices.check_echo`` on the microphone and each voice output.

    Blocking (asks PortAudio for the device list, and the sound server for its routing): call it from a worker
    thread. Devices that cannot be found are skipped: opening them at Start reports that with its own sentence.

    Args:
        options: the Live tab's selections; nothing is checked when they produce no voice.
        sd: the sounddevice module (tests pass a fake).

    Returns:
        The first warning sentence, or None when no wired echo path is visible.
    """
    from interpreter.errors import DeviceError
    from interpreter.media.devices import check_echo, find_device

    outputs = list(voice_outputs(options)) if options.audio_output else []
    if not outputs:
        return None
    try:
        microphone = find_device(options.input_device or None, "input", sd=sd)
    except DeviceError:
        return None
    for spec in outputs:
        try:
            output = find_device(spec, "output", sd=sd)
        except DeviceError:
            continue
        warning = check_echo(microphone, output)
        if warning:
            return warning
    return None
