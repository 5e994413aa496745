"""The sentences the services say to users, declared with ``msg`` so they can be translated (see
``interpreter.core.messages``)."""

from __future__ import annotations

from interpreter.core.messages import msg

# ---- transcript files (services.outputs) ---------------------------------------------------------------------------
TRANSCRIPT_CANNOT_CREATE = msg(
    "file.transcript_cannot_create", "Cannot write the transcript {path}; check that the folder is writable."
)
TRANSCRIPT_WRITE_FAILED = msg(
    "file.transcript_write_failed", "Writing the transcript {file} failed; the disk may be full."
)
