"""Media test fixtures: a private PulseAudio with virtual devices (session-scoped) and an Xvfb display."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.pulse import pulse  # noqa: F401 - the shared session fixture

#: Seconds to wait for Xvfb to accept connections on a loaded machine.
_XVFB_START_TIMEOUT_S = 20.0


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """Start ``Xvfb`` on a free display number and point DISPLAY at it; fails when Xvfb is missing."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; screen-capture tests need it: apt-get install xvfb")
    fd_dir = Path(tempfile.mkdtemp(prefix="li-xvfb-"))
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it to the pipe once it accepts connections.
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + _XVFB_START_TIMEOUT_S
    with os.fdopen(read_fd, "rb") as pipe:
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = pipe.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip():
        proc.kill()
        pytest.fail("Xvfb did not start")
    display = f":{number.decode().strip()}"
    saved = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = display
    try:
        yield display
    finally:
        if saved is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = saved
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
        shutil.rmtree(fd_dir, ignore_errors=True)
