"""Settings the media engine supports reach it from the GUI: per-output voice volumes (saved, passed to VoicePlayer,
changed live by the Live tab's sliders), the jitter-buffer target, the frame gate's limits, the user's price overrides;
and the picture source is deliberately never restored at the next start."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import cv2
import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

import interpreter.media.player as player_module
from interpreter.app_context import AppContext
from interpreter.app_context import options_from_settings as _options_from_settings
from interpreter.bootstrap import gate_config as _gate_config
from interpreter.core.catalog import load_catalog
from interpreter.media.files import decode_audio
from interpreter.media.frames import open_visual_source
from interpreter.media.gate import GateConfig
from interpreter.media.pacing import PacedPcmSource
from interpreter.media.player import VoicePlayer
from interpreter.store.paths import config_dir
from interpreter.store.settings import FrameGateSettings, OutputRoute, Settings
from interpreter.store.settings_owner import SettingsOwner
from interpreter.ui.main_window import MainWindow
from interpreter.ui.viewmodels.environment import NO_OUTPUT, Endpoint, LiveEnvironment, opened_output_index
from interpreter.ui.viewmodels.live_options import LiveOptions, settings_with_options
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel
from interpreter.ui.viewmodels.visual import PICK_FILE, visual_spec
from tests.fakes.sounddevice_fake import FakeDevice, FakeSoundDevice

pytestmark = pytest.mark.gui


class _RecordedPlayer(VoicePlayer):
    """The real VoicePlayer, remembering how the composition root constructed it."""

    made: ClassVar[list[tuple[tuple[Any, ...], dict[str, Any]]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _RecordedPlayer.made.append((args, kwargs))
        super().__init__(*args, **kwargs)


def _shell_environment(settings: Settings) -> LiveEnvironment:
    context = AppContext(QApplication.instance(), demo=True, self_test=False, t0=0.0, settings=SettingsOwner(settings))
    return context.environment()


def test_open_playback_takes_volumes_and_jitter_target_from_settings(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(player_module, "VoicePlayer", _RecordedPlayer)
    _RecordedPlayer.made.clear()
    settings = Settings(
        monitor=OutputRoute(device="Headphones", volume=0.4),
        audience=OutputRoute(device="Virtual Cable", volume=0.7, enabled=True),
        jitter_target_ms=120,
    )
    env = _shell_environment(settings)
    options = _options_from_settings(settings)
    assert (options.output_volume, options.second_output_volume) == (0.4, 0.7)

    player = env.open_playback(options)

    assert isinstance(player, VoicePlayer)
    args, kwargs = _RecordedPlayer.made[-1]
    assert args == ("Headphones", "Virtual Cable")
    assert kwargs == {"monitor_volume": 0.4, "second_volume": 0.7, "target_ms": 120}


def test_voice_only_on_the_second_output_still_gets_a_player(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(player_module, "VoicePlayer", _RecordedPlayer)
    _RecordedPlayer.made.clear()
    env = _shell_environment(Settings())
    options = LiveOptions(output_device=NO_OUTPUT, second_output_device="Virtual Cable", second_output_volume=0.5)

    assert env.open_playback(options) is not None
    args, kwargs = _RecordedPlayer.made[-1]
    assert args == (False, "Virtual Cable") and kwargs["second_volume"] == 0.5
    assert opened_output_index(options, 1) == 0, "the only opened output is the second one"
    assert opened_output_index(options, 0) is None
    assert env.open_playback(LiveOptions(output_device=NO_OUTPUT)) is None, "no output at all: no player"


def test_volumes_are_saved_and_the_picture_source_is_not(qapp: Any) -> None:
    settings = Settings(visual_source="camera:0")
    assert _options_from_settings(settings).visual_source == "", "a camera never starts from old settings"
    options = LiveOptions(
        output_device="Headphones",
        output_volume=0.25,
        second_output_device="Virtual Cable",
        second_output_volume=0.9,
        visual_source="screen:1",
    )

    saved = settings_with_options(Settings(), options)

    assert saved.monitor == OutputRoute(device="Headphones", volume=0.25, enabled=True)
    assert saved.audience == OutputRoute(device="Virtual Cable", volume=0.9, enabled=True)
    assert saved.visual_source is None


def test_gate_config_follows_the_frame_gate_settings(qapp: Any) -> None:
    frame_gate = FrameGateSettings(
        max_fps=1.0, scene_change_threshold=12.0, keepalive_s=30.0, max_height=480, max_jpeg_kb=200
    )
    config = _gate_config(frame_gate)
    assert config == GateConfig(max_fps=1.0, change_threshold=12.0, keepalive_s=30.0, max_height=480, max_bytes=200_000)
    assert _gate_config(FrameGateSettings()) == GateConfig(), "the settings' defaults are the gate's defaults"
    assert _shell_environment(Settings(frame_gate=frame_gate)).gate_config == config


def _live_window(emulator: Any, wav: Path, qtbot: Any, **env: Any) -> tuple[LiveSessionViewModel, MainWindow]:
    options = env.pop("options", LiveOptions())
    environment = LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=lambda _o: PacedPcmSource(decode_audio(wav)),
        **env,
    )
    vm = LiveSessionViewModel(load_catalog(), environment, options)
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    window.show()
    return vm, window


def test_volume_sliders_show_settings_and_change_the_playing_voice_at_once(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path
) -> None:
    devices = FakeSoundDevice(
        [FakeDevice("Speakers", inputs=0, outputs=2), FakeDevice("Virtual Cable", inputs=0, outputs=2)],
        default=(0, 0),
    )
    players: list[VoicePlayer] = []

    def open_playback(options: LiveOptions) -> VoicePlayer:
        player = VoicePlayer(
            options.output_device or None,
            options.second_output_device or False,
            monitor_volume=options.output_volume,
            second_volume=options.second_output_volume,
            sd=devices,
        )
        players.append(player)
        return player

    options = LiveOptions(second_output_device="Virtual Cable", output_volume=0.6, second_output_volume=0.3)
    vm, window = _live_window(emulator, speech_wav, qtbot, open_playback=open_playback, options=options)
    tab = window.live_tab
    assert (tab.output_volume.value(), tab.second_output_volume.value()) == (60, 30)
    assert "60 %" in tab.output_volume.toolTip()

    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        tab.start_button.click()
    outputs = players[0].outputs
    assert [round(o.volume, 2) for o in outputs] == [0.6, 0.3]
    assert tab.output_volume.isEnabled(), "the volume stays adjustable while live"

    tab.output_volume.setValue(80)
    tab.second_output_volume.setValue(0)

    assert [round(o.volume, 2) for o in outputs] == [0.8, 0.0]
    assert (vm.options.output_volume, vm.options.second_output_volume) == (0.8, 0.0)
    assert "80 %" in tab.output_volume.toolTip()
    assert tab.model_combo.isEnabled() is False, "a volume change does not unlock the session's settings"
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        tab.start_button.click()


def test_second_volume_slider_is_disabled_without_a_second_output(qtbot: Any, qloop: Any, emulator: Any) -> None:
    vm, window = _live_window(emulator, Path("unused.wav"), qtbot)
    tab = window.live_tab
    assert tab.output_volume.isEnabled() and not tab.second_output_volume.isEnabled()
    vm.update_options(output_device=NO_OUTPUT)
    assert not tab.output_volume.isEnabled()


def test_the_gate_config_reaches_the_frame_gate(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    image = np.full((720, 1280, 3), 90, np.uint8)
    cv2.rectangle(image, (100, 100), (600, 400), (0, 200, 255), -1)
    path = tmp_path / "slide.png"
    assert cv2.imwrite(str(path), image)
    small = 240  # well below the 720p default, so only the configured limit can explain the size
    vm, window = _live_window(
        emulator,
        speech_wav,
        qtbot,
        open_image_source=lambda o: open_visual_source(visual_spec(o.visual_source)) if o.visual_source else None,
        gate_config=GateConfig(max_height=small),
        options=LiveOptions(visual_source=PICK_FILE + str(path)),
    )
    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        window.live_tab.start_button.click()
    qtbot.waitUntil(lambda: bool(emulator.sessions) and len(emulator.sessions[0].images) >= 1, timeout=15_000)
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        window.live_tab.start_button.click()

    sent = cv2.imdecode(np.frombuffer(emulator.sessions[0].images[0], np.uint8), cv2.IMREAD_COLOR)
    assert sent is not None, "the service receives a decodable JPEG"
    assert sent.shape[0] == small and sent.shape[1] == round(1280 * small / 720)


def test_user_price_overrides_that_cannot_be_used_become_a_notice(qapp: Any) -> None:
    environment = LiveEnvironment(endpoint=lambda: Endpoint("unused"), open_audio_source=lambda _o: _no_audio())
    assert LiveSessionViewModel(load_catalog(), environment).pricing_notices == ()

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "pricing.json").write_text("{not json", encoding="utf-8")
    notices = LiveSessionViewModel(load_catalog(), environment).pricing_notices
    assert len(notices) == 1 and "pricing.json" in notices[0]


async def _no_audio() -> Any:
    return
    yield b""  # pragma: no cover - makes this an async generator that ends at once
