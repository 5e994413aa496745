"""House rules that a test can check (ARCHITECTURE.md §2).

- The layer contracts in pyproject hold (import-linter).
- Everything but ui/app imports with Qt made unimportable.
- Importing any module starts nothing: no threads.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NON_QT_PACKAGES = ["core", "protocol", "transport", "media", "services", "store", "emulator"]


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_non_ui_layers_import_without_qt() -> None:
    proc = _run(
        f"""
        import importlib, pkgutil, sys
        # A None entry makes `import PySide6` raise ImportError, as on a machine without Qt.
        for name in ("PySide6", "qasync", "shiboken6"):
            sys.modules[name] = None
        import interpreter
        for package in {NON_QT_PACKAGES!r}:
            pkg = importlib.import_module("interpreter." + package)
            for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
                importlib.import_module(info.name)
        import interpreter.cli
        for info in pkgutil.iter_modules(interpreter.cli.__path__, "interpreter.cli."):
            importlib.import_module(info.name)  # every command imports without Qt
        import interpreter.bootstrap, interpreter.self_test
        print("ok")
        """
    )
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_importing_every_module_starts_no_thread() -> None:
    proc = _run(
        """
        import importlib, pkgutil, threading
        import interpreter
        for info in pkgutil.walk_packages(interpreter.__path__, "interpreter."):
            importlib.import_module(info.name)
        names = [t.name for t in threading.enumerate()]
        print(len(names), names)
        """
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("1 "), proc.stdout
