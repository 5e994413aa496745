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

# ---- voice preview (ui/dialogs/voice_preview today; a service after issue 8) -------------------------------------
PREVIEW_SAMPLE_WRONG_FORMAT = msg(
    "preview.sample_wrong_format", "The built-in preview sentence has the wrong format; reinstall the app."
)
PREVIEW_SAMPLE_MISSING = msg("preview.sample_missing", "The built-in preview sentence is missing; reinstall the app.")
PREVIEW_TIMEOUT = msg("preview.timeout", "The voice preview took too long; check the connection and try again.")
PREVIEW_WRONG_RATE = msg("preview.wrong_rate", "The preview audio is {rate} Hz; the player expects {expected} Hz.")

# ---- starting a live session from the app ------------------------------------------------------------------------
NO_KEY_IN_APP = msg(
    "auth.no_key_in_app",
    "No API key is set: add your DashScope key in Settings → API key, or start with --demo to try the app offline.",
)
