"""Screenshots of the MAIN WINDOW on its Images and OCR tabs (as wired by the app), after real work against the
emulator, on a real X server. Run as a program (the test process owns an offscreen QApplication)::

    python -m tests.ui.wired_shots --out docs/screenshots --display :N

Writes ``main-window-images.png`` (a translated poster in the queue, the before/after viewer split on it),
``main-window-ocr.png`` (a slide read with positions, boxes drawn, the text translated) and
``main-window-documents.png`` (the Files tab's *Subtitles and documents* section after a subtitle file and a
Markdown file were dropped on the window and translated). Exit code 0 when all were written.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("main-window-images.png", "main-window-ocr.png", "main-window-documents.png")
SUBTITLES = (
    "1\n00:00:01,000 --> 00:00:03,000\nGood morning, everyone.\n\n"
    "2\n00:00:04,000 --> 00:00:06,500\nThe keynote starts in five minutes.\n"
)
SLIDE = ["Welcome to the product launch", "Doors open at 9:30", "Keynote in Hall B"]


def _once(signal: Any) -> asyncio.Future[tuple[object, ...]]:
    future: asyncio.Future[tuple[object, ...]] = asyncio.get_running_loop().create_future()

    def fire(*args: object) -> None:
        if not future.done():
            future.set_result(args)

    signal.connect(fire)
    return future


async def _capture(out: Path) -> None:
    from interpreter.core.catalog import load_catalog
    from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer
    from interpreter.services.file_translation import FileTranslationService
    from interpreter.services.ocr import OcrService
    from interpreter.services.text_jobs import TextJobQueue
    from interpreter.services.text_translation import TextTranslationService
    from interpreter.store.image_tasks import ImageTaskStore
    from interpreter.store.jobs import JobStore
    from interpreter.store.ocr_history import OcrHistory
    from interpreter.transport.http import HttpClient
    from interpreter.ui.files_tab import FilesTab
    from interpreter.ui.images_tab import ImagesTab
    from interpreter.ui.main_window import MainWindow
    from interpreter.ui.ocr_tab import OcrTab
    from interpreter.ui.viewmodels.documents_vm import DocumentsViewModel
    from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
    from interpreter.ui.viewmodels.files_vm import FilesViewModel
    from interpreter.ui.viewmodels.images_vm import ImagesViewModel
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel
    from interpreter.ui.viewmodels.ocr_vm import OcrViewModel
    from interpreter.ui.viewmodels.text_vm import TextViewModel
    from tests.fakes.ocr_images import text_image
    from tests.ui.image_shots import _poster

    server = EmulatorServer(speed=20.0)
    await server.start()
    client = HttpClient(server.base_url, api_key=DEMO_API_KEY)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = ImageTaskStore(folder / "tasks.sqlite3")
        history = OcrHistory(folder / "ocr.sqlite3")
        jobs = JobStore(folder / "jobs.sqlite3")
        try:
            env = LiveEnvironment(
                endpoint=lambda: Endpoint(DEMO_API_KEY, server.base_url, demo=True),
                open_audio_source=lambda _o: iter(()),  # type: ignore[arg-type, return-value]
            )
            images_vm = ImagesViewModel(server.base_url, DEMO_API_KEY, store=store)
            ocr_vm = OcrViewModel(OcrService(client, history=history))
            text_service = TextTranslationService(client)
            documents_vm = DocumentsViewModel(TextJobQueue(text_service))
            files_vm = FilesViewModel(FileTranslationService(client, store=jobs), load_catalog(), demo=True)
            window = MainWindow(
                LiveSessionViewModel(load_catalog(), env),
                demo=True,
                files_vm=files_vm,
                documents_vm=documents_vm,
                text_vm=TextViewModel(text_service),
                images_vm=images_vm,
                ocr_vm=ocr_vm,
            )
            window.resize(1400, 900)
            window.move(20, 20)
            window.show()

            # Images: the poster dropped on the window, translated zh → en, shown split before/after.
            images_tab = window.images_tab
            assert isinstance(images_tab, ImagesTab)
            poster = _poster(folder / "summer-sale.png")
            checked = _once(images_vm.price_changed)
            window.route_files([str(poster)])
            images_tab.source_combo.setCurrentIndex(images_tab.source_combo.findData("zh"))
            images_tab.target_combo.setCurrentIndex(images_tab.target_combo.findData("en"))
            await asyncio.wait_for(checked, 30)
            finished = _once(images_vm.batch_finished)
            if not images_vm.start():
                raise SystemExit("the image batch did not start")
            await asyncio.wait_for(finished, 60)
            images_tab.select(0)
            await asyncio.sleep(0.5)  # the viewer loads and fits, then a full paint (a capture tool, not a test)
            images_tab.viewer.split_slider.setValue(500)
            await asyncio.sleep(0.3)
            window.grab().save(str(out / "main-window-images.png"))

            # OCR: the tab in front, a slide dropped on the window, read with positions, translated to Japanese.
            ocr_tab = window.ocr_tab
            assert isinstance(ocr_tab, OcrTab)
            window.tabs.setCurrentWidget(ocr_tab)
            slide = folder / "slide.png"
            text_image(SLIDE, size=34, width=1000).save(slide)
            ocr_tab.task_combo.setCurrentIndex(ocr_tab.task_combo.findData("positions"))
            shown = _once(ocr_vm.image_changed)
            window.route_files([str(slide)])
            await asyncio.wait_for(shown, 30)
            result = _once(ocr_vm.result_ready)
            ocr_tab.read_button.click()
            await asyncio.wait_for(result, 60)
            ocr_tab.target_combo.setCurrentIndex(ocr_tab.target_combo.findData("ja"))
            translated = _once(ocr_vm.translation_changed)
            ocr_tab.translate_button.click()
            await asyncio.wait_for(translated, 60)
            await asyncio.sleep(0.5)
            window.grab().save(str(out / "main-window-ocr.png"))
            await ocr_vm.aclose()

            # Files → Subtitles and documents: two documents dropped on the window, translated into Chinese.
            files_tab = window.files_tab
            assert isinstance(files_tab, FilesTab) and files_tab.documents_page is not None
            subtitles = folder / "keynote.srt"
            subtitles.write_text(SUBTITLES, encoding="utf-8")
            notes = folder / "agenda.md"
            notes.write_text("# Agenda\n\n- Doors open at 9:30\n- Keynote in Hall B\n", encoding="utf-8")
            page = files_tab.documents_page
            page.target_combo.setCurrentIndex(page.target_combo.findData("zh"))
            page.bilingual_check.setChecked(True)
            listed = asyncio.Event()  # the queue reads and estimates the files in a worker thread
            documents_vm.model.rowsInserted.connect(
                lambda *_: listed.set() if documents_vm.model.rowCount() >= 2 else None
            )
            window.route_files([str(subtitles), str(notes)])
            await asyncio.wait_for(listed.wait(), 30)
            finished_docs = _once(documents_vm.batch_finished)
            page.start_button.click()
            await asyncio.wait_for(finished_docs, 60)
            await asyncio.sleep(0.3)
            window.grab().save(str(out / "main-window-documents.png"))
            await documents_vm.shutdown()
            await files_vm.shutdown()
            window.close()
        finally:
            store.close()
            history.close()
            jobs.close()
            await client.aclose()
            await server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--display", required=True, help="the X display to use (Xvfb)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["DISPLAY"] = args.display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    sys.path.insert(0, str(ROOT))
    import qasync
    from PySide6.QtWidgets import QApplication

    from interpreter.ui.theme import apply_theme

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    apply_theme(app, dark=False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(_capture(args.out))
    missing = [name for name in SHOTS if not (args.out / name).exists()]
    if missing:
        print(f"missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    for name in SHOTS:
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
