#!/usr/bin/env python3
"""Screenshots of the real app in a live demo session, rendered by a real X server (Xvfb).

    python tools/screenshots.py [--out docs/screenshots] [--seconds 5]

Starts a private Xvfb (unless ``--display`` names one), runs the main window against the embedded emulator with
the bundled speech sample as the microphone, opens the presentation window, and saves:
``main-window.png`` (light theme, English UI, a slide as the picture source), ``main-window-dark.png``,
``main-window-zh.png`` (the Simplified Chinese UI), ``presentation-window.png`` and ``desktop.png`` (the whole
virtual screen). Exit code 0 when all of them were written.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ("main-window.png", "main-window-dark.png", "main-window-zh.png", "presentation-window.png", "desktop.png")


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


def _slide(path: Path) -> Path:
    """A synthetic presentation slide (the picture source shown in the Live tab's preview)."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(1280, 720, QImage.Format.Format_RGB888)
    image.fill(QColor("#1f5c9e"))
    painter = QPainter(image)
    painter.setPen(QColor("white"))
    painter.setFont(QFont("DejaVu Sans", 64, QFont.Weight.Bold))
    painter.drawText(QRect(0, 180, 1280, 160), Qt.AlignmentFlag.AlignCenter, "Quarterly results")
    painter.setFont(QFont("DejaVu Sans", 36))
    painter.drawText(QRect(0, 380, 1280, 120), Qt.AlignmentFlag.AlignCenter, "Revenue +12 %  ·  3 new markets")
    painter.end()
    image.save(str(path))
    return path


async def _capture(out: Path, seconds: float) -> None:
    import tempfile

    from PySide6.QtWidgets import QApplication

    from interpreter.emulator.server import EmulatorServer
    from interpreter.ui.i18n import install_translations
    from interpreter.ui.presentation_window import PresentationOptions, PresentationWindow
    from interpreter.ui.theme import apply_theme

    app = QApplication.instance()
    server = EmulatorServer()
    await server.start()
    with tempfile.TemporaryDirectory() as tmp:
        slide = _slide(Path(tmp) / "slides.png")
        try:
            vm, window = await _live_window(server, slide, (20, 20))
            presentation = PresentationWindow(vm.captions, PresentationOptions(font_pt=30, show_source=True))
            presentation.resize(1100, 300)
            presentation.move(300, 660)
            await asyncio.sleep(seconds)  # let captions accumulate: this is a capture tool, not a test
            presentation.present()
            await asyncio.sleep(1.0)  # one more caption update and a full paint of the new window
            window.grab().save(str(out / "main-window.png"))
            presentation.grab().save(str(out / "presentation-window.png"))
            window.screen().grabWindow(0).save(str(out / "desktop.png"))
            apply_theme(app, dark=True)
            await asyncio.sleep(0.5)  # repaint in the dark palette
            window.grab().save(str(out / "main-window-dark.png"))
            apply_theme(app, dark=False)
            await vm.stop_session()
            presentation.close()
            window.close()

            # The Chinese UI: its own session, in a window built after the translator is installed.
            translator = install_translations(app, "zh_CN")
            vm, window = await _live_window(server, slide, (40, 40))
            await asyncio.sleep(seconds)
            window.grab().save(str(out / "main-window-zh.png"))
            await vm.stop_session()
            window.close()
            if translator is not None:
                app.removeTranslator(translator)
        finally:
            await server.stop()


async def _live_window(server: Any, slide: Path, position: tuple[int, int]) -> tuple[Any, Any]:
    """A main window in a live demo session (English speech → Chinese), the slide as its picture source."""
    from interpreter.core.catalog import load_catalog
    from interpreter.emulator.server import DEMO_API_KEY
    from interpreter.media.files import decode_audio
    from interpreter.media.frames import open_visual_source
    from interpreter.media.pacing import PacedPcmSource
    from interpreter.ui.main_window import MainWindow
    from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
    from interpreter.ui.viewmodels.live_options import Choice, LiveOptions
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel
    from interpreter.ui.viewmodels.visual import PICK_FILE, visual_choices, visual_spec

    sample = ROOT / "interpreter" / "resources" / "samples" / "speech_en_16k.wav"
    # 1.5 s of silence after each repetition (16 kHz s16le) so each one becomes its own caption pair.
    pcm = [*decode_audio(sample), bytes(48_000)]
    env = LiveEnvironment(
        endpoint=lambda: Endpoint(DEMO_API_KEY, server.base_url, demo=True),
        # Loop the sample so captions keep coming for the whole capture.
        open_audio_source=lambda _o: PacedPcmSource(chunk for _ in range(20) for chunk in pcm),
        open_image_source=lambda o: open_visual_source(visual_spec(o.visual_source)) if o.visual_source else None,
        input_devices=lambda: [Choice("", "Speech sample (demo)")],
        output_devices=lambda: [Choice("", "System default")],
        visual_sources=visual_choices,
    )
    options = LiveOptions(source_language="en", target_language="zh", visual_source=PICK_FILE + str(slide))
    vm = LiveSessionViewModel(load_catalog(), env, options)
    window = MainWindow(vm, demo=True)
    window.resize(1280, 800)
    window.move(*position)
    window.show()
    if not await vm.start_session():
        raise SystemExit("the demo session did not start")
    return vm, window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--seconds", type=float, default=12.0, help="session time before the capture")
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
        app.setQuitOnLastWindowClosed(False)  # windows are opened and closed during the capture
        apply_theme(app, dark=False)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(_capture(args.out, args.seconds))
        written = [args.out / name for name in SHOTS]
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
