"""The API key dialog: region, key entry with show/hide, save to the OS keyring, and "Test connection".

    ApiKeyViewModel (QObject, owns the async work)  <──  ApiKeyDialog (widgets only)

The key lives only in the OS keyring (``store.secrets``). When there is no keyring the dialog says so plainly and
points to ``DASHSCOPE_API_KEY``; it never writes the key anywhere else. The key never reaches a log, an exception
message or a signal: signals carry only outcomes and masked hints.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
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

from interpreter.ui.dialogs.localization import QT_TRANSLATE_NOOP
from interpreter.ui.viewmodels.api_key import (
    API_KEY_ENV,
    REGIONS,
    ApiKeyViewModel,
    Checker,
    SecretStoreLike,
    key_hint,
    region_label,
)

__all__ = [
    "API_KEY_ENV",
    "REGION_NOTE",
    "ApiKeyDialog",
    "ApiKeyViewModel",
    "SecretStoreLike",
    "key_hint",
    "open_api_key_dialog",
]

logger = logging.getLogger(__name__)

#: The region sentence in English (the source text); the dialog shows its translation.
REGION_NOTE = QT_TRANSLATE_NOOP(
    "ApiKeyDialog",
    "API keys belong to the region they were created in: a Singapore key is refused in Beijing and the other way "
    "round. Image translation (qwen-mt-image) and uploading local files as temporary files work only in the "
    "Beijing region, with a Beijing key.",
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

        self.region_buttons: dict[str, QRadioButton] = {}
        region_row = QHBoxLayout()
        self._region_group = QButtonGroup(self)
        for region in REGIONS:
            button = QRadioButton(region_label(region))
            button.setObjectName(f"region_{region}")
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

    def _region_toggled(self, region: str, checked: bool) -> None:
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
        button = self.region_buttons[value]
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
    checker: Checker | None = None,
) -> ApiKeyDialog:
    """Create and show (non-modally) the API key dialog for ``settings``.

    Args:
        parent: the window that owns the dialog.
        settings: the current ``store.settings.Settings`` (region, base_url and model are read).
        secrets: the ``store.secrets.SecretStore``.
        on_settings: called with ``dataclasses.replace(settings, region=...)`` when the user saves a region.
        base_url: overrides ``settings.base_url`` (the demo passes its emulator's address).
        checker: the connection check (tests); None for ``services.connection_check.check_connection``.

    Returns:
        The dialog, already shown.
    """
    view_model = ApiKeyViewModel(
        secrets,
        region=getattr(settings, "region", REGIONS[0]),
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
