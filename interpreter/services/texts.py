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
CAPTIONS_WRITE_FAILED = msg("file.captions_write_failed", "Writing the captions {file} failed; the disk may be full.")
OUTPUT_FOLDER_CANNOT_CREATE = msg(
    "file.output_folder_cannot_create", "Cannot create the output folder {folder}; choose a writable folder."
)
EARLIER_SESSION_UNREADABLE = msg(
    "file.earlier_session_unreadable",
    "Cannot read the earlier session in {folder}; choose another output folder.",
)

# ---- voice preview (services.voice_preview) ------------------------------------------------------------------
PREVIEW_SAMPLE_WRONG_FORMAT = msg(
    "preview.sample_wrong_format", "The built-in preview sentence has the wrong format; reinstall the app."
)
PREVIEW_SAMPLE_MISSING = msg("preview.sample_missing", "The built-in preview sentence is missing; reinstall the app.")
PREVIEW_TIMEOUT = msg("preview.timeout", "The voice preview took too long; check the connection and try again.")
PREVIEW_WRONG_RATE = msg("preview.wrong_rate", "The preview audio is {rate} Hz; the player expects {expected} Hz.")

# ---- connection check (services.connection_check) ------------------------------------------------------------
#: Headlines: a few words for the API key dialog's status line, one per CheckReason.
CHECK_HEADLINE_OK = msg("check.headline.ok", "Connected")
CHECK_HEADLINE_INVALID_KEY = msg("check.headline.invalid_key", "Invalid key")
CHECK_HEADLINE_WRONG_REGION = msg("check.headline.wrong_region", "Wrong region")
CHECK_HEADLINE_NO_ACCESS = msg("check.headline.no_access", "No access to the model")
CHECK_HEADLINE_QUOTA = msg("check.headline.quota", "Quota or rate limit reached")
CHECK_HEADLINE_NETWORK = msg("check.headline.network", "Network problem")
CHECK_HEADLINE_SERVER = msg("check.headline.server", "Service problem")
CHECK_HEADLINE_REJECTED = msg("check.headline.rejected", "Request rejected")
CHECK_HEADLINE_CONFIG = msg("check.headline.config", "Settings problem")
#: How the API key dialog names a region (longer than transport's "Singapore": the user is choosing one).
REGION_SINGAPORE_INTERNATIONAL = msg("region.singapore_international", "Singapore (international)")
REGION_BEIJING_MAINLAND = msg("region.beijing_mainland", "Beijing (China mainland)")
CHECK_BLANK_KEY = msg("check.blank_key", "Enter an API key first.")
CHECK_WRONG_REGION = msg(
    "check.wrong_region", "This key belongs to the {region} region; select that region and save again."
)
#: The transport's rate-limit sentence promises a retry; a check does not retry, so this says what the user can do.
CHECK_QUOTA = msg(
    "check.quota",
    "The service is limiting requests for this account (too many sessions or tokens per minute, or "
    "the quota is used up); wait a minute and test again, or check the quota in the Model Studio console.",
)
CHECK_KEY_REFUSED = msg(
    "check.key_refused",
    "The {region} service refused this key: check that it is copied completely, "
    "has not been deleted, and was created for this region.",
)
CHECK_WORKS = msg("check.works", "The key works: a live session opened on {where}.")
#: ``{where}`` of CHECK_WORKS when the public endpoint of a region was used.
CHECK_REGION_SERVICE = msg("check.region_service", "the {region} service")

# ---- starting a live session from the app ------------------------------------------------------------------------
NO_KEY_IN_APP = msg(
    "auth.no_key_in_app",
    "No API key is set: add your DashScope key in Settings → API key, or start with --demo to try the app offline.",
)

# ---- a live session that failed outside the error tree (ui.viewmodels.live_session_vm's boundary) --------------------
SESSION_FILES_FAILED = msg(
    "file.session_files_failed", "The session could not use its files: {reason}. Check the disk and try again."
)
SESSION_CRASHED = msg(
    "session.internal_error",
    "The live session stopped because of an internal error (details are in the log); you can start again.",
)
