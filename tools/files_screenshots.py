#!/usr/bin/env python3
"""Screenshots of the Files tab with a real queue in progress, rendered by a real X server (Xvfb).

    python tools/files_screenshots.py [--out docs/screenshots]

Starts a private Xvfb (unless ``--display`` names one) and the emulator in the app's loop, generates four media
files (PyAV: two WAVs, an MP4 and an empty MP3), queues them in the Files tab of a demo main window and runs the
real FileTranslationService until the first file is done and the second is part-way; the empty file fails with its
sentence and the last one waits. The emulator then holds its answers so the picture stays still, and the tool saves
``files-tab.png`` (light, English), ``files-tab-dark.png`` and ``files-tab-zh.png`` (Simplified Chinese).
Exit code 0 when all of them were written.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ("files-tab.png", "files-tab-dark.png", "files-tab-zh.png")
#: Longest wait for the queue to reach the pictured state (the emulator answers at real-time pace).
STATE_TIMEOUT_S = 120.0
#: Answers held this long once the picture is set (longer than the capture takes; the batch is stopped after).
HOLD_MS = 600_000


def _media(folder: Path) -> list[Path]:
    from tests.services import filegen

    empty = folder / "voicemail.mp3"
    empty.write_bytes(b"")
    return [
        filegen.speech_wav(folder / "interview.wav", count=2, seed=21),
        filegen.video(folder / "product-demo.mp4", seconds=21, seed=22),
        empty,
        filegen.speech_wav(folder / "team-meeting.wav", count=4, seed=23),
    ]


async def _until(condition: Any, what: str) -> None:
    """Wait (bounded) until ``condition()`` holds, checking whenever the loop has run a little."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + STATE_TIMEOUT_S
    while not condition():
        if loop.time() > deadline:
            raise SystemExit(f"the queue did not reach the pictured state: {what}")
        await asyncio.sleep(0.1)  # a capture tool polling a UI state, not a test


async def _capture(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from interpreter.core.catalog import load_catalog
    from interpreter.core.jobs import FileTranslationOptions, JobState
    from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer
    from interpreter.services.file_media import FileMedia
    from interpreter.services.file_translation import FileTranslationService
    from interpreter.store.jobs import JobStore
    from interpreter.transport.http import HttpClient
    from interpreter.ui.i18n import install_translations
    from interpreter.ui.theme import apply_theme
    from interpreter.ui.viewmodels.files_vm import FilesViewModel

    app = QApplication.instance()
    server = EmulatorServer(api_keys=(DEMO_API_KEY,), speed=1.0)
    await server.start()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "Recordings"
        folder.mkdir()
        paths = _media(folder)
        client = HttpClient(str(server.base_url), api_key=DEMO_API_KEY)
        store = JobStore(Path(tmp) / "jobs.sqlite3")
        service = FileTranslationService(
            client, store=store, media=FileMedia(target_s=4.0, min_s=2.0, max_s=8.0), concurrency=1
        )
        options = FileTranslationOptions("en", source="zh", concurrency=1)
        vm = FilesViewModel(service, load_catalog(), options, demo=True)
        try:
            window = _window(vm, (20, 20))
            added = asyncio.get_running_loop().create_future()
            vm.files_added.connect(lambda n: added.done() or added.set_result(n))
            window.files_tab.add_files([str(p) for p in paths])
            await asyncio.wait_for(added, STATE_TIMEOUT_S)
            vm.start()

            def pictured() -> bool:
                jobs = service.jobs
                return (
                    jobs[0].state == JobState.DONE
                    and jobs[1].state == JobState.RUNNING
                    and 0.3 <= jobs[1].progress.fraction < 1.0
                )

            await _until(pictured, "first done, second part-way")
            server.http_faults.update(first_byte_delay_ms=HOLD_MS)  # hold the next answers: the picture stays
            await asyncio.sleep(1.0)  # let the last answer in flight land and the table repaint
            window.files_tab.table.selectRow(0)
            window.grab().save(str(out / "files-tab.png"))
            apply_theme(app, dark=True)
            await asyncio.sleep(0.5)  # repaint in the dark palette
            window.grab().save(str(out / "files-tab-dark.png"))
            apply_theme(app, dark=False)
            window.close()

            # The Chinese UI: a window built after the translator is installed, over the same queue.
            translator = install_translations(app, "zh_CN")
            window = _window(vm, (40, 40))
            await asyncio.sleep(1.0)
            window.files_tab.table.selectRow(0)
            window.grab().save(str(out / "files-tab-zh.png"))
            window.close()
            if translator is not None:
                app.removeTranslator(translator)
        finally:
            await vm.shutdown()
            await client.aclose()
            store.close()
            await server.stop()


def _window(files_vm: Any, position: tuple[int, int]) -> Any:
    """A demo main window showing its Files tab."""
    from interpreter.core.catalog import load_catalog
    from interpreter.ui.main_window import MainWindow
    from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

    env = LiveEnvironment(endpoint=lambda: Endpoint("unused"), open_audio_source=lambda _o: iter(()))  # type: ignore[arg-type, return-value]
    window = MainWindow(LiveSessionViewModel(load_catalog(), env), demo=True, files_vm=files_vm)
    window.resize(1280, 800)
    window.move(*position)
    window.tabs.setCurrentWidget(window.files_tab)
    window.show()
    return window


def main(argv: list[str] | None = None) -> int:
    import argparse

    sys.path.insert(0, str(ROOT))
    from tools.screenshots import _start_xvfb

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
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
    # The job list and settings of the capture go to a temporary place, never the user's.
    scratch = tempfile.mkdtemp(prefix="files-shots-")
    for name in ("CONFIG", "DATA", "LOG", "CACHE"):
        os.environ[f"LIVE_INTERPRETER_{name}_DIR"] = os.path.join(scratch, name.lower())
    try:
        import qasync
        from PySide6.QtWidgets import QApplication

        from interpreter.ui.theme import apply_theme

        app = QApplication([sys.argv[0]])
        app.setQuitOnLastWindowClosed(False)  # windows are opened and closed during the capture
        apply_theme(app, dark=False)
        with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
            runner.run(_capture(args.out))
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
