"""The Gummy realtime recognition + translation task (spec §7) as a sans-I/O state machine.

Wire: client commands are JSON text frames (``run-task``, ``finish-task``), audio goes as binary frames of about
100 ms; the server answers ``task-started``, ``result-generated`` (transcription + translations with word timings and
``sentence_end``), ``task-finished`` or ``task-failed`` (after which it closes the connection).

:class:`GummySession` is driven like ``protocol.session.RealtimeSession``: the transport calls
:meth:`~GummySession.connection_opened` on every new socket, feeds each text frame to :meth:`~GummySession.receive`,
writes :meth:`~GummySession.data_to_send` and hands :meth:`~GummySession.events_received` on. Besides the typed wire
events it synthesizes the session events the LiveTranslate session produces (``SourceProgress``,
``TranslationProgress``, ``SegmentFinalized``, ``SegmentsRetracted``, ``GapMarked``), so the service layer routes
both engines alike. Times are session-relative ms (0 = first audio appended), stable across reconnects: each task's
server times are shifted by where that task's audio starts.

States::

    CONNECTING --connection_opened--> STARTING --task-started--> STREAMING --finish()--> FINISHING
        ^                                |  task-failed                                    | task-finished
        +------ connection_lost ---------+---> FAILED                           FINISHED <-+

A lost connection keeps the audio since the last finished sentence (bounded) and replays it in the next task.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from interpreter.core.gummy import GUMMY_MODEL, GummyCatalog, load_gummy_catalog
from interpreter.core.pcm import INPUT_RATE, SAMPLE_WIDTH
from interpreter.errors import ConfigError, ProtocolError
from interpreter.protocol import texts
from interpreter.protocol.session_events import (
    GapMarked,
    Segment,
    SegmentFinalized,
    SegmentsRetracted,
    SourceProgress,
    TranslationProgress,
)

FRAME_MS = 100
"""Audio per binary frame: the service's documented cadence (spec §7: ~100 ms per frame, sent every 100 ms)."""

DEFAULT_REPLAY_LIMIT_MS = 60_000
"""Audio kept for a replay after a lost connection: a sentence still open after a minute is not worth more memory."""

AUTO_SOURCE = "auto"

# ---- configuration ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GummyConfig:
    """What the user chose for a Gummy task.

    Attributes:
        target_language: the one translation target (spec §7: an array with exactly one code).
        source_language: the spoken language, None for automatic detection.
        model: the Gummy model.
        input_sample_rate: PCM rate of the appended audio (>= 16000, spec §7).
        vocabulary_id: an optional hot-word vocabulary created in the console.
    """

    target_language: str
    source_language: str | None = None
    model: str = GUMMY_MODEL
    input_sample_rate: int = INPUT_RATE
    vocabulary_id: str | None = None


def validate_gummy_config(config: GummyConfig, catalog: GummyCatalog | None = None) -> GummyConfig:
    """``config`` with languages normalised (lower case, "auto" → None), or ConfigError saying what to change."""
    catalog = catalog or load_gummy_catalog()
    model = catalog.model(config.model)
    if model is None:
        raise ConfigError(texts.GUMMY_UNKNOWN_MODEL(model=config.model), field="model")
    target = (config.target_language or "").strip().lower()
    if not target:
        raise ConfigError(texts.GUMMY_NO_TARGET(), field="target_language")
    source = (config.source_language or "").strip().lower() or None
    if source == AUTO_SOURCE:
        source = None
    if source is not None and source not in catalog.asr_languages:
        raise ConfigError(texts.GUMMY_SOURCE_UNSUPPORTED(source=source), field="source_language")
    if not catalog.supports_pair(source, target):
        unsupported = (
            texts.GUMMY_TARGET_UNSUPPORTED(target=target)
            if source is None
            else texts.GUMMY_PAIR_UNSUPPORTED(source=source, target=target)
        )
        raise ConfigError(unsupported, field="target_language")
    if config.input_sample_rate < model.min_sample_rate:
        raise ConfigError(
            texts.GUMMY_SAMPLE_RATE(minimum=model.min_sample_rate, rate=config.input_sample_rate),
            field="input_sample_rate",
        )
    return GummyConfig(target, source, config.model, config.input_sample_rate, config.vocabulary_id)


def run_task_message(config: GummyConfig, task_id: str) -> str:
    """The ``run-task`` command of spec §7 (transcription and translation on, 16-bit PCM)."""
    parameters: dict[str, Any] = {
        "sample_rate": config.input_sample_rate,
        "format": "pcm",
        "source_language": config.source_language,
        "transcription_enabled": True,
        "translation_enabled": True,
        "translation_target_languages": [config.target_language],
    }
    if config.vocabulary_id:
        parameters["vocabulary_id"] = config.vocabulary_id
    message = {
        "header": {"action": "run-task", "task_id": task_id, "streaming": "duplex"},
        "payload": {
            "task_group": "audio",
            "task": "asr",
            "function": "recognition",
            "model": config.model,
            "parameters": parameters,
            "input": {},
        },
    }
    return json.dumps(message, ensure_ascii=False)


def finish_task_message(task_id: str) -> str:
    """The ``finish-task`` command (same task id as its ``run-task``)."""
    header = {"action": "finish-task", "task_id": task_id, "streaming": "duplex"}
    return json.dumps({"header": header, "payload": {"input": {}}})


# ---- server events ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GummyWord:
    """One recognised or translated word with its times (ms from the task's first audio)."""

    begin_ms: int
    end_ms: int
    text: str
    fixed: bool = False


@dataclass(frozen=True)
class GummySentence:
    """A transcription or one translation of sentence ``sentence_id``; ``sentence_end`` False = still growing."""

    sentence_id: int
    begin_ms: int
    end_ms: int | None
    text: str
    words: tuple[GummyWord, ...] = ()
    sentence_end: bool = False
    language: str | None = None


@dataclass(frozen=True)
class TaskStarted:
    task_id: str


@dataclass(frozen=True)
class ResultGenerated:
    """Progress of one sentence. ``usage`` is the raw usage object when the server sent one."""

    task_id: str
    transcription: GummySentence | None
    translations: tuple[GummySentence, ...]
    usage: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class TaskFinished:
    task_id: str


@dataclass(frozen=True)
class TaskFailed:
    """The task failed; the server closes the connection after this (spec §7)."""

    task_id: str
    error_code: str
    error_message: str


@dataclass(frozen=True)
class UnknownTaskEvent:
    """An event name this client does not know (kept, never fatal)."""

    task_id: str
    event: str
    raw: Mapping[str, Any] = field(default_factory=dict)


GummyServerEvent = TaskStarted | ResultGenerated | TaskFinished | TaskFailed | UnknownTaskEvent
GummySessionEvent = (
    GummyServerEvent | SourceProgress | TranslationProgress | SegmentFinalized | SegmentsRetracted | GapMarked
)


def _int(value: Any, default: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return int(value)


def _words(raw: Any) -> tuple[GummyWord, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(
        GummyWord(_int(w.get("begin_time")), _int(w.get("end_time")), str(w.get("text") or ""), bool(w.get("fixed")))
        for w in raw
        if isinstance(w, Mapping)
    )


def _sentence(raw: Any) -> GummySentence | None:
    if not isinstance(raw, Mapping):
        return None
    end = raw.get("end_time")
    if end is None:
        end = raw.get("current_time")  # partial results may carry the time reached instead (SDK parser)
    return GummySentence(
        sentence_id=_int(raw.get("sentence_id")),
        begin_ms=_int(raw.get("begin_time")),
        end_ms=None if end is None else _int(end),
        text=str(raw.get("text") or ""),
        words=_words(raw.get("words")),
        sentence_end=bool(raw.get("sentence_end")),
        language=raw.get("lang") if isinstance(raw.get("lang"), str) else None,
    )


def parse_gummy_event(text: str) -> GummyServerEvent:
    """One server text frame as a typed event.

    Raises:
        ProtocolError: not JSON, or no ``header.event``.
    """
    try:
        message = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(texts.GUMMY_MALFORMED(), detail=str(exc)) from None
    header = message.get("header") if isinstance(message, dict) else None
    if not isinstance(header, dict) or not isinstance(header.get("event"), str):
        raise ProtocolError(texts.GUMMY_NOT_A_TASK_EVENT(), detail=text[:200])
    task_id = str(header.get("task_id") or "")
    event = header["event"]
    raw_payload = message.get("payload")
    payload: dict[str, Any] = raw_payload if isinstance(raw_payload, dict) else {}
    if event == "task-started":
        return TaskStarted(task_id)
    if event == "task-finished":
        return TaskFinished(task_id)
    if event == "task-failed":
        return TaskFailed(task_id, str(header.get("error_code") or ""), str(header.get("error_message") or ""))
    if event == "result-generated":
        raw_output = payload.get("output")
        output: dict[str, Any] = raw_output if isinstance(raw_output, dict) else {}
        raw_translations = output.get("translations")
        translations = tuple(
            s for s in (_sentence(t) for t in (raw_translations if isinstance(raw_translations, list) else ())) if s
        )
        usage = payload.get("usage")
        return ResultGenerated(
            task_id, _sentence(output.get("transcription")), translations, usage if isinstance(usage, dict) else None
        )
    return UnknownTaskEvent(task_id, event, message)


# ---- the session ----------------------------------------------------------------------------------------------------


class GummyState(Enum):
    CONNECTING = "connecting"
    STARTING = "starting"
    STREAMING = "streaming"
    FINISHING = "finishing"
    FINISHED = "finished"
    FAILED = "failed"


@dataclass(frozen=True)
class GummyFrame:
    """One frame to write: JSON text (``kind`` "control") or binary PCM (``kind`` "audio")."""

    data: str | bytes
    kind: Literal["control", "audio"]


@dataclass
class _OpenSentence:
    """What one sentence showed so far (until both of its sides have ended)."""

    item_id: str
    begin_ms: int
    end_ms: int | None = None
    source: str = ""
    translation: str = ""
    source_ended: bool = False
    translation_ended: bool = False


def new_task_id() -> str:
    """A 32-hex-digit task id (spec §7: a UUID with or without dashes, new per task)."""
    return uuid.uuid4().hex


class GummySession:
    """One Gummy interpretation across any number of connections (one task per connection).

    Args:
        config: validated (see :func:`validate_gummy_config`; validated again here).
        task_ids: source of task ids (default :func:`new_task_id`); inject for stable tests.
        replay_limit_ms: most audio kept for a replay after a lost connection.
        catalog: Gummy catalog (default: the packaged one).

    Raises:
        ConfigError: the configuration cannot work.
    """

    def __init__(
        self,
        config: GummyConfig,
        *,
        task_ids: Callable[[], str] | None = None,
        replay_limit_ms: int = DEFAULT_REPLAY_LIMIT_MS,
        catalog: GummyCatalog | None = None,
    ) -> None:
        self.config = validate_gummy_config(config, catalog)
        self._task_ids = task_ids or new_task_id
        self._bytes_per_ms = self.config.input_sample_rate * SAMPLE_WIDTH / 1000
        self._frame_bytes = int(self._bytes_per_ms * FRAME_MS) // SAMPLE_WIDTH * SAMPLE_WIDTH
        self._replay_limit_bytes = int(self._bytes_per_ms * replay_limit_ms) // SAMPLE_WIDTH * SAMPLE_WIDTH
        self._outgoing: list[GummyFrame] = []
        self._events: list[GummySessionEvent] = []
        self._state = GummyState.CONNECTING
        self._finish_requested = False
        self.task_id: str | None = None
        # Audio kept for a replay: bytes from session byte ``_kept_from`` on (everything after the last settled point).
        self._kept = bytearray()
        self._kept_from = 0
        self._total_bytes = 0
        self._sent_upto = 0  # session byte up to which audio was queued on the current task
        self._task_offset_ms = 0  # session ms where the current task's audio starts
        self._open: dict[int, _OpenSentence] = {}
        self._segments = 0
        self.failure: TaskFailed | None = None
        self.billed_seconds = 0.0
        self.reconnects = 0
        self.audio_dropped_ms = 0

    # ---- state ----------------------------------------------------------------------------------------------------

    @property
    def state(self) -> GummyState:
        return self._state

    @property
    def audio_sent_ms(self) -> int:
        """Audio appended so far on the session clock."""
        return self._ms(self._total_bytes)

    def data_to_send(self) -> list[GummyFrame]:
        frames, self._outgoing = self._outgoing, []
        return frames

    def events_received(self) -> list[GummySessionEvent]:
        events, self._events = self._events, []
        return events

    # ---- calls from the transport / application ---------------------------------------------------------------------

    def connection_opened(self) -> None:
        """A socket is open: start a new task (``run-task`` with a fresh id)."""
        if self._state in (GummyState.FINISHED, GummyState.FAILED):
            return
        self.task_id = self._task_ids()
        self._state = GummyState.STARTING
        self._outgoing.append(GummyFrame(run_task_message(self.config, self.task_id), "control"))

    def append_audio(self, pcm: bytes) -> None:
        """Queue mono s16le PCM at ``config.input_sample_rate``; sent in ~100 ms binary frames once the task runs.

        Raises:
            ValueError: ``pcm`` is not a whole number of 16-bit samples.
        """
        if len(pcm) % SAMPLE_WIDTH:
            raise ValueError("PCM must be a whole number of 16-bit samples")
        if self._finish_requested or self._state in (GummyState.FINISHED, GummyState.FAILED):
            self.audio_dropped_ms += self._ms(len(pcm))
            return
        self._kept += pcm
        self._total_bytes += len(pcm)
        self._trim_replay()
        if self._state is GummyState.STREAMING:
            self._queue_audio(final=False)

    def finish(self) -> None:
        """Send the held audio and ``finish-task``; ``task-finished`` then ends the session (FINISHED)."""
        if self._finish_requested or self._state in (GummyState.FINISHED, GummyState.FAILED):
            return
        self._finish_requested = True
        if self._state is GummyState.STREAMING:
            self._queue_audio(final=True)
            self._queue_finish()

    def connection_lost(self) -> None:
        """The socket dropped: frames not written are stale; open sentences come again in the next task."""
        if self._state in (GummyState.FINISHED, GummyState.FAILED):
            return
        self._outgoing.clear()
        if self._state is not GummyState.CONNECTING:
            self.reconnects += 1
        self._state = GummyState.CONNECTING
        if self._open:
            self._events.append(SegmentsRetracted(tuple(s.item_id for s in self._open.values())))
            self._open.clear()

    def receive(self, text: str) -> None:
        """Process one server text frame.

        Raises:
            ProtocolError: the frame is malformed (the state is unchanged).
        """
        event = parse_gummy_event(text)
        self._events.append(event)
        match event:
            case TaskStarted():
                if self._state is GummyState.STARTING:
                    self._state = GummyState.STREAMING
                    self._start_streaming()
            case ResultGenerated():
                self._on_result(event)
            case TaskFinished():
                self._flush_open()
                self._state = GummyState.FINISHED
                self._outgoing.clear()
            case TaskFailed():
                self.failure = event
                self._state = GummyState.FAILED
                self._outgoing.clear()
            case _:
                pass

    # ---- internals --------------------------------------------------------------------------------------------------

    def _ms(self, nbytes: int) -> int:
        return round(nbytes / self._bytes_per_ms)

    def _trim_replay(self) -> None:
        excess = len(self._kept) - self._replay_limit_bytes
        if excess <= 0:
            return
        excess += -excess % SAMPLE_WIDTH
        lost_from, lost_to = self._kept_from, self._kept_from + excess
        del self._kept[:excess]
        self._kept_from = lost_to
        if self._sent_upto < lost_to and self._state is not GummyState.STREAMING:
            # Never sent and now forgotten: the speech in it is lost for good.
            self._events.append(GapMarked(self._ms(max(lost_from, self._sent_upto)), self._ms(lost_to)))
            self._sent_upto = lost_to

    def _start_streaming(self) -> None:
        """The task runs: (re)send the kept audio from its start, then a pending finish."""
        self._sent_upto = self._kept_from
        self._task_offset_ms = self._ms(self._kept_from)
        self._queue_audio(final=self._finish_requested)
        if self._finish_requested:
            self._queue_finish()

    def _queue_audio(self, *, final: bool) -> None:
        """Queue whole 100 ms frames of unsent audio (and the rest too when ``final``)."""
        start = self._sent_upto - self._kept_from
        while len(self._kept) - start >= self._frame_bytes or (final and len(self._kept) > start):
            chunk = bytes(self._kept[start : start + self._frame_bytes])
            self._outgoing.append(GummyFrame(chunk, "audio"))
            start += len(chunk)
            self._sent_upto += len(chunk)

    def _queue_finish(self) -> None:
        assert self.task_id is not None
        self._outgoing.append(GummyFrame(finish_task_message(self.task_id), "control"))
        self._state = GummyState.FINISHING

    def _on_result(self, event: ResultGenerated) -> None:
        if event.usage:
            duration = event.usage.get("duration")
            if isinstance(duration, int | float) and not isinstance(duration, bool):
                self.billed_seconds += float(duration)
        sentence_ids = [s.sentence_id for s in (event.transcription, *event.translations) if s is not None]
        for sentence_id in dict.fromkeys(sentence_ids):
            self._open_sentence(sentence_id, event)
        transcription = event.transcription
        if transcription is not None:
            row = self._open[transcription.sentence_id]
            row.source = transcription.text
            row.begin_ms = transcription.begin_ms
            row.end_ms = transcription.end_ms
            row.source_ended = row.source_ended or transcription.sentence_end
            confirmed, stash = _split_fixed(transcription)
            self._events.append(SourceProgress(row.item_id, confirmed, stash))
        for translation in event.translations:
            if translation.language not in (None, self.config.target_language):
                continue
            row = self._open[translation.sentence_id]
            row.translation = translation.text
            row.translation_ended = row.translation_ended or translation.sentence_end
            confirmed, stash = _split_fixed(translation)
            self._events.append(TranslationProgress(row.item_id, row.item_id, confirmed, stash))
        for sentence_id in dict.fromkeys(sentence_ids):
            row = self._open[sentence_id]
            if row.source_ended and row.translation_ended:
                self._finalize(sentence_id, complete=True)

    def _open_sentence(self, sentence_id: int, event: ResultGenerated) -> None:
        if sentence_id not in self._open:
            first = event.transcription or event.translations[0]
            item_id = f"{self.task_id}-{sentence_id}"
            self._open[sentence_id] = _OpenSentence(item_id, first.begin_ms, first.end_ms)

    def _finalize(self, sentence_id: int, *, complete: bool) -> None:
        row = self._open.pop(sentence_id)
        offset = self._task_offset_ms
        end_ms = None if row.end_ms is None else offset + row.end_ms
        segment = Segment(
            index=self._segments,
            source_item_id=row.item_id,
            translation_item_id=row.item_id,
            response_id=None,
            start_ms=offset + row.begin_ms,
            end_ms=end_ms,
            source_text=row.source,
            source_language=self.config.source_language or "",
            translation_text=row.translation,
            complete=complete,
        )
        self._segments += 1
        self._events.append(SegmentFinalized(segment))
        if end_ms is not None and not self._open:
            self._settle(end_ms)

    def _flush_open(self) -> None:
        for sentence_id in sorted(self._open):
            self._finalize(sentence_id, complete=False)

    def _settle(self, session_ms: int) -> None:
        """The server is done with audio before ``session_ms``: a replay need not send it again."""
        settled = min(round(session_ms * self._bytes_per_ms) // SAMPLE_WIDTH * SAMPLE_WIDTH, self._sent_upto)
        drop = settled - self._kept_from
        if drop > 0:
            del self._kept[:drop]
            self._kept_from = settled


def _split_fixed(sentence: GummySentence) -> tuple[str, str]:
    """``(confirmed, stash)``: the words the recogniser marked fixed, then the rest (all of it without word
    information); everything is confirmed at the sentence end."""
    if sentence.sentence_end:
        return sentence.text, ""
    fixed = "".join(w.text for w in sentence.words if w.fixed)
    if fixed and sentence.text.startswith(fixed):
        return fixed, sentence.text[len(fixed) :]
    return "", sentence.text
