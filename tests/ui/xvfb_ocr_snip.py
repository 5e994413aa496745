"""Run under a real X server (DISPLAY, QT_QPA_PLATFORM=xcb) by tests/ui/test_ocr_snip_xvfb.py.

A "known" window shows a sentence; the OCR tab's window is put right over it. The snip must hide the tab window,
freeze the screen, let a drag select the sentence's region on the overlay, and read it back through the emulator.
Then Esc cancels a second snip (the tab window comes back), and "Repeat last region" reads the same region again.
Prints one JSON line with what happened.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

SENTENCE = "Quarterly numbers are ready"


async def scenario(base_url: str, api_key: str, history_path: str) -> dict[str, object]:
    from interpreter.services.ocr import OcrService
    from interpreter.store.ocr_history import OcrHistory
    from interpreter.transport.http import HttpClient
    from interpreter.ui.ocr_tab import OcrTab
    from interpreter.ui.snip_overlay import ScreenSnipper, SnipOverlay
    from interpreter.ui.viewmodels.ocr_vm import OcrDisplay, OcrViewModel

    report: dict[str, object] = {}
    known = QLabel(SENTENCE)
    known.setStyleSheet("background: white; color: black; padding: 20px;")
    known.setFont(QFont("DejaVu Sans", 30))
    known.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    known.setGeometry(120, 140, 800, 160)
    known.show()

    client = HttpClient(base_url, api_key=api_key)
    vm = OcrViewModel(OcrService(client, history=OcrHistory(__import__("pathlib").Path(history_path))))
    tab_holder: list[OcrTab] = []
    snipper = ScreenSnipper(lambda: list(tab_holder))
    tab = OcrTab(vm, snipper)
    tab_holder.append(tab)
    tab.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    tab.setGeometry(100, 100, 1000, 600)  # covers the known window entirely
    tab.show()
    tab.raise_()
    assert QTest.qWaitForWindowExposed(known) and QTest.qWaitForWindowExposed(tab)
    loop = asyncio.get_running_loop()

    def once(signal: object) -> asyncio.Future[tuple[object, ...]]:
        future: asyncio.Future[tuple[object, ...]] = loop.create_future()

        def fire(*args: object) -> None:
            if not future.done():
                future.set_result(args)
            signal.disconnect(fire)  # type: ignore[attr-defined]

        signal.connect(fire)  # type: ignore[attr-defined]
        return future

    # 1. Snip the known window's sentence.
    shown = once(snipper.overlay_shown)
    result = once(vm.result_ready)
    tab.snip_button.click()
    (overlay,) = await asyncio.wait_for(shown, 20)
    assert isinstance(overlay, SnipOverlay)
    report["tab_hidden_at_grab"] = all(snipper.hidden_at_grab) and bool(snipper.hidden_at_grab)
    report["overlay_covers_screen"] = overlay.geometry() == QRect(0, 0, 1600, 1000)
    QTest.qWaitForWindowExposed(overlay)
    target = QRect(known.geometry())
    start, end = target.topLeft() + QPoint(2, 2), target.bottomRight() - QPoint(2, 2)
    QTest.mousePress(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(overlay, (start + end) / 2)
    QTest.mouseMove(overlay, end)
    QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    (display,) = await asyncio.wait_for(result, 60)
    assert isinstance(display, OcrDisplay)
    report["text"] = display.text
    report["region"] = [vm.last_region.x(), vm.last_region.y(), vm.last_region.width(), vm.last_region.height()]
    report["tab_visible_after"] = tab.isVisible()
    report["repeat_enabled"] = tab.repeat_button.isEnabled()

    # 2. Esc cancels.
    shown = once(snipper.overlay_shown)
    cancelled = once(snipper.cancelled)
    tab.snip_button.click()
    (overlay,) = await asyncio.wait_for(shown, 20)
    QTest.qWaitForWindowExposed(overlay)
    QTest.keyClick(overlay, Qt.Key.Key_Escape)
    await asyncio.wait_for(cancelled, 10)
    report["cancelled_tab_visible"] = tab.isVisible()

    # 3. Repeat last region (no overlay).
    result = once(vm.result_ready)
    tab.repeat_button.click()
    (display,) = await asyncio.wait_for(result, 60)
    report["repeat_text"] = display.text  # type: ignore[attr-defined]
    report["history"] = len(vm.history())
    await vm.aclose()
    await client.aclose()
    return report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--history", required=True)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        report = loop.run_until_complete(asyncio.wait_for(scenario(args.base_url, args.api_key, args.history), 150))
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
