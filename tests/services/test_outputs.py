from __future__ import annotations

import json
import wave
from pathlib import Path

import pysubs2

from interpreter.core.captions import GAP_TEXT
from interpreter.protocol.events import Usage
from interpreter.protocol.session_events import Segment
from interpreter.services.outputs import SrtWriter, TranscriptJsonlWriter, TranslationWavWriter


def _segment(
    index: int, start: int | None, end: int | None, source: str = "Hello.", translation: str = "Hola."
) -> Segment:
    return Segment(
        index=index,
        source_item_id=f"item_{index}",
        translation_item_id=f"item_t{index}",
        response_id=f"resp_{index}",
        start_ms=start,
        end_ms=end,
        source_text=source,
        source_language="en",
        translation_text=translation,
        usage=Usage(input_tokens=10, output_tokens=5, total_tokens=15),
    )


def test_transcript_lines_are_on_disk_as_soon_as_written(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    writer = TranscriptJsonlWriter(path)
    writer.write_segment(_segment(0, 100, 900, "Grüß Gott.", "Hola."))
    # Read before close: a crash right now must keep the line.
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first == {
        "index": 0,
        "start_ms": 100,
        "end_ms": 900,
        "source": "Grüß Gott.",
        "translation": "Hola.",
        "language": "en",
        "usage": first["usage"],
    }
    assert first["usage"]["total_tokens"] == 15
    writer.write_gap(900, 4000)
    writer.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[1] == {"gap": True, "start_ms": 900, "end_ms": 4000}


def test_srt_is_valid_after_every_segment_and_orders_cues_by_time(tmp_path: Path) -> None:
    path = tmp_path / "c.srt"
    writer = SrtWriter(path)
    writer.add_segment(_segment(0, 0, 1000, "One.", "Uno."))
    assert [e.text for e in pysubs2.load(str(path))] == ["One.\\NUno."]
    writer.add_segment(_segment(2, 6000, 7000, "Three.", "Tres."))
    writer.add_gap(2000, 5000)  # arrives after a later segment; still shown in time order
    writer.close()
    events = pysubs2.load(str(path))
    assert [(e.start, e.end) for e in events] == [(0, 1000), (2000, 5000), (6000, 7000)]
    assert events[1].plaintext == GAP_TEXT


def test_srt_places_a_segment_without_times_after_the_previous_cue(tmp_path: Path) -> None:
    writer = SrtWriter(tmp_path / "c.srt")
    writer.add_segment(_segment(0, 0, 1500))
    writer.add_segment(_segment(1, None, None))
    path = writer.close()
    events = pysubs2.load(str(path))
    assert [(e.start, e.end) for e in events] == [(0, 1500), (1500, 1500)]


def test_empty_session_leaves_an_empty_srt(tmp_path: Path) -> None:
    path = SrtWriter(tmp_path / "c.srt").close()
    assert path.read_text() == ""


def test_translation_wav_is_24k_mono_16bit(tmp_path: Path) -> None:
    writer = TranslationWavWriter(tmp_path / "v.wav")
    writer.write(b"\x01\x00" * 2400)
    writer.write(b"\x02\x00" * 2400)
    path = writer.close()
    with wave.open(str(path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth(), wav.getnframes()) == (24000, 1, 2, 4800)


def test_srt_cues_are_appended_not_rewritten_and_valid_after_each(tmp_path: Path) -> None:
    path = tmp_path / "c.srt"
    writer = SrtWriter(path)
    writer.add_segment(_segment(0, 0, 1000, "One.", "Uno."))
    inode = path.stat().st_ino
    for index in range(1, 4):
        writer.add_segment(_segment(index, index * 2000, index * 2000 + 1000))
        # Same file (no temp-file-and-rename per sentence), and a complete SRT at every step.
        assert path.stat().st_ino == inode
        assert len(pysubs2.load(str(path))) == index + 1
    writer.close()
    assert path.stat().st_ino == inode, "in-order cues need no final rewrite"
    assert [e.start for e in pysubs2.load(str(path))] == [0, 2000, 4000, 6000]


def test_reused_folder_gets_numbered_files_and_interrupted_voice_is_recovered(tmp_path: Path) -> None:
    from interpreter.services.outputs import claim_session_files, recover_earlier_sessions

    first = claim_session_files(tmp_path)
    assert first.transcript.name == "transcript.jsonl"
    TranscriptJsonlWriter(first.transcript).write_segment(_segment(0, 0, 1000))
    wav = TranslationWavWriter(first.translation_audio)
    wav.write(b"\x01\x00" * 2400)
    wav.checkpoint()
    wav.write(b"\x01\x00" * 2400)  # written but never checkpointed: the process "died" here
    wav._wav._file.flush()  # type: ignore[union-attr]  # what the kernel has after a kill -9
    second = claim_session_files(tmp_path)
    assert [p.name for p in second.all()] == ["transcript-2.jsonl", "captions-2.srt", "translation-2.wav"]
    (earlier,) = recover_earlier_sessions(tmp_path)
    assert (earlier.sentences, earlier.gaps, earlier.voice_s, earlier.repaired) == (1, 0, 0.2, True)
    with wave.open(str(first.translation_audio)) as recovered:
        assert recovered.getnframes() == 4800
    wav.close()


def test_a_full_disk_is_a_storage_error_with_the_local_exit_code() -> None:
    import pytest

    from interpreter.cli.common import EXIT_LOCAL, exit_code_for
    from interpreter.errors import StorageError

    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with pytest.raises(StorageError) as err:
        TranslationWavWriter("/dev/full")  # every write fails with ENOSPC
    assert exit_code_for(err.value) == EXIT_LOCAL  # not 2, "invalid input"
