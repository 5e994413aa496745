"""The Linux desktop integration files in ``resources/``: valid for the freedesktop tools, and consistent with each
other, the icon and the app's version."""

from __future__ import annotations

import configparser
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from interpreter import __version__

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / "live-interpreter.desktop"
METAINFO = RESOURCES / "io.github.liveinterpreter.LiveInterpreter.metainfo.xml"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive in .desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_passes_desktop_file_validate() -> None:
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout.lower()


def test_metainfo_passes_appstreamcli_validate() -> None:
    # --no-net: the screenshot URLs are not fetched (CI may have no internet); everything else is checked.
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_metainfo_launches_the_desktop_file_and_names_the_current_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == _desktop_entry()["Exec"].split()[0]
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__, "add a <release> for the new version to the metainfo"


def test_desktop_icon_is_the_shipped_svg_and_the_apps_own() -> None:
    entry = _desktop_entry()
    icon = RESOURCES / f"{entry['Icon']}.svg"
    assert icon.is_file()
    # resources/ (desktop integration) and the package's icon (window icon, About dialog) are the same picture.
    assert icon.read_bytes() == (ROOT / "interpreter" / "resources" / "icons" / icon.name).read_bytes()
