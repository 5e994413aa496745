"""PresentationWindow: large captions for the audience (projector, second screen or an overlay).

It reads the same CaptionListModel as the Live tab and only ever draws the last few rows, bottom-aligned, so its cost
does not depend on the session length. It can be a normal window, frameless, or full screen on a chosen display,
and can stay on top of other windows (e.g. over slides).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from interpreter.core.captions import Caption
from interpreter.ui.caption_model import CaptionListModel
from interpreter.ui.text_layout import StyledParagraph

#: How many of the newest rows to consider; older ones would be pushed off the top anyway at presentation sizes.
_TAIL_ROWS = 4
#: Margin around the text, as a fraction of the window width (projectors crop edges; 4 % keeps text visible).
_MARGIN_FRACTION = 0.04
#: Space between caption pairs, as a fraction of the font height.
_PAIR_SPACING = 0.6
#: Smallest margin (px), so text never touches the edge of a small window.
_MIN_MARGIN_PX = 8
#: The source line is drawn at this fraction of the translation's size (context, not the message) ...
_SOURCE_SCALE = 0.7
#: ... but never below this many points, which stays readable from the back of a room.
_MIN_SOURCE_PT = 8
#: Opacity of the source line: visibly secondary to the translation.
_SOURCE_ALPHA = 0.7
#: Opacity of tentative (stash) words: visibly provisional, still legible from the back of the room.
_STASH_ALPHA = 0.6
#: Zoom keys change the translation font by this many points, within [_MIN_FONT_PT, _MAX_FONT_PT]: below 12 pt a
#: projector audience cannot read it; 120 pt already fills a strip with a few words.
_ZOOM_STEP_PT = 4
_MIN_FONT_PT = 12
_MAX_FONT_PT = 120


@dataclass(frozen=True)
class PresentationOptions:
    """How the audience sees captions (stored in the settings by the owner).

    Attributes:
        font_pt: translation font size in points (source text is drawn at 70 % of it).
        foreground: text colour (a colour name or #rrggbb).
        background: background colour.
        show_source: True: both languages; False: translation only.
        always_on_top: keep above other windows.
        frameless: no title bar (for overlays); full screen implies it.
        full_screen: cover the chosen screen.
        screen_name: QScreen.name() to use, or "" for the screen the window is on.
    """

    font_pt: int = 36
    foreground: str = "#ffffff"
    background: str = "#101418"
    show_source: bool = False
    always_on_top: bool = True
    frameless: bool = False
    full_screen: bool = False
    screen_name: str = ""


class PresentationWindow(QWidget):
    """A top-level window drawing the newest caption pairs in a large font.

    Args:
        model: the caption rows (shared with the Live tab; read-only here).
        options: initial look; change it later with ``apply_options``.
    """

    closed = Signal()
    """The window was closed (by the user or Esc)."""

    def __init__(self, model: CaptionListModel, options: PresentationOptions | None = None) -> None:
        super().__init__(None)
        self.setObjectName("presentationWindow")
        self.setWindowTitle(self.tr("Live Interpreter — Presentation"))
        self.setMinimumSize(320, 160)  # px: still shows one line of large text
        self.resize(1200, 360)  # a caption strip: wide and short, like subtitles
        self._model = model
        self._options = PresentationOptions()
        model.rowsInserted.connect(self._on_rows_inserted)
        model.dataChanged.connect(self._on_data_changed)
        model.modelReset.connect(self.update)
        self._add_actions()
        self.apply_options(options or PresentationOptions())

    # --- public -------------------------------------------------------------------------------------------------
    @property
    def options(self) -> PresentationOptions:
        return self._options

    def apply_options(self, options: PresentationOptions) -> None:
        """Apply a new look; window flags change only when they must (changing them re-creates the native window)."""
        previous = self._options
        self._options = options
        flags = Qt.WindowType.Window
        if options.frameless or options.full_screen:
            flags |= Qt.WindowType.FramelessWindowHint
        if options.always_on_top:
            flags |= Qt.WindowType.WindowStaysOnTopHint
        if flags != self.windowFlags() or previous.full_screen != options.full_screen:
            visible = self.isVisible()
            self.setWindowFlags(flags)
            if visible:
                self._show_on_screen()
        self.update()

    def present(self) -> None:
        """Show the window on the chosen screen (full screen or normal) and raise it."""
        self._show_on_screen()
        self.raise_()
        self.activateWindow()

    def toggle_source(self) -> None:
        """Switch between translation only and both languages."""
        self.apply_options(replace(self._options, show_source=not self._options.show_source))

    def visible_captions(self) -> list[Caption]:
        """The rows considered for drawing (newest last); gap rows included."""
        return self._model.tail(_TAIL_ROWS)

    # --- Qt overrides ---------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(self._options.background))
        margin = max(_MIN_MARGIN_PX, int(self.width() * _MARGIN_FRACTION))
        width = self.width() - 2 * margin
        y: float = self.height() - margin  # pair spacing is a fraction of a line
        font = self.font()
        font.setPointSize(self._options.font_pt)
        source_font = self.font()
        source_font.setPointSize(max(_MIN_SOURCE_PT, int(self._options.font_pt * _SOURCE_SCALE)))
        foreground = QColor(self._options.foreground)
        muted = QColor(foreground)
        muted.setAlphaF(_SOURCE_ALPHA)
        stash = QColor(foreground)
        stash.setAlphaF(_STASH_ALPHA)
        spacing = painter.fontMetrics().height() * _PAIR_SPACING
        # Newest pair at the bottom; older ones stack above until the window is full.
        for caption in reversed(self.visible_captions()):
            if caption.gap:
                continue  # the audience does not need to see connection trouble; the presenter's view shows it
            paragraphs = []
            if self._options.show_source and caption.source_display:
                paragraphs.append(
                    StyledParagraph(
                        caption.source,
                        caption.source_stash,
                        source_font,
                        width,
                        muted,
                        stash,
                        Qt.AlignmentFlag.AlignHCenter,
                    )
                )
            if caption.translation_display:
                paragraphs.append(
                    StyledParagraph(
                        caption.translation,
                        caption.translation_stash,
                        font,
                        width,
                        foreground,
                        stash,
                        Qt.AlignmentFlag.AlignHCenter,
                    )
                )
            height = sum(p.height for p in paragraphs)
            if not paragraphs:
                continue
            if y - height < margin and y < self.height() - margin:
                break  # an older pair that does not fit whole is left out rather than cut in half
            top = y - height
            for paragraph in paragraphs:
                paragraph.draw(painter, margin, top)
                top += paragraph.height
            y -= height + spacing
        painter.end()

    def closeEvent(self, event: object) -> None:
        super().closeEvent(event)  # type: ignore[arg-type]
        self.closed.emit()

    # --- internals ----------------------------------------------------------------------------------------------
    def _add_actions(self) -> None:
        def add(text: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: object) -> None:
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        add(self.tr("Close"), QKeySequence(Qt.Key.Key_Escape), self.close)
        add(
            self.tr("Full screen"),
            QKeySequence(Qt.Key.Key_F11),
            lambda: self.apply_options(replace(self._options, full_screen=not self._options.full_screen)),
        )
        add(self.tr("Both languages"), QKeySequence(Qt.Key.Key_B), self.toggle_source)
        add(
            self.tr("Larger text"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: self.apply_options(
                replace(self._options, font_pt=min(_MAX_FONT_PT, self._options.font_pt + _ZOOM_STEP_PT))
            ),
        )
        add(
            self.tr("Smaller text"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: self.apply_options(
                replace(self._options, font_pt=max(_MIN_FONT_PT, self._options.font_pt - _ZOOM_STEP_PT))
            ),
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _screen(self) -> QScreen | None:
        if self._options.screen_name:
            for screen in QGuiApplication.screens():
                if screen.name() == self._options.screen_name:
                    return screen
        return self.screen() or QGuiApplication.primaryScreen()

    def _show_on_screen(self) -> None:
        screen = self._screen()
        if screen is not None and self._options.screen_name:
            self.setScreen(screen)
            if not self._options.full_screen:
                geometry = screen.availableGeometry()
                self.move(geometry.center() - self.rect().center())
        if self._options.full_screen:
            if screen is not None:
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.showNormal()

    def _on_rows_inserted(self, _parent: QModelIndex | QPersistentModelIndex, first: int, _last: int) -> None:
        if first >= self._model.rowCount() - _TAIL_ROWS:
            self.update()

    def _on_data_changed(self, top_left: QModelIndex | QPersistentModelIndex, *_args: object) -> None:
        # Only the last few rows are on screen; edits further up (rare) need no repaint.
        if top_left.row() >= self._model.rowCount() - _TAIL_ROWS:
            self.update()


def options_from_settings(settings: object) -> PresentationOptions:
    """PresentationOptions from ``store.settings.PresentationSettings`` (duck-typed: ui does not need store types)."""
    defaults = PresentationOptions()
    return PresentationOptions(
        font_pt=int(getattr(settings, "font_size", defaults.font_pt)),
        foreground=str(getattr(settings, "foreground", defaults.foreground)),
        background=str(getattr(settings, "background", defaults.background)),
        show_source=getattr(settings, "mode", "translation") == "both",
        always_on_top=bool(getattr(settings, "always_on_top", defaults.always_on_top)),
        screen_name=getattr(settings, "screen", None) or "",
    )
