"""FileTranslationService end to end: generated media, the real emulator over loopback sockets, real SQLite, real
output files read back with pysubs2 and PyAV."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import av
import pysubs2
import pytest

from interpreter.core.jobs import FileTranslationOptions, Job, JobKind, JobState, OutputFormat, SegmentState
from interpreter.core.segment_plan import SegmentSpan
from interpreter.errors import ConfigError
from interpreter.media.clips import encode_audio_segment
from interpreter.services.file_media import FileMedia
from interpreter.services.file_translation import (
    BatchProgress,
    BatchStopped,
    FileTranslationEvent,
    FileTranslationService,
    HistoryAvailable,
    JobUpdated,
    request_payload,
)
from interpreter.store.jobs import JobStore
from interpreter.transport.http import HttpClient
from tests.services import filegen

pytestmark = pytest.mark.slow

#: Emulator speed-up: answers come 10x faster than real time, so a batch of a few segments takes about a second.
SPEED = 10.0


def _short_delays() -> Iterator[float]:
    """Retry waits for tests: short, but real waits (the retry path is exercised, not skipped)."""
    while True:
        yield 0.05


@contextlib.asynccontextmanager
async def _service(emu: Any, **kwargs: Any) -> AsyncIterator[tuple[FileTranslationService, list[FileTranslationEvent]]]:
    events: list[FileTranslationEvent] = []
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        kwargs.setdefault("media", FileMedia(**filegen.PLAN))
        kwargs.setdefault("retry_delays", _short_delays)
        service = FileTranslationService(client, **kwargs)
        service.add_listener(events.append)
        try:
            yield service, events
        finally:
            await service.aclose()


def _options(**kw: Any) -> FileTranslationOptions:
    kw.setdefault("target", "en")
    kw.setdefault("source", "zh")
    return FileTranslationOptions(**kw)


def _outputs(job: Job) -> dict[str, Path]:
    return {Path(p).suffix[1:]: Path(p) for p in job.outputs}


def _max_overlap(records: list[Any]) -> int:
    """Most requests the emulator was answering at the same moment."""
    edges = sorted([(r.received_at, 1) for r in records] + [(r.finished_at or r.received_at, -1) for r in records])
    current = peak = 0
    for _moment, step in edges:
        current += step
        peak = max(peak, current)
    return peak


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _remount(mount_point: Path, size: str) -> None:
    subprocess.run(["mount", "-o", f"remount,size={size}", str(mount_point)], check=True, timeout=30)


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


# ----------------------------------------------------------------------------------------------------- pure parts


def test_request_payload_is_spec_section_3_exactly() -> None:
    payload = request_payload(_options(), "data:audio/wav;base64,AAAA", JobKind.AUDIO, voice="Cherry")
    assert payload == {
        "model": "qwen3-livetranslate-flash",
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "input_audio", "input_audio": {"data": "data:audio/wav;base64,AAAA", "format": "wav"}}
                ],
            }
        ],
        "modalities": ["text", "audio"],
        "audio": {"voice": "Cherry", "format": "wav"},
        "stream": True,
        "stream_options": {"include_usage": True},
        "translation_options": {"source_lang": "zh", "target_lang": "en"},
    }
    video = request_payload(
        _options(source=None, text_only=True), "data:video/mp4;base64,AAAA", JobKind.VIDEO, voice="Cherry"
    )
    assert video["messages"][0]["content"] == [
        {"type": "video_url", "video_url": {"url": "data:video/mp4;base64,AAAA"}}
    ]
    assert video["modalities"] == ["text"]
    assert "audio" not in video
    assert video["translation_options"] == {"target_lang": "en"}


# ----------------------------------------------------------------------------------------------------- end to end


async def test_audio_and_video_files_give_valid_outputs(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    mp3 = filegen.speech_mp3(tmp_path / "memo.mp3")
    mp4 = filegen.video(tmp_path / "clip.mp4")
    async with _service(emu) as (service, events):
        jobs = await service.add_files([wav, mp3, mp4], _options())
        assert [j.state for j in jobs] == [JobState.QUEUED] * 3
        assert [j.kind for j in jobs] == [JobKind.AUDIO, JobKind.AUDIO, JobKind.VIDEO]
        assert all(len(j.segments) >= 2 for j in jobs)
        assert all(j.estimate.priced and float(j.estimate.amount) > 0 for j in jobs)
        summary = await service.run()

    assert summary.count(JobState.DONE) == 3, [j.error for j in summary.jobs]
    assert summary.stopped is None
    assert summary.requests == sum(len(j.segments) for j in summary.jobs)
    assert summary.usage.requests == summary.requests
    assert summary.usage.input_audio_tokens > 0 and summary.usage.output_audio_tokens > 0
    assert summary.usage.input_video_tokens > 0  # the video's clips were sent as video
    assert summary.cost.amount > 0
    final = [e for e in events if isinstance(e, BatchProgress)][-1]
    assert final.progress.fraction == 1.0 and final.jobs_done == 3

    for job in summary.jobs:
        outputs = _outputs(job)
        stem = Path(job.input_path).stem
        expected = {"srt", "vtt", "txt", "wav"} | ({"mp4"} if job.kind == JobKind.VIDEO else set())
        assert set(outputs) == expected
        assert all(p.name == f"{stem}.en.{ext}" for ext, p in outputs.items())
        srt = pysubs2.load(str(outputs["srt"]))
        assert len(srt) >= len(job.segments)
        assert all(event.end > event.start for event in srt)
        assert len(pysubs2.load(str(outputs["vtt"]))) == len(srt)
        text = outputs["txt"].read_text(encoding="utf-8")
        assert all(segment.text.strip() in text for segment in job.segments)
        with av.open(str(outputs["wav"])) as container:
            stream = container.streams.audio[0]
            assert (stream.rate, stream.channels) == (24000, 1)
            assert container.duration is not None
            assert container.duration / 1_000_000 == pytest.approx(job.duration_ms / 1000, abs=0.5)
        if job.kind == JobKind.VIDEO:
            with av.open(str(outputs["mp4"])) as container:
                assert len(container.streams.video) == 1
                assert len(container.streams.audio) == 2
                languages = [s.metadata.get("language") for s in container.streams.audio]
                assert languages[0] == "eng"
    assert _no_temp_files(tmp_path)

    sent = [r for r in emu.http_requests if r.path.endswith("/chat/completions")]
    assert all(r.model == "qwen3-livetranslate-flash" and r.stream for r in sent)
    # Several segments were in flight at once (across jobs), never more than the concurrency (default 4).
    assert 2 <= _max_overlap(sent) <= 4
    hashes = emu.http_records.completed_content_hashes()
    assert len(hashes) == len(set(hashes)) == summary.requests


async def test_rate_limit_with_retry_after_pauses_and_retries(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(status=429, status_times=1, retry_after_s=1)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    async with _service(emu) as (service, _events):
        [job] = await service.add_files([wav], _options(formats={OutputFormat.SRT}))
        summary = await service.run()
        assert service.limiter.stats.pauses >= 1  # the 429's Retry-After paused the one limiter
    [done] = summary.jobs
    assert done.state == JobState.DONE, done.error
    assert emu.http_stats.rate_limited + emu.http_stats.statuses[429] >= 1
    hashes = emu.http_records.completed_content_hashes()
    assert sorted(hashes) == sorted(set(hashes)) and len(hashes) == len(job.segments)


async def test_a_stream_cut_mid_way_is_retried_and_never_stored_twice(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(cut_after_chunks=2)

    def clear_faults_on_first_retry() -> Iterator[float]:
        # Asked for a delay only after a failed attempt: the first cut stream heals the "network".
        while True:
            emu.http_faults.clear()
            yield 0.05

    wav = filegen.speech_wav(tmp_path / "talk.wav")
    async with _service(emu, retry_delays=clear_faults_on_first_retry) as (service, _events):
        [job] = await service.add_files([wav], _options(formats={OutputFormat.TXT}))
        summary = await service.run()
    [done] = summary.jobs
    assert done.state == JobState.DONE, done.error
    assert emu.http_stats.streams_cut >= 1
    assert any(s.attempts == 2 for s in done.segments)
    # Exactly one complete answer per segment; the cut one was discarded, not stored next to its retry.
    hashes = emu.http_records.completed_content_hashes()
    assert len(hashes) == len(set(hashes)) == len(job.segments)
    paragraphs = _outputs(done)["txt"].read_text(encoding="utf-8").strip().split("\n\n")
    assert paragraphs == [segment.text.strip() for segment in done.segments]  # each answer once, in order


async def test_bad_inputs_each_fail_with_one_sentence_while_the_rest_finish(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    good = filegen.speech_wav(tmp_path / "good.wav")
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("These are meeting notes, not a video.\n" * 20, encoding="utf-8")
    silent = filegen.video(tmp_path / "silent.mp4", seconds=3, with_audio=False)
    missing = tmp_path / "gone.wav"
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    async with _service(emu) as (service, _events):
        jobs = await service.add_files([empty, text, good, silent, missing], _options(formats={OutputFormat.SRT}))
        unwritable = await service.add_files([good], _options(out_dir=str(blocker / "out"), formats={OutputFormat.SRT}))
        summary = await service.run()

    by_name = {Path(j.input_path).name: j for j in jobs}
    for name in ("empty.mp4", "notes.mp4", "silent.mp4", "gone.wav"):
        job = by_name[name]
        assert job.state == JobState.FAILED
        assert name in job.error
        assert job.error.count(". ") == 0 and job.error.endswith(".")  # one sentence
        assert not job.segments
    [blocked] = unwritable
    assert blocked.state == JobState.FAILED and "output folder" in blocked.error
    done = {Path(j.input_path).name: j.state for j in summary.jobs if j.state == JobState.DONE}
    assert done == {"good.wav": JobState.DONE}
    assert (tmp_path / "good.en.srt").exists()


async def test_text_only_asks_for_text_and_writes_only_text(make_emulator: Callable[..., Any], tmp_path: Path) -> None:
    emu = make_emulator(speed=SPEED)
    mp4 = filegen.video(tmp_path / "clip.mp4", seconds=4)
    async with _service(emu) as (service, _events):
        [job] = await service.add_files([mp4], _options(text_only=True))
        assert job.kind == JobKind.VIDEO
        summary = await service.run()
    [done] = summary.jobs
    assert done.state == JobState.DONE, done.error
    assert set(_outputs(done)) == {"srt", "vtt", "txt"}
    assert done.usage.output_audio_tokens == 0 and done.usage.output_text_tokens > 0
    assert all(s.audio_bytes == 0 for s in done.segments)


async def test_an_unsupported_language_is_refused_before_anything_is_added(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    async with _service(emu) as (service, _events):
        with pytest.raises(ConfigError) as caught:
            await service.add_files([tmp_path / "x.wav"], _options(target="tlh"))
        assert caught.value.field == "target"
        assert service.jobs == []


async def test_a_refused_key_stops_the_batch_with_one_sentence(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    emu.http_faults.update(status=401)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    async with _service(emu) as (service, events):
        await service.add_files([wav, filegen.speech_mp3(tmp_path / "memo.mp3")], _options())
        summary = await service.run()
    assert summary.stopped is not None
    stops = [e for e in events if isinstance(e, BatchStopped)]
    assert len(stops) == 1 and stops[0].message == summary.stopped
    # Not failed: the jobs wait for a working key and resume where they stopped.
    assert {j.state for j in summary.jobs} == {JobState.QUEUED}
    assert emu.http_stats.requests <= 4  # it stopped at the first refusals, no retry storm


async def test_server_errors_fail_the_job_after_bounded_attempts_and_retry_failed_resumes(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    other = filegen.speech_mp3(tmp_path / "memo.mp3")
    async with _service(emu, max_attempts=2, concurrency=1) as (service, _events):
        [job, memo] = await service.add_files([wav, other], _options(formats={OutputFormat.SRT}, concurrency=1))
        # Let the first segment through, then fail everything for a while.
        first_done: list[bool] = []

        def fail_after_first(event: FileTranslationEvent) -> None:
            if (
                isinstance(event, JobUpdated)
                and event.job.id == job.id
                and not first_done
                and event.job.segments[0].state == SegmentState.DONE
            ):
                first_done.append(True)
                emu.http_faults.update(status=500, status_times=2)

        service.add_listener(fail_after_first)
        summary = await service.run()
        states = {j.id: j for j in summary.jobs}
        failed = states[job.id]
        assert failed.state == JobState.FAILED
        assert failed.error.startswith("talk.wav: ")
        assert failed.segments[0].state == SegmentState.DONE
        assert states[memo.id].state == JobState.DONE  # the rest of the batch went on

        requests_before = len(emu.http_records.completed_content_hashes())
        await service.retry_failed()
        again = await service.run()
    retried = {j.id: j for j in again.jobs}[job.id]
    assert retried.state == JobState.DONE
    hashes = emu.http_records.completed_content_hashes()
    assert len(hashes) == len(set(hashes))  # the done first segment was not paid for again
    assert len(hashes) - requests_before == len(job.segments) - 1


async def test_pause_holds_a_job_and_cancel_leaves_no_outputs(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    mp3 = filegen.speech_mp3(tmp_path / "memo.mp3")
    async with _service(emu) as (service, _events):
        [talk, memo] = await service.add_files([wav, mp3], _options())
        await service.pause(talk.id)

        cancels: list[asyncio.Future[Job]] = []

        def cancel_on_first_result(event: FileTranslationEvent) -> None:
            if isinstance(event, JobUpdated) and event.job.id == memo.id and event.job.progress.segments_done == 1:
                cancels.append(asyncio.ensure_future(service.cancel(memo.id)))

        service.add_listener(cancel_on_first_result)
        summary = await service.run()
        states = {j.id: j.state for j in summary.jobs}
        assert states == {talk.id: JobState.PAUSED, memo.id: JobState.CANCELLED}
        assert not [name for name in _names(tmp_path) if ".en" in name]  # no output of either job
        paused_hashes = len(emu.http_records.completed_content_hashes())
        summary = await service.start([talk.id])
    done = {j.id: j for j in summary.jobs}[talk.id]
    assert done.state == JobState.DONE
    assert len(emu.http_records.completed_content_hashes()) - paused_hashes == len(talk.segments)
    assert _no_temp_files(tmp_path)


async def test_the_same_file_and_settings_are_offered_from_history(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav")
    async with _service(emu) as (service, events):
        [first] = await service.add_files([wav], _options(formats={OutputFormat.SRT, OutputFormat.WAV}))
        await service.run()
        paid = emu.http_stats.requests
        # Another format from the same results: same settings for the service, so no new request.
        [second] = await service.add_files([wav], _options(formats={OutputFormat.SRT, OutputFormat.VTT}))
        offers = [e for e in events if isinstance(e, HistoryAvailable)]
        assert [(o.job_id, o.previous.id) for o in offers] == [(second.id, first.id)]
        await service.use_history(second.id)
        summary = await service.run()
    assert emu.http_stats.requests == paid
    reused = {j.id: j for j in summary.jobs}[second.id]
    assert reused.state == JobState.DONE
    names = sorted(Path(p).name for p in reused.outputs)
    # talk.en.srt exists from the first run: the second set moves to "(2)" as a whole, nothing is overwritten.
    assert names == ["talk.en (2).srt", "talk.en (2).vtt"]
    first_srt = pysubs2.load(str(tmp_path / "talk.en.srt"))
    assert [e.text for e in pysubs2.load(str(tmp_path / "talk.en (2).srt"))] == [e.text for e in first_srt]


_TMPFS_SIZE = "64k"  # room for the subtitles and text of a few seconds of speech, not for the WAV (~170 KB)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system (tmpfs) that fills up while the WAV is written."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={_TMPFS_SIZE}", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if result.returncode != 0:
        pytest.skip(f"mounting a tmpfs needs root: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False, timeout=30)


async def test_a_full_disk_fails_the_job_keeps_its_segments_and_a_retry_finishes_it(
    make_emulator: Callable[..., Any], tmp_path: Path, small_disk: Path
) -> None:
    emu = make_emulator(speed=SPEED)
    wav = filegen.speech_wav(tmp_path / "talk.wav", count=4)
    async with _service(emu) as (service, _events):
        await service.add_files([wav], _options(out_dir=str(small_disk)))
        summary = await service.run()
        [failed] = summary.jobs
        assert failed.state == JobState.FAILED
        assert failed.error.startswith("talk.wav: ") and "disk" in failed.error
        assert all(s.state == SegmentState.DONE for s in failed.segments)
        assert _names(small_disk) == []  # neither the finished subtitles nor a half WAV are left
        paid = emu.http_stats.requests
        _remount(small_disk, "8m")
        await service.retry_failed()
        again = await service.run()
    [done] = again.jobs
    assert done.state == JobState.DONE, done.error
    assert emu.http_stats.requests == paid  # outputs rebuilt from the stored results
    assert {Path(name).suffix for name in _names(small_disk)} == {".srt", ".vtt", ".txt", ".wav"}


# ----------------------------------------------------------------------------------------------------- kill + resume

_CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from interpreter.core.jobs import FileTranslationOptions, JobState, SegmentState
    from interpreter.services.file_media import FileMedia
    from interpreter.services.file_translation import FileTranslationService, JobUpdated
    from interpreter.transport.http import HttpClient

    async def main(base_url: str, key: str, path: str) -> None:
        async with HttpClient(base_url, api_key=key) as client:
            service = FileTranslationService(client, media=FileMedia(target_s=3.0, min_s=1.5, max_s=6.0),
                                             concurrency=2)
            def report(event):
                if isinstance(event, JobUpdated):
                    done = sum(s.state == SegmentState.DONE for s in event.job.segments)
                    print("done", done, flush=True)
            service.add_listener(report)
            interrupted = await service.restore()
            print("interrupted", len(interrupted), flush=True)
            # Like a rerun of the same command: adding the same file again resumes its unfinished job.
            [job] = await service.add_files([path], FileTranslationOptions("en", source="zh", concurrency=2,
                                                                           formats={"srt", "wav"}))
            print("job", job.id, flush=True)
            summary = await service.run()
            print("finished", summary.count(JobState.DONE), summary.requests, flush=True)
            await service.aclose()

    asyncio.run(main(*sys.argv[1:4]))
    """
)


async def test_a_killed_batch_resumes_and_never_requests_a_done_segment_again(
    make_emulator: Callable[..., Any], tmp_path: Path
) -> None:
    emu = make_emulator(speed=2.0)  # slow enough that the kill lands mid-batch
    wav = filegen.speech_wav(tmp_path / "talk.wav", count=8, seed=7)
    argv = [sys.executable, "-c", _CHILD, emu.base_url, emu.api_key, str(wav)]

    child = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)
    assert child.stdout is not None
    while True:
        line = (await asyncio.wait_for(child.stdout.readline(), timeout=60)).decode().split()
        assert line, "the child ended before it was killed"
        if line[0] == "done" and int(line[1]) >= 2:
            break
    child.kill()  # SIGKILL mid-batch: no clean-up of any kind
    await child.wait()
    killed_at = len(emu.http_requests)

    with JobStore() as store:
        [interrupted] = store.interrupted_jobs()
    done_before = [s for s in interrupted.segments if s.state == SegmentState.DONE]
    assert 2 <= len(done_before) < len(interrupted.segments)

    rerun = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE)
    out, _ = await asyncio.wait_for(rerun.communicate(), timeout=120)
    lines = out.decode().splitlines()
    assert "interrupted 1" in lines
    assert f"job {interrupted.id}" in lines  # the same job resumed, not a second one
    assert lines[-1].split()[:2] == ["finished", "1"]

    def media_hash(segment: Any) -> str:
        clip = encode_audio_segment(wav, SegmentSpan(segment.index, segment.start_ms, segment.end_ms, segment.speech))
        return hashlib.sha256(clip.data).hexdigest()

    after_kill = [r.content_sha256 for r in emu.http_requests[killed_at:] if r.content_sha256]
    for segment in done_before:
        assert media_hash(segment) not in after_kill  # a paid, stored result is never requested again
    pending = [s for s in interrupted.segments if s.state != SegmentState.DONE]
    assert sorted(after_kill) == sorted(media_hash(s) for s in pending)  # each of the others exactly once
    assert (tmp_path / "talk.en.srt").exists() and (tmp_path / "talk.en.wav").exists()
