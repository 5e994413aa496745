"""Fixtures of the packaging tests: the bundle's configuration module and, built once per session, the bundle."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
#: The bundle build (PyInstaller analysis and collection) takes about 40-60 s on a 2-core machine; the cap leaves
#: room for a loaded CI machine while still failing a hung build.
BUILD_TIMEOUT_S = 600


def load_bundle_config() -> ModuleType:
    """``packaging/bundle_config.py`` as a module (``packaging`` is no Python package: that name belongs to PyPI's
    ``packaging``, which PyInstaller itself imports)."""
    spec = importlib.util.spec_from_file_location("bundle_config", PACKAGING / "bundle_config.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bundle_config() -> ModuleType:
    return load_bundle_config()


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The one-folder bundle and the Linux tarball, built from this checkout by ``packaging/build.sh --tarball`` (as
    ``make bundle`` does) into a temp folder; once per session, nothing cached across runs. Yields the folder
    holding ``live-interpreter`` and removes the build afterwards (about 500 MB; pytest would keep three sessions'
    worth)."""
    out = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    proc = subprocess.run(
        [str(PACKAGING / "build.sh"), "--tarball", "--dist", str(out / "dist"), "--work", str(out / "work")],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable, "TARBALL_GZIP_LEVEL": "1"},
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )
    assert proc.returncode == 0, f"bundle build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}"
    folder = out / "dist" / "live-interpreter"
    assert (folder / "live-interpreter").is_file(), proc.stdout
    # Shown with -rA / on failure: how long the build took here (the issue asks for the figure).
    print(f"bundle built in {time.monotonic() - started:.1f} s: {proc.stdout.strip().splitlines()[-2:]}")
    yield folder  # the tarball is beside it: folder.parent / "live-interpreter-<version>-linux-<arch>.tar.gz"
    shutil.rmtree(out, ignore_errors=True)
