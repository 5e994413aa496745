"""The one-folder bundle, built from this checkout (``packaging/build.sh``, as ``make bundle`` and CI do), runs:
the self-test offscreen and the ``translate`` command in demo mode. A module or data file missing from the bundle
fails here. Its contents match the Qt selection of ``packaging/bundle_config.py``."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from interpreter import __version__

#: Building the bundle (about 40-60 s here) happens in the first of these tests to run; the rest reuse it.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

EXECUTABLE = "live-interpreter"
#: The self-test plays a ~6 s sample in real time against the embedded emulator; 120 s leaves room for a loaded CI.
RUN_TIMEOUT_S = 120


def _env(tmp_path: Path) -> dict[str, str]:
    # The autouse fixture already points config/data/log folders into tmp; the bundle must not see the real keyring
    # (the null backend answers "no key", and --demo never asks for one).
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def test_bundle_prints_the_version(bundle: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(bundle / EXECUTABLE), "--version"], env=_env(tmp_path), capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"live-interpreter {__version__}"


def test_bundle_self_test_runs_offscreen(bundle: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(bundle / EXECUTABLE), "--demo", "--self-test"],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads([line for line in proc.stdout.splitlines() if line.startswith("{")][-1])
    assert result["ok"] is True
    assert result["window_shown_ms"] > 0 and result["captions"] >= 1 and result["audio_bytes"] > 0


def _speech_wav(path: Path) -> Path:
    """A few seconds of real English speech, spoken by espeak-ng (a test fixture made on the spot)."""
    subprocess.run(
        ["espeak-ng", "-v", "en", "-w", str(path), "Good morning. The bundle translates this sentence."],
        check=True,
        timeout=60,
    )
    return path


def test_bundle_translates_a_wav_in_demo_mode(bundle: Path, tmp_path: Path) -> None:
    wav = _speech_wav(tmp_path / "greeting.wav")
    out = tmp_path / "out"
    proc = subprocess.run(
        [str(bundle / EXECUTABLE), "translate", "--demo", "--yes", str(wav), "--to", "zh", "--out-dir", str(out)],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    produced = {p.name for p in out.iterdir()}
    assert {"greeting.zh.srt", "greeting.zh.vtt", "greeting.zh.txt", "greeting.zh.wav"} <= produced, produced
    assert "-->" in (out / "greeting.zh.srt").read_text(encoding="utf-8")
    assert (out / "greeting.zh.txt").read_text(encoding="utf-8").strip()
    # The dubbed soundtrack is a real WAV that PyAV (from this venv, not the bundle) can read.
    from interpreter.media.files import decode_audio

    assert sum(len(block) for block in decode_audio(out / "greeting.zh.wav")) > 0


def test_bundle_holds_only_the_chosen_qt_pieces(bundle: Path, bundle_config: ModuleType) -> None:
    qt = next(bundle.rglob("PySide6/Qt"))
    plugins = {(p.parent.name, p.name) for p in (qt / "plugins").rglob("*") if p.is_file()}
    assert ("platforms", "libqxcb.so") in plugins and ("platforms", "libqoffscreen.so") in plugins
    assert ("iconengines", "libqsvgicon.so") in plugins
    strays = sorted(f"{kind}/{name}" for kind, name in plugins if not bundle_config.plugin_kept(kind, name))
    assert not strays, f"Qt plugins outside KEPT_QT_PLUGINS: {strays}"
    libraries = [p.name for p in bundle.rglob("*Qt6*") if p.is_file()]
    forbidden = sorted(name for name in libraries if bundle_config.is_forbidden_qt_library(name))
    assert not forbidden, f"libraries of excluded Qt modules reached the bundle: {forbidden}"
    left_to_system = sorted(p.name for p in bundle.rglob("*") if bundle_config.is_system_library(p.name))
    assert not left_to_system, left_to_system


def test_bundle_carries_the_package_data(bundle: Path) -> None:
    resources = next(bundle.rglob("interpreter/resources"))
    for relative in (
        "catalog.json",
        "pricing.json",
        "icons/live-interpreter.svg",
        "styles/app.qss",
        "samples/speech_en_16k.wav",
        "translations/live_interpreter_zh_CN.qm",
    ):
        assert (resources / relative).is_file(), relative
    assert not list(resources.rglob("*.ts")), "translation sources stay in the repository"


def test_bundle_carries_the_metadata_the_about_dialog_reads(bundle: Path, bundle_config: ModuleType) -> None:
    def normalized(name: str) -> str:
        return re.sub(r"[-_.]+", "_", name).lower()

    present = {normalized(p.name.split("-")[0]) for p in bundle.rglob("*.dist-info")}
    wanted = {"live-interpreter"} | {
        bundle_config.requirement_name(r)
        for r in importlib.metadata.requires("live-interpreter") or []
        if "extra ==" not in r
    }
    missing = sorted(name for name in wanted if normalized(name) not in present)
    assert not missing, f"no package metadata in the bundle for {missing}"


def test_tarball_installs_for_the_user_with_its_desktop_files(bundle: Path, tmp_path: Path) -> None:
    tarball = next(bundle.parent.glob(f"live-interpreter-{__version__}-linux-*.tar.gz"))
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(tmp_path)], check=True, timeout=300)
    unpacked = next(tmp_path.glob("live-interpreter-*"))
    prefix = tmp_path / "home" / ".local"
    proc = subprocess.run(
        [str(unpacked / "install.sh")],
        env={**os.environ, "PREFIX": str(prefix)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    desktop = prefix / "share" / "applications" / "live-interpreter.desktop"
    for installed in (
        desktop,
        prefix / "share" / "metainfo" / "io.github.liveinterpreter.LiveInterpreter.metainfo.xml",
        prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "live-interpreter.svg",
    ):
        assert installed.is_file(), installed
    assert subprocess.run(["desktop-file-validate", str(desktop)], timeout=30).returncode == 0
    version = subprocess.run(
        [str(prefix / "bin" / "live-interpreter"), "--version"],  # the symlink on PATH starts the bundle
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert version.stdout.strip() == f"live-interpreter {__version__}", version.stderr
