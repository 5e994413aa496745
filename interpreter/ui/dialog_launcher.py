"""Opens the dialogs (owned by ``interpreter.ui.dialogs``) from the main window's menus and the Live tab.

Each dialog module offers a factory taking the current settings and an ``on_settings`` callback. This module
adapts the shell's state to those factories, and applies what the user saved back to the settings and to the Live
view-model. A dialog module that is missing from a build is reported in place, not as a crash.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QWidget

_log = logging.getLogger(__name__)

#: name -> (module, factory) in interpreter.ui.dialogs.
DIALOGS = {
    "api_key": ("interpreter.ui.dialogs.api_key", "open_api_key_dialog"),
    "voices": ("interpreter.ui.dialogs.voices", "open_voices_dialog"),
    "hotwords": ("interpreter.ui.dialogs.hotwords", "open_hotwords_dialog"),
    "welcome": ("interpreter.ui.dialogs.welcome", "ask_welcome"),
    "history": ("interpreter.ui.history", "open_history_dialog"),
}


def _factory(name: str) -> Any:
    module_name, attribute = DIALOGS[name]
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        _log.warning("dialog %s unavailable: %s", name, exc)
        return None


def open_dialog(name: str, window: Any, *, shell: Any) -> None:
    """Open dialog ``name`` over ``window`` with the shell's settings; unknown or missing dialogs give a notice."""
    factory = _factory(name) if name in DIALOGS else None
    if factory is None:
        window.show_notice(window.tr("This dialog is not available in this build."), "info")
        return
    vm = shell.vm
    settings = _with_live_options(shell.settings, vm.options)

    def on_settings(updated: Any) -> None:
        shell.settings = updated
        voice = updated.voice_for(updated.model) or ""
        vm.update_options(
            model=updated.model,
            target_language=updated.target_language,
            source_language=updated.source_language or "",
            voice=voice,
            glossary_name=updated.glossary or "",
            hotwords=hotwords_of(updated.glossary),
        )

    parent: QWidget = window
    if name == "api_key":
        base_url = shell.emulator.base_url if shell.emulator is not None else None
        factory(parent, settings, shell.secrets, on_settings=on_settings, base_url=base_url)
    elif name in ("voices", "hotwords"):
        factory(parent, settings, on_settings=on_settings)
    elif name == "history":
        factory(parent, shell.journal)
    else:
        factory(parent)


def _with_live_options(settings: Any, options: Any) -> Any:
    """Settings reflecting what the Live tab shows right now (the dialogs start from the presenter's choices)."""
    voices = dict(settings.voices)
    if options.voice:
        voices[options.model] = options.voice
    return replace(
        settings,
        model=options.model,
        target_language=options.target_language,
        source_language=options.source_language or None,
        voices=voices,
    )


def hotwords_of(glossary_name: str | None) -> dict[str, str]:
    """The phrases of the named saved glossary ({} when none or unreadable: a session never fails for that)."""
    if not glossary_name:
        return {}
    from interpreter.errors import InterpreterError
    from interpreter.store.glossaries import GlossaryStore

    try:
        glossary = GlossaryStore().get(glossary_name)
    except InterpreterError as exc:
        _log.warning("glossary %s unreadable: %s", glossary_name, exc)
        return {}
    return dict(glossary.as_phrases()) if glossary is not None else {}
