"""media.screen_snip against a fake desktop portal on a private D-Bus session bus (a real dbus-daemon): a
screenshot comes back as the picture's bytes; cancel, refusal and a missing portal are one sentence each."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from interpreter.errors import DeviceError
from interpreter.media.screen_snip import portal_available, portal_screenshot
from tests.fakes.ocr_images import png, text_image

ROOT = Path(__file__).resolve().parents[2]
#: Both processes print one line once ready; a cold start on a busy machine takes well under this.
READY_TIMEOUT_S = 20


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is required (Debian dbus-daemon / dbus)"
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    assert address, "dbus-daemon did not print its address"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _portal(mode: str, picture: Path, address: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "fakes" / "fake_portal.py"), mode, str(picture)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.parametrize(
    ("mode", "sentence"),
    [("ok", None), ("cancel", "was cancelled"), ("deny", "not permitted")],
)
def test_portal_answers(session_bus: str, tmp_path: Path, mode: str, sentence: str | None) -> None:
    picture = tmp_path / "screen shot.png"
    picture.write_bytes(png(text_image(["On the screen"])))
    portal = _portal(mode, picture, session_bus)
    try:
        assert portal_available()
        if sentence is None:
            assert portal_screenshot(timeout_s=READY_TIMEOUT_S) == picture.read_bytes()
        else:
            with pytest.raises(DeviceError, match=sentence):
                portal_screenshot(timeout_s=READY_TIMEOUT_S)
    finally:
        portal.terminate()
        portal.wait(timeout=10)


def test_no_portal_on_the_bus(session_bus: str) -> None:
    assert not portal_available()
    with pytest.raises(DeviceError, match="no screenshot portal"):
        portal_screenshot(timeout_s=5)


def test_no_session_bus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'nothing'}")
    assert not portal_available()
    with pytest.raises(DeviceError, match="no screenshot portal"):
        portal_screenshot(timeout_s=5)
