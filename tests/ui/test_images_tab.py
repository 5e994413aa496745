"""The Images tab's widgets with real Qt (offscreen): the before/after viewer, and a batch through the view-model
against the emulator (per-image status, failure report, retry failed, the viewer on a finished row)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtTest import QTest

from interpreter.services.image_translation import ImageStatus
from interpreter.store.image_tasks import ImageTaskStore
from interpreter.ui.image_compare import ImageCompareView
from interpreter.ui.images_tab import ImagesTab
from interpreter.ui.viewmodels.images_vm import ImagesViewModel
from tests.media import imagegen

pytestmark = pytest.mark.gui

RED, BLUE = QColor(220, 30, 30), QColor(30, 60, 220)


def _solid(width: int, height: int, colour: QColor) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(colour)
    return image


def _viewport_colour(viewer: ImageCompareView, x_fraction: float) -> QColor:
    grab = viewer.view.viewport().grab().toImage()
    return grab.pixelColor(round(grab.width() * x_fraction), grab.height() // 2 + 30)


def test_viewer_split_blend_zoom_and_actions(qtbot: Any, tmp_path: Path) -> None:
    viewer = ImageCompareView()
    qtbot.addWidget(viewer)
    viewer.resize(800, 600)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.show_images(_solid(400, 300, RED), _solid(400, 300, BLUE))
    assert viewer.view.isVisible() and not viewer.placeholder.isVisible()
    assert viewer.view.split == 0.5 and viewer.view.zoom() > 1.0  # fitted: a 400 px picture fills 800 px
    # Left of the line shows the original, right of it the translation.
    assert _viewport_colour(viewer, 0.3).red() > 180 and _viewport_colour(viewer, 0.7).blue() > 180
    viewer.split_slider.setValue(900)
    assert viewer.view.split == pytest.approx(0.9)
    assert _viewport_colour(viewer, 0.7).red() > 180
    # Dragging the line's handle moves it (and the slider follows).
    line_x = viewer.view.mapFromScene(viewer.view.before_item.boundingRect().width() * 0.9, 150)
    target = viewer.view.mapFromScene(100, 150)
    QTest.mousePress(viewer.view.viewport(), Qt.MouseButton.LeftButton, pos=line_x)
    QTest.mouseMove(viewer.view.viewport(), target)
    QTest.mouseRelease(viewer.view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert viewer.view.split == pytest.approx(0.25, abs=0.02)
    assert viewer.split_slider.value() == pytest.approx(250, abs=20)
    # Blend: the translation covers everything at the chosen opacity.
    viewer.blend_check.setChecked(True)
    viewer.opacity_slider.setValue(50)
    mixed = _viewport_colour(viewer, 0.1)
    assert 80 < mixed.red() < 170 and 80 < mixed.blue() < 170
    assert not viewer.split_slider.isEnabled()
    viewer.actual_button.click()
    assert viewer.view.zoom() == pytest.approx(1.0)
    viewer.zoom_in_button.click()
    assert viewer.view.zoom() == pytest.approx(1.15)
    assert viewer.zoom_label.text() == "115 %"
    viewer.fit_button.click()
    viewport = viewer.view.viewport().size()
    fitted = min(viewport.width() / 400, viewport.height() / 300)
    assert viewer.view.zoom() == pytest.approx(fitted, rel=0.03)


def test_viewer_files_copy_and_save(qtbot: Any, tmp_path: Path) -> None:
    before = imagegen.exif_rotated_photo(tmp_path / "photo.jpg")
    after = tmp_path / "photo.en.jpg"
    _solid(300, 400, BLUE).save(str(after))
    viewer = ImageCompareView()
    qtbot.addWidget(viewer)
    assert viewer.show_pair(before, after)
    # The original is shown upright (EXIF applied), as the service received it: same size as the result.
    assert viewer.view.before_item.pixmap().size().width() == 300
    viewer.copy_to_clipboard()
    assert QGuiApplication.clipboard().image().size() == _solid(300, 400, BLUE).size()
    copy = tmp_path / "copy.jpg"
    with qtbot.waitSignal(viewer.saved):
        viewer.save_copy(copy)
    assert copy.read_bytes() == after.read_bytes()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"nope")
    assert not viewer.show_pair(before, broken)
    assert "broken.jpg" in viewer.placeholder.text() and not viewer.save_button.isEnabled()


def _cell(tab: ImagesTab, row: int, column: int) -> str:
    item = tab.table.item(row, column)
    assert item is not None
    return item.text()


def _tab(qtbot: Any, vm: ImagesViewModel) -> ImagesTab:
    tab = ImagesTab(vm)
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    return tab


def test_batch_status_report_retry_and_viewer(qtbot: Any, qloop: Any, make_emulator: Any, tmp_path: Path) -> None:
    emu = make_emulator(speed=50.0)
    images = emu.server.context.http.images
    images.faults.update(fail_next=1)  # the first task fails at the service
    good = imagegen.poster(tmp_path / "menu.png", size=(400, 260))
    second = imagegen.poster(tmp_path / "sign.png", size=(300, 300))
    fake = tmp_path / "notes.png"
    fake.write_text("text, not a picture")
    store = ImageTaskStore(tmp_path / "tasks.sqlite3")
    vm = ImagesViewModel(emu.base_url, emu.api_key, store=store)
    tab = _tab(qtbot, vm)
    tab.add_files([str(good), str(fake), str(tmp_path / "talk.mp3"), str(second)])
    assert tab.banner.isVisible() and "talk.mp3" in tab.banner.label.text()
    assert tab.table.rowCount() == 3
    qtbot.waitUntil(lambda: vm.row(1).error is not None and vm.row(2).size_text != "", timeout=10_000)
    assert "not a picture" in _cell(tab, 1, 3)
    assert tab.price_label.text().startswith("2 images: at most 0.006 CNY")
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("zh"))
    tab.source_combo.setCurrentIndex(tab.source_combo.findData("en"))
    with qtbot.waitSignal(vm.batch_finished, timeout=30_000):
        tab.start_button.click()
    statuses = sorted(r.status for r in vm.rows if r.path != fake)
    assert statuses == sorted([ImageStatus.DONE, ImageStatus.FAILED])
    assert tab.report.isVisible()
    report = tab.report.toPlainText()
    assert "notes.png" in report and "InternalError" in report
    assert tab.retry_button.isEnabled()
    with qtbot.waitSignal(vm.batch_finished, timeout=30_000):
        tab.retry_button.click()
    assert [r.status for r in vm.rows if r.path != fake] == [ImageStatus.DONE, ImageStatus.DONE]
    assert "notes.png" in tab.report.toPlainText() and "InternalError" not in tab.report.toPlainText()
    assert (tmp_path / "menu.zh.jpg").exists() and (tmp_path / "sign.zh.jpg").exists()
    assert images.stats.max_unfinished <= 2
    tab.select(0)
    qtbot.waitUntil(lambda: tab.viewer.view.isVisible(), timeout=5_000)
    assert tab.viewer.after_path == tmp_path / "menu.zh.jpg"
    assert tab.viewer.view.after_item.pixmap().size() == tab.viewer.view.before_item.pixmap().size()
    assert "saved as menu.zh.jpg" in _cell(tab, 0, 3)
    store.close()


def test_singapore_is_blocked_and_language_rules_show(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    vm = ImagesViewModel("singapore", "sk-singapore-key", store=ImageTaskStore(tmp_path / "t.sqlite3"))
    tab = _tab(qtbot, vm)
    assert "Beijing" in vm.block_reason and "Settings" in vm.block_reason
    assert tab.banner.isVisible() and "Beijing" in tab.banner.label.text()
    assert not tab.start_button.isEnabled()
    vm.set_endpoint("beijing", "sk-beijing-key")
    assert vm.block_reason == ""
    tab.source_combo.setCurrentIndex(tab.source_combo.findData("ja"))
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("ko"))
    assert tab.language_problem.isVisible() and "Chinese or English" in tab.language_problem.text()
    assert not tab.start_button.isEnabled()
    tab.target_combo.setCurrentIndex(tab.target_combo.findData("en"))
    assert not tab.language_problem.isVisible()


def test_paste_adds_a_picture(qtbot: Any, qloop: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIVE_INTERPRETER_CACHE_DIR", str(tmp_path / "cache"))
    vm = ImagesViewModel("beijing", "sk-x", store=ImageTaskStore(tmp_path / "t.sqlite3"))
    tab = _tab(qtbot, vm)
    QGuiApplication.clipboard().setImage(_solid(200, 120, RED))
    tab.paste()
    assert tab.table.rowCount() == 1
    qtbot.waitUntil(lambda: vm.row(0).size_text == "200×120 px", timeout=10_000)
    assert vm.row(0).path.parent == tmp_path / "cache" / "pasted"
    QGuiApplication.clipboard().clear()
    tab.paste()
    assert "no picture" in tab.banner.label.text()


def test_resume_shows_and_finishes_an_interrupted_task(
    qtbot: Any, qloop: Any, make_emulator: Any, tmp_path: Path
) -> None:
    import httpx

    from tests.emulator.test_image_tasks import ASYNC, RESOLVE, SYNTHESIS, _submit_body, _upload

    emu = make_emulator(speed=50.0)
    picture = imagegen.poster(tmp_path / "flyer.png")
    with httpx.Client(base_url=emu.base_url, headers={"Authorization": f"Bearer {emu.api_key}"}, timeout=20) as client:
        url = _upload(client, picture.read_bytes())
        task_id = client.post(SYNTHESIS, json=_submit_body(url), headers={**ASYNC, **RESOLVE}).json()["output"][
            "task_id"
        ]
    store = ImageTaskStore(tmp_path / "tasks.sqlite3")
    record_id = store.add(picture, "en", {"target": "en", "source": "zh"}, emu.base_url)
    store.mark_submitting(record_id)
    store.set_task_id(record_id, task_id, "PENDING")  # as the app left it when it was closed mid-poll
    vm = ImagesViewModel(emu.base_url, emu.api_key, store=store)
    tab = _tab(qtbot, vm)
    with qtbot.waitSignal(vm.batch_finished, timeout=30_000):
        qloop.create_task(vm.resume())
    assert tab.table.rowCount() == 1 and vm.row(0).status is ImageStatus.DONE
    assert vm.row(0).output_path == tmp_path / "flyer.en.jpg"
    assert emu.server.context.http.images.stats.submits == 1  # polled, never resubmitted
    store.close()
