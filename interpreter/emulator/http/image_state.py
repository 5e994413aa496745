"""State of the emulated temporary uploads (spec §2.2) and qwen-mt-image tasks (spec §6), shared by their routes.

Lives in ``EmulatorContext.http.images``. The emulator's loop thread mutates it; tests read counters and change
faults from their own thread, so every mutable part sits behind a lock.

Faults (:class:`ImageTaskFaults`, changeable while running, e.g. ``images.faults.update(fail_next=1)``): FAILED
tasks, 429 on submit, slow tasks, an expired result URL, "No text detected", and the documented limits (1 submit/s).
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from interpreter.emulator.faults import LiveSettings

#: A task waits this long (emulated seconds) in PENDING before it may run: the service's queueing delay.
DEFAULT_PENDING_S = 1.0
#: A task runs this long (emulated seconds): real qwen-mt-image tasks take ~5-7 s (spec §6 sample times).
DEFAULT_RUNNING_S = 5.0
#: Tasks the account may have RUNNING at once (spec §8.3: 2 concurrent tasks); more wait in PENDING.
RUNNING_SLOTS = 2
#: Result URLs and task data live 24 h (spec §6), in emulated seconds.
RESULT_TTL_S = 24 * 3600.0


@dataclass(frozen=True)
class ImageTaskFaultSettings:
    """One consistent set of image-task faults (the defaults inject nothing).

    Attributes:
        fail_next: the next N tasks end FAILED with ``fail_code``/``fail_message`` (decremented per task).
        fail_code, fail_message: of those failures (spec §6 sample: ``InternalError``).
        throttle_next: the next N submits are answered 429 ``Throttling.RateQuota`` + ``Retry-After``.
        retry_after_s: that ``Retry-After``.
        slow_factor: tasks run this many times longer (a slow service).
        pending_s, running_s: emulated seconds a task spends PENDING (at least) and RUNNING.
        result_ttl_s: emulated seconds a result URL stays valid (0 = already expired when the task ends).
        no_text: tasks succeed with ``"message": "No text detected for translation"`` (billed, picture unchanged).
        enforce_limits: refuse a submit arriving within 1 s of the previous one with 429 (the documented limit,
            spec §8.3; arrivals up to 0.25 s early are tolerated as loop jitter).
    """

    fail_next: int = 0
    fail_code: str = "InternalError"
    fail_message: str = "An internal error has occured, try again later or contact service support."
    throttle_next: int = 0
    retry_after_s: int = 1
    slow_factor: float = 1.0
    pending_s: float = DEFAULT_PENDING_S
    running_s: float = DEFAULT_RUNNING_S
    result_ttl_s: float = RESULT_TTL_S
    no_text: bool = False
    enforce_limits: bool = False

    def __post_init__(self) -> None:
        for name in ("fail_next", "throttle_next", "retry_after_s", "pending_s", "running_s", "result_ttl_s"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.slow_factor <= 0:
            raise ValueError("slow_factor must be positive")


class ImageTaskFaults(LiveSettings[ImageTaskFaultSettings]):
    """Thread-safe, mutable image-task faults (see :class:`ImageTaskFaultSettings`)."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(ImageTaskFaultSettings(**settings))

    def take_throttle(self) -> ImageTaskFaultSettings | None:
        """Consume one injected 429 if any is left; returns the settings to answer with, else None."""
        with self._lock:
            settings = self._settings
            if settings.throttle_next <= 0:
                return None
            self._settings = dataclasses.replace(settings, throttle_next=settings.throttle_next - 1)
            return settings

    def take_failure(self) -> ImageTaskFaultSettings | None:
        """Consume one injected task failure if any is left."""
        with self._lock:
            settings = self._settings
            if settings.fail_next <= 0:
                return None
            self._settings = dataclasses.replace(settings, fail_next=settings.fail_next - 1)
            return settings


class TaskStatus(StrEnum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELED = "CANCELED"
    UNKNOWN = "UNKNOWN"


FINAL_STATUSES = frozenset({TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELED})


@dataclass
class UploadPolicy:
    """A getPolicy answer the emulator handed out (the upload host checks uploads against it)."""

    upload_dir: str
    model: str
    api_key: str
    expires_at: float  # wall-clock epoch seconds


@dataclass
class StoredObject:
    """A file uploaded to the emulated OSS bucket."""

    key: str
    content: bytes
    content_type: str
    model: str
    api_key: str
    field_order: tuple[str, ...]


@dataclass
class ImageTask:
    """One qwen-mt-image task. Times are wall-clock epoch seconds (formatted in answers)."""

    task_id: str
    api_key: str
    source_lang: str
    target_lang: str
    image: bytes
    options: dict[str, Any]
    submit_time: float
    status: TaskStatus = TaskStatus.PENDING
    scheduled_time: float | None = None
    end_time: float | None = None
    code: str | None = None
    message: str | None = None
    result_token: str | None = None
    result_expires_at: float | None = None
    no_text: bool = False


@dataclass
class ImageApiStats:
    """Counters for assertions: submits, polls per task, the most tasks unfinished/running at once."""

    submits: int = 0
    throttled: int = 0
    cancels: int = 0
    uploads: int = 0
    result_downloads: int = 0
    max_unfinished: int = 0
    max_running: int = 0
    polls: Counter[str] = field(default_factory=Counter)
    poll_times: dict[str, list[float]] = field(default_factory=dict)


class ImageApiState:
    """Policies, uploaded objects, tasks, results and faults of the image APIs (thread-safe)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.faults = ImageTaskFaults()
        self.stats = ImageApiStats()
        self.policies: dict[str, UploadPolicy] = {}
        self.objects: dict[str, StoredObject] = {}
        self.tasks: dict[str, ImageTask] = {}
        self.results: dict[str, bytes] = {}
        self.last_submit_at: float | None = None

    def task(self, task_id: str) -> ImageTask | None:
        with self.lock:
            return self.tasks.get(task_id)

    def count_unfinished(self) -> None:
        """Update the high-water marks after a status change (call with the lock held)."""
        unfinished = sum(t.status not in FINAL_STATUSES for t in self.tasks.values())
        running = sum(t.status is TaskStatus.RUNNING for t in self.tasks.values())
        self.stats.max_unfinished = max(self.stats.max_unfinished, unfinished)
        self.stats.max_running = max(self.stats.max_running, running)

    def submit_ids(self) -> list[str]:
        """Task ids in submission order (for "was anything submitted twice" assertions)."""
        with self.lock:
            return list(self.tasks)
