"""Screen-reader access to the caption list, which paints its rows itself (``caption_view.CaptionList``).

A widget that paints its own rows is one opaque rectangle to assistive technology. Here:

* :class:`CaptionListAccessible` presents the list as an accessible *list* whose children are the caption pairs;
* :class:`CaptionRowAccessible` is one pair: its name is what the row shows (source line, then translation; or
  the gap note), its description the time span, its state says whether it is selected;
* :class:`CaptionAnnouncer` tells assistive technology about changes: rows added (a table-model change, so the
  children are re-read) and, once per caption, a polite announcement of the pair when it becomes final (the text
  that is still changing is not read out word by word).

:func:`install_caption_accessibility` registers the factory with Qt once; ``CaptionList`` calls it. Work stays
proportional to what changed (the list can hold a two-hour session): interfaces are made only for the rows an
assistive technology asks about, and an announcement looks only at the rows Qt reported as changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTableModelChangeEvent,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget

from interpreter.ui.caption_rows import caption_plain_text, format_clock

if TYPE_CHECKING:
    from interpreter.ui.caption_model import CaptionListModel
    from interpreter.ui.caption_view import CaptionList

__all__ = ["CaptionAnnouncer", "CaptionListAccessible", "CaptionRowAccessible", "install_caption_accessibility"]

_Index = QModelIndex | QPersistentModelIndex

# Several methods below return None where PySide6's stubs declare a non-null result: Qt's own contract is a null
# pointer for "no such child / no QObject / no window", which PySide maps to None (hence the override ignores).

_installed = False


def install_caption_accessibility() -> None:
    """Register the caption list's accessible interface with Qt (once per process; later calls do nothing)."""
    global _installed
    if _installed:
        return
    from interpreter.ui.caption_view import CaptionList

    def factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
        return CaptionListAccessible(obj) if isinstance(obj, CaptionList) else None

    QAccessible.installFactory(factory)
    _installed = True


class CaptionListAccessible(QAccessibleWidget):
    """The caption list as an accessible list of caption pairs (see the module docstring)."""

    def __init__(self, widget: CaptionList) -> None:
        super().__init__(widget, QAccessible.Role.List)
        self._list = widget
        # Row interfaces made so far, by row; dropped when the rows change under them (reset, removal).
        self._rows: dict[int, CaptionRowAccessible] = {}
        widget.model.modelReset.connect(self._rows.clear)
        widget.model.rowsRemoved.connect(lambda *_: self._rows.clear())

    @property
    def caption_list(self) -> CaptionList:
        return self._list

    def childCount(self) -> int:
        return self._list.model.rowCount()

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr here; PySide6's stubs say never None
        if not 0 <= index < self.childCount():
            return None
        row = self._rows.get(index)
        if row is None:
            row = self._rows[index] = CaptionRowAccessible(self, index)
        return row

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if isinstance(child, CaptionRowAccessible) and child.list_interface is self and child.isValid():
            return child.row
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr here; PySide6's stubs say never None
        """The row under global screen point (x, y), if any."""
        local = self._list.viewport().mapFromGlobal(QPoint(x, y))
        if not self._list.viewport().rect().contains(local):
            return None
        row = self._list.row_at(local.y())
        return self.child(row) if row is not None else None


class CaptionRowAccessible(QAccessibleInterface):
    """One caption pair of a :class:`CaptionListAccessible` (a list item with no children of its own)."""

    def __init__(self, list_interface: CaptionListAccessible, row: int) -> None:
        super().__init__()
        self.list_interface = list_interface
        self.row = row

    def _caption_list(self) -> CaptionList:
        return self.list_interface.caption_list

    def isValid(self) -> bool:
        return 0 <= self.row < self._caption_list().model.rowCount()

    def object(self) -> QObject | None:  # type: ignore[override]  # Qt returns nullptr here; PySide6's stubs say never None
        return None  # a row is no QObject (like the cells of Qt's own item views)

    def window(self) -> QWindow | None:  # type: ignore[override]  # Qt returns nullptr here; PySide6's stubs say never None
        return self.list_interface.window()

    def rect(self) -> QRect:
        """The row's rectangle in screen coordinates (it may lie outside the visible part of the list)."""
        if not self.isValid():
            return QRect()
        viewport = self._caption_list().viewport()
        local = self._caption_list().row_rect(self.row)
        return QRect(viewport.mapToGlobal(local.topLeft()), local.size())

    def text(self, kind: QAccessible.Text) -> str:
        if not self.isValid():
            return ""
        caption = self._caption_list().model.row(self.row)
        if kind == QAccessible.Text.Name:
            return caption_plain_text(caption, with_source=self._caption_list().show_source)
        if kind == QAccessible.Text.Description:
            return f"{format_clock(caption.start_ms)}–{format_clock(caption.end_ms)}"
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        """Captions are read-only."""

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = True
        state.multiSelectable = True
        state.readOnly = True
        if not self.isValid():
            state.invalid = True
            return state
        state.selected = self.row in self._caption_list().selected_rows()
        visible = self._caption_list().viewport().rect().intersects(self._caption_list().row_rect(self.row))
        state.invisible = not visible
        state.offscreen = not visible
        return state

    def parent(self) -> QAccessibleInterface:
        return self.list_interface

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr here; PySide6's stubs say never None
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt returns nullptr here; PySide6's stubs say never None
        return None


class CaptionAnnouncer(QObject):
    """Tells assistive technology what changed in the caption list (see the module docstring).

    Args:
        caption_list: the widget whose interface the events concern.
        model: its rows.
    """

    def __init__(self, caption_list: CaptionList, model: CaptionListModel) -> None:
        super().__init__(caption_list)
        self._list = caption_list
        self._model = model
        self._announced: set[int] = set()
        model.rowsInserted.connect(self._rows_inserted)
        model.dataChanged.connect(self._data_changed)
        model.modelReset.connect(self._reset)
        model.rowsRemoved.connect(self._reset)

    def _rows_inserted(self, _parent: _Index, first: int, last: int) -> None:
        event = QAccessibleTableModelChangeEvent(
            self._list, QAccessibleTableModelChangeEvent.ModelChangeType.RowsInserted
        )
        event.setFirstRow(first)
        event.setLastRow(last)
        QAccessible.updateAccessibility(event)
        self._announce_final(first, last)

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex, _roles: object = None) -> None:
        for row in range(top.row(), bottom.row() + 1):
            changed = QAccessibleEvent(self._list, QAccessible.Event.NameChanged)
            changed.setChild(row)
            QAccessible.updateAccessibility(changed)
        self._announce_final(top.row(), bottom.row())

    def _reset(self, *_args: object) -> None:
        self._announced.clear()
        QAccessible.updateAccessibility(
            QAccessibleTableModelChangeEvent(self._list, QAccessibleTableModelChangeEvent.ModelChangeType.ModelReset)
        )

    def _announce_final(self, first: int, last: int) -> None:
        """Read out, once each, the rows in [first, last] that are final (gaps included: a listener must know)."""
        for row in range(first, last + 1):
            if row in self._announced or not 0 <= row < self._model.rowCount():
                continue
            caption = self._model.row(row)
            if not caption.final and not caption.gap:
                continue
            text = caption_plain_text(caption, with_source=self._list.show_source)
            if not text:
                continue
            self._announced.add(row)
            announcement = QAccessibleAnnouncementEvent(self._list, text)
            announcement.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)  # never cut the user off
            QAccessible.updateAccessibility(announcement)
