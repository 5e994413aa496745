"""Pairing source sentences with their translations (pure bookkeeping behind ``RealtimeSession``).

The server streams a segment as loosely linked events (spec §1.6, §1.7): VAD start/stop with times, ASR events keyed
by the source ``item_id``, and translation responses whose item is created with ``previous_item_id`` = that source
item. This module joins them into :class:`Segment` objects and decides when one is final:

* its responses are all done (at least one), and
* its transcription completed or failed — or, with transcription off, the server said where the speech stopped
  (VAD) or the client committed it (manual). One long sentence may be translated by several responses; waiting for
  the end of speech keeps them in one segment.

Drafts are matched in arrival order where the server gives no id to match on (a VAD start precedes the ASR item it
belongs to; a manual commit precedes the user item the server creates for it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interpreter.protocol.events import (
    ItemCreated,
    OutputItemAdded,
    ResponseCreated,
    ResponseDone,
    ServerEvent,
    TranscriptionCompleted,
    TranscriptionFailed,
    TranscriptionText,
    TranslationDone,
    TranslationText,
    Usage,
)
from interpreter.protocol.session_events import (
    Segment,
    SegmentFinalized,
    SourceProgress,
    SynthesizedEvent,
    TranslationProgress,
)

# Languages written without spaces between words: translation pieces of one segment are joined without a space.
_UNSPACED_LANGUAGES = frozenset({"zh", "yue", "ja", "th"})


@dataclass
class _Text:
    """Confirmed text plus tentative tail of one item, accepting cumulative and incremental updates.

    The spec is unsure whether ``text`` repeats everything confirmed so far or only the new fragment (§1.6 [!],
    open question 4). An update that starts with what we have is taken as cumulative, anything else as a fragment
    to append; both forms then read the same.
    """

    confirmed: str = ""
    stash: str = ""
    final: str | None = None

    def update(self, text: str, stash: str) -> None:
        if text.startswith(self.confirmed):
            self.confirmed = text
        else:
            self.confirmed += text
        self.stash = stash

    @property
    def best(self) -> str:
        return self.final if self.final is not None else self.confirmed + self.stash


@dataclass
class _Draft:
    """A segment being assembled."""

    source_item_id: str | None = None
    start_ms: int | None = None
    end_ms: int | None = None
    vad_started: bool = False  # start_ms came from speech_started (so the next speech_started is another draft)
    committed: bool = False  # manual mode: the client committed this turn
    source: _Text = field(default_factory=_Text)
    source_language: str = ""
    transcription_done: bool = False
    translation_items: list[str] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


class SegmentTracker:
    """Assembles segments from server events.

    Args:
        transcription: whether source transcription is on (then a segment waits for it).
        manual: manual turn detection (turns come from client commits, not from VAD events).
        target_language: used to join several translation pieces of one segment.
    """

    def __init__(self, *, transcription: bool, manual: bool, target_language: str) -> None:
        self._transcription = transcription
        self._manual = manual
        self._separator = "" if target_language in _UNSPACED_LANGUAGES else " "
        self._drafts: list[_Draft] = []
        self._by_source: dict[str, _Draft] = {}
        self._item_draft: dict[str, _Draft] = {}  # translation item id -> draft
        self._item_text: dict[str, _Text] = {}  # translation item id -> its text
        self._response_items: dict[str, list[str]] = {}  # response id -> its translation item ids
        self._open_responses: set[str] = set()
        self._done_responses: set[str] = set()
        self._next_index = 0
        self.settled_ms = 0  # end of the latest finalized segment on the session clock

    # ---- queries --------------------------------------------------------------------------------------------------

    @property
    def has_pending(self) -> bool:
        return bool(self._drafts)

    def oldest_pending_start_ms(self) -> int | None:
        """Earliest known start among unfinished drafts (None when none has a start)."""
        starts = [d.start_ms for d in self._drafts if d.start_ms is not None]
        return min(starts) if starts else None

    def source_item_for(self, translation_item_id: str) -> str | None:
        """The source item a translation item belongs to, while its segment is still open."""
        draft = self._item_draft.get(translation_item_id)
        return draft.source_item_id if draft else None

    # ---- inputs from the session ------------------------------------------------------------------------------------

    def speech_started(self, start_ms: int) -> None:
        """VAD start (session ms): the oldest draft that appeared without a start takes it, else a new draft."""
        draft = next((d for d in self._drafts if not d.vad_started and d.start_ms is None), None)
        if draft is None:
            draft = _Draft()
            self._drafts.append(draft)
        draft.start_ms = start_ms
        draft.vad_started = True

    def speech_stopped(self, end_ms: int) -> list[SynthesizedEvent]:
        """VAD stop (session ms) for the oldest started draft that has no end yet."""
        draft = next((d for d in self._drafts if d.start_ms is not None and d.end_ms is None), None)
        if draft is None:
            draft = next((d for d in reversed(self._drafts) if d.end_ms is None), None)
        if draft is None:
            return []
        draft.end_ms = end_ms
        return self._finalize_ready()

    def turn_committed(self, start_ms: int, end_ms: int) -> None:
        """Manual mode: the server acknowledged a commit of audio ``[start_ms, end_ms)`` (session ms)."""
        draft = _Draft(start_ms=start_ms, end_ms=end_ms, committed=True)
        self._drafts.append(draft)

    def handle(self, event: ServerEvent) -> list[SynthesizedEvent]:
        """Fold one server event in; returns progress events and segments that became final."""
        match event:
            case TranscriptionText():
                draft = self._draft_for_source(event.item_id)
                draft.source.update(event.text, event.stash)
                draft.source_language = event.language or draft.source_language
                return [SourceProgress(event.item_id, draft.source.confirmed, draft.source.stash)]
            case TranscriptionCompleted():
                draft = self._draft_for_source(event.item_id)
                draft.source.final = event.transcript
                draft.source.stash = ""
                draft.source_language = event.language or draft.source_language
                draft.transcription_done = True
                out: list[SynthesizedEvent] = [SourceProgress(event.item_id, event.transcript, "")]
                return out + self._finalize_ready()
            case TranscriptionFailed():
                draft = self._draft_for_source(event.item_id)
                draft.transcription_done = True
                return self._finalize_ready()
            case ItemCreated():
                self._item_created(event)
                return []
            case ResponseCreated():
                self._open_responses.add(event.response_id)
                return []
            case OutputItemAdded():
                self._add_response_item(event.response_id, event.item_id)
                return []
            case TranslationText():
                self._add_response_item(event.response_id, event.item_id)
                self._item_text.setdefault(event.item_id, _Text()).update(event.text, event.stash)
                return [self._translation_progress(event.item_id)]
            case TranslationDone():
                self._add_response_item(event.response_id, event.item_id)
                text = self._item_text.setdefault(event.item_id, _Text())
                text.final, text.stash = event.text, ""
                return [self._translation_progress(event.item_id)]
            case ResponseDone():
                return self._response_done(event)
            case _:
                return []

    def flush(self) -> list[SynthesizedEvent]:
        """Finalize every draft that has anything to show (the session is finished: nothing more will come)."""
        out: list[SynthesizedEvent] = list(self._finalize_ready())
        for draft in list(self._drafts):
            self._drafts.remove(draft)
            if draft.source.best or self._translation_of(draft) or draft.responses:
                out.append(self._finalized(draft, complete=False))
        return out

    def discard_pending(self) -> tuple[str, ...]:
        """Forget unfinished drafts (their audio will be replayed on a new connection); returns their source ids."""
        ids = tuple(d.source_item_id for d in self._drafts if d.source_item_id is not None)
        self._drafts.clear()
        self._by_source.clear()
        self._item_draft.clear()
        self._item_text.clear()
        self._response_items.clear()
        self._open_responses.clear()
        self._done_responses.clear()
        return ids

    # ---- internals --------------------------------------------------------------------------------------------------

    def _draft_for_source(self, item_id: str) -> _Draft:
        draft = self._by_source.get(item_id)
        if draft is not None:
            return draft
        # A source item binds to the oldest draft that has none yet (made by speech_started or a commit).
        draft = next((d for d in self._drafts if d.source_item_id is None), None)
        if draft is None:
            draft = _Draft()
            self._drafts.append(draft)
        draft.source_item_id = item_id
        self._by_source[item_id] = draft
        return draft

    def _item_created(self, event: ItemCreated) -> None:
        if event.role == "user":
            self._draft_for_source(event.item_id)  # manual mode: the committed audio's item is the source item
            return
        if event.previous_item_id:
            self._bind_item(event.item_id, self._draft_for_source(event.previous_item_id))

    def _add_response_item(self, response_id: str, item_id: str) -> None:
        items = self._response_items.setdefault(response_id, [])
        if item_id and item_id not in items:
            items.append(item_id)

    def _bind_item(self, item_id: str, draft: _Draft) -> None:
        if item_id in self._item_draft:
            return
        self._item_draft[item_id] = draft
        draft.translation_items.append(item_id)

    def _fallback_draft(self) -> _Draft:
        """For a translation the server did not link to a source: the oldest draft without a translation."""
        draft = next((d for d in self._drafts if not d.translation_items), None)
        if draft is None:
            draft = _Draft()
            self._drafts.append(draft)
        return draft

    def _translation_of(self, draft: _Draft) -> str:
        pieces = [self._item_text[i].best.strip() for i in draft.translation_items if i in self._item_text]
        return self._separator.join(p for p in pieces if p)

    def _translation_progress(self, item_id: str) -> TranslationProgress:
        draft = self._item_draft.get(item_id)
        text = self._item_text[item_id]
        current = text.final if text.final is not None else text.confirmed
        if draft is None:
            return TranslationProgress(item_id, item_id, current, text.stash)
        before = draft.translation_items[: draft.translation_items.index(item_id)]
        earlier = [self._item_text[i].best.strip() for i in before if i in self._item_text]
        prefix = self._separator.join(p for p in earlier if p)
        confirmed = prefix + (self._separator if prefix and current else "") + current
        return TranslationProgress(draft.source_item_id or item_id, item_id, confirmed, text.stash)

    def _response_done(self, event: ResponseDone) -> list[SynthesizedEvent]:
        response_id = event.response_id
        self._open_responses.discard(response_id)
        self._done_responses.add(response_id)
        items = self._response_items.setdefault(response_id, [])
        for item_id in event.item_ids:
            if item_id and item_id not in items:
                items.append(item_id)
        drafts = [self._item_draft[i] for i in items if i in self._item_draft]
        unbound = [i for i in items if i not in self._item_draft]
        if unbound:
            draft = drafts[0] if drafts else self._fallback_draft()
            for item_id in unbound:
                self._bind_item(item_id, draft)
            drafts.append(draft)
        if not drafts:  # a response with no output item at all: still counts for the oldest open draft
            drafts.append(self._fallback_draft())
        owner = drafts[0]
        if response_id not in owner.responses:
            owner.responses.append(response_id)
            owner.usage = owner.usage + event.usage
        return self._finalize_ready()

    def _responses_settled(self, draft: _Draft) -> bool:
        item_responses = {
            r for r, items in self._response_items.items() if any(i in draft.translation_items for i in items)
        }
        responses = item_responses | set(draft.responses)
        return bool(draft.responses) and all(r in self._done_responses for r in responses)

    def _speech_settled(self, draft: _Draft) -> bool:
        if self._transcription:
            return draft.transcription_done
        return draft.committed if self._manual else draft.end_ms is not None

    def _ready(self, draft: _Draft) -> bool:
        return self._responses_settled(draft) and self._speech_settled(draft)

    def _finalize_ready(self) -> list[SynthesizedEvent]:
        out: list[SynthesizedEvent] = []
        while (draft := next((d for d in self._drafts if self._ready(d)), None)) is not None:
            # Older drafts whose speech settled without any response were skipped by the server (noise, nothing
            # to translate); responses come in order, so none will come for them now. One with source text still
            # becomes a segment (untranslated), an empty one just goes.
            older = self._drafts[: self._drafts.index(draft)]
            for skipped in [
                d for d in older if not d.responses and not d.translation_items and self._speech_settled(d)
            ]:
                self._drafts.remove(skipped)
                if skipped.source.best:
                    out.append(self._finalized(skipped, complete=True))
                elif skipped.source_item_id is not None:
                    self._by_source.pop(skipped.source_item_id, None)
            self._drafts.remove(draft)
            out.append(self._finalized(draft, complete=True))
        return out

    def _finalized(self, draft: _Draft, *, complete: bool) -> SegmentFinalized:
        if draft.source_item_id is not None:
            self._by_source.pop(draft.source_item_id, None)
        translation = self._translation_of(draft)
        for item_id in draft.translation_items:
            self._item_draft.pop(item_id, None)
            self._item_text.pop(item_id, None)
        for response_id in draft.responses:
            self._response_items.pop(response_id, None)
            self._done_responses.discard(response_id)
        if draft.end_ms is not None:
            self.settled_ms = max(self.settled_ms, draft.end_ms)
        segment = Segment(
            index=self._next_index,
            source_item_id=draft.source_item_id,
            translation_item_id=draft.translation_items[0] if draft.translation_items else None,
            response_id=draft.responses[0] if draft.responses else None,
            start_ms=draft.start_ms,
            end_ms=draft.end_ms,
            source_text=draft.source.best,
            source_language=draft.source_language,
            translation_text=translation,
            usage=draft.usage,
            complete=complete,
        )
        self._next_index += 1
        return SegmentFinalized(segment)
