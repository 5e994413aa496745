"""Composition root of the desktop application: the one place that wires every layer together.

``run_gui(demo, self_test)`` checks the display and the Qt binding, then builds ``app_context.AppContext`` (typed:
settings owner, secrets, journal, demo emulator, view-models, windows) and runs it; what the command line and the
window share (key, region, endpoint, demo emulator, devices, logging) is ``interpreter.bootstrap``. In order:

1. checks there is a display (or forces offscreen for ``--self-test``) and that the Qt binding is usable;
2. logging: a rotating, redacted file in the platform log folder (``store.logging_setup``);
3. the QApplication, its translations (English, Simplified Chinese) and the light/dark theme following the system;
4. one excepthook: any unexpected error is logged with its traceback and shown as a non-modal notice;
5. settings (typed, versioned JSON, one owner that saves off the Qt thread: ``store.settings_owner``), secrets
   (OS keyring), the session journal (SQLite);
6. services: in demo mode the emulator is embedded on 127.0.0.1:0 in the same qasync loop. Starting with no API
   key (neither ``DASHSCOPE_API_KEY`` nor the keyring) is demo mode too, so a first start always lands in
   something that works; saving a key later switches to the real service;
7. view-models (LiveSessionViewModel driving ``services.live_session.LiveSession``);
8. windows (main window, presentation window on demand), then the welcome screen when there was no key
   ("Enter your key" or "Try the demo"), then the crash-recovery offer;
9. the qasync loop runs until the window closes; shutdown finishes an active session properly
   (session.finish → session.finished), saves settings and closes the journal.

``--self-test`` runs steps 1–8 offscreen, then ``interpreter.self_test.run_self_test`` (the bundled speech sample
through the Live tab, one JSON line of timings, exit 0 when ``"ok": true``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time

_log = logging.getLogger("interpreter.app")

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

    from interpreter.bootstrap import setup_logging

    log_file, log_problem = setup_logging()
    _log.info("starting (demo=%s, self_test=%s), log %s", demo, self_test, log_file)
    if log_problem is not None:
        print(log_problem, file=sys.stderr)

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

    from interpreter.app_context import AppContext

    context = AppContext(app, demo=demo, self_test=self_test, t0=t0)
    try:
        # asyncio.Runner (3.11+) takes the loop factory; a plain asyncio.run would never pump Qt.
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            return runner.run(context.main())
    finally:
        from interpreter.store.logging_setup import shutdown_logging

        shutdown_logging()
