"""Which tab a dropped file belongs to (pure: decided from the file name only, no I/O, no Qt; the drag-and-drop
event handling is ``ui.main_window``'s).

Users drop anything onto the window; guessing from the extension is instant and right for the files people
actually drop. Files we cannot place are reported back instead of silently ignored.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath

from interpreter.core.text_documents import TEXT_DOCUMENT_SUFFIXES


class DropTarget(StrEnum):
    """The tab that handles a kind of file (values are the tabs' object names)."""

    FILES = "files"
    IMAGES = "images"
    UNSUPPORTED = "unsupported"


AUDIO_SUFFIXES = frozenset({".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".opus", ".wma", ".amr", ".aiff", ".aif"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mkv", ".mov", ".avi", ".webm", ".m4v", ".wmv", ".flv", ".ts", ".mpg", ".mpeg"})
#: Subtitle and text documents are translated with Qwen-MT in the Files tab's documents queue: exactly the files
#: ``services.text_translation`` reads (.srt .vtt .ass .ssa .txt .md .markdown); a table (.csv) is not one.
TEXT_SUFFIXES = TEXT_DOCUMENT_SUFFIXES
#: Images (screenshots, scans, product photos) go to the Images tab, or the OCR tab when it is in front (the main
#: window decides that: it knows which tab is current).
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff", ".gif"})


def route_for(path: str | PurePath) -> DropTarget:
    """The tab for ``path`` judged by its extension (case-insensitive)."""
    suffix = PurePath(path).suffix.lower()
    if suffix in AUDIO_SUFFIXES or suffix in VIDEO_SUFFIXES or suffix in TEXT_SUFFIXES:
        return DropTarget.FILES
    if suffix in IMAGE_SUFFIXES:
        return DropTarget.IMAGES
    return DropTarget.UNSUPPORTED


def group_by_target(paths: list[str]) -> dict[DropTarget, list[str]]:
    """Paths grouped by tab, keeping the drop order inside each group."""
    groups: dict[DropTarget, list[str]] = {}
    for path in paths:
        groups.setdefault(route_for(path), []).append(path)
    return groups
