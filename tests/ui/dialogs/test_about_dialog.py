"""Help → About: opened from the real menu action, it shows the app's version, Python, Qt and the runtime libraries
with their installed versions, and the log folder; it copies the facts for a bug report; in zh_CN it is Chinese."""

from __future__ import annotations

import importlib.metadata
import platform
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from interpreter import __version__
from interpreter.core.catalog import load_catalog
from interpreter.ui.dialogs.about import AboutDialog
from interpreter.ui.i18n import install_translations
from interpreter.ui.main_window import MainWindow
from interpreter.ui.viewmodels.about import AboutInfo, about_info, runtime_libraries
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


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = install_translations(qapp, "zh_CN")
    assert translator is not None
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


def _open_from_menu(window: MainWindow, qtbot: Any) -> AboutDialog:
    help_menu = window.menuBar().actions()[-1].menu()
    action = next(a for a in help_menu.actions() if a.text().replace("&", "").startswith(("About", "关于")))
    action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _texts(dialog: AboutDialog) -> list[str]:
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    return [dialog.windowTitle(), *labels, *(b.text() for b in dialog.findChildren(QAbstractButton))]


def test_libraries_are_the_apps_runtime_requirements_with_installed_versions() -> None:
    libraries = dict(runtime_libraries())
    for name in ("av", "numpy", "qasync", "sounddevice", "httpx"):
        assert libraries[name] == importlib.metadata.version(name)
    assert "pytest" not in libraries and "ruff" not in libraries  # extras (test, dev) are not the app's


def test_about_shows_versions_and_the_log_folder(
    window: MainWindow, qtbot: Any, isolated_app_dirs: dict[str, str]
) -> None:
    dialog = _open_from_menu(window, qtbot)
    text = "\n".join(_texts(dialog))
    assert f"Live Interpreter {__version__}" in text
    assert platform.python_version() in text and qVersion() in text
    assert f"av {importlib.metadata.version('av')}" in text
    assert isolated_app_dirs["LIVE_INTERPRETER_LOG_DIR"] in text
    assert dialog.open_logs_button.isEnabled()


def test_copy_details_puts_an_english_report_on_the_clipboard(qtbot: Any, isolated_app_dirs: dict[str, str]) -> None:
    dialog = AboutDialog(about_info())
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Live Interpreter {__version__}\nPython {platform.python_version()}")
    assert f"Log folder: {isolated_app_dirs['LIVE_INTERPRETER_LOG_DIR']}" in copied


def test_without_a_log_folder_the_dialog_says_why_and_offers_no_button(qtbot: Any) -> None:
    info = AboutInfo("9.9.9", "3.11", "6.11", "6.11", (), None, "Cannot create the folder /x; check it is writable.")
    dialog = AboutDialog(info)
    qtbot.addWidget(dialog)
    assert dialog.log_label.text() == info.log_problem
    assert not dialog.open_logs_button.isEnabled()
    assert dialog.open_log_folder() is False


@pytest.mark.usefixtures("chinese")
def test_about_is_chinese_in_zh_cn(window: MainWindow, qtbot: Any) -> None:
    dialog = _open_from_menu(window, qtbot)
    texts = _texts(dialog)
    assert dialog.windowTitle() == "关于同声传译"
    for expected in (f"同声传译 {__version__}", "日志文件夹：", "依赖库：", "打开日志文件夹", "复制详细信息", "关闭"):
        assert expected in texts, (expected, texts)
