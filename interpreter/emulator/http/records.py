"""What the HTTP routes saw, for test and benchmark assertions (thread-safe, read from any thread).

:class:`HttpStats` (a few counters) is always kept. :class:`HttpRecords` keeps one :class:`HttpRequestRecord` per
request only when enabled (opt-in, for tests): timestamps, model, sizes, outcome, and a SHA-256 of the media the
request carried, so a test can prove "no segment was requested twice". The media itself is never kept.

With a ``log_path`` (``live-interpreter emulator --request-log FILE``), every finished request is also appended to
that file as one JSON line, so a benchmark that runs the emulator in another process can count re-requests.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class HttpRequestRecord:
    """One HTTP request.

    Attributes:
        index: 0-based request number among the recorded ones.
        received_at: wall-clock time (epoch seconds) the request arrived.
        method, path: the request line.
        model: the ``model`` field (None if the body had none or was unreadable).
        body_bytes: size of the request body.
        media_bytes: decoded size of the input media (0 when none).
        content_sha256: SHA-256 (hex) of the decoded input media, or None when the request carried none.
        stream: whether the client asked for a stream.
        status: HTTP status answered (200 for a stream that started, even if it was cut later).
        error_code: the compat ``error.code`` when the request failed (also for a mid-stream error).
        finish_reason: ``stop`` / ``length`` of a completed answer.
        chunks_sent: SSE chunks written (``[DONE]`` not counted).
        cut: the stream was cut by a fault (connection aborted or mid-stream error).
        prompt_tokens, completion_tokens: the usage of the answer (0 when none).
        finished_at: wall-clock time the answer ended (None while it is still streaming).
    """

    index: int
    received_at: float
    method: str
    path: str
    model: str | None = None
    body_bytes: int = 0
    media_bytes: int = 0
    content_sha256: str | None = None
    stream: bool = False
    status: int | None = None
    error_code: str | None = None
    finish_reason: str | None = None
    chunks_sent: int = 0
    cut: bool = False
    prompt_tokens: int = 0
    completion_tokens: int = 0
    finished_at: float | None = None


class HttpRecords:
    """The records of HTTP requests, when enabled (switchable at any time; applies to requests arriving later).

    Args:
        enabled: keep a record per request.
        log_path: also append each finished record to this file as a JSON line (implies ``enabled``).
    """

    def __init__(self, enabled: bool = False, log_path: Path | None = None) -> None:
        self.enabled = enabled or log_path is not None
        self._log_path = log_path
        self._lock = threading.Lock()
        self._requests: list[HttpRequestRecord] = []

    def finished(self, record: HttpRequestRecord) -> None:
        """Called once a request's answer has ended: appends it to the log file, if there is one.

        A log line is small (no media), so writing it on the emulator's loop costs microseconds.
        """
        if self._log_path is None:
            return
        line = json.dumps(dataclasses.asdict(record), separators=(",", ":")) + "\n"
        with self._lock, self._log_path.open("a", encoding="utf-8") as log:
            log.write(line)

    def new_request(self, received_at: float, method: str, path: str) -> HttpRequestRecord | None:
        """A new record, or None while recording is off."""
        if not self.enabled:
            return None
        with self._lock:
            record = HttpRequestRecord(index=len(self._requests), received_at=received_at, method=method, path=path)
            self._requests.append(record)
            return record

    @property
    def requests(self) -> list[HttpRequestRecord]:
        """Every recorded request, oldest first (a copy of the list; records are live while a stream runs)."""
        with self._lock:
            return list(self._requests)

    def completed_content_hashes(self) -> list[str]:
        """Media hashes of requests answered in full (status 200, not cut), in arrival order.

        A hash appearing twice means a client paid twice for the same input.
        """
        return [
            r.content_sha256
            for r in self.requests
            if r.content_sha256 is not None and r.status == 200 and not r.cut and r.finish_reason is not None
        ]


@dataclass
class HttpStats:
    """Always-on counters: requests, answers by status, rate-limit rejections, streams cut by faults."""

    requests: int = 0
    rate_limited: int = 0
    streams_cut: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count_request(self) -> None:
        with self._lock:
            self.requests += 1

    def count_status(self, status: int) -> None:
        with self._lock:
            self.statuses[status] += 1

    def count(self, name: str) -> None:
        """Increment the integer counter ``name`` by one."""
        with self._lock:
            setattr(self, name, getattr(self, name) + 1)
