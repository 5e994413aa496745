"""Small reusable widgets: in-place notice banner, input level meter, "coming soon" tab placeholder."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from interpreter.ui.messages import render

#: Level meter range: -60 dBFS is silence for speech purposes (room noise sits around -60..-50), 0 dBFS is clipping.
METER_FLOOR_DBFS = -60.0
#: Above this the meter turns amber: speech peaking higher than -6 dBFS risks clipping.
METER_HOT_DBFS = -6.0


class NoticeBanner(QFrame):
    """A non-modal message strip shown in place (connection trouble, crash recovery, demo mode).

    ``level`` is "info", "warning" or "error" (styled by app.qss). The optional action button runs a callback;
    the close button hides the banner and emits ``dismissed``.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self.close_button = QPushButton("✕", self)
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)  # px: a square-ish button for one glyph
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self._action: Callable[[], None] | None = None
        self.action_button.clicked.connect(self._run_action)
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "info",
        *,
        action_text: str | None = None,
        action: Callable[[], None] | None = None,
        closable: bool = True,
    ) -> None:
        """Show ``text`` (replacing any previous message); a lower layer's ``UserMessage`` shows in the UI language."""
        self.label.setText(render(text))
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self._action = action
        self.action_button.setVisible(action is not None)
        self.action_button.setText(action_text or "")
        self.close_button.setVisible(closable)
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()

    def _run_action(self) -> None:
        action = self._action
        self.hide()
        if action is not None:
            action()


class LevelMeter(QWidget):
    """A horizontal input level bar from METER_FLOOR_DBFS to 0 dBFS with a hot zone near clipping."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dbfs = METER_FLOOR_DBFS
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Input level"))

    @property
    def dbfs(self) -> float:
        return self._dbfs

    def set_level(self, dbfs: float) -> None:
        """Show a new level (clamped to the meter range); repaints only when the bar would move."""
        dbfs = max(METER_FLOOR_DBFS, min(0.0, dbfs))
        if abs(dbfs - self._dbfs) < 0.5:  # half a dB is below what the bar can show
            return
        self._dbfs = dbfs
        self.setToolTip(self.tr("Input level: {level:.0f} dBFS").format(level=dbfs))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(160, 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(self.palette().color(self.palette().ColorRole.Mid))
        painter.setBrush(self.palette().color(self.palette().ColorRole.Base))
        painter.drawRoundedRect(rect, 3, 3)
        fraction = (self._dbfs - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS
        if fraction > 0:
            fill = QRectF(rect.left() + 1, rect.top() + 1, (rect.width() - 2) * fraction, rect.height() - 2)
            color = QColor("#c77700") if self._dbfs > METER_HOT_DBFS else QColor("#26a269")
            painter.fillRect(fill, color)
        painter.end()


class ComingTab(QWidget):
    """Placeholder for a tab whose feature is not built yet; lists files routed to it so drops are not lost."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        heading.setObjectName("placeholderTitle")
        text = QLabel(description, self)
        text.setWordWrap(True)
        coming = QLabel(self.tr("Coming in a later version. Files you drop here are listed below and kept for then."))
        coming.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setObjectName("droppedFiles")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(coming)
        layout.addWidget(self.files, 1)

    def add_files(self, paths: list[str]) -> None:
        """List dropped files (duplicates are listed once)."""
        present = {self.files.item(i).text() for i in range(self.files.count())}
        for path in paths:
            if path not in present:
                self.files.addItem(path)
                present.add(path)
