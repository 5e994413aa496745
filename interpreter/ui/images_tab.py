"""ImagesTab: drop, pick or paste pictures; a queue with per-picture status; options; failure report; the viewer.

A view over :class:`~interpreter.ui.viewmodels.images_vm.ImagesViewModel`: it reads rows and choices from it and
hands it the user's actions. It imports no transport/media/services/store module. The before/after viewer
(:class:`~interpreter.ui.image_compare.ImageCompareView`) shows the selected finished row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from interpreter.ui.image_compare import ImageCompareView
from interpreter.ui.viewmodels.images_vm import ImagesViewModel, status_text
from interpreter.ui.widgets import NoticeBanner

_FILE_FILTER = "Images (*.jpg *.jpeg *.png *.bmp *.pnm *.ppm *.tif *.tiff *.webp *.gif *.heic *.heif)"
_COLUMNS = ("Picture", "Size", "Status", "Notes")
#: Starting width of the queue pane: a file name, "8192×8192 px", a status and a readable share of a note.
QUEUE_WIDTH_PX = 540


class ImagesTab(QWidget):
    """The Images tab (see the module docstring). ``add_files(paths)`` is what the main window's drop routing calls."""

    def __init__(self, vm: ImagesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setAcceptDrops(True)
        self.banner = NoticeBanner(self)

        # -- queue
        self.add_button = QPushButton(self.tr("Add images…"))
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Add the picture on the clipboard (Ctrl+V)"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.clear_button = QPushButton(self.tr("Clear finished"))
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in _COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.drop_hint = QLabel(self.tr("Drop screenshots, photos or scans here, or use Add images… / Paste."))
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setStyleSheet("color: palette(mid); padding: 8px;")

        # -- options
        self.source_combo = QComboBox()
        for code, name in vm.source_choices():
            self.source_combo.addItem(self.tr(name), code)
        self.target_combo = QComboBox()
        for code, name in vm.target_choices():
            self.target_combo.addItem(self.tr(name), code)
        self.domain_edit = QLineEdit()
        self.domain_edit.setPlaceholderText(self.tr("In English, e.g. Product photos from an online shop"))
        self.sensitive_edit = QLineEdit()
        self.sensitive_edit.setPlaceholderText(self.tr("Words to leave out, separated by commas"))
        self.glossary_check = QCheckBox(self.tr("Use the glossary's terms"))
        self.subject_check = QCheckBox(self.tr("Leave text on products, people and logos untranslated"))
        self.language_problem = QLabel("")
        self.language_problem.setWordWrap(True)
        self.language_problem.setStyleSheet("color: #b3261e;")
        options = QGroupBox(self.tr("Options"))
        form = QFormLayout(options)
        form.addRow(self.tr("From"), self.source_combo)
        form.addRow(self.tr("To"), self.target_combo)
        form.addRow(self.tr("Domain hint"), self.domain_edit)
        form.addRow(self.tr("Do not translate"), self.sensitive_edit)
        form.addRow(self.glossary_check)
        form.addRow(self.subject_check)
        form.addRow(self.language_problem)

        # -- actions
        self.price_label = QLabel("")
        self.start_button = QPushButton(self.tr("Translate"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(90)
        self.report.setVisible(False)
        self.viewer = ImageCompareView(self)

        # -- layout
        queue_buttons = QHBoxLayout()
        for button in (self.add_button, self.paste_button, self.remove_button, self.clear_button):
            queue_buttons.addWidget(button)
        queue_buttons.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.price_label, 1)
        for button in (self.retry_button, self.cancel_button, self.start_button):
            actions.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(queue_buttons)
        left_layout.addWidget(self.drop_hint)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.report)
        left_layout.addWidget(options)
        left_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        # The queue needs room for a file name, its size and a sentence; the viewer takes the rest.
        splitter.setSizes([QUEUE_WIDTH_PX, 2 * QUEUE_WIDTH_PX])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        # -- wiring
        self.add_button.clicked.connect(self._pick)
        self.paste_button.clicked.connect(self.paste)
        QShortcut(QKeySequence.StandardKey.Paste, self, self.paste)
        self.remove_button.clicked.connect(self._remove_selected)
        self.clear_button.clicked.connect(vm.clear_finished)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(vm.cancel_all)
        self.retry_button.clicked.connect(vm.retry_failed)
        self.table.itemSelectionChanged.connect(self._show_selected)
        for combo in (self.source_combo, self.target_combo):
            combo.currentIndexChanged.connect(self._options_changed)
        vm.rows_reset.connect(self._reload)
        vm.row_changed.connect(self._refresh_row)
        vm.running_changed.connect(self._running_changed)
        vm.blocked.connect(self._blocked)
        vm.message.connect(lambda text: self.banner.show_message(text, "warning"))
        vm.price_changed.connect(self.price_label.setText)
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(vm.options.target)))
        self._reload()
        self._running_changed(False)
        self._blocked(vm.block_reason)

    # -- input ----------------------------------------------------------------------------------------------------

    def add_files(self, paths: list[str]) -> None:
        """Queue pictures (drop routing, Add images…); names that are not pictures get one banner line."""
        skipped = self.vm.add_paths(paths)
        if skipped:
            self.banner.show_message(" ".join(skipped))

    def paste(self) -> None:
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.banner.show_message(self.tr("The clipboard holds no picture; copy one first."))
            return
        self.vm.add_image(image)

    def _pick(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose pictures to translate"), "", self.tr(_FILE_FILTER)
        )
        if paths:
            self.add_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if data.hasUrls():
            self.add_files([url.toLocalFile() for url in data.urls() if url.isLocalFile()])
        elif data.hasImage():
            self.vm.add_image(data.imageData())
        event.acceptProposedAction()

    def _remove_selected(self) -> None:
        index = self._selected()
        if index is not None:
            self.vm.remove(index)

    # -- options --------------------------------------------------------------------------------------------------

    def _choose(self) -> str | None:
        """Hand the current choices to the view-model; the language problem's sentence, if any."""
        return self.vm.choose(
            source=str(self.source_combo.currentData()),
            target=str(self.target_combo.currentData()),
            domain_hint=self.domain_edit.text(),
            sensitives=self.sensitive_edit.text(),
            keep_subject_text=self.subject_check.isChecked(),
            use_glossary=self.glossary_check.isChecked(),
        )

    def _options_changed(self) -> None:
        problem = self._choose()
        self.language_problem.setText(problem or "")
        self.language_problem.setVisible(bool(problem))
        self._running_changed(self.vm.running)

    def start(self) -> None:
        problem = self._choose()
        if problem:
            self.language_problem.setText(problem)
            self.language_problem.setVisible(True)
            return
        self.vm.start()

    # -- rows -----------------------------------------------------------------------------------------------------

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _reload(self) -> None:
        self.table.setRowCount(len(self.vm.rows))
        for index in range(len(self.vm.rows)):
            self._refresh_row(index)
        self.drop_hint.setVisible(not self.vm.rows)
        self._update_report()

    def _refresh_row(self, index: int) -> None:
        if index >= self.table.rowCount():
            self.table.setRowCount(index + 1)
        row = self.vm.row(index)
        notes = row.error or "; ".join(row.notes)
        if row.output_path is not None:
            notes = (notes + "; " if notes else "") + self.tr("saved as {name}").format(name=row.output_path.name)
        cells = (row.path.name, row.size_text, self.tr(status_text(row)), notes)
        for column, text in enumerate(cells):
            item = self.table.item(index, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(index, column, item)
            item.setText(text)
            item.setToolTip(text if column == 3 else str(row.path) if column == 0 else "")
            if column == 2:
                item.setForeground(
                    Qt.GlobalColor.darkRed
                    if row.failed
                    else Qt.GlobalColor.darkGreen
                    if row.done
                    else Qt.GlobalColor.black
                )
        self.table.resizeRowToContents(index)
        if self._selected() == index:
            self._show_selected()
        self._update_report()
        self.retry_button.setEnabled(not self.vm.running and any(r.failed for r in self.vm.rows))

    def _update_report(self) -> None:
        report = self.vm.failure_report()
        self.report.setPlainText(report)
        self.report.setVisible(bool(report))

    def _show_selected(self) -> None:
        index = self._selected()
        if index is None:
            return
        row = self.vm.row(index)
        if row.output_path is not None and row.output_path.exists():
            if self.viewer.after_path != row.output_path:
                self.viewer.show_pair(row.path, row.output_path)
        else:
            self.viewer.clear(
                row.error
                or self.tr("{name} is not translated yet; the comparison appears when it is done.").format(
                    name=row.path.name
                )
            )

    def select(self, index: int) -> None:
        """Select a queue row (and show it in the viewer when finished)."""
        self.table.selectRow(index)

    # -- state ----------------------------------------------------------------------------------------------------

    def _running_changed(self, running: bool) -> None:
        blocked = bool(self.vm.block_reason)
        self.start_button.setEnabled(not running and not blocked and not self.language_problem.text())
        self.cancel_button.setEnabled(running)
        self.retry_button.setEnabled(not running and not blocked and any(r.failed for r in self.vm.rows))
        for widget in (self.source_combo, self.target_combo, self.domain_edit, self.sensitive_edit):
            widget.setEnabled(not running)

    def _blocked(self, reason: str) -> None:
        if reason:
            self.banner.show_message(reason, "warning")
        self._running_changed(self.vm.running)
