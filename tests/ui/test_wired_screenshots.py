"""Screenshots of the main window on its Images, OCR and Files (documents) tabs under a real X server (Xvfb),
after real work against the emulator. Runs tests/ui/wired_shots.py in a subprocess (the test process owns an
offscreen QApplication). The PNGs land in the test's tmp dir; docs/screenshots/main-window-{images,ocr,documents}.png
were made the same way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _count(image: QImage, x0: float, x1: float, y0: float, y1: float, wanted: object) -> int:
    """Pixels (every 3rd) in the given fraction of ``image`` for which ``wanted(color)`` holds."""
    return sum(
        1
        for x in range(int(image.width() * x0), int(image.width() * x1), 3)
        for y in range(int(image.height() * y0), int(image.height() * y1), 3)
        if wanted(image.pixelColor(x, y))  # type: ignore[operator]
    )


def test_screenshots_of_the_main_window_on_images_and_ocr(xvfb_display: str, tmp_path: Path) -> None:
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.wired_shots", "--out", str(tmp_path), "--display", xvfb_display],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    images = QImage(str(tmp_path / "main-window-images.png"))
    ocr = QImage(str(tmp_path / "main-window-ocr.png"))
    assert images.width() >= 1300 and ocr.width() >= 1300
    # Before/after split: the emulator's dark-blue DEMO band (bottom of the translated picture) shows right of the
    # split line only.
    band = lambda c: c.blue() > c.red() + 30 and c.lightness() < 140  # noqa: E731
    assert _count(images, 0.70, 0.95, 0.80, 0.86, band) > 50
    assert _count(images, 0.36, 0.60, 0.80, 0.86, band) == 0
    # OCR with positions: the recognised lines are outlined in the tab's box blue in the picture pane (left).
    box = lambda c: c.blue() > 200 and c.red() < 60 and 100 < c.green() < 180  # noqa: E731
    assert _count(ocr, 0.0, 0.45, 0.15, 0.92, box) > 20
    # Documents: both rows done, each with its full progress bar (the bar's blue fill in the Progress column).
    documents = QImage(str(tmp_path / "main-window-documents.png"))
    bar = lambda c: c.blue() > 150 and c.red() < 120  # noqa: E731
    assert _count(documents, 0.75, 0.88, 0.19, 0.28, bar) > 40
