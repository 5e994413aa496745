"""Text translation against the emulator over real sockets: subtitles (timing and tags kept, terms applied,
bilingual), legacy encodings, broken SRT files, Markdown, cue-count mismatches split and retried, both streaming
styles, native text-generation, big files, long glossary terms, transcripts, and resume after a SIGKILL."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pysubs2
import pytest

from interpreter.core.mt_chunking import Term
from interpreter.core.text_documents import TextFileError
from interpreter.emulator.http.mt_request import mt_faults
from interpreter.errors import ConfigError
from interpreter.services.limiter import ApiLimiter
from interpreter.services.mt_engine import MtEngine
from interpreter.services.text_translation import (
    TextJobProgress,
    TextJobSplit,
    TextTranslationOptions,
    TextTranslationService,
    TranscriptRow,
    is_text_document,
)
from interpreter.store.journal import SessionJournal
from interpreter.store.mt_checkpoints import MtCheckpointStore
from interpreter.transport.http import HttpClient

SPEED = 500.0
TERMS = (Term("biosensor", "生物传感器"),)

SRT = """1
00:00:01,234 --> 00:00:02,345
<i>The biosensor works.</i>
Second line

2
00:00:02,400 --> 00:00:04,001
Hello <b>again</b> everyone

3
00:01:00,000 --> 00:01:02,500
Third cue about the Biosensor.
"""


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _unthrottled(client: HttpClient) -> MtEngine:
    """An engine without the documented 60 requests/min (1 per second): tests of many small requests stay fast."""
    return MtEngine(client, limiter_factory=lambda model: ApiLimiter(max_concurrency=2))


def _srt_events(path: Path) -> list[pysubs2.SSAEvent]:
    return list(pysubs2.load(str(path), encoding="utf-8").events)


async def _service(emu: Any, **kwargs: Any) -> tuple[HttpClient, TextTranslationService]:
    client = HttpClient(emu.base_url, api_key=emu.api_key)
    return client, TextTranslationService(client, engine=kwargs.pop("engine", None) or _unthrottled(client), **kwargs)


async def test_subtitles_keep_every_timing_and_tag_and_apply_terms(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    source = tmp_path / "talk.srt"
    source.write_text(SRT, encoding="utf-8")
    client, service = await _service(emu)
    async with client:
        job = service.add_file(source, TextTranslationOptions(target="Chinese", source="en", terms=TERMS))
        assert job.estimate.requests == 1 and job.estimate.cost.priced and job.notes == ()
        events: list[Any] = []
        result = await service.run(job, on_event=events.append)
    assert result.output_path == tmp_path / "talk.zh.srt"
    before, after = _srt_events(source), _srt_events(result.output_path)
    assert [(e.start, e.end) for e in after] == [(e.start, e.end) for e in before]
    assert after[0].text == r"{\i1}[zh] The 生物传感器 works.{\i0}\N[zh] Second line"
    assert "{\\b1}" in after[1].text and "{\\b0}" in after[1].text
    assert after[2].text == "[zh] Third cue about the 生物传感器."
    assert result.usage.requests == 1 and result.usage.input_tokens > 0 and result.cost.amount > 0
    assert isinstance(events[0], TextJobProgress) and events[0].units_done == 3


@pytest.mark.parametrize(("suffix", "fmt"), [(".vtt", "vtt"), (".ass", "ass")])
async def test_vtt_and_ass_round_trip(make_emulator: Callable[..., Any], tmp_path: Path, suffix: str, fmt: str) -> None:
    emu = make_emulator(speed=SPEED)
    subs = pysubs2.SSAFile.from_string(SRT, format_="srt")
    source = tmp_path / f"film{suffix}"
    source.write_text(subs.to_string(fmt), encoding="utf-8")
    client, service = await _service(emu)
    async with client:
        result = await service.run(service.add_file(source, TextTranslationOptions(target="de", bilingual=True)))
    out = pysubs2.load(str(result.output_path))
    assert result.output_path.name == f"film.de{suffix}"
    assert [(e.start, e.end) for e in out.events] == [(e.start, e.end) for e in pysubs2.load(str(source)).events]
    assert all("[de]" in e.text for e in out.events)
    assert out.events[2].text.startswith("Third cue about the Biosensor.\\N[de] Third")  # bilingual: source above


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("gbk", "这是生物传感器的字幕。"), ("shift_jis", "これは字幕のテストです。"), ("utf-16", "Ünïcödé cue")],
)
async def test_legacy_encodings_are_read_and_written_as_utf8(
    make_emulator: Callable[..., Any], tmp_path: Path, encoding: str, text: str
) -> None:
    emu = make_emulator(speed=SPEED)
    source = tmp_path / "legacy.srt"
    source.write_bytes(f"1\n00:00:01,000 --> 00:00:02,000\n{text}\n".encode(encoding))
    client, service = await _service(emu)
    async with client:
        job = service.add_file(source, TextTranslationOptions(target="en"))
        result = await service.run(job)
    assert result.output_path.read_text(encoding="utf-8").splitlines()[2] == f"[en] {text}"
    if encoding != "utf-16":
        assert any(encoding.upper() in note or "GB18030" in note for note in result.notes)


async def test_broken_numbering_and_overlaps_are_translated_and_kept_with_a_note(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    source = tmp_path / "broken.srt"
    source.write_text(
        "7\n00:00:01,000 --> 00:00:03,000\nFirst\n\n7\n00:00:02,000 --> 00:00:04,000\nOverlapping\n\n"
        "2\n00:00:05,000 --> 00:00:06,000\nLast\n",
        encoding="utf-8",
    )
    client, service = await _service(emu)
    async with client:
        result = await service.run(service.add_file(source, TextTranslationOptions(target="fr")))
    assert any("numbers" in note for note in result.notes) and any("overlap" in note for note in result.notes)
    events = _srt_events(result.output_path)
    assert [(e.start, e.end, e.text) for e in events] == [
        (1000, 3000, "[fr] First"),
        (2000, 4000, "[fr] Overlapping"),
        (5000, 6000, "[fr] Last"),
    ]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.srt", b"", "is empty"),
        ("binary.srt", bytes(range(256)) * 8, "not a readable"),
        ("none.srt", b"hello\n", "no subtitle cues"),
    ],
)
async def test_bad_files_get_one_sentence_and_nothing_is_written(
    make_emulator: Callable[..., Any], tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    emu = make_emulator(speed=SPEED)
    (tmp_path / name).write_bytes(data)
    client, service = await _service(emu)
    async with client:
        with pytest.raises(TextFileError) as caught:
            service.add_file(tmp_path / name, TextTranslationOptions(target="en"))
    assert caught.value.user_message.startswith(name) and words in caught.value.user_message
    assert _names(tmp_path) == [name]
    assert emu.http_stats.requests == 0


async def test_markdown_keeps_its_structure(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    source = tmp_path / "README.md"
    source.write_text("# Title\n\nA biosensor paragraph.\n\n```\ncode stays\n```\n- item\n", encoding="utf-8")
    client, service = await _service(emu)
    async with client:
        result = await service.run(service.add_file(source, TextTranslationOptions(target="ja", terms=TERMS)))
    assert result.output_path.read_text(encoding="utf-8") == (
        "# [ja] Title\n\n[ja] A 生物传感器 paragraph.\n\n```\ncode stays\n```\n- [ja] item\n"
    )


async def test_a_cue_count_mismatch_is_split_and_retried_never_merged(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    mt_faults(emu.http_faults).merge_markers_above = 3  # answers to more than 3 cues lose one marker
    source = tmp_path / "many.srt"
    cues = [pysubs2.SSAEvent(start=i * 1000, end=i * 1000 + 900, text=f"Cue number {i}") for i in range(12)]
    subs = pysubs2.SSAFile()
    subs.events = cues
    source.write_text(subs.to_string("srt"), encoding="utf-8")
    client, service = await _service(emu)
    async with client:
        events: list[Any] = []
        result = await service.run(
            service.add_file(source, TextTranslationOptions(target="en")), on_event=events.append
        )
    assert any(isinstance(e, TextJobSplit) for e in events)
    assert [e.text for e in _srt_events(result.output_path)] == [f"[en] Cue number {i}" for i in range(12)]
    assert service.engine.mismatches >= 1


@pytest.mark.parametrize("model", ["qwen-mt-plus", "qwen-mt-turbo", "qwen-mt-flash", "qwen-mt-lite"])
@pytest.mark.parametrize("native", [False, True])
async def test_text_pane_translation_in_each_streaming_style(
    make_emulator: Callable[..., Any], model: str, native: bool
) -> None:
    emu = make_emulator(speed=SPEED)
    text = "The biosensor " + " ".join(f"word{n}" for n in range(60)) + "\n\nSecond paragraph."
    client, service = await _service(emu)
    progress: list[str] = []
    async with client:
        result = await service.translate_text(
            text, TextTranslationOptions(target="zh", model=model, terms=TERMS, native=native), progress.append
        )
    expected = "[zh] The 生物传感器 " + " ".join(f"word{n}" for n in range(60)) + "\n\n[zh] Second paragraph."
    assert result.text == expected  # cumulative answers replaced, incremental ones appended: never doubled
    assert progress and progress[-1] == expected
    assert result.usage.requests == 1


async def test_unsupported_language_is_refused_before_any_request(make_emulator: Callable[..., Any]) -> None:
    emu = make_emulator(speed=SPEED)
    client, service = await _service(emu)
    async with client:
        with pytest.raises(ConfigError) as caught:
            await service.translate_text("hello", TextTranslationOptions(target="Welsh", model="qwen-mt-lite"))
    assert "31 languages" in caught.value.user_message
    assert emu.http_stats.requests == 0


async def test_a_300000_line_text_is_accepted_and_chunked(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    source = tmp_path / "book.txt"
    source.write_text("".join(f"Line {n} of the book.\n" for n in range(300_000)), encoding="utf-8")
    client, service = await _service(emu)
    async with client:
        job = service.add_file(source, TextTranslationOptions(target="de"))
    assert job.units_total == 300_000
    assert 300 < len(job.chunks) < 10_000 and job.estimate.requests == len(job.chunks)
    assert job.estimate.minimum_seconds >= job.estimate.requests - 1  # 60 requests/min: one a second
    assert emu.http_stats.requests == 0  # planning sends nothing


async def test_a_glossary_term_longer_than_the_budget_is_one_sentence(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    source = tmp_path / "a.txt"
    source.write_text("short text\n", encoding="utf-8")
    client, service = await _service(emu)
    async with client:
        with pytest.raises(ConfigError) as caught:
            service.add_file(source, TextTranslationOptions(target="de", terms=(Term("long " * 9000, "x"),)))
    assert caught.value.field == "glossary" and caught.value.user_message.endswith("glossary.")
    assert _names(tmp_path) == ["a.txt"]


async def test_transcript_of_a_journal_session_is_translated_to_srt(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    with SessionJournal() as journal:
        session = journal.start_session({"model": "qwen3-livetranslate-flash-realtime", "target": "en"})
        for n, (start, text) in enumerate([(0, "Good morning everyone."), (2500, "The biosensor is ready.")]):
            journal.append_segment(
                session,
                {"index": n, "start_ms": start, "end_ms": start + 2000, "source_text": text, "translation_text": "x"},
            )
        journal.end_session(session)
        client, service = await _service(emu)
        async with client:
            out = await service.translate_transcript(
                session, TextTranslationOptions(target="es", terms=TERMS), journal=journal, srt_path=tmp_path / "t.srt"
            )
    assert out.translations == ("[es] Good morning everyone.", "[es] The 生物传感器 is ready.")
    assert out.srt_path is not None
    events = _srt_events(out.srt_path)
    assert [(e.start, e.end) for e in events] == [(0, 2000), (2500, 4500)]
    rows = await _translate_rows(emu)
    assert rows == ("[ko] one", "", "[ko] three")


async def _translate_rows(emu: Any) -> tuple[str, ...]:
    client, service = await _service(emu)
    async with client:
        out = await service.translate_transcript(
            [TranscriptRow(0, 1, "one"), TranscriptRow(None, None, "  "), TranscriptRow(5, 6, "three")],
            TextTranslationOptions(target="ko"),
        )
    return out.translations


def test_is_text_document() -> None:
    assert all(is_text_document(n) for n in ("a.SRT", "b.vtt", "c.ass", "d.ssa", "e.txt", "f.md"))
    assert not any(is_text_document(n) for n in ("a.mp4", "b.wav", "c.png", "d"))


# ----------------------------------------------------------------------------------------------------- kill + resume

_CHILD = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    from pathlib import Path
    from interpreter.services.text_translation import TextJobProgress, TextTranslationOptions, TextTranslationService
    from interpreter.services.limiter import ApiLimiter
    from interpreter.services.mt_engine import MtEngine
    from interpreter.store.mt_checkpoints import MtCheckpointStore
    from interpreter.transport.http import HttpClient

    async def main(base_url, key, path, db, kill_after):
        async with HttpClient(base_url, api_key=key) as client:
            service = TextTranslationService(client, checkpoints=MtCheckpointStore(Path(db)),
                                             engine=MtEngine(client, limiter_factory=lambda m: ApiLimiter(
                                                 max_concurrency=1)))
            job = service.add_file(path, TextTranslationOptions(target="en", chunk_tokens=60))
            print("chunks", len(job.chunks), "done", len(job.done_keys), flush=True)
            def report(event):
                if isinstance(event, TextJobProgress):
                    print("checkpoint", event.requests, flush=True)
                    if event.requests == int(kill_after):
                        os.kill(os.getpid(), signal.SIGKILL)  # right after the checkpoint: no clean-up at all
            result = await service.run(job, on_event=report)
            print("finished", result.output_path, flush=True)

    asyncio.run(main(*sys.argv[1:6]))
    """
)


async def test_a_killed_job_resumes_without_requesting_any_chunk_twice(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    source = tmp_path / "long.srt"
    subs = pysubs2.SSAFile()
    subs.events = [
        pysubs2.SSAEvent(start=i * 1000, end=i * 1000 + 800, text=f"Sentence {i} of the film.") for i in range(40)
    ]
    source.write_text(subs.to_string("srt"), encoding="utf-8")
    db = tmp_path / "mt.sqlite3"
    argv = [sys.executable, "-c", _CHILD, emu.base_url, emu.api_key, str(source), str(db)]

    child = await asyncio.create_subprocess_exec(*argv, "2", stdout=asyncio.subprocess.PIPE)
    out, _ = await asyncio.wait_for(child.communicate(), timeout=60)
    assert child.returncode == -9
    first = out.decode().split()
    chunks = int(first[1])
    assert chunks > 4 and first.count("checkpoint") == 2
    assert not [n for n in _names(tmp_path) if n.startswith("long.en")]  # nothing half-written
    killed_at = len(emu.http_requests)
    assert killed_at == 2

    rerun = await asyncio.create_subprocess_exec(*argv, "0", stdout=asyncio.subprocess.PIPE)
    out, _ = await asyncio.wait_for(rerun.communicate(), timeout=60)
    lines = out.decode().splitlines()
    assert lines[0].split()[3] != "0"  # the rerun found the checkpointed cues
    assert lines[-1].startswith("finished")
    hashes = [r.content_sha256 for r in emu.http_requests]
    assert len(hashes) == chunks and len(set(hashes)) == chunks  # every chunk asked exactly once over both runs
    assert [e.text for e in _srt_events(tmp_path / "long.en.srt")] == [
        f"[en] Sentence {i} of the film." for i in range(40)
    ]
    with _closing(MtCheckpointStore(db)) as store:
        assert store.unfinished_jobs() == []


class _closing:
    def __init__(self, store: MtCheckpointStore) -> None:
        self.store = store

    def __enter__(self) -> MtCheckpointStore:
        return self.store

    def __exit__(self, *exc: object) -> None:
        self.store.close()


async def test_transient_failures_are_retried_and_refusals_are_not(make_emulator: Callable[..., Any]) -> None:
    from interpreter.errors import AuthenticationError
    from interpreter.protocol.retry import HttpRetryPolicy

    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(status=503, status_times=2, retry_after_s=0)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        engine = MtEngine(
            client,
            limiter_factory=lambda model: ApiLimiter(max_concurrency=2),
            retry_factory=lambda: HttpRetryPolicy(delays=iter([0.01] * 10)),
        )
        service = TextTranslationService(client, engine=engine)
        result = await service.translate_text("Hello there", TextTranslationOptions(target="it"))
    assert result.text == "[it] Hello there" and emu.http_stats.requests == 3
    async with HttpClient(emu.base_url, api_key="sk-wrong") as client:
        service = TextTranslationService(
            client, engine=MtEngine(client, retry_factory=lambda: HttpRetryPolicy(delays=iter([0.01] * 10)))
        )
        with pytest.raises(AuthenticationError):
            await service.translate_text("Hello", TextTranslationOptions(target="it"))
    assert emu.http_stats.requests == 4  # a wrong key is asked once, never again
