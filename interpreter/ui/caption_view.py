"""CaptionView: the scrolling bilingual caption list of the Live tab.

Model/view on purpose (CaptionListModel + CaptionDelegate): each update repaints one row, so a two-hour session
costs the same per update as a two-minute one. A QTreeView (headers hidden) is the list widget because, unlike
QListView, it re-measures exactly the one row whose text changed (``dataChanged`` on one index) instead of laying
out every row again.

Auto-scroll follows the live tail while the user is at the bottom; scrolling up pauses it and shows a
"Jump to live" button; returning to the bottom (or pressing the button) resumes it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from interpreter.core.captions import Caption
from interpreter.ui.caption_model import CaptionListModel, CaptionRowRole
from interpreter.ui.caption_rows import caption_plain_text, format_clock
from interpreter.ui.text_layout import StyledParagraph

#: Font sizes the user can pick (points). Below 9 pt captions become hard to read; above 40 pt a row no longer
#: fits a laptop-sized Live tab (the presentation window is the place for larger text).
MIN_FONT_PT = 9
MAX_FONT_PT = 40
DEFAULT_FONT_PT = 13

#: Horizontal room for the "M:SS" time stamp column (in units of the font's average character width).
_TIME_COLUMN_CHARS = 8
#: Padding around a row's content and between its two paragraphs, px.
_PAD = 6
#: The source line is drawn this much smaller than the translation (the audience reads the translation).
_SOURCE_SCALE = 0.85
#: Delay before re-measuring every row after a resize (ms): a drag-resize fires dozens of events; measuring
#: thousands of rows once after the drag ends is cheap, doing it per event is not.
_RELAYOUT_DELAY_MS = 120
#: "At the bottom" tolerance in pixels: a row's height change can leave the bar a few pixels off the maximum.
_BOTTOM_SLACK_PX = 4


class CaptionDelegate(QStyledItemDelegate):
    """Draws a Caption: time stamp, source (smaller, muted), translation; stash tails italic and faded.

    ``show_source`` switches the source line off (translation only).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.font = QFont()
        self.font.setPointSize(DEFAULT_FONT_PT)
        self.show_source = True
        # Measured heights by row number, with the Caption they were measured for. QTreeView re-asks every row's
        # size when a row is inserted; re-laying out thousands of wrapped paragraphs each time made a new caption
        # row cost ~0.1 ms per existing row (1 s at 10 000 rows). A hit costs one Caption comparison. Bounded by the
        # number of rows; emptied when the width, font or source visibility changes (see ``invalidate``).
        self._sizes: dict[int, tuple[Caption, QSize]] = {}
        self._sizes_width = -1

    def invalidate(self) -> None:
        """Forget measured heights (call after changing ``font`` or ``show_source``)."""
        self._sizes.clear()

    # --- geometry -----------------------------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont]:
        source_font = QFont(self.font)
        source_font.setPointSizeF(max(MIN_FONT_PT * _SOURCE_SCALE, self.font.pointSizeF() * _SOURCE_SCALE))
        return source_font, self.font

    def _time_width(self) -> int:
        small, _ = self._fonts()
        return QFontMetrics(small).averageCharWidth() * _TIME_COLUMN_CHARS

    def _paragraphs(self, row: Caption, width: int, palette: QPalette, selected: bool) -> list[StyledParagraph]:
        source_font, translation_font = self._fonts()
        text_width = max(1, width - self._time_width() - 2 * _PAD)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        strong = palette.color(role)
        muted = QColor(strong)
        muted.setAlphaF(0.72)  # source is context, translation is the message: less contrast, still readable
        stash = QColor(strong)
        stash.setAlphaF(0.5)  # tentative: clearly provisional next to confirmed text, never invisible
        paragraphs = []
        if self.show_source and row.source_display:
            paragraphs.append(StyledParagraph(row.source, row.source_stash, source_font, text_width, muted, stash))
        if row.translation_display or not paragraphs:
            paragraphs.append(
                StyledParagraph(row.translation, row.translation_stash, translation_font, text_width, strong, stash)
            )
        return paragraphs

    def _gap_height(self) -> int:
        return QFontMetrics(self._fonts()[0]).height() + 2 * _PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        row: Caption | None = index.data(CaptionRowRole)
        width = option.rect.width() if option.rect.width() > 0 else 600  # 600: before the first layout pass
        if row is None:
            return QSize(width, 0)
        if width != self._sizes_width:
            self._sizes.clear()
            self._sizes_width = width
        cached = self._sizes.get(index.row())
        if cached is not None and cached[0] == row:
            return QSize(cached[1])
        if row.gap:
            size = QSize(width, self._gap_height())
        else:
            paragraphs = self._paragraphs(row, width, option.palette, selected=False)
            height = sum(p.height for p in paragraphs) + _PAD * (len(paragraphs) + 1)
            size = QSize(width, int(height) + 1)
        self._sizes[index.row()] = (row, size)
        return QSize(size)

    # --- painting -----------------------------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        row: Caption | None = index.data(CaptionRowRole)
        if row is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        painter.save()
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        small, _ = self._fonts()
        text_color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        faint = QColor(text_color)
        faint.setAlphaF(0.55)
        painter.setFont(small)
        painter.setPen(faint)
        time_rect = QRectF(rect.left() + _PAD, rect.top() + _PAD, self._time_width(), rect.height() - 2 * _PAD)
        # An open segment has no time yet: a blank is calmer than "--:--" next to the words being spoken.
        stamp = format_clock(row.start_ms) if row.start_ms is not None else ""
        painter.drawText(time_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, stamp)
        if row.gap:
            self._paint_gap(painter, rect, row, faint)
        else:
            x = rect.left() + _PAD + self._time_width()
            y = rect.top() + _PAD
            for paragraph in self._paragraphs(row, rect.width(), option.palette, selected):
                paragraph.draw(painter, x, y)
                y += paragraph.height + _PAD
        # A hairline between rows groups each source with its own translation.
        separator = QColor(text_color)
        separator.setAlphaF(0.12)
        painter.setPen(QPen(separator, 1))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.restore()

    def _paint_gap(self, painter: QPainter, rect: QRect, row: Caption, color: QColor) -> None:
        warn = QColor("#c77700")  # amber reads as "attention" on both light and dark backgrounds
        painter.setPen(QPen(warn, 1, Qt.PenStyle.DashLine))
        x = rect.left() + _PAD + self._time_width()
        mid = rect.center().y()
        text = self.tr("Connection lost: {start}–{end} was not translated").format(
            start=format_clock(row.start_ms), end=format_clock(row.end_ms)
        )
        painter.setPen(warn)
        painter.drawText(
            QRectF(x, rect.top(), rect.right() - x - _PAD, rect.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        text_end = x + painter.fontMetrics().horizontalAdvance(text) + _PAD
        if text_end < rect.right() - _PAD:
            painter.setPen(QPen(warn, 1, Qt.PenStyle.DashLine))
            painter.drawLine(int(text_end), mid, rect.right() - _PAD, mid)


class CaptionView(QWidget):
    """The caption list with auto-scroll, copy, clear and font size.

    Args:
        model: the rows to show (normally ``LiveSessionViewModel.captions``); the view never writes to it except
            through ``clear()`` when the user asks.
    """

    clear_requested = Signal()
    """The user asked to clear the captions (the owner clears the view-model, which resets the model)."""
    following_changed = Signal(bool)
    """Emitted when auto-scroll pauses (False: the user scrolled up) or resumes (True)."""
    font_size_changed = Signal(int)

    def __init__(self, model: CaptionListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._following = True
        self.delegate = CaptionDelegate(self)

        self.list = QTreeView(self)
        self.list.setObjectName("captionList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(False)  # rows wrap to different heights
        self.list.setItemsExpandable(False)
        self.list.setWordWrap(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setItemDelegate(self.delegate)
        self.list.setModel(model)
        self.list.setAccessibleName(self.tr("Captions"))

        self.jump_button = QPushButton(self.tr("Jump to live ↓"), self)
        self.jump_button.setObjectName("jumpToLive")
        self.jump_button.setToolTip(self.tr("Auto-scroll is paused while you read back; click to follow again"))
        self.jump_button.hide()
        self.jump_button.clicked.connect(self.follow_live)

        self._add_actions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)

        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(_RELAYOUT_DELAY_MS)
        self._relayout_timer.timeout.connect(self._relayout)
        self.list.viewport().installEventFilter(self)

        bar = self.list.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)
        model.rowsInserted.connect(self._on_rows_changed)
        model.dataChanged.connect(self._on_rows_changed)
        model.modelReset.connect(self.follow_live)

    # --- public -------------------------------------------------------------------------------------------------
    @property
    def following(self) -> bool:
        """True while the view sticks to the newest caption."""
        return self._following

    def follow_live(self) -> None:
        """Resume auto-scroll and jump to the newest caption."""
        self._set_following(True)
        self.list.scrollToBottom()

    def set_font_size(self, points: int) -> None:
        """Caption font size in points, clamped to [MIN_FONT_PT, MAX_FONT_PT]."""
        points = max(MIN_FONT_PT, min(MAX_FONT_PT, points))
        if points == self.delegate.font.pointSize():
            return
        self.delegate.font.setPointSize(points)
        self.delegate.invalidate()
        self._relayout()
        self.font_size_changed.emit(points)

    def font_size(self) -> int:
        return self.delegate.font.pointSize()

    def zoom(self, steps: int) -> None:
        """Grow (steps > 0) or shrink the caption font by ``steps`` points."""
        self.set_font_size(self.font_size() + steps)

    def set_show_source(self, show: bool) -> None:
        """Show both languages (True) or the translation only."""
        self.delegate.show_source = show
        self.delegate.invalidate()
        self._relayout()

    def selected_text(self) -> str:
        """Selected rows as plain text (source line, translation line, blank line between rows)."""
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return "\n\n".join(caption_plain_text(self._model.row(i), with_source=self.delegate.show_source) for i in rows)

    def all_text(self) -> str:
        """Every row as plain text."""
        show = self.delegate.show_source
        return "\n\n".join(caption_plain_text(row, with_source=show) for row in self._model.rows())

    def copy(self) -> None:
        """Copy the selection (or everything when nothing is selected) to the clipboard."""
        text = self.selected_text() or self.all_text()
        QGuiApplication.clipboard().setText(text)

    # --- events -------------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._relayout_timer.start()
            self._place_jump_button()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._place_jump_button()

    # --- internals -----------------------------------------------------------------------------------------------
    def _add_actions(self) -> None:
        # Actions on the list (context menu + shortcuts that work while the list has focus).
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        entries = [
            (self.tr("Copy"), QKeySequence.StandardKey.Copy, self.copy),
            (self.tr("Copy all"), None, lambda: QGuiApplication.clipboard().setText(self.all_text())),
            (self.tr("Jump to live"), QKeySequence(Qt.Key.Key_End), self.follow_live),
            (self.tr("Larger text"), QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(+1)),
            (self.tr("Smaller text"), QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(-1)),
            (self.tr("Clear captions"), None, self.clear_requested.emit),
        ]
        for text, shortcut, slot in entries:
            action = QAction(text, self.list)
            if shortcut is not None:
                action.setShortcut(shortcut)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)

    def _relayout(self) -> None:
        # Heights depend on the width and font: re-measure rows (lazily, Qt only asks for what it needs).
        self.list.scheduleDelayedItemsLayout()
        if self._following:
            # Context object: the call is dropped if the view is destroyed before the timer fires.
            QTimer.singleShot(0, self.list, self.list.scrollToBottom)

    def _at_bottom(self) -> bool:
        bar = self.list.verticalScrollBar()
        return bar.value() >= bar.maximum() - _BOTTOM_SLACK_PX

    def _on_scrolled(self, _value: int) -> None:
        # The range grows as rows arrive; a scroll that is not at the bottom after we were following means the
        # user moved it (our own scrollToBottom always lands at the maximum).
        self._set_following(self._at_bottom())

    def _on_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._following:
            self.list.verticalScrollBar().setValue(self.list.verticalScrollBar().maximum())

    def _on_rows_changed(self, *_args: object) -> None:
        if self._following:
            self.list.scrollToBottom()

    def _set_following(self, following: bool) -> None:
        if following == self._following:
            return
        self._following = following
        self.jump_button.setVisible(not following)
        if not following:
            self._place_jump_button()
            self.jump_button.raise_()
        self.following_changed.emit(following)

    def _place_jump_button(self) -> None:
        hint = self.jump_button.sizeHint()
        margin = 12  # px from the bottom-right corner, clear of the scroll bar
        bar_width = self.list.verticalScrollBar().width() if self.list.verticalScrollBar().isVisible() else 0
        self.jump_button.setGeometry(
            self.width() - hint.width() - margin - bar_width,
            self.height() - hint.height() - margin,
            hint.width(),
            hint.height(),
        )
