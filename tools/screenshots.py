#!/usr/bin/env python3
"""Screenshots of the real app in a live demo session, rendered by a real X server (Xvfb).

    python tools/screenshots.py [--out docs/screenshots] [--seconds 5]

Starts a private Xvfb (unless ``--display`` names one), runs the main window against the embedded emulator with
the bundled speech sample as the microphone, opens the presentation window, and saves:
``main-window.png``, ``presentation-window.png`` and ``desktop.png`` (the whole virtual screen).
Exit code 0 when all three were written.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    executable = shutil.which("Xvfb")
    if executable is None:
        raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display and reports it when ready (no fixed sleep, no clash with others).
    proc = subprocess.Popen(
        [executable, "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    return proc, f":{number}"


async def _capture(out: Path, seconds: float) -> None:
    from PySide6.QtGui import QGuiApplication

    from interpreter.core.catalog import load_catalog
    from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer
    from interpreter.media.files import decode_audio
    from interpreter.media.pacing import PacedPcmSource
    from interpreter.ui.main_window import MainWindow
    from interpreter.ui.presentation_window import PresentationOptions, PresentationWindow
    from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
    from interpreter.ui.viewmodels.live_options import Choice, LiveOptions
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

    sample = ROOT / "interpreter" / "resources" / "samples" / "speech_en_16k.wav"
    server = EmulatorServer()
    await server.start()
    try:
        env = LiveEnvironment(
            endpoint=lambda: Endpoint(DEMO_API_KEY, server.base_url, demo=True),
            # Loop the sample so captions keep coming for the whole capture.
            open_audio_source=lambda _o: PacedPcmSource(chunk for _ in range(20) for chunk in decode_audio(sample)),
            input_devices=lambda: [Choice("", "Speech sample (demo)")],
        )
        vm = LiveSessionViewModel(load_catalog(), env, LiveOptions(source_language="en", target_language="zh"))
        window = MainWindow(vm, demo=True)
        window.resize(1280, 800)
        window.move(20, 20)
        window.show()
        presentation = PresentationWindow(vm.captions, PresentationOptions(font_pt=30, show_source=True))
        presentation.resize(1100, 300)
        presentation.move(300, 660)
        if not await vm.start_session():
            raise SystemExit("the demo session did not start")
        await asyncio.sleep(seconds)  # let captions accumulate: this is a capture tool, not a test
        presentation.present()
        await asyncio.sleep(1.0)  # one more caption update and a full paint of the new window
        window.grab().save(str(out / "main-window.png"))
        presentation.grab().save(str(out / "presentation-window.png"))
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(out / "desktop.png"))
        await vm.stop_session()
        presentation.close()
        window.close()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--seconds", type=float, default=5.0, help="session time before the capture")
    parser.add_argument("--display", help="use this X display instead of starting Xvfb")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb = None
    if args.display:
        display = args.display
    else:
        xvfb, display = _start_xvfb()
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("QT_API", "pyside6")
    sys.path.insert(0, str(ROOT))
    try:
        import qasync
        from PySide6.QtWidgets import QApplication

        from interpreter.ui.theme import apply_theme

        app = QApplication([sys.argv[0]])
        apply_theme(app, dark=False)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(_capture(args.out, args.seconds))
        written = [args.out / name for name in ("main-window.png", "presentation-window.png", "desktop.png")]
        missing = [p.name for p in written if not p.exists()]
        if missing:
            print(f"missing: {', '.join(missing)}", file=sys.stderr)
            return 1
        for path in written:
            print(path)
        return 0
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
