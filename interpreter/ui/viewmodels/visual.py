"""The visual-source picker's entries and how a stored choice maps to a ``media.frames.open_visual_source`` spec.

Stored values (``settings.visual_source`` and ``LiveOptions.visual_source``): ``"camera:N"`` (OpenCV index N),
``"screen:N"`` (monitor N, 1-based like mss), ``"file:/path/to/video-or-image"``; ``""`` means no picture.
:data:`PICK_FILE` is a picker entry only: choosing it asks for a file and stores ``"file:<path>"``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from interpreter.ui.viewmodels.live_options import Choice

#: Picker entry that opens a file chooser (never stored).
PICK_FILE = "file:"
#: Where Linux lists video devices; each camera has one node whose ``index`` is 0 (its capture node), the others
#: are metadata nodes OpenCV cannot read.
_V4L_SYSFS = Path("/sys/class/video4linux")
#: Cameras offered unprobed where they cannot be listed without opening them (opening is slow and may light the
#: camera's LED): the first two indexes cover a built-in plus one USB camera.
_UNPROBED_CAMERAS = 2


def camera_choices(sysfs: Path = _V4L_SYSFS) -> list[Choice]:
    """Cameras: on Linux the capture nodes found in sysfs (none when there is no camera), elsewhere the first two."""
    if not sys.platform.startswith("linux"):
        return [
            Choice(f"camera:{n}", QCoreApplication.translate("VisualSources", "Camera {n}").format(n=n + 1))
            for n in range(_UNPROBED_CAMERAS)
        ]
    found: list[Choice] = []
    for node in sorted(sysfs.glob("video*"), key=lambda p: int(p.name[5:]) if p.name[5:].isdigit() else 0):
        number = node.name[5:]
        index_file = node / "index"
        if not number.isdigit() or (index_file.exists() and index_file.read_text().strip() != "0"):
            continue
        name_file = node / "name"
        name = name_file.read_text().strip() if name_file.exists() else ""
        label = QCoreApplication.translate("VisualSources", "Camera {n}").format(n=len(found) + 1) + (
            f" ({name})" if name else ""
        )
        found.append(Choice(f"camera:{number}", label))
    return found


def screen_choices() -> list[Choice]:
    """One entry per screen Qt knows, numbered from 1 like the capture backend's monitors."""
    choices = []
    for n, screen in enumerate(QGuiApplication.screens(), start=1):
        size = screen.size()
        label = (
            QCoreApplication.translate("VisualSources", "Screen {n}").format(n=n) + f" ({size.width()}×{size.height()})"
        )
        choices.append(Choice(f"screen:{n}", label))
    return choices


def file_choice(value: str) -> Choice:
    """The picker entry for a chosen file (``value`` is ``"file:<path>"``)."""
    return Choice(
        value,
        QCoreApplication.translate("VisualSources", "File: {name}").format(name=Path(value[len(PICK_FILE) :]).name),
    )


def visual_choices() -> list[Choice]:
    """Cameras, screens, then "Video or image file…" (the "no picture" entry is the view's own)."""
    return [
        *camera_choices(),
        *screen_choices(),
        Choice(PICK_FILE, QCoreApplication.translate("VisualSources", "Video or image file…")),
    ]


def visual_spec(value: str) -> str:
    """The ``open_visual_source`` spec for a stored value: ``camera:N``/``screen:N`` unchanged, a file's path."""
    if value.startswith(PICK_FILE):
        return value[len(PICK_FILE) :]
    return value
