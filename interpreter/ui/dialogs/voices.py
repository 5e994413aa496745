"""The voices dialog: pick the translated voice per model, set voice cloning, and preview.

    ui.viewmodels.voices.VoicesViewModel (catalog rows, validation, async preview)  <──  VoicesDialog (widgets only)

Voices come from the catalog (``core.catalog``) for the selected model, with description and languages. A voice
that cannot speak the target language stays visible but disabled, with the reason in a column and a tooltip.
Cloning rules are the service's (spec §1.5): cloning once/always speaks in the speaker's own voice ("default");
"use a pre-cloned voice" needs that voice's id. The messages are ``protocol.config.validate_config``'s, so the
dialog and a live session never disagree about what is valid.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from interpreter.core.catalog import Catalog, load_catalog
from interpreter.protocol.config import VoiceClone
from interpreter.ui.dialogs.localization import (
    QT_TRANSLATE_NOOP,
)
from interpreter.ui.viewmodels.voices import (
    PcmPlayer,
    VoicePreviewer,
    VoiceRow,
    VoiceSelection,
    VoicesViewModel,
    apply_selection,
)

__all__ = ["VoiceRow", "VoiceSelection", "VoicesDialog", "VoicesViewModel", "apply_selection", "open_voices_dialog"]

logger = logging.getLogger(__name__)

#: The cloning choices in English (the source text); the dialog shows their translations.
CLONE_LABELS: dict[VoiceClone, str] = {
    VoiceClone.OFF: QT_TRANSLATE_NOOP("VoicesDialog", "Off: use the voice selected above"),
    VoiceClone.ONCE: QT_TRANSLATE_NOOP(
        "VoicesDialog", "Clone the speaker's voice once, at the start of the session (one speaker)"
    ),
    VoiceClone.ALWAYS: QT_TRANSLATE_NOOP(
        "VoicesDialog", "Clone the voice again before every response (several speakers take turns)"
    ),
    VoiceClone.NEVER: QT_TRANSLATE_NOOP("VoicesDialog", "Use a voice I cloned earlier, by its voice id:"),
}


# Table columns.
_COL_NAME, _COL_DESCRIPTION, _COL_LANGUAGES, _COL_NOTE = range(4)


class VoicesDialog(QDialog):
    """Widgets for :class:`VoicesViewModel`; OK is enabled only for a valid selection."""

    def __init__(self, view_model: VoicesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = view_model
        self.setWindowTitle(self.tr("Voices"))
        self.resize(860, 560)

        self.model_combo = QComboBox()
        self.model_combo.setObjectName("model_combo")
        for name, label in self.vm.models():
            self.model_combo.addItem(label, name)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("target_combo")
        self.only_speaking = QCheckBox(self.tr("Only voices that speak the target language"))
        self.only_speaking.setObjectName("only_speaking")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Model:")))
        top.addWidget(self.model_combo, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Target language:")))
        top.addWidget(self.target_combo)
        top.addSpacing(12)
        top.addWidget(self.only_speaking)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("voice_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Voice"), self.tr("Description"), self.tr("Languages"), self.tr("Note")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_COL_DESCRIPTION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_COL_LANGUAGES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_COL_NOTE, QHeaderView.ResizeMode.ResizeToContents)

        clone_box = QGroupBox(self.tr("Voice cloning"))
        clone_layout = QVBoxLayout(clone_box)
        self.clone_buttons: dict[VoiceClone, QRadioButton] = {}
        self._clone_group = QButtonGroup(self)
        for mode in (VoiceClone.OFF, VoiceClone.ONCE, VoiceClone.ALWAYS, VoiceClone.NEVER):
            button = QRadioButton(QCoreApplication.translate("VoicesDialog", CLONE_LABELS[mode]))
            button.setObjectName(f"clone_{mode.value}")
            self._clone_group.addButton(button)
            self.clone_buttons[mode] = button
            button.toggled.connect(lambda checked, m=mode: self._clone_toggled(m, checked))
            if mode is VoiceClone.NEVER:
                row = QHBoxLayout()
                row.addWidget(button)
                self.cloned_id_edit = QLineEdit()
                self.cloned_id_edit.setObjectName("cloned_id_edit")
                self.cloned_id_edit.setPlaceholderText("qwen-translate-vc-…")
                self.cloned_id_edit.setText(self.vm.cloned_voice_id)
                self.cloned_id_edit.textChanged.connect(self.vm.set_cloned_voice_id)
                row.addWidget(self.cloned_id_edit, 1)
                clone_layout.addLayout(row)
            else:
                clone_layout.addWidget(button)

        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice_label")
        self.notice_label.setWordWrap(True)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("preview_button")
        self.preview_button.setToolTip(self.tr("Translate a short English sentence with this voice and play it."))
        self.preview_button.clicked.connect(lambda: self.vm.preview())
        self.preview_label = QLabel(self.vm.preview_unavailable_reason())
        self.preview_label.setObjectName("preview_label")
        self.preview_label.setWordWrap(True)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview_button)
        preview_row.addWidget(self.preview_label, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Named here so they follow the app's translation even when Qt's own (qtbase) translation is not installed.
        self.ok_button.setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(clone_box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.notice_label)
        layout.addLayout(preview_row)
        layout.addWidget(self.buttons)

        self.model_combo.currentIndexChanged.connect(lambda _i: self.vm.set_model(self.model_combo.currentData()))
        self.target_combo.currentIndexChanged.connect(self._target_picked)
        self.only_speaking.toggled.connect(lambda _checked: self._fill_table())
        self.table.itemSelectionChanged.connect(self._row_picked)
        self.vm.rows_changed.connect(self._rows_changed)
        self.vm.selection_changed.connect(self._show_selection)
        self.vm.validation_changed.connect(self._show_validation)
        self.vm.preview_busy.connect(self._show_preview_busy)
        self.vm.preview_finished.connect(self._show_preview_result)
        self.vm.refresh()

    # ---- view updates --------------------------------------------------------------------------------------------

    def _rows_changed(self) -> None:
        self.model_combo.blockSignals(True)
        self.model_combo.setCurrentIndex(max(0, self.model_combo.findData(self.vm.model)))
        self.model_combo.blockSignals(False)
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for code, name in self.vm.languages():
            self.target_combo.addItem(name, code)
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(self.vm.target_language)))
        self.target_combo.blockSignals(False)
        self.only_speaking.setText(
            self.tr("Only voices that speak {language}").format(language=self.vm.language_name(self.vm.target_language))
        )
        self._fill_table()

    def _fill_table(self) -> None:
        rows = [r for r in self.vm.rows() if r.available or not self.only_speaking.isChecked()]
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = self.tr("{voice} (default)").format(voice=row.name) if row.is_default else row.name
            cells = [name, row.description, row.languages_short, row.reason or self.tr("Speaks the target language")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.name)
                if column == _COL_LANGUAGES:
                    item.setToolTip(row.languages)
                else:
                    item.setToolTip(
                        row.reason
                        or self.tr("{voice}: {description}").format(voice=row.name, description=row.description)
                    )
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                item.setFlags(flags if row.available else Qt.ItemFlag.NoItemFlags)
                self.table.setItem(index, column, item)
        self.table.blockSignals(False)
        self._show_selection()

    def _show_selection(self) -> None:
        clone = self.vm.voice_clone
        button = self.clone_buttons[clone]
        if not button.isChecked():
            button.setChecked(True)
        self.cloned_id_edit.setEnabled(clone is VoiceClone.NEVER)
        # Cloning speaks in the speaker's voice or a cloned one: the preset list does not apply.
        self.table.setEnabled(clone is VoiceClone.OFF)
        self.table.blockSignals(True)
        self.table.clearSelection()
        for index in range(self.table.rowCount()):
            item = self.table.item(index, _COL_NAME)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == self.vm.voice:
                self.table.selectRow(index)
        self.table.blockSignals(False)

    def _show_validation(self, error: str, notice: str) -> None:
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))
        self.notice_label.setText(notice)
        self.notice_label.setVisible(bool(notice))
        self.ok_button.setEnabled(not error)

    def _show_preview_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        if busy:
            self.preview_label.setText(self.tr("Preparing the preview…"))

    def _show_preview_result(self, ok: bool, message: str) -> None:
        self.preview_label.setStyleSheet("" if ok else "color: #b3261e;")
        self.preview_label.setText(message)

    # ---- user input ----------------------------------------------------------------------------------------------

    def _clone_toggled(self, mode: VoiceClone, checked: bool) -> None:
        if checked:
            self.vm.set_voice_clone(mode)

    def _target_picked(self, _index: int) -> None:
        code = self.target_combo.currentData()
        if code:
            self.vm.set_target_language(code)

    def _row_picked(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.vm.select_voice(items[0].data(Qt.ItemDataRole.UserRole))

    def selection(self) -> VoiceSelection:
        return self.vm.selection()


def open_voices_dialog(
    parent: QWidget | None,
    settings: Any,
    *,
    on_settings: Callable[[Any], None] | None = None,
    previewer: VoicePreviewer | None = None,
    player: PcmPlayer | None = None,
    catalog: Catalog | None = None,
) -> VoicesDialog:
    """Create and show (non-modally) the voices dialog for ``settings`` (``store.settings.Settings``).

    Args:
        on_settings: called with the updated settings (:func:`apply_selection`) when the user presses OK.
        previewer: how to run preview sessions (the demo passes one for its emulator), or None.
        player: plays preview audio on the selected output (``interpreter.media``), or None when unavailable.
    """
    model = getattr(settings, "model", None) or next(iter((catalog or load_catalog()).models))
    voice_for = getattr(settings, "voice_for", None)
    view_model = VoicesViewModel(
        catalog or load_catalog(),
        model=model,
        target_language=getattr(settings, "target_language", "en"),
        voice=voice_for(model) if callable(voice_for) else None,
        voice_clone=VoiceClone(getattr(settings, "voice_clone", VoiceClone.OFF)),
        cloned_voice_id=getattr(settings, "cloned_voice_id", None),
        previewer=previewer,
        player=player,
    )
    dialog = VoicesDialog(view_model, parent)
    view_model.setParent(dialog)
    if on_settings is not None:
        dialog.accepted.connect(lambda: on_settings(apply_selection(settings, view_model.selection())))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
