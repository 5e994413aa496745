"""The Settings menu opens the real dialogs, and what the user saves there flows into the Live tab: the voice into
``LiveOptions.voice``, the glossary in use into ``LiveOptions.hotwords`` → ``SessionConfig.hotwords`` (phrases)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from interpreter.core.catalog import load_catalog
from interpreter.core.glossary import Glossary, GlossaryEntry
from interpreter.store.glossaries import GlossaryStore
from interpreter.store.secrets import SecretStore
from interpreter.store.settings import Settings
from interpreter.store.settings_owner import SettingsOwner
from interpreter.ui.dialog_launcher import open_dialog
from interpreter.ui.dialogs.hotwords import HotwordsDialog
from interpreter.ui.dialogs.voices import VoicesDialog
from interpreter.ui.history import HistoryDialog
from interpreter.ui.main_window import MainWindow
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
from interpreter.ui.viewmodels.live_options import LiveOptions
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

pytestmark = pytest.mark.gui


@dataclass
class _Shell:
    """The launcher's view of the composition root, with no emulator (previews disabled)."""

    settings: Any
    secrets: Any
    journal: Any
    vm: Any
    emulator: Any = None
    key_changes: int = 0

    def current_endpoint(self) -> Endpoint | None:
        return None

    def api_key_changed(self) -> None:
        self.key_changes += 1


@pytest.fixture
def setup(qtbot: Any) -> tuple[MainWindow, _Shell]:
    env = LiveEnvironment(endpoint=lambda: Endpoint("unused"), open_audio_source=lambda _o: iter(()))  # type: ignore
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions(target_language="en"))
    shell = _Shell(SettingsOwner(Settings()), SecretStore(), None, vm)
    window = MainWindow(vm, open_dialog=lambda name: open_dialog(name, window, shell=shell))
    qtbot.addWidget(window)
    window.show()
    return window, shell


def _menu_action(window: MainWindow, text: str) -> Any:
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def _shown(kind: type) -> Any:
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return dialog


def test_voices_menu_choice_becomes_the_live_voice(qtbot: Any, qloop: Any, setup: Any) -> None:
    window, shell = setup
    _menu_action(window, "Voices…").trigger()
    dialog = _shown(VoicesDialog)
    info = load_catalog().model(shell.vm.options.model)
    other = next(v.name for v in info.voices_for("en") if v.name != info.default_voice)
    dialog.vm.select_voice(other)
    dialog.ok_button.click()
    assert shell.vm.options.voice == other
    assert shell.settings.current.voices[shell.vm.options.model] == other
    assert window.live_tab.voice_label.text() == other
    assert shell.vm.session_config().voice == other


def test_hotwords_glossary_in_use_becomes_session_hotwords(qtbot: Any, qloop: Any, setup: Any) -> None:
    window, shell = setup
    GlossaryStore().put(Glossary("Keynote", [GlossaryEntry("Qwen", "通义千问"), GlossaryEntry("DashScope", "百炼")]))
    _menu_action(window, "Hotwords…").trigger()
    dialog = _shown(HotwordsDialog)
    dialog.vm.select(0)
    dialog.vm.choose_current()
    dialog.close()
    qtbot.waitUntil(lambda: shell.vm.options.glossary_name == "Keynote", timeout=5_000)
    assert dict(shell.vm.session_config().hotwords) == {"Qwen": "通义千问", "DashScope": "百炼"}
    assert "Keynote: 2 terms" in window.live_tab.hotwords_label.text()


def test_history_and_api_key_menus_open_their_dialogs(qtbot: Any, qloop: Any, setup: Any, tmp_path: Any) -> None:
    from interpreter.store.journal import SessionJournal
    from interpreter.ui.dialogs.api_key import ApiKeyDialog

    window, shell = setup
    shell.journal = SessionJournal(tmp_path / "journal.sqlite3")
    _menu_action(window, "Session history…").trigger()
    _shown(HistoryDialog).close()
    _menu_action(window, "API key…").trigger()
    _shown(ApiKeyDialog).close()
    shell.journal.close()
