"""The composition root builds every tab for real: in demo mode the Images and OCR tabs, the Files tab's documents
queue and Text pane all talk to the embedded emulator over real sockets; dropped files reach the right queue and are
translated; with a Singapore key the Images tab is blocked with its one sentence and sends nothing."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from interpreter.app_context import AppContext
from interpreter.core.jobs import JobState
from interpreter.ui.dialogs.api_key import ApiKeyDialog
from interpreter.ui.dialogs.welcome import WelcomeDialog
from interpreter.ui.files_tab import FilesTab
from interpreter.ui.images_tab import ImagesTab
from interpreter.ui.ocr_tab import OcrTab
from tests.fakes.ocr_images import text_image

pytestmark = pytest.mark.gui

SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nGood morning, everyone.\n\n"
    "2\n00:00:04,000 --> 00:00:06,500\nThe talk starts now.\n"
)


@pytest.fixture
def start_shell(
    qtbot: Any, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., AppContext]]:
    """Starts ``AppContext.main()`` on the test's loop; closes the window and awaits the run at teardown."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the shell installs its own; restore it afterwards
    started: list[tuple[AppContext, asyncio.Task[int]]] = []

    def start(*, demo: bool) -> AppContext:
        shell = AppContext(QApplication.instance(), demo=demo, self_test=False, t0=0.0)  # type: ignore[arg-type]
        task = qloop.create_task(shell.main())
        qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)
        started.append((shell, task))
        return shell

    yield start
    for shell, task in started:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, WelcomeDialog | ApiKeyDialog):
                widget.close()
        assert shell.window is not None
        shell.window.close()
        qtbot.waitUntil(task.done, timeout=20_000)
        assert task.result() == 0
    qloop.set_exception_handler(None)


def test_demo_builds_every_tab_on_the_emulator_and_routes_drops(
    qtbot: Any, start_shell: Callable[..., AppContext], tmp_path: Path
) -> None:
    shell = start_shell(demo=True)
    window = shell.window
    assert window is not None and shell.emulator is not None
    assert isinstance(window.images_tab, ImagesTab) and isinstance(window.ocr_tab, OcrTab)
    assert isinstance(window.files_tab, FilesTab)
    files_tab = window.files_tab
    assert files_tab.documents_page is not None and files_tab.text_pane is not None
    assert window.demo_banner.isVisible(), "the emulator's output is labelled"
    assert shell.images_vm is not None and shell.images_vm.block_reason == "", "the emulator serves images"

    # A picture goes to the Images tab (and is listed there).
    picture = tmp_path / "slide.png"
    text_image(["Doors open at 9:30"], size=34, width=700).save(picture)
    window.tabs.setCurrentWidget(window.live_tab)
    window.route_files([str(picture)])
    assert window.tabs.currentWidget() is window.images_tab
    assert [row.path for row in shell.images_vm.rows] == [picture]

    # The same picture dropped while the OCR tab is in front is read there instead.
    window.tabs.setCurrentWidget(window.ocr_tab)
    assert shell.ocr_vm is not None
    with qtbot.waitSignal(shell.ocr_vm.image_changed, timeout=10_000):
        window.route_files([str(picture)])
    assert window.tabs.currentWidget() is window.ocr_tab
    assert shell.ocr_vm.image_name == "slide.png"
    with qtbot.waitSignal(shell.ocr_vm.result_ready, timeout=60_000) as read:
        window.ocr_tab.read_button.click()
    assert "Doors" in read.args[0].text, read.args[0].text

    # A subtitle file goes to the Files tab's documents queue and is translated there by the emulator.
    srt = tmp_path / "talk.srt"
    srt.write_text(SRT, encoding="utf-8")
    documents = shell.documents_vm
    assert documents is not None
    window.route_files([str(srt)])
    assert window.tabs.currentWidget() is files_tab
    assert files_tab.sections.currentWidget() is files_tab.documents_page
    qtbot.waitUntil(lambda: documents.model.rowCount() == 1, timeout=10_000)
    assert files_tab.vm.model.rowCount() == 0, "documents never enter the media queue"
    page = files_tab.documents_page
    page.target_combo.setCurrentIndex(page.target_combo.findData("zh"))
    window.route_files([str(srt)])  # added again with the chosen target
    qtbot.waitUntil(lambda: documents.model.rowCount() == 2, timeout=10_000)
    documents.remove([documents.model.entries()[0].id])
    with qtbot.waitSignal(documents.batch_finished, timeout=60_000):
        page.start_button.click()
    (entry,) = documents.model.entries()
    assert entry.state is JobState.DONE, entry.error
    assert entry.result is not None and entry.result.output_path == tmp_path / "talk.zh.srt"
    written = entry.result.output_path.read_text(encoding="utf-8")
    # The emulator "translates" by tagging each cue with the target; the timings are kept.
    assert "00:00:04,000 --> 00:00:06,500\n[zh] The talk starts now." in written
    assert "Done" in documents.model.index(0, 2).data()


def test_a_singapore_key_blocks_the_images_tab_with_one_sentence(
    qtbot: Any, start_shell: Callable[..., AppContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DASHSCOPE_API_KEY", "sk-" + "5a6b7c8d" * 4)
    shell = start_shell(demo=False)
    assert not shell.demo and shell.settings.current.region == "singapore"
    window = shell.window
    assert window is not None and isinstance(window.images_tab, ImagesTab)
    reason = window.images_tab.vm.block_reason
    assert "Beijing" in reason and reason.count(".") <= 2, reason
    assert window.images_tab.banner.isVisible() or window.images_tab.banner.label.text() == reason
    assert not window.images_tab.vm.start(), "nothing is sent from a Singapore endpoint"
    assert isinstance(window.ocr_tab, OcrTab), "OCR serves both regions"


def test_leaving_the_automatic_demo_moves_the_images_tab_off_the_emulator(
    qtbot: Any, start_shell: Callable[..., AppContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
    shell = start_shell(demo=False)
    assert shell.auto_demo and shell.images_vm is not None
    assert shell.images_vm.block_reason == "", "the emulator serves images in the demo"
    shell.secrets.set_api_key("singapore", "sk-" + "9f8e7d6c" * 4)
    shell.api_key_changed()
    assert not shell.demo
    assert "Beijing" in shell.images_vm.block_reason, "a Singapore key: blocked, nothing goes to the emulator"
