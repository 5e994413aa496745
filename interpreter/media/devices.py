"""Audio device discovery, selection by name/index/stable id, and the echo guard.

PortAudio indices change when devices are plugged in or the machine reboots, so what the settings remember is
:attr:`AudioDevice.device_id` (``"<host API>:<device name>"``), which is stable as long as the device keeps its name.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any, Literal

from interpreter.errors import DeviceError
from interpreter.media import texts
from interpreter.media._sd import sounddevice

Kind = Literal["input", "output"]


@dataclass(frozen=True)
class AudioDevice:
    """One PortAudio device as the user sees it.

    Attributes:
        index: PortAudio index (valid until devices change; do not persist it).
        name: device name as reported by the host API.
        host_api: host API name ("ALSA", "Windows WASAPI", "Core Audio"...).
        max_input_channels: 0 for output-only devices.
        max_output_channels: 0 for input-only devices.
        default_samplerate: the device's native rate in Hz.
        is_default_input: PortAudio's current default input.
        is_default_output: PortAudio's current default output.
    """

    index: int
    name: str
    host_api: str
    max_input_channels: int
    max_output_channels: int
    default_samplerate: float
    is_default_input: bool = False
    is_default_output: bool = False

    @property
    def device_id(self) -> str:
        """Stable identifier to remember the choice: ``"<host API>:<name>"``."""
        return f"{self.host_api}:{self.name}"

    def supports(self, kind: Kind) -> bool:
        """True if the device has channels in that direction."""
        return (self.max_input_channels if kind == "input" else self.max_output_channels) > 0

    @property
    def label(self) -> str:
        """Human label for pickers: name, host API and native rate."""
        return f"{self.name} ({self.host_api}, {self.default_samplerate / 1000:g} kHz)"


def list_devices(kind: Kind | None = None, *, sd: Any = None) -> list[AudioDevice]:
    """Every device PortAudio sees (optionally only inputs or outputs), in PortAudio order.

    Raises:
        DeviceError: PortAudio itself is not usable (library missing or failing).
    """
    sdm = sounddevice(sd)
    try:
        raw = sdm.query_devices()
        apis = sdm.query_hostapis()
        default_in, default_out = sdm.default.device
    except Exception as exc:  # PortAudio raises its own PortAudioError or OSError depending on what is missing
        raise DeviceError(texts.NO_AUDIO_SYSTEM(), detail=repr(exc)) from exc
    devices = []
    for index, d in enumerate(raw):
        dev = AudioDevice(
            index=index,
            name=str(d["name"]),
            host_api=str(apis[d["hostapi"]]["name"]),
            max_input_channels=int(d["max_input_channels"]),
            max_output_channels=int(d["max_output_channels"]),
            default_samplerate=float(d["default_samplerate"]),
            is_default_input=index == default_in,
            is_default_output=index == default_out,
        )
        if kind is None or dev.supports(kind):
            devices.append(dev)
    return devices


def find_device(spec: str | int | None, kind: Kind, *, sd: Any = None) -> AudioDevice:
    """Resolve a user choice to a device.

    Args:
        spec: None or "" or "default" for the system default; an int or digit string for a PortAudio index;
            a :attr:`AudioDevice.device_id`; an exact device name; or a case-insensitive part of one name.
        kind: the direction the device must support.

    Raises:
        DeviceError: nothing matches, the match cannot do ``kind``, or a partial name is ambiguous.
    """
    devices = list_devices(kind, sd=sd)
    kind_name = texts.KIND_INPUT() if kind == "input" else texts.KIND_OUTPUT()
    if not devices:
        raise DeviceError(texts.NO_DEVICE(kind=kind_name))
    if spec is None or spec == "" or spec == "default":
        for dev in devices:
            if dev.is_default_input if kind == "input" else dev.is_default_output:
                return dev
        return devices[0]
    if isinstance(spec, int) or spec.isdigit():
        wanted = int(spec)
        for dev in devices:
            if dev.index == wanted:
                return dev
        raise DeviceError(texts.NO_DEVICE_NUMBER(kind=kind_name, number=wanted))
    exact = [d for d in devices if spec in (d.device_id, d.name)]
    exact += [d for d in devices if d.name.lower() == spec.lower()]
    if exact:
        return exact[0]
    partial = [d for d in devices if spec.lower() in d.name.lower()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(repr(d.name) for d in partial[:5])
        raise DeviceError(texts.AMBIGUOUS_DEVICE(kind=kind_name, spec=repr(spec), names=names))
    raise DeviceError(texts.DEVICE_NOT_CONNECTED(kind=kind_name, spec=repr(spec)))


# --- echo guard -------------------------------------------------------------------------------------------------

#: Names of inputs that record what the computer plays (loopback/monitor/virtual cable outputs).
_LOOPBACK_INPUT = re.compile(
    r"monitor|loopback|stereo mix|what u hear|wave out|blackhole|soundflower|cable output|vb-audio|voicemeeter out",
    re.IGNORECASE,
)
#: PortAudio's aliases for "whatever the sound server routes to": the routing decides, so ask the server.
_SOUND_SERVER_DEVICES = {"pulse", "default", "pipewire", "sysdefault"}


@dataclass(frozen=True)
class PulseRouting:
    """What the PulseAudio/PipeWire server routes "default" to, and what each source records."""

    default_sink: str
    default_source: str
    source_masters: dict[str, str]  # source name -> the source it remaps (``module-remap-source master=``)


def pulse_routing(*, timeout: float = 2.0) -> PulseRouting | None:
    """Ask ``pactl`` for the default sink/source (None if there is no pulse/pipewire server or no pactl)."""
    if shutil.which("pactl") is None:
        return None
    try:
        sink = subprocess.run(["pactl", "get-default-sink"], capture_output=True, text=True, timeout=timeout)
        source = subprocess.run(["pactl", "get-default-source"], capture_output=True, text=True, timeout=timeout)
        modules = subprocess.run(["pactl", "list", "short", "modules"], capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        return None
    if sink.returncode != 0 or source.returncode != 0:
        return None
    masters: dict[str, str] = {}
    for line in modules.stdout.splitlines():
        if "module-remap-source" not in line:
            continue
        args = dict(re.findall(r"(\w+)=(\S+)", line))
        if "source_name" in args and "master" in args:
            masters[args["source_name"]] = args["master"]
    return PulseRouting(sink.stdout.strip(), source.stdout.strip(), masters)


def echo_risk(
    input_device: AudioDevice, output_device: AudioDevice, *, routing: PulseRouting | None = None
) -> str | None:
    """Warn when the translated voice played on ``output_device`` would be heard by ``input_device``.

    The service would then translate its own voice back (a feedback loop users of peers complain about).
    Acoustic echo through a room cannot be detected from names; this catches the wired cases: the same device
    pair, a loopback/monitor/virtual-cable input, and a sound-server default source that records the default sink.

    Args:
        input_device: the microphone.
        output_device: the voice output (monitor or second output).
        routing: the sound server's routing when both are sound-server aliases (see :func:`pulse_routing`).

    Returns:
        A sentence for the user, or None when no wired echo path is visible.
    """
    if input_device.name.lower() in _SOUND_SERVER_DEVICES and output_device.name.lower() in _SOUND_SERVER_DEVICES:
        if routing is not None:
            source = routing.default_source
            # Follow remaps (e.g. a virtual mic remapping some sink's monitor) to what is really recorded.
            for _ in range(5):  # remap chains are short; the bound avoids looping on a misconfigured cycle
                if source not in routing.source_masters:
                    break
                source = routing.source_masters[source]
            if source == f"{routing.default_sink}.monitor":
                return (
                    f"The microphone ({routing.default_source}) records what is played on {routing.default_sink}: "
                    "the translated voice would be translated again. Choose another microphone or output."
                )
        return None
    if _LOOPBACK_INPUT.search(input_device.name):
        return (
            f"The input {input_device.name!r} records the computer's own sound, so the translated voice may be "
            "translated again. Use a real microphone, or turn the voice output off."
        )
    if input_device.name == output_device.name and input_device.host_api == output_device.host_api:
        return (
            f"The microphone and the voice output are the same device ({input_device.name}); without headphones "
            "the translated voice will be picked up again. Use headphones or another output."
        )
    return None


def check_echo(input_device: AudioDevice, output_device: AudioDevice) -> str | None:
    """:func:`echo_risk` with the sound server's routing looked up when it matters (blocking: runs ``pactl``).

    Call it from a worker thread once both devices are open; show the sentence it returns, if any, as a warning.
    """
    routing = None
    names = {input_device.name.lower(), output_device.name.lower()}
    if names <= _SOUND_SERVER_DEVICES:
        routing = pulse_routing()
    return echo_risk(input_device, output_device, routing=routing)
