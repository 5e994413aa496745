"""The OCR tab's widgets: read text from an image or a screen region, see it in the task's form, translate it.

Three panes side by side: the image (drop or open a file, paste, snip a screen region, repeat the last region; the
positions task draws a box over each line, hovering a box shows its text; the key-information schema editor sits
under it), the result (text, table with CSV/HTML export, Markdown, LaTeX, key information, history) and the
translation (Qwen-MT target, model and glossary; a table is translated cell by cell and shown as a table).

Views import only view-models (and the snip overlay, another view): everything else is the view-model's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from interpreter.ui.snip_overlay import ScreenSnipper
from interpreter.ui.viewmodels.ocr_vm import OcrBox, OcrDisplay, OcrViewModel

__all__ = ["OcrImageView", "OcrTab", "SchemaEditor"]

_IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.gif);;All files (*)"
#: Notice colours by level (readable on the light and dark themes' window colours).
_NOTICE_STYLES = {"error": "color: #c62828;", "warning": "color: #b26a00;", "info": ""}
_CSV_FILTERS = "CSV (*.csv);;Excel-compatible CSV (*.csv)"
_BOX_PEN = QColor(0, 140, 255)
_BOX_FILL = QColor(0, 140, 255, 40)
_BOX_HOVER_FILL = QColor(255, 170, 0, 90)


class _BoxItem(QGraphicsPolygonItem):
    """One located line: outlined, highlighted under the mouse, its text as the tooltip."""

    def __init__(self, box: OcrBox) -> None:
        super().__init__(QPolygonF([QPointF(x, y) for x, y in box.points]))
        self.text = box.text
        self.setToolTip(box.text)
        self.setAcceptHoverEvents(True)
        self.setPen(QPen(_BOX_PEN, 2))
        self.setBrush(QBrush(_BOX_FILL))

    def hoverEnterEvent(self, event: object) -> None:
        self.setBrush(QBrush(_BOX_HOVER_FILL))

    def hoverLeaveEvent(self, event: object) -> None:
        self.setBrush(QBrush(_BOX_FILL))


class OcrImageView(QGraphicsView):
    """The image, fitted to the pane, with boxes over it; accepts dropped image files.

    Signals are the view-model's business: a drop calls ``vm.open_file``.
    """

    def __init__(self, vm: OcrViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ocrImageView")
        self._vm = vm
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setAcceptDrops(True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._pixmap: QGraphicsPixmapItem | None = None
        self.boxes: list[_BoxItem] = []
        self._placeholder = self._scene.addText(self.tr("Drop an image here, paste (Ctrl+V) or snip a screen region"))

    def set_image(self, image: QImage) -> None:
        self._scene.clear()
        self.boxes = []
        self._pixmap = self._scene.addPixmap(QPixmap.fromImage(image))
        self._scene.setSceneRect(self._pixmap.boundingRect())
        self._fit()

    def set_boxes(self, boxes: tuple[OcrBox, ...]) -> None:
        for item in self.boxes:
            self._scene.removeItem(item)
        self.boxes = []
        for box in boxes:
            item = _BoxItem(box)
            self._scene.addItem(item)
            self.boxes.append(item)

    def _fit(self) -> None:
        if self._pixmap is not None:
            self.fitInView(self._pixmap, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: object) -> None:
        event.acceptProposedAction()  # type: ignore[attr-defined]

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        urls = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if urls:
            self._vm.open_file(urls[0])
        elif mime.hasImage():
            self._vm.paste_image(QImage(mime.imageData()))
        event.acceptProposedAction()


class SchemaEditor(QGroupBox):
    """Named fields to extract (JSON, nesting <= 3), with saved schemas."""

    def __init__(self, vm: OcrViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Key information fields"))
        self._vm = vm
        self.saved = QComboBox(self)
        self.saved.addItems(vm.schema_names())
        self.saved.setToolTip(self.tr("Saved schemas"))
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(vm.schema_text)
        self.editor.setPlaceholderText('{"Invoice number": "", "Seller": {"Name": ""}}')
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Schema name"))
        self.name.setText(self.saved.currentText())
        self.save = QPushButton(self.tr("Save schema"), self)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.saved)
        layout.addWidget(self.editor, 1)
        layout.addLayout(row)
        self.saved.currentTextChanged.connect(self._load)
        self.editor.textChanged.connect(lambda: setattr(vm, "schema_text", self.editor.toPlainText()))
        self.save.clicked.connect(self._save)

    def _load(self, name: str) -> None:
        if name:
            self.editor.setPlainText(self._vm.schema_json(name))
            self.name.setText(name)

    def _save(self) -> None:
        if self._vm.save_schema(self.name.text(), self.editor.toPlainText()):
            current = self.name.text().strip()
            self.saved.blockSignals(True)
            self.saved.clear()
            self.saved.addItems(self._vm.schema_names())
            self.saved.setCurrentText(current)
            self.saved.blockSignals(False)


def _fill_table(table: QTableWidget, rows: list[list[str]] | tuple[tuple[str, ...], ...]) -> None:
    table.clear()
    table.setRowCount(len(rows))
    table.setColumnCount(max((len(r) for r in rows), default=0))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(cell))
    table.resizeColumnsToContents()


class OcrTab(QWidget):
    """The OCR tab (module docstring).

    Args:
        vm: the tab's view-model.
        snipper: the screen snipper (default: one hiding every visible top-level window of the app).
    """

    def __init__(self, vm: OcrViewModel, snipper: ScreenSnipper | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ocrTab")
        self.vm = vm
        self.snipper = snipper or ScreenSnipper(self._own_windows, portal=vm.portal_capture)
        self._build()
        self._wire()
        self._on_task_changed()

    # -- layout -------------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.open_button = QPushButton(self.tr("Open image…"), self)
        self.paste_button = QPushButton(self.tr("Paste"), self)
        self.snip_button = QPushButton(self.tr("Snip screen region"), self)
        self.repeat_button = QPushButton(self.tr("Repeat last region"), self)
        self.repeat_button.setEnabled(False)
        self.task_combo = QComboBox(self)
        for value, label, description in self.vm.task_choices():
            self.task_combo.addItem(self.tr(label), value)
            self.task_combo.setItemData(self.task_combo.count() - 1, self.tr(description), Qt.ItemDataRole.ToolTipRole)
        self.model_combo = QComboBox(self)
        self.model_combo.addItems(list(self.vm.model_choices()))
        self.model_combo.setToolTip(self.tr("Model snapshot (the 2024-10-28 snapshot has no built-in tasks)"))
        self.rotate_check = QCheckBox(self.tr("Auto-rotate"), self)
        self.rotate_check.setChecked(self.vm.enable_rotate)
        self.preset_combo = QComboBox(self)
        self.preset_combo.addItems([self.tr(label) for label in self.vm.preset_labels()])
        self.preset_combo.setCurrentIndex(self.vm.preset)
        self.preset_combo.setToolTip(self.tr("Pixel range: more pixels read smaller print and cost more tokens"))
        self.estimate_label = QLabel(self)
        self.estimate_label.setObjectName("ocrEstimate")
        self.read_button = QPushButton(self.tr("Read text"), self)
        self.read_button.setDefault(True)

        sources = QHBoxLayout()
        for widget in (self.open_button, self.paste_button, self.snip_button, self.repeat_button):
            sources.addWidget(widget)
        sources.addStretch(1)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Task:"), self))
        options.addWidget(self.task_combo)
        options.addWidget(QLabel(self.tr("Model:"), self))
        options.addWidget(self.model_combo)
        options.addWidget(self.rotate_check)
        options.addWidget(QLabel(self.tr("Detail:"), self))
        options.addWidget(self.preset_combo)
        options.addWidget(self.estimate_label, 1)
        options.addWidget(self.read_button)

        # Left: image + schema editor.
        self.image_view = OcrImageView(self.vm, self)
        self.schema_editor = SchemaEditor(self.vm, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.image_view, 3)
        left_layout.addWidget(self.schema_editor, 2)

        # Middle: results.
        self.results = QTabWidget(self)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.table_view = QTableWidget(self)
        self.export_csv = QPushButton(self.tr("Export CSV…"), self)
        self.export_html = QPushButton(self.tr("Export HTML…"), self)
        table_page = QWidget(self)
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table_view, 1)
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.export_csv)
        table_buttons.addWidget(self.export_html)
        table_buttons.addStretch(1)
        table_layout.addLayout(table_buttons)
        self.markdown_view = QTextBrowser(self)
        self.latex_view = QPlainTextEdit(self)
        self.latex_view.setReadOnly(True)
        self.kv_view = QPlainTextEdit(self)
        self.kv_view.setReadOnly(True)
        self.history_list = QListWidget(self)
        self.pages = {
            "text": self.results.addTab(self.text_view, self.tr("Text")),
            "table": self.results.addTab(table_page, self.tr("Table")),
            "markdown": self.results.addTab(self.markdown_view, self.tr("Markdown")),
            "latex": self.results.addTab(self.latex_view, self.tr("LaTeX")),
            "keyinfo": self.results.addTab(self.kv_view, self.tr("Key information")),
            "history": self.results.addTab(self.history_list, self.tr("History")),
        }
        self.copy_source = QPushButton(self.tr("Copy"), self)
        self.export_source = QPushButton(self.tr("Export…"), self)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.results, 1)
        middle_buttons = QHBoxLayout()
        middle_buttons.addWidget(self.copy_source)
        middle_buttons.addWidget(self.export_source)
        middle_buttons.addStretch(1)
        middle_layout.addLayout(middle_buttons)

        # Right: translation.
        self.mt_model_combo = QComboBox(self)
        self.mt_model_combo.addItems(list(self.vm.mt_models()))
        self.mt_model_combo.setCurrentText(self.vm.default_mt_model())
        self.target_combo = QComboBox(self)
        self.glossary_combo = QComboBox(self)
        self.glossary_combo.addItem(self.tr("No glossary"), "")
        for name in self.vm.glossary_names():
            self.glossary_combo.addItem(name, name)
        self.translate_button = QPushButton(self.tr("Translate"), self)
        self.translation_view = QPlainTextEdit(self)
        self.translation_view.setReadOnly(True)
        self.translation_table = QTableWidget(self)
        self.translation_stack = QStackedWidget(self)
        self.translation_stack.addWidget(self.translation_view)
        self.translation_stack.addWidget(self.translation_table)
        self.copy_translation = QPushButton(self.tr("Copy"), self)
        self.export_translation = QPushButton(self.tr("Export…"), self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        mt_row = QHBoxLayout()
        mt_row.addWidget(QLabel(self.tr("Into:"), self))
        mt_row.addWidget(self.target_combo, 1)
        mt_row.addWidget(self.mt_model_combo)
        right_layout.addLayout(mt_row)
        mt_row2 = QHBoxLayout()
        mt_row2.addWidget(self.glossary_combo, 1)
        mt_row2.addWidget(self.translate_button)
        right_layout.addLayout(mt_row2)
        right_layout.addWidget(self.translation_stack, 1)
        right_buttons = QHBoxLayout()
        right_buttons.addWidget(self.copy_translation)
        right_buttons.addWidget(self.export_translation)
        right_buttons.addStretch(1)
        right_layout.addLayout(right_buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in (left, middle, right):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)

        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("ocrNotice")
        self.notice_label.setWordWrap(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("ocrSummary")

        layout = QVBoxLayout(self)
        layout.addLayout(sources)
        layout.addLayout(options)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.summary_label)
        self._fill_targets()
        self._refresh_history()

    def _wire(self) -> None:
        vm = self.vm
        self.open_button.clicked.connect(self._open)
        self.paste_button.clicked.connect(self.paste)
        # On the image pane only: Ctrl+V in the schema editor must still paste text.
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.image_view, self.paste)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.snip_button.clicked.connect(self.snipper.start)
        self.repeat_button.clicked.connect(self._repeat)
        self.snipper.captured.connect(self._on_captured)
        self.snipper.failed.connect(lambda text: self._on_notice(text, "error"))
        self.task_combo.currentIndexChanged.connect(self._on_task_changed)
        self.model_combo.currentTextChanged.connect(self._on_model_changed)
        self.rotate_check.toggled.connect(lambda on: vm.set_options(enable_rotate=on))
        self.preset_combo.currentIndexChanged.connect(lambda index: vm.set_options(preset=index))
        self.read_button.clicked.connect(vm.recognize)
        self.translate_button.clicked.connect(self._translate)
        self.mt_model_combo.currentTextChanged.connect(lambda _model: self._fill_targets())
        self.copy_source.clicked.connect(lambda: self._copy(vm.display.text if vm.display else ""))
        self.copy_translation.clicked.connect(lambda: self._copy(vm.translation))
        self.export_source.clicked.connect(lambda: self._export("source", "Text (*.txt);;Markdown (*.md)"))
        self.export_translation.clicked.connect(
            lambda: self._export(
                "translation",
                _CSV_FILTERS + ";;HTML (*.html)" if vm.translated_rows else "Text (*.txt);;Markdown (*.md)",
            )
        )
        self.export_csv.clicked.connect(lambda: self._export("source", _CSV_FILTERS))
        self.export_html.clicked.connect(lambda: self._export("source", "HTML (*.html)"))
        vm.image_changed.connect(self._on_image)
        vm.estimate_changed.connect(self.estimate_label.setText)
        vm.busy_changed.connect(self._on_busy)
        vm.text_progress.connect(self._on_progress)
        vm.result_ready.connect(self.show_result)
        vm.translation_changed.connect(self._on_translation)
        vm.table_translated.connect(self._on_table_translated)
        vm.notice.connect(self._on_notice)
        vm.history_changed.connect(self._refresh_history)
        self.history_list.itemActivated.connect(lambda item: vm.open_history(int(item.data(Qt.ItemDataRole.UserRole))))

    # -- sources ------------------------------------------------------------------------------------------------

    def _own_windows(self) -> list[QWidget]:
        """Every visible top-level window of the app (hidden while snipping)."""
        return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.snipper]

    def add_files(self, paths: list[str]) -> None:
        """Read the first picture of ``paths`` (the main window's drop routing, when this tab is in front); the tab
        works on one image at a time."""
        if paths:
            self.vm.open_file(paths[0])

    def _open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Open an image"), "", self.tr(_IMAGE_FILTER))
        if path:
            self.vm.open_file(path)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        image = QImage(QGuiApplication.clipboard().image()) if mime is not None and mime.hasImage() else None
        if image is None and mime is not None and mime.hasUrls():
            files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if files:
                self.vm.open_file(files[0])
                return
        self.vm.paste_image(image)

    def _repeat(self) -> None:
        if self.vm.last_region is not None:
            self.snipper.repeat(self.vm.last_region)

    def _on_captured(self, image: QImage, region: QRect) -> None:
        if self.vm.set_capture(image, region):
            self.repeat_button.setEnabled(True)
            self.vm.recognize()

    # -- options ------------------------------------------------------------------------------------------------

    def _on_task_changed(self) -> None:
        task = str(self.task_combo.currentData())
        self.vm.set_options(task=task)
        self.schema_editor.setVisible(task == "keyinfo")

    def _on_model_changed(self, model: str) -> None:
        self.vm.set_options(model=model)
        # The first snapshot has no built-in tasks: the task becomes a prompt, and auto-rotate is not available.
        has_tasks = self.vm.model_has_tasks()
        self.rotate_check.setEnabled(has_tasks)
        self.rotate_check.setToolTip(
            "" if has_tasks else self.tr("This snapshot reads by prompt only; it cannot straighten rotated text.")
        )

    def _fill_targets(self) -> None:
        current = self.target_combo.currentData()
        self.target_combo.clear()
        for language in self.vm.languages(self.mt_model_combo.currentText()):
            self.target_combo.addItem(language.name, language.code)
        index = self.target_combo.findData(current if current else "en")
        self.target_combo.setCurrentIndex(max(0, index))

    def _translate(self) -> None:
        self.vm.translate(
            str(self.target_combo.currentData()),
            model=self.mt_model_combo.currentText(),
            glossary=str(self.glossary_combo.currentData() or "") or None,
        )

    # -- results ------------------------------------------------------------------------------------------------

    def _on_image(self, image: QImage, name: str) -> None:
        self.image_view.set_image(image)
        for view in (self.text_view, self.latex_view, self.kv_view, self.translation_view):
            view.clear()
        self.markdown_view.clear()
        self.table_view.clear()
        self.translation_table.clear()
        self.summary_label.setText(name)

    def _on_busy(self, busy: bool) -> None:
        for button in (self.read_button, self.translate_button, self.snip_button):
            button.setEnabled(not busy)
        if busy:
            self.notice_label.setText(self.tr("Working…"))
        elif self.notice_label.text() == self.tr("Working…"):
            self.notice_label.setText(self.tr("Done."))

    def _on_progress(self, text: str) -> None:
        self.results.setCurrentIndex(self.pages["text"])
        self.text_view.setPlainText(text)

    def show_result(self, display: OcrDisplay) -> None:
        self.text_view.setPlainText(display.text)
        _fill_table(self.table_view, display.rows)
        self.markdown_view.setMarkdown(display.markdown)
        self.latex_view.setPlainText(display.latex)
        self.kv_view.setPlainText(display.kv_json)
        self.image_view.set_boxes(display.boxes)
        page = {"boxes": "text"}.get(display.kind, display.kind)
        self.results.setCurrentIndex(self.pages.get(page, self.pages["text"]))
        self.summary_label.setText(display.summary)
        self.notice_label.setText(display.message or display.notice or self.tr("Done."))
        self.translation_view.clear()
        self.translation_table.clear()
        self.translation_stack.setCurrentWidget(self.translation_view)

    def _on_translation(self, text: str) -> None:
        if not self.vm.translated_rows:
            self.translation_stack.setCurrentWidget(self.translation_view)
            self.translation_view.setPlainText(text)

    def _on_table_translated(self, rows: list[list[str]]) -> None:
        _fill_table(self.translation_table, rows)
        self.translation_stack.setCurrentWidget(self.translation_table)

    def _on_notice(self, text: str, level: str) -> None:
        self.notice_label.setProperty("level", level)
        self.notice_label.setStyleSheet(_NOTICE_STYLES.get(level, ""))
        self.notice_label.setText(text)

    def _refresh_history(self) -> None:
        self.history_list.clear()
        for row in self.vm.history():
            item = QListWidgetItem(row.title)
            if row.thumbnail:
                image = QImage.fromData(row.thumbnail)
                if not image.isNull():
                    item.setIcon(QPixmap.fromImage(image))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.history_list.addItem(item)

    # -- copy / export ------------------------------------------------------------------------------------------

    def _copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            self._on_notice(self.tr("Copied."), "info")

    def _export(self, which: str, filters: str) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export"), "", filters)
        if path:
            self.vm.export(path, which, excel=chosen.startswith("Excel"))
