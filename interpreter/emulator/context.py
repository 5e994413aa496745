"""State of one running emulator, shared by its routes (no route imports another; every route imports this).

:class:`EmulatorContext` holds what every emulated API shares (accepted keys, speed-up, catalog, clocks) and one
sub-context per API family: :class:`RealtimeContext` (the WebSocket route) and :class:`HttpContext` (the HTTP
routes). Each sub-context has its own faults, records and counters, so a test injecting an HTTP fault never disturbs
a realtime session and the other way round.

Threads: the emulator's loop thread mutates the context; tests read it (and change faults, or switch recording on)
from their own thread. Faults, records and stats are thread-safe; everything else is set once at construction.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from aiohttp import web

from interpreter.core.catalog import Catalog, load_catalog
from interpreter.emulator.faults import RealtimeFaults, ServerStats
from interpreter.emulator.http.faults import HttpFaults
from interpreter.emulator.http.ratelimit import RateLimiter
from interpreter.emulator.http.records import HttpRecords, HttpStats
from interpreter.emulator.records import RealtimeRecords
from interpreter.emulator.script import Utterance


class TextForm(StrEnum):
    """How ``response.text.text`` (text-only translation) is shaped — the service's docs disagree (spec §1.6 [!]).

    STASH: ``text`` = confirmed translation so far + ``stash`` = tentative tail (like ``audio_transcript.text``).
    CUMULATIVE: ``text`` = whole translation so far, no ``stash`` key.
    INCREMENTAL: ``text`` = only the newly added fragment, no ``stash`` key (the doc's "增量文本片段" wording).
    """

    STASH = "stash"
    CUMULATIVE = "cumulative"
    INCREMENTAL = "incremental"


class TranscriptForm(StrEnum):
    """Where file translation (chat completions with audio output) puts the translated text — spec §3 [!].

    CONTENT: ``delta.content`` only (the documented form).
    AUDIO_TRANSCRIPT: ``delta.audio.transcript`` only when audio is requested (the Omni convention some samples read);
        text-only answers still use ``delta.content``.
    BOTH: both fields carry the same text.
    """

    CONTENT = "content"
    AUDIO_TRANSCRIPT = "audio_transcript"
    BOTH = "both"


@dataclass
class RealtimeContext:
    """State of the realtime WebSocket route (``/api-ws/v1/realtime``).

    Attributes:
        script: scripted utterances, or empty for default demo content.
        text_form: shape of ``response.text.text`` events.
        faults: WebSocket fault injection (thread-safe, changeable while running).
        records: what each connection sent and received (opt-in: ``records.enabled``).
        stats: handshake/connection counters (always kept: a few integers).
        active: open WebSockets (closed with 1001 when the emulator stops).
    """

    script: Sequence[Utterance] = ()
    text_form: TextForm = TextForm.STASH
    faults: RealtimeFaults = field(default_factory=RealtimeFaults)
    records: RealtimeRecords = field(default_factory=RealtimeRecords)
    stats: ServerStats = field(default_factory=ServerStats)
    active: set[web.WebSocketResponse] = field(default_factory=set)
    active_tasks: set[asyncio.Task[None]] = field(default_factory=set)


@dataclass
class HttpContext:
    """State of the HTTP routes (``/compatible-mode/v1/...`` and, later, ``/api/v1/...``).

    Attributes:
        faults: HTTP fault injection, including the switch for the per-model rate limits (thread-safe).
        records: one entry per request (opt-in: ``records.enabled``).
        stats: request counters by status (always kept).
        limiter: per-model request/token windows, consulted only while ``faults.rate_limits`` is on.
        transcript_form: where translated text goes in file-translation answers with audio (spec §3 [!]).
    """

    faults: HttpFaults = field(default_factory=HttpFaults)
    records: HttpRecords = field(default_factory=HttpRecords)
    stats: HttpStats = field(default_factory=HttpStats)
    limiter: RateLimiter = field(default_factory=RateLimiter)
    transcript_form: TranscriptForm = TranscriptForm.CONTENT


@dataclass
class EmulatorContext:
    """What every emulated API of one emulator shares.

    Attributes:
        api_keys: keys accepted as ``Authorization: Bearer <key>`` (realtime and HTTP alike).
        speed: emulated time runs this many times faster than wall time (pacing of responses).
        catalog: models, languages and voices (the packaged catalog).
        wall_clock: seconds since the epoch, for ``created`` fields and record timestamps.
        monotonic: a monotonic clock in seconds, for rate-limit windows (tests may substitute a fake one).
        realtime: the WebSocket route's state.
        http: the HTTP routes' state.
    """

    api_keys: frozenset[str]
    speed: float = 1.0
    catalog: Catalog = field(default_factory=load_catalog)
    wall_clock: Callable[[], float] = time.time
    monotonic: Callable[[], float] = time.monotonic
    realtime: RealtimeContext = field(default_factory=RealtimeContext)
    http: HttpContext = field(default_factory=HttpContext)


CONTEXT_KEY = web.AppKey("emulator_context", EmulatorContext)
