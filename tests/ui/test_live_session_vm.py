"""The real main window driving the real LiveSession against the emulator: start, captions, stop keeping the last
sentence, reconnect shown in place, journal written, presentation window, export, crash recovery."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from interpreter.core.catalog import load_catalog
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.store.journal import SessionJournal
from interpreter.ui.history import export_session
from interpreter.ui.main_window import MainWindow
from interpreter.ui.presentation_window import PresentationWindow
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
from interpreter.ui.viewmodels.live_options import LiveOptions
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel, SessionPhase

pytestmark = pytest.mark.gui


def _environment(emulator: Any, wav: Path, journal: SessionJournal | None, *, speed: float = 1.0) -> LiveEnvironment:
    return LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=lambda _options: PacedPcmSource(decode_audio(wav), speed=speed),
        journal=journal,
    )


def test_start_captions_stop_keeps_last_sentence_and_journals(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    journal = SessionJournal(tmp_path / "journal.sqlite3")
    vm = LiveSessionViewModel(load_catalog(), _environment(emulator, speech_wav, journal), LiveOptions())
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    window.show()
    segments: list[Any] = []
    vm.segment_finalized.connect(segments.append)

    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        window.live_tab.start_button.click()
    assert vm.phase == SessionPhase.LIVE
    assert window.connection_label.text() == "Connected"
    assert not window.live_tab.model_combo.isEnabled(), "settings are locked while live"
    qtbot.waitUntil(lambda: vm.captions.rowCount() > 0, timeout=20_000)

    # Stop mid-speech: session.finish → session.finished, so the open sentence is finalised, not lost.
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        window.live_tab.start_button.click()
    assert vm.phase == SessionPhase.IDLE
    assert segments, "the sentence being spoken when Stop was pressed must be kept"
    last = vm.captions.row(-1)
    assert last.final and last.translation_display
    assert vm.audio_bytes > 0

    info = journal.session(vm.journal_session_id)
    assert info is not None and info.clean and info.segment_count == len(segments)
    written = export_session(journal, vm.journal_session_id, tmp_path / "export")
    assert sorted(p.suffix for p in written) == [".srt", ".txt", ".vtt", ".wav"]
    assert "-->" in (tmp_path / "export" / f"session-{vm.journal_session_id}.srt").read_text(encoding="utf-8")
    journal.close()


def test_reconnect_is_shown_in_place_not_as_a_dialog(
    qtbot: Any, qloop: Any, make_emulator: Any, speech_wav: Path
) -> None:
    emulator = make_emulator()
    emulator.faults.update(drop_after_messages=30)  # ~1 s of audio, then the TCP connection dies
    vm = LiveSessionViewModel(load_catalog(), _environment(emulator, speech_wav, None), LiveOptions())
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    window.show()
    phases: list[SessionPhase] = []
    vm.phase_changed.connect(phases.append)
    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        vm.start()
    qtbot.waitUntil(lambda: SessionPhase.RECONNECTING in phases, timeout=20_000)
    emulator.faults.clear()
    qtbot.waitUntil(lambda: window.live_tab.banner.isVisible(), timeout=5_000)
    assert "reconnect" in window.live_tab.banner.label.text().lower()
    qtbot.waitUntil(lambda: vm.phase == SessionPhase.LIVE, timeout=30_000)
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        vm.stop()
    assert vm.captions.rowCount() > 0


def test_bad_key_becomes_a_notice(qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path) -> None:
    env = LiveEnvironment(
        endpoint=lambda: Endpoint("sk-wrong-key-0000000000", emulator.base_url),
        open_audio_source=lambda _o: PacedPcmSource(decode_audio(speech_wav), speed=math.inf),
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions())
    window = MainWindow(vm)
    qtbot.addWidget(window)
    with qtbot.waitSignal(vm.error_occurred, timeout=20_000) as error:
        vm.start()
    assert vm.phase == SessionPhase.FAILED
    assert error.args[0] and not window.live_tab.banner.isHidden()
    assert "API key" in window.live_tab.banner.label.text()


def test_presentation_window_shows_newest_translation(qtbot: Any, qloop: Any) -> None:
    from tests.ui.helpers import caption

    vm = LiveSessionViewModel(load_catalog(), LiveEnvironment(endpoint=lambda: Endpoint("k"), open_audio_source=list))
    presentation = PresentationWindow(vm.captions)
    qtbot.addWidget(presentation)
    presentation.present()
    vm.captions.append_row(caption(0, "Hola", "Hello", final=True))
    vm.captions.append_row(caption(1, "Adiós", "Good", translation_stash="bye"))
    assert presentation.visible_captions()[-1].translation_display == "Goodbye"
    assert presentation.windowFlags() & presentation.windowFlags().WindowStaysOnTopHint
    presentation.toggle_source()
    assert presentation.options.show_source
    image = presentation.grab().toImage()
    assert image.width() > 0


def test_recovery_offered_for_a_session_left_by_a_killed_process(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "journal.sqlite3"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from interpreter.store.journal import SessionJournal\n"
        f"j = SessionJournal(Path({str(db)!r}))\n"
        "sid = j.start_session({'model': 'qwen3-livetranslate-flash-realtime', 'target_language': 'en'})\n"
        "j.append_segment(sid, {'index': 0, 'start_ms': 0, 'end_ms': 1500, 'source': 'Hola', "
        "'translation': 'Hello'})\n"
        "j.append_audio(sid, b'\\x00\\x01' * 2400)\n"
        "os._exit(9)  # killed: no end_session, no close\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2], timeout=30)
    assert proc.returncode == 9
    from interpreter.ui.history import recovery_text

    journal = SessionJournal(db)
    unfinished = journal.unfinished_sessions()
    assert len(unfinished) == 1
    assert "1 segments" in recovery_text(unfinished[0]) or "1 segment" in recovery_text(unfinished[0])
    written = export_session(journal, unfinished[0].id, tmp_path / "out")
    assert "Hello" in (tmp_path / "out" / f"session-{unfinished[0].id}.txt").read_text(encoding="utf-8")
    assert any(p.suffix == ".wav" for p in written)
    journal.close()
