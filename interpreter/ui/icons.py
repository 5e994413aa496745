"""The application icon (an SVG shipped in ``interpreter/resources/icons``; Qt's SVG icon engine renders it at any
size, so one file serves the window, the task bar and the about box)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon

#: File name of the app icon; ``resources/live-interpreter.svg`` (desktop integration) is a copy of it.
APP_ICON = "live-interpreter.svg"


@cache
def app_icon() -> QIcon:
    """The app icon (cached: every window asks for it; needs a QGuiApplication to exist)."""
    with resources.as_file(resources.files("interpreter.resources").joinpath("icons", APP_ICON)) as path:
        return QIcon(str(path))
