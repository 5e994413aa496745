"""Help → About: the app's version, the Qt, Python and library versions, and the log folder (what a bug report needs).

The facts come from ``ui.viewmodels.about.about_info()``; this view only lays them out, opens the log folder and
copies the facts (in English, for the report) to the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from interpreter.ui.icons import app_icon
from interpreter.ui.viewmodels.about import AboutInfo

__all__ = ["AboutDialog", "open_about_dialog"]

#: Icon size in the dialog (px): large enough to recognise, small beside two lines of title text.
ICON_PX = 64


class AboutDialog(QDialog):
    """Shows ``info``; non-modal like every dialog of the app (the asyncio loop keeps running underneath)."""

    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.info = info
        self.setWindowTitle(self.tr("About Live Interpreter"))

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(ICON_PX, ICON_PX))
        title = QLabel(self.tr("Live Interpreter {version}").format(version=info.version))
        title.setObjectName("aboutTitle")
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        tagline = QLabel(self.tr("Live speech interpretation with Alibaba Cloud Model Studio."))
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        facts = QFormLayout()
        facts.addRow(self.tr("Python:"), self._selectable(info.python))
        qt = self.tr("{qt} (PySide6 {pyside})").format(qt=info.qt, pyside=info.pyside)
        facts.addRow(self.tr("Qt:"), self._selectable(qt))
        self.libraries_label = self._selectable(", ".join(f"{name} {version}" for name, version in info.libraries))
        facts.addRow(self.tr("Libraries:"), self.libraries_label)
        self.log_label = self._selectable(info.log_folder or info.log_problem or "")
        facts.addRow(self.tr("Log folder:"), self.log_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.open_logs_button = QPushButton(self.tr("Open log folder"))
        self.open_logs_button.setEnabled(info.log_folder is not None)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.open_logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_logs_button.clicked.connect(self.open_log_folder)
        self.copy_button.clicked.connect(self.copy_details)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(buttons)

    @staticmethod
    def _selectable(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def open_log_folder(self) -> bool:
        """Show the log folder in the file manager; False when there is none or the desktop cannot open it."""
        if self.info.log_folder is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(self.info.log_folder))

    def copy_details(self) -> None:
        """Put the facts on the clipboard, in English (bug reports are read by the developers)."""
        QGuiApplication.clipboard().setText(self.info.as_text())


def open_about_dialog(parent: QWidget | None, info: AboutInfo) -> AboutDialog:
    """Create and show the About dialog (non-modal, deleted when closed)."""
    dialog = AboutDialog(info, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
