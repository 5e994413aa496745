"""Composition root of the desktop application: the one place that wires every layer together.

``run_gui(demo, self_test)`` does, in this order:

1. checks there is a display (or forces offscreen for ``--self-test``) and that the Qt binding is usable;
2. logging: a rotating, redacted file in the platform log folder (``store.logging_setup``);
3. the QApplication, its translations (English, Simplified Chinese) and the light/dark theme following the system;
4. one excepthook: any unexpected error is logged with its traceback and shown as a non-modal notice;
5. settings (typed, versioned JSON), secrets (OS keyring), the session journal (SQLite);
6. services: in demo mode the emulator is embedded on 127.0.0.1:0 in the same qasync loop. Starting with no API
   key (neither ``DASHSCOPE_API_KEY`` nor the keyring) is demo mode too, so a first start always lands in
   something that works; saving a key later switches to the real service;
7. view-models (LiveSessionViewModel driving ``services.live_session.LiveSession``);
8. windows (main window, presentation window on demand), then the welcome screen when there was no key
   ("Enter your key" or "Try the demo"), then the crash-recovery offer;
9. the qasync loop runs until the window closes; shutdown finishes an active session properly
   (session.finish → session.finished), saves settings and closes the journal.

``--self-test`` runs steps 1–8 offscreen, plays the bundled speech sample through the Live tab instead of a
microphone, checks that captions appeared and translated audio was produced, prints one JSON line of timings and
exits 0 (non-zero with a reason otherwise).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import sys
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

_log = logging.getLogger("interpreter.app")

#: Self-test budget: the sample is ~6 s of speech played in real time, plus connect and finish. 60 s leaves room
#: for a loaded CI machine while still failing a hung run.
SELF_TEST_TIMEOUT_S = 60.0
SAMPLE_WAV = ("samples", "speech_en_16k.wav")
NO_DISPLAY_MESSAGE = "No display found: run with a desktop session, or use `live-interpreter live` for headless use"


def _display_problem(self_test: bool) -> str | None:
    """A sentence when no window can be shown; None when fine. Self-test always renders offscreen."""
    if self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return NO_DISPLAY_MESSAGE
    return None


def _binding_problem() -> str | None:
    """PySide6 6.12.0 wheels drop a reference to None/True/False on every void call under Python < 3.12, which
    aborts the interpreter within seconds of painting ("deallocating None"); refuse to start with a clear word."""
    import PySide6

    if PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12):
        return (
            "PySide6 6.12.0 crashes on Python 3.11; install PySide6-Essentials 6.11 "
            "(pip install 'PySide6-Essentials<6.12') or use Python 3.12+."
        )
    return None


def run_gui(demo: bool = False, self_test: bool = False) -> int:
    """Open the desktop application (see the module docstring); returns the process exit code."""
    problem = _display_problem(self_test)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    os.environ.setdefault("QT_API", "pyside6")  # qasync must pick PySide6, not another binding it finds first
    problem = _binding_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    t0 = time.monotonic()

    from interpreter.store.logging_setup import configure_logging

    log_file = configure_logging()
    _log.info("starting (demo=%s, self_test=%s), log %s", demo, self_test, log_file)

    import qasync
    from PySide6.QtWidgets import QApplication

    from interpreter.ui.theme import follow_system_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Live Interpreter")
    app.setOrganizationName("LiveInterpreter")
    app.setDesktopFileName("live-interpreter")
    # The shell decides when the app ends: after the main window closed it still awaits steps (finish the session,
    # save settings, stop the emulator). Qt's default would stop the loop, and those steps, at the last window.
    app.setQuitOnLastWindowClosed(False)
    follow_system_theme(app)

    shell = _Shell(app, demo=demo, self_test=self_test, t0=t0)
    try:
        # asyncio.Runner (3.11+) takes the loop factory; a plain asyncio.run would never pump Qt.
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(shell.main())
    finally:
        from interpreter.store.logging_setup import shutdown_logging

        shutdown_logging()


class _Shell:
    """Holds what the composition root built, so shutdown can release it in reverse order."""

    def __init__(self, app: Any, *, demo: bool, self_test: bool, t0: float) -> None:
        self.app = app
        self.demo = demo or self_test  # the self-test never spends real money: it always runs on the emulator
        # True when demo mode was chosen for the user because no key was found (not by --demo): saving a key in
        # the API key dialog then switches to the real service.
        self.auto_demo = False
        self.welcome: Any = None
        self.self_test = self_test
        self.t0 = t0
        self.window: Any = None
        self.presentation: Any = None
        self.emulator: Any = None
        self.journal: Any = None
        self.vm: Any = None
        self.settings: Any = None
        self.secrets: Any = None

    async def main(self) -> int:
        from interpreter.core.catalog import load_catalog
        from interpreter.store.journal import SessionJournal
        from interpreter.store.secrets import SecretStore
        from interpreter.store.settings import load_settings
        from interpreter.ui.i18n import install_translations
        from interpreter.ui.main_window import MainWindow
        from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

        self._install_excepthook()
        loaded = load_settings()
        self.settings = loaded.settings
        install_translations(self.app, self.settings.ui_language)  # before any window: tr() runs in constructors
        self.secrets = SecretStore()
        self.journal = SessionJournal()
        if not self.demo and self._api_key() is None:
            self.demo = self.auto_demo = True
            _log.info("no API key found: starting in demo mode with the welcome screen")
        if self.demo:
            from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer

            # Faster than real time is not wanted here: demo output should feel like the real service.
            self.emulator = EmulatorServer(api_keys=(DEMO_API_KEY,))
            await self.emulator.start()
        environment = self._environment()
        self.vm = LiveSessionViewModel(load_catalog(), environment, _options_from_settings(self.settings))
        self.window = MainWindow(self.vm, demo=self.demo, open_dialog=self._open_dialog)
        self.window.restore_geometry(self.settings.window_geometry)
        self.window.presentation_requested.connect(self._show_presentation)
        self.window.export_requested.connect(self._export_last)
        self.window.language_requested.connect(self._language_chosen)
        self.window.set_language_choice(self.settings.ui_language)
        self.window.live_tab.captions.set_font_size(self.settings.caption_font_size)
        closed = asyncio.get_running_loop().create_future()
        self.window.destroyed.connect(lambda *_: closed.done() or closed.set_result(None))
        self.window.geometry_changed.connect(lambda blob: self._closing(bytes(blob.data()), closed))
        self.window.show()
        window_shown_ms = (time.monotonic() - self.t0) * 1000
        for notice in (*loaded.notices, *self.journal.notices, *self.vm.pricing_notices):
            self.window.show_notice(notice, "warning")
        if self.auto_demo and not self.self_test:
            from interpreter.ui.dialog_launcher import open_dialog

            # Kept referenced for the app's life; "Enter your key" opens the API key dialog.
            self.welcome = open_dialog("welcome", self.window, shell=self)
        self._offer_recovery()
        # Everything built so far (Qt wrappers, catalogs, modules) lives as long as the app: move it out of the
        # cyclic GC's generations so a full collection late in a long session does not walk it (a stall the
        # captions would show).
        gc.freeze()
        try:
            if self.self_test:
                return await self._self_test(window_shown_ms)
            await closed
            return 0
        finally:
            await self._shutdown()

    # --- services -------------------------------------------------------------------------------------------------
    def _api_key(self) -> str | None:
        from interpreter.store.secrets import resolve_api_key

        key, _source = resolve_api_key(None, self.settings.region, self.secrets)
        return key

    def current_endpoint(self) -> Any:
        """The ``Endpoint`` new sessions use: the embedded emulator in demo mode, else the service with the key
        found (argument, environment, keyring); None when there is no key."""
        from interpreter.ui.viewmodels.environment import Endpoint

        if self.demo and self.emulator is not None:
            from interpreter.emulator.server import DEMO_API_KEY

            return Endpoint(DEMO_API_KEY, self.emulator.base_url, self.settings.region, demo=True)
        key = self._api_key()
        return Endpoint(key, self.settings.base_url, self.settings.region) if key else None

    def preview_endpoint(self) -> tuple[str, str | None, str] | None:
        """(api_key, base_url, region) for the voices dialog's previews; None when there is no key."""
        found = self.current_endpoint()
        return (found.api_key, found.base_url, found.region) if found is not None else None

    def api_key_changed(self) -> None:
        """Leave the automatic demo once a real key can be found (never leaves an explicit ``--demo``)."""
        if self.auto_demo and self._api_key() is not None:
            self.demo = self.auto_demo = False
            self.window.set_demo(False)
            self.window.show_notice(
                translate("Shell", "Your key is saved: new sessions use the real service and are billed."), "info"
            )

    def _environment(self) -> Any:
        from interpreter.errors import AuthenticationError
        from interpreter.ui.viewmodels.environment import NO_OUTPUT, Endpoint, LiveEnvironment, check_device_echo
        from interpreter.ui.viewmodels.live_options import Choice
        from interpreter.ui.viewmodels.visual import visual_choices, visual_spec

        def endpoint() -> Endpoint:
            found: Endpoint | None = self.current_endpoint()
            if found is None:
                raise AuthenticationError(
                    "No API key is set: add your DashScope key in Settings → API key, "
                    "or start with --demo to try the app offline."
                )
            return found

        def open_audio_source(options: Any) -> Any:
            if self.self_test:
                from interpreter.media.files import decode_audio
                from interpreter.media.pacing import PacedPcmSource

                return PacedPcmSource(decode_audio(_sample_path()))
            from interpreter.media.microphone import Microphone

            return _MicrophoneBlocks(Microphone(options.input_device or None))

        def open_playback(options: Any) -> Any:
            monitor = False if options.output_device == NO_OUTPUT else (options.output_device or None)
            if self.self_test or (monitor is False and not options.second_output_device):
                return None  # the self-test counts received audio; nothing to hear offscreen
            from interpreter.media.player import VoicePlayer

            return VoicePlayer(
                monitor,
                options.second_output_device or False,
                monitor_volume=options.output_volume,
                second_volume=options.second_output_volume,
                target_ms=self.settings.jitter_target_ms,
            )

        def devices(kind: str) -> list[Choice]:
            if self.self_test:
                label = (
                    translate("Shell", "Bundled speech sample")
                    if kind == "input"
                    else translate("Shell", "System default")
                )
                return [Choice("", label)]
            from interpreter.errors import MediaError
            from interpreter.media.devices import list_devices

            try:
                found = list_devices(kind)  # type: ignore[arg-type]
            except MediaError as exc:
                _log.warning("listing %s devices failed: %s", kind, exc)
                found = []
            # The stable id (host API + name) is what the settings remember; PortAudio indexes change.
            return [Choice("", translate("Shell", "System default"))] + [Choice(d.device_id, d.label) for d in found]

        def open_image_source(options: Any) -> Any:
            if not options.visual_source:
                return None
            from interpreter.media.frames import open_visual_source

            return open_visual_source(visual_spec(options.visual_source))

        return LiveEnvironment(
            endpoint=endpoint,
            open_audio_source=open_audio_source,
            open_playback=open_playback,
            open_image_source=open_image_source,
            input_devices=lambda: devices("input"),
            output_devices=lambda: devices("output"),
            visual_sources=visual_choices,
            journal=self.journal,
            gate_config=_gate_config(self.settings.frame_gate),
            # The self-test's audio is the bundled sample, not a microphone: no echo path to check.
            echo_check=None if self.self_test else check_device_echo,
        )

    # --- windows and dialogs --------------------------------------------------------------------------------------
    def _show_presentation(self) -> None:
        from interpreter.ui.presentation_window import PresentationWindow, options_from_settings

        if self.presentation is None:
            self.presentation = PresentationWindow(self.vm.captions, options_from_settings(self.settings.presentation))
        self.presentation.present()

    def _open_dialog(self, name: str) -> None:
        from interpreter.ui.dialog_launcher import open_dialog

        open_dialog(name, self.window, shell=self)

    def _language_chosen(self, language: str) -> None:
        """Remember the UI language; Qt widgets take their texts at construction, so it applies on restart."""
        from interpreter.errors import InterpreterError
        from interpreter.store.settings import save_settings

        if language == self.settings.ui_language:
            return
        self.settings = replace(self.settings, ui_language=language)
        try:
            save_settings(self.settings)
        except InterpreterError as exc:
            self.window.show_notice(exc.user_message, "error")
            return
        self.window.show_notice(
            translate("Shell", "The new language applies the next time you start Live Interpreter."), "info"
        )

    def _export_last(self) -> None:
        from interpreter.ui.history import export_session_interactively

        session_id = self.vm.journal_session_id
        if session_id is None:
            sessions = self.journal.list_sessions()
            session_id = sessions[0].id if sessions else None
        if session_id is None:
            self.window.show_notice(translate("Shell", "There is no session to export yet."), "info")
            return
        export_session_interactively(self.window, self.journal, session_id)

    def _offer_recovery(self) -> None:
        from interpreter.ui.history import recovery_text

        unfinished = self.journal.unfinished_sessions()
        if not unfinished:
            return
        last = unfinished[0]

        def recover() -> None:
            from interpreter.ui.history import export_session_interactively

            self.journal.mark_recovered(last.id)
            export_session_interactively(self.window, self.journal, last.id)

        self.window.show_notice(
            recovery_text(last), "warning", action_text=translate("Shell", "Recover…"), action=recover
        )

    # --- excepthook -----------------------------------------------------------------------------------------------
    def _install_excepthook(self) -> None:
        def hook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
            _log.error("unexpected error", exc_info=(exc_type, exc, tb))
            if self.window is not None:
                from interpreter.errors import InterpreterError

                text = (
                    exc.user_message
                    if isinstance(exc, InterpreterError)
                    else translate(
                        "Shell", "Something went wrong inside the app; it was written to the log. You can keep working."
                    )
                )
                self.window.show_notice(text, "error")

        sys.excepthook = hook
        asyncio.get_running_loop().set_exception_handler(
            lambda _loop, context: hook(
                type(context.get("exception") or RuntimeError(context.get("message"))),
                context.get("exception") or RuntimeError(str(context.get("message"))),
                None,
            )
        )

    # --- shutdown -------------------------------------------------------------------------------------------------
    def _closing(self, geometry: bytes, closed: asyncio.Future[None]) -> None:
        self.settings = replace(self.settings, window_geometry=geometry)
        if not closed.done():
            closed.set_result(None)

    async def _shutdown(self) -> None:
        from interpreter.errors import InterpreterError
        from interpreter.store.settings import save_settings
        from interpreter.ui.viewmodels.live_options import settings_with_options

        if self.vm is not None:
            await self.vm.shutdown()
            self.settings = settings_with_options(self.settings, self.vm.options)
            if self.window is not None:
                self.settings = replace(self.settings, caption_font_size=self.window.live_tab.captions.font_size())
        try:
            save_settings(self.settings)
        except InterpreterError as exc:
            _log.error("saving settings failed: %s", exc)
        if self.presentation is not None:
            self.presentation.close()
        if self.journal is not None:
            self.journal.close()
        if self.emulator is not None:
            await self.emulator.stop()

    # --- self-test ------------------------------------------------------------------------------------------------
    async def _self_test(self, window_shown_ms: float) -> int:
        vm = self.vm
        started = time.monotonic()
        first_caption: list[float] = []
        vm.captions.rowsInserted.connect(lambda *_: first_caption or first_caption.append(time.monotonic()))
        result: dict[str, Any] = {"window_shown_ms": round(window_shown_ms, 1)}
        try:
            ok = await asyncio.wait_for(vm.start_session(), SELF_TEST_TIMEOUT_S)
            result["session_ready_ms"] = round((time.monotonic() - started) * 1000, 1)
            if not ok:
                return _self_test_failed(result, "the session did not start")
            await asyncio.wait_for(_until_idle(vm), SELF_TEST_TIMEOUT_S)  # the sample ends → session finishes
            if vm.phase.value == "failed":
                return _self_test_failed(result, "the session failed")
        except TimeoutError:
            return _self_test_failed(result, f"no result within {SELF_TEST_TIMEOUT_S:.0f} s")
        if not first_caption:
            return _self_test_failed(result, "no caption appeared")
        result["first_caption_ms"] = round((first_caption[0] - started) * 1000, 1)
        result["captions"] = vm.captions.rowCount()
        result["audio_bytes"] = vm.audio_bytes
        if vm.audio_bytes == 0:
            return _self_test_failed(result, "no translated audio was produced")
        result["ok"] = True
        print(json.dumps(result), flush=True)
        return 0


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``, imported on use (this module must not load Qt before the display check).
    pyside6-lupdate extracts every literal ``translate("Shell", "...")`` call in this file."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


def _self_test_failed(result: dict[str, Any], reason: str) -> int:
    result.update(ok=False, reason=reason)
    print(json.dumps(result), flush=True)
    return 1


async def _until_idle(vm: Any) -> None:
    """Wait for the view-model's ``session_finished`` (at once when no session is active)."""
    if not vm.is_active:
        return
    finished = asyncio.get_running_loop().create_future()
    vm.session_finished.connect(lambda: finished.done() or finished.set_result(None))
    await finished


class _MicrophoneBlocks:
    """Adapts ``media.microphone.Microphone`` (an async context manager) to a plain async iterable of blocks."""

    def __init__(self, microphone: Any) -> None:
        self._microphone = microphone

    def __aiter__(self) -> Any:
        return self._run()

    async def _run(self) -> Any:
        async with self._microphone as mic, contextlib.aclosing(aiter(mic)) as blocks:
            async for block in blocks:
                yield block


def _sample_path() -> Path:
    with resources.as_file(resources.files("interpreter.resources").joinpath(*SAMPLE_WAV)) as path:
        return Path(path)


def _options_from_settings(settings: Any) -> Any:
    from interpreter.ui.dialog_launcher import hotwords_of
    from interpreter.ui.viewmodels.live_options import LiveOptions

    return LiveOptions(
        model=settings.model,
        source_language=settings.source_language or "",
        target_language=settings.target_language,
        audio_output=settings.audio_output,
        voice=settings.voice_for(settings.model) or "",
        glossary_name=settings.glossary or "",
        hotwords=hotwords_of(settings.glossary),
        input_device=settings.input_device or "",
        output_device=settings.monitor.device or "",
        second_output_device=(settings.audience.device or "") if settings.audience.enabled else "",
        output_volume=settings.monitor.volume,
        second_output_volume=settings.audience.volume,
        # settings.visual_source is not restored (nor saved, see live_options.settings_with_options): capturing a
        # camera or the screen always takes a fresh choice by the presenter.
    )


def _gate_config(frame_gate: Any) -> Any:
    """``media.gate.GateConfig`` from ``settings.frame_gate`` (same units; the settings loader already bounds each
    value within what GateConfig accepts). Built here so no view imports media (and OpenCV) for it."""
    from interpreter.media.gate import GateConfig

    return GateConfig(
        max_fps=frame_gate.max_fps,
        change_threshold=frame_gate.scene_change_threshold,
        keepalive_s=frame_gate.keepalive_s,
        max_height=frame_gate.max_height,
        # GateConfig counts bytes in SI units like the service's documented limit (SERVICE_MAX_BYTES = 500_000 for
        # "500 KB"), so a kilobyte here is 1000 bytes.
        max_bytes=frame_gate.max_jpeg_kb * 1000,
    )
