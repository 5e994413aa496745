"""Screenshots of the main and presentation windows in a live demo session under a real X server (Xvfb).

Runs tools/screenshots.py in a subprocess: the test process already owns an offscreen QApplication, and a Qt
platform cannot be switched inside one process. The PNGs land in the test's tmp dir.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_of_a_live_session(xvfb_display: str, tmp_path: Path) -> None:
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "screenshots.py"),
            "--out",
            str(tmp_path),
            "--display",
            xvfb_display,
            "--seconds",
            "4",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    main = QImage(str(tmp_path / "main-window.png"))
    presentation = QImage(str(tmp_path / "presentation-window.png"))
    assert main.width() >= 1000 and main.height() >= 600
    assert presentation.width() >= 800
    # The presentation window shows light text on its dark background: some pixels must be bright.
    bright = sum(
        1
        for x in range(0, presentation.width(), 7)
        for y in range(0, presentation.height(), 7)
        if QImage.pixelColor(presentation, x, y).lightness() > 150
    )
    assert bright > 20, "no caption text visible in the presentation window"
