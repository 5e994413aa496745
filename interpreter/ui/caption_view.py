"""CaptionView: the scrolling bilingual caption list of the Live tab, flat-cost for sessions of any length.

Why a virtualised ``QAbstractScrollArea`` and not a Qt item view: with rows of different heights and per-pixel
scrolling, QTreeView/QListView ask the delegate for *every* row's size whenever a row is inserted (one Python call
per row, even with cached sizes). Measured on the 2-core reference machine that made a new caption row cost ~10 ms at
100 rows and ~103 ms at 10 000 (visible jank at a new sentence every 3–5 s), and a one-row update ~6.5 ms.
``QListView``'s ``Batched`` layout mode only spreads the same O(n) pass over several event-loop turns, and a bounded
live window (keep the newest N rows) bounds the cost without flattening it and hides the session's beginning.

So ``CaptionList`` paints only the rows in its viewport itself:

* Row heights live in a Fenwick tree (``caption_rows.RowHeights``): appending a row, changing one row's height,
  "where does row i start" and "which row is at pixel y" are all O(log n).
* A row is laid out once per change (``text_layout.CaptionRowRenderer``, with a bounded LRU of layouts for painting);
  an update measures and repaints exactly one row, an insert measures one row and blits the viewport up by its height.
* A height depends on width, font and whether the source line shows. When one of them changes, every height becomes
  an estimate: the rows on screen are measured at once, and the rest are re-measured in the background a few
  milliseconds at a time (newest first) while what the user looks at stays put.
* What the user looks at is the anchor: the bottom while following the live tail, otherwise the top visible row
  (and the pixel offset into it). Height changes above the anchor are compensated without moving the picture.

Screen readers see the rows through ``caption_accessibility`` (an accessible list of caption pairs; each caption
is announced once it is final).

Auto-scroll follows the live tail while the user is at the bottom; scrolling up pauses it and shows a "Jump to live"
button; returning to the bottom (or pressing the button, or End) resumes it. The list keeps the whole session (the
model holds it anyway, and Copy needs it); it costs a few hundred bytes per row of geometry.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRect, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton, QToolTip, QVBoxLayout, QWidget

from interpreter.ui.caption_accessibility import CaptionAnnouncer, install_caption_accessibility
from interpreter.ui.caption_model import CaptionListModel
from interpreter.ui.caption_rows import RowHeights, caption_plain_text
from interpreter.ui.text_layout import DEFAULT_FONT_PT, MAX_FONT_PT, MIN_FONT_PT, CaptionRowRenderer

__all__ = ["DEFAULT_FONT_PT", "MAX_FONT_PT", "MIN_FONT_PT", "CaptionList", "CaptionView"]

#: "At the bottom" tolerance in pixels: a row's height change can leave the bar a few pixels off the maximum.
_BOTTOM_SLACK_PX = 4
#: Pixels per arrow-key / wheel step: about one line of caption text at the default font.
_SCROLL_STEP_PX = 20
#: Background re-measuring after a width/font change works in slices of this many seconds, then yields to the event
#: loop: 4 ms keeps the loop's lag far below one 16 ms frame.
_SETTLE_SLICE_S = 0.004
#: Pause between slices (ms). Back-to-back slices (a 0 ms timer) starve the loop: a woken asyncio task needs a few
#: loop passes (timer, call_soon, task step), each behind another slice, and was measured ~10 ms late at p50. With a
#: 6 ms pause the lag stays around one slice; settling runs at ~40 % duty (about 1.5 s per 10 000 rows).
_SETTLE_PAUSE_MS = 6
#: Rows measured exactly when many arrive in one insert (the newest ones, which are on screen when following);
#: the rest start as estimates and are settled in the background like after a resize.
_EAGER_ROWS = 64
#: Margin of the "Jump to live" button from the bottom-right corner, px (clear of the scroll bar).
_JUMP_MARGIN_PX = 12

#: An anchor: a row and the pixel offset of the viewport's top edge into it.
_Anchor = tuple[int, int]


class CaptionList(QAbstractScrollArea):
    """Virtualised list of caption rows: paints only what is on screen; every update costs O(log n).

    Args:
        model: the rows (the list reads ``model.row(i)`` and listens to ``rowsInserted``, ``rowsRemoved``,
            ``dataChanged`` and ``modelReset``; it never writes to the model).
        renderer: measures and paints rows; the list owns its width, the caller may set font and source visibility
            through ``set_font_point_size`` / ``set_show_source``.
    """

    following_changed = Signal(bool)
    """Auto-scroll paused (False: the user scrolled up) or resumed (True)."""
    heights_settled = Signal()
    """The background pass finished: every row's height is exact for the current width and font."""

    def __init__(self, model: CaptionListModel, renderer: CaptionRowRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._renderer = renderer
        self._heights = RowHeights()
        # The renderer generation each row's height was measured under; any other value marks an estimate.
        self._measured: list[int] = []
        self._selected: set[int] = set()
        self._selection_anchor: int | None = None  # where shift-click and drag-select ranges start
        self._following = True
        self._settle_next = -1  # next row the background pass looks at (it walks from the newest row up)
        self._settle_timer = QTimer(self)
        self._settle_timer.setInterval(_SETTLE_PAUSE_MS)
        self._settle_timer.timeout.connect(self._settle_some)

        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always on: a bar that appears when rows first overflow narrows the rows, which re-measures all of them and
        # can make them fit again (hide, widen, overflow, show ...). A fixed text width avoids both.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)
        bar = self.verticalScrollBar()
        bar.setSingleStep(_SCROLL_STEP_PX)
        bar.valueChanged.connect(self._on_scrolled)
        renderer.set_palette(self.palette())

        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._on_rows_removed)
        model.dataChanged.connect(self._on_data_changed)
        model.modelReset.connect(self._on_reset)
        self._on_reset()
        # The rows are painted, not widgets: screen readers get them from an accessible interface, and hear each
        # caption once it is final (caption_accessibility).
        install_caption_accessibility()
        self._announcer = CaptionAnnouncer(self, model)

    # --- public ---------------------------------------------------------------------------------------------------
    @property
    def model(self) -> CaptionListModel:
        """The rows shown (read only: the list never writes to it)."""
        return self._model

    @property
    def show_source(self) -> bool:
        """True when rows show the source line above the translation."""
        return self._renderer.show_source

    @property
    def following(self) -> bool:
        """True while the view sticks to the newest caption."""
        return self._following

    def follow_live(self) -> None:
        """Resume auto-scroll and jump to the newest caption."""
        self._set_following(True)
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def set_font_point_size(self, points: int) -> bool:
        """Translation font size in points (the caller clamps it); True when it changed."""
        changed = self._renderer.set_font_point_size(points)
        if changed:
            self._settings_changed()
        return changed

    def set_show_source(self, show: bool) -> None:
        """Show both languages (True) or the translation only."""
        if self._renderer.set_show_source(show):
            self._settings_changed()

    def selected_rows(self) -> list[int]:
        """Selected row numbers, ascending."""
        return sorted(self._selected)

    def select_rows(self, rows: Iterable[int]) -> None:
        """Replace the selection (rows out of range are ignored)."""
        count = len(self._heights)
        self._set_selection({row for row in rows if 0 <= row < count})

    def select_all(self) -> None:
        """Select every row."""
        self._set_selection(set(range(len(self._heights))))

    def row_rect(self, row: int) -> QRect:
        """Row ``row``'s rectangle in viewport coordinates (it may lie outside the viewport)."""
        top = self._heights.top(row) - self.verticalScrollBar().value()
        return QRect(0, top, self.viewport().width(), self._heights[row])

    def row_at(self, y: int) -> int | None:
        """The row at viewport y coordinate ``y``, or None below the last row / when empty."""
        content_y = y + self.verticalScrollBar().value()
        if content_y < 0 or content_y >= self._heights.total():
            return None
        return self._heights.row_at(content_y)

    def is_settled(self) -> bool:
        """True when every row's height is exact for the current width and font (no background work pending)."""
        generation = self._renderer.generation
        return all(measured == generation for measured in self._measured)

    # --- model signals --------------------------------------------------------------------------------------------
    def _on_reset(self) -> None:
        self._settle_timer.stop()
        self._renderer.forget()
        self._selected.clear()
        self._selection_anchor = None
        rows = self._model.rows()
        # Rows already present start as estimates: the width is not known until the list is shown.
        self._heights.rebuild([self._renderer.estimate_height(row) for row in rows])
        self._measured = [-1] * len(rows)
        with QSignalBlocker(self.verticalScrollBar()):
            self._update_range()
        self._start_settling()
        self.viewport().update()

    def _on_rows_inserted(self, _parent: object, first: int, last: int) -> None:
        anchor = None if self._following else self._anchor()
        count = last - first + 1
        if first != len(self._heights):
            # Not an append (the caption model never does this): shift everything, re-measure in the background.
            self._renderer.forget()
            self._heights.insert(
                first, [self._renderer.estimate_height(self._model.row(r)) for r in range(first, last + 1)]
            )
            self._measured[first:first] = [-1] * count
            self._selected = {r + count if r >= first else r for r in self._selected}
            self._selection_anchor = None
            self._start_settling()
            self._rows_resized(first, len(self._heights) - 1, anchor)
            return
        generation = self._renderer.generation
        for row in range(first, last + 1):
            caption = self._model.row(row)
            if last - row < _EAGER_ROWS:
                self._heights.append(self._renderer.layout(row, caption).height)  # cached for the paint that follows
                self._measured.append(generation)
            else:
                self._heights.append(self._renderer.estimate_height(caption))
                self._measured.append(-1)
        if count > _EAGER_ROWS:
            self._start_settling()
        self._rows_resized(first, last, anchor)

    def _on_rows_removed(self, _parent: object, first: int, last: int) -> None:
        # Not something the caption model does (it only appends and resets); handled plainly for any model.
        count = last - first + 1
        anchor = None if self._following else self._anchor()
        if anchor is not None and anchor[0] >= first:
            anchor = (anchor[0] - count, anchor[1]) if anchor[0] > last else (first, 0)
        self._renderer.forget()
        self._heights.remove(first, last)
        del self._measured[first : last + 1]
        self._selected = {r - count if r > last else r for r in self._selected if not first <= r <= last}
        self._selection_anchor = None
        self._place(anchor)
        self.viewport().update()
        self._set_following(self._at_bottom())

    def _on_data_changed(self, top: object, bottom: object, _roles: object = None) -> None:
        first, last = top.row(), bottom.row()  # type: ignore[attr-defined]
        anchor = None if self._following else self._anchor()
        generation = self._renderer.generation
        resized: list[int] = []
        for row in range(max(0, first), min(last, len(self._heights) - 1) + 1):
            layout = self._renderer.layout(row, self._model.row(row), row in self._selected)
            self._measured[row] = generation
            if self._heights.set(row, layout.height):
                resized.append(row)
        if resized:
            self._rows_resized(resized[0], resized[-1], anchor)
        for row in range(max(0, first), min(last, len(self._heights) - 1) + 1):
            if not resized or row < resized[0]:
                self.viewport().update(self.row_rect(row).intersected(self.viewport().rect()))

    # --- geometry -------------------------------------------------------------------------------------------------
    def _anchor(self) -> _Anchor:
        value = self.verticalScrollBar().value()
        row = self._heights.row_at(value)
        return (row, value - self._heights.top(row)) if row >= 0 else (0, 0)

    def _anchor_value(self, anchor: _Anchor) -> int:
        row, offset = anchor
        if not 0 <= row < len(self._heights):
            return 0
        return self._heights.top(row) + min(offset, max(0, self._heights[row] - 1))

    def _update_range(self) -> None:
        bar = self.verticalScrollBar()
        page = self.viewport().height()
        bar.setPageStep(max(1, page))
        bar.setRange(0, max(0, self._heights.total() - page))

    def _place(self, anchor: _Anchor | None) -> None:
        """Put the scroll bar where the anchor says, silently (the caller repaints what moved)."""
        bar = self.verticalScrollBar()
        with QSignalBlocker(bar):
            self._update_range()
            bar.setValue(bar.maximum() if anchor is None else self._anchor_value(anchor))

    def _rows_resized(self, first: int, last: int, anchor: _Anchor | None) -> None:
        """Rows ``first..last`` changed height or arrived: keep the anchor in place, repaint only what moved.

        ``anchor`` is None while following (the bottom is the anchor). When following, content above the changed
        rows moves rigidly with the scroll, so the viewport is blitted and only the changed rows and what lies below
        them are repainted; changes above the anchor are compensated by the scroll value and repaint nothing.
        """
        viewport = self.viewport()
        page, width = viewport.height(), viewport.width()
        old_value = self.verticalScrollBar().value()
        self._place(anchor)
        value = self.verticalScrollBar().value()
        if len(self._heights) == 0:
            viewport.update()
            return
        top = self._heights.top(first)
        bottom = self._heights.top(last + 1)
        if anchor is None and top < old_value < bottom:
            viewport.update()  # the change straddles the top edge: no single blit describes it
        elif anchor is None and top >= old_value:
            if old_value != value:
                viewport.scroll(0, old_value - value)
            dirty = max(0, top - value)
            if dirty < page:
                viewport.update(QRect(0, dirty, width, page - dirty))
        elif anchor is not None and bottom > value and top < value + page:
            dirty = max(0, top - value)
            viewport.update(QRect(0, dirty, width, page - dirty))
        self._set_following(self._at_bottom())

    def _measure_visible(self) -> tuple[bool, _Anchor | None]:
        """Measure the estimated rows the viewport will show; returns (any height changed, the anchor)."""
        count = len(self._heights)
        if count == 0:
            return False, None
        page = self.viewport().height()
        changed = False
        if self._following:
            anchor = None
            row, covered = count - 1, 0
            while row >= 0 and covered < page:
                changed |= self._measure(row)
                covered += self._heights[row]
                row -= 1
        else:
            anchor = self._anchor()
            row, covered = anchor[0], -anchor[1]
            while row < count and covered < page:
                changed |= self._measure(row)
                covered += self._heights[row]
                row += 1
        return changed, anchor

    def _measure(self, row: int) -> bool:
        if self._measured[row] == self._renderer.generation:
            return False
        layout = self._renderer.layout(row, self._model.row(row), row in self._selected)
        self._measured[row] = self._renderer.generation
        return self._heights.set(row, layout.height) != 0

    def _settings_changed(self) -> None:
        # Every height is now an estimate: measure what is on screen now, the rest in the background.
        _changed, anchor = self._measure_visible()
        self._place(anchor)
        self.viewport().update()
        self._start_settling()
        self._set_following(self._at_bottom())

    def _start_settling(self) -> None:
        self._settle_next = len(self._heights) - 1
        if self._settle_next >= 0:
            self._settle_timer.start()

    def _settle_some(self) -> None:
        """Re-measure estimated rows for one bounded slice, newest first, keeping the anchor in place."""
        generation = self._renderer.generation
        anchor = None if self._following else self._anchor()
        deadline = time.perf_counter() + _SETTLE_SLICE_S
        row = min(self._settle_next, len(self._heights) - 1)
        first = last = -1
        while row >= 0 and time.perf_counter() < deadline:
            if self._measured[row] != generation:
                self._measured[row] = generation
                if self._heights.set(row, self._renderer.measure(self._model.row(row))):
                    first = row
                    last = max(last, row)
            row -= 1
        self._settle_next = row
        if first >= 0:
            self._rows_resized(first, last, anchor)
        if row < 0:
            self._settle_timer.stop()
            self.heights_settled.emit()

    # --- Qt overrides ---------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        changed, anchor = self._measure_visible()
        if changed:
            # Safety net (rows normally get measured before they scroll into view): place the anchor and repaint
            # the whole viewport, since the geometry under this paint's clip region just moved.
            self._place(anchor)
            self.viewport().update()
        count = len(self._heights)
        if count == 0:
            return
        painter = QPainter(self.viewport())
        clip = event.rect()
        value = self.verticalScrollBar().value()
        width = self.viewport().width()
        row = self._heights.row_at(value + clip.top())
        y = self._heights.top(row) - value
        while row < count and y <= clip.bottom():
            height = self._heights[row]
            if height > 0 and y + height > clip.top():
                layout = self._renderer.layout(row, self._model.row(row), row in self._selected)
                self._renderer.paint(painter, QRect(0, y, width, height), layout)
            y += height
            row += 1
        painter.end()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        # The user (or follow_live) scrolled: rows coming into view may still be estimates.
        self._set_following(self._at_bottom())
        changed, anchor = self._measure_visible()
        if changed:
            self._place(anchor)
            self.viewport().update()
        else:
            self.viewport().scroll(dx, dy)  # blit what stays visible; Qt repaints only the exposed strip

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        anchor = None if self._following else self._anchor()
        if self._renderer.set_width(self.viewport().width()):
            self._settings_changed()
        else:
            self._place(anchor)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._renderer.set_palette(self.palette())  # light/dark switch: lay rows out again in the new colours
            self.viewport().update()
        super().changeEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos().y())
            caption = self._model.row(row) if row is not None else None
            if caption is not None and caption.gap:
                QToolTip.showText(event.globalPos(), self._renderer.gap_text(caption), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(int(event.position().y()))
        modifiers = event.modifiers()
        if event.button() == Qt.MouseButton.RightButton:
            # The context menu acts on the row under the pointer unless it is part of the selection already.
            if row is not None and row not in self._selected:
                self._selection_anchor = row
                self._set_selection({row})
        elif event.button() == Qt.MouseButton.LeftButton:
            if row is None:
                self._set_selection(set())
            elif modifiers & Qt.KeyboardModifier.ShiftModifier and self._selection_anchor is not None:
                extra = self._selected if modifiers & Qt.KeyboardModifier.ControlModifier else set()
                self._set_selection(extra | self._range_to(row))
            elif modifiers & Qt.KeyboardModifier.ControlModifier:
                self._selection_anchor = row
                self._set_selection(self._selected ^ {row})
            else:
                self._selection_anchor = row
                self._set_selection({row})
        else:
            super().mousePressEvent(event)
            return
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._selection_anchor is not None:
            row = self.row_at(int(event.position().y()))
            if row is not None:
                self._set_selection(self._range_to(row))  # drag-select a range of rows
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._selected:
            self._set_selection(set())
            return
        if event.key() == Qt.Key.Key_Home:
            self.verticalScrollBar().setValue(0)
            return
        super().keyPressEvent(event)

    # --- internals ------------------------------------------------------------------------------------------------
    def _range_to(self, row: int) -> set[int]:
        start = self._selection_anchor if self._selection_anchor is not None else row
        return set(range(min(start, row), max(start, row) + 1))

    def _set_selection(self, rows: set[int]) -> None:
        changed = rows ^ self._selected
        self._selected = rows
        visible = self.viewport().rect()
        for row in changed:
            rect = self.row_rect(row)
            if rect.intersects(visible):
                self.viewport().update(rect)

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - _BOTTOM_SLACK_PX

    def _on_scrolled(self, _value: int) -> None:
        # Our own adjustments are silent (signals blocked), so a value change here is the user's (or follow_live's).
        self._set_following(self._at_bottom())

    def _set_following(self, following: bool) -> None:
        if following != self._following:
            self._following = following
            self.following_changed.emit(following)


class CaptionView(QWidget):
    """The caption list with auto-scroll, copy, clear and font size.

    Args:
        model: the rows to show (normally ``LiveSessionViewModel.captions``); the view never writes to it (Clear is
            a request the owner carries out on the view-model, which resets the model).
    """

    clear_requested = Signal()
    """The user asked to clear the captions (the owner clears the view-model, which resets the model)."""
    following_changed = Signal(bool)
    """Emitted when auto-scroll pauses (False: the user scrolled up) or resumes (True)."""
    font_size_changed = Signal(int)

    def __init__(self, model: CaptionListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.renderer = CaptionRowRenderer()
        self.list = CaptionList(model, self.renderer, self)
        self.list.setObjectName("captionList")
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

        self.list.viewport().installEventFilter(self)
        self.list.following_changed.connect(self._on_following_changed)
        model.modelReset.connect(self.follow_live)

    # --- public -------------------------------------------------------------------------------------------------
    @property
    def following(self) -> bool:
        """True while the view sticks to the newest caption."""
        return self.list.following

    def follow_live(self) -> None:
        """Resume auto-scroll and jump to the newest caption."""
        self.list.follow_live()

    def set_font_size(self, points: int) -> None:
        """Caption font size in points, clamped to [MIN_FONT_PT, MAX_FONT_PT]."""
        points = max(MIN_FONT_PT, min(MAX_FONT_PT, points))
        if self.list.set_font_point_size(points):
            self.font_size_changed.emit(points)

    def font_size(self) -> int:
        """Caption font size in points."""
        return self.renderer.font_point_size

    def zoom(self, steps: int) -> None:
        """Grow (steps > 0) or shrink the caption font by ``steps`` points."""
        self.set_font_size(self.font_size() + steps)

    def set_show_source(self, show: bool) -> None:
        """Show both languages (True) or the translation only."""
        self.list.set_show_source(show)

    def selected_text(self) -> str:
        """Selected rows as plain text (source line, translation line, blank line between rows)."""
        show = self.renderer.show_source
        return "\n\n".join(caption_plain_text(self._model.row(i), with_source=show) for i in self.list.selected_rows())

    def all_text(self) -> str:
        """Every row as plain text."""
        show = self.renderer.show_source
        return "\n\n".join(caption_plain_text(row, with_source=show) for row in self._model.rows())

    def copy(self) -> None:
        """Copy the selection (or everything when nothing is selected) to the clipboard."""
        text = self.selected_text() or self.all_text()
        QGuiApplication.clipboard().setText(text)

    # --- events -------------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._place_jump_button()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_jump_button()

    # --- internals -----------------------------------------------------------------------------------------------
    def _add_actions(self) -> None:
        # Actions on the list (context menu + shortcuts that work while the list has focus).
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        entries = [
            (self.tr("Copy"), QKeySequence.StandardKey.Copy, self.copy),
            (self.tr("Copy all"), None, lambda: QGuiApplication.clipboard().setText(self.all_text())),
            (self.tr("Select all"), QKeySequence.StandardKey.SelectAll, self.list.select_all),
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

    def _on_following_changed(self, following: bool) -> None:
        self.jump_button.setVisible(not following)
        if not following:
            self._place_jump_button()
            self.jump_button.raise_()
        self.following_changed.emit(following)

    def _place_jump_button(self) -> None:
        hint = self.jump_button.sizeHint()
        bar = self.list.verticalScrollBar()
        bar_width = bar.width() if bar.isVisible() else 0
        self.jump_button.setGeometry(
            self.width() - hint.width() - _JUMP_MARGIN_PX - bar_width,
            self.height() - hint.height() - _JUMP_MARGIN_PX,
            hint.width(),
            hint.height(),
        )
