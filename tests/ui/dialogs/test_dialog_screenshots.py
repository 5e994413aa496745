"""Screenshots of every dialog under a real X server (Xvfb + the xcb platform plugin), via tools/dialog_screenshots.py.

The script runs in a subprocess because this test process already has an offscreen QApplication, and Qt cannot
switch platform plugins within one process.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.xvfb, pytest.mark.gui, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "tools" / "dialog_screenshots.py"
EXPECTED = {
    "welcome",
    "api_key_connected",
    "api_key_invalid_key",
    "api_key_no_keyring",
    "voices",
    "voices_clone_needs_id",
    "hotwords",
}
#: Xvfb prints its display number once it accepts clients; a cold start on a loaded machine takes well under 20 s.
XVFB_READY_TIMEOUT_S = 20.0
#: The script renders seven dialogs and runs two checks against an emulator: ~3 s normally, generous here.
SCRIPT_TIMEOUT_S = 50.0


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server (``-displayfd`` picks a free display number); yields ``":N"``."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed (apt-get install xvfb); the screenshot test needs a real X server")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        ready, _, _ = select.select([read_fd], [], [], XVFB_READY_TIMEOUT_S)
        number = os.read(read_fd, 64).decode().strip() if ready else ""
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        os.close(read_fd)
        process.terminate()
        process.wait(timeout=10)


def test_every_dialog_is_captured_under_xvfb(xvfb_display: str, tmp_path: Path, qapp: Any) -> None:
    out = tmp_path / "shots"
    env = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=SCRIPT_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert {p.stem for p in out.glob("*.png")} == EXPECTED
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert not image.isNull(), path
        assert image.width() >= 400 and image.height() >= 150, (path, image.size())
        # A rendered dialog has text and widgets: many distinct colours on a sampled grid, not one flat fill.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, path
