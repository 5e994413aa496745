"""What the emulator saw on each realtime connection, for test assertions (read from any thread).

Recording is opt-in (:class:`RealtimeRecords` ``enabled``): tests switch it on; the app's demo mode never does, since
a record keeps every audio byte the client sent (about 115 MB per hour of speech). With recording off no
:class:`SessionRecord` is made at all and sessions pass ``None`` around instead.

Big payloads are not kept inside the event dicts: an ``input_audio_buffer.append`` is recorded with ``audio`` replaced
by the number of decoded bytes, and the PCM itself is appended to :attr:`SessionRecord.audio`; likewise images go to
:attr:`SessionRecord.images` and sent ``response.audio.delta`` events keep their byte count only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SessionRecord:
    """One WebSocket connection.

    Attributes:
        index: 0-based connection number on this emulator.
        model: the ``model`` query parameter.
        received: client events in arrival order (payloads summarised, see module docstring).
        sent: server events in send order (audio deltas summarised).
        audio: every decoded PCM byte the client appended, in order.
        images: every decoded image the client appended (accepted or not).
        closed: set once the connection has ended; ``close_code`` is then the WebSocket close code if any.
    """

    index: int
    model: str
    received: list[dict[str, Any]] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    audio: bytearray = field(default_factory=bytearray)
    images: list[bytes] = field(default_factory=list)
    closed: threading.Event = field(default_factory=threading.Event)
    close_code: int | None = None

    def received_types(self) -> list[str]:
        """The ``type`` of every received event, in order."""
        return [str(event.get("type")) for event in list(self.received)]

    def sent_types(self) -> list[str]:
        """The ``type`` of every sent event, in order."""
        return [str(event.get("type")) for event in list(self.sent)]


class RealtimeRecords:
    """The records of every realtime connection, when enabled (thread-safe).

    Args:
        enabled: keep a :class:`SessionRecord` per connection. Can be switched later with :attr:`enabled`; the change
            applies to connections opened afterwards.
    """

    def __init__(self, enabled: bool = False) -> None:
        self.enabled = enabled
        self._lock = threading.Lock()
        self._sessions: list[SessionRecord] = []

    def new_session(self, model: str) -> SessionRecord | None:
        """A new record for a connection to ``model``, or None while recording is off."""
        if not self.enabled:
            return None
        with self._lock:
            record = SessionRecord(index=len(self._sessions), model=model)
            self._sessions.append(record)
            return record

    @property
    def sessions(self) -> list[SessionRecord]:
        """Every record so far, oldest first (a copy of the list; the records themselves are live)."""
        with self._lock:
            return list(self._sessions)
