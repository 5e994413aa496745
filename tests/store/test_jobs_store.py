"""The job store on real SQLite files: round trips, atomic results, crash-resume semantics, history lookup."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from interpreter.core.jobs import (
    CostEstimate,
    FileTranslationOptions,
    IllegalTransition,
    Job,
    JobKind,
    JobSegment,
    JobState,
    SegmentState,
    Usage,
)
from interpreter.errors import StorageError
from interpreter.store.jobs import JOBS_FILE, SCHEMA_VERSION, JobStore
from interpreter.store.paths import data_dir


def _job(path: str = "/media/talk.mp4", digest: str = "abc", segments: int = 3) -> Job:
    return Job(
        0,
        path,
        digest,
        FileTranslationOptions("en", source="zh", voice="Cherry"),
        kind=JobKind.VIDEO,
        duration_ms=segments * 10_000,
        segments=tuple(
            JobSegment(i, i * 10_000, (i + 1) * 10_000, speech=((i * 10_000 + 200, (i + 1) * 10_000 - 200),))
            for i in range(segments)
        ),
        estimate=CostEstimate(100, 50, "0.0012", "USD", True),
    )


def test_default_location_is_the_data_dir_and_schema_is_versioned() -> None:
    with JobStore() as store:
        assert store.path == data_dir() / JOBS_FILE
    db = sqlite3.connect(data_dir() / JOBS_FILE)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_round_trip_of_a_job_and_its_segments(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        created = store.create_job(_job())
        assert created.id > 0
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        loaded = store.load_job(created.id)
    assert loaded is not None
    assert loaded == created
    assert loaded.options == FileTranslationOptions("en", source="zh", voice="Cherry")
    assert loaded.segments[1].speech == ((10_200, 19_800),)
    assert loaded.estimate.amount == "0.0012"
    assert loaded.state == JobState.QUEUED


def test_a_result_is_stored_with_its_done_state_and_adds_to_the_job_usage(tmp_path: Path) -> None:
    pcm = bytes(range(256)) * 100
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        job = store.create_job(_job())
        store.set_state(job.id, JobState.RUNNING)
        requested = store.mark_requested(job.id, 0)
        assert (requested.state, requested.attempts) == (SegmentState.REQUESTED, 1)
        done = store.mark_segment_done(
            job.id,
            0,
            text="Hello.",
            transcript="你好。",
            pcm=pcm,
            usage=Usage(10, 20, requests=1),
            finish_reason="stop",
        )
        assert (done.state, done.text, done.audio_bytes) == (SegmentState.DONE, "Hello.", len(pcm))
        store.mark_requested(job.id, 1)
        store.mark_segment_done(
            job.id, 1, text="Bye.", transcript="", pcm=b"", usage=Usage(1, 2, requests=1), finish_reason="length"
        )
        assert store.segment_audio(job.id, 0) == pcm
        assert store.segment_audio(job.id, 1) == b""
        reloaded = store.load_job(job.id)
        assert reloaded is not None
        assert reloaded.usage == Usage(11, 22, requests=2)
        assert reloaded.progress.segments_done == 2
        with pytest.raises(IllegalTransition):
            store.mark_requested(job.id, 0)  # a done segment is never requested again


def test_a_failing_result_write_leaves_the_segment_requested_and_no_audio(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        job = store.create_job(_job())
        store.mark_requested(job.id, 0)
        with pytest.raises(KeyError):
            store.mark_segment_done(  # no such job: the transaction rolls back as a whole
                job.id + 99, 0, text="x", transcript="", pcm=b"ab", usage=Usage(), finish_reason="stop"
            )
        loaded = store.load_job(job.id)
        assert loaded is not None
        assert loaded.segments[0].state == SegmentState.REQUESTED
        assert store.segment_audio(job.id + 99, 0) == b""


def test_interrupted_jobs_and_history_lookup(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        running = store.create_job(_job("/a.mp4", "h1"))
        store.set_state(running.id, JobState.RUNNING)
        finished = store.create_job(_job("/b.mp4", "h2", segments=1))
        store.set_state(finished.id, JobState.RUNNING)
        store.mark_requested(finished.id, 0)
        store.mark_segment_done(
            finished.id, 0, text="t", transcript="", pcm=b"\x01\x00", usage=Usage(requests=1), finish_reason="stop"
        )
        store.finish_job(finished.id, ["/b.en.srt"])
        assert [j.id for j in store.interrupted_jobs()] == [running.id]
        options_hash = finished.options_hash
        match = store.find_finished("h2", options_hash)
        assert match is not None and match.id == finished.id and match.outputs == ("/b.en.srt",)
        assert store.find_finished("h2", FileTranslationOptions("de").options_hash()) is None
        assert store.find_finished("h1", options_hash) is None  # not finished
        assert store.find_finished("", options_hash) is None


def test_adopting_results_copies_only_matching_done_segments(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        old = store.create_job(_job(digest="same"))
        for i in (0, 1):
            store.mark_requested(old.id, i)
            store.mark_segment_done(
                old.id,
                i,
                text=f"t{i}",
                transcript="",
                pcm=bytes([i, 0]) * 4,
                usage=Usage(5, 5, requests=1),
                finish_reason="stop",
            )
        new = store.create_job(_job(digest="same"))
        assert store.adopt_results(old.id, new.id) == 2
        adopted = store.load_job(new.id)
        assert adopted is not None
        assert [s.state for s in adopted.segments] == [SegmentState.DONE, SegmentState.DONE, SegmentState.PENDING]
        assert store.segment_audio(new.id, 1) == bytes([1, 0]) * 4
        assert adopted.usage == Usage()  # reused results cost nothing this time


def test_retry_resets_failed_segments_only(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        job = store.create_job(_job())
        store.set_state(job.id, JobState.RUNNING)
        store.mark_requested(job.id, 0)
        store.mark_segment_done(job.id, 0, text="ok", transcript="", pcm=b"", usage=Usage(), finish_reason="stop")
        store.mark_requested(job.id, 1)
        store.mark_segment_failed(job.id, 1, "The service failed.")
        store.set_state(job.id, JobState.FAILED, error="talk.mp4: The service failed.")
        assert store.reset_failed_segments(job.id) == 1
        again = store.set_state(job.id, JobState.QUEUED, error="")
        assert [s.state for s in again.segments] == [SegmentState.DONE, SegmentState.PENDING, SegmentState.PENDING]
        assert again.segments[1].attempts == 1
        assert again.error == ""
        with pytest.raises(IllegalTransition):
            store.set_state(job.id, JobState.DONE)


def test_delete_removes_results(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        job = store.create_job(_job())
        store.mark_requested(job.id, 0)
        store.mark_segment_done(job.id, 0, text="x", transcript="", pcm=b"ab", usage=Usage(), finish_reason="stop")
        store.delete_job(job.id)
        assert store.load_job(job.id) is None
        assert store.segment_audio(job.id, 0) == b""
        store.delete_job(job.id)  # no error the second time


def test_calls_from_several_threads_are_serialised(tmp_path: Path) -> None:
    with JobStore(tmp_path / "jobs.sqlite3") as store:
        job = store.create_job(_job(segments=40))
        errors: list[BaseException] = []

        def finish(index: int) -> None:
            try:
                store.mark_requested(job.id, index)
                store.mark_segment_done(
                    job.id,
                    index,
                    text=str(index),
                    transcript="",
                    pcm=b"\0\0",
                    usage=Usage(1, 1, requests=1),
                    finish_reason="stop",
                )
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=finish, args=(i,)) for i in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
        loaded = store.load_job(job.id)
        assert loaded is not None
        assert loaded.usage.requests == 40
        assert loaded.all_segments_done()


def test_a_damaged_file_is_set_aside_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with JobStore(path) as store:
        assert store.notices and "set aside" in store.notices[0]
        assert store.list_jobs() == []
    assert any(p.name.startswith("jobs.sqlite3.corrupt-") for p in tmp_path.iterdir())


def test_a_newer_schema_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StorageError, match="newer version"):
        JobStore(path)


_CRASHER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from interpreter.core.jobs import JobState, Usage
    from interpreter.store.jobs import JobStore
    store = JobStore(Path(sys.argv[1]))
    job_id = int(sys.argv[2])
    store.set_state(job_id, JobState.RUNNING)
    store.mark_requested(job_id, 0)
    store.mark_segment_done(job_id, 0, text="done", transcript="", pcm=b"\\x01\\x02" * 1000,
                            usage=Usage(3, 4, requests=1), finish_reason="stop")
    store.mark_requested(job_id, 1)
    sys.stdout.write("requested\\n"); sys.stdout.flush()
    sys.stdin.readline()  # the test kills us here, mid-request
    """
)


def test_after_a_kill_the_requested_segment_is_offered_again_and_the_done_one_never(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    with JobStore(path) as store:
        job = store.create_job(_job())
    proc = subprocess.Popen(
        [sys.executable, "-c", _CRASHER, str(path), str(job.id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "requested"
    proc.kill()  # SIGKILL: no cleanup, no close
    proc.wait(timeout=30)
    with JobStore(path) as store:
        [interrupted] = store.interrupted_jobs()
        assert interrupted.id == job.id
        states = [s.state for s in interrupted.segments]
        assert states == [SegmentState.DONE, SegmentState.REQUESTED, SegmentState.PENDING]
        assert [s.index for s in interrupted.segments_to_request()] == [1, 2]
        assert store.segment_audio(job.id, 0) == b"\x01\x02" * 1000
        assert interrupted.usage == Usage(3, 4, requests=1)
        assert interrupted.segments[1].attempts == 1
