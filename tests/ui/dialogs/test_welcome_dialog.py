"""Welcome dialog (first start without a key): returns "enter your key" or "try the demo"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from interpreter.ui.dialogs.welcome import WelcomeChoice, WelcomeDialog, WelcomeViewModel, ask_welcome

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("button", "choice"), [("key_button", WelcomeChoice.ENTER_KEY), ("demo_button", WelcomeChoice.TRY_DEMO)]
)
def test_each_button_accepts_with_its_choice(qtbot: Any, button: str, choice: WelcomeChoice) -> None:
    dialog = WelcomeDialog(WelcomeViewModel())
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        getattr(dialog, button).click()
    assert dialog.choice is choice
    getattr(dialog, button).click()  # a second click changes nothing
    assert dialog.vm.choice is choice


def test_closing_returns_no_choice(qtbot: Any) -> None:
    dialog = WelcomeDialog(WelcomeViewModel())
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert dialog.choice is None


def test_ask_welcome_is_modal_and_returns_the_choice(qtbot: Any) -> None:
    def press_demo() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):  # exec() has not shown it yet on a loaded machine
            QTimer.singleShot(10, press_demo)
            return
        dialog.demo_button.click()

    QTimer.singleShot(0, press_demo)  # runs inside exec(), once the modal dialog is up
    assert ask_welcome() is WelcomeChoice.TRY_DEMO
