"""The job model of file translation (pure: no I/O, no clock, no threads).

A *job* is one input file translated with one set of options; it is cut into *segments* (time spans of the source),
each sent to the service as one request. Jobs and segments move through small state machines:

    Job:      queued ──> running ──> done
                 │  ↖      │ │ ╲──> failed ──> queued (retry)
                 │   paused <┘  ╲─> cancelled
                 └──────────────────> cancelled / failed (bad input)

    Segment:  pending ──> requested ──> done
                 ↑            │
                 └── (retry) ─┴──> failed ──> pending (retry)

``requested`` is written to the store *before* a request is sent, so after a crash a segment that was in flight is
known (and re-requested once); ``done`` is written together with its result, so a paid result is never lost and never
paid for again.

Illegal transitions raise :class:`IllegalTransition` (a programming error, not a user error).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

#: The file-translation model (spec §3).
FILE_TRANSLATION_MODEL = "qwen3-livetranslate-flash"

#: Segments in flight at once by default: enough to keep 100 RPM busy with ~10-30 s segments that take a few seconds
#: each, few enough that one batch does not hog a home uplink with 4 x ~1 MB uploads.
DEFAULT_CONCURRENCY = 4

#: Highest concurrency offered: the service allows 100 requests/min, so more than 16 in flight only queues at the
#: limiter while holding encoded clips in memory.
MAX_CONCURRENCY = 16


class OutputFormat(StrEnum):
    """Files a job can write (``<stem>.<target>.<ext>``)."""

    SRT = "srt"
    VTT = "vtt"
    TXT = "txt"
    WAV = "wav"
    MP4 = "mp4"


TEXT_FORMATS = frozenset({OutputFormat.SRT, OutputFormat.VTT, OutputFormat.TXT})
AUDIO_FORMATS = frozenset({OutputFormat.WAV, OutputFormat.MP4})
ALL_FORMATS = frozenset(OutputFormat)


class JobKind(StrEnum):
    """What the input is: the request carries ``input_audio`` for audio and ``video_url`` for video (spec §3)."""

    AUDIO = "audio"
    VIDEO = "video"


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class SegmentState(StrEnum):
    PENDING = "pending"
    REQUESTED = "requested"
    DONE = "done"
    FAILED = "failed"


#: States a job never leaves on its own (only an explicit retry re-queues a failed job).
FINISHED_JOB_STATES = frozenset({JobState.DONE, JobState.FAILED, JobState.CANCELLED})

_JOB_TRANSITIONS: Mapping[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.RUNNING, JobState.PAUSED, JobState.CANCELLED, JobState.FAILED}),
    JobState.RUNNING: frozenset({JobState.PAUSED, JobState.DONE, JobState.FAILED, JobState.CANCELLED, JobState.QUEUED}),
    JobState.PAUSED: frozenset({JobState.QUEUED, JobState.RUNNING, JobState.CANCELLED}),
    JobState.FAILED: frozenset({JobState.QUEUED}),
    JobState.DONE: frozenset(),
    JobState.CANCELLED: frozenset(),
}

_SEGMENT_TRANSITIONS: Mapping[SegmentState, frozenset[SegmentState]] = {
    SegmentState.PENDING: frozenset({SegmentState.REQUESTED, SegmentState.FAILED}),
    # requested -> requested: a retry records a new attempt; requested -> pending: a pause or cancel withdrew it.
    SegmentState.REQUESTED: frozenset(
        {SegmentState.REQUESTED, SegmentState.DONE, SegmentState.FAILED, SegmentState.PENDING}
    ),
    SegmentState.FAILED: frozenset({SegmentState.PENDING}),
    SegmentState.DONE: frozenset(),
}


class IllegalTransition(ValueError):
    """A state change the model does not allow (a bug in the caller, never a user error)."""


def check_job_transition(current: JobState, new: JobState) -> None:
    """Raise :class:`IllegalTransition` unless ``current -> new`` is allowed (same state is always allowed)."""
    if new != current and new not in _JOB_TRANSITIONS[current]:
        raise IllegalTransition(f"job cannot go from {current} to {new}")


def check_segment_transition(current: SegmentState, new: SegmentState) -> None:
    """Raise :class:`IllegalTransition` unless ``current -> new`` is allowed."""
    if new == current and new != SegmentState.REQUESTED:
        return
    if new not in _SEGMENT_TRANSITIONS[current]:
        raise IllegalTransition(f"segment cannot go from {current} to {new}")


@dataclass(frozen=True, slots=True)
class FileTranslationOptions:
    """What the user chose for a batch.

    Attributes:
        target: target language code (required).
        source: source language code, None = detected by the service.
        voice: voice name for the translated speech; None = the model's default voice.
        text_only: no translated speech at all (only text outputs are written; the request asks for text only).
        formats: outputs to write; text-only mode drops the audio ones.
        out_dir: folder for the outputs; None = next to each input file.
        concurrency: segments in flight at once across the batch.
        model: the file-translation model.
    """

    target: str
    source: str | None = None
    voice: str | None = None
    text_only: bool = False
    formats: frozenset[OutputFormat] = ALL_FORMATS
    out_dir: str | None = None
    concurrency: int = DEFAULT_CONCURRENCY
    model: str = FILE_TRANSLATION_MODEL

    def __post_init__(self) -> None:
        object.__setattr__(self, "formats", frozenset(OutputFormat(f) for f in self.formats))
        if not self.target:
            raise ValueError("a target language is required")
        if not 1 <= self.concurrency <= MAX_CONCURRENCY:
            raise ValueError(f"concurrency must be 1..{MAX_CONCURRENCY}, got {self.concurrency}")

    @property
    def effective_formats(self) -> frozenset[OutputFormat]:
        """The formats actually written: text-only mode has no speech to put in a WAV or MP4."""
        return self.formats & TEXT_FORMATS if self.text_only else self.formats

    @property
    def wants_audio(self) -> bool:
        """Whether requests ask for translated speech."""
        return not self.text_only

    def result_key(self) -> dict[str, Any]:
        """The options that change what the service returns (and so what a paid result is worth reusing for).

        Output formats, folder and concurrency change only what we *write* from the same results, so they are not
        part of it: a file translated for SRT can be reused for VTT without paying again.
        """
        return {
            "model": self.model,
            "target": self.target,
            "source": self.source,
            "voice": None if self.text_only else self.voice,
            "audio": not self.text_only,
        }

    def options_hash(self) -> str:
        """A stable hash of :meth:`result_key` (hex SHA-256, first 32 characters)."""
        return stable_hash(self.result_key())

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (for the job store)."""
        return {
            "target": self.target,
            "source": self.source,
            "voice": self.voice,
            "text_only": self.text_only,
            "formats": sorted(f.value for f in self.formats),
            "out_dir": self.out_dir,
            "concurrency": self.concurrency,
            "model": self.model,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FileTranslationOptions:
        """Inverse of :meth:`to_json` (missing keys take their defaults)."""
        return cls(
            target=str(data["target"]),
            source=data.get("source"),
            voice=data.get("voice"),
            text_only=bool(data.get("text_only", False)),
            formats=frozenset(OutputFormat(f) for f in data.get("formats", [f.value for f in ALL_FORMATS])),
            out_dir=data.get("out_dir"),
            concurrency=int(data.get("concurrency", DEFAULT_CONCURRENCY)),
            model=str(data.get("model", FILE_TRANSLATION_MODEL)),
        )


def stable_hash(value: Any) -> str:
    """SHA-256 of the canonical JSON of ``value`` (sorted keys), shortened to 32 hex digits (128 bits: collisions are
    not a concern for a per-user history)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens the service reported, summed (OpenAI-compatible usage: prompt = input, completion = output).

    Kept as plain counts here; :class:`interpreter.core.cost.TokenCounts` prices them.
    """

    input_tokens: int = 0
    output_tokens: int = 0
    input_audio_tokens: int = 0
    input_video_tokens: int = 0
    output_audio_tokens: int = 0
    output_text_tokens: int = 0
    requests: int = 0

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.input_audio_tokens + other.input_audio_tokens,
            self.input_video_tokens + other.input_video_tokens,
            self.output_audio_tokens + other.output_audio_tokens,
            self.output_text_tokens + other.output_text_tokens,
            self.requests + other.requests,
        )

    @classmethod
    def from_json(cls, usage: Mapping[str, Any] | None) -> Usage:
        """From an OpenAI-compatible usage object (``null`` details count as 0); one request."""
        usage = usage or {}
        prompt = usage.get("prompt_tokens_details") or {}
        completion = usage.get("completion_tokens_details") or {}
        return cls(
            input_tokens=_count(usage.get("prompt_tokens", usage.get("input_tokens"))),
            output_tokens=_count(usage.get("completion_tokens", usage.get("output_tokens"))),
            input_audio_tokens=_count(prompt.get("audio_tokens")),
            input_video_tokens=_count(prompt.get("video_tokens")),
            output_audio_tokens=_count(completion.get("audio_tokens")),
            output_text_tokens=_count(completion.get("text_tokens")),
            requests=1,
        )

    def to_json(self) -> dict[str, int]:
        """The compact form stored with jobs (field names of this class)."""
        return {
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "input_audio_tokens": self.input_audio_tokens,
            "input_video_tokens": self.input_video_tokens,
            "output_audio_tokens": self.output_audio_tokens,
            "output_text_tokens": self.output_text_tokens,
            "requests": self.requests,
        }

    @classmethod
    def from_stored(cls, data: Mapping[str, Any] | None) -> Usage:
        """Inverse of :meth:`to_json`."""
        data = data or {}
        return cls(**{f.name: _count(data.get(f.name)) for f in fields(cls)})

    def as_openai_json(self) -> dict[str, Any]:
        """This usage in the OpenAI-compatible shape, which :meth:`TokenCounts.from_json` prices."""
        return {
            "prompt_tokens": self.input_tokens,
            "completion_tokens": self.output_tokens,
            "prompt_tokens_details": {
                "audio_tokens": self.input_audio_tokens,
                "video_tokens": self.input_video_tokens,
            },
            "completion_tokens_details": {
                "audio_tokens": self.output_audio_tokens,
                "text_tokens": self.output_text_tokens,
            },
        }


def _count(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


@dataclass(frozen=True, slots=True)
class JobSegment:
    """One span of the source, translated by one request.

    Attributes:
        index: 0-based position in the job.
        start_ms / end_ms: the span in the source, milliseconds.
        state: see the module docstring.
        attempts: requests sent for it so far (each ``requested`` transition counts one).
        text: the translation (when done).
        transcript: the source transcript when the service sent one (``delta.audio.transcript``), else "".
        audio_ref: where the segment's 24 kHz PCM is stored (a store-defined reference), None when text only.
        audio_bytes: length of that PCM.
        usage: tokens of the successful request.
        finish_reason: ``stop`` or ``length`` (the answer was cut at the output limit).
        error: the last failure sentence, "" when none.
        speech: the voiced stretches inside the span (absolute ms) from the segment plan; subtitle timing uses them.
    """

    index: int
    start_ms: int
    end_ms: int
    state: SegmentState = SegmentState.PENDING
    attempts: int = 0
    text: str = ""
    transcript: str = ""
    audio_ref: str | None = None
    audio_bytes: int = 0
    usage: Usage = field(default_factory=Usage)
    finish_reason: str | None = None
    error: str = ""
    speech: tuple[tuple[int, int], ...] = ()

    @property
    def duration_ms(self) -> int:
        return max(0, self.end_ms - self.start_ms)

    def with_state(self, state: SegmentState, **changes: Any) -> JobSegment:
        """A copy in ``state`` (checked) with other fields changed; a move to ``requested`` counts an attempt."""
        check_segment_transition(self.state, state)
        if state == SegmentState.REQUESTED:
            changes.setdefault("attempts", self.attempts + 1)
        return replace(self, state=state, **changes)


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a job (or a batch) is.

    Attributes:
        done_ms: source milliseconds whose translation is stored.
        total_ms: source milliseconds to translate.
        segments_done / segments_total: the same in segments.
    """

    done_ms: int = 0
    total_ms: int = 0
    segments_done: int = 0
    segments_total: int = 0

    @property
    def fraction(self) -> float:
        """0.0..1.0, weighted by duration (a long segment counts more than a short one)."""
        if self.total_ms <= 0:
            return 1.0 if self.segments_total and self.segments_done >= self.segments_total else 0.0
        return min(1.0, self.done_ms / self.total_ms)

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.done_ms + other.done_ms,
            self.total_ms + other.total_ms,
            self.segments_done + other.segments_done,
            self.segments_total + other.segments_total,
        )


def compute_progress(segments: Iterable[JobSegment]) -> Progress:
    """Progress from a job's segments (done ones count, everything else is still to do)."""
    progress = Progress()
    for segment in segments:
        done = segment.state == SegmentState.DONE
        progress = progress + Progress(segment.duration_ms if done else 0, segment.duration_ms, 1 if done else 0, 1)
    return progress


@dataclass(frozen=True, slots=True)
class CostEstimate:
    """The before-you-start estimate for a job: tokens and money (money as text with its currency)."""

    input_tokens: int = 0
    output_tokens: int = 0
    amount: str = "0"
    currency: str = ""
    priced: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "input_tokens": self.input_tokens,
            "output_tokens": self.output_tokens,
            "amount": self.amount,
            "currency": self.currency,
            "priced": self.priced,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> CostEstimate:
        data = data or {}
        return cls(
            input_tokens=_count(data.get("input_tokens")),
            output_tokens=_count(data.get("output_tokens")),
            amount=str(data.get("amount", "0")),
            currency=str(data.get("currency", "")),
            priced=bool(data.get("priced", False)),
        )


@dataclass(frozen=True, slots=True)
class Job:
    """One input file translated with one set of options (a snapshot: every change makes a new object).

    Attributes:
        id: store-assigned id (0 before it is stored).
        input_path: the source file as the user gave it (absolute).
        content_hash: hash of the file's bytes ("" when the file could not be read).
        options: the batch options the job was added with.
        kind: audio or video.
        duration_ms: source duration (0 when unknown).
        state: see the module docstring.
        segments: the planned spans with their states.
        estimate: cost estimate made when the job was added.
        usage: actual tokens of the job's successful requests.
        outputs: files written when the job finished.
        error: one sentence when failed (or why it was cancelled), else "".
    """

    id: int
    input_path: str
    content_hash: str
    options: FileTranslationOptions
    kind: JobKind = JobKind.AUDIO
    duration_ms: int = 0
    state: JobState = JobState.QUEUED
    segments: tuple[JobSegment, ...] = ()
    estimate: CostEstimate = field(default_factory=CostEstimate)
    usage: Usage = field(default_factory=Usage)
    outputs: tuple[str, ...] = ()
    error: str = ""

    @property
    def options_hash(self) -> str:
        return self.options.options_hash()

    @property
    def target(self) -> str:
        return self.options.target

    @property
    def source(self) -> str | None:
        return self.options.source

    @property
    def progress(self) -> Progress:
        return compute_progress(self.segments)

    @property
    def finished(self) -> bool:
        return self.state in FINISHED_JOB_STATES

    def with_state(self, state: JobState, **changes: Any) -> Job:
        """A copy in ``state`` (checked) with other fields changed."""
        check_job_transition(self.state, state)
        return replace(self, state=state, **changes)

    def segments_to_request(self) -> tuple[JobSegment, ...]:
        """Segments still needing a request: pending, failed, or requested-but-unanswered (in flight when the app
        stopped). Done segments never appear here."""
        return tuple(s for s in self.segments if s.state != SegmentState.DONE)

    def all_segments_done(self) -> bool:
        return bool(self.segments) and all(s.state == SegmentState.DONE for s in self.segments)


def batch_progress(jobs: Iterable[Job]) -> Progress:
    """Progress of several jobs together (cancelled and failed-before-planning jobs contribute nothing to do)."""
    total = Progress()
    for job in jobs:
        if job.state == JobState.CANCELLED:
            continue
        total = total + job.progress
    return total


def batch_usage(jobs: Iterable[Job]) -> Usage:
    """The actual usage of several jobs together."""
    total = Usage()
    for job in jobs:
        total = total + job.usage
    return total
