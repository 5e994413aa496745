"""Snip a screen region on a real X server (Xvfb + xcb): the tab's window hides, the frozen screen is selected by a
drag on the overlay, and the known window's sentence is read back through the emulator (real Tesseract); Esc
cancels; "repeat last region" reads it again. Runs tests/ui/xvfb_ocr_snip.py in a subprocess (this process already
owns an offscreen QApplication)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(180)
def test_snip_a_known_window_and_read_it(xvfb_display: str, emulator: Any, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "ui" / "xvfb_ocr_snip.py"),
            "--base-url",
            emulator.base_url,
            "--api-key",
            emulator.api_key,
            "--history",
            str(tmp_path / "history.sqlite3"),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=170,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["tab_hidden_at_grab"] is True  # our own window was off the screen when it was frozen
    assert report["overlay_covers_screen"] is True
    assert "Quarterly numbers are ready" in report["text"]
    assert report["region"][2] > 700 and report["region"][3] > 140
    assert report["tab_visible_after"] and report["repeat_enabled"] and report["cancelled_tab_visible"]
    assert "Quarterly numbers are ready" in report["repeat_text"]
    assert report["history"] == 2


@pytest.mark.timeout(180)
def test_screenshots_of_the_tab(xvfb_display: str, tmp_path: Path) -> None:
    """The tab with a translated table and with boxes, grabbed under X (as in docs/screenshots/ocr-*.png)."""
    from PySide6.QtGui import QImage

    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "ui" / "xvfb_ocr_screenshots.py"), "--out", str(tmp_path)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=170,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    for name in ("ocr-table.png", "ocr-boxes.png"):
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1400, 860)
    boxes = QImage(str(tmp_path / "ocr-boxes.png"))
    # Box outlines (blue, antialiased) are drawn over the image pane: strongly blue pixels, absent from a text image.
    blue = 0
    for x in range(0, 640):
        for y in range(60, 800, 3):
            colour = boxes.pixelColor(x, y)
            if colour.blue() > 200 and colour.red() < 120:
                blue += 1
    assert blue > 100
