"""The hotwords dialog: named glossaries (source term → required translation) for live sessions and the file,
image and text translation flows.

    ui.viewmodels.hotwords.HotwordsViewModel  <──  HotwordsDialog (widgets only)

Left: the glossaries (double-click to rename; the one live sessions use is marked). Right: the language pair, a
search box, the editable table (click a header to sort; flagged rows are tinted with the reason in the last
column), and Add / Delete / Import / Export / Undo / Redo. Every change is saved immediately.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from interpreter.ui.viewmodels.hotwords import (
    ISSUE_COLUMN,
    SOURCE_COLUMN,
    TARGET_COLUMN,
    GlossaryStore,
    GlossaryTableModel,
    HotwordsViewModel,
)

__all__ = ["HotwordsDialog", "open_hotwords_dialog"]


class HotwordsDialog(QDialog):
    """Widgets for :class:`HotwordsViewModel`. Non-modal; "Use selected" accepts with the glossary on screen."""

    def __init__(self, view_model: HotwordsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = view_model
        self.setWindowTitle(self.tr("Hotwords and glossaries"))
        self.resize(980, 620)

        # ---- left: glossary list
        self.glossary_list = QListWidget()
        self.glossary_list.setObjectName("glossary_list")
        self.glossary_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setObjectName("new_glossary_button")
        self.delete_glossary_button = QPushButton(self.tr("Delete"))
        self.delete_glossary_button.setObjectName("delete_glossary_button")
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_glossary_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Glossaries")))
        left_layout.addWidget(self.glossary_list, 1)
        self.in_use_label = QLabel()
        self.in_use_label.setObjectName("in_use_label")
        self.in_use_label.setWordWrap(True)
        left_layout.addWidget(self.in_use_label)
        left_layout.addLayout(list_buttons)

        # ---- right: language pair, search, table, row actions
        self.source_combo = self._language_combo("source_lang_combo")
        self.target_combo = self._language_combo("target_lang_combo")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search terms and translations"))
        self.search_edit.setClearButtonEnabled(True)
        pair_row = QHBoxLayout()
        pair_row.addWidget(QLabel(self.tr("From:")))
        pair_row.addWidget(self.source_combo)
        pair_row.addWidget(QLabel(self.tr("To:")))
        pair_row.addWidget(self.target_combo)
        pair_row.addSpacing(16)
        pair_row.addWidget(self.search_edit, 1)

        self.model = GlossaryTableModel(self.vm, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # search every column
        self.table = QTableView()
        self.table.setObjectName("entries_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # file order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TARGET_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ISSUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SOURCE_COLUMN, 220)
        header.resizeSection(TARGET_COLUMN, 220)
        self.table.verticalHeader().setDefaultSectionSize(24)

        self.add_button = QPushButton(self.tr("Add term"))
        self.add_button.setObjectName("add_button")
        self.remove_button = QPushButton(self.tr("Delete terms"))
        self.remove_button.setObjectName("remove_button")
        self.remove_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("import_button")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("export_button")
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.vm.undo_stack.createUndoAction(self, self.tr("Undo")))
        self.undo_button.defaultAction().setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_button = QToolButton()
        self.redo_button.setDefaultAction(self.vm.undo_stack.createRedoAction(self, self.tr("Redo")))
        self.redo_button.defaultAction().setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_button.defaultAction(), self.redo_button.defaultAction()])
        row_buttons = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.import_button, self.export_button):
            row_buttons.addWidget(widget)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.undo_button)
        row_buttons.addWidget(self.redo_button)

        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setObjectName("import_report")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(90)
        self.report.setVisible(False)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(pair_row)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(row_buttons)
        right_layout.addWidget(self.status_label)
        right_layout.addWidget(self.report)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 760])

        self.buttons = QDialogButtonBox()
        self.use_button = self.buttons.addButton(
            self.tr("Use in live sessions"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.use_button.setObjectName("use_button")
        self.use_button.setToolTip(self.tr("Send this glossary as hot words in live sessions."))
        self.no_glossary_button = self.buttons.addButton(self.tr("Use none"), QDialogButtonBox.ButtonRole.ActionRole)
        self.no_glossary_button.setObjectName("no_glossary_button")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        # Named here so it follows the app's translation even when Qt's own (qtbase) translation is not installed.
        self.close_button.setText(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        # ---- wiring
        self.glossary_list.currentRowChanged.connect(self._glossary_picked)
        self.glossary_list.itemChanged.connect(self._glossary_renamed)
        self.new_button.clicked.connect(lambda: self.vm.new_glossary())
        self.delete_glossary_button.clicked.connect(lambda: self.vm.delete_glossary(self.vm.current_row))
        self.source_combo.currentIndexChanged.connect(self._pair_picked)
        self.target_combo.currentIndexChanged.connect(self._pair_picked)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button.clicked.connect(lambda: self.add_term())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.import_button.clicked.connect(lambda: self._ask_import())
        self.export_button.clicked.connect(lambda: self._ask_export())
        self.use_button.clicked.connect(lambda: self._use_current())
        self.no_glossary_button.clicked.connect(lambda: self.vm.choose_none())
        self.close_button.clicked.connect(self.reject)
        self.vm.glossaries_changed.connect(self._fill_list)
        self.vm.current_changed.connect(self._show_current)
        self.vm.entries_changed.connect(self._show_pair)
        self.vm.message.connect(self._show_message)
        self.vm.import_finished.connect(self._show_import)

        self._fill_list()
        self._show_current(self.vm.current_row)
        if self.vm.load_error:
            self._show_message(self.vm.load_error, True)
        if self.vm.read_only:
            for widget in (
                self.new_button,
                self.delete_glossary_button,
                self.add_button,
                self.remove_button,
                self.import_button,
            ):
                widget.setEnabled(False)

    # ---- helpers -------------------------------------------------------------------------------------------------

    def _language_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Any language"), None)
        for code, language in self.vm.languages():
            combo.addItem(language, code)
        return combo

    def _file_filter(self) -> str:
        """The file-type choices of the import/export file dialogs (the patterns stay as they are)."""
        return self.tr("Glossary files (*.csv *.tsv *.txt);;CSV (*.csv);;TSV (*.tsv *.txt);;All files (*)")

    def selected_rows(self) -> list[int]:
        """Rows of the glossary (not of the sorted/filtered view) that are selected."""
        rows = {self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()}
        return sorted(rows)

    # ---- view updates ----------------------------------------------------------------------------------------------

    def _fill_list(self) -> None:
        self.glossary_list.blockSignals(True)
        self.glossary_list.clear()
        chosen = self.vm.chosen_row
        for row, glossary in enumerate(self.vm.glossaries()):
            item = QListWidgetItem(glossary.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            if row == chosen:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("Used in live sessions"))
            self.glossary_list.addItem(item)
        self.glossary_list.setCurrentRow(self.vm.current_row)
        self.glossary_list.blockSignals(False)
        has_any = bool(self.vm.glossaries())
        self.delete_glossary_button.setEnabled(has_any and not self.vm.read_only)
        self.export_button.setEnabled(has_any)
        self.use_button.setEnabled(has_any)
        self.no_glossary_button.setEnabled(chosen >= 0)
        self._show_used_note()

    def _show_used_note(self) -> None:
        name = self.vm.chosen_name
        if name:
            self.in_use_label.setText(self.tr("In live sessions: <b>{name}</b>").format(name=_escape(name)))
            self.no_glossary_button.setToolTip(self.tr("Stop using “{name}” in live sessions.").format(name=name))
        else:
            self.in_use_label.setText(self.tr("In live sessions: none"))
            self.no_glossary_button.setToolTip("")

    def _show_current(self, row: int) -> None:
        self.glossary_list.blockSignals(True)
        self.glossary_list.setCurrentRow(row)
        self.glossary_list.blockSignals(False)
        self._show_pair()
        enabled = row >= 0 and not self.vm.read_only
        for widget in (self.source_combo, self.target_combo, self.table, self.remove_button):
            widget.setEnabled(enabled)

    def _show_pair(self) -> None:
        current = self.vm.current()
        for combo, code in (
            (self.source_combo, current.source_lang if current else None),
            (self.target_combo, current.target_lang if current else None),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(code)))
            combo.blockSignals(False)
        issues = len(self.vm.issues_by_row())
        total = len(self.vm.entries())
        if current is not None:
            # One source string per English plural form; languages without plurals translate both the same way.
            terms = (self.tr("{count} term") if total == 1 else self.tr("{count} terms")).format(count=total)
            if issues == 1:
                text = self.tr("{terms}, 1 flagged (it is not sent until fixed).").format(terms=terms)
            elif issues:
                text = self.tr("{terms}, {count} flagged (they are not sent until fixed).").format(
                    terms=terms, count=issues
                )
            else:
                text = self.tr("{terms}.", "a glossary's term count as a sentence").format(terms=terms)
            self.status_label.setStyleSheet("")
            self.status_label.setText(text)

    def _show_message(self, text: str, error: bool) -> None:
        self.status_label.setStyleSheet("color: #b3261e;" if error else "")
        self.status_label.setText(text)

    def _show_import(self, summary: str, problems: list[str]) -> None:
        self._show_message(summary, False)
        self.report.setPlainText("\n".join(problems))
        self.report.setVisible(bool(problems))

    # ---- user input ---------------------------------------------------------------------------------------------

    def _glossary_picked(self, row: int) -> None:
        if row >= 0:
            self.vm.select(row)

    def _glossary_renamed(self, item: QListWidgetItem) -> None:
        self.vm.rename(self.glossary_list.row(item), item.text())

    def _pair_picked(self, _index: int) -> None:
        self.vm.set_language_pair(self.source_combo.currentData(), self.target_combo.currentData())

    def add_term(self) -> None:
        """Append an empty row and start editing its source term."""
        self.search_edit.clear()  # a filtered view could hide the new row
        row = self.vm.add_entry()
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, SOURCE_COLUMN))
        self.table.scrollTo(proxy_index)
        self.table.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.edit(proxy_index)

    def remove_selected(self) -> None:
        self.vm.remove_entries(self.selected_rows())

    def import_from(self, path: str | Path) -> None:
        """Import a CSV/TSV file into the glossary on screen (what the Import button does after asking)."""
        self.vm.import_file(path)

    def export_to(self, path: str | Path) -> None:
        """Export the glossary on screen (what the Export button does after asking)."""
        self.vm.export_file(path)

    def _ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import glossary"), "", self._file_filter())
        if path:
            self.import_from(path)

    def _ask_export(self) -> None:
        current = self.vm.current()
        suggested = f"{current.name}.csv" if current else "glossary.csv"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export glossary"), suggested, self._file_filter())
        if path:
            self.export_to(path)

    def _use_current(self) -> None:
        self.vm.choose_current()
        self.accept()

    def current_proxy_index(self, row: int, column: int) -> QModelIndex:
        """The view index showing glossary ``row``/``column`` (tests and keyboard helpers)."""
        return self.proxy.mapFromSource(self.model.index(row, column))


def open_hotwords_dialog(
    parent: QWidget | None,
    settings: Any,
    *,
    store: GlossaryStore | None = None,
    on_settings: Callable[[Any], None] | None = None,
) -> HotwordsDialog:
    """Create and show (non-modally) the hotwords dialog.

    Args:
        settings: the current ``store.settings.Settings`` (``glossary`` names the one in use).
        store: where glossaries are saved (default: the config folder).
        on_settings: called with ``dataclasses.replace(settings, glossary=name_or_None)`` when the dialog closes
            and the glossary in use changed (including a rename of it).
    """
    view_model = HotwordsViewModel(store, chosen=getattr(settings, "glossary", None))
    dialog = HotwordsDialog(view_model, parent)
    view_model.setParent(dialog)
    if on_settings is not None:

        def report() -> None:
            if view_model.chosen_name != getattr(settings, "glossary", None):
                on_settings(dataclasses.replace(settings, glossary=view_model.chosen_name))

        dialog.finished.connect(lambda _result: report())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
