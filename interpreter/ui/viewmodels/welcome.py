"""State of the welcome screen (``ui.dialogs.welcome.WelcomeDialog`` is its view): the first start's choice."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Signal

__all__ = ["WelcomeChoice", "WelcomeViewModel"]


class WelcomeChoice(StrEnum):
    """What the user chose on the welcome screen."""

    ENTER_KEY = "enter_key"
    TRY_DEMO = "try_demo"


class WelcomeViewModel(QObject):
    """Holds the choice; ``chosen(str)`` fires once with a :class:`WelcomeChoice` value."""

    chosen = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice: WelcomeChoice | None = None

    def choose(self, choice: WelcomeChoice) -> None:
        if self.choice is not None:
            return  # a double click must not start two flows
        self.choice = choice
        self.chosen.emit(choice.value)
