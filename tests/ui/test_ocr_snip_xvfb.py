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
