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

NO_FREE_OUTPUT_NAME = msg(
    "file.no_free_output_name", "Cannot find a free name for the translation of {file} in {folder}."
)
OUTPUT_FOLDER_NOT_WRITABLE = msg(
    "file.output_folder_not_writable",
    "Cannot write to the output folder {folder}; choose another folder or check its permissions.",
)
MODEL_UNKNOWN = msg("config.model_unknown", "The model {model} is not known to this version of the app.")
TARGET_NOT_SUPPORTED = msg(
    "config.target_not_supported", "Translating into {language} is not supported; choose another target language."
)
SOURCE_NOT_SUPPORTED = msg(
    "config.source_not_supported",
    "Translating from {language} is not supported; choose another source language or let the service detect it.",
)
CANNOT_SPEAK_LANGUAGE = msg("voice.cannot_speak_language", "The service cannot speak {language}; choose text only.")
VOICE_CANNOT_SPEAK = msg("voice.voice_cannot_speak", "The voice {voice} cannot speak {language}; choose another voice.")
CANNOT_READ_INPUT = msg("file.cannot_read_input", "Cannot read {file}; check that the file exists and is readable.")
FILE_PROBLEM = msg("file.problem", "{file}: {reason}")

ANSWER_NOT_FINISHED = msg(
    "network.answer_not_finished",
    "The translation service's answer ended without saying it was complete; the request will be made again.",
)
TEXT_TOO_MANY_VARIANTS = msg(
    "file.text.too_many_variants", "{folder} already holds {count} translations of {file}; clear some out."
)
TEXT_NOTHING_TO_TRANSLATE = msg(
    "file.text.nothing_to_translate", "{file} has no text to translate (only blank lines or code)."
)
TEXT_FILE_MISSING = msg("file.text.missing", "{path} does not exist; check the name and folder.")
TEXT_PATH_IS_FOLDER = msg("file.text.is_folder", "{path} is a folder; drop the files inside it instead.")
SUBTITLES_NO_CUES = msg(
    "file.subtitles.no_cues", "{file} holds no subtitle cues with text; there is nothing to translate."
)
TEXT_EMPTY_INPUT = msg("text.empty_input", "There is no text to translate; paste or type some first.")
TRANSCRIPT_NO_TEXT = msg("text.transcript_no_text", "This transcript has no spoken text to translate.")
TEXT_FILE_TOO_LARGE = msg(
    "file.text.too_large",
    "{file} is {megabytes:.0f} MB; text files up to {limit} MB can be translated — split it first.",
)
TEXT_FILE_UNREADABLE = msg("file.text.unreadable", "{file} cannot be read; check its permissions.")
TEXT_WRITE_FAILED = msg(
    "file.text.write_failed", "The translation could not be written to {path}; check free space and permissions."
)
SUBTITLES_UNREADABLE = msg(
    "file.subtitles.unreadable", "{file} is not a readable {suffix} subtitle file; check that it is the right file."
)

IMAGE_BEIJING_ONLY_KEY_SINGAPORE = msg(
    "image.region.key_is_singapore",
    "Image translation (qwen-mt-image) runs only in the Beijing region and the key in use is for "
    "Singapore; add a Beijing API key in Settings > API keys (both keys can be kept, each feature uses "
    "the right one).",
)
NO_API_KEY_FOR = msg("auth.no_key_for_address", "No API key for {address}; pass --api-key or set DASHSCOPE_API_KEY.")
IMAGE_NO_BEIJING_KEY = msg(
    "image.region.no_beijing_key",
    "Image translation (qwen-mt-image) runs only in the Beijing region and no Beijing API key is stored; "
    "add one in Settings > API keys, or pass --api-key / set DASHSCOPE_API_KEY with a Beijing key.",
)
IMAGE_NO_TASK_ID = msg("image.task.no_id", "The service accepted the picture but sent no task id; try again later.")
IMAGE_TASK_FORGOTTEN = msg(
    "image.task.forgotten",
    "The service no longer knows the task for {file} (tasks are kept 24 hours and belong to the key that "
    "made them); choose Retry to translate it again.",
)
IMAGE_NO_RESULT_LINK = msg("image.task.no_result_link", "The service finished {file} but sent no result link; retry.")
IMAGE_SUBMIT_UNKNOWN = msg(
    "image.task.submit_unknown",
    "The connection broke while {file} was being submitted, so whether the service received it is "
    "unknown; choose Retry to translate it (it may then be billed twice).",
)

OCR_ANSWER_STOPPED_EARLY = msg(
    "network.ocr_answer_stopped_early", "The OCR answer stopped before it was complete; the request will be made again."
)
OCR_ANSWER_NOT_FINISHED = msg("service.ocr.answer_not_finished", "The OCR answer ended without saying it was complete.")
OCR_CHOOSE_TARGET = msg("ocr.choose_target", "Choose a language to translate into.")
OCR_KEYINFO_NEEDS_SCHEMA = msg(
    "ocr.keyinfo_needs_schema",
    "Key information needs a schema: name the fields to fill in (e.g. invoice number, date).",
)
CAPTURE_BLANK = msg(
    "screen.snip.blank",
    "The screen capture came back blank (one flat colour): this desktop may not allow screen capture. "
    "Allow it in the system settings, or paste a screenshot instead.",
)
#: Not an error: what the OCR result says for an image without text.
OCR_NO_TEXT_FOUND = msg("ocr.no_text_found", "No text found in {source}.")
# ---- a live session that failed outside the error tree (ui.viewmodels.live_session_vm's boundary) --------------------
SESSION_FILES_FAILED = msg(
    "file.session_files_failed", "The session could not use its files: {reason}. Check the disk and try again."
)
SESSION_CRASHED = msg(
    "session.internal_error",
    "The live session stopped because of an internal error (details are in the log); you can start again.",
)

# ---- session summary (services.summary) ----------------------------------------------------------------------------
TRANSCRIPT_UNREADABLE = msg(
    "file.transcript.unreadable",
    "Cannot read the transcript {path}: {reason}. Choose a transcript.jsonl written by a live session.",
)
TRANSCRIPT_NOT_UTF8 = msg(
    "file.transcript.not_utf8",
    "Cannot read the transcript {path}: it is not a UTF-8 text file. Choose a transcript.jsonl written by a live "
    "session.",
)
TRANSCRIPT_BAD_LINE = msg(
    "file.transcript.bad_line",
    "Line {line} of {path} is not a transcript line (JSON with 'source' and 'translation'); fix or remove it.",
)
TRANSCRIPT_EMPTY = msg("file.transcript.empty", "The transcript {path} has no spoken segments to summarise.")
SUMMARY_UNKNOWN_MODEL = msg("config.summary.unknown_model", "{model} is not a summary model; choose one of: {choices}.")
SUMMARY_UNKNOWN_LANGUAGE = msg(
    "config.summary.unknown_language", "{language} is not a language code this app knows (for example en, zh, de)."
)
SUMMARY_BAD_ANSWER = msg(
    "service.summary.bad_answer", "The summary model's answer could not be read as a summary; trying again may help."
)
