"""store.journal.SessionJournal: durable segments, crash recovery after SIGKILL, history, exports."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import wave
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pysubs2
import pytest

from interpreter.core.captions import GAP_TEXT
from interpreter.core.pcm import VOICE_RATE, bytes_for_ms, tone
from interpreter.errors import StorageError
from interpreter.store.journal import DEFAULT_CUE_MS, JOURNAL_FILE, SessionJournal
from interpreter.store.paths import data_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
KEY = "sk-0123456789abcdef0123456789abcdef"
META = {"model": "qwen3-livetranslate-flash-realtime", "source_language": "de", "target_language": "en"}


def _segment(i: int, **extra: object) -> dict[str, object]:
    return {
        "index": i,
        "start_ms": i * 2000,
        "end_ms": i * 2000 + 1500,
        "source_text": f"Satz {i}.",
        "translation_text": f"Sentence {i}.",
        "source_language": "de",
        "usage": {"input_tokens": 20, "output_tokens": 10},
        **extra,
    }


@pytest.fixture
def journal() -> SessionJournal:
    with SessionJournal() as j:
        yield j  # type: ignore[misc]


def test_database_is_wal_in_the_data_dir(journal: SessionJournal) -> None:
    assert journal.path == data_dir() / JOURNAL_FILE
    mode = sqlite3.connect(journal.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_session_lifecycle_and_listing(journal: SessionJournal) -> None:
    sid = journal.start_session({**META, "voice": "Cherry"})
    for i in range(3):
        journal.append_audio(sid, tone(440, 500, VOICE_RATE))
        assert journal.append_segment(sid, _segment(i)) == i
    journal.end_session(sid)

    [info] = journal.list_sessions()
    assert (info.id, info.model, info.source, info.target) == (sid, META["model"], "de", "en")
    assert info.clean and info.ended_at is not None and info.started_at <= info.ended_at
    assert info.meta["voice"] == "Cherry"
    assert (info.segment_count, info.duration_ms) == (3, 2 * 2000 + 1500)
    assert info.audio_bytes == 3 * bytes_for_ms(500, VOICE_RATE)

    segments = journal.segments(sid)
    assert [s.index for s in segments] == [0, 1, 2]
    assert segments[1].translation == "Sentence 1." and segments[1].language == "de"
    assert segments[1].usage == {"input_tokens": 20, "output_tokens": 10}
    per_segment = bytes_for_ms(500, VOICE_RATE)
    assert [(s.audio_offset, s.audio_bytes) for s in segments] == [(i * per_segment, per_segment) for i in range(3)]
    assert journal.unfinished_sessions() == []


def test_segments_from_dataclasses_and_without_index(journal: SessionJournal) -> None:
    @dataclass(frozen=True)
    class Usage:
        input_tokens: int = 5

    @dataclass(frozen=True)
    class Segment:  # shaped like protocol.session.Segment
        index: int
        start_ms: int
        end_ms: int
        source_text: str
        source_language: str
        translation_text: str
        usage: Usage

    sid = journal.start_session(META)
    journal.append_segment(sid, Segment(4, 0, 900, "Hallo", "de", "Hello", Usage()))
    assert journal.append_segment(sid, {"source": "Noch", "translation": "More"}) == 5
    # Re-finalizing an index (a replayed segment after reconnect) replaces it.
    journal.append_segment(sid, {"idx": 4, "source": "Hallo!", "translation": "Hello!", "start_ms": 0, "end_ms": 950})
    got = journal.segments(sid)
    assert [(s.index, s.source, s.translation) for s in got] == [(4, "Hallo!", "Hello!"), (5, "Noch", "More")]
    assert journal.segments(sid)[1].start_ms is None


def test_keys_are_redacted_before_storage(journal: SessionJournal) -> None:
    sid = journal.start_session({**META, "note": f"key {KEY}"})
    journal.append_segment(sid, _segment(0, source_text=f"my key is {KEY}", translation_text="Bearer abcdefgh"))
    raw = b"".join(p.read_bytes() for p in journal.path.parent.glob(JOURNAL_FILE + "*"))
    assert KEY.encode() not in raw
    assert KEY not in json.dumps(journal.list_sessions()[0].meta)
    assert journal.segments(sid)[0].source == "my key is sk-…cdef"


def test_unknown_session_is_a_storage_error(journal: SessionJournal) -> None:
    with pytest.raises(StorageError):
        journal.append_segment(999, _segment(0))
    with pytest.raises(StorageError):
        journal.append_audio(999, b"\x00\x00")
    with pytest.raises(StorageError):
        journal.export_srt(999, Path("never.srt"))


def test_delete_session_removes_rows_and_audio(journal: SessionJournal) -> None:
    keep = journal.start_session(META)
    sid = journal.start_session(META)
    journal.append_audio(sid, b"\x01\x00" * 100)
    journal.append_segment(sid, _segment(0))
    assert journal.audio_path(sid).exists()
    journal.delete_session(sid)
    assert journal.session(sid) is None and journal.segments(sid) == []
    assert not journal.session_dir(sid).exists()
    assert [s.id for s in journal.list_sessions()] == [keep]


_CRASHING_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from interpreter.store.journal import SessionJournal
    journal = SessionJournal()
    sid = journal.start_session({"model": "qwen3-livetranslate-flash-realtime", "target_language": "en"})
    for i in range(3):
        journal.append_audio(sid, bytes([i + 1, 0]) * 2400)  # 100 ms of 24 kHz audio per segment
        journal.append_segment(sid, {"index": i, "start_ms": i * 1000, "end_ms": i * 1000 + 800,
                                     "source_text": f"Quelle {i}", "translation_text": f"Target {i}"})
    journal.append_audio(sid, b"\\x09\\x00" * 100)  # audio of a segment that never finalised
    print(sid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_session_killed_with_sigkill_is_recovered_with_every_committed_segment(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CRASHING_WRITER],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=45,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    sid = int(result.stdout.strip())

    with SessionJournal() as journal:
        [crashed] = journal.unfinished_sessions()
        assert crashed.id == sid and not crashed.clean
        assert crashed.segment_count == 3
        assert [s.translation for s in journal.segments(sid)] == ["Target 0", "Target 1", "Target 2"]
        assert journal.audio_path(sid).stat().st_size >= 3 * 4800  # everything up to the last segment was fsync'ed

        srt = journal.export_srt(sid, tmp_path / "recovered.srt")
        assert [e.plaintext for e in pysubs2.load(str(srt))] == [f"Quelle {i}\nTarget {i}" for i in range(3)]
        wav_path = journal.export_wav(sid, tmp_path / "recovered.wav")
        with wave.open(str(wav_path)) as wav:
            assert wav.getnframes() * 2 == journal.audio_path(sid).stat().st_size

        journal.mark_recovered(sid)
        assert journal.unfinished_sessions() == []
        assert journal.session(sid).recovered_at is not None  # type: ignore[union-attr]


def test_live_sessions_of_this_instance_are_not_offered_as_crashed(journal: SessionJournal) -> None:
    sid = journal.start_session(META)
    assert journal.unfinished_sessions() == []
    journal.close()
    with SessionJournal() as later:
        assert [s.id for s in later.unfinished_sessions()] == [sid]


def _journal_with_three_segments(journal: SessionJournal) -> int:
    sid = journal.start_session(META)
    journal.append_segment(sid, _segment(0, source_text="Hallo Welt", translation_text="Hello & world"))
    journal.append_segment(sid, _segment(1, source_text="Zwei", translation_text=""))
    journal.append_segment(sid, _segment(2, source_text="Drei", translation_text="Three"))
    journal.end_session(sid)
    return sid


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("bilingual", ["Hallo Welt\nHello & world", "Zwei", "Drei\nThree"]),
        ("translation", ["Hello & world", "Three"]),
        ("source", ["Hallo Welt", "Zwei", "Drei"]),
    ],
)
def test_srt_export_modes(journal: SessionJournal, tmp_path: Path, mode: str, expected: list[str]) -> None:
    sid = _journal_with_three_segments(journal)
    path = journal.export_srt(sid, tmp_path / f"{mode}.srt", mode)
    subs = pysubs2.load(str(path), encoding="utf-8")
    assert [e.plaintext for e in subs] == expected
    assert subs[0].start == 0 and subs[0].end == 1500


def test_vtt_export(journal: SessionJournal, tmp_path: Path) -> None:
    sid = _journal_with_three_segments(journal)
    path = journal.export_vtt(sid, tmp_path / "out.vtt", "translation")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n")
    assert "00:00:00.000 --> 00:00:01.500\nHello &amp; world" in text
    assert [(e.start, e.end) for e in pysubs2.load(str(path))] == [(0, 1500), (4000, 5500)]


def test_txt_export(journal: SessionJournal, tmp_path: Path) -> None:
    sid = _journal_with_three_segments(journal)
    text = journal.export_txt(sid, tmp_path / "out.txt", "bilingual").read_text(encoding="utf-8")
    assert text == "Hallo Welt\nHello & world\n\nZwei\n\nDrei\nThree\n"


def test_cues_fill_missing_times(journal: SessionJournal) -> None:
    sid = journal.start_session(META)
    journal.append_segment(sid, {"index": 0, "source": "a", "start_ms": 1000, "end_ms": None})
    journal.append_segment(sid, {"index": 1, "source": "b", "start_ms": 2500, "end_ms": 3000})
    journal.append_segment(sid, {"index": 2, "source": "c"})
    cues = journal.cues(sid)
    assert [(c.start_ms, c.end_ms) for c in cues] == [(1000, 2500), (2500, 3000), (3000, 3000 + DEFAULT_CUE_MS)]


def test_wav_export_is_24khz_mono_16bit_and_ignores_a_torn_sample(journal: SessionJournal, tmp_path: Path) -> None:
    sid = journal.start_session(META)
    audio = tone(440, 250, VOICE_RATE)
    journal.append_audio(sid, audio)
    journal.append_segment(sid, _segment(0))
    journal.end_session(sid)
    with journal.audio_path(sid).open("ab") as raw:
        raw.write(b"\x07")  # half a sample, as a crash mid-write would leave
    path = journal.export_wav(sid, tmp_path / "voice.wav")
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 24_000)
        assert wav.readframes(wav.getnframes()) == audio


def test_wav_export_of_a_session_without_audio_is_a_valid_empty_wav(journal: SessionJournal, tmp_path: Path) -> None:
    sid = journal.start_session(META)
    with wave.open(str(journal.export_wav(sid, tmp_path / "empty.wav"))) as wav:
        assert wav.getnframes() == 0 and wav.getframerate() == 24_000


def test_wav_export_while_live_includes_buffered_audio(journal: SessionJournal, tmp_path: Path) -> None:
    sid = journal.start_session(META)
    journal.append_audio(sid, b"\x01\x00" * 480)
    with wave.open(str(journal.export_wav(sid, tmp_path / "live.wav"))) as wav:
        assert wav.getnframes() == 480


def test_corrupt_database_is_set_aside_and_a_new_one_started() -> None:
    path = data_dir() / JOURNAL_FILE
    path.write_bytes(b"this is not an sqlite database" * 100)
    fixed = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    with SessionJournal(clock=lambda: fixed) as journal:
        assert len(journal.notices) == 1 and "set aside" in journal.notices[0]
        assert (data_dir() / f"{JOURNAL_FILE}.corrupt-20250102T030405Z").exists()
        sid = journal.start_session(META)
        assert journal.session(sid).started_at == fixed  # type: ignore[union-attr]


def test_newer_schema_is_refused_with_a_sentence() -> None:
    path = data_dir() / JOURNAL_FILE
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=99")
    db.close()
    with pytest.raises(StorageError) as info:
        SessionJournal()
    assert "newer version" in info.value.user_message


def test_gap_markers_are_kept_and_exported(journal: SessionJournal, tmp_path: Path) -> None:
    sid = journal.start_session(META)
    journal.append_segment(sid, _segment(0))
    # The protocol numbers sentences 0, 1, 2... and a gap takes no number: the sentence after it is index 1.
    journal.append_segment(sid, {"gap": True, "start_ms": 1500, "end_ms": 4000})
    journal.append_segment(sid, _segment(1, start_ms=4000, end_ms=5500))
    records = journal.segments(sid)
    assert [r.gap for r in records] == [False, True, False], "the gap survives the next sentence"
    assert [r.index for r in records] == [0, -1, 1]
    assert journal.session(sid).segment_count == 2  # type: ignore[union-attr]
    subs = pysubs2.load(str(journal.export_srt(sid, tmp_path / "g.srt", "translation")))
    assert [(e.start, e.end, e.plaintext) for e in subs][1] == (1500, 4000, GAP_TEXT)
    text = journal.export_txt(sid, tmp_path / "g.txt", "translation").read_text(encoding="utf-8")
    assert text == f"Sentence 0.\n\n{GAP_TEXT}\n\nSentence 1.\n"


def test_journal_writer_runs_writes_in_order_off_the_calling_thread(tmp_path: Path) -> None:
    import threading

    from interpreter.store.journal import JournalWriter

    reader = SessionJournal(tmp_path / "j.sqlite3")
    writer = JournalWriter(reader.path, sessions_dir=reader.sessions_dir)
    try:
        sid = writer.submit("start_session", META).result(timeout=10)
        assert any(t.name.startswith("journal-writer") for t in threading.enumerate()), "its own thread"
        futures = [writer.submit("append_audio", sid, b"\x01\x00" * 2400)]
        futures.append(writer.submit("append_segment", sid, _segment(0)))
        futures.append(writer.submit("append_segment", sid, {"gap": True, "start_ms": 1500, "end_ms": 4000}))
        futures.append(writer.submit("append_segment", sid, _segment(1, start_ms=4000, end_ms=5000)))
        futures.append(writer.submit("end_session", sid))
        futures[-1].result(timeout=10)  # first in, first out: everything before it has run
        # The app's own journal (another connection, on this thread) sees every committed write.
        records = reader.segments(sid)
        assert [(r.index, r.gap) for r in records] == [(0, False), (-1, True), (1, False)]
        assert records[0].audio_bytes == 4800
        assert reader.session(sid).clean  # type: ignore[union-attr]
        failed = writer.submit("append_segment", 999, _segment(0))  # no such session
        with pytest.raises(StorageError):
            failed.result(timeout=10)
    finally:
        writer.close()
        reader.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("journal-writer")], "the thread ended"
