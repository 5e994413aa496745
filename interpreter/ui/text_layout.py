"""Wrapped text with a differently styled tentative tail, laid out once and drawn many times.

Both the caption list delegate and the presentation window draw "confirmed text + stash" paragraphs; this is the
one place that knows how. QTextLayout is used rather than rich-text HTML: it is several times cheaper per row and
keeps the confirmed glyphs at exactly the same position when the stash changes (so nothing jumps).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QPainter, QTextCharFormat, QTextLayout, QTextOption


class StyledParagraph:
    """A paragraph of ``confirmed`` text followed by a ``stash`` tail, wrapped to ``width`` pixels.

    Args:
        confirmed: stable text, drawn in ``color``.
        stash: tentative tail, drawn in ``stash_color`` and italic.
        font: font of the whole paragraph.
        width: wrap width in device-independent pixels (at least 1).
        color: colour of the confirmed part.
        stash_color: colour of the tail.
        alignment: horizontal alignment of each line.
    """

    def __init__(
        self,
        confirmed: str,
        stash: str,
        font: QFont,
        width: float,
        color: QColor,
        stash_color: QColor,
        alignment: object = None,
    ) -> None:
        self._color = color
        text = confirmed + stash
        self._layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if alignment is not None:
            option.setAlignment(alignment)  # type: ignore[arg-type]
        self._layout.setTextOption(option)
        if stash:
            fmt = QTextCharFormat()
            fmt.setForeground(stash_color)
            fmt.setFontItalic(True)
            tail = QTextLayout.FormatRange()
            tail.start = len(confirmed)
            tail.length = len(stash)
            tail.format = fmt
            self._layout.setFormats([tail])
        self._height = 0.0
        self._layout.beginLayout()
        while True:
            line = self._layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            line.setPosition(QPointF(0.0, self._height))
            self._height += line.height()
        self._layout.endLayout()
        self._empty = not text

    @property
    def height(self) -> float:
        """Laid-out height in pixels (0 for an empty paragraph)."""
        return 0.0 if self._empty else self._height

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """Draw the paragraph with its top-left corner at (x, y)."""
        if self._empty:
            return
        painter.save()
        painter.setPen(self._color)
        self._layout.draw(painter, QPointF(x, y))
        painter.restore()
