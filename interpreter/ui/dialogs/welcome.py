"""First start without an API key: offer "Enter your key" or "Try the demo" and return the choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from interpreter.ui.viewmodels.welcome import WelcomeChoice, WelcomeViewModel

__all__ = ["WelcomeChoice", "WelcomeDialog", "WelcomeViewModel", "ask_welcome"]


class WelcomeDialog(QDialog):
    """Two big buttons; accepts when one is pressed, rejects (choice None) when closed."""

    def __init__(self, view_model: WelcomeViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = view_model
        self.setWindowTitle(self.tr("Welcome to Live Interpreter"))
        self.setMinimumWidth(520)

        title = QLabel(self.tr("Welcome to Live Interpreter"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        body = QLabel(
            self.tr(
                "Live Interpreter translates speech as it is spoken, with captions and a translated voice, using "
                "Alibaba Cloud Model Studio (DashScope). To use the real service you need an API key from the Model "
                "Studio console.\n\nNo key yet? The demo runs entirely on this computer with a built-in stand-in for "
                "the service: every screen works, but the “translations” are placeholders and nothing is billed."
            )
        )
        body.setWordWrap(True)

        self.key_button = QPushButton(self.tr("Enter your key…"))
        self.key_button.setObjectName("enter_key_button")
        self.key_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Try the demo"))
        self.demo_button.setObjectName("try_demo_button")
        for button in (self.key_button, self.demo_button):
            button.setMinimumHeight(40)  # large targets: this is the first thing a new user clicks
        self.key_button.clicked.connect(lambda: self.vm.choose(WelcomeChoice.ENTER_KEY))
        self.demo_button.clicked.connect(lambda: self.vm.choose(WelcomeChoice.TRY_DEMO))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.key_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.vm.chosen.connect(lambda _value: self.accept())

    @property
    def choice(self) -> WelcomeChoice | None:
        return self.vm.choice


def ask_welcome(parent: QWidget | None = None) -> WelcomeChoice | None:
    """Show the welcome dialog modally and return the choice (None when the user closed it).

    Modal on purpose: at first start there is nothing else to do until the user has chosen.
    """
    dialog = WelcomeDialog(WelcomeViewModel(), parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice
