"""A queue of text-file jobs with the same shape as ``FileTranslationService`` (Qt-free), so the Files tab and the
``translate`` command drive subtitle/document files exactly like media files:

    queue = TextJobQueue(TextTranslationService(client, checkpoints=MtCheckpointStore()))
    unsubscribe = queue.add_listener(view_model.on_text_event)
    entries = await queue.add_files(paths, TextTranslationOptions(target="en"))   # each with .estimate or .error
    summary = await queue.run()            # every queued entry, in order; TextEntryUpdated events on the way
    queue.cancel(entry_id) / queue.remove(entry_id) / queue.retry_failed()

A file that cannot be translated (empty, binary, unsupported language, term too long) becomes a FAILED entry with
one sentence and the other files go on. A refusal no retry fixes (wrong key, no access to the model, quota) stops
the run (:class:`TextBatchStopped`); the entries it did not reach stay queued and keep their checkpoints.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from interpreter.core.cost import Estimate, TokenCounts
from interpreter.core.jobs import JobState
from interpreter.errors import AccessDeniedError, AuthenticationError, InterpreterError
from interpreter.services.text_translation import (
    TextJob,
    TextJobEvent,
    TextJobProgress,
    TextJobResult,
    TextTranslationOptions,
    TextTranslationService,
)
from interpreter.store.mt_checkpoints import StoredUsage

__all__ = [
    "TextBatchStopped",
    "TextBatchSummary",
    "TextEntry",
    "TextEntryRemoved",
    "TextEntryUpdated",
    "TextJobQueue",
    "TextQueueEvent",
    "TextQueueListener",
]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TextEntry:
    """One file in the queue (a snapshot; every change is a new one in a :class:`TextEntryUpdated`).

    Attributes:
        id: the queue's id of the entry; path: the input; state: ``core.jobs.JobState``.
        job: the planned job (None when the file could not be read); its ``estimate`` is the cost before sending.
        units_done / units_total: progress in cues or lines; usage: billed tokens so far.
        result: output path, usage, cost and notes once DONE; error: the sentence when FAILED.
        failure: the error behind ``error`` (its type tells a bad file from a network or storage failure, e.g. for
            the ``translate`` command's exit code).
    """

    id: int
    path: Path
    state: JobState
    job: TextJob | None
    units_done: int = 0
    units_total: int = 0
    usage: StoredUsage = field(default_factory=StoredUsage)
    result: TextJobResult | None = None
    error: str | None = None
    failure: InterpreterError | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class TextEntryUpdated:
    entry: TextEntry


@dataclass(frozen=True, slots=True)
class TextEntryRemoved:
    entry_id: int


@dataclass(frozen=True, slots=True)
class TextBatchStopped:
    """The run stopped on a refusal no retry fixes; one sentence."""

    message: str
    error: InterpreterError


TextQueueEvent = TextEntryUpdated | TextEntryRemoved | TextBatchStopped
TextQueueListener = Callable[[TextQueueEvent], None]


@dataclass(frozen=True, slots=True)
class TextBatchSummary:
    """What one :meth:`TextJobQueue.run` did: final entries, requests sent, tokens and money, wall time."""

    entries: tuple[TextEntry, ...]
    requests: int
    usage: StoredUsage
    cost: Estimate
    elapsed_s: float
    stopped: str | None = None

    def count(self, state: JobState) -> int:
        return sum(1 for entry in self.entries if entry.state == state)


class TextJobQueue:
    """Text jobs in order, with listeners (module docstring)."""

    def __init__(self, service: TextTranslationService) -> None:
        self.service = service
        self._entries: dict[int, TextEntry] = {}
        self._ids = itertools.count(1)
        self._listeners: list[TextQueueListener] = []
        self._current: tuple[int, asyncio.Task[TextJobResult]] | None = None

    def add_listener(self, listener: TextQueueListener) -> Callable[[], None]:
        """Call ``listener(event)`` for every event (on the loop thread); returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: TextQueueEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken view must not stop a batch that is spending the user's money
                _log.exception("text job listener failed on %s", type(event).__name__)

    def _publish(self, entry: TextEntry) -> TextEntry:
        self._entries[entry.id] = entry
        self._emit(TextEntryUpdated(entry))
        return entry

    def jobs(self) -> list[TextEntry]:
        """Every entry, in the order added."""
        return list(self._entries.values())

    def job(self, entry_id: int) -> TextEntry | None:
        return self._entries.get(entry_id)

    async def add_files(
        self, paths: Iterable[str | os.PathLike[str]], options: TextTranslationOptions
    ) -> list[TextEntry]:
        """Read and plan each file (off the loop thread); bad files become FAILED entries with their sentence."""
        added: list[TextEntry] = []
        for raw in paths:
            path = Path(raw)
            entry_id = next(self._ids)
            try:
                job = await asyncio.to_thread(self.service.add_file, path, options)
            except InterpreterError as error:
                failed = TextEntry(entry_id, path, JobState.FAILED, None, error=error.user_message, failure=error)
                added.append(self._publish(failed))
                continue
            total = job.units_total
            done = len({key.split(".")[0] for key in job.done_keys})
            added.append(self._publish(TextEntry(entry_id, path, JobState.QUEUED, job, done, total)))
        return added

    async def run(self) -> TextBatchSummary:
        """Translate every QUEUED entry in order; returns the summary (a stop is reported in it and as an event)."""
        started = time.monotonic()
        requests_before = self.service.engine.requests
        stopped: str | None = None
        for entry_id in [e.id for e in self._entries.values() if e.state == JobState.QUEUED]:
            entry = self._entries.get(entry_id)
            if entry is None or entry.state != JobState.QUEUED or entry.job is None:
                continue
            job = entry.job
            self._publish(replace(entry, state=JobState.RUNNING))
            task = asyncio.ensure_future(self.service.run(job, on_event=self._progress_of(entry_id)))
            self._current = (entry_id, task)
            try:
                result = await task
            except asyncio.CancelledError:
                if task.cancelled() and self._entries.get(entry_id) is not None:
                    self._publish(replace(self._entries[entry_id], state=JobState.CANCELLED))
                    continue
                raise
            except (AuthenticationError, AccessDeniedError) as error:
                stopped = error.user_message
                self._publish(replace(self._entries[entry_id], state=JobState.QUEUED))
                self._emit(TextBatchStopped(stopped, error))
                break
            except InterpreterError as error:
                self._publish(
                    replace(self._entries[entry_id], state=JobState.FAILED, error=error.user_message, failure=error)
                )
                continue
            finally:
                self._current = None
            self._publish(
                replace(
                    self._entries[entry_id],
                    state=JobState.DONE,
                    result=result,
                    usage=result.usage,
                    units_done=self._entries[entry_id].units_total,
                )
            )
        usage = _total_usage(self._entries.values())
        model = next((e.job.options.model for e in self._entries.values() if e.job is not None), None)
        cost = self.service.cost_of(usage, model) if model else Estimate(Decimal(0), "", TokenCounts(), priced=False)
        return TextBatchSummary(
            tuple(self._entries.values()),
            self.service.engine.requests - requests_before,
            usage,
            cost,
            time.monotonic() - started,
            stopped,
        )

    def _progress_of(self, entry_id: int) -> Callable[[TextJobEvent], None]:
        def progress(event: TextJobEvent) -> None:
            entry = self._entries.get(entry_id)
            if entry is not None and isinstance(event, TextJobProgress):
                self._publish(replace(entry, units_done=_units(event, entry), usage=event.usage))

        return progress

    def cancel(self, entry_id: int) -> None:
        """Stop the entry: a queued one is not started; the running one's request is abandoned (checkpoints stay)."""
        entry = self._entries.get(entry_id)
        if entry is None or entry.state in (JobState.DONE, JobState.FAILED, JobState.CANCELLED):
            return
        if self._current is not None and self._current[0] == entry_id:
            self._current[1].cancel()
            return
        self._publish(replace(entry, state=JobState.CANCELLED))

    def remove(self, entry_id: int) -> None:
        """Forget a finished or queued entry (cancel it first when it runs)."""
        self.cancel(entry_id)
        if self._entries.pop(entry_id, None) is not None:
            self._emit(TextEntryRemoved(entry_id))

    def retry_failed(self) -> list[TextEntry]:
        """Queue the failed and cancelled entries that were planned again (their checkpoints are reused)."""
        return [
            self._publish(replace(entry, state=JobState.QUEUED, error=None, failure=None))
            for entry in list(self._entries.values())
            if entry.state in (JobState.FAILED, JobState.CANCELLED) and entry.job is not None
        ]


def _units(event: TextJobProgress, entry: TextEntry) -> int:
    # Progress counts unit keys (a cut paragraph has several); report whole units, capped at the total.
    return min(entry.units_total, event.units_done)


def _total_usage(entries: Iterable[TextEntry]) -> StoredUsage:
    requests = input_tokens = output_tokens = 0
    for entry in entries:
        requests += entry.usage.requests
        input_tokens += entry.usage.input_tokens
        output_tokens += entry.usage.output_tokens
    return StoredUsage(requests, input_tokens, output_tokens)
