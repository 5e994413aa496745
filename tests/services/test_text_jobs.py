"""The text-job queue: the FileTranslationService shape (add files -> entries with estimates, run, events)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from interpreter.core.jobs import JobState
from interpreter.services.limiter import ApiLimiter
from interpreter.services.mt_engine import MtEngine
from interpreter.services.text_jobs import TextBatchStopped, TextEntryUpdated, TextJobQueue
from interpreter.services.text_translation import TextTranslationOptions, TextTranslationService
from interpreter.transport.http import HttpClient


def _write(folder: Path) -> list[Path]:
    good = folder / "a.srt"
    good.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n", encoding="utf-8")
    empty = folder / "b.srt"
    empty.write_bytes(b"")
    notes = folder / "c.txt"
    notes.write_text("First line\n\nSecond line\n", encoding="utf-8")
    return [good, empty, notes]


async def test_queue_runs_good_files_and_reports_bad_ones(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=500.0)
    paths = _write(tmp_path)
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        engine = MtEngine(client, limiter_factory=lambda model: ApiLimiter(max_concurrency=2))
        queue = TextJobQueue(TextTranslationService(client, engine=engine))
        events: list[Any] = []
        queue.add_listener(events.append)
        entries = await queue.add_files(paths, TextTranslationOptions(target="fr"))
        assert [e.state for e in entries] == [JobState.QUEUED, JobState.FAILED, JobState.QUEUED]
        assert entries[1].error is not None and entries[1].error.startswith("b.srt is empty")
        assert entries[0].job is not None and entries[0].job.estimate.requests == 1
        summary = await queue.run()
    assert summary.count(JobState.DONE) == 2 and summary.count(JobState.FAILED) == 1
    assert summary.requests == 2 and summary.usage.requests == 2 and summary.cost.priced
    assert (tmp_path / "c.fr.txt").read_text(encoding="utf-8") == "[fr] First line\n\n[fr] Second line\n"
    states = [e.entry.state for e in events if isinstance(e, TextEntryUpdated) and e.entry.id == entries[0].id]
    assert states[0] == JobState.QUEUED and JobState.RUNNING in states and states[-1] == JobState.DONE


async def test_a_refused_key_stops_the_run_and_keeps_entries_queued(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=500.0)
    paths = _write(tmp_path)
    async with HttpClient(emu.base_url, api_key="sk-wrong") as client:
        queue = TextJobQueue(TextTranslationService(client))
        events: list[Any] = []
        queue.add_listener(events.append)
        await queue.add_files(paths, TextTranslationOptions(target="fr"))
        summary = await queue.run()
    assert summary.stopped is not None and any(isinstance(e, TextBatchStopped) for e in events)
    assert summary.count(JobState.QUEUED) == 2
