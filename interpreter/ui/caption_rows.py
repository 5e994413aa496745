"""Qt-free helpers for caption rows: clock formatting, clipboard text and the row-height index of the list.

The rows themselves are ``core.captions.Caption`` snapshots: the views draw exactly what the domain track holds.
"""

from __future__ import annotations

from interpreter.core.captions import Caption


def format_clock(ms: int | None) -> str:
    """``ms`` as ``H:MM:SS`` (or ``M:SS`` under an hour); ``--:--`` when unknown."""
    if ms is None:
        return "--:--"
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def caption_plain_text(caption: Caption, *, with_source: bool = True) -> str:
    """The row as the clipboard gets it: source line then translation line, or a note for a gap row."""
    if caption.gap:
        return f"[{format_clock(caption.start_ms)}–{format_clock(caption.end_ms)} not translated: connection lost]"
    source = caption.source_display.strip()
    translation = caption.translation_display.strip()
    lines = [source] if with_source and source else []
    if translation:
        lines.append(translation)
    return "\n".join(lines)


class RowHeights:
    """Row heights with their running sums: the geometry of a virtualised list, O(log n) per operation.

    A Fenwick (binary indexed) tree over the heights answers "where does row i start?" (``top``) and "which row is
    at pixel y?" (``row_at``) in O(log n), and takes an append or a height change in O(log n) too, so neither a new
    caption row nor a growing one costs more in a two-hour session than in a two-minute one. Inserting or removing
    rows anywhere but the end rebuilds the tree in O(n) (the caption model only appends; a reset empties it).

    Heights are non-negative integers (device-independent pixels).
    """

    def __init__(self, heights: list[int] | None = None) -> None:
        self._heights: list[int] = []
        self._tree: list[int] = [0]  # 1-based: _tree[i] sums the heights of rows (i - lowbit(i), i]
        self.rebuild(heights or [])

    def __len__(self) -> int:
        return len(self._heights)

    def __getitem__(self, row: int) -> int:
        return self._heights[row]

    def rebuild(self, heights: list[int]) -> None:
        """Replace every height in O(n)."""
        if any(h < 0 for h in heights):
            raise ValueError("row heights must not be negative")
        self._heights = list(heights)
        tree = [0, *self._heights]
        for i in range(1, len(tree)):
            parent = i + (i & -i)
            if parent < len(tree):
                tree[parent] += tree[i]
        self._tree = tree

    def append(self, height: int) -> None:
        """Add a row at the end in O(log n)."""
        if height < 0:
            raise ValueError("row heights must not be negative")
        i = len(self._heights) + 1
        # The new node covers rows (i - lowbit(i), i]: the new height plus the rows before it in that span.
        self._tree.append(height + self.top(i - 1) - self.top(i - (i & -i)))
        self._heights.append(height)

    def set(self, row: int, height: int) -> int:
        """Change row ``row``'s height in O(log n); returns the change in pixels."""
        if height < 0:
            raise ValueError("row heights must not be negative")
        delta = height - self._heights[row]
        if delta:
            self._heights[row] = height
            i = row + 1
            while i < len(self._tree):
                self._tree[i] += delta
                i += i & -i
        return delta

    def insert(self, row: int, heights: list[int]) -> None:
        """Insert rows before ``row`` (O(log n) each at the end, O(n) elsewhere)."""
        if row == len(self._heights):
            for height in heights:
                self.append(height)
        else:
            self.rebuild(self._heights[:row] + list(heights) + self._heights[row:])

    def remove(self, first: int, last: int) -> None:
        """Remove rows ``first..last`` inclusive (O(n))."""
        self.rebuild(self._heights[:first] + self._heights[last + 1 :])

    def top(self, row: int) -> int:
        """Pixel offset of row ``row``'s top edge: the sum of the heights of rows ``0..row-1``."""
        total = 0
        i = min(row, len(self._heights))
        while i > 0:
            total += self._tree[i]
            i -= i & -i
        return total

    def total(self) -> int:
        """Height of all rows together."""
        return self.top(len(self._heights))

    def row_at(self, y: int) -> int:
        """The row covering pixel ``y`` (clamped to the first/last row); -1 when there are no rows."""
        count = len(self._heights)
        if count == 0:
            return -1
        if y < 0:
            return 0
        # Binary lifting: descend from the highest power of two, keeping the prefix sum <= y.
        position, remaining = 0, y
        step = 1 << count.bit_length()
        while step:
            nxt = position + step
            if nxt <= count and self._tree[nxt] <= remaining:
                position = nxt
                remaining -= self._tree[nxt]
            step >>= 1
        return min(position, count - 1)
