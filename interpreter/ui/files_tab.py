"""The Files tab: translate audio and video files as a queue (view only; the logic is ``viewmodels.files_vm``),
and, when the app gives their view-models, subtitle/text documents (``viewmodels.documents_vm``) and pasted text
(``text_pane.TextPane``).

Layout, top to bottom: a demo label (demo mode only), the notice strip (the ONE place where this tab's errors and
notices appear), then three labelled sections (sub-tabs): *Audio and video* — the batch options (target, source,
voice or text only, outputs, output folder, concurrency), the action buttons, the queue table with a progress bar
per file, and the overall progress with its totals; *Subtitles and documents* — the documents' own queue (Qwen-MT:
target, model, bilingual) with its buttons; *Paste text* — the Text pane. One queue per kind: a media file is heard,
a document is read, and they cost and progress differently.

Files and folders arrive by drag and drop (onto the tab, or onto the window, which routes media files and
documents here), or with *Add files…* / *Add folder…*; documents go to their queue, everything else to the media
queue.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from interpreter.core.jobs import MAX_CONCURRENCY, OutputFormat
from interpreter.ui.dialogs.localization import current_ui_language, language_sort_key
from interpreter.ui.text_pane import TextPane
from interpreter.ui.viewmodels.documents_vm import DOC_PROGRESS, DocumentsViewModel, is_text_document
from interpreter.ui.viewmodels.files_vm import (
    COL_ESTIMATE,
    COL_FILE,
    COL_LANGUAGES,
    COL_OUTPUT,
    COL_PROGRESS,
    COL_STATUS,
    JOB_ID_ROLE,
    PROGRESS_ROLE,
    FilesViewModel,
)
from interpreter.ui.viewmodels.live_options import source_choices, target_choices
from interpreter.ui.viewmodels.text_vm import TextViewModel
from interpreter.ui.widgets import NoticeBanner

#: Width (px) of the progress column: wide enough for a readable bar with "100 %" inside.
PROGRESS_COLUMN_PX = 120
#: Minimum width (px) of the file-name column before it is elided.
FILE_COLUMN_PX = 180


class ProgressDelegate(QStyledItemDelegate):
    """Paints a row's ``PROGRESS_ROLE`` (0–100) as a native progress bar."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        # 3 px inset: the bar does not touch the grid lines.
        rect: QRect = option.rect.adjusted(3, 3, -3, -3)  # type: ignore[attr-defined]
        bar.rect = rect  # type: ignore[attr-defined]
        bar.minimum = 0  # type: ignore[attr-defined]
        bar.maximum = 100  # type: ignore[attr-defined]
        bar.progress = int(value)  # type: ignore[attr-defined]
        bar.text = f"{int(value)} %"  # type: ignore[attr-defined]
        bar.textVisible = True  # type: ignore[attr-defined]
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter  # type: ignore[attr-defined]
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal  # type: ignore[attr-defined]
        style = option.widget.style() if option.widget is not None else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)  # type: ignore[attr-defined]


class FilesTab(QWidget):
    """The Files tab (see the module docstring). Takes its view-model in the constructor and subscribes."""

    folder_opened = Signal(str)
    """Emitted with the folder handed to the desktop (tests check it without a file manager)."""
    result_played = Signal(str)
    """Emitted with the file handed to the desktop's player."""

    def __init__(
        self,
        vm: FilesViewModel,
        parent: QWidget | None = None,
        *,
        documents_vm: DocumentsViewModel | None = None,
        text_vm: TextViewModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("files")
        self.vm = vm
        self.documents_vm = documents_vm
        self.setAcceptDrops(True)
        self._ui_language = current_ui_language(vm.catalog)
        self._sort_key = language_sort_key(self._ui_language)

        self.demo_label = QLabel(
            self.tr("Demo — files are translated by the built-in emulator (not real translation).")
        )
        self.demo_label.setObjectName("demoBadge")
        self.demo_label.setVisible(vm.demo)
        self.notice = NoticeBanner(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.demo_label)
        layout.addWidget(self.notice)
        media = QWidget(self)
        media_layout = QVBoxLayout(media)
        media_layout.setContentsMargins(0, 6, 0, 0)
        media_layout.addWidget(self._build_options())
        media_layout.addLayout(self._build_actions())
        media_layout.addWidget(self._build_table(), 1)
        media_layout.addLayout(self._build_totals())
        self.sections = QTabWidget(self)
        self.sections.setObjectName("filesSections")
        self.sections.addTab(media, self.tr("Audio and video"))
        self.documents_page: DocumentsPage | None = None
        if documents_vm is not None:
            self.documents_page = DocumentsPage(documents_vm, self)
            self.documents_page.notice_requested.connect(self.notice.show_message)
            self.sections.addTab(self.documents_page, self.tr("Subtitles and documents"))
        self.text_pane: TextPane | None = None
        if text_vm is not None:
            self.text_pane = TextPane(text_vm, self)
            self.sections.addTab(self.text_pane, self.tr("Paste text"))
        self.sections.tabBar().setVisible(self.sections.count() > 1)
        layout.addWidget(self.sections, 1)

        self._load_options()
        self._connect_options()
        vm.totals_changed.connect(self._on_totals)
        vm.running_changed.connect(lambda _running: self._update_buttons())
        vm.job_changed.connect(lambda *_: self._update_buttons())
        vm.error_occurred.connect(lambda text: self.notice.show_message(text, "error"))
        vm.notice_posted.connect(lambda text: self.notice.show_message(text, "info"))
        self._update_buttons()
        if vm.model.rowCount():
            vm.refresh_texts(self._ui_language)  # totals and language names in this view's language
        else:
            vm.model.set_ui_language(self._ui_language)

    # --- construction ---------------------------------------------------------------------------------------------
    def _build_options(self) -> QGroupBox:
        box = QGroupBox(self.tr("Options for files you add"), self)
        grid = QGridLayout(box)
        self.target_combo = QComboBox(box)
        self.target_combo.setObjectName("filesTarget")
        self.source_combo = QComboBox(box)
        self.source_combo.setObjectName("filesSource")
        self.voice_combo = QComboBox(box)
        self.voice_combo.setObjectName("filesVoice")
        self.text_only_check = QCheckBox(self.tr("Text only (no translated speech)"), box)
        self.format_checks: dict[OutputFormat, QCheckBox] = {}
        formats = QHBoxLayout()
        for fmt in OutputFormat:
            check = QCheckBox(fmt.value.upper(), box)
            check.setObjectName(f"format_{fmt.value}")
            self.format_checks[fmt] = check
            formats.addWidget(check)
        formats.addStretch(1)
        self.next_to_file_radio = QRadioButton(self.tr("Next to each file"), box)
        self.chosen_folder_radio = QRadioButton(self.tr("In this folder:"), box)
        self._folder_group = QButtonGroup(box)
        self._folder_group.addButton(self.next_to_file_radio)
        self._folder_group.addButton(self.chosen_folder_radio)
        self.folder_edit = QLineEdit(box)
        self.folder_edit.setObjectName("filesOutDir")
        self.folder_edit.setPlaceholderText(self.tr("Choose a folder…"))
        self.browse_button = QPushButton(self.tr("Browse…"), box)
        folder = QHBoxLayout()
        folder.addWidget(self.next_to_file_radio)
        folder.addWidget(self.chosen_folder_radio)
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(self.browse_button)
        self.concurrency_spin = QSpinBox(box)
        self.concurrency_spin.setRange(1, MAX_CONCURRENCY)
        self.concurrency_spin.setToolTip(self.tr("Segments translated at the same time (within the service's limits)"))

        grid.addWidget(QLabel(self.tr("Translate into")), 0, 0)
        grid.addWidget(self.target_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("From")), 0, 2)
        grid.addWidget(self.source_combo, 0, 3)
        grid.addWidget(QLabel(self.tr("Voice")), 1, 0)
        grid.addWidget(self.voice_combo, 1, 1)
        grid.addWidget(self.text_only_check, 1, 2, 1, 2)
        grid.addWidget(QLabel(self.tr("Write")), 2, 0)
        grid.addLayout(formats, 2, 1)
        grid.addWidget(QLabel(self.tr("At once")), 2, 2)
        grid.addWidget(self.concurrency_spin, 2, 3)
        grid.addWidget(QLabel(self.tr("Save")), 3, 0)
        grid.addLayout(folder, 3, 1, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        return box

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_files_button = QPushButton(self.tr("Add files…"), self)
        self.add_folder_button = QPushButton(self.tr("Add folder…"), self)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("primaryButton")
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.retry_button = QPushButton(self.tr("Retry failed"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.open_folder_button = QPushButton(self.tr("Open output folder"), self)
        self.play_button = QPushButton(self.tr("Play result"), self)
        for button in (self.add_files_button, self.add_folder_button):
            row.addWidget(button)
        row.addSpacing(16)
        for button in (self.start_button, self.pause_button, self.cancel_button, self.retry_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.play_button)
        self.add_files_button.clicked.connect(self._pick_files)
        self.add_folder_button.clicked.connect(self._pick_folder)
        self.start_button.clicked.connect(self.vm.start)
        self.pause_button.clicked.connect(lambda: self.vm.pause(self.selected_ids() or None))
        self.cancel_button.clicked.connect(lambda: self.vm.cancel(self.selected_ids() or None))
        self.retry_button.clicked.connect(self.vm.retry_failed)
        self.remove_button.clicked.connect(lambda: self.vm.remove(self.selected_ids()))
        self.open_folder_button.clicked.connect(self.open_output_folder)
        self.play_button.clicked.connect(self.play_result)
        return row

    def _build_table(self) -> QTableView:
        self.table = QTableView(self)
        self.table.setObjectName("filesQueue")
        self.table.setModel(self.vm.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_FILE, FILE_COLUMN_PX)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_PROGRESS, PROGRESS_COLUMN_PX)
        for column in (COL_LANGUAGES, COL_OUTPUT, COL_ESTIMATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.play_result())
        self.empty_hint = QLabel(self.tr("Drop audio or video files or folders here, or use Add files…"), self.table)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setEnabled(False)
        self.vm.model.rowsInserted.connect(lambda *_: self._update_hint())
        self.vm.model.rowsRemoved.connect(lambda *_: self._update_hint())
        return self.table

    def _build_totals(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.overall_bar = QProgressBar(self)
        self.overall_bar.setObjectName("filesOverall")
        self.overall_bar.setRange(0, 100)
        self.overall_bar.setValue(0)
        self.overall_bar.setFormat("%p %")  # as the rows' bars write it
        self.overall_bar.setMaximumWidth(260)  # px: the totals text beside it needs the room
        self.totals_label = QLabel(self.tr("No files yet."), self)
        self.totals_label.setObjectName("filesTotals")
        row.addWidget(self.overall_bar)
        row.addWidget(self.totals_label, 1)
        return row

    # --- options --------------------------------------------------------------------------------------------------
    def _load_options(self) -> None:
        """Fill the option widgets from the view-model (no signals while doing it)."""
        options = self.vm.options
        catalog, model = self.vm.catalog, self.vm.catalog_model
        widgets: list[QWidget] = [
            self.target_combo,
            self.source_combo,
            self.voice_combo,
            self.text_only_check,
            *self.format_checks.values(),
            self.folder_edit,
            self.concurrency_spin,
            self.next_to_file_radio,
            self.chosen_folder_radio,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.target_combo.clear()
        for choice in target_choices(
            catalog, model, self.tr("text only"), ui_language=self._ui_language, sort_key=self._sort_key
        ):
            label = f"{choice.label} ({choice.note})" if choice.note else choice.label
            self.target_combo.addItem(label, choice.value)
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(options.target)))
        self.source_combo.clear()
        for choice in source_choices(
            catalog, model, self.tr("Detect automatically"), ui_language=self._ui_language, sort_key=self._sort_key
        ):
            self.source_combo.addItem(choice.label, choice.value)
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(options.source or "")))
        self.text_only_check.setChecked(options.text_only)
        self._fill_voices()
        for fmt, check in self.format_checks.items():
            check.setChecked(fmt in options.formats)
        self.folder_edit.setText(options.out_dir or "")
        self.chosen_folder_radio.setChecked(bool(options.out_dir))
        self.next_to_file_radio.setChecked(not options.out_dir)
        self.concurrency_spin.setValue(options.concurrency)
        for widget in widgets:
            widget.blockSignals(False)
        self._update_option_states()

    def _fill_voices(self) -> None:
        target = self.target_combo.currentData() or self.vm.options.target
        blocked = self.voice_combo.blockSignals(True)
        self.voice_combo.clear()
        for name, description in self.vm.voices_for(target):
            # The name, as the Live tab shows it; the catalog's description (English) is the tooltip.
            self.voice_combo.addItem(name, name)
            self.voice_combo.setItemData(self.voice_combo.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
        index = self.voice_combo.findData(self.vm.options.voice) if self.vm.options.voice else 0
        self.voice_combo.setCurrentIndex(max(0, index))
        self.voice_combo.blockSignals(blocked)

    def _connect_options(self) -> None:
        self.target_combo.currentIndexChanged.connect(self._target_chosen)
        self.source_combo.currentIndexChanged.connect(
            lambda _i: self.vm.set_options(source=self.source_combo.currentData() or None)
        )
        self.voice_combo.currentIndexChanged.connect(
            lambda _i: self.vm.set_options(voice=self.voice_combo.currentData() or None)
        )
        self.text_only_check.toggled.connect(self._text_only_toggled)
        for check in self.format_checks.values():
            check.toggled.connect(lambda _checked: self._formats_changed())
        self.next_to_file_radio.toggled.connect(lambda _checked: self._folder_changed())
        self.folder_edit.editingFinished.connect(self._folder_changed)
        self.browse_button.clicked.connect(self._browse_folder)
        self.concurrency_spin.valueChanged.connect(lambda value: self.vm.set_options(concurrency=int(value)))

    def _target_chosen(self, _index: int) -> None:
        target = str(self.target_combo.currentData())
        self._fill_voices()
        speaks = self.vm.can_speak(target)
        changes: dict[str, object] = {"target": target, "voice": self.voice_combo.currentData() or None}
        if not speaks:
            changes["text_only"] = True
        self.vm.set_options(**changes)
        if not speaks:
            blocked = self.text_only_check.blockSignals(True)
            self.text_only_check.setChecked(True)
            self.text_only_check.blockSignals(blocked)
        self._update_option_states()

    def _text_only_toggled(self, checked: bool) -> None:
        self.vm.set_options(text_only=checked)
        self._update_option_states()

    def _formats_changed(self) -> None:
        chosen = frozenset(fmt for fmt, check in self.format_checks.items() if check.isChecked())
        if chosen:
            self.vm.set_options(formats=chosen)
        else:  # at least one output: an empty choice would translate into nothing
            self.notice.show_message(self.tr("Choose at least one output to write."), "warning")

    def _folder_changed(self) -> None:
        chosen = self.chosen_folder_radio.isChecked() and self.folder_edit.text().strip()
        self.vm.set_options(out_dir=self.folder_edit.text().strip() if chosen else None)
        self._update_option_states()

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the translations"))
        if folder:
            self.folder_edit.setText(folder)
            self.chosen_folder_radio.setChecked(True)
            self._folder_changed()

    def _update_option_states(self) -> None:
        text_only = self.text_only_check.isChecked()
        target = str(self.target_combo.currentData() or "")
        self.text_only_check.setEnabled(self.vm.can_speak(target))
        self.voice_combo.setEnabled(not text_only)
        for fmt in (OutputFormat.WAV, OutputFormat.MP4):
            self.format_checks[fmt].setEnabled(not text_only)
        self.folder_edit.setEnabled(self.chosen_folder_radio.isChecked())

    # --- actions --------------------------------------------------------------------------------------------------
    def add_files(self, paths: list[str]) -> None:
        """Queue files or folders (the main window's drop routing calls this too): subtitle and text documents go
        to the documents queue (when there is one), everything else to the media queue; the section that got the
        first file is shown."""
        documents = [p for p in paths if is_text_document(p)] if self.documents_page is not None else []
        media = [p for p in paths if p not in documents]
        if media:
            self.vm.add_paths(media)
        if documents and self.documents_page is not None:
            self.documents_page.add_files(documents)
        if documents and self.documents_page is not None and paths[0] == documents[0]:
            self.sections.setCurrentWidget(self.documents_page)
        elif media:
            self.sections.setCurrentIndex(0)

    def selected_ids(self) -> list[int]:
        """Job ids of the selected rows, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [int(self.vm.model.index(row, 0).data(JOB_ID_ROLE)) for row in rows]

    def _current_id(self) -> int | None:
        ids = self.selected_ids()
        if ids:
            return ids[0]
        index = self.table.currentIndex()
        return int(index.data(JOB_ID_ROLE)) if index.isValid() else None

    def open_output_folder(self) -> None:
        job_id = self._current_id()
        folder = self.vm.output_folder(job_id) if job_id is not None else None
        if folder is None:
            self.notice.show_message(self.tr("Select a file in the list to open its output folder."), "info")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
        self.folder_opened.emit(folder)

    def play_result(self) -> None:
        job_id = self._current_id()
        result = self.vm.result_to_play(job_id) if job_id is not None else None
        if result is None:
            self.notice.show_message(self.tr("Select a translated file with speech to play its result."), "info")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(result))
        self.result_played.emit(result)

    def _pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add audio or video files"),
            "",
            self.tr(
                "Audio and video (*.wav *.mp3 *.m4a *.aac *.flac *.ogg *.opus *.wma *.amr *.mp4 *.mkv *.mov *.webm);;"
                "All files (*)"
            ),
        )
        if paths:
            self.add_files(paths)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of audio or video files"))
        if folder:
            self.add_files([folder])

    # --- view updates ---------------------------------------------------------------------------------------------
    def _on_totals(self, percent: int, text: str) -> None:
        self.overall_bar.setValue(percent)
        self.totals_label.setText(text)

    def _update_hint(self) -> None:
        self.empty_hint.setVisible(self.vm.model.rowCount() == 0)
        self.empty_hint.resize(self.table.viewport().size())

    def _update_buttons(self) -> None:
        jobs = self.vm.model.jobs()
        states = {job.state.value for job in jobs}
        selected = bool(self.table.selectionModel().selectedRows()) if self.table.selectionModel() else False
        self.start_button.setEnabled(not self.vm.is_running and bool(states & {"queued", "paused", "running"}))
        self.pause_button.setEnabled(bool(states & {"queued", "running"}))
        self.cancel_button.setEnabled(bool(states & {"queued", "running", "paused"}))
        self.retry_button.setEnabled("failed" in states)
        self.remove_button.setEnabled(selected)
        self.open_folder_button.setEnabled(bool(jobs))
        self.play_button.setEnabled("done" in states)

    def resizeEvent(self, event: object) -> None:  # keep the empty-queue hint centred on the table
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._update_hint()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()


class DocumentsPage(QWidget):
    """The *Subtitles and documents* section: options for documents added next (target, Qwen-MT model, bilingual),
    the buttons, and the documents' queue table (its view-model is ``viewmodels.documents_vm``)."""

    notice_requested = Signal(str, str)
    """(sentence, level) for the Files tab's notice strip (the one place its messages appear)."""

    def __init__(self, vm: DocumentsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filesDocuments")
        self.setAcceptDrops(True)
        self.vm = vm
        self.model_combo = QComboBox(self)
        self.model_combo.setObjectName("documentsModel")
        for name in vm.model_names():
            self.model_combo.addItem(name, name)
        self.model_combo.setCurrentIndex(max(0, self.model_combo.findData(vm.mt_model)))
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("documentsTarget")
        self.bilingual_check = QCheckBox(self.tr("Bilingual (keep the original above each line)"), self)
        self.bilingual_check.setChecked(vm.bilingual)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Translate into"), self))
        options.addWidget(self.target_combo)
        options.addSpacing(12)
        options.addWidget(QLabel(self.tr("Model"), self))
        options.addWidget(self.model_combo)
        options.addSpacing(12)
        options.addWidget(self.bilingual_check)
        options.addStretch(1)

        self.add_button = QPushButton(self.tr("Add documents…"), self)
        self.start_button = QPushButton(self.tr("Start"), self)
        self.start_button.setObjectName("primaryButton")
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.retry_button = QPushButton(self.tr("Retry failed"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.open_folder_button = QPushButton(self.tr("Open output folder"), self)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addSpacing(16)
        for button in (self.start_button, self.cancel_button, self.retry_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_folder_button)

        self.table = QTableView(self)
        self.table.setObjectName("documentsQueue")
        self.table.setModel(vm.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(DOC_PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the status, with a failure's reason
        header.setSectionResizeMode(DOC_PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(DOC_PROGRESS, PROGRESS_COLUMN_PX)
        self.totals_label = QLabel(self.tr("Drop .srt, .vtt, .ass, .ssa, .txt or .md files here."), self)
        self.totals_label.setObjectName("documentsTotals")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(options)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)

        self._fill_targets()
        self.model_combo.currentIndexChanged.connect(self._model_chosen)
        self.target_combo.currentIndexChanged.connect(
            lambda _i: vm.set_options(target=str(self.target_combo.currentData()))
        )
        self.bilingual_check.toggled.connect(lambda checked: vm.set_options(bilingual=checked))
        self.add_button.clicked.connect(self._pick_files)
        self.start_button.clicked.connect(vm.start)
        self.cancel_button.clicked.connect(lambda: vm.cancel(self.selected_ids() or None))
        self.retry_button.clicked.connect(vm.retry_failed)
        self.remove_button.clicked.connect(lambda: vm.remove(self.selected_ids()))
        self.open_folder_button.clicked.connect(self.open_output_folder)
        vm.error_occurred.connect(lambda text: self.notice_requested.emit(text, "error"))
        vm.totals_changed.connect(self.totals_label.setText)
        vm.running_changed.connect(lambda _running: self._update_buttons())
        vm.model.dataChanged.connect(lambda *_: self._update_buttons())
        vm.model.rowsInserted.connect(lambda *_: self._update_buttons())
        vm.model.rowsRemoved.connect(lambda *_: self._update_buttons())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def add_files(self, paths: list[str]) -> None:
        self.vm.add_paths(paths)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [int(self.vm.model.index(row, 0).data(JOB_ID_ROLE)) for row in rows]

    def open_output_folder(self) -> None:
        ids = self.selected_ids()
        folder = self.vm.output_folder(ids[0]) if ids else None
        if folder is None:
            self.notice_requested.emit(self.tr("Select a document in the list to open its output folder."), "info")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def _fill_targets(self) -> None:
        blocked = self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for language in self.vm.languages():
            self.target_combo.addItem(f"{language.name} ({language.code})", language.code)
        self.target_combo.setCurrentIndex(max(0, self.target_combo.findData(self.vm.target)))
        self.target_combo.blockSignals(blocked)
        self.vm.set_options(target=str(self.target_combo.currentData()))

    def _model_chosen(self, _index: int) -> None:
        self.vm.set_options(model=str(self.model_combo.currentData()))
        self._fill_targets()

    def _pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add subtitle or text documents"),
            "",
            self.tr("Subtitles and documents (*.srt *.vtt *.ass *.ssa *.txt *.md);;All files (*)"),
        )
        if paths:
            self.add_files(paths)

    def _update_buttons(self) -> None:
        states = {entry.state.value for entry in self.vm.model.entries()}
        self.start_button.setEnabled(not self.vm.is_running and "queued" in states)
        self.cancel_button.setEnabled(bool(states & {"queued", "running"}))
        self.retry_button.setEnabled(bool(states & {"failed", "cancelled"}) and not self.vm.is_running)
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        self.open_folder_button.setEnabled(bool(states))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()
