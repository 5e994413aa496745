"""Dropping files onto the main window: real QDragEnterEvent/QDropEvent with file URLs, delivered by Qt's event
dispatch. Audio, video, subtitles and text go to Files, images to Images; anything else is named in a notice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from interpreter.core.catalog import load_catalog
from interpreter.ui.main_window import MainWindow
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    env = LiveEnvironment(endpoint=lambda: Endpoint("unused"), open_audio_source=lambda _o: iter(()))  # type: ignore
    win = MainWindow(LiveSessionViewModel(load_catalog(), env), demo=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _drop(window: MainWindow, paths: list[Path]) -> bool:
    """Deliver a drag-enter then a drop of ``paths`` through Qt; returns whether the drop was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    enter = QDragEnterEvent(
        QPoint(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window accepts file drags"
    drop = QDropEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def _files(tmp_path: Path, *names: str) -> list[Path]:
    paths = [tmp_path / name for name in names]
    for path in paths:
        path.write_bytes(b"test content")
    return paths


@pytest.mark.parametrize(
    ("name", "tab"),
    [
        ("talk.WAV", "files_tab"),
        ("keynote.mp4", "files_tab"),
        ("subtitles.srt", "files_tab"),
        ("notes.txt", "files_tab"),
        ("slide.png", "images_tab"),
        ("scan.JPEG", "images_tab"),
    ],
)
def test_each_kind_of_file_selects_its_tab_and_is_listed(
    window: MainWindow, tmp_path: Path, name: str, tab: str
) -> None:
    (path,) = _files(tmp_path, name)
    assert _drop(window, [path])
    target = getattr(window, tab)
    assert window.tabs.currentWidget() is target
    listed = [target.files.item(i).text() for i in range(target.files.count())]
    assert any(name in text for text in listed), listed
    assert not window.banner.isVisible()


def test_an_unsupported_file_gets_a_clear_message_in_place(window: MainWindow, tmp_path: Path) -> None:
    paths = _files(tmp_path, "setup.exe", "interview.mp3")
    assert _drop(window, paths)
    assert window.tabs.currentWidget() is window.files_tab, "the supported file is still routed"
    assert window.banner.isVisible()
    text = window.banner.label.text()
    assert "setup.exe" in text and "interview.mp3" not in text
    assert "audio, video, subtitle, text and image" in text
    assert [w for w in QApplication.topLevelWidgets() if w.isModal() and w.isVisible()] == [], "never a modal box"


def test_only_unsupported_files_leave_the_current_tab(window: MainWindow, tmp_path: Path) -> None:
    window.tabs.setCurrentWidget(window.live_tab)
    assert _drop(window, _files(tmp_path, "archive.zip"))
    assert window.tabs.currentWidget() is window.live_tab
    assert "archive.zip" in window.banner.label.text()
