"""Screenshots of the Images tab and its before/after viewer under a real X server (Xvfb), after a real batch
against the emulator. Runs tests/ui/image_shots.py in a subprocess (the test process owns an offscreen
QApplication). The PNGs land in the test's tmp dir; docs/screenshots/images-*.png were made the same way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_of_the_images_tab(xvfb_display: str, tmp_path: Path) -> None:
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.image_shots", "--out", str(tmp_path), "--display", xvfb_display],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    tab = QImage(str(tmp_path / "images-tab.png"))
    split = QImage(str(tmp_path / "images-compare-split.png"))
    blend = QImage(str(tmp_path / "images-compare-blend.png"))
    assert tab.width() >= 1200 and split.width() >= 600 and blend.width() >= 600
    # Split mode: the demo band (dark blue, bottom right) is drawn right of the line only; blend shows it across.
    y = round(split.height() * 0.82)
    left_split, right_split = split.pixelColor(split.width() // 5, y), split.pixelColor(split.width() * 4 // 5, y)
    assert right_split.blue() > right_split.red() and left_split.red() > left_split.blue()
    left_blend = blend.pixelColor(blend.width() // 5, y)
    assert left_blend.blue() > left_split.blue() + 20
