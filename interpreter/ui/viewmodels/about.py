"""What the About dialog (``ui.dialogs.about.AboutDialog``) shows: versions and the log folder, for bug reports.

The library list is not kept here: it is the app's own runtime requirements as its package metadata declares them
(``pyproject.toml`` ``dependencies``), each with the version installed, so a dependency added later appears without
an edit. The bundle carries that metadata (``packaging/live-interpreter.spec`` copies it).
"""

from __future__ import annotations

import importlib.metadata
import platform
import re
from dataclasses import dataclass

import PySide6
from PySide6.QtCore import qVersion

from interpreter import __version__
from interpreter.errors import StorageError
from interpreter.store.paths import log_dir

__all__ = ["DISTRIBUTION", "AboutInfo", "about_info", "runtime_libraries"]

#: The app's distribution name (``pyproject.toml`` ``[project] name``).
DISTRIBUTION = "live-interpreter"

#: A requirement's distribution name: what comes before any extras, version specifier or marker.
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True, slots=True)
class AboutInfo:
    """Plain data for the About dialog.

    Attributes:
        version: the app's version (``interpreter.__version__``, the one place it lives).
        python: Python version and implementation, e.g. ``"3.11.7 (CPython)"``.
        qt: the Qt version the app runs on (may differ from the one PySide6 was built with).
        pyside: the PySide6 version.
        libraries: ``(distribution, version)`` of each runtime requirement, in declaration order; the version is
            ``"?"`` when the distribution's metadata cannot be found.
        log_folder: where the log files are, or None when none can be kept (``log_problem`` says why).
        log_problem: one sentence when ``log_folder`` is None.
    """

    version: str
    python: str
    qt: str
    pyside: str
    libraries: tuple[tuple[str, str], ...]
    log_folder: str | None
    log_problem: str | None = None

    def as_text(self) -> str:
        """The facts as plain English lines, for pasting into a bug report (not translated on purpose)."""
        lines = [
            f"Live Interpreter {self.version}",
            f"Python {self.python}, Qt {self.qt}, PySide6 {self.pyside}, {platform.platform()}",
            "Libraries: " + ", ".join(f"{name} {version}" for name, version in self.libraries),
            f"Log folder: {self.log_folder or self.log_problem}",
        ]
        return "\n".join(lines)


def runtime_libraries() -> tuple[tuple[str, str], ...]:
    """``(name, installed version)`` of every runtime requirement of the app (no extras such as test tools)."""
    try:
        requirements = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:
        return ()
    names: list[str] = []
    for requirement in requirements:
        match = _REQUIREMENT_NAME.match(requirement)
        if match is None or "extra ==" in requirement:
            continue
        if match.group(1) not in names:
            names.append(match.group(1))
    return tuple((name, _installed_version(name)) for name in names)


def _installed_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def about_info() -> AboutInfo:
    """Gather the facts (cheap: package metadata and paths, no library is imported)."""
    try:
        folder: str | None = str(log_dir())
        problem = None
    except StorageError as error:
        folder, problem = None, error.user_message
    return AboutInfo(
        version=__version__,
        python=f"{platform.python_version()} ({platform.python_implementation()})",
        qt=qVersion(),
        pyside=PySide6.__version__,
        libraries=runtime_libraries(),
        log_folder=folder,
        log_problem=problem,
    )
