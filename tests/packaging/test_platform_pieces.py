"""The Windows and macOS pieces of the spec (not built here): version resource and Info.plist from the one version,
the microphone and camera usage strings, and icons Qt can read at every size the platforms ask for."""

from __future__ import annotations

import ast
import importlib.util
import plistlib
import struct
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtGui import QImageReader

from interpreter import __version__

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_windows_version_resource_carries_the_version() -> None:
    windows = _load("windows_version")
    text = windows.version_file_text(__version__)
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this file: it must be one valid expression
    assert isinstance(tree.body, ast.Call) and getattr(tree.body.func, "id", None) == "VSVersionInfo"
    numbers = windows.version_tuple(__version__)
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert windows.version_tuple("1.2") == (1, 2, 0, 0)
    with pytest.raises(ValueError):
        windows.version_tuple("1.2.3.4.5")


def test_macos_info_plist_asks_for_microphone_and_camera_and_carries_the_version() -> None:
    entries = _load("macos_info").info_plist(__version__)
    assert entries["CFBundleShortVersionString"] == __version__
    assert "microphone" in str(entries["NSMicrophoneUsageDescription"])
    assert "camera" in str(entries["NSCameraUsageDescription"])
    plistlib.loads(plistlib.dumps(entries))  # serialisable as a property list, as PyInstaller writes it


def _icns_sizes(path: Path) -> dict[bytes, int]:
    data = path.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    sizes, offset = {}, 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        assert data[offset + 8 : offset + 12] == b"\x89PNG"
        sizes[kind] = length
        offset += length
    assert offset == len(data)
    return sizes


def test_icons_hold_every_size(qapp: Any) -> None:
    ico = QImageReader(str(PACKAGING / "icons" / "live-interpreter.ico"))
    sizes = set()
    for index in range(ico.imageCount()):
        ico.jumpToImage(index)
        sizes.add(ico.read().width())
    assert {16, 32, 48, 256} <= sizes
    icns_types = _icns_sizes(PACKAGING / "icons" / "live-interpreter.icns")
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= icns_types.keys()
