"""The API key dialog: region, key entry with show/hide, save to the OS keyring, and "Test connection".

    ApiKeyViewModel (QObject, owns the async work)  <──  ApiKeyDialog (widgets only)

The key lives only in the OS keyring (``store.secrets``). When there is no keyring the dialog says so plainly and
points to ``DASHSCOPE_API_KEY``; it never writes the key anywhere else. The key never reaches a log, an exception
message or a signal: signals carry only outcomes and masked hints.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from interpreter.core.redaction import redact, register_secret
from interpreter.errors import ConfigError, SecretStoreUnavailableError, StorageError
from interpreter.store.secrets import API_KEY_ENV, resolve_api_key
from interpreter.transport.endpoints import Region
from interpreter.ui.dialogs.connection_check import CheckOutcome, check_connection, region_label
from interpreter.ui.dialogs.localization import QT_TRANSLATE_NOOP, join_sentences
from interpreter.ui.messages import render

__all__ = ["API_KEY_ENV", "REGION_NOTE", "ApiKeyDialog", "ApiKeyViewModel", "SecretStoreLike", "open_api_key_dialog"]

logger = logging.getLogger(__name__)

#: The region sentence in English (the source text); the dialog shows its translation.
REGION_NOTE = QT_TRANSLATE_NOOP(
    "ApiKeyDialog",
    "API keys belong to the region they were created in: a Singapore key is refused in Beijing and the other way "
    "round. Image translation (qwen-mt-image) and uploading local files as temporary files work only in the "
    "Beijing region, with a Beijing key.",
)

#: Keys shorter than this get no hint at all: showing 4 characters of a short key would give away too much.
_HINT_MIN_LENGTH = 16
_HINT_CHARS = 4

Checker = Callable[..., Awaitable[CheckOutcome]]


class SecretStoreLike(Protocol):
    """What the dialog needs from ``interpreter.store.secrets.SecretStore``."""

    def available(self) -> bool: ...
    def get_api_key(self, region: str) -> str | None: ...
    def set_api_key(self, region: str, key: str) -> None: ...
    def delete_api_key(self, region: str) -> None: ...


def key_hint(key: str) -> str:
    """A masked reminder of which key is stored ("sk-…c0de"); never enough of the key to use it."""
    key = key.strip()
    prefix = "sk-" if key.startswith("sk-") else ""
    if len(key) < _HINT_MIN_LENGTH:
        return f"{prefix}…"
    return f"{prefix}…{key[-_HINT_CHARS:]}"


class ApiKeyViewModel(QObject):
    """State and actions of the API key dialog.

    Signals carry plain data only and never a key:

    - ``region_changed(str)``: the selected region's value ("singapore"/"beijing").
    - ``status_changed(str)``: a sentence describing where the key for this region comes from.
    - ``busy_changed(bool)``: a check or save is running (buttons disable themselves).
    - ``check_finished(str, str, str)``: reason value, headline, sentence of a connection check.
    - ``save_finished(bool, str)``: whether the key was saved, and a sentence saying so or why not.
    - ``region_saved(str)``: the user saved with this region selected (the caller stores it in settings).

    Args:
        secrets: the keyring-backed secret store.
        region: the region selected when the dialog opens.
        base_url: a custom service address (demo emulator, proxy), or None for the region's public endpoint.
        model: the realtime model whose access the check proves.
        checker: the connection check (default :func:`check_connection`); tests may pass a wrapper.
    """

    region_changed = Signal(str)
    status_changed = Signal(str)
    busy_changed = Signal(bool)
    check_finished = Signal(str, str, str)
    save_finished = Signal(bool, str)
    region_saved = Signal(str)

    def __init__(
        self,
        secrets: SecretStoreLike,
        *,
        region: Region = Region.SINGAPORE,
        base_url: str | None = None,
        model: str | None = None,
        checker: Checker = check_connection,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._secrets = secrets
        self._region = Region(region)
        self._base_url = base_url
        self._model = model
        self._checker = checker
        self._busy = False
        self.last_outcome: CheckOutcome | None = None

    # ---- state ---------------------------------------------------------------------------------------------------

    @property
    def region(self) -> Region:
        return self._region

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def keyring_available(self) -> bool:
        return self._secrets.available()

    @property
    def environment_key_set(self) -> bool:
        return bool(os.environ.get(API_KEY_ENV, "").strip())

    def has_stored_key(self) -> bool:
        """Whether the keyring holds a key for the selected region (False when there is no usable keyring)."""
        if not self.keyring_available:
            return False
        try:
            return bool(self._secrets.get_api_key(self._region.value))
        except StorageError:
            return False

    def unavailable_message(self) -> str:
        """The plain sentence shown when there is no keyring (empty when there is one)."""
        if self.keyring_available:
            return ""
        return self.tr(
            "This system has no keyring (password manager) that Live Interpreter can use, so your key cannot be "
            "saved. Set the {env} environment variable before starting the app instead; the key is never "
            "written to a file."
        ).format(env=API_KEY_ENV)

    def status_text(self) -> str:
        """Where the key for the selected region comes from, in one or two sentences."""
        where = region_label(self._region)
        parts: list[str] = []
        stored: str | None = None
        if self.keyring_available:
            try:
                stored = self._secrets.get_api_key(self._region.value)
            except StorageError as exc:
                parts.append(render(exc.message))
        if stored:
            parts.append(
                self.tr("A key for {region} is saved in the system keyring ({hint}).").format(
                    region=where, hint=key_hint(stored)
                )
            )
        elif self.keyring_available and not parts:
            parts.append(self.tr("No key is saved for {region}.").format(region=where))
        if self.environment_key_set:
            parts.append(self.tr("{env} is set; live sessions use that key first.").format(env=API_KEY_ENV))
        return join_sentences(parts)

    # ---- actions -------------------------------------------------------------------------------------------------

    def set_region(self, region: Region | str) -> None:
        """Select a region (affects the status line, saving and checking)."""
        new = Region(region)
        if new is self._region:
            return
        self._region = new
        self.region_changed.emit(new.value)
        self.status_changed.emit(self.status_text())

    def refresh(self) -> None:
        """Re-announce the current state (the dialog calls this once its widgets are connected)."""
        self.region_changed.emit(self._region.value)
        self.status_changed.emit(self.status_text())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _key_for_check(self, typed: str) -> str:
        """The typed key, else the one live sessions would use (environment, then keyring); "" when none."""
        key, _source = resolve_api_key(typed, self._region.value, self._secrets)  # type: ignore[arg-type]
        return key or ""

    @asyncSlot(str)
    async def test_connection(self, typed_key: str) -> None:
        """Check the typed key (or, when the field is empty, the key live sessions would use) against the service."""
        if self._busy:
            return
        key = self._key_for_check(typed_key)
        if key:
            register_secret(key)  # from now on the key is masked in every log line, whatever its shape
        self._set_busy(True)
        try:
            kwargs: dict[str, Any] = {"base_url": self._base_url}
            if self._model:
                kwargs["model"] = self._model
            outcome = await self._checker(key, self._region, **kwargs)
        finally:
            self._set_busy(False)
        self.last_outcome = outcome
        logger.info("Connection check: %s", outcome.reason.value)
        self.check_finished.emit(outcome.reason.value, outcome.headline, redact(outcome.message))

    @asyncSlot(str)
    async def save(self, typed_key: str) -> None:
        """Store the typed key for the selected region in the keyring (an empty field keeps the saved key and only
        saves the region choice)."""
        if self._busy:
            return
        key = typed_key.strip()
        if key:
            register_secret(key)
        self._set_busy(True)
        try:
            if key:
                # Keyring calls may block on D-Bus (an unlock prompt); keep the window responsive meanwhile.
                await asyncio.to_thread(self._secrets.set_api_key, self._region.value, key)
        except (ConfigError, SecretStoreUnavailableError, StorageError) as exc:
            self.save_finished.emit(False, render(exc.message))
            return
        finally:
            self._set_busy(False)
        self.region_saved.emit(self._region.value)
        self.status_changed.emit(self.status_text())
        where = region_label(self._region)
        if key:
            saved = self.tr("Saved: live sessions use {region} with this key.").format(region=where)
        else:
            saved = self.tr("Saved: live sessions use {region}.").format(region=where)
        self.save_finished.emit(True, saved)

    @asyncSlot()
    async def remove_key(self) -> None:
        """Delete the saved key of the selected region from the keyring."""
        if self._busy:
            return
        self._set_busy(True)
        try:
            await asyncio.to_thread(self._secrets.delete_api_key, self._region.value)
        except StorageError as exc:
            self.save_finished.emit(False, render(exc.message))
            return
        finally:
            self._set_busy(False)
        self.status_changed.emit(self.status_text())
        self.save_finished.emit(
            True,
            self.tr("The key for {region} was removed from the keyring.").format(region=region_label(self._region)),
        )


class ApiKeyDialog(QDialog):
    """Widgets for :class:`ApiKeyViewModel`. Non-modal; closing it discards an unsaved key."""

    def __init__(self, view_model: ApiKeyViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = view_model
        self.setWindowTitle(self.tr("API key"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "Live Interpreter uses your Alibaba Cloud Model Studio (DashScope) API key. "
                "Create one in the Model Studio console of the region you want to use."
            )
        )
        intro.setWordWrap(True)

        self.region_buttons: dict[Region, QRadioButton] = {}
        region_row = QHBoxLayout()
        self._region_group = QButtonGroup(self)
        for region in Region:
            button = QRadioButton(region_label(region))
            button.setObjectName(f"region_{region.value}")
            self._region_group.addButton(button)
            self.region_buttons[region] = button
            region_row.addWidget(button)
            button.toggled.connect(lambda checked, r=region: self._region_toggled(r, checked))
        region_row.addStretch(1)

        self.region_note = QLabel(QCoreApplication.translate("ApiKeyDialog", REGION_NOTE))
        self.region_note.setObjectName("region_note")
        self.region_note.setWordWrap(True)
        self.region_note.setStyleSheet("color: palette(placeholder-text);")

        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("key_edit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("sk-… (leave empty to keep the saved key)"))
        # Password echo mode already blocks copy and drag of the hidden text; keep drag off when shown too.
        self.key_edit.setDragEnabled(False)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("show_button")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._set_key_visible)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_button)

        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)

        self.keyring_banner = QLabel()
        self.keyring_banner.setObjectName("keyring_banner")
        self.keyring_banner.setWordWrap(True)
        self.keyring_banner.setStyleSheet(
            "QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #e0c060; border-radius: 4px;"
            " padding: 6px; }"
        )

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("test_button")
        self.test_button.setToolTip(
            self.tr("Open a short live session with this key and close it again (nothing is billed).")
        )
        self.test_button.clicked.connect(lambda: self.vm.test_connection(self.key_edit.text()))
        self.result_label = QLabel()
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.result_label, 1)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)  # Enter in the key field saves
        self.remove_button = self.buttons.addButton(
            self.tr("Remove saved key"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setObjectName("remove_button")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        # Named here so it follows the app's translation even when Qt's own (qtbase) translation is not installed.
        self.close_button.setText(self.tr("Close"))
        self.save_button.clicked.connect(lambda: self.vm.save(self.key_edit.text()))
        self.remove_button.clicked.connect(lambda: self.vm.remove_key())
        self.close_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Region:"), region_row)
        form.addRow("", self.region_note)
        form.addRow(self.tr("API key:"), key_row)
        form.addRow("", self.status_label)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.keyring_banner)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.vm.region_changed.connect(self._show_region)
        self.vm.status_changed.connect(self._show_status)
        self.vm.busy_changed.connect(self._show_busy)
        self.vm.check_finished.connect(self._show_check)
        self.vm.save_finished.connect(self._show_saved)
        self._show_keyring_state()
        self.vm.refresh()

    def _region_toggled(self, region: Region, checked: bool) -> None:
        if checked:
            self.vm.set_region(region)

    def _set_key_visible(self, visible: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        self.show_button.setText(self.tr("Hide") if visible else self.tr("Show"))

    def _show_keyring_state(self) -> None:
        message = self.vm.unavailable_message()
        self.keyring_banner.setText(message)
        self.keyring_banner.setVisible(bool(message))
        available = not message
        self.save_button.setEnabled(available)
        self.remove_button.setEnabled(available and self.vm.has_stored_key())
        if not available:
            self.save_button.setToolTip(self.tr("No keyring: set {env} instead.").format(env=API_KEY_ENV))
            self.key_edit.setPlaceholderText(self.tr("sk-… (can be tested, but not saved without a keyring)"))

    def _show_region(self, value: str) -> None:
        button = self.region_buttons[Region(value)]
        if not button.isChecked():
            button.setChecked(True)

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.remove_button.setEnabled(not self.vm.busy and self.vm.has_stored_key())

    def _show_busy(self, busy: bool) -> None:
        available = self.vm.keyring_available
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and available)
        self.remove_button.setEnabled(not busy and self.vm.has_stored_key())
        if busy:
            self.result_label.setStyleSheet("")
            self.result_label.setText(self.tr("Working…"))

    def _show_check(self, reason: str, headline: str, message: str) -> None:
        ok = reason == "ok"
        colour = "#1b7f3b" if ok else "#b3261e"
        self.result_label.setStyleSheet(f"color: {colour};")
        self.result_label.setText(
            self.tr("<b>{headline}.</b> {message}").format(headline=_escape(headline), message=_escape(message))
        )

    def _show_saved(self, ok: bool, message: str) -> None:
        self.result_label.setStyleSheet("" if ok else "color: #b3261e;")
        self.result_label.setText(_escape(message))
        if ok:
            self.key_edit.clear()  # the key is in the keyring now; do not keep it in a widget


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def open_api_key_dialog(
    parent: QWidget | None,
    settings: Any,
    secrets: SecretStoreLike,
    *,
    on_settings: Callable[[Any], None] | None = None,
    base_url: str | None = None,
    checker: Checker = check_connection,
) -> ApiKeyDialog:
    """Create and show (non-modally) the API key dialog for ``settings``.

    Args:
        parent: the window that owns the dialog.
        settings: the current ``store.settings.Settings`` (region, base_url and model are read).
        secrets: the ``store.secrets.SecretStore``.
        on_settings: called with ``dataclasses.replace(settings, region=...)`` when the user saves a region.
        base_url: overrides ``settings.base_url`` (the demo passes its emulator's address).
        checker: the connection check (tests).

    Returns:
        The dialog, already shown.
    """
    view_model = ApiKeyViewModel(
        secrets,
        region=Region(getattr(settings, "region", Region.SINGAPORE)),
        base_url=base_url if base_url is not None else getattr(settings, "base_url", None),
        model=getattr(settings, "model", None),
        checker=checker,
    )
    dialog = ApiKeyDialog(view_model, parent)
    view_model.setParent(dialog)
    if on_settings is not None:
        view_model.region_saved.connect(lambda value: on_settings(dataclasses.replace(settings, region=value)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
