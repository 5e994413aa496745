"""The sentences the store says to users (settings, API key and keyring, glossaries, session history, files),
declared with ``msg`` so they can be translated (see ``interpreter.core.messages``)."""

from __future__ import annotations

from interpreter.core.messages import msg

# ---- API key and keyring (store.secrets) ---------------------------------------------------------------------------
KEYRING_UNAVAILABLE = msg(
    "keyring.unavailable",
    "No keyring is available on this system to store the API key safely; set the {variable} environment variable "
    "instead.",
)
KEYRING_READ_FAILED = msg("keyring.read_failed", "The system keyring could not be read; unlock it and try again.")
KEYRING_WRITE_FAILED = msg(
    "keyring.write_failed", "The system keyring did not accept the key; unlock it and try again."
)
KEYRING_DELETE_FAILED = msg(
    "keyring.delete_failed", "The system keyring could not delete the key; unlock it and try again."
)
KEY_EMPTY = msg("auth.key_empty", "The API key is empty; paste the key from the Model Studio console.")
KEY_HAS_SPACES = msg("auth.key_has_spaces", "The API key contains spaces or line breaks; paste only the key itself.")

# ---- settings (store.settings, store.pricing) ----------------------------------------------------------------------
SETTING_RESET = msg(
    "settings.invalid_value_reset", "The setting “{name}” had an invalid value and was reset to its default."
)
SETTINGS_NEWER = msg(
    "settings.newer_version",
    "Your settings were saved by a newer version of Live Interpreter; settings this version does not know are "
    "kept, and a copy of the original file is saved on the next change.",
)
SETTINGS_BACKUP_FAILED = msg(
    "settings.backup_failed", "Cannot keep a copy of {file} before saving settings; check folder permissions."
)
SETTINGS_KEY_LIKE = msg(
    "settings.key_like_value",
    "A setting looks like an API key; keys are stored in the system keyring, not in the settings file.",
)
PRICING_IGNORED = msg(
    "settings.pricing_ignored",
    "Your price overrides in {file} could not be used ({reason}); the built-in estimates are shown instead.",
)

# ---- files and folders (store.atomic, store.paths) -----------------------------------------------------------------
CANNOT_WRITE_FOLDER = msg("file.cannot_write", "Cannot write {path}; check that the folder exists and is writable.")
CANNOT_WRITE_SPACE = msg("file.cannot_write_space", "Cannot write {path}; check free disk space and permissions.")
CANNOT_CREATE_FOLDER = msg(
    "file.cannot_create_folder",
    "Cannot create the folder {path}; check that it is writable or set {variable} to another folder.",
)

# ---- saved glossaries (store.glossaries) ---------------------------------------------------------------------------
GLOSSARIES_NEWER = msg(
    "glossary.store.newer_version",
    "Your glossaries were saved by a newer version of Live Interpreter; update the app to edit them.",
)
GLOSSARY_NAME_MISSING = msg("glossary.store.name_missing", "Every glossary needs a name.")
GLOSSARY_NAME_TWICE = msg(
    "glossary.store.duplicate_name", "There are two glossaries called “{name}”; rename one of them."
)
GLOSSARIES_UNREADABLE = msg("glossary.store.unreadable", "Cannot read {path}; check the file's permissions.")
GLOSSARIES_MOVED_ASIDE = msg(
    "glossary.store.moved_aside",
    "The saved glossaries could not be read and were moved to {backup}; re-import your terms from that file or a "
    "CSV export.",
)
GLOSSARIES_CANNOT_MOVE = msg(
    "glossary.store.cannot_move_aside",
    "The saved glossaries in {path} are damaged and could not be moved aside; move or delete that file, then try "
    "again.",
)

# ---- session history (store.journal) -------------------------------------------------------------------------------
HISTORY_CANNOT_OPEN = msg(
    "history.cannot_open", "Cannot open the session history at {path}; check the folder permissions."
)
HISTORY_SET_ASIDE = msg(
    "history.damaged_set_aside",
    "The session history was damaged and has been set aside as {file}; a new one was started.",
)
HISTORY_CANNOT_CREATE = msg("history.cannot_create", "Cannot create a new session history file.")
HISTORY_NEWER = msg(
    "history.newer_version",
    "The session history was written by a newer version of Live Interpreter; update the app to open it.",
)
HISTORY_WRITE_FAILED = msg("history.write_failed", "The session history could not {action}; check free disk space.")
# The ``{action}`` of HISTORY_WRITE_FAILED.
ACTION_START_SESSION = msg("history.action.start_session", "start a session")
ACTION_SAVE_SEGMENT = msg("history.action.save_segment", "save a segment")
ACTION_END_SESSION = msg("history.action.end_session", "end the session")
ACTION_UPDATE_SESSION = msg("history.action.update_session", "update the session")
ACTION_DELETE_SESSION = msg("history.action.delete_session", "delete the session")
AUDIO_SAVE_FAILED = msg("history.audio_save_failed", "Cannot save the translated audio; check free disk space.")
EXPORT_FAILED = msg("history.export_failed", "Cannot write {path}; check free disk space.")
SESSION_MISSING = msg("history.session_missing", "Session {session} is not in the history (it may have been deleted).")

JOBS_TOO_NEW = msg(
    "file.jobs.too_new",
    "The list of file translations was written by a newer version of Live Interpreter; update the app to open it.",
)
JOBS_CANNOT_OPEN = msg("file.jobs.cannot_open", "Cannot open the job list at {path}; check the folder permissions.")
JOBS_UNREADABLE = msg("file.jobs.unreadable", "The list of file translations could not be read.")
JOBS_SET_ASIDE = msg(
    "file.jobs.damaged_set_aside",
    "The list of file translations was damaged and has been set aside as {file}; a new one was started.",
)
JOBS_CANNOT_CREATE = msg("file.jobs.cannot_create", "Cannot create a new job list file.")
JOBS_WRITE_FAILED = msg(
    "file.jobs.write_failed", "The list of file translations could not be updated; check free disk space."
)

MT_CHECKPOINTS_CANNOT_OPEN = msg(
    "text.checkpoints_cannot_open",
    "The translation checkpoints at {path} cannot be opened; check the disk and permissions.",
)
MT_CHECKPOINTS_SAVE_FAILED = msg(
    "text.checkpoints_save_failed", "Saving translation progress to {path} failed; check free disk space."
)

IMAGE_TASKS_TOO_NEW = msg(
    "image.store.too_new",
    "The list of image translations was written by a newer version of Live Interpreter; update the app to open it.",
)
IMAGE_TASKS_CANNOT_OPEN = msg(
    "image.store.cannot_open", "Cannot open the list of image translations at {path}; check the folder permissions."
)
IMAGE_TASKS_WRITE_FAILED = msg(
    "image.store.write_failed", "The list of image translations could not be updated; check free disk space."
)

OCR_HISTORY_TOO_NEW = msg(
    "ocr.history.too_new", "The OCR history {path} was written by a newer version of the app; update the app."
)
OCR_HISTORY_CANNOT_OPEN = msg(
    "ocr.history.cannot_open", "The OCR history {path} cannot be opened ({reason}); check the disk and its permissions."
)
OCR_HISTORY_WRITE_FAILED = msg(
    "ocr.history.write_failed", "The OCR history could not be updated ({reason}); check free disk space."
)
OCR_SCHEMAS_SAVE_FAILED = msg("ocr.schemas.save_failed", "Cannot save the schemas to {path} ({reason}).")
