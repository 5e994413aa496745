"""MainWindow: tabs (Live, Files, Images, OCR), menus, shortcuts, status bar, drag and drop, notices.

Closing while a session is live does not cut the speaker off: the window asks the view-model to stop (which sends
``session.finish`` and waits for ``session.finished`` so the last sentence is kept), shows that it is finishing,
and closes itself once the session has finished.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import PurePath

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from interpreter.core.drop_routing import DropTarget, group_by_target
from interpreter.ui.caption_rows import format_clock
from interpreter.ui.files_tab import FilesTab
from interpreter.ui.i18n import language_labels
from interpreter.ui.icons import app_icon
from interpreter.ui.images_tab import ImagesTab
from interpreter.ui.live_tab import LiveTab
from interpreter.ui.ocr_tab import OcrTab
from interpreter.ui.viewmodels.documents_vm import DocumentsViewModel
from interpreter.ui.viewmodels.files_vm import FilesViewModel
from interpreter.ui.viewmodels.images_vm import ImagesViewModel
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel, SessionPhase
from interpreter.ui.viewmodels.ocr_vm import OcrViewModel
from interpreter.ui.viewmodels.text_vm import TextViewModel
from interpreter.ui.widgets import ComingTab, NoticeBanner

#: Default window size (px): room for the controls row and ~8 caption pairs on a 1366x768 laptop.
DEFAULT_SIZE = (1180, 760)


class MainWindow(QMainWindow):
    """The application window.

    Args:
        live_vm: the Live tab's view-model.
        demo: label everything as demo output (the endpoint is the embedded emulator).
        open_dialog: opens a named dialog ("api_key", "voices", "hotwords", "welcome", "history"); injected by the
            composition root so this window imports no dialog it may not have.
        files_vm: the Files tab's view-model; None keeps the "coming later" placeholder (tests of other tabs).
        documents_vm / text_vm: the Files tab's documents queue and Text pane (None: the tab has media only).
        images_vm / ocr_vm: the Images and OCR tabs' view-models; None keeps their placeholders.
    """

    geometry_changed = Signal(QByteArray)
    """Emitted on close with ``saveGeometry()`` (the owner stores it in the settings)."""
    presentation_requested = Signal()
    export_requested = Signal()
    language_requested = Signal(str)
    """View → Language: the user picked a UI language (a ``settings.ui_language`` value)."""

    def __init__(
        self,
        live_vm: LiveSessionViewModel,
        *,
        demo: bool = False,
        open_dialog: Callable[[str], None] | None = None,
        files_vm: FilesViewModel | None = None,
        documents_vm: DocumentsViewModel | None = None,
        text_vm: TextViewModel | None = None,
        images_vm: ImagesViewModel | None = None,
        ocr_vm: OcrViewModel | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.vm = live_vm
        self._open_dialog = open_dialog or (lambda name: self.show_notice(self.tr("Not available yet."), "info"))
        self._close_when_finished = False
        self.setWindowIcon(app_icon())
        self.resize(*DEFAULT_SIZE)
        self.setAcceptDrops(True)

        self.live_tab = LiveTab(live_vm, self)
        self.files_tab: FilesTab | ComingTab
        if files_vm is not None:
            self.files_tab = FilesTab(files_vm, self, documents_vm=documents_vm, text_vm=text_vm)
        else:
            self.files_tab = ComingTab(
                self.tr("Files"),
                self.tr("Translate recordings, videos and subtitle files, with a queue, progress and a cost estimate."),
            )
        self.images_tab: ImagesTab | ComingTab
        if images_vm is not None:
            self.images_tab = ImagesTab(images_vm, self)
        else:
            self.images_tab = ComingTab(
                self.tr("Images"),
                self.tr("Translate the text in screenshots, scans and product images, keeping the layout."),
            )
        self.ocr_tab: OcrTab | ComingTab
        if ocr_vm is not None:
            self.ocr_tab = OcrTab(ocr_vm, parent=self)
        else:
            self.ocr_tab = ComingTab(
                self.tr("OCR"),
                self.tr("Read text from images and the screen, then translate it."),
            )
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.live_tab, self.tr("&Live"))
        self.tabs.addTab(self.files_tab, self.tr("&Files"))
        self.tabs.addTab(self.images_tab, self.tr("&Images"))
        self.tabs.addTab(self.ocr_tab, self.tr("&OCR"))

        self.banner = NoticeBanner(self)  # app-level notices: recovery offer, unexpected errors, settings notices
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self.demo_banner = QLabel(self.tr("Demo — not real translation. Output comes from the built-in emulator."))
        self.demo_banner.setObjectName("demoBadge")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_menus()
        self.set_demo(demo)
        live_vm.phase_changed.connect(self._on_phase)
        live_vm.connection_changed.connect(self._on_connection)
        live_vm.latency_changed.connect(
            lambda ms: self.latency_label.setText(self.tr("Latency {s:.1f} s").format(s=ms / 1000))
        )
        live_vm.duration_changed.connect(lambda s: self.duration_label.setText(format_clock(s * 1000)))
        live_vm.cost_changed.connect(self.cost_label.setText)
        # A session's failures and notices are shown once, in the Live tab's own banner (live_vm.notice_posted);
        # this window's banner is for app-level notices only.
        self.live_tab.voices_requested.connect(lambda: self._open_dialog("voices"))
        self.live_tab.hotwords_requested.connect(lambda: self._open_dialog("hotwords"))
        self.live_tab.presentation_requested.connect(self.presentation_requested)

    # --- public -------------------------------------------------------------------------------------------------
    def set_demo(self, demo: bool) -> None:
        """Label the window as a demo (embedded emulator) or not; the shell leaves the demo once a key is saved."""
        self.setWindowTitle(self.tr("Live Interpreter") + (self.tr(" — Demo") if demo else ""))
        self.demo_banner.setVisible(demo)
        self.demo_badge.setVisible(demo)
        if isinstance(self.files_tab, FilesTab):
            # The window's banner labels the Files tab too; the tab labels itself only when its queue still runs on
            # the emulator after the window left the demo (a key saved mid-run: the queue keeps its endpoint).
            self.files_tab.demo_label.setVisible(self.files_tab.vm.demo and not demo)

    def set_language_choice(self, language: str) -> None:
        """Tick ``language`` in View → Language (no signal)."""
        for action in self.language_actions.actions():
            action.blockSignals(True)
            action.setChecked(action.data() == language)
            action.blockSignals(False)

    def restore_geometry(self, blob: bytes | None) -> None:
        """Restore a ``saveGeometry()`` blob from the settings (ignored when empty or invalid)."""
        if blob:
            self.restoreGeometry(QByteArray(blob))

    def show_notice(
        self,
        text: str,
        level: str = "info",
        *,
        action_text: str | None = None,
        action: Callable[[], None] | None = None,
    ) -> None:
        """Show a non-modal notice above the tabs."""
        self.banner.show_message(text, level, action_text=action_text, action=action)

    def route_files(self, paths: list[str]) -> dict[DropTarget, list[str]]:
        """Send files to their tabs (switching to the first one); unsupported files are named in a notice.

        Media files, folders, subtitles and text documents go to the Files tab (which queues documents apart);
        pictures go to the Images tab, or to the OCR tab when that is the tab in front."""
        # A folder has no extension to route by: folders go to the Files tab, which takes the media files inside.
        folders = [p for p in paths if os.path.isdir(p)]
        groups = group_by_target([p for p in paths if p not in folders])
        if folders:
            groups.setdefault(DropTarget.FILES, []).extend(folders)
        ocr_in_front = isinstance(self.ocr_tab, OcrTab) and self.tabs.currentWidget() is self.ocr_tab
        tabs = {DropTarget.FILES: self.files_tab, DropTarget.IMAGES: self.ocr_tab if ocr_in_front else self.images_tab}
        first: QWidget | None = None
        for target, tab in tabs.items():
            if groups.get(target):
                tab.add_files(groups[target])
                first = first or tab
        if first is not None:
            self.tabs.setCurrentWidget(first)
        if groups.get(DropTarget.UNSUPPORTED):
            names = ", ".join(PurePath(p).name for p in groups[DropTarget.UNSUPPORTED])
            self.show_notice(
                self.tr(
                    "Not opened: {names}. Live Interpreter opens audio, video, subtitle, text and image files."
                ).format(names=names),
                "warning",
            )
        return groups

    # --- Qt overrides ---------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.route_files(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.vm.is_active:
            # Keep the last sentence: finish the session properly, then close (see the module docstring).
            event.ignore()
            self._close_when_finished = True
            self.show_notice(self.tr("Finishing the session before closing…"), "info")
            self.vm.stop()
            return
        self.geometry_changed.emit(self.saveGeometry())
        super().closeEvent(event)

    # --- construction ---------------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.connection_label = QLabel(self.tr("Not connected"))
        self.connection_label.setObjectName("connectionChip")
        self.latency_label = QLabel(self.tr("Latency —"))
        self.latency_label.setToolTip(self.tr("From the end of speech to its final translation, last segment"))
        self.duration_label = QLabel("0:00")
        self.duration_label.setToolTip(self.tr("Session duration"))
        self.cost_label = QLabel(self.tr("Cost —"))
        self.cost_label.setToolTip(self.tr("Estimated cost of this session (the service's bill is authoritative)"))
        for widget in (self.connection_label, self.latency_label, self.duration_label, self.cost_label):
            bar.addPermanentWidget(widget)
        self.demo_badge = QLabel(self.tr("DEMO"))
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setToolTip(self.tr("Demo — not real translation"))
        bar.addWidget(self.demo_badge)

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Open files…"), self._open_files, QKeySequence.StandardKey.Open))
        file_menu.addAction(
            self._action(self.tr("Session &history…"), lambda: self._open_dialog("history"), QKeySequence("Ctrl+H"))
        )
        file_menu.addAction(
            self._action(self.tr("&Export this session…"), self.export_requested.emit, QKeySequence("Ctrl+E"))
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        session_menu = menu.addMenu(self.tr("&Session"))
        self.start_action = self._action(self.tr("&Start / Stop"), self.vm.toggle, QKeySequence("Ctrl+Return"))
        session_menu.addAction(self.start_action)
        session_menu.addAction(
            self._action(
                self.tr("&Presentation window"), self.presentation_requested.emit, QKeySequence("Ctrl+Shift+P")
            )
        )
        session_menu.addAction(self._action(self.tr("&Clear captions"), self.vm.clear_captions, QKeySequence("Ctrl+L")))

        view_menu = menu.addMenu(self.tr("&View"))
        captions = self.live_tab.captions
        view_menu.addAction(
            self._action(self.tr("&Larger text"), lambda: captions.zoom(+1), QKeySequence.StandardKey.ZoomIn)
        )
        view_menu.addAction(
            self._action(self.tr("&Smaller text"), lambda: captions.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        )
        source = self._action(self.tr("Show &source text"), lambda: None, QKeySequence("Ctrl+Shift+S"))
        source.setCheckable(True)
        source.setChecked(True)
        source.toggled.connect(self.live_tab.show_source_check.setChecked)
        self.live_tab.show_source_check.toggled.connect(source.setChecked)
        view_menu.addAction(source)
        view_menu.addAction(
            self._action(self.tr("&Jump to live captions"), captions.follow_live, QKeySequence("Ctrl+End"))
        )
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_actions = QActionGroup(self)
        self.language_actions.setExclusive(True)
        for value, label in language_labels(self.tr("System language")):
            action = QAction(label, self.language_actions)
            action.setCheckable(True)
            action.setData(value)
            action.triggered.connect(lambda _checked=False, value=value: self.language_requested.emit(value))
            language_menu.addAction(action)

        settings_menu = menu.addMenu(self.tr("S&ettings"))
        for text, name in (
            (self.tr("&API key…"), "api_key"),
            (self.tr("&Voices…"), "voices"),
            (self.tr("&Hotwords…"), "hotwords"),
            (self.tr("&Welcome guide…"), "welcome"),
        ):
            settings_menu.addAction(self._action(text, functools.partial(self._open_dialog, name)))

        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Live Interpreter"), self._about))

    # --- slots ----------------------------------------------------------------------------------------------------
    def _open_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Open files to translate"))
        if paths:
            self.route_files(paths)

    def _about(self) -> None:
        from interpreter.ui.dialogs.about import open_about_dialog
        from interpreter.ui.viewmodels.about import about_info

        self.about_dialog = open_about_dialog(self, about_info())

    def _on_phase(self, phase: SessionPhase) -> None:
        if phase in (SessionPhase.IDLE, SessionPhase.FAILED) and self._close_when_finished:
            self._close_when_finished = False
            self.close()

    def _on_connection(self, state: str, text: str) -> None:
        self.connection_label.setText(text)
        self.connection_label.setProperty("state", state)
        self.connection_label.style().unpolish(self.connection_label)
        self.connection_label.style().polish(self.connection_label)
