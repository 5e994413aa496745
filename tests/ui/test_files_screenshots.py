"""Screenshots of the Files tab with a queue in progress under a real X server (Xvfb), in a subprocess (the test
process already owns an offscreen QApplication). The tool runs the real service against the emulator."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def test_files_tab_screenshots_light_dark_and_chinese(xvfb_display: str, tmp_path: Path) -> None:
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "files_screenshots.py"),
            "--out",
            str(tmp_path),
            "--display",
            xvfb_display,
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    for name in ("files-tab.png", "files-tab-dark.png", "files-tab-zh.png"):
        image = QImage(str(tmp_path / name))
        assert image.width() >= 1200 and image.height() >= 760, name
