"""Builders shared by the UI tests."""

from __future__ import annotations

from interpreter.core.captions import Caption


def caption(
    index: int,
    source: str = "",
    translation: str = "",
    *,
    source_stash: str = "",
    translation_stash: str = "",
    start_ms: int | None = None,
    end_ms: int | None = None,
    final: bool = False,
    gap: bool = False,
) -> Caption:
    """A Caption snapshot with readable defaults."""
    return Caption(
        index=index,
        source_item_id=None if gap else f"item_{index}",
        source=source,
        source_stash=source_stash,
        translation=translation,
        translation_stash=translation_stash,
        start_ms=start_ms,
        end_ms=end_ms,
        final=final,
        gap=gap,
    )
