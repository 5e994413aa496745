"""Size and token limits of the emulated HTTP APIs (spec §2.1, §3), in one place."""

from __future__ import annotations

#: Spec §2.1: a Base64 input string may be at most "10 MB". The emulator takes the stricter decimal reading
#: (10 000 000 characters) and counts the whole data URL, so a client it accepts fits the real service either way.
MAX_BASE64_CHARS = 10_000_000

#: Largest request body aiohttp reads: one maximal data URL plus JSON around it, with room to spare so an oversized
#: input gets the service's 400 answer instead of aiohttp's bare 413.
MAX_REQUEST_BODY_BYTES = 3 * MAX_BASE64_CHARS
