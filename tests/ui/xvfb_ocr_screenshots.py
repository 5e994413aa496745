"""Screenshots of the OCR tab under a real X server: a table result translated keeping the grid, and text with
positions drawn as boxes. Used by tests/ui/test_ocr_snip_xvfb.py (into a temp dir) and to refresh
docs/screenshots/ocr-*.png::

    DISPLAY=:N QT_QPA_PLATFORM=xcb python tests/ui/xvfb_ocr_screenshots.py --out docs/screenshots
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PRICES = [
    ["Item", "Qty", "Price"],
    ["Green tea", "2", "4.50"],
    ["Rice crackers", "1", "2.80"],
    ["Miso soup", "3", "6.00"],
    ["Total", "", "13.30"],
]
SLIDE = ["Welcome to the product launch", "Doors open at 9:30", "Keynote in Hall B", "Lunch is served at noon"]


async def shoot(out: Path, base_url: str, api_key: str) -> None:
    from interpreter.services.ocr import OcrService
    from interpreter.store.ocr_history import OcrHistory
    from interpreter.transport.http import HttpClient
    from interpreter.ui.ocr_tab import OcrTab
    from interpreter.ui.viewmodels.ocr_vm import OcrViewModel
    from tests.fakes.ocr_images import table_image, text_image

    loop = asyncio.get_running_loop()

    def once(signal: object) -> asyncio.Future[tuple[object, ...]]:
        future: asyncio.Future[tuple[object, ...]] = loop.create_future()

        def fire(*args: object) -> None:
            if not future.done():
                future.set_result(args)

        signal.connect(fire)  # type: ignore[attr-defined]
        return future

    work = Path(tempfile.mkdtemp())
    client = HttpClient(base_url, api_key=api_key)
    vm = OcrViewModel(OcrService(client, history=OcrHistory(work / "history.sqlite3")))
    tab = OcrTab(vm)
    tab.setWindowTitle("Live Interpreter — OCR")
    tab.resize(1400, 860)
    tab.show()
    QTest.qWaitForWindowExposed(tab)

    table_path = work / "prices.png"
    table_image(PRICES, size=28, column_width=230).save(table_path)
    tab.task_combo.setCurrentIndex(tab.task_combo.findData("table"))
    vm.open_file(str(table_path))
    result = once(vm.result_ready)
    tab.read_button.click()
    await asyncio.wait_for(result, 60)
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("de"))
    translated = once(vm.table_translated)
    tab.translate_button.click()
    await asyncio.wait_for(translated, 60)
    await asyncio.sleep(0.3)  # let the views repaint before the grab (a screenshot, not a test condition)
    tab.grab().save(str(out / "ocr-table.png"))

    slide_path = work / "slide.png"
    text_image(SLIDE, size=34, width=1000).save(slide_path)
    tab.task_combo.setCurrentIndex(tab.task_combo.findData("positions"))
    vm.open_file(str(slide_path))
    result = once(vm.result_ready)
    tab.read_button.click()
    await asyncio.wait_for(result, 60)
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("ja"))
    done = once(vm.translation_changed)
    tab.translate_button.click()
    await asyncio.wait_for(done, 60)
    await asyncio.sleep(0.5)
    if tab.image_view.boxes:
        tab.image_view.boxes[1].hoverEnterEvent(None)  # show one box as it looks under the mouse
    tab.grab().save(str(out / "ocr-boxes.png"))
    await vm.aclose()
    await client.aclose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--base-url")
    parser.add_argument("--api-key")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    import contextlib

    import qasync

    from interpreter.emulator.testing import running_emulator

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with contextlib.ExitStack() as stack:
        base_url, api_key = args.base_url, args.api_key
        if not base_url:
            emu = stack.enter_context(running_emulator(speed=50.0))
            base_url, api_key = emu.base_url, emu.api_key
        with loop:
            loop.run_until_complete(asyncio.wait_for(shoot(out, base_url, api_key), 150))
    return 0


if __name__ == "__main__":
    sys.exit(main())
