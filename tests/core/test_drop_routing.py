"""core.drop_routing: which tab a dropped file belongs to, from its name alone (no Qt, no I/O)."""

from __future__ import annotations

from interpreter.core.drop_routing import DropTarget, group_by_target, route_for


def test_route_for_is_case_insensitive_and_extension_based() -> None:
    assert route_for("/x/A.MKV") is DropTarget.FILES
    assert route_for("/x/b.webp") is DropTarget.IMAGES
    assert route_for("/x/no-extension") is DropTarget.UNSUPPORTED


def test_audio_video_subtitles_and_text_go_to_files() -> None:
    for name in ("talk.mp3", "clip.mov", "subs.srt", "notes.txt", "track.FLAC"):
        assert route_for(name) is DropTarget.FILES, name


def test_groups_keep_the_drop_order() -> None:
    groups = group_by_target(["a.png", "b.wav", "c.zip", "d.jpg", "e.vtt"])
    assert groups == {
        DropTarget.IMAGES: ["a.png", "d.jpg"],
        DropTarget.FILES: ["b.wav", "e.vtt"],
        DropTarget.UNSUPPORTED: ["c.zip"],
    }


def test_documents_routed_to_files_are_exactly_those_the_text_service_reads() -> None:
    from interpreter.services.text_translation import is_text_document

    for name in ("a.srt", "b.vtt", "c.ass", "d.ssa", "e.txt", "f.md", "g.markdown"):
        assert route_for(name) is DropTarget.FILES, name
        assert is_text_document(name), name
    # A table is no document the text service reads: it is named as not opened instead of failing in a queue.
    assert route_for("sheet.csv") is DropTarget.UNSUPPORTED
    assert not is_text_document("sheet.csv")
