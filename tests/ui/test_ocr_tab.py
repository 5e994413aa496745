"""The OCR tab and its view-model offscreen (pytest-qt + qasync) against the emulator with real Tesseract: sources
and their bad inputs, each task's view, boxes with hover text, the schema editor, translation keeping a table's
grid, exports."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from interpreter.services.limiter import ApiLimiter
from interpreter.services.mt_engine import MtEngine
from interpreter.services.ocr import OcrService
from interpreter.services.text_translation import TextTranslationService
from interpreter.store.ocr_history import OcrHistory
from interpreter.store.ocr_schemas import OcrSchemaStore
from interpreter.transport.http import HttpClient
from interpreter.ui.ocr_tab import OcrTab
from interpreter.ui.viewmodels.ocr_vm import OcrDisplay, OcrViewModel
from tests.fakes.ocr_images import blank_image, table_image, text_image
from tests.ui.conftest import run_coro

pytestmark = [pytest.mark.gui]

INVOICE = ["Invoice number: 10283819", "Date: 2025-03-05", "Total 42.50 EUR"]


@pytest.fixture
def tab(qtbot: Any, qloop: asyncio.AbstractEventLoop, make_emulator: Any, tmp_path: Path) -> Iterator[OcrTab]:
    emu = make_emulator(speed=200.0)
    client = HttpClient(emu.base_url, api_key=emu.api_key)
    engine = MtEngine(client, limiter_factory=lambda model: ApiLimiter(max_concurrency=2))
    history = OcrHistory(tmp_path / "history.sqlite3")
    service = OcrService(client, history=history, translator=TextTranslationService(client, engine=engine))
    vm = OcrViewModel(service, schemas=OcrSchemaStore(tmp_path / "schemas.json"))
    widget = OcrTab(vm)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    yield widget
    run_coro(qtbot, qloop, vm.aclose())
    run_coro(qtbot, qloop, client.aclose())
    history.close()


def _read(qtbot: Any, tab: OcrTab, task: str) -> OcrDisplay:
    tab.task_combo.setCurrentIndex(tab.task_combo.findData(task))
    with qtbot.waitSignal(tab.vm.result_ready, timeout=30_000) as blocker:
        tab.read_button.click()
    display = blocker.args[0]
    assert isinstance(display, OcrDisplay)
    return display


def test_text_from_a_file_with_estimate_and_history(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    path = tmp_path / "invoice.png"
    text_image(INVOICE).save(path)
    with qtbot.waitSignal(tab.vm.estimate_changed, timeout=10_000) as estimate:
        tab.vm.open_file(str(path))
    assert "image tokens" in estimate.args[0] and "900×" in estimate.args[0]
    display = _read(qtbot, tab, "text")
    assert "10283819" in tab.text_view.toPlainText() and display.kind == "text"
    assert "input tokens" in tab.summary_label.text()
    qtbot.waitUntil(lambda: tab.history_list.count() == 1, timeout=5_000)
    assert "invoice.png" in tab.history_list.item(0).text() and not tab.history_list.item(0).icon().isNull()
    # Cheaper detail, fewer tokens.
    with qtbot.waitSignal(tab.vm.estimate_changed, timeout=10_000) as cheaper:
        tab.preset_combo.setCurrentIndex(0)
    assert cheaper.args[0] != estimate.args[0] or "image tokens" in cheaper.args[0]


def test_table_view_translation_grid_and_export(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    assert tab.vm.paste_image(QImage(str(_save(tmp_path, table_image([["Name", "Price"], ["Apple", "1.20"]])))))
    _read(qtbot, tab, "table")
    assert tab.results.currentIndex() == tab.pages["table"]
    assert (tab.table_view.rowCount(), tab.table_view.columnCount()) == (2, 2)
    assert tab.table_view.item(1, 0).text() == "Apple"
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("de"))
    with qtbot.waitSignal(tab.vm.table_translated, timeout=30_000):
        tab.translate_button.click()
    assert tab.translation_stack.currentWidget() is tab.translation_table
    assert tab.translation_table.item(1, 0).text() == "[de] Apple"
    assert tab.translation_table.item(1, 1).text() == "1.20"
    out = tmp_path / "prices.csv"
    with qtbot.waitSignal(tab.vm.notice, timeout=10_000):
        tab.vm.export(str(out), "source")
    assert out.read_bytes() == b"Name,Price\r\nApple,1.20\r\n"
    translated = tmp_path / "prices.de.csv"
    with qtbot.waitSignal(tab.vm.notice, timeout=10_000):
        tab.vm.export(str(translated), "translation")
    assert translated.read_bytes() == b"[de] Name,[de] Price\r\n[de] Apple,1.20\r\n"


def test_positions_draw_boxes_with_hover_text(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    tab.vm.open_file(str(_save(tmp_path, text_image(INVOICE))))
    display = _read(qtbot, tab, "positions")
    assert len(display.boxes) == 3
    assert [item.toolTip() for item in tab.image_view.boxes] == [box.text for box in display.boxes]
    assert tab.image_view.boxes[0].toolTip() == INVOICE[0]
    first = tab.image_view.boxes[0].boundingRect()
    assert first.width() > 300 and first.top() < 80


def test_key_information_with_the_schema_editor(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    tab.vm.open_file(str(_save(tmp_path, text_image(INVOICE))))
    tab.task_combo.setCurrentIndex(tab.task_combo.findData("keyinfo"))
    assert tab.schema_editor.isVisible()
    tab.schema_editor.editor.setPlainText('{"Invoice number": "", "Money": {"Total": ""}}')
    tab.schema_editor.name.setText("Mine")
    tab.schema_editor.save.click()
    assert "Mine" in tab.vm.schema_names()
    display = _read(qtbot, tab, "keyinfo")
    assert '"10283819"' in tab.kv_view.toPlainText() and display.kind == "keyinfo"
    tab.schema_editor.editor.setPlainText('{"a": {"b": {"c": {"d": ""}}}}')
    with qtbot.waitSignal(tab.vm.notice, timeout=5_000) as notice:
        tab.read_button.click()
    assert "deeper than 3" in notice.args[0] and notice.args[1] == "error"


def test_text_translation_side_by_side(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    tab.vm.open_file(str(_save(tmp_path, text_image(INVOICE))))
    _read(qtbot, tab, "text")
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("fr"))
    with qtbot.waitSignal(tab.vm.busy_changed, timeout=30_000, check_params_cb=lambda busy: not busy):
        tab.translate_button.click()
    assert tab.translation_view.toPlainText().startswith("[fr] Invoice number")


def test_bad_sources_are_one_sentence(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    notices: list[tuple[str, str]] = []
    tab.vm.notice.connect(lambda text, level: notices.append((text, level)))
    assert not tab.vm.paste_image(None)
    assert "clipboard has no image" in notices[-1][0]
    tiny = QImage(3, 3, QImage.Format.Format_RGB32)
    assert not tab.vm.set_capture(tiny, QRect(10, 10, 3, 3))
    assert "only 3×3 px" in notices[-1][0]
    black = QImage(str(_save(tmp_path, blank_image(800, 600, "black"))))
    assert not tab.vm.set_capture(black, QRect(0, 0, 800, 600))
    assert "blank" in notices[-1][0] and notices[-1][1] == "error"
    fake = tmp_path / "holiday.jpg"
    fake.write_text("not a photo")
    with qtbot.waitSignal(tab.vm.notice, timeout=10_000) as notice:
        tab.vm.open_file(str(fake))
    assert "holiday.jpg is not an image" in notice.args[0]
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with qtbot.waitSignal(tab.vm.notice, timeout=10_000) as notice:
        tab.vm.open_file(str(empty))
    assert "empty.png is empty (0 bytes)" in notice.args[0]


def test_no_text_found_is_said(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    tab.vm.open_file(str(_save(tmp_path, blank_image())))
    display = _read(qtbot, tab, "text")
    assert display.message is not None and display.message.startswith("No text found")
    assert tab.notice_label.text() == display.message


def _save(folder: Path, image: Any, name: str = "drawn.png") -> Path:
    path = folder / name
    image.save(path)
    return path


def test_history_entry_opens_again_without_a_request(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    tab.vm.open_file(str(_save(tmp_path, text_image(INVOICE))))
    _read(qtbot, tab, "positions")
    qtbot.waitUntil(lambda: tab.history_list.count() == 1, timeout=5_000)
    tab.vm.outcome = None
    tab.text_view.clear()
    with qtbot.waitSignal(tab.vm.result_ready, timeout=5_000) as blocker:
        tab.history_list.itemActivated.emit(tab.history_list.item(0))
    assert INVOICE[0] in blocker.args[0].text and INVOICE[0] in tab.text_view.toPlainText()
    assert len(tab.image_view.boxes) == 3  # boxes scaled onto the stored thumbnail
    assert max(item.boundingRect().right() for item in tab.image_view.boxes) <= 161


def test_excel_csv_has_a_byte_order_mark(qtbot: Any, tab: OcrTab, tmp_path: Path) -> None:
    tab.vm.open_file(str(_save(tmp_path, table_image([["Name", "Größe"], ["Äpfel", "1"]]))))
    _read(qtbot, tab, "table")
    out = tmp_path / "excel.csv"
    with qtbot.waitSignal(tab.vm.notice, timeout=10_000):
        tab.vm.export(str(out), "source", excel=True)
    assert out.read_bytes().startswith("\ufeffName,".encode())


def test_wayland_route_snips_the_portal_picture(qtbot: Any, tab: OcrTab) -> None:
    from PIL import Image, ImageDraw
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from interpreter.errors import DeviceError
    from interpreter.ui.snip_overlay import ScreenSnipper
    from tests.fakes.ocr_images import font, png

    screen = QGuiApplication.primaryScreen().geometry()
    picture = Image.new("RGB", (screen.width(), screen.height()), "white")
    ImageDraw.Draw(picture).text((40, 60), "Portal picture text", font=font(30), fill="black")
    calls: list[str] = []

    async def portal() -> bytes:
        calls.append("asked")
        if len(calls) > 1:
            raise DeviceError("Screen capture was not permitted: allow it in the desktop's privacy settings.")
        return png(picture)

    snipper = ScreenSnipper(lambda: [tab], portal=portal, use_portal=True)
    snipper.captured.connect(tab._on_captured)
    with qtbot.waitSignal(snipper.overlay_shown, timeout=10_000) as shown:
        snipper.start()
    assert not tab.isVisible()  # our window is hidden while the desktop takes the picture
    overlay = shown.args[0]
    with qtbot.waitSignal(tab.vm.result_ready, timeout=30_000) as result:
        QTest.mousePress(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 50))
        QTest.mouseMove(overlay, QPoint(500, 110))
        QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(500, 110))
    assert "Portal picture text" in result.args[0].text and tab.isVisible()
    with qtbot.waitSignal(snipper.failed, timeout=10_000) as failed:
        snipper.start()
    assert "not permitted" in failed.args[0] and tab.isVisible()
    snipper.deleteLater()


def test_wayland_without_a_portal_says_so(qtbot: Any, tab: OcrTab) -> None:
    from interpreter.ui.snip_overlay import ScreenSnipper

    snipper = ScreenSnipper(lambda: [tab], use_portal=True)
    with qtbot.waitSignal(snipper.failed, timeout=5_000) as failed:
        snipper.start()
    assert "Wayland" in failed.args[0] and tab.isVisible()
    snipper.deleteLater()


def test_first_snapshot_has_no_auto_rotate(tab: OcrTab) -> None:
    tab.model_combo.setCurrentText("qwen-vl-ocr-2024-10-28")
    assert not tab.rotate_check.isEnabled() and "prompt only" in tab.rotate_check.toolTip()
    tab.model_combo.setCurrentText("qwen-vl-ocr-latest")
    assert tab.rotate_check.isEnabled() and tab.vm.model == "qwen-vl-ocr-latest"
