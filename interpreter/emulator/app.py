"""The emulator's aiohttp application: shared state plus routes.

One :class:`web.Application` serves every emulated API on one port. The realtime WebSocket route lives in
:mod:`interpreter.emulator.realtime`; HTTP APIs (file translation, MT, OCR, uploads) register their routes here in
:func:`build_app` when they are added.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from aiohttp import web

from interpreter.core.catalog import Catalog, load_catalog
from interpreter.emulator.faults import Faults, ServerStats
from interpreter.emulator.records import SessionRecord
from interpreter.emulator.script import Utterance

REALTIME_PATH = "/api-ws/v1/realtime"


class TextForm(StrEnum):
    """How ``response.text.text`` (text-only translation) is shaped — the service's docs disagree (spec §1.6 [!]).

    STASH: ``text`` = confirmed translation so far + ``stash`` = tentative tail (like ``audio_transcript.text``).
    CUMULATIVE: ``text`` = whole translation so far, no ``stash`` key.
    INCREMENTAL: ``text`` = only the newly added fragment, no ``stash`` key (the doc's "增量文本片段" wording).
    """

    STASH = "stash"
    CUMULATIVE = "cumulative"
    INCREMENTAL = "incremental"


@dataclass
class EmulatorContext:
    """State shared by every connection of one emulator (mutated on the emulator's loop only, except the
    thread-safe ``faults``/``stats`` and the append-only ``sessions`` list).

    Attributes:
        api_keys: keys accepted as ``Authorization: Bearer <key>``.
        speed: emulated time runs this many times faster than wall time (pacing of responses).
        script: scripted utterances, or empty for default demo content.
        text_form: shape of ``response.text.text`` events.
    """

    api_keys: frozenset[str]
    speed: float = 1.0
    script: Sequence[Utterance] = ()
    text_form: TextForm = TextForm.STASH
    faults: Faults = field(default_factory=Faults)
    stats: ServerStats = field(default_factory=ServerStats)
    catalog: Catalog = field(default_factory=load_catalog)
    sessions: list[SessionRecord] = field(default_factory=list)
    active: set[web.WebSocketResponse] = field(default_factory=set)
    active_tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _sessions_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def new_record(self, model: str) -> SessionRecord:
        with self._sessions_lock:
            record = SessionRecord(index=len(self.sessions), model=model)
            self.sessions.append(record)
            return record


CONTEXT_KEY = web.AppKey("emulator_context", EmulatorContext)


def build_app(context: EmulatorContext) -> web.Application:
    """The aiohttp application with every emulated route."""
    from interpreter.emulator.realtime import realtime_handler

    app = web.Application()
    app[CONTEXT_KEY] = context
    app.router.add_get(REALTIME_PATH, realtime_handler)
    return app
