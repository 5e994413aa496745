"""Demo mode offers the bundled speech sample as a microphone, so a machine without one can still try the app."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from interpreter.app_context import AppContext
from interpreter.core.catalog import load_catalog
from interpreter.store.settings import Settings
from interpreter.store.settings_owner import SettingsOwner
from interpreter.ui.main_window import MainWindow
from interpreter.ui.viewmodels.environment import SAMPLE_INPUT, Endpoint
from interpreter.ui.viewmodels.live_options import LiveOptions, settings_with_options
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel, SessionPhase

pytestmark = pytest.mark.gui


def _context(*, demo: bool) -> AppContext:
    return AppContext(QApplication.instance(), demo=demo, self_test=False, t0=0.0, settings=SettingsOwner(Settings()))


def test_only_the_demo_lists_the_sample_among_the_microphones(qapp: Any) -> None:
    demo_inputs = [choice.value for choice in _context(demo=True).environment().input_devices()]
    assert demo_inputs[0] == "" and demo_inputs[-1] == SAMPLE_INPUT, "system default first, the sample last"
    assert SAMPLE_INPUT not in [choice.value for choice in _context(demo=False).environment().input_devices()]


def test_a_demo_session_on_the_sample_gives_captions_without_a_microphone(
    qtbot: Any, qloop: Any, make_emulator: Any
) -> None:
    emulator = make_emulator(speed=2.0)
    env = _context(demo=True).environment()
    env = replace(env, endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True))
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions(input_device=SAMPLE_INPUT, audio_output=False))
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(vm.devices_changed, timeout=10_000):  # listed off the Qt thread
        vm.request_device_refresh()
    combo = window.live_tab.input_combo
    assert combo.currentData() == SAMPLE_INPUT and "sample" in combo.currentText().lower()
    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        window.live_tab.start_button.click()
    qtbot.waitUntil(lambda: vm.captions.rowCount() > 0, timeout=30_000)
    assert vm.phase == SessionPhase.LIVE, "the looped sample keeps the session going"
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        vm.stop()


def test_the_sample_is_never_saved_as_the_microphone() -> None:
    settings = Settings(input_device="ALSA: USB Mic")
    saved = settings_with_options(settings, LiveOptions(input_device=SAMPLE_INPUT))
    assert saved.input_device == "ALSA: USB Mic"
