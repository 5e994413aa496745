"""Light and dark themes that follow the system setting.

Fusion style with an explicit palette looks the same on every platform (and offscreen), and Qt ≥ 6.5 reports the
system colour scheme through ``QStyleHints.colorScheme``; we re-apply the palette when it changes. The small style
sheet in ``resources/styles/app.qss`` only styles our own named widgets (banners, status chips), never Qt's.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_DARK = {
    QPalette.ColorRole.Window: "#202326",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#17191b",
    QPalette.ColorRole.AlternateBase: "#25282b",
    QPalette.ColorRole.Text: "#ececec",
    QPalette.ColorRole.Button: "#2b2f33",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#2f6fb3",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2b2f33",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8a8f94",
    QPalette.ColorRole.Link: "#6cb0ff",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f3f3f3",
    QPalette.ColorRole.WindowText: "#1d1d1d",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f6f7f9",
    QPalette.ColorRole.Text: "#1b1b1b",
    QPalette.ColorRole.Button: "#e9e9e9",
    QPalette.ColorRole.ButtonText: "#1d1d1d",
    QPalette.ColorRole.Highlight: "#2f6fb3",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffdc",
    QPalette.ColorRole.ToolTipText: "#1d1d1d",
    QPalette.ColorRole.PlaceholderText: "#7a7a7a",
    QPalette.ColorRole.Link: "#1a5fb4",
}


def palette_for(dark: bool) -> QPalette:
    """The application palette for the dark or light scheme (disabled text is dimmed in both)."""
    palette = QPalette()
    for role, color in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#7d7d7d" if dark else "#a0a0a0")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_prefers_dark(app: QApplication) -> bool:
    """True when the desktop asks for a dark scheme (Unknown counts as light)."""
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, dark: bool | None = None) -> bool:
    """Apply Fusion, the palette and the app style sheet; ``dark=None`` follows the system. Returns ``dark``."""
    if dark is None:
        dark = system_prefers_dark(app)
    app.setStyle("Fusion")
    app.setPalette(palette_for(dark))
    app.setProperty("darkTheme", dark)
    app.setStyleSheet(_style_sheet())
    return dark


def follow_system_theme(app: QApplication) -> None:
    """Apply the system scheme now and whenever the desktop switches between light and dark."""
    apply_theme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))


def _style_sheet() -> str:
    return resources.files("interpreter.resources").joinpath("styles", "app.qss").read_text(encoding="utf-8")
