"""Events and the run summary of :class:`~interpreter.services.file_translation.FileTranslationService` (plain
frozen data: listeners may keep them, views render them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from interpreter.core.cost import Estimate
from interpreter.core.jobs import Job, JobState, Progress, Usage
from interpreter.errors import InterpreterError


@dataclass(frozen=True, slots=True)
class JobUpdated:
    """A job changed (state, a segment, usage, outputs); ``job`` is the new snapshot."""

    job: Job


@dataclass(frozen=True, slots=True)
class JobRemoved:
    job_id: int


@dataclass(frozen=True, slots=True)
class HistoryAvailable:
    """The same file was already translated with the same settings (``previous``); :meth:`use_history` reuses it."""

    job_id: int
    previous: Job


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Progress and money of every job the service holds (cancelled jobs excluded from progress)."""

    progress: Progress
    usage: Usage
    cost: Estimate
    jobs_total: int
    jobs_done: int
    jobs_failed: int


@dataclass(frozen=True, slots=True)
class BatchStopped:
    """The batch stopped because of something no retry fixes (key, model access, quota): one sentence."""

    message: str
    error: InterpreterError


FileTranslationEvent = JobUpdated | JobRemoved | HistoryAvailable | BatchProgress | BatchStopped
Listener = Callable[[FileTranslationEvent], None]


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What one :meth:`FileTranslationService.run` did.

    Attributes:
        jobs: snapshots of every job at the end.
        requests: requests sent during this run (including retried ones).
        usage / cost: actual tokens and money of the jobs held (whole jobs, not only this run).
        elapsed_s: wall time of the run.
        stopped: the sentence when the batch was stopped (key/quota), else None.
    """

    jobs: tuple[Job, ...]
    requests: int
    usage: Usage
    cost: Estimate
    elapsed_s: float
    stopped: str | None = None

    def count(self, state: JobState) -> int:
        return sum(1 for job in self.jobs if job.state == state)
