"""API key dialog with real widgets: region note, show/hide, keyring save, no-keyring path, and "Test connection"
against the real emulator (good key, bad key, wrong region, 429)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import keyring
import pytest
from PySide6.QtWidgets import QLineEdit

from interpreter.services.connection_check import check_connection
from interpreter.store.secrets import SecretStore
from interpreter.store.settings import Settings
from interpreter.transport.endpoints import Region
from interpreter.ui.dialogs.api_key import REGION_NOTE, ApiKeyDialog, ApiKeyViewModel, open_api_key_dialog
from tests.fakes.keyring_memory import MemoryKeyring, UnavailableKeyring

pytestmark = pytest.mark.gui

GOOD_KEY = "sk-emulator-demo"
BEIJING_KEY = "sk-beijing0123456789abcdef"
WAIT_MS = 20_000  # generous: other engineers' test runs share the 2 cores


def _dialog(qtbot: Any, secrets: SecretStore | None = None, **kw: Any) -> ApiKeyDialog:
    dialog = ApiKeyDialog(ApiKeyViewModel(secrets or SecretStore(), **kw))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click_and_wait(qtbot: Any, dialog: ApiKeyDialog, button: Any, signal: Any) -> list[Any]:
    with qtbot.waitSignal(signal, timeout=WAIT_MS) as blocker:
        button.click()
    return list(blocker.args)


def test_region_note_explains_binding_and_beijing_only_features(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot)
    note = dialog.region_note.text()
    assert note == REGION_NOTE
    assert "qwen-mt-image" in note and "temporary" in note and "Beijing" in note
    assert dialog.region_buttons[Region.SINGAPORE].isChecked()
    dialog.region_buttons[Region.BEIJING].click()
    assert dialog.vm.region is Region.BEIJING
    assert "Beijing" in dialog.status_label.text()


def test_show_hide_toggles_echo_mode(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot)
    assert dialog.key_edit.echoMode() is QLineEdit.EchoMode.Password
    dialog.show_button.click()
    assert dialog.key_edit.echoMode() is QLineEdit.EchoMode.Normal
    assert dialog.show_button.text() == "Hide"
    dialog.show_button.click()
    assert dialog.key_edit.echoMode() is QLineEdit.EchoMode.Password


def test_save_puts_key_in_keyring_per_region_and_shows_only_a_hint(
    qtbot: Any, qloop: Any, memory_keyring: MemoryKeyring
) -> None:
    dialog = _dialog(qtbot)
    dialog.region_buttons[Region.BEIJING].click()
    dialog.key_edit.setText(f"  {BEIJING_KEY}  ")
    ok, message = _click_and_wait(qtbot, dialog, dialog.save_button, dialog.vm.save_finished)
    assert ok, message
    assert memory_keyring.entries == {("live-interpreter", "dashscope-api-key:beijing"): BEIJING_KEY}
    assert dialog.key_edit.text() == ""  # not kept in the widget after saving
    assert "cdef" in dialog.status_label.text() and BEIJING_KEY not in dialog.status_label.text()
    assert BEIJING_KEY not in message


def test_invalid_key_is_refused_with_a_sentence(qtbot: Any, qloop: Any, memory_keyring: MemoryKeyring) -> None:
    dialog = _dialog(qtbot)
    dialog.key_edit.setText("sk-abc def")
    ok, message = _click_and_wait(qtbot, dialog, dialog.save_button, dialog.vm.save_finished)
    assert not ok
    assert "spaces" in message
    assert dialog.result_label.text() == message
    assert memory_keyring.entries == {}


def test_remove_deletes_the_saved_key(qtbot: Any, qloop: Any, memory_keyring: MemoryKeyring) -> None:
    SecretStore().set_api_key("singapore", GOOD_KEY)
    dialog = _dialog(qtbot)
    assert "is saved" in dialog.status_label.text()
    ok, _message = _click_and_wait(qtbot, dialog, dialog.remove_button, dialog.vm.save_finished)
    assert ok
    assert memory_keyring.entries == {}
    assert "No key is saved" in dialog.status_label.text()
    assert not dialog.remove_button.isEnabled()  # nothing left to remove


def test_no_keyring_says_so_offers_the_env_var_and_writes_nothing(
    qtbot: Any, qloop: Any, isolated_app_dirs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(UnavailableKeyring())  # the autouse fixture restores the previous backend afterwards
    dialog = _dialog(qtbot)
    assert dialog.keyring_banner.isVisibleTo(dialog)
    assert "DASHSCOPE_API_KEY" in dialog.keyring_banner.text()
    assert "no keyring" in dialog.keyring_banner.text()
    assert not dialog.save_button.isEnabled()
    # Even if the save slot is triggered programmatically, the store refuses and nothing lands on disk.
    dialog.key_edit.setText(GOOD_KEY)
    with qtbot.waitSignal(dialog.vm.save_finished, timeout=WAIT_MS) as blocker:
        dialog.vm.save(GOOD_KEY)
    assert blocker.args[0] is False
    assert "DASHSCOPE_API_KEY" in blocker.args[1]
    from pathlib import Path

    for folder in isolated_app_dirs.values():
        for path in Path(folder).rglob("*") if Path(folder).exists() else []:
            if path.is_file():
                assert GOOD_KEY.encode() not in path.read_bytes(), path
    monkeypatch.setenv("DASHSCOPE_API_KEY", GOOD_KEY)
    dialog.vm.refresh()
    assert "DASHSCOPE_API_KEY is set" in dialog.status_label.text()


# ---- Test connection against the emulator -------------------------------------------------------------------------


def test_connection_good_key(qtbot: Any, qloop: Any, emulator: Any) -> None:
    dialog = _dialog(qtbot, base_url=emulator.base_url)
    dialog.key_edit.setText(emulator.api_key)
    reason, headline, message = _click_and_wait(qtbot, dialog, dialog.test_button, dialog.vm.check_finished)
    assert (reason, headline) == ("ok", "Connected")
    assert "works" in message
    assert "Connected" in dialog.result_label.text()
    assert dialog.test_button.isEnabled()
    # A real session ran: the emulator got the configuration and the finish.
    assert emulator.sessions and "session.finish" in emulator.sessions[-1].received_types()


def test_connection_uses_saved_key_when_field_is_empty(qtbot: Any, qloop: Any, emulator: Any) -> None:
    SecretStore().set_api_key("singapore", emulator.api_key)
    dialog = _dialog(qtbot, base_url=emulator.base_url)
    reason, _headline, _message = _click_and_wait(qtbot, dialog, dialog.test_button, dialog.vm.check_finished)
    assert reason == "ok"


def test_connection_bad_key(qtbot: Any, qloop: Any, emulator: Any) -> None:
    dialog = _dialog(qtbot, base_url=emulator.base_url)
    bad = "sk-not-a-valid-key-0000"
    dialog.key_edit.setText(bad)
    reason, headline, message = _click_and_wait(qtbot, dialog, dialog.test_button, dialog.vm.check_finished)
    assert (reason, headline) == ("invalid_key", "Invalid key")
    assert "refused this key" in message
    assert bad not in message and bad not in dialog.result_label.text()


def test_connection_wrong_region_is_detected(qtbot: Any, qloop: Any, make_emulator: Callable[..., Any]) -> None:
    singapore = make_emulator()
    beijing = make_emulator(api_keys=(BEIJING_KEY,))

    async def checker(key: str, region: Region, **kw: Any) -> Any:
        return await check_connection(key, region, other_region_base_url=beijing.base_url, **kw)

    dialog = _dialog(qtbot, base_url=singapore.base_url, checker=checker)
    dialog.key_edit.setText(BEIJING_KEY)
    reason, headline, message = _click_and_wait(qtbot, dialog, dialog.test_button, dialog.vm.check_finished)
    assert (reason, headline) == ("wrong_region", "Wrong region")
    assert "Beijing" in message
    assert dialog.vm.last_outcome is not None and dialog.vm.last_outcome.key_region is Region.BEIJING


def test_connection_rate_limited(qtbot: Any, qloop: Any, emulator: Any) -> None:
    emulator.faults.update(reject_handshake=429)
    dialog = _dialog(qtbot, base_url=emulator.base_url)
    dialog.key_edit.setText(emulator.api_key)
    reason, headline, message = _click_and_wait(qtbot, dialog, dialog.test_button, dialog.vm.check_finished)
    assert (reason, headline) == ("quota", "Quota or rate limit reached")
    assert "wait a minute" in message
    assert emulator.stats.handshakes_rejected == 1  # a check never retries into a rate limit


def test_connection_access_denied_and_network(qtbot: Any, qloop: Any, emulator: Any) -> None:
    emulator.faults.update(reject_handshake=403)
    dialog = _dialog(qtbot, base_url=emulator.base_url)
    dialog.key_edit.setText(emulator.api_key)
    reason, _headline, message = _click_and_wait(qtbot, dialog, dialog.test_button, dialog.vm.check_finished)
    assert reason == "no_access"
    assert "Model Studio console" in message

    offline = _dialog(qtbot, base_url="http://127.0.0.1:9")  # discard port: nothing listens
    offline.key_edit.setText(emulator.api_key)
    reason, headline, _message = _click_and_wait(qtbot, offline, offline.test_button, offline.vm.check_finished)
    assert (reason, headline) == ("network", "Network problem")


def test_factory_shows_dialog_and_reports_saved_region(qtbot: Any, qloop: Any) -> None:
    changed: list[Settings] = []
    settings = Settings()
    dialog = open_api_key_dialog(None, settings, SecretStore(), on_settings=changed.append)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    dialog.region_buttons[Region.BEIJING].click()
    dialog.key_edit.setText(BEIJING_KEY)
    _click_and_wait(qtbot, dialog, dialog.save_button, dialog.vm.save_finished)
    assert changed == [dataclasses.replace(settings, region="beijing")]
