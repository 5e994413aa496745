"""CaptionListModel: the caption rows of one session as a Qt list model.

Contract: the model never re-emits more than it must. Updating the open segment emits ``dataChanged`` for exactly
one index; a new segment emits one ``rowsInserted``; nothing ever resets the model except ``clear()``. That keeps the
cost of an update independent of the session length (a two-hour talk reaches tens of thousands of updates and
thousands of rows).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from interpreter.core.captions import Caption
from interpreter.ui.caption_rows import caption_plain_text

#: Custom role carrying the whole Caption (for item views; the Live tab's CaptionList reads ``row()`` directly).
CaptionRowRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class CaptionListModel(QAbstractListModel):
    """Rows of Caption; ``set_row`` appends when ``index == rowCount()``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Caption] = []

    # --- Qt API -------------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == CaptionRowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return caption_plain_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and row.gap:
            return caption_plain_text(row)
        return None

    # --- updates ------------------------------------------------------------------------------------------------
    def set_row(self, index: int, row: Caption) -> None:
        """Replace row ``index`` or append it when ``index`` is one past the end.

        Raises:
            IndexError: ``index`` would leave a hole (rows arrive in order from the view-model).
        """
        if index == len(self._rows):
            self.beginInsertRows(QModelIndex(), index, index)
            self._rows.append(row)
            self.endInsertRows()
            return
        if not 0 <= index < len(self._rows):
            raise IndexError(f"caption row {index} out of range 0..{len(self._rows)}")
        if self._rows[index] == row:
            return  # an identical update must not repaint (no flicker, no cost)
        self._rows[index] = row
        changed = self.index(index)
        self.dataChanged.emit(changed, changed, [CaptionRowRole, Qt.ItemDataRole.DisplayRole])

    def append_row(self, row: Caption) -> int:
        """Append ``row``; returns its index."""
        self.set_row(len(self._rows), row)
        return len(self._rows) - 1

    def clear(self) -> None:
        """Drop every row (the only operation that resets the model)."""
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def row(self, index: int) -> Caption:
        """The row at ``index`` (negative indexes count from the end)."""
        return self._rows[index]

    def rows(self) -> list[Caption]:
        """A copy of every row, oldest first."""
        return list(self._rows)

    def tail(self, count: int) -> list[Caption]:
        """The last ``count`` rows, oldest first (what a presentation window shows)."""
        return self._rows[-count:] if count > 0 else []
