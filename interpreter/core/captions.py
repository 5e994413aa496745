"""Bilingual caption rows for a live session, updated in place as the service refines its text.

A :class:`CaptionTrack` holds one row per source utterance, keyed by the source (transcription) item id. The
protocol layer pairs each translation with its source item (via ``previous_item_id``) before calling in here, so a
translation always names the row it belongs to. Each side of a row has *confirmed* text (will not change) and a
*stash* (tentative tail the service may still revise); a view shows ``confirmed + stash`` and may style the stash
differently, so confirmed words never flicker.

Every mutating call returns a :class:`CaptionChange` naming the one row that changed and how, so a view-model can
insert or repaint a single row instead of re-rendering the list. The track emits nothing itself.

Cost: a dict maps item id to row index and rows live in a list, so every update is O(1) amortised no matter how long
the session is (a two-hour session produces tens of thousands of updates). Memory per row is bounded: each text side
keeps at most :data:`MAX_SIDE_CHARS` characters (keeping the newest text) so a runaway segment cannot grow without
limit.

Thread rule: not thread-safe; use from the event-loop thread only (as everything but device threads is).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from interpreter.core.timecode import CueMode, cue_text

#: Upper bound on the characters kept per side of one row (confirmed + stash). A spoken segment is ended by the
#: service's voice-activity detection after at most tens of seconds, i.e. a few hundred characters; 4 000 leaves
#: ample room for long monologues while capping memory if the service never ends a segment.
MAX_SIDE_CHARS = 4_000

#: Prefix marking that the start of an over-long text was dropped to honour :data:`MAX_SIDE_CHARS`.
TRUNCATION_MARK = "…"

#: Text of a gap (audio that never reached the service) wherever captions are shown or exported (screen, SRT,
#: TXT, transcript): plain words, since a reader must understand the hole without a legend.
GAP_TEXT = "[… audio lost …]"


class ChangeKind(StrEnum):
    """How a row changed; ``ADDED`` and ``GAP_ADDED`` insert a new row at ``index``, the others repaint it."""

    ADDED = "added"
    SOURCE_UPDATED = "source_updated"
    TRANSLATION_UPDATED = "translation_updated"
    FINALIZED = "finalized"
    GAP_ADDED = "gap_added"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class CaptionChange:
    """The row at ``index`` changed as ``kind`` says."""

    index: int
    kind: ChangeKind

    @property
    def inserted(self) -> bool:
        """True when the change appended a row (the view must insert rather than repaint)."""
        return self.kind in (ChangeKind.ADDED, ChangeKind.GAP_ADDED)


@dataclass(frozen=True, slots=True)
class Caption:
    """A read-only snapshot of one row.

    Attributes:
        index: position in the track (stable for the life of the track).
        source_item_id: the transcription item id, or None for a gap row.
        source / source_stash: confirmed source text and its tentative tail.
        translation / translation_stash: confirmed translation and its tentative tail.
        start_ms / end_ms: session-relative times, known once the row is final (gap rows always have them).
        final: True once :meth:`CaptionTrack.finalize` was called; later partial updates are ignored.
        gap: True for a marker of audio that never reached the service (shown as "…" or similar).
    """

    index: int
    source_item_id: str | None
    source: str
    source_stash: str
    translation: str
    translation_stash: str
    start_ms: int | None
    end_ms: int | None
    final: bool
    gap: bool

    @property
    def source_display(self) -> str:
        """The whole current source line: confirmed text followed by the tentative tail."""
        return self.source + self.source_stash

    @property
    def translation_display(self) -> str:
        """The whole current translation line: confirmed text followed by the tentative tail."""
        return self.translation + self.translation_stash


class _Row:
    """Mutable row storage (slots keep tens of thousands of rows small)."""

    __slots__ = (
        "end_ms",
        "final",
        "gap",
        "source",
        "source_item_id",
        "source_stash",
        "start_ms",
        "translation",
        "translation_stash",
    )

    def __init__(self, source_item_id: str | None, *, gap: bool = False) -> None:
        self.source_item_id = source_item_id
        self.source = ""
        self.source_stash = ""
        self.translation = ""
        self.translation_stash = ""
        self.start_ms: int | None = None
        self.end_ms: int | None = None
        self.final = False
        self.gap = gap


def _bounded(confirmed: str, stash: str) -> tuple[str, str]:
    """Cut the oldest characters so ``confirmed + stash`` fits :data:`MAX_SIDE_CHARS` (the newest text is what
    a reader is looking at); the stash is kept whole when it alone fits."""
    if len(confirmed) + len(stash) <= MAX_SIDE_CHARS:
        return confirmed, stash
    if len(stash) >= MAX_SIDE_CHARS:
        return "", TRUNCATION_MARK + stash[-(MAX_SIDE_CHARS - len(TRUNCATION_MARK)) :]
    keep = MAX_SIDE_CHARS - len(stash) - len(TRUNCATION_MARK)
    # keep >= 0 here because len(stash) < MAX_SIDE_CHARS; slicing with [-0:] would keep everything, hence the test.
    kept = confirmed[-keep:] if keep > 0 else ""
    return TRUNCATION_MARK + kept, stash


class CaptionTrack:
    """Ordered bilingual caption rows keyed by source item id (see the module docstring for the contract)."""

    def __init__(self) -> None:
        self._rows: list[_Row] = []
        self._index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: int) -> Caption:
        return self._snapshot(index if index >= 0 else len(self._rows) + index)

    def __iter__(self) -> Iterator[Caption]:
        return (self._snapshot(i) for i in range(len(self._rows)))

    def index_of(self, source_item_id: str) -> int | None:
        """Row index of a source item, or None when no update named it yet."""
        return self._index.get(source_item_id)

    def update_source(self, item_id: str, confirmed: str, stash: str = "") -> CaptionChange:
        """Set the source side of a row from a transcription update (``confirmed`` is cumulative for the item).

        A new item id appends a row. Updates to a finalized row are ignored (the final text is authoritative).
        """
        index, created = self._row_for(item_id)
        row = self._rows[index]
        if row.final:
            return CaptionChange(index, ChangeKind.UNCHANGED)
        confirmed, stash = _bounded(confirmed, stash)
        if not created and (row.source, row.source_stash) == (confirmed, stash):
            return CaptionChange(index, ChangeKind.UNCHANGED)
        row.source, row.source_stash = confirmed, stash
        return CaptionChange(index, ChangeKind.ADDED if created else ChangeKind.SOURCE_UPDATED)

    def update_translation(self, source_item_id: str, confirmed: str, stash: str = "") -> CaptionChange:
        """Set the translation side of the row of ``source_item_id`` (``confirmed`` is cumulative).

        When the translation arrives before any transcription (or transcription is off) the row is created with an
        empty source side. Updates to a finalized row are ignored.
        """
        index, created = self._row_for(source_item_id)
        row = self._rows[index]
        if row.final:
            return CaptionChange(index, ChangeKind.UNCHANGED)
        confirmed, stash = _bounded(confirmed, stash)
        if not created and (row.translation, row.translation_stash) == (confirmed, stash):
            return CaptionChange(index, ChangeKind.UNCHANGED)
        row.translation, row.translation_stash = confirmed, stash
        return CaptionChange(index, ChangeKind.ADDED if created else ChangeKind.TRANSLATION_UPDATED)

    def finalize(
        self,
        source_item_id: str,
        source_text: str,
        translation_text: str,
        start_ms: int | None,
        end_ms: int | None,
    ) -> CaptionChange:
        """Fix a row's texts and times for good: stashes are cleared and later partial updates ignored.

        An empty ``source_text``/``translation_text`` keeps what the row already shows on that side (the service
        may finish a segment without repeating a transcript that was switched off). Finalizing twice replaces the
        first result (a replayed segment after reconnect carries the authoritative text).
        """
        index, created = self._row_for(source_item_id)
        row = self._rows[index]
        source, _ = _bounded(source_text or row.source + row.source_stash, "")
        translation, _ = _bounded(translation_text or row.translation + row.translation_stash, "")
        row.source, row.source_stash = source, ""
        row.translation, row.translation_stash = translation, ""
        row.start_ms, row.end_ms = start_ms, end_ms
        row.final = True
        return CaptionChange(index, ChangeKind.ADDED if created else ChangeKind.FINALIZED)

    def mark_gap(self, start_ms: int, end_ms: int) -> CaptionChange:
        """Append a gap row: audio between ``start_ms`` and ``end_ms`` never reached the service."""
        row = _Row(None, gap=True)
        row.start_ms, row.end_ms = start_ms, end_ms
        row.final = True
        self._rows.append(row)
        return CaptionChange(len(self._rows) - 1, ChangeKind.GAP_ADDED)

    def clear(self) -> None:
        """Drop every row (a new session)."""
        self._rows.clear()
        self._index.clear()

    def render_text(self, mode: CueMode = CueMode.BILINGUAL, *, include_tentative: bool = True) -> str:
        """Plain-text transcript, one paragraph per row, for copy/paste and TXT export.

        Args:
            mode: which sides to include.
            include_tentative: also include stashes of rows not yet final (what the screen shows right now).

        Gap rows appear as a line :data:`GAP_TEXT` so a reader knows something was lost; rows empty in this mode are
        skipped.
        """
        paragraphs: list[str] = []
        for row in self._rows:
            if row.gap:
                paragraphs.append(GAP_TEXT)
                continue
            source = row.source + (row.source_stash if include_tentative else "")
            translation = row.translation + (row.translation_stash if include_tentative else "")
            text = cue_text(source, translation, mode)
            if text:
                paragraphs.append(text)
        return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")

    def _row_for(self, item_id: str) -> tuple[int, bool]:
        index = self._index.get(item_id)
        if index is not None:
            return index, False
        self._rows.append(_Row(item_id))
        index = len(self._rows) - 1
        self._index[item_id] = index
        return index, True

    def _snapshot(self, index: int) -> Caption:
        row = self._rows[index]
        return Caption(
            index=index,
            source_item_id=row.source_item_id,
            source=row.source,
            source_stash=row.source_stash,
            translation=row.translation,
            translation_stash=row.translation_stash,
            start_ms=row.start_ms,
            end_ms=row.end_ms,
            final=row.final,
            gap=row.gap,
        )
