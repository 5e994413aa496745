"""The composition root started for real (settings, keyring, journal, embedded emulator, main window) on the test's
qasync loop: no API key → demo mode with the welcome screen; "Enter your key" → the API key dialog, and saving a key
there leaves the demo; "Try the demo" → a working demo endpoint."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from interpreter.app_context import AppContext
from interpreter.ui.dialogs.api_key import ApiKeyDialog
from interpreter.ui.dialogs.welcome import WelcomeDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def started_shell(qtbot: Any, qloop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A running ``AppContext`` with no API key anywhere; closed (and its task awaited) at teardown."""
    monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the shell installs its own; restore it afterwards
    shell = AppContext(QApplication.instance(), demo=False, self_test=False, t0=0.0)
    task = qloop.create_task(shell.main())
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)
    try:
        yield shell
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, WelcomeDialog | ApiKeyDialog):
                widget.close()
        shell.window.close()
        qtbot.waitUntil(task.done, timeout=20_000)
        assert task.result() == 0
        qloop.set_exception_handler(None)


def _visible(kind: type) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_no_key_starts_a_labelled_demo_with_the_welcome_screen(qtbot: Any, started_shell: Any) -> None:
    shell = started_shell
    assert shell.demo and shell.auto_demo
    assert shell.window.demo_banner.isVisible()
    assert "Demo" in shell.window.windowTitle()
    endpoint = shell.vm.env.endpoint()
    assert endpoint.demo and endpoint.base_url == shell.emulator.base_url

    (welcome,) = _visible(WelcomeDialog)
    welcome.demo_button.click()
    qtbot.waitUntil(lambda: not _visible(WelcomeDialog), timeout=5_000)
    assert not _visible(ApiKeyDialog), "Try the demo just closes the welcome screen"
    assert shell.demo, "the demo keeps running"


def test_enter_your_key_opens_the_key_dialog_and_a_saved_key_leaves_the_demo(qtbot: Any, started_shell: Any) -> None:
    shell = started_shell
    (welcome,) = _visible(WelcomeDialog)
    welcome.key_button.click()
    qtbot.waitUntil(lambda: len(_visible(ApiKeyDialog)) == 1, timeout=5_000)
    (dialog,) = _visible(ApiKeyDialog)

    dialog.key_edit.setText("sk-" + "a1b2c3d4" * 4)
    with qtbot.waitSignal(dialog.vm.save_finished, timeout=10_000) as saved:
        dialog.save_button.click()
    assert saved.args[0] is True, saved.args
    assert not shell.demo and not shell.auto_demo
    assert not shell.window.demo_banner.isVisible()
    assert "Demo" not in shell.window.windowTitle()
    endpoint = shell.vm.env.endpoint()
    assert not endpoint.demo and endpoint.api_key.startswith("sk-a1b2")
