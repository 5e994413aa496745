"""Render every dialog of ``interpreter.ui.dialogs`` in a realistic state and save PNG screenshots.

    python tools/dialog_screenshots.py [--out docs/screenshots/dialogs]

Runs on whatever Qt platform is configured: under Xvfb (``DISPLAY=:N QT_QPA_PLATFORM=xcb``, what the xvfb test
does) or offscreen. It never touches the user's settings or keychain: app folders go to a temporary directory and
API keys to an in-memory secret store; the "Test connection" result is a real check against a local emulator.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GLOSSARY_CSV = REPO / "tests" / "data" / "glossaries" / "conference_excel_semicolon.csv"
DEFAULT_OUT = REPO / "docs" / "screenshots" / "dialogs"
#: Let Qt lay out and paint a freshly shown window before grabbing it (a few event-loop turns are enough; 150 ms
#: leaves room on a loaded machine).
SETTLE_S = 0.15


class _MemorySecrets:
    """Just enough of ``store.secrets.SecretStore`` for the screenshots (nothing leaves the process)."""

    def __init__(self, available: bool = True) -> None:
        self._available = available
        self._keys: dict[str, str] = {}

    def available(self) -> bool:
        return self._available

    def get_api_key(self, region: str) -> str | None:
        return self._keys.get(region)

    def set_api_key(self, region: str, key: str) -> None:
        self._keys[region] = key

    def delete_api_key(self, region: str) -> None:
        self._keys.pop(region, None)


async def _shoot(widget: object, path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    widget.show()
    widget.raise_()
    await asyncio.sleep(SETTLE_S)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    widget.close()


async def _render(out: Path) -> list[Path]:
    from interpreter.core.catalog import load_catalog
    from interpreter.emulator.testing import running_emulator
    from interpreter.protocol.config import VoiceClone
    from interpreter.store.glossaries import GlossaryStore
    from interpreter.ui.dialogs.api_key import ApiKeyDialog, ApiKeyViewModel
    from interpreter.ui.dialogs.hotwords import HotwordsDialog
    from interpreter.ui.dialogs.voices import VoicesDialog, VoicesViewModel
    from interpreter.ui.dialogs.welcome import WelcomeDialog, WelcomeViewModel
    from interpreter.ui.viewmodels.hotwords import HotwordsViewModel

    shots: list[Path] = []

    async def shoot(widget: object, name: str) -> None:
        path = out / f"{name}.png"
        await _shoot(widget, path)
        shots.append(path)

    await shoot(WelcomeDialog(WelcomeViewModel()), "welcome")

    with running_emulator() as emulator:
        secrets = _MemorySecrets()
        secrets.set_api_key("singapore", emulator.api_key)
        dialog = ApiKeyDialog(ApiKeyViewModel(secrets, base_url=emulator.base_url))
        done = asyncio.Event()
        dialog.vm.check_finished.connect(lambda *_: done.set())
        dialog.test_button.click()
        await asyncio.wait_for(done.wait(), 30)
        await shoot(dialog, "api_key_connected")

        dialog = ApiKeyDialog(ApiKeyViewModel(_MemorySecrets(), base_url=emulator.base_url))
        dialog.key_edit.setText("sk-this-key-does-not-exist-0000")
        done = asyncio.Event()
        dialog.vm.check_finished.connect(lambda *_: done.set())
        dialog.test_button.click()
        await asyncio.wait_for(done.wait(), 30)
        await shoot(dialog, "api_key_invalid_key")

    await shoot(ApiKeyDialog(ApiKeyViewModel(_MemorySecrets(available=False))), "api_key_no_keyring")

    catalog = load_catalog()
    await shoot(
        VoicesDialog(VoicesViewModel(catalog, model="qwen3-livetranslate-flash-realtime", target_language="en")),
        "voices",
    )
    clone = VoicesDialog(
        VoicesViewModel(
            catalog,
            model="qwen3.5-livetranslate-flash-realtime",
            target_language="ja",
            voice_clone=VoiceClone.NEVER,
        )
    )
    await shoot(clone, "voices_clone_needs_id")

    store = GlossaryStore()
    hotwords = HotwordsDialog(HotwordsViewModel(store))
    hotwords.vm.new_glossary("Cloud summit 2025")
    hotwords.import_from(GLOSSARY_CSV)
    hotwords.vm.set_language_pair("en", "zh")
    await shoot(hotwords, "hotwords")
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the PNG files")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    sys.path.insert(0, str(REPO))
    os.environ.setdefault("QT_API", "pyside6")
    scratch = Path(tempfile.mkdtemp(prefix="dialog-shots-"))
    for name in ("CONFIG", "DATA", "LOG"):
        os.environ[f"LIVE_INTERPRETER_{name}_DIR"] = str(scratch / name.lower())
    os.environ.pop("DASHSCOPE_API_KEY", None)  # the status lines must not depend on the developer's shell

    import qasync
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["dialog-screenshots"])
    app.setApplicationName("Live Interpreter")
    app.setQuitOnLastWindowClosed(False)  # each dialog is closed after its shot; that must not quit the loop
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            shots = loop.run_until_complete(_render(out))
    finally:
        # Delete every window while Qt is still whole: left to interpreter shutdown, PySide6 6.12 on xcb destroys
        # them after the QApplication about one run in three ("shared QObject was deleted directly", SIGSEGV).
        for widget in QApplication.topLevelWidgets():
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.shutdown()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"{len(shots)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
