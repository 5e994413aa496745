"""Device listing/selection and the echo guard."""

from __future__ import annotations

import pytest

from interpreter.errors import DeviceError
from interpreter.media.devices import AudioDevice, PulseRouting, echo_risk, find_device, list_devices, pulse_routing
from tests.fakes.pulse import PulseDaemon
from tests.fakes.sounddevice_fake import FakeDevice, FakeSoundDevice


def _sd() -> FakeSoundDevice:
    return FakeSoundDevice(
        [FakeDevice("USB Mic", outputs=0), FakeDevice("Speakers", inputs=0), FakeDevice("USB Headset")],
        default=(0, 1),
    )


def test_list_and_find() -> None:
    sd = _sd()
    assert [d.name for d in list_devices("input", sd=sd)] == ["USB Mic", "USB Headset"]
    assert find_device(None, "input", sd=sd).name == "USB Mic"
    assert find_device(None, "output", sd=sd).name == "Speakers"
    assert find_device(2, "input", sd=sd).name == "USB Headset"
    assert find_device("FakeAPI:USB Headset", "output", sd=sd).index == 2
    assert find_device("headset", "input", sd=sd).device_id == "FakeAPI:USB Headset"
    with pytest.raises(DeviceError, match="Several"):
        find_device("usb", "input", sd=sd)
    with pytest.raises(DeviceError):
        find_device("Speakers", "input", sd=sd)


def _dev(name: str, api: str = "ALSA") -> AudioDevice:
    return AudioDevice(0, name, api, 2, 2, 48000.0)


def test_echo_guard_by_names() -> None:
    assert echo_risk(_dev("Monitor of Built-in Audio"), _dev("Speakers")) is not None
    assert echo_risk(_dev("CABLE Output (VB-Audio)"), _dev("Speakers")) is not None
    assert echo_risk(_dev("USB Speakerphone"), _dev("USB Speakerphone")) is not None
    assert echo_risk(_dev("USB Mic"), _dev("Speakers")) is None


def test_echo_guard_follows_pulse_routing() -> None:
    routing = PulseRouting("vspk", "vmic", {"vmic": "vspk.monitor"})
    assert echo_risk(_dev("pulse"), _dev("default"), routing=routing) is not None
    safe = PulseRouting("vspk", "vmic", {"vmic": "vmic_sink.monitor"})
    assert echo_risk(_dev("pulse"), _dev("default"), routing=safe) is None


@pytest.mark.audio
def test_pulse_routing_from_a_real_server(pulse: PulseDaemon) -> None:
    routing = pulse_routing()
    assert routing is not None
    assert (routing.default_sink, routing.default_source) == ("vspk", "vmic")
    assert routing.source_masters["vmic"] == "vmic_sink.monitor"
    assert echo_risk(_dev("default"), _dev("default"), routing=routing) is None
