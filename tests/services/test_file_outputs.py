"""Output naming (never overwrite), subtitle/text rendering with pysubs2, and all-or-nothing output sets."""

from __future__ import annotations

from pathlib import Path

import pysubs2
import pytest

from interpreter.core.jobs import OutputFormat
from interpreter.core.subtitle_cues import Cue
from interpreter.errors import StorageError
from interpreter.services.file_outputs import (
    OutputSet,
    check_writable,
    output_folder,
    output_paths,
    render_subtitles,
    render_text,
)


def test_names_are_stem_target_ext_next_to_the_input(tmp_path: Path) -> None:
    source = tmp_path / "talk.mp4"
    paths = output_paths(source, "en", [OutputFormat.SRT, OutputFormat.MP4])
    assert {f: p.name for f, p in paths.items()} == {OutputFormat.SRT: "talk.en.srt", OutputFormat.MP4: "talk.en.mp4"}
    assert all(p.parent == tmp_path for p in paths.values())
    other = output_paths(source, "de", [OutputFormat.TXT], tmp_path / "out")
    assert other[OutputFormat.TXT] == tmp_path / "out" / "talk.de.txt"
    assert output_folder(source, None) == tmp_path


def test_an_existing_output_moves_the_whole_set_to_a_numbered_name(tmp_path: Path) -> None:
    source = tmp_path / "talk.wav"
    (tmp_path / "talk.en.vtt").write_text("mine")
    paths = output_paths(source, "en", [OutputFormat.SRT, OutputFormat.VTT])
    assert sorted(p.name for p in paths.values()) == ["talk.en (2).srt", "talk.en (2).vtt"]
    (tmp_path / "talk.en (2).srt").write_text("also mine")
    paths = output_paths(source, "en", [OutputFormat.SRT, OutputFormat.VTT])
    assert sorted(p.name for p in paths.values()) == ["talk.en (3).srt", "talk.en (3).vtt"]
    assert (tmp_path / "talk.en.vtt").read_text() == "mine"


def test_subtitles_render_with_pysubs2_and_load_back() -> None:
    cues = [Cue(0, 1500, ("Hello there,", "how are you?"), 0), Cue(2000, 3000, ("Fine.",), 1)]
    srt = pysubs2.SSAFile.from_string(render_subtitles(cues, OutputFormat.SRT), format_="srt")
    assert [(e.start, e.end, e.plaintext) for e in srt] == [
        (0, 1500, "Hello there,\nhow are you?"),
        (2000, 3000, "Fine."),
    ]
    vtt_text = render_subtitles(cues, OutputFormat.VTT)
    assert vtt_text.startswith("WEBVTT")
    assert len(pysubs2.SSAFile.from_string(vtt_text, format_="vtt")) == 2
    with pytest.raises(ValueError):
        render_subtitles(cues, OutputFormat.WAV)


def test_text_is_one_paragraph_per_segment() -> None:
    assert render_text(["One.", "  ", "Two. "]) == "One.\n\nTwo.\n"
    assert render_text([]) == ""


def test_an_output_set_takes_back_only_what_it_wrote(tmp_path: Path) -> None:
    keep = tmp_path / "talk.en.wav"
    keep.write_bytes(b"older run")
    outputs = OutputSet(output_paths(tmp_path / "talk.wav", "en", [OutputFormat.SRT, OutputFormat.TXT]))
    written = outputs.write_text(OutputFormat.SRT, "1\n00:00:00,000 --> 00:00:01,000\nHi\n")
    assert written.exists() and outputs.as_strings() == [str(written)]
    outputs.discard()
    assert not written.exists()
    assert keep.read_bytes() == b"older run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.en.wav"]  # no temporary file left either


def test_a_folder_that_cannot_be_written_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as caught:
        check_writable(blocker / "out")
    assert caught.value.user_message.startswith("Cannot write to the output folder")
    check_writable(tmp_path / "new" / "folder")  # created when missing
    assert (tmp_path / "new" / "folder").is_dir()
