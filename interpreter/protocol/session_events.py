"""Events the session synthesizes on top of the wire events (they never travel over the network).

All times are session-relative milliseconds: 0 is the first audio appended to the session, and the clock is
stable across reconnects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interpreter.errors import InterpreterError
from interpreter.protocol.events import ServerEvent, Usage


@dataclass(frozen=True)
class Segment:
    """One finished sentence: source text paired with its translation.

    Attributes:
        index: order of finalization within the session (0, 1, 2, …).
        source_item_id: the server's ASR item id (None when the server never named one).
        translation_item_id: the first translation item of the segment.
        response_id: the first response that translated it.
        start_ms / end_ms: speech start/end on the session clock (None when the server never said).
        translation_text: the whole translation (several responses of one long sentence are joined).
        usage: tokens of every response of the segment.
        complete: False when the segment was flushed at ``session.finished`` before all its parts arrived.
    """

    index: int
    source_item_id: str | None
    translation_item_id: str | None
    response_id: str | None
    start_ms: int | None
    end_ms: int | None
    source_text: str
    source_language: str
    translation_text: str
    usage: Usage = field(default_factory=Usage)
    complete: bool = True


@dataclass(frozen=True)
class SegmentFinalized:
    """A segment will not change any more (ready for the journal, subtitles and the cost meter)."""

    segment: Segment


@dataclass(frozen=True)
class SourceProgress:
    """The source caption of ``source_item_id`` now reads ``confirmed + stash`` (``confirmed`` is cumulative)."""

    source_item_id: str
    confirmed: str
    stash: str


@dataclass(frozen=True)
class TranslationProgress:
    """The translation caption paired with ``source_item_id`` now reads ``confirmed + stash``.

    ``source_item_id`` is the translation item id itself when the server has not named a source item.
    """

    source_item_id: str
    translation_item_id: str
    confirmed: str
    stash: str


@dataclass(frozen=True)
class SegmentsRetracted:
    """After a lost connection these unfinished captions will come again under new ids (their audio is replayed);
    a view drops the rows of these source item ids."""

    source_item_ids: tuple[str, ...]


@dataclass(frozen=True)
class GapMarked:
    """Audio in ``[start_ms, end_ms)`` never reached the service (it fell out of the bounded replay buffer)."""

    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class SessionFailed:
    """The session cannot go on; ``error`` says why in a sentence for the user."""

    error: InterpreterError


SynthesizedEvent = (
    SegmentFinalized | SourceProgress | TranslationProgress | SegmentsRetracted | GapMarked | SessionFailed
)
SessionEvent = ServerEvent | SynthesizedEvent
