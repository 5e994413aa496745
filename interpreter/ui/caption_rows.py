"""Plain-text helpers for caption rows (no Qt): clock formatting and clipboard text.

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
