"""File translation: audio and video files in, subtitles, text, dubbed WAV and MP4 out (Qt-free; the Files tab's
view-model and the ``translate`` command both drive it).

Flow of one batch::

    add_files(paths, options)      probe, hash, plan segments at pauses, estimate cost; a bad file becomes a failed
                                   job with one sentence and the rest go on
    run() / start(job_ids)         N workers (N = concurrency) take segments of all jobs in order:
        encode clip (worker thread) -> limiter slot -> store: requested -> HTTP stream -> store: done + result
                                   -> when a job's last segment is done: outputs written (worker thread), job done
    pause / cancel / retry_failed / remove

Rules this module keeps:

- ONE :class:`ApiLimiter` for every segment of every job (100 requests/min, 100 000 tokens/min); a 429 with
  ``Retry-After`` pauses the limiter (every worker waits, no 429 storm) and the segment is tried again.
- Network errors, 5xx and streams cut mid-way are retried with backoff, at most ``max_attempts`` requests per segment
  per run; then the segment and its job fail with the reason and the rest of the batch goes on. A cut stream's
  partial answer is discarded (the transport never returns it), so nothing is stored twice.
- A wrong key, a denied model or an exhausted quota stops the whole batch with one sentence
  (:class:`BatchStopped`); running jobs go back to queued, so the next run continues them.
- The store records ``requested`` before a request goes out and ``done`` together with the result, so a crash never
  loses a paid result and a done segment is never requested again (:mod:`interpreter.store.jobs`).
- Pause stops sending a job's segments but lets requests already in flight finish (they are being paid for);
  cancel aborts them too. Outputs are written only when every segment is done; a failed or cancelled job leaves none
  of this run's output files (:class:`~interpreter.services.file_outputs.OutputSet`).

Threads: everything here runs on the event-loop thread except blocking work, which goes to worker threads:
store calls to ONE dedicated thread (``job-store``; SQLite has one writer anyway and calls stay in order), media work
(probing, hashing, encoding, output writing) to ``asyncio.to_thread``. Output writing reads the stored PCM back one
segment at a time (the store is lock-protected), so memory stays flat for an hour of video.

Events go to plain listeners (:meth:`FileTranslationService.add_listener`), called on the loop thread; they are
defined in :mod:`.file_events` (re-exported here), the request body in :mod:`.file_requests`, media work in
:mod:`.file_media` and output naming/writing in :mod:`.file_outputs`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from interpreter.core.catalog import Catalog, load_catalog
from interpreter.core.cost import Estimate, Pricing, TokenCounts, estimate_file_translation, load_pricing
from interpreter.core.jobs import (
    FILE_TRANSLATION_MODEL,
    CostEstimate,
    FileTranslationOptions,
    Job,
    JobKind,
    JobSegment,
    JobState,
    OutputFormat,
    SegmentState,
    Usage,
    batch_progress,
    batch_usage,
)
from interpreter.core.messages import LanguageName
from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    InterpreterError,
    MediaError,
    MediaFileError,
    NetworkError,
    ProtocolError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
    StorageError,
)
from interpreter.protocol.chat_stream import ChatResult
from interpreter.protocol.retry import backoff
from interpreter.services import texts
from interpreter.services.file_events import (
    BatchProgress,
    BatchStopped,
    BatchSummary,
    FileTranslationEvent,
    HistoryAvailable,
    JobRemoved,
    JobUpdated,
    Listener,
)
from interpreter.services.file_media import FileMedia, MediaPipeline
from interpreter.services.file_outputs import OutputSet, check_writable, output_folder, output_paths
from interpreter.services.file_requests import ChatCompletionClient, data_url, request_payload, usage_of
from interpreter.services.limiter import ApiLimiter
from interpreter.store.jobs import JobStore

__all__ = [
    "BatchProgress",
    "BatchStopped",
    "BatchSummary",
    "ChatCompletionClient",
    "FileTranslationEvent",
    "FileTranslationService",
    "HistoryAvailable",
    "JobRemoved",
    "JobUpdated",
    "Listener",
    "content_hash",
    "request_payload",
]

_log = logging.getLogger(__name__)

T = TypeVar("T")

#: Requests per segment per run before it fails (the first try plus three retries): a server that fails four times
#: in a row, seconds apart, is down for now; the user can "retry failed" later without losing done segments.
DEFAULT_MAX_ATTEMPTS = 4

#: 429 answers tolerated per segment per run. They do not count as attempts (the limiter pauses and the request is
#: made again), but a service that throttles forever must not hang the batch.
MAX_RATE_LIMIT_RETRIES = 8

#: Pause after a 429 without ``Retry-After``: the service's limits recover "within about a minute" (spec §8.3),
#: and its RPS check is RPM/60, so a few seconds usually suffice; the backoff grows from here.
_RATE_LIMIT_FALLBACK_S = 2.0

#: Hashing reads files in 1 MiB chunks: memory stays flat for a 4-hour file.
_HASH_CHUNK = 1 << 20
# Clip encodes at once, whatever the request concurrency: each PyAV encode holds a decoder, an encoder and their
# frame pools (tens of MB for video), and the request phase is bound by the service's token limit, not by encoding
# (bench_files: concurrency 8 peaked at 304 MB with every worker encoding at once, 178 MB at concurrency 1). Two keep
# a clip ready for the next free slot on a 2-core machine.
MAX_PARALLEL_ENCODES = 2

#: The date suffix of a model snapshot name (``qwen3-livetranslate-flash-2025-12-01``).
_DATED_SNAPSHOT = re.compile(r"-\d{4}-\d{2}-\d{2}$")

#: Region used for prices when the caller does not say (the app's default region).
DEFAULT_REGION = "singapore"


def content_hash(path: Path) -> str:
    """SHA-256 of a file's bytes (hex, first 32 digits), read in chunks. Blocking.

    Raises:
        OSError: the file cannot be read.
    """
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()[:32]


# ------------------------------------------------------------------------------------------------------ the service


class FileTranslationService:
    """Translate audio/video files as persistent jobs (see the module docstring).

    Args:
        client: the HTTP client (``transport.http.HttpClient``) for the file-translation endpoint.
        store: job records; default a :class:`JobStore` in the data folder (opened on first use, in the store
            thread).
        limiter: the one limiter for this API; default 100 RPM / 100 000 TPM with ``concurrency`` slots.
        media: probing, planning, encoding and output media work; default the real PyAV pipeline.
        region: prices are looked up for this region.
        pricing: the price table (default the packaged one; the app passes the user's effective table).
        concurrency: segments in flight at once (``FileTranslationOptions.concurrency`` of the last added batch
            replaces it).
        max_attempts: requests per segment per run before it fails (429s are counted separately).
        retry_delays: makes a fresh iterator of waits between retries (tests pass short ones).
        catalog: languages and voices.
    """

    def __init__(
        self,
        client: ChatCompletionClient,
        *,
        store: JobStore | None = None,
        limiter: ApiLimiter | None = None,
        media: MediaPipeline | None = None,
        region: str = DEFAULT_REGION,
        pricing: Pricing | None = None,
        concurrency: int = 4,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        retry_delays: Callable[[], Iterator[float]] = backoff,
        catalog: Catalog | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self._owns_store = store is None
        self._concurrency = concurrency
        self._owns_limiter = limiter is None
        self._limiter = limiter if limiter is not None else _file_limiter(concurrency)
        self._media = media if media is not None else FileMedia()
        self._encodes = asyncio.Semaphore(MAX_PARALLEL_ENCODES)
        self._region = region
        self._pricing = pricing or load_pricing()
        self._max_attempts = max(1, max_attempts)
        self._retry_delays = retry_delays
        self._catalog = catalog or load_catalog()
        # One thread for every store call: SQLite has a single writer anyway, and calls stay in program order.
        self._store_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="job-store")
        self._jobs: dict[int, Job] = {}
        self._history: dict[int, Job] = {}
        self._listeners: list[Listener] = []
        self._inflight: dict[tuple[int, int], asyncio.Task[None]] = {}
        self._finalizing: dict[int, asyncio.Task[None]] = {}
        self._taken: set[tuple[int, int]] = set()
        self._busy = 0  # workers inside _take_work or _do
        self._wake = asyncio.Event()
        self._running: asyncio.Task[BatchSummary] | None = None
        self._stopped: InterpreterError | None = None
        self._requests = 0

    # -------------------------------------------------------------------------------------------------- listeners

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(event)`` for every event (on the loop thread); returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: FileTranslationEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken view must not stop a batch that is spending the user's money
                _log.exception("file translation listener failed on %s", type(event).__name__)

    def _publish(self, job: Job) -> Job:
        self._jobs[job.id] = job
        self._emit(JobUpdated(job))
        self._emit(self._batch_progress())
        return job

    def _batch_progress(self) -> BatchProgress:
        jobs = list(self._jobs.values())
        usage = batch_usage(jobs)
        return BatchProgress(
            progress=batch_progress(jobs),
            usage=usage,
            cost=self.cost_of(usage),
            jobs_total=len(jobs),
            jobs_done=sum(1 for j in jobs if j.state == JobState.DONE),
            jobs_failed=sum(1 for j in jobs if j.state == JobState.FAILED),
        )

    def cost_of(self, usage: Usage, model: str | None = None) -> Estimate:
        """Money for ``usage`` at this service's prices."""
        counts = TokenCounts.from_json(usage.as_openai_json())
        return self._pricing.estimate(counts, _priced_model(model or FILE_TRANSLATION_MODEL), self._region)

    # -------------------------------------------------------------------------------------------------- store

    async def _db(self, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._store_thread, functools.partial(self._in_store, call, args, kwargs))

    def _in_store(self, call: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        if self._store is None:
            self._store = JobStore()
        return call(self._store, *args, **kwargs)

    # -------------------------------------------------------------------------------------------------- queries

    @property
    def jobs(self) -> list[Job]:
        """Snapshots of every job held, in id order."""
        return [self._jobs[i] for i in sorted(self._jobs)]

    def job(self, job_id: int) -> Job | None:
        return self._jobs.get(job_id)

    @property
    def limiter(self) -> ApiLimiter:
        """The one limiter every request of this service goes through (its ``stats`` feed benchmarks)."""
        return self._limiter

    @property
    def is_running(self) -> bool:
        return self._running is not None and not self._running.done()

    def history_match(self, job_id: int) -> Job | None:
        """The earlier finished job of the same file and settings, when there is one."""
        return self._history.get(job_id)

    async def restore(self) -> list[Job]:
        """Load the stored unfinished jobs (queued, running, paused, failed) at start-up; returns those interrupted
        while running, to offer a resume.

        Interrupted jobs stay ``running`` in the list: :meth:`start` or :meth:`run` resumes them, :meth:`pause` puts
        them aside. Done and cancelled jobs stay in the store only as history (:class:`HistoryAvailable`).
        """
        unfinished = [JobState.QUEUED, JobState.RUNNING, JobState.PAUSED, JobState.FAILED]
        stored = await self._db(JobStore.list_jobs, unfinished)
        for job in stored:
            self._jobs[job.id] = job
        self._emit(self._batch_progress())
        return [job for job in stored if job.state == JobState.RUNNING]

    # -------------------------------------------------------------------------------------------------- adding

    async def add_files(self, paths: Iterable[str | os.PathLike[str]], options: FileTranslationOptions) -> list[Job]:
        """Add one job per file (folders are expanded to the media files inside, sorted).

        Each file is probed, hashed and planned in worker threads; a file that cannot be used becomes a FAILED job
        whose ``error`` is one sentence naming it, and the others are added normally.

        Adding a file that already has an unfinished job with the same settings (a rerun after a crash or Ctrl+C)
        returns that job, queued again, instead of a new one: it resumes where it stopped. A file already translated
        with the same settings gets a new job plus a :class:`HistoryAvailable` offer (see :meth:`use_history`).

        Raises:
            ConfigError: the options cannot work for any file (unknown language, a voice that cannot speak the
                target language); nothing is added.
        """
        self._voice_for(options)  # validates the options before any file is touched
        self._set_concurrency(options.concurrency)
        added: list[Job] = []
        for path in await asyncio.to_thread(self._media.expand_inputs, [Path(p) for p in paths]):
            job = await self._prepare(path, options)
            if isinstance(job, int):
                added.append(await self._requeue(job))
                continue
            stored = await self._db(JobStore.create_job, job)
            added.append(self._publish(stored))
            if stored.state == JobState.QUEUED:
                previous = await self._db(JobStore.find_finished, stored.content_hash, stored.options_hash)
                if previous is not None and previous.id != stored.id:
                    self._history[stored.id] = previous
                    self._emit(HistoryAvailable(stored.id, previous))
        self._wake.set()
        return added

    def _set_concurrency(self, concurrency: int) -> None:
        self._concurrency = concurrency
        # A limiter we made is replaced only while idle (a new one forgets a Retry-After pause and the minute's
        # count); a limiter given to us is the caller's to size.
        if self._owns_limiter and not self.is_running and self._limiter.in_flight == 0:
            self._limiter = _file_limiter(concurrency)

    async def _prepare(self, path: Path, options: FileTranslationOptions) -> Job | int:
        """A new job for ``path`` (FAILED with one sentence when the file cannot be used), or the id of an
        unfinished job of the same file and settings to resume."""
        blank = Job(0, str(path), "", options)
        try:
            info = await asyncio.to_thread(self._media.probe, path)
            folder = output_folder(path, options.out_dir)
            try:
                await asyncio.to_thread(check_writable, folder)
            except StorageError as exc:
                raise StorageError(
                    texts.FILE_PROBLEM(file=path.name, reason=exc.user_message), detail=exc.detail
                ) from exc
            digest = await asyncio.to_thread(_hash_or_explain, path)
            existing = self._unfinished_job(str(path), digest, options.options_hash())
            if existing is not None:
                return existing
            spans = await asyncio.to_thread(self._media.plan, path, info)
        except (MediaError, StorageError) as exc:
            _log.info("file translation: %s not added: %s", path, exc)
            return replace(blank, state=JobState.FAILED, error=exc.user_message)
        kind = JobKind.VIDEO if info.has_video else JobKind.AUDIO
        segments = tuple(
            JobSegment(index=i, start_ms=s.start_ms, end_ms=s.end_ms, speech=tuple(s.speech))
            for i, s in enumerate(spans)
        )
        estimate = estimate_file_translation(
            [s.duration_ms / 1000 for s in segments],
            region=self._region,
            audio_output=options.wants_audio,
            video_size=self._media.clip_size(info) if kind == JobKind.VIDEO else None,
            model=_priced_model(options.model),
            pricing=self._pricing,
        )
        return replace(
            blank,
            content_hash=digest,
            kind=kind,
            duration_ms=round((info.duration_s or 0.0) * 1000),
            segments=segments,
            estimate=CostEstimate(
                input_tokens=estimate.tokens.input_total,
                output_tokens=estimate.tokens.output_total,
                amount=str(estimate.amount),
                currency=estimate.currency,
                priced=estimate.priced,
            ),
        )

    def _unfinished_job(self, input_path: str, digest: str, options_hash: str) -> int | None:
        for job in self.jobs:
            if (
                job.input_path == input_path
                and job.content_hash == digest
                and job.options_hash == options_hash
                and job.state not in (JobState.DONE, JobState.CANCELLED)
                and job.segments
            ):
                return job.id
        return None

    async def _requeue(self, job_id: int) -> Job:
        """Queue a held job again (paused or failed); an interrupted running job stays running."""
        job = self._jobs[job_id]
        if job.state == JobState.FAILED:
            await self._db(JobStore.reset_failed_segments, job_id)
            job = await self._db(JobStore.set_state, job_id, JobState.QUEUED, error="")
        elif job.state == JobState.PAUSED:
            job = await self._db(JobStore.set_state, job_id, JobState.QUEUED)
        return self._publish(job)

    def _voice_for(self, options: FileTranslationOptions) -> str:
        """The voice a request asks for; validates the options against the catalog.

        Raises:
            ConfigError: unknown target/source language, or a voice that cannot speak the target language.
        """
        # The file model speaks the languages and voices of its realtime sibling (catalog.json "file_models":
        # "languages_from"); a dated snapshot name ("...-2025-12-01") is the same model.
        base = _DATED_SNAPSHOT.sub("", options.model)
        model = self._catalog.model(f"{base}-realtime") or self._catalog.model(options.model)
        if model is None:
            raise ConfigError(texts.MODEL_UNKNOWN(model=options.model), field="model")
        if not model.supports_language(options.target):
            raise ConfigError(
                texts.TARGET_NOT_SUPPORTED(
                    language=LanguageName(options.target, self._catalog.language_name(options.target))
                ),
                field="target",
            )
        if options.source and not model.supports_language(options.source):
            raise ConfigError(
                texts.SOURCE_NOT_SUPPORTED(
                    language=LanguageName(options.source, self._catalog.language_name(options.source))
                ),
                field="source",
            )
        if options.text_only:
            return model.default_voice
        if not model.has_audio_output(options.target):
            raise ConfigError(
                texts.CANNOT_SPEAK_LANGUAGE(
                    language=LanguageName(options.target, self._catalog.language_name(options.target))
                ),
                field="text_only",
            )
        voice = options.voice or model.default_voice
        found = model.voice(voice)
        if found is None or not found.speaks(options.target):
            raise ConfigError(
                texts.VOICE_CANNOT_SPEAK(
                    voice=voice, language=LanguageName(options.target, self._catalog.language_name(options.target))
                ),
                field="voice",
            )
        return voice

    async def use_history(self, job_id: int) -> Job:
        """Reuse the earlier translation offered for ``job_id``: its results are copied, nothing is requested.

        The job still writes its own outputs when it runs (no segment is sent).
        """
        previous = self._history.pop(job_id, None)
        if previous is None:
            return self._jobs[job_id]
        await self._db(JobStore.adopt_results, previous.id, job_id)
        job = await self._db(JobStore.load_job, job_id)
        assert job is not None
        self._wake.set()
        return self._publish(job)

    # -------------------------------------------------------------------------------------------------- control

    async def start(self, job_ids: Sequence[int] | None = None) -> BatchSummary:
        """Queue paused (or interrupted) jobs again and run the batch until nothing is left to do.

        Args:
            job_ids: the jobs to (re)start; None = every paused job. Queued jobs run anyway.

        Returns:
            The summary of the run (see :meth:`run`).
        """
        ids = list(job_ids) if job_ids is not None else [j.id for j in self.jobs if j.state == JobState.PAUSED]
        for job_id in ids:
            job = self._jobs.get(job_id)
            if job is not None and job.state == JobState.PAUSED:
                self._publish(await self._db(JobStore.set_state, job_id, JobState.QUEUED))
        return await self.run()

    async def run(self) -> BatchSummary:
        """Run every queued (and interrupted-running) job until done, failed, paused or cancelled.

        Calling it while a run is active waits for that run. New jobs added meanwhile join the running batch.
        """
        if self._running is not None and not self._running.done():
            self._wake.set()
            return await asyncio.shield(self._running)
        self._stopped = None
        self._running = asyncio.ensure_future(self._run())
        return await asyncio.shield(self._running)

    async def pause(self, job_id: int) -> Job:
        """Send no more segments of this job; requests already in flight finish and are kept."""
        job = self._jobs[job_id]
        if job.state in (JobState.QUEUED, JobState.RUNNING):
            job = self._publish(await self._db(JobStore.set_state, job_id, JobState.PAUSED))
        return job

    async def cancel(self, job_id: int) -> Job:
        """Stop this job now: requests in flight are aborted, no output of this run stays on disk.

        Segments already done stay stored (and are reused if the same file is added again).
        """
        job = self._jobs[job_id]
        if job.finished:
            return job
        job = self._publish(await self._db(JobStore.set_state, job_id, JobState.CANCELLED))
        for (owner, _index), task in list(self._inflight.items()):
            if owner == job_id:
                task.cancel()
        finalizing = self._finalizing.get(job_id)
        if finalizing is not None:
            # Output writing runs in a thread and cannot be interrupted; wait for it: it then sees the
            # cancellation and deletes what it wrote.
            with contextlib.suppress(asyncio.CancelledError, InterpreterError):
                await asyncio.shield(finalizing)
        return self._jobs[job_id]

    async def retry_failed(self) -> list[Job]:
        """Queue every failed job again: failed segments are requested again, done ones never.

        A job that failed before it had segments (the file could not be read) is probed again from scratch.
        """
        retried: list[Job] = []
        for job in [j for j in self.jobs if j.state == JobState.FAILED]:
            if not job.segments:
                await self.remove(job.id)
                retried.extend(await self.add_files([job.input_path], job.options))
                continue
            retried.append(await self._requeue(job.id))
        self._wake.set()
        return retried

    async def remove(self, job_id: int) -> None:
        """Forget a job (cancelled first when active) and delete its stored results."""
        job = self._jobs.get(job_id)
        if job is not None and not job.finished:
            await self.cancel(job_id)
        await self._db(JobStore.delete_job, job_id)
        self._jobs.pop(job_id, None)
        self._history.pop(job_id, None)
        self._emit(JobRemoved(job_id))
        self._emit(self._batch_progress())

    async def aclose(self) -> None:
        """Stop a running batch (jobs stay resumable), then close the store and its thread."""
        if self._running is not None and not self._running.done():
            self._running.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._running
        if self._owns_store and self._store is not None:
            await self._db(JobStore.close)
        self._store_thread.shutdown(wait=True)

    # -------------------------------------------------------------------------------------------------- the run

    async def _run(self) -> BatchSummary:
        started = time.monotonic()
        # The store is the truth: a write that finished after its task was cancelled (a stop, a cancel) is seen.
        for job_id in list(self._jobs):
            fresh = await self._db(JobStore.load_job, job_id)
            if fresh is not None:
                self._jobs[job_id] = fresh
        requests_before = self._requests
        workers = [asyncio.create_task(self._worker(), name=f"file-translation-{i}") for i in range(self._concurrency)]
        try:
            await asyncio.gather(*workers)
        except BaseException:
            for worker in workers:
                worker.cancel()
            for task in list(self._inflight.values()):
                task.cancel()
            await asyncio.gather(*workers, *self._inflight.values(), return_exceptions=True)
            raise
        finally:
            self._taken.clear()
        usage = batch_usage(self._jobs.values())
        return BatchSummary(
            jobs=tuple(self.jobs),
            requests=self._requests - requests_before,
            usage=usage,
            cost=self.cost_of(usage),
            elapsed_s=time.monotonic() - started,
            stopped=None if self._stopped is None else self._stopped.user_message,
        )

    async def _worker(self) -> None:
        """Take work until none is left and no other worker is busy (a busy one may still make work: a job's last
        segment makes its outputs due; jobs added or restarted mid-run wake the idle workers)."""
        while True:
            self._busy += 1
            try:
                work = await self._take_work()
                if work is not None:
                    await self._do(*work)
                    continue
            finally:
                self._busy -= 1
            if self._busy == 0:
                self._wake.set()  # let the idle workers see that the batch is over
                return
            self._wake.clear()
            await self._wake.wait()

    async def _do(self, job_id: int, index: int | None) -> None:
        """Run one piece of work in its own task, so cancelling a job cancels the task, not the worker."""
        key = None if index is None else (job_id, index)
        if key is None:
            task = asyncio.create_task(self._finalize(job_id))
            self._finalizing[job_id] = task
        else:
            assert index is not None
            task = asyncio.create_task(self._segment(job_id, index))
            self._inflight[key] = task
        try:
            await asyncio.wait({task})
        except asyncio.CancelledError:
            # The worker is being stopped (a stop, aclose): its piece of work stops too. Without this the task
            # would outlive the batch (it is no longer in _inflight for _run to cancel) and send a request after
            # the store closed.
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
            raise
        finally:
            if key is None:
                self._finalizing.pop(job_id, None)
            else:
                self._inflight.pop(key, None)
                self._taken.discard(key)
            self._wake.set()
        if not task.cancelled():
            exc = task.exception()
            if exc is not None:
                raise exc  # a bug: surface it through run() instead of losing it in a task

    async def _take_work(self) -> tuple[int, int | None] | None:
        """The next segment to send (``(job_id, index)``) or job to finish (``(job_id, None)``), or None."""
        if self._stopped is not None:
            return None
        for job in self.jobs:
            if job.state not in (JobState.QUEUED, JobState.RUNNING):
                continue
            if job.all_segments_done():
                if job.id in self._finalizing:
                    continue
                if job.state == JobState.QUEUED:
                    self._publish(await self._db(JobStore.set_state, job.id, JobState.RUNNING))
                if job.id in self._finalizing or self._jobs[job.id].state != JobState.RUNNING:
                    continue
                return job.id, None
            if any(s.state == SegmentState.FAILED for s in job.segments):
                continue  # the job is failing; the worker that failed the segment finishes it
            for segment in job.segments_to_request():
                key = (job.id, segment.index)
                if key in self._taken:
                    continue
                self._taken.add(key)
                if job.state == JobState.QUEUED:
                    self._publish(await self._db(JobStore.set_state, job.id, JobState.RUNNING))
                return key
        return None

    def _still_wanted(self, job_id: int) -> bool:
        job = self._jobs.get(job_id)
        return self._stopped is None and job is not None and job.state == JobState.RUNNING

    async def _segment(self, job_id: int, index: int) -> None:
        """Translate one segment: encode, then request with retries; store the result or fail the job."""
        job = self._jobs[job_id]
        segment = job.segments[index]
        if not self._still_wanted(job_id) or segment.state == SegmentState.DONE:
            return
        try:
            async with self._encodes:
                clip = await asyncio.to_thread(self._media.encode, Path(job.input_path), job.kind, segment)
        except MediaError as exc:
            await self._fail_segment(job_id, index, exc.user_message)
            return
        payload = request_payload(
            job.options,
            data_url(clip.data, clip.mime),
            job.kind,
            voice=self._voice_for(job.options),
            audio_format=clip.format,
        )
        del clip  # the Base64 copy in the payload is all we need from here on
        estimated = self._estimated_tokens(job, segment)
        delays = self._retry_delays()
        attempts = 0
        throttled = 0
        while self._still_wanted(job_id):
            try:
                result = await self._request(job_id, index, payload, estimated)
                if result is None:
                    return  # paused, cancelled or stopped while waiting for a slot: nothing was sent
            except RateLimitError as exc:
                throttled += 1
                if throttled > MAX_RATE_LIMIT_RETRIES:
                    await self._fail_segment(job_id, index, exc.user_message)
                    return
                wait = exc.retry_after_s if exc.retry_after_s is not None else max(_RATE_LIMIT_FALLBACK_S, next(delays))
                _log.info("file translation: 429 on job %s segment %s; pausing %.1f s", job_id, index, wait)
                self._limiter.pause_for(wait)
                continue
            except (NetworkError, ServerError, ProtocolError) as exc:
                attempts += 1
                if attempts >= self._max_attempts:
                    await self._fail_segment(job_id, index, exc.user_message)
                    return
                delay = next(delays)
                _log.info("file translation: job %s segment %s failed (%s); retry in %.1f s", job_id, index, exc, delay)
                await asyncio.sleep(delay)
                continue
            except (AuthenticationError, AccessDeniedError) as exc:
                await self._stop_batch(exc)
                return
            except RequestRejectedError as exc:
                await self._fail_segment(job_id, index, exc.user_message)
                return
            except StorageError as exc:
                await self._stop_batch(exc)
                return
            try:
                await self._store_result(job_id, index, result)
            except StorageError as exc:  # the answer is paid for but cannot be kept: nothing else should be sent
                await self._stop_batch(exc)
            return

    @staticmethod
    def _estimated_tokens(job: Job, segment: JobSegment) -> int:
        """The limiter's token estimate for one request: the job's estimate shared out by duration (the limiter
        settles on the real count afterwards, so a rough share is enough)."""
        total_ms = sum(s.duration_ms for s in job.segments) or 1
        job_tokens = job.estimate.input_tokens + job.estimate.output_tokens
        return max(1, round(job_tokens * segment.duration_ms / total_ms))

    async def _request(self, job_id: int, index: int, payload: Mapping[str, Any], estimated: int) -> ChatResult | None:
        """One request within a limiter slot; ``requested`` is stored before it goes out. None = not sent."""
        async with self._limiter.slot(estimated) as slot:
            if not self._still_wanted(job_id):
                return None
            self._update_segment(job_id, await self._db(JobStore.mark_requested, job_id, index))
            self._requests += 1
            result = await self._client.chat_completion(payload)
            slot.settle(usage_of(result.usage).total_tokens or estimated)
        return result

    async def _store_result(self, job_id: int, index: int, result: ChatResult) -> None:
        await self._db(
            JobStore.mark_segment_done,
            job_id,
            index,
            text=result.text,
            transcript=result.transcript,
            pcm=result.pcm,
            usage=usage_of(result.usage),
            finish_reason=result.finish_reason,
        )
        job = await self._db(JobStore.load_job, job_id)
        if job is not None:  # None: removed meanwhile
            self._publish(job)

    def _update_segment(self, job_id: int, segment: JobSegment) -> None:
        job = self._jobs.get(job_id)
        if job is None:
            return  # removed meanwhile
        self._publish(replace(job, segments=tuple(segment if s.index == segment.index else s for s in job.segments)))

    async def _fail_segment(self, job_id: int, index: int, message: str) -> None:
        self._update_segment(job_id, await self._db(JobStore.mark_segment_failed, job_id, index, message))
        job = self._jobs[job_id]
        if job.state in (JobState.QUEUED, JobState.RUNNING):
            sentence = f"{Path(job.input_path).name}: {message}"
            failed = await self._db(JobStore.set_state, job_id, JobState.FAILED, error=sentence)
            self._publish(failed)

    async def _stop_batch(self, error: InterpreterError) -> None:
        if self._stopped is not None:
            return
        self._stopped = error
        _log.warning("file translation: batch stopped: %s", error)
        for task in list(self._inflight.values()):
            if task is not asyncio.current_task():
                task.cancel()
        for job in self.jobs:
            if job.state == JobState.RUNNING:
                self._publish(await self._db(JobStore.set_state, job.id, JobState.QUEUED))
        self._emit(BatchStopped(error.user_message, error))
        self._wake.set()

    # -------------------------------------------------------------------------------------------------- outputs

    async def _finalize(self, job_id: int) -> None:
        """Write a finished job's outputs (worker thread) and mark it done; on failure or cancellation, none of this
        run's files stay and the stored segments are kept for a retry."""
        job = await self._db(JobStore.load_job, job_id)  # the store's segments are the ones that were paid for
        assert job is not None
        formats = job.options.effective_formats
        if job.kind != JobKind.VIDEO:
            formats = formats - {OutputFormat.MP4}
        outputs = OutputSet({})
        try:
            outputs = OutputSet(
                await asyncio.to_thread(output_paths, Path(job.input_path), job.target, formats, job.options.out_dir)
            )
            store = self._store
            assert store is not None  # opened by the store calls that planned the job
            writing = asyncio.ensure_future(asyncio.to_thread(self._media.write_outputs, job, outputs, store))
            try:
                await asyncio.shield(writing)
            except asyncio.CancelledError:
                # The thread cannot be interrupted: let it end, then take back whatever it wrote.
                with contextlib.suppress(Exception):
                    await writing
                await asyncio.to_thread(outputs.discard)
                raise
        except (StorageError, MediaError) as exc:
            await asyncio.to_thread(outputs.discard)
            if self._jobs[job_id].state == JobState.RUNNING:
                sentence = f"{Path(job.input_path).name}: {exc.user_message}"
                self._publish(await self._db(JobStore.set_state, job_id, JobState.FAILED, error=sentence))
            return
        if self._jobs[job_id].state != JobState.RUNNING:
            await asyncio.to_thread(outputs.discard)  # cancelled (or stopped) while writing: take it all back
            return
        self._publish(await self._db(JobStore.finish_job, job_id, outputs.as_strings()))


def _priced_model(model: str) -> str:
    """The price-table name of a model: a dated snapshot costs what its model costs."""
    return _DATED_SNAPSHOT.sub("", model)


def _file_limiter(concurrency: int) -> ApiLimiter:
    """The file-translation limiter: 100 requests/min, 100 000 tokens/min (spec §8.3), ``concurrency`` in flight."""
    return ApiLimiter.for_api("file-translation", max_concurrency=concurrency)


def _hash_or_explain(path: Path) -> str:
    try:
        return content_hash(path)
    except OSError as exc:
        raise MediaFileError(texts.CANNOT_READ_INPUT(file=path.name)) from exc
