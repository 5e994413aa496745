"""Where each translated segment's speech goes on the source timeline, and how much it is sped up (pure).

Rules, in order, for a piece whose speech is longer than its source slot:

1. Start where the source segment started (or, if the previous piece is still speaking, right after it).
2. Speed it up, pitch preserved, by at most :data:`MAX_TEMPO` (1.25x: faster than that sounds hurried and
   listeners start to miss words), aiming to end at the end of its slot.
3. If it still runs over, let it run into the silence after its slot, up to the next piece's start.
4. If it would run into the next piece, the next piece starts later instead: voices never overlap (two voices at
   once are unintelligible, while a delay of a second or two is what listeners of an interpreter expect). The
   next piece, starting late with less room in its slot, is sped up in turn, so the delay is caught up over the
   following pauses rather than accumulating.

The last piece may end after the source does; the timeline is then that much longer (speech is never cut).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: The highest speed-up: 1.25x keeps speech natural (speaking rates vary by about that much between people).
MAX_TEMPO = 1.25
#: A piece within this much of its slot is not sped up: a 1-2 % change is inaudible but costs a filter pass.
_TEMPO_EPSILON = 0.01


@dataclass(frozen=True)
class SpeechSlot:
    """One piece of translated speech to place.

    Attributes:
        start_ms: where its source segment starts.
        slot_end_ms: where its source segment ends.
        duration_ms: length of the translated speech at normal speed.
    """

    start_ms: int
    slot_end_ms: int
    duration_ms: int


@dataclass(frozen=True)
class Placement:
    """Where a piece plays and how fast.

    Attributes:
        start_ms: where it starts on the output timeline (at or after its source start).
        tempo: speed factor, 1.0 to :data:`MAX_TEMPO` (pitch is preserved when applying it).
        end_ms: where it ends after the speed-up (``start_ms + ceil(duration_ms / tempo)``).
    """

    start_ms: int
    tempo: float
    end_ms: int


def plan_placement(slots: Sequence[SpeechSlot]) -> list[Placement]:
    """Place translated speech on the source timeline (see the module docstring for the rules).

    Args:
        slots: pieces in source order (non-decreasing ``start_ms``).

    Returns:
        One :class:`Placement` per slot, in order; consecutive placements never overlap.

    Raises:
        ValueError: slots out of order, or with negative lengths.
    """
    placements: list[Placement] = []
    previous_start = -1
    cursor = 0  # end of the previous piece on the output timeline
    for i, slot in enumerate(slots):
        if slot.start_ms < previous_start or slot.slot_end_ms < slot.start_ms or slot.duration_ms < 0:
            raise ValueError(f"slot {i} is out of order or negative: {slot}")
        previous_start = slot.start_ms
        start = max(slot.start_ms, cursor)
        room = slot.slot_end_ms - start
        tempo = 1.0
        if slot.duration_ms > room:
            needed = slot.duration_ms / room if room > 0 else math.inf
            tempo = min(MAX_TEMPO, needed)
            if tempo < 1.0 + _TEMPO_EPSILON:
                tempo = 1.0
        end = start + math.ceil(slot.duration_ms / tempo)
        placements.append(Placement(start, tempo, end))
        cursor = end
    return placements


def timeline_ms(placements: Sequence[Placement], source_ms: int) -> int:
    """Length of the output timeline: the source's, or longer when the last speech runs past its end."""
    return max([source_ms, *(p.end_ms for p in placements)])
