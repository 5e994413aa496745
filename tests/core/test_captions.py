"""core.captions.CaptionTrack: rows keyed by source item, one change per update, bounded memory."""

from __future__ import annotations

from interpreter.core.captions import MAX_SIDE_CHARS, TRUNCATION_MARK, CaptionTrack, ChangeKind
from interpreter.core.timecode import CueMode


def test_source_then_translation_fill_one_row() -> None:
    track = CaptionTrack()
    first = track.update_source("item_1", "", "Guten")
    assert (first.index, first.kind, first.inserted) == (0, ChangeKind.ADDED, True)
    assert track.update_source("item_1", "Guten Tag", "").kind is ChangeKind.SOURCE_UPDATED
    change = track.update_translation("item_1", "Good", " day")
    assert (change.index, change.kind, change.inserted) == (0, ChangeKind.TRANSLATION_UPDATED, False)
    row = track[0]
    assert (row.source, row.source_stash, row.translation, row.translation_stash) == ("Guten Tag", "", "Good", " day")
    assert row.translation_display == "Good day"
    assert not row.final and row.start_ms is None
    assert len(track) == 1


def test_rows_keep_arrival_order_and_lookup_by_item() -> None:
    track = CaptionTrack()
    track.update_source("a", "one")
    track.update_source("b", "two")
    assert track.update_translation("a", "eins").index == 0
    assert track.index_of("b") == 1
    assert track.index_of("missing") is None
    assert [c.source for c in track] == ["one", "two"]
    assert track[-1].source == "two"


def test_translation_before_source_creates_the_row() -> None:
    track = CaptionTrack()
    change = track.update_translation("item_9", "Hello", "")
    assert change.kind is ChangeKind.ADDED
    assert (track[0].source, track[0].translation) == ("", "Hello")
    assert track.update_source("item_9", "Hallo").kind is ChangeKind.SOURCE_UPDATED


def test_identical_update_reports_unchanged() -> None:
    track = CaptionTrack()
    track.update_source("a", "same", "tail")
    assert track.update_source("a", "same", "tail").kind is ChangeKind.UNCHANGED
    track.update_translation("a", "x")
    assert track.update_translation("a", "x").kind is ChangeKind.UNCHANGED


def test_finalize_sets_text_and_times_and_freezes_the_row() -> None:
    track = CaptionTrack()
    track.update_source("a", "Guten", " Tag?")
    track.update_translation("a", "Good", " day?")
    change = track.finalize("a", "Guten Tag.", "Good day.", 1200, 2400)
    assert change.kind is ChangeKind.FINALIZED and change.index == 0
    row = track[0]
    assert (row.source, row.source_stash, row.translation, row.translation_stash) == ("Guten Tag.", "", "Good day.", "")
    assert (row.start_ms, row.end_ms, row.final) == (1200, 2400, True)
    # A late partial update must not overwrite the final text.
    assert track.update_source("a", "Guten", "").kind is ChangeKind.UNCHANGED
    assert track.update_translation("a", "G", "").kind is ChangeKind.UNCHANGED
    assert track[0].source == "Guten Tag."


def test_finalize_with_empty_side_keeps_what_was_shown() -> None:
    track = CaptionTrack()
    track.update_source("a", "Hallo", " Welt")
    track.finalize("a", "", "Hello world", 0, 900)
    assert (track[0].source, track[0].translation) == ("Hallo Welt", "Hello world")


def test_finalize_unknown_item_appends_a_final_row() -> None:
    track = CaptionTrack()
    change = track.finalize("z", "src", "dst", 0, 10)
    assert change.kind is ChangeKind.ADDED and track[0].final


def test_gap_rows_are_appended_with_times() -> None:
    track = CaptionTrack()
    track.update_source("a", "before")
    change = track.mark_gap(5_000, 9_000)
    assert (change.index, change.kind, change.inserted) == (1, ChangeKind.GAP_ADDED, True)
    gap = track[1]
    assert gap.gap and gap.final and gap.source_item_id is None
    assert (gap.start_ms, gap.end_ms) == (5_000, 9_000)
    # The next item after the gap gets the next row.
    assert track.update_source("b", "after").index == 2


def test_side_text_is_bounded_keeping_the_newest_text() -> None:
    track = CaptionTrack()
    long_confirmed = "x" * (MAX_SIDE_CHARS * 3) + "END"
    track.update_source("a", long_confirmed, " tail")
    row = track[0]
    assert len(row.source) + len(row.source_stash) == MAX_SIDE_CHARS
    assert row.source.startswith(TRUNCATION_MARK) and row.source.endswith("END")
    assert row.source_stash == " tail"
    huge_stash = "y" * (MAX_SIDE_CHARS * 2) + "Z"
    track.update_translation("a", "confirmed", huge_stash)
    row = track[0]
    assert row.translation == "" and len(row.translation_stash) == MAX_SIDE_CHARS
    assert row.translation_stash.endswith("Z")
    track.finalize("a", "s" * (MAX_SIDE_CHARS + 10), "", 0, 1)
    assert len(track[0].source) == MAX_SIDE_CHARS


def test_render_text_modes() -> None:
    track = CaptionTrack()
    track.finalize("a", "Hallo.", "Hello.", 0, 1000)
    track.mark_gap(1000, 2000)
    track.update_source("b", "Wie", " geht's")
    track.update_translation("b", "How", " are you")
    assert track.render_text() == "Hallo.\nHello.\n\n[… audio lost …]\n\nWie geht's\nHow are you\n"
    assert track.render_text(CueMode.TRANSLATION, include_tentative=False) == "Hello.\n\n[… audio lost …]\n\nHow\n"
    assert track.render_text(CueMode.SOURCE) == "Hallo.\n\n[… audio lost …]\n\nWie geht's\n"
    track.clear()
    assert len(track) == 0 and track.render_text() == ""


def test_many_segments_keep_indices_stable() -> None:
    track = CaptionTrack()
    for i in range(20_000):
        item = f"item_{i}"
        assert track.update_source(item, f"s{i}", "").index == i
        track.update_translation(item, f"t{i}", "")
        track.finalize(item, f"s{i}", f"t{i}", i * 10, i * 10 + 5)
    assert len(track) == 20_000
    assert track.update_source("item_12345", "late").kind is ChangeKind.UNCHANGED
    assert track[12_345].translation == "t12345"
