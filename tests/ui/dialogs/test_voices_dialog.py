"""Voices dialog with real widgets: catalog voices per model, target-language filtering with reasons, cloning rules
(messages from protocol.config), settings round trip, and a preview through a real emulator session."""

from __future__ import annotations

import asyncio
import dataclasses
import math
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from interpreter.core.catalog import load_catalog
from interpreter.core.pcm import VOICE_RATE
from interpreter.protocol.config import VoiceClone
from interpreter.services.voice_preview import VoicePreviewer, preview_snippet
from interpreter.store.settings import Settings
from interpreter.transport.endpoints import Region
from interpreter.ui.dialogs.voices import VoicesDialog, VoicesViewModel, apply_selection, open_voices_dialog

pytestmark = pytest.mark.gui

QWEN3 = "qwen3-livetranslate-flash-realtime"
QWEN35 = "qwen3.5-livetranslate-flash-realtime"
WAIT_MS = 30_000


class RecordingPlayer:
    """A working PcmPlayer that keeps what it was asked to play (and takes a loop turn, like a device would)."""

    def __init__(self) -> None:
        self.played: list[tuple[bytes, int]] = []

    async def play(self, pcm: bytes, rate: int) -> None:
        await asyncio.sleep(0)
        self.played.append((pcm, rate))


def _dialog(qtbot: Any, **kw: Any) -> VoicesDialog:
    kw.setdefault("model", QWEN3)
    kw.setdefault("target_language", "en")
    dialog = VoicesDialog(VoicesViewModel(load_catalog(), **kw))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _rows(dialog: VoicesDialog) -> list[tuple[str, bool, str]]:
    """(voice name, enabled, note) per table row."""
    out = []
    for row in range(dialog.table.rowCount()):
        name_item = dialog.table.item(row, 0)
        note_item = dialog.table.item(row, 3)
        enabled = bool(name_item.flags() & Qt.ItemFlag.ItemIsEnabled)
        out.append((name_item.data(Qt.ItemDataRole.UserRole), enabled, note_item.text()))
    return out


def test_qwen3_voices_with_descriptions_and_chinese_dialects_disabled_for_english(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot)
    rows = _rows(dialog)
    names = [name for name, _, _ in rows]
    assert names == ["Cherry", "Nofish", "Ethan", "Jada", "Dylan", "Sunny", "Peter", "Kiki", "Eric"]
    enabled = {name for name, ok, _ in rows if ok}
    assert enabled == {"Cherry", "Nofish", "Ethan"}
    dylan = next(r for r in rows if r[0] == "Dylan")
    assert dylan[2] == "Does not speak English."
    assert dialog.table.item(4, 0).toolTip() == "Does not speak English."
    assert "Beijing dialect" in dialog.table.item(4, 1).text()
    assert dialog.table.item(0, 0).text() == "Cherry (default)"
    assert dialog.ok_button.isEnabled()


def test_filter_hides_voices_that_cannot_speak_the_target(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot, target_language="zh")
    assert len(_rows(dialog)) == 9
    dialog.only_speaking.setChecked(True)
    assert "Chinese" in dialog.only_speaking.text()
    assert [name for name, _, _ in _rows(dialog)] == [
        "Cherry",
        "Nofish",
        "Ethan",
        "Jada",
        "Dylan",
        "Sunny",
        "Peter",
        "Eric",
    ]
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("yue"))
    assert [name for name, _, _ in _rows(dialog)] == ["Kiki"]


def test_qwen35_voices_include_names_with_spaces(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData(QWEN35))
    names = [name for name, _, _ in _rows(dialog)]
    assert names == ["Tina", "Cindy", "Liora Mira", "Sunnybobi", "Raymond", "Ethan", "Theo Calm"]
    dialog.table.selectRow(names.index("Liora Mira"))
    assert dialog.vm.selection().voice == "Liora Mira"
    assert dialog.ok_button.isEnabled()


def test_text_only_target_disables_every_voice_with_the_reason(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot, target_language="th")
    rows = _rows(dialog)
    assert not any(ok for _, ok, _ in rows)
    assert "Thai is translated as text only" in rows[0][2]
    assert dialog.notice_label.isVisibleTo(dialog) and "text only" in dialog.notice_label.text()
    assert dialog.ok_button.isEnabled()  # a notice, not an error


def test_switching_target_to_one_the_voice_cannot_speak_is_an_error(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot, target_language="zh", voice="Dylan")
    assert dialog.vm.selection().voice == "Dylan"
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("en"))
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text().startswith("The voice Dylan does not speak English")
    dialog.table.selectRow(2)  # Ethan
    assert dialog.ok_button.isEnabled() and dialog.error_label.text() == ""


def test_cloning_rules_follow_the_protocol(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.clone_buttons[VoiceClone.ONCE].click()
    assert not dialog.table.isEnabled() and not dialog.cloned_id_edit.isEnabled()
    selection = dialog.vm.selection()
    assert (selection.voice_clone, selection.voice) == (VoiceClone.ONCE, None)
    assert dialog.ok_button.isEnabled()

    dialog.clone_buttons[VoiceClone.NEVER].click()
    assert dialog.cloned_id_edit.isEnabled()
    assert not dialog.ok_button.isEnabled()
    assert "enter its voice id" in dialog.error_label.text()
    qtbot.keyClicks(dialog.cloned_id_edit, "Cherry")
    assert "preset voices" in dialog.error_label.text() and not dialog.ok_button.isEnabled()
    dialog.cloned_id_edit.clear()
    qtbot.keyClicks(dialog.cloned_id_edit, "qwen-translate-vc-abc123")
    assert dialog.ok_button.isEnabled()
    assert dialog.vm.selection().voice == "qwen-translate-vc-abc123"

    dialog.clone_buttons[VoiceClone.ALWAYS].click()
    assert dialog.vm.selection().voice is None and dialog.ok_button.isEnabled()


def test_settings_round_trip_through_the_factory(qtbot: Any, qloop: Any) -> None:
    changes: list[Settings] = []
    settings = Settings(model=QWEN35, target_language="de", voices={QWEN35: "Raymond"})
    dialog = open_voices_dialog(None, settings, on_settings=changes.append)
    qtbot.addWidget(dialog)
    assert dialog.vm.voice == "Raymond"
    assert "Preview unavailable" in dialog.preview_label.text()
    dialog.table.selectRow([name for name, _, _ in _rows(dialog)].index("Theo Calm"))
    dialog.ok_button.click()
    assert len(changes) == 1
    assert changes[0].voices == {QWEN35: "Theo Calm"} and changes[0].voice_clone == "off"
    # A cloned-id selection keeps the preset remembered for later.
    clone = dataclasses.replace(
        dialog.vm.selection(), voice_clone=VoiceClone.NEVER, voice="vc-1", cloned_voice_id="vc-1"
    )
    applied = apply_selection(changes[0], clone)
    assert (applied.voice_clone, applied.cloned_voice_id, applied.voices) == ("never", "vc-1", {QWEN35: "Theo Calm"})


def test_preview_unavailable_without_player(qtbot: Any, qloop: Any) -> None:
    dialog = _dialog(qtbot, previewer=VoicePreviewer(api_key="sk-emulator-demo"))
    with qtbot.waitSignal(dialog.vm.preview_finished, timeout=WAIT_MS) as blocker:
        dialog.preview_button.click()
    assert blocker.args == [False, "Preview unavailable: this build has no audio output."]


def test_preview_plays_the_emulator_voice(qtbot: Any, qloop: Any, make_emulator: Callable[..., Any]) -> None:
    emulator = make_emulator(speed=10.0)
    player = RecordingPlayer()
    previewer = VoicePreviewer(
        api_key=emulator.api_key, base_url=emulator.base_url, region=Region.SINGAPORE, speed=math.inf
    )
    dialog = _dialog(qtbot, target_language="zh", previewer=previewer, player=player)
    dialog.table.selectRow(2)  # Ethan
    with qtbot.waitSignal(dialog.vm.preview_finished, timeout=WAIT_MS) as blocker:
        dialog.preview_button.click()
    ok, message = blocker.args
    assert ok, message
    assert "Ethan" in message
    assert len(player.played) == 1
    pcm, rate = player.played[0]
    assert rate == VOICE_RATE and len(pcm) > 0 and len(pcm) % 2 == 0
    assert dialog.preview_button.isEnabled()
    # The emulator heard the built-in sentence with the chosen voice and target.
    record = emulator.sessions[-1]
    types = record.received_types()
    assert types[0] == "session.update" and "input_audio_buffer.append" in types and types[-1] == "session.finish"
    assert len(preview_snippet()) > 16000  # more than half a second of speech at 16 kHz


def test_preview_failure_is_reported(qtbot: Any, qloop: Any, emulator: Any) -> None:
    player = RecordingPlayer()
    previewer = VoicePreviewer(api_key="sk-wrong-key-000000", base_url=emulator.base_url, speed=math.inf)
    dialog = _dialog(qtbot, previewer=previewer, player=player)
    with qtbot.waitSignal(dialog.vm.preview_finished, timeout=WAIT_MS) as blocker:
        dialog.preview_button.click()
    ok, message = blocker.args
    assert not ok and "API key" in message
    assert player.played == []
    assert dialog.preview_label.text() == message
