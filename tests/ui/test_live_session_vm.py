"""The real main window driving the real LiveSession against the emulator: start, captions, stop keeping the last
sentence, reconnect shown in place, journal written, presentation window, export, crash recovery, the translated
voice played response by response without underruns, and the echo guard shown in place."""

from __future__ import annotations

import math
import threading
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from interpreter.core.catalog import load_catalog
from interpreter.media.files import decode_audio
from interpreter.media.pacing import PacedPcmSource
from interpreter.media.player import VoicePlayer
from interpreter.store.journal import SessionJournal
from interpreter.ui.main_window import MainWindow
from interpreter.ui.presentation_window import PresentationWindow
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment, check_device_echo
from interpreter.ui.viewmodels.history import export_session
from interpreter.ui.viewmodels.live_options import Choice, LiveOptions
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel, SessionPhase
from tests.fakes.pulse import MIC_SOURCE, SPEAKER_SINK, PulseDaemon, shared_pulse_daemon
from tests.fakes.sounddevice_fake import FakeDevice, FakeSoundDevice
from tests.ui.conftest import run_coro

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
    qtbot.waitUntil(lambda: window.live_tab.banner.isVisible(), timeout=20_000)
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
    assert window.banner.isHidden(), "shown once, in the Live tab: not in the window's banner as well"


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


class _RecordingPlayer(VoicePlayer):
    """The real player (on a fake output device) counting the response ends it is told about before it stops."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.responses_ended = 0
        self._stopping = False

    def end_of_response(self) -> None:
        if not self._stopping:  # stop() ends the stream itself; only the session's calls are counted
            self.responses_ended += 1
        super().end_of_response()

    async def stop(self, **kwargs: Any) -> None:
        self._stopping = True
        await super().stop(**kwargs)


#: Jitter-buffer target for the playback test: above the 80 ms default so a stall of the emulator's thread on a
#: loaded machine cannot starve a response mid-way; the boundary between responses is what is tested.
PLAYBACK_TEST_TARGET_MS = 200


def test_voice_is_played_response_by_response_without_underruns(
    qtbot: Any, qloop: Any, make_emulator: Any, speech_wav: Path
) -> None:
    emulator = make_emulator(speed=2.0)
    speaker = FakeSoundDevice([FakeDevice("Speakers", inputs=0, outputs=2, rate=48000)], default=(0, 0))
    players: list[_RecordingPlayer] = []

    def open_playback(_options: LiveOptions) -> _RecordingPlayer:
        players.append(_RecordingPlayer(0, sd=speaker, target_ms=PLAYBACK_TEST_TARGET_MS))
        return players[-1]

    env = LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=lambda _o: PacedPcmSource(decode_audio(speech_wav), speed=2.0),
        open_playback=open_playback,
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions())
    segments: list[Any] = []
    vm.segment_finalized.connect(segments.append)
    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        vm.start()
    output = players[0].outputs[0]  # kept: stopping the player empties its list of outputs
    with qtbot.waitSignal(vm.session_finished, timeout=40_000):
        pass  # the sample ends; the session finishes by itself and the player drains
    stats = output.stats().jitter

    assert segments and players[0].responses_ended == len(segments), "one end per spoken response"
    assert stats.underruns == 0, stats
    # 48 kHz device: every received 24 kHz sample was played (the resampler's tail included, within a block).
    assert stats.played_ms == pytest.approx(vm.audio_bytes / 2 / 24, abs=50)
    assert stats.buffered_ms == 0 and not stats.playing


def test_no_audio_output_starts_anyway_and_says_once_that_the_voice_is_saved_not_played(
    qtbot: Any, qloop: Any, make_emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    emulator = make_emulator(speed=4.0)
    no_outputs = FakeSoundDevice([FakeDevice("USB Microphone", inputs=1, outputs=0, rate=48000)], default=(0, -1))
    journal = SessionJournal(tmp_path / "journal.sqlite3")
    env = LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=lambda _o: PacedPcmSource(decode_audio(speech_wav), speed=4.0),
        open_playback=lambda _o: VoicePlayer(None, sd=no_outputs),  # the system default output: there is none
        journal=journal,
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions())
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    window.show()
    notices: list[tuple[str, str]] = []
    vm.notice_posted.connect(lambda level, text: notices.append((level, text)))

    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        window.live_tab.start_button.click()
    assert vm.phase == SessionPhase.LIVE, "captions alone are worth a session"
    said = [text for _level, text in notices if "not played" in text]
    assert len(said) == 1 and "saved" in said[0] and "No audio output device" in said[0]
    assert window.live_tab.banner.isVisible() and "not played" in window.live_tab.banner.label.text()
    assert not window.banner.isVisible(), "each notice in one place: not the window's banner too"

    with qtbot.waitSignal(vm.session_finished, timeout=40_000):
        pass  # the sample ends; the session finishes by itself
    assert vm.audio_bytes > 0 and vm.captions.rowCount() > 0
    info = journal.session(vm.journal_session_id)
    assert info is not None and info.audio_bytes == vm.audio_bytes, "the voice is kept in the journal"
    assert len([text for _level, text in notices if "not played" in text]) == 1
    journal.close()


def _echo_window(qtbot: Any, make_emulator: Any, speech_wav: Path, sd: Any, options: LiveOptions) -> Any:
    emulator = make_emulator(speed=8.0)
    env = LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=lambda _o: PacedPcmSource(decode_audio(speech_wav), speed=8.0),
        echo_check=lambda o: check_device_echo(o, sd=sd),
    )
    vm = LiveSessionViewModel(load_catalog(), env, options)
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    window.show()
    return vm, window


def test_echo_warning_is_shown_in_place_at_start_and_cleared_by_another_microphone(
    qtbot: Any, qloop: Any, make_emulator: Any, speech_wav: Path
) -> None:
    devices = FakeSoundDevice(
        [
            FakeDevice("Built-in Microphone", inputs=1, outputs=0),
            FakeDevice("Monitor of Speakers", inputs=2, outputs=0),
            FakeDevice("Speakers", inputs=0, outputs=2),
        ],
        default=(0, 2),
    )
    vm, window = _echo_window(
        qtbot, make_emulator, speech_wav, devices, LiveOptions(input_device="FakeAPI:Monitor of Speakers")
    )
    notice = window.live_tab.echo_notice
    with qtbot.waitSignal(vm.echo_checked, timeout=10_000) as checked:
        window.live_tab.start_button.click()
    assert "translated again" in checked.args[0]
    assert notice.isVisible() and checked.args[0] in notice.label.text()
    assert notice.property("level") == "warning"
    assert not window.live_tab.banner.isVisible(), "the echo notice does not take the session's notice strip"
    qtbot.waitUntil(lambda: vm.phase == SessionPhase.LIVE, timeout=20_000)  # a warning, not a refusal
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        vm.stop()

    with qtbot.waitSignal(vm.echo_checked, timeout=10_000) as checked:
        vm.update_options(input_device="FakeAPI:Built-in Microphone")
    assert checked.args[0] == "" and not notice.isVisible()

    # The same device pair again, but text only: no voice is played, so nothing can echo.
    vm.update_options(input_device="FakeAPI:Monitor of Speakers", audio_output=False)
    qtbot.waitUntil(lambda: vm.echo_warning == "" and not notice.isVisible(), timeout=10_000)
    with qtbot.waitSignal(vm.echo_checked, timeout=10_000) as checked:
        vm.update_options(audio_output=True)
    assert "translated again" in checked.args[0] and notice.isVisible()


@pytest.fixture(scope="session")
def pulse_devices() -> Iterator[PulseDaemon]:
    """Real PortAudio devices on the private PulseAudio shared with the media and cli tests."""
    with shared_pulse_daemon() as daemon:
        yield daemon


@pytest.mark.audio
def test_echo_guard_sees_a_microphone_that_records_the_speaker(
    qtbot: Any, qloop: Any, pulse_devices: PulseDaemon, make_emulator: Any, speech_wav: Path
) -> None:
    vm, window = _echo_window(qtbot, make_emulator, speech_wav, None, LiveOptions())
    pulse = pulse_devices
    pulse.run("pactl", "set-default-source", f"{SPEAKER_SINK}.monitor")  # the default mic now records the speaker
    try:
        with qtbot.waitSignal(vm.echo_checked, timeout=15_000) as checked:
            vm.check_echo()
        assert "translated again" in checked.args[0] and window.live_tab.echo_notice.isVisible()
    finally:
        pulse.run("pactl", "set-default-source", MIC_SOURCE)
    with qtbot.waitSignal(vm.echo_checked, timeout=15_000) as checked:
        vm.check_echo()
    assert checked.args[0] == "" and not window.live_tab.echo_notice.isVisible()


def test_a_bug_in_the_session_is_logged_shown_and_leaves_start_usable(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runs = 0

    async def buggy_source(_options: Any) -> Any:
        nonlocal runs
        runs += 1
        async for block in PacedPcmSource(decode_audio(speech_wav), speed=8.0):
            yield block
            if runs == 1:
                raise RuntimeError("a bug in the audio path")  # not an InterpreterError

    env = LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=buggy_source,
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions())
    with qtbot.waitSignal(vm.error_occurred, timeout=30_000) as error:
        vm.start()
    qtbot.waitUntil(lambda: vm.phase == SessionPhase.FAILED, timeout=10_000)
    assert not vm.is_active, "the window must be able to close"
    assert "internal error" in error.args[0]
    assert "a bug in the audio path" in caplog.text
    # Usable again: the next Start runs a session.
    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        vm.start()
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        vm.stop()


def test_an_os_error_while_starting_becomes_a_notice(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    def unreadable_source(_options: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(tmp_path / "talk.wav"))  # raw, not an InterpreterError

    env = LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=unreadable_source,
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions())
    with qtbot.waitSignal(vm.error_occurred, timeout=20_000) as error:
        vm.start()
    assert vm.phase == SessionPhase.FAILED and not vm.is_active
    assert "Permission denied" in error.args[0]


def test_the_journal_is_the_one_owner_of_a_gui_session(
    qtbot: Any, qloop: Any, make_emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    journal = SessionJournal(tmp_path / "journal.sqlite3")
    vm = LiveSessionViewModel(
        load_catalog(), _environment(make_emulator(speed=8.0), speech_wav, journal, speed=8.0), LiveOptions()
    )
    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        vm.start()
    qtbot.waitUntil(lambda: vm.phase == SessionPhase.IDLE, timeout=30_000)  # the sample ends by itself
    stored = {p.name for p in journal.session_dir(vm.journal_session_id).iterdir()}
    assert not stored & {"transcript.jsonl", "captions.srt", "translation.wav"}, "stored once, by the journal"
    assert journal.segments(vm.journal_session_id)
    journal.close()


def test_device_lists_are_made_off_the_qt_thread_then_fill_the_pickers(qtbot: Any, qloop: Any) -> None:
    listed_on: list[threading.Thread] = []

    def inputs() -> list[Choice]:
        listed_on.append(threading.current_thread())
        return [Choice("", "System default"), Choice("alsa:usb", "USB Mic")]

    def outputs() -> list[Choice]:
        listed_on.append(threading.current_thread())
        return [Choice("", "System default"), Choice("alsa:phones", "Headphones")]

    env = LiveEnvironment(
        endpoint=lambda: Endpoint("sk-unused"),
        open_audio_source=lambda _options: PacedPcmSource([]),
        input_devices=inputs,
        output_devices=outputs,
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions(input_device="alsa:usb"))
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    assert listed_on == [], "building the window asks no audio system"
    assert window.live_tab.input_combo.findData("alsa:usb") < 0
    with qtbot.waitSignal(vm.devices_changed, timeout=10_000):
        vm.request_device_refresh()
    assert len(listed_on) == 2
    assert all(thread is not threading.main_thread() for thread in listed_on), "PortAudio is asked off the Qt thread"
    assert window.live_tab.input_combo.currentData() == "alsa:usb", "the saved microphone is selected once listed"
    assert window.live_tab.output_device_combo.findData("alsa:phones") >= 0
    assert vm.options.input_device == "alsa:usb"


def test_history_export_runs_in_a_worker_thread_on_its_own_connection(
    qtbot: Any, qloop: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interpreter.ui.viewmodels import history

    journal = SessionJournal(tmp_path / "journal.sqlite3")
    sid = journal.start_session({"model": "m", "target_language": "es"})
    journal.append_audio(sid, b"\x01\x00" * 2400)
    journal.append_segment(sid, {"index": 0, "start_ms": 0, "end_ms": 1000, "source": "Hello.", "translation": "Hola."})
    journal.end_session(sid)
    exported_on: list[tuple[threading.Thread, bool]] = []
    real_export = history.export_session

    def recording_export(used: SessionJournal, *args: Any) -> list[Path]:
        exported_on.append((threading.current_thread(), used is journal))
        return real_export(used, *args)

    monkeypatch.setattr(history, "export_session", recording_export)
    written = run_coro(qtbot, qloop, history.HistoryViewModel(journal).export(sid, tmp_path / "out"))
    assert sorted(path.suffix for path in written) == [".srt", ".txt", ".vtt", ".wav"]
    [(thread, same_journal)] = exported_on
    assert thread is not threading.main_thread(), "the copy runs off the Qt thread"
    assert not same_journal, "SQLite connections stay on their thread: the worker opens its own"
    assert "Hola." in (tmp_path / "out" / f"session-{sid}.txt").read_text(encoding="utf-8")
    with wave.open(str(tmp_path / "out" / f"session-{sid}.wav")) as wav:
        assert wav.getnframes() == 2400
    assert journal.session(sid) is not None, "the app's own connection still works after the export"
    journal.close()
