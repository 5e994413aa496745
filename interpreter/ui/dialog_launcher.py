"""Opens the dialogs (owned by ``interpreter.ui.dialogs``) from the main window's menus and the Live tab.

Each dialog module offers a factory taking the current settings and an ``on_settings`` callback. This module adapts
the shell's state to those factories and applies what the user saved back to the settings and to the Live
view-model: the chosen voice and the glossary in use (as ``SessionConfig.hotwords`` phrases) flow into the Live tab's
options. Every dialog is non-modal (``show()``), so the asyncio loop keeps running underneath it: a nested
``exec()`` inside a coroutine would make qasync enter one task while another is executing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from interpreter.ui.dialogs.api_key import SecretStoreLike, open_api_key_dialog
from interpreter.ui.dialogs.hotwords import open_hotwords_dialog
from interpreter.ui.dialogs.voices import open_voices_dialog
from interpreter.ui.dialogs.welcome import WelcomeDialog
from interpreter.ui.history import open_history_dialog
from interpreter.ui.viewmodels.environment import Endpoint
from interpreter.ui.viewmodels.history import HistoryViewModel, SessionJournal
from interpreter.ui.viewmodels.hotwords import hotwords_of
from interpreter.ui.viewmodels.live_options import settings_with_options
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel
from interpreter.ui.viewmodels.voices import preview_tools
from interpreter.ui.viewmodels.welcome import WelcomeChoice, WelcomeViewModel

#: Names the main window passes to ``open_dialog``.
DIALOG_NAMES = ("api_key", "voices", "hotwords", "welcome", "history")


class SettingsAccess(Protocol):
    """The settings owner as the dialogs see it (``store.settings_owner.SettingsOwner``). The settings value is
    ``store.settings.Settings``, typed Any here: views do not import store, and the dialogs read it by field."""

    @property
    def current(self) -> Any: ...

    def update(self, settings: Any) -> None: ...


class Shell(Protocol):
    """What the launcher needs from the application context (``app_context.AppContext`` and test doubles).

    Optional: ``transcript_vm`` (a ``viewmodels.transcript_vm.TranscriptViewModel``) adds "Translate transcript…"
    to the history dialog (read with ``getattr``: test doubles need not have it)."""

    @property
    def settings(self) -> SettingsAccess: ...

    @property
    def secrets(self) -> SecretStoreLike: ...

    @property
    def journal(self) -> SessionJournal: ...

    @property
    def vm(self) -> LiveSessionViewModel: ...

    def current_endpoint(self) -> Endpoint | None:
        """Where previews connect (the demo emulator or the service with the user's key); None without a key."""
        ...

    def api_key_changed(self) -> None:
        """A key was saved or removed in the API key dialog (the context may leave the automatic demo)."""
        ...


def open_dialog(name: str, window: QWidget | None, *, shell: Shell) -> QWidget:
    """Open dialog ``name`` (one of :data:`DIALOG_NAMES`) over ``window``; returns the dialog, already shown.

    Raises:
        KeyError: ``name`` is not a known dialog (a programming error in a menu).
    """
    openers: dict[str, Callable[[QWidget | None, Shell], QWidget]] = {
        "api_key": _api_key,
        "voices": _voices,
        "hotwords": _hotwords,
        "welcome": lambda w, s: show_welcome(w, lambda choice: _welcome_chosen(choice, w, s)),
        "history": lambda w, s: open_history_dialog(w, HistoryViewModel(s.journal), getattr(s, "transcript_vm", None)),
    }
    return openers[name](window, shell)


def show_welcome(parent: QWidget | None, on_choice: Callable[[WelcomeChoice | None], None]) -> WelcomeDialog:
    """Show the welcome screen window-modally without blocking the loop; ``on_choice`` gets the choice (None when
    the user closed it)."""
    view_model = WelcomeViewModel()
    dialog = WelcomeDialog(view_model, parent)
    view_model.setParent(dialog)
    dialog.finished.connect(lambda _result: on_choice(view_model.choice))
    dialog.open()  # window-modal, returns at once (exec() would nest an event loop inside a coroutine)
    return dialog


def _welcome_chosen(choice: WelcomeChoice | None, window: QWidget | None, shell: Shell) -> None:
    if choice is WelcomeChoice.ENTER_KEY:
        open_dialog("api_key", window, shell=shell)


def _on_settings(shell: Shell) -> Callable[[Any], None]:
    """Callback for the dialogs: store the updated settings and mirror them in the Live tab's options."""

    def apply(updated: Any) -> None:
        shell.settings.update(updated)
        shell.vm.update_options(
            model=updated.model,
            target_language=updated.target_language,
            source_language=updated.source_language or "",
            voice=updated.voice_for(updated.model) or "",
            glossary_name=updated.glossary or "",
            hotwords=hotwords_of(updated.glossary),
        )

    return apply


def _api_key(window: QWidget | None, shell: Shell) -> QWidget:
    # In the (automatic) demo the key is checked against the real service: the user is setting up real use.
    settings = settings_with_options(shell.settings.current, shell.vm.options)
    dialog = open_api_key_dialog(window, settings, shell.secrets, on_settings=_on_settings(shell))

    def saved(ok: bool, _message: str) -> None:
        if ok:
            shell.api_key_changed()

    dialog.vm.save_finished.connect(saved)
    return dialog


def _voices(window: QWidget | None, shell: Shell) -> QWidget:
    options = shell.vm.options
    previewer, player = preview_tools(shell.current_endpoint(), options.output_device or None)
    return open_voices_dialog(
        window,
        settings_with_options(shell.settings.current, options),
        on_settings=_on_settings(shell),
        previewer=previewer,
        player=player,
        catalog=shell.vm.catalog,
    )


def _hotwords(window: QWidget | None, shell: Shell) -> QWidget:
    dialog = open_hotwords_dialog(window, shell.settings.current, on_settings=_on_settings(shell))
    # The glossary in use may have been edited without being renamed or re-chosen: re-read its phrases on close.
    dialog.finished.connect(
        lambda _result: shell.vm.update_options(
            glossary_name=shell.settings.current.glossary or "", hotwords=hotwords_of(shell.settings.current.glossary)
        )
    )
    return dialog
