"""TextPane: paste or type text, pick the Qwen-MT model (its quality, speed, languages and price shown), the target
language, a domain hint and a glossary, translate, copy the result. A widget for the Files tab; all state and
service calls are :class:`~interpreter.ui.viewmodels.text_vm.TextViewModel`'s.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from interpreter.ui.viewmodels.text_vm import ModelChoice, TextViewModel

__all__ = ["TextPane"]

_STARS = {1: "●○○", 2: "●●○", 3: "●●●"}


class TextPane(QWidget):
    """The Text pane (module docstring)."""

    def __init__(self, view_model: TextViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textPane")
        self._vm = view_model
        self._choices = {choice.name: choice for choice in view_model.model_choices()}

        self.source_edit = QPlainTextEdit(self)
        self.source_edit.setObjectName("textSource")
        self.source_edit.setPlaceholderText(self.tr("Paste or type the text to translate"))
        self.result_edit = QPlainTextEdit(self)
        self.result_edit.setObjectName("textResult")
        self.result_edit.setReadOnly(True)

        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("textModel")
        for choice in self._choices.values():
            self.model_combo.addItem(choice.name, choice.name)
        self.model_combo.setCurrentIndex(self.model_combo.findData(view_model.default_model()))
        self.tradeoff_label = QLabel(self)
        self.tradeoff_label.setObjectName("textModelTradeoff")
        self.tradeoff_label.setWordWrap(True)
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("textTarget")
        self.domain_edit = QLineEdit(self)
        self.domain_edit.setObjectName("textDomain")
        self.domain_edit.setPlaceholderText(self.tr("Domain hint in English, e.g. “A medical conference talk.”"))
        self.glossary_combo = QComboBox(self)
        self.glossary_combo.setObjectName("textGlossary")
        self.glossary_combo.addItem(self.tr("No glossary"), "")
        for name in view_model.glossary_names():
            self.glossary_combo.addItem(name, name)

        self.translate_button = QPushButton(self.tr("Translate"), self)
        self.translate_button.setObjectName("textTranslate")
        self.copy_button = QPushButton(self.tr("Copy result"), self)
        self.copy_button.setObjectName("textCopy")
        self.copy_button.setEnabled(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("textStatus")
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Model"), self.model_combo)
        form.addRow("", self.tradeoff_label)
        form.addRow(self.tr("Translate into"), self.target_combo)
        form.addRow(self.tr("Domain"), self.domain_edit)
        form.addRow(self.tr("Glossary"), self.glossary_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.translate_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_edit, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result_edit, 1)
        layout.addWidget(self.status_label)

        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.translate_button.clicked.connect(self._translate)
        self.copy_button.clicked.connect(self._copy)
        view_model.translation_changed.connect(self._show_result)
        view_model.busy_changed.connect(self._busy)
        view_model.translation_finished.connect(self.status_label.setText)
        view_model.translation_failed.connect(self._failed)
        self._model_changed()

    def _model_changed(self) -> None:
        name = str(self.model_combo.currentData())
        choice = self._choices[name]
        self.tradeoff_label.setText(self._tradeoff(choice))
        previous = self.target_combo.currentData()
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for language in self._vm.languages(name):
            self.target_combo.addItem(f"{language.name} ({language.code})", language.code)
        index = self.target_combo.findData(previous if previous else "en")
        self.target_combo.setCurrentIndex(index if index >= 0 else 0)
        self.target_combo.blockSignals(False)

    def _tradeoff(self, choice: ModelChoice) -> str:
        price = (
            self.tr("{currency} {input} in / {output} out per million tokens").format(
                currency=choice.currency, input=choice.input_price, output=choice.output_price
            )
            if choice.input_price is not None
            else self.tr("price unknown")
        )
        return self.tr("Quality {quality} · speed {speed} · {languages} languages · {price}").format(
            quality=_STARS.get(choice.quality, "?"),
            speed=_STARS.get(choice.speed, "?"),
            languages=choice.languages,
            price=price,
        )

    def _translate(self) -> None:
        text = self.source_edit.toPlainText()
        if not text.strip():
            self._failed(self.tr("There is no text to translate; paste or type some first."))
            return
        self.status_label.setText(self.tr("Translating…"))
        self._vm.translate(
            text,
            model=str(self.model_combo.currentData()),
            target=str(self.target_combo.currentData()),
            domain=self.domain_edit.text(),
            glossary=str(self.glossary_combo.currentData() or "") or None,
        )

    def _show_result(self, text: str) -> None:
        self.result_edit.setPlainText(text)
        self.copy_button.setEnabled(bool(text))

    def _busy(self, busy: bool) -> None:
        self.translate_button.setEnabled(not busy)

    def _failed(self, message: str) -> None:
        self.status_label.setText(message)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.result_edit.toPlainText())
        self.status_label.setText(self.tr("Copied."))
