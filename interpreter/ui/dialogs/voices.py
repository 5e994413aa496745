"""The voices dialog: pick the translated voice per model, set voice cloning, and preview.

    VoicesViewModel (QObject: catalog rows, validation, async preview)  <──  VoicesDialog (widgets only)

Voices come from the catalog (``core.catalog``) for the selected model, with description and languages. A voice
that cannot speak the target language stays visible but disabled, with the reason in a column and a tooltip.
Cloning rules are the service's (spec §1.5): cloning once/always speaks in the speaker's own voice ("default");
"use a pre-cloned voice" needs that voice's id. The messages are ``protocol.config.validate_config``'s, so the
dialog and a live session never disagree about what is valid.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
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
from qasync import asyncSlot

from interpreter.core.catalog import Catalog, ModelInfo, load_catalog
from interpreter.errors import ConfigError, InterpreterError
from interpreter.protocol.config import SessionConfig, VoiceClone, validate_config
from interpreter.ui.dialogs.localization import (
    QT_TRANSLATE_NOOP,
    current_ui_language,
    join_sentences,
    language_sort_key,
    sorted_languages,
)
from interpreter.ui.dialogs.voice_preview import OUTPUT_RATE, PcmPlayer, VoicePreviewer
from interpreter.ui.messages import render

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


@dataclass(frozen=True)
class VoiceRow:
    """One voice as the table shows it. ``reason`` is empty when the voice can speak the target language."""

    name: str
    description: str
    languages: str
    languages_short: str
    available: bool
    reason: str
    is_default: bool


@dataclass(frozen=True)
class VoiceSelection:
    """What the dialog decided: the model, target, voice (preset name, or a cloned id for ``NEVER``, or None when
    cloning at runtime) and the cloning mode."""

    model: str
    target_language: str
    voice: str | None
    voice_clone: VoiceClone
    cloned_voice_id: str | None

    def session_config(self) -> SessionConfig:
        """The voice part of a live session's configuration (other fields at their defaults)."""
        return SessionConfig(
            model=self.model,
            target_language=self.target_language,
            voice=self.voice,
            voice_clone=self.voice_clone,
            transcribe_source=False,
        )


def apply_selection(settings: Any, selection: VoiceSelection) -> Any:
    """``store.settings.Settings`` with the selection applied (voice remembered per model)."""
    voices = dict(getattr(settings, "voices", {}) or {})
    if selection.voice_clone is VoiceClone.OFF and selection.voice:
        voices[selection.model] = selection.voice
    return dataclasses.replace(
        settings,
        model=selection.model,
        target_language=selection.target_language,
        voices=voices,
        voice_clone=selection.voice_clone.value,
        cloned_voice_id=selection.cloned_voice_id,
    )


class VoicesViewModel(QObject):
    """State of the voices dialog.

    Signals (plain data):
        rows_changed(): the voice list changed (model or target changed); read :meth:`rows`.
        selection_changed(): voice, cloning mode or cloned id changed.
        validation_changed(str, str): an error sentence (empty = valid) and a notice sentence (may be empty).
        preview_busy(bool): a preview is running.
        preview_finished(bool, str): whether a preview played, and a sentence.

    Args:
        catalog: the model/voice catalog.
        model / target_language: what the session will use.
        voice: the chosen preset voice (None = the model's default).
        voice_clone / cloned_voice_id: the cloning mode and, for ``NEVER``, the cloned voice's id.
        previewer: runs a preview session (None: "preview unavailable").
        player: plays the preview's audio (None: "preview unavailable").
    """

    rows_changed = Signal()
    selection_changed = Signal()
    validation_changed = Signal(str, str)
    preview_busy = Signal(bool)
    preview_finished = Signal(bool, str)

    def __init__(
        self,
        catalog: Catalog,
        *,
        model: str,
        target_language: str,
        voice: str | None = None,
        voice_clone: VoiceClone = VoiceClone.OFF,
        cloned_voice_id: str | None = None,
        previewer: VoicePreviewer | None = None,
        player: PcmPlayer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        if catalog.model(model) is None:
            model = next(iter(catalog.models))  # a stale setting must not make the dialog unusable
        self._model = model
        self._target = target_language
        self._voice = voice if voice and self._model_info().voice(voice) else None
        self._clone = VoiceClone(voice_clone)
        # A NEVER setting stores the id in ``voice`` on the wire; keep it in its own field here.
        self._cloned_id = cloned_voice_id or (voice if self._clone is VoiceClone.NEVER else None) or ""
        self._previewer = previewer
        self._player = player
        self._previewing = False

    # ---- reading -------------------------------------------------------------------------------------------------

    def _model_info(self) -> ModelInfo:
        info = self.catalog.model(self._model)
        assert info is not None  # guaranteed by __init__/set_model
        return info

    @property
    def model(self) -> str:
        return self._model

    @property
    def target_language(self) -> str:
        return self._target

    @property
    def voice_clone(self) -> VoiceClone:
        return self._clone

    @property
    def cloned_voice_id(self) -> str:
        return self._cloned_id

    @property
    def voice(self) -> str:
        """The preset voice highlighted in the table (the model's default when none was chosen)."""
        return self._voice or self._model_info().default_voice

    def models(self) -> list[tuple[str, str]]:
        """``(name, label)`` of every realtime model."""
        return [(m.name, m.label) for m in self.catalog.models.values()]

    def language_name(self, code: str) -> str:
        """The name of language ``code`` in the UI language."""
        return self.catalog.language_name(code, current_ui_language(self.catalog))

    def languages(self) -> list[tuple[str, str]]:
        """``(code, name)`` of the target languages of the current model, named and sorted for the UI language."""
        return sorted_languages(self.catalog, self._model_info().languages)

    def _language_list(self, codes: frozenset[str]) -> str:
        """The names of ``codes`` as one sorted, comma-separated list in the UI language."""
        key = language_sort_key(current_ui_language(self.catalog))
        names = sorted((self.language_name(code) for code in codes), key=key)
        return self.tr(", ", "separator of a list of language names").join(names)

    def rows(self) -> list[VoiceRow]:
        """The current model's voices, each marked with whether it can speak the target language and why not."""
        info = self._model_info()
        target_name = self.language_name(self._target)
        text_only = not info.has_audio_output(self._target)
        rows: list[VoiceRow] = []
        for voice in info.voices:
            if text_only:
                reason = self.tr("{language} is translated as text only on this model; no voice speaks it.").format(
                    language=target_name
                )
            elif not voice.speaks(self._target):
                reason = self.tr("Does not speak {language}.").format(language=target_name)
            else:
                reason = ""
            rows.append(
                VoiceRow(
                    name=voice.name,
                    description=voice.description,
                    languages=self._language_list(voice.languages),
                    languages_short=self._languages_short(voice.languages, info),
                    available=not reason,
                    reason=reason,
                    is_default=voice.name == info.default_voice,
                )
            )
        return rows

    def _languages_short(self, languages: frozenset[str], info: ModelInfo) -> str:
        """A column-sized summary: the names when few, "All 29 spoken languages" when the voice speaks them all."""
        # Beyond this many names the column truncates; the tooltip carries the full list.
        if len(languages) > 4 and languages == info.audio_output_languages:
            return self.tr("All {count} spoken languages").format(count=len(languages))
        return self._language_list(languages)

    def selection(self) -> VoiceSelection:
        if self._clone is VoiceClone.NEVER:
            voice: str | None = self._cloned_id.strip() or None
        elif self._clone is VoiceClone.OFF:
            voice = self.voice
        else:
            voice = None  # the session sends "default": the speaker's own voice
        return VoiceSelection(
            model=self._model,
            target_language=self._target,
            voice=voice,
            voice_clone=self._clone,
            cloned_voice_id=self._cloned_id.strip() or None,
        )

    def validate(self) -> tuple[str, str]:
        """``(error, notice)`` in the UI language: the protocol's sentence when the selection cannot work, and what
        would be adjusted."""
        try:
            validated = validate_config(self.selection().session_config(), self.catalog)
        except ConfigError as exc:
            return render(exc.message), ""
        return "", join_sentences(render(notice) for notice in validated.notices)

    # ---- changing ------------------------------------------------------------------------------------------------

    def _changed(self, rows: bool = False) -> None:
        if rows:
            self.rows_changed.emit()
        self.selection_changed.emit()
        self.validation_changed.emit(*self.validate())

    def refresh(self) -> None:
        """Re-announce everything (the dialog calls this once it is connected)."""
        self._changed(rows=True)

    def set_model(self, name: str) -> None:
        if name == self._model or self.catalog.model(name) is None:
            return
        self._model = name
        if self._voice and self._model_info().voice(self._voice) is None:
            self._voice = None  # e.g. Cherry has no counterpart in qwen3.5: fall back to that model's default
        if not self._model_info().supports_language(self._target):
            self._target = "en"
        self._changed(rows=True)

    def set_target_language(self, code: str) -> None:
        if code == self._target:
            return
        self._target = code
        self._changed(rows=True)

    def select_voice(self, name: str) -> None:
        if self._model_info().voice(name) is None or name == self._voice:
            return
        self._voice = name
        self._changed()

    def set_voice_clone(self, mode: VoiceClone | str) -> None:
        mode = VoiceClone(mode)
        if mode is self._clone:
            return
        self._clone = mode
        self._changed()

    def set_cloned_voice_id(self, text: str) -> None:
        if text == self._cloned_id:
            return
        self._cloned_id = text
        self._changed()

    # ---- preview -------------------------------------------------------------------------------------------------

    @property
    def preview_available(self) -> bool:
        return self._previewer is not None and self._player is not None

    def preview_unavailable_reason(self) -> str:
        if self._player is None:
            return self.tr("Preview unavailable: this build has no audio output.")
        if self._previewer is None:
            return self.tr("Preview unavailable: add an API key or start the demo to hear voices.")
        return ""

    @asyncSlot()
    async def preview(self) -> None:
        """Translate the built-in sentence with the selected voice and play it."""
        if self._previewing:
            return
        if self._previewer is None or self._player is None:
            self.preview_finished.emit(False, self.preview_unavailable_reason())
            return
        error, _notice = self.validate()
        if error:
            self.preview_finished.emit(False, error)
            return
        validated = validate_config(self.selection().session_config(), self.catalog)
        if not validated.config.audio_output:
            self.preview_finished.emit(
                False, self.tr("Nothing to preview: this target language has no translated voice.")
            )
            return
        self._previewing = True
        self.preview_busy.emit(True)
        try:
            audio = await self._previewer.synthesize(validated.config)
            if not audio:
                self.preview_finished.emit(False, self.tr("The service returned no voice for the preview; try again."))
                return
            await self._player.play(audio, OUTPUT_RATE)
        except InterpreterError as exc:
            logger.info("Voice preview failed: %s", exc)
            self.preview_finished.emit(False, render(exc.message))
            return
        finally:
            self._previewing = False
            self.preview_busy.emit(False)
        seconds = len(audio) / (2 * OUTPUT_RATE)  # 2 bytes per 16-bit sample
        self.preview_finished.emit(
            True, self.tr("Played {seconds:.1f} s of {voice}.").format(seconds=seconds, voice=validated.config.voice)
        )


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
