"""The pure job model: transitions, progress, options hash, usage sums."""

from __future__ import annotations

import pytest

from interpreter.core.jobs import (
    ALL_FORMATS,
    FileTranslationOptions,
    IllegalTransition,
    Job,
    JobSegment,
    JobState,
    OutputFormat,
    Progress,
    SegmentState,
    Usage,
    batch_progress,
    batch_usage,
    check_job_transition,
    check_segment_transition,
    compute_progress,
)


def _job(*segments: JobSegment, state: JobState = JobState.QUEUED) -> Job:
    return Job(1, "/media/talk.mp3", "hash", FileTranslationOptions("en"), state=state, segments=segments)


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (JobState.QUEUED, JobState.RUNNING),
        (JobState.RUNNING, JobState.PAUSED),
        (JobState.PAUSED, JobState.QUEUED),
        (JobState.RUNNING, JobState.DONE),
        (JobState.RUNNING, JobState.FAILED),
        (JobState.FAILED, JobState.QUEUED),
        (JobState.RUNNING, JobState.CANCELLED),
        (JobState.RUNNING, JobState.QUEUED),
        (JobState.QUEUED, JobState.FAILED),
    ],
)
def test_legal_job_transitions(current: JobState, new: JobState) -> None:
    check_job_transition(current, new)
    assert _job(state=current).with_state(new).state == new


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (JobState.DONE, JobState.QUEUED),
        (JobState.DONE, JobState.RUNNING),
        (JobState.CANCELLED, JobState.RUNNING),
        (JobState.FAILED, JobState.DONE),
        (JobState.QUEUED, JobState.DONE),
        (JobState.PAUSED, JobState.DONE),
    ],
)
def test_illegal_job_transitions_raise(current: JobState, new: JobState) -> None:
    with pytest.raises(IllegalTransition):
        check_job_transition(current, new)


def test_segment_lifecycle_counts_attempts_and_done_is_final() -> None:
    segment = JobSegment(0, 0, 1000)
    segment = segment.with_state(SegmentState.REQUESTED)
    assert segment.attempts == 1
    segment = segment.with_state(SegmentState.REQUESTED)  # a retry records a second attempt
    assert segment.attempts == 2
    segment = segment.with_state(SegmentState.DONE, text="Hello")
    assert (segment.state, segment.text) == (SegmentState.DONE, "Hello")
    with pytest.raises(IllegalTransition):
        segment.with_state(SegmentState.REQUESTED)
    with pytest.raises(IllegalTransition):
        check_segment_transition(SegmentState.PENDING, SegmentState.DONE)
    check_segment_transition(SegmentState.FAILED, SegmentState.PENDING)


def test_progress_is_weighted_by_duration() -> None:
    segments = (
        JobSegment(0, 0, 30_000, state=SegmentState.DONE),
        JobSegment(1, 30_000, 40_000, state=SegmentState.REQUESTED),
    )
    progress = compute_progress(segments)
    assert progress == Progress(done_ms=30_000, total_ms=40_000, segments_done=1, segments_total=2)
    assert progress.fraction == pytest.approx(0.75)
    assert compute_progress(()).fraction == 0.0


def test_segments_to_request_skips_done_and_keeps_interrupted() -> None:
    job = _job(
        JobSegment(0, 0, 1000, state=SegmentState.DONE),
        JobSegment(1, 1000, 2000, state=SegmentState.REQUESTED, attempts=1),
        JobSegment(2, 2000, 3000),
    )
    assert [s.index for s in job.segments_to_request()] == [1, 2]
    assert not job.all_segments_done()


def test_batch_progress_ignores_cancelled_jobs_and_sums_usage() -> None:
    done = _job(JobSegment(0, 0, 1000, state=SegmentState.DONE), state=JobState.RUNNING)
    cancelled = _job(JobSegment(0, 0, 5000), state=JobState.CANCELLED)
    assert batch_progress([done, cancelled]).fraction == 1.0
    a = Usage(input_tokens=10, output_tokens=5, requests=1)
    b = Usage(input_tokens=1, output_tokens=2, output_audio_tokens=2, requests=1)
    from dataclasses import replace

    total = batch_usage([replace(done, usage=a), replace(cancelled, usage=b)])
    assert (total.total_tokens, total.requests, total.output_audio_tokens) == (18, 2, 2)


def test_options_hash_changes_only_with_what_changes_the_result() -> None:
    base = FileTranslationOptions("en", source="zh", voice="Cherry")
    same_result = [
        FileTranslationOptions("en", source="zh", voice="Cherry", formats={OutputFormat.SRT}),
        FileTranslationOptions("en", source="zh", voice="Cherry", out_dir="/elsewhere", concurrency=8),
    ]
    for options in same_result:
        assert options.options_hash() == base.options_hash()
    different = [
        FileTranslationOptions("de", source="zh", voice="Cherry"),
        FileTranslationOptions("en", source=None, voice="Cherry"),
        FileTranslationOptions("en", source="zh", voice="Ethan"),
        FileTranslationOptions("en", source="zh", voice="Cherry", text_only=True),
        FileTranslationOptions("en", source="zh", voice="Cherry", model="qwen3-livetranslate-flash-2025-12-01"),
    ]
    assert len({o.options_hash() for o in different} | {base.options_hash()}) == len(different) + 1
    # In text-only mode the voice does not matter: no speech comes back.
    assert (
        FileTranslationOptions("en", voice="Ethan", text_only=True).options_hash()
        == FileTranslationOptions("en", voice="Cherry", text_only=True).options_hash()
    )


def test_options_round_trip_and_validation() -> None:
    options = FileTranslationOptions(
        "en",
        source="zh",
        voice="Ethan",
        formats={"srt", "wav"},
        out_dir="/x",
        concurrency=2,  # type: ignore[arg-type]
    )
    assert options.formats == {OutputFormat.SRT, OutputFormat.WAV}
    assert FileTranslationOptions.from_json(options.to_json()) == options
    assert FileTranslationOptions("en", text_only=True).effective_formats == {
        OutputFormat.SRT,
        OutputFormat.VTT,
        OutputFormat.TXT,
    }
    assert FileTranslationOptions("en").effective_formats == ALL_FORMATS
    with pytest.raises(ValueError):
        FileTranslationOptions("en", concurrency=0)
    with pytest.raises(ValueError):
        FileTranslationOptions("")
    with pytest.raises(ValueError):
        FileTranslationOptions("en", formats={"docx"})  # type: ignore[arg-type]


def test_usage_from_openai_json_treats_null_details_as_zero() -> None:
    usage = Usage.from_json(
        {
            "prompt_tokens": 160,
            "completion_tokens": 60,
            "prompt_tokens_details": {"audio_tokens": 160, "video_tokens": None},
            "completion_tokens_details": {"audio_tokens": 40, "text_tokens": 20},
        }
    )
    assert usage == Usage(160, 60, 160, 0, 40, 20, 1)
    assert Usage.from_stored(usage.to_json()) == usage
    assert Usage.from_json(usage.as_openai_json()) == usage
