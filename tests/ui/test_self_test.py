"""``live-interpreter --demo --self-test`` end to end in a subprocess: one JSON line with ``"ok": true``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.gui


def test_self_test_prints_ok_json() -> None:
    # The autouse fixture's private app folders are in os.environ; the null keyring keeps the real one untouched.
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    proc = subprocess.run(
        [sys.executable, "-m", "interpreter", "--demo", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads(lines[-1])
    assert result["ok"] is True
    assert result["captions"] >= 1 and result["audio_bytes"] > 0
