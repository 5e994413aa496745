"""The sentences the protocol layer says to users: session-configuration checks, the service's ``error`` events
and unreadable frames (declared with ``msg`` so they can be translated; see ``interpreter.core.messages``)."""

from __future__ import annotations

from interpreter.core.messages import msg

# ---- session configuration (protocol.config) ----------------------------------------------------------------------
UNKNOWN_MODEL_CHOICES = msg(
    "config.unknown_model_choices", "'{model}' is not a LiveTranslate realtime model; choose one of: {choices}."
)
UNKNOWN_MODEL = msg("config.unknown_model", "'{model}' is not a LiveTranslate realtime model.")
UNSUPPORTED_LANGUAGE = msg(
    "config.unsupported_language",
    "{model} supports {count} languages; '{code}' is not one of them (supported: {supported}).",
)
HOTWORD_INCOMPLETE = msg(
    "config.hotword_incomplete", "The hot word {source} → {target} needs both a source term and its translation."
)
TURN_DETECTION_MODE = msg(
    "config.turn_detection_mode", "Turn detection must be 'server_vad' or 'manual', not '{mode}'."
)
VAD_THRESHOLD_RANGE = msg(
    "config.vad_threshold_range", "The speech detection threshold must be between {low} and {high}, not {value}."
)
SILENCE_RANGE = msg(
    "config.silence_range", "The pause that ends a sentence must be between {low} and {high} ms, not {value}."
)
SAMPLE_RATE_ONE = msg("config.sample_rate", "{model} accepts {allowed} Hz audio, not {rate} Hz.")
SAMPLE_RATE_TWO = msg("config.sample_rate_either", "{model} accepts {first} Hz or {second} Hz audio, not {rate} Hz.")
COMMIT_NEEDS_MANUAL = msg(
    "config.commit_needs_manual_turns",
    "Committing a sentence needs manual turn detection; this session detects pauses by itself.",
)

# ---- voices and voice cloning (protocol.config) --------------------------------------------------------------------
CLONE_NEEDS_OWN_VOICE = msg(
    "voice.clone_needs_own_voice",
    "Voice cloning '{mode}' speaks in the speaker's own voice, so the voice must be '{default}', not '{voice}'.",
)
CLONE_NEVER_NEEDS_ID = msg(
    "voice.clone_needs_id",
    "Voice cloning 'never' uses a voice you cloned earlier: enter its voice id (got {got}; preset voices and "
    "'{default}' do not count).",
)
#: What ``{got}`` says when no voice id was entered.
NOTHING = msg("voice.nothing_entered", "nothing")
#: What a list of voices says when it is empty.
NONE = msg("list.none", "none")
NO_VOICE_SPEAKS = msg("voice.none_speaks", "No voice of {model} speaks {language}; turn voice output off.")
UNKNOWN_VOICE = msg("voice.unknown", "'{voice}' is not a voice of {model}; voices that speak {language}: {voices}.")
VOICE_DOES_NOT_SPEAK = msg(
    "voice.does_not_speak", "The voice {voice} does not speak {language}; choose one that does: {voices}."
)
TEXT_ONLY = msg(
    "voice.text_only", "{model} cannot speak {language}, so this session shows the translation as text only."
)
CLONE_OFF_NO_AUDIO = msg(
    "voice.clone_off_without_audio", "Voice cloning is off because this session produces no translated voice."
)

# ---- the service's error events (protocol.session) -----------------------------------------------------------------
KEY_REFUSED_EVENT = msg(
    "auth.key_refused", "The service refused the API key ({reason}); check the key and its region in Settings."
)
MODEL_NOT_ALLOWED = msg("access.model_not_allowed", "The account may not use this model right now: {reason}")
BUSY_OR_QUOTA = msg("quota.busy_or_used_up", "The service is busy or the quota is used up: {reason}")
SERVICE_INTERNAL_ERROR = msg("service.internal_error", "The translation service had an internal error: {reason}")
REJECTED_SETTINGS = msg("service.rejected_settings", "The translation service rejected the session settings: {reason}")
REJECTED_REQUEST = msg("service.rejected_request", "The translation service rejected a request: {reason}")
#: ``{reason}`` when the service gave none.
NO_REASON = msg("service.no_reason", "no reason given")

# ---- unreadable frames (protocol.events) ---------------------------------------------------------------------------
UNREADABLE_MESSAGE = msg(
    "protocol.unreadable_message", "The translation service sent a message this version cannot read."
)
UNDECODABLE_AUDIO = msg("protocol.undecodable_audio", "The translation service sent audio this version cannot decode.")

AUDIO_UNEXPECTED_FORM = msg("service.audio_unexpected_form", "The service sent speech audio in an unexpected form.")
ANSWER_NOT_OBJECT = msg("service.answer_not_object", "The service sent an answer that is not a JSON object.")
ERROR_INSTEAD_OF_TRANSLATION = msg(
    "service.error_instead_of_translation", "The service answered with an error where a translation was expected."
)
NO_TRANSLATION_IN_ANSWER = msg("service.no_translation", "The service's answer contains no translation.")
AUDIO_NOT_BASE64 = msg("service.audio_not_base64", "The service sent speech audio that is not valid Base64.")
CHUNK_NOT_JSON = msg("service.chunk_not_json", "The service sent a streaming chunk that is not valid JSON.")

MT_NO_OUTPUT = msg("service.mt.no_output", "The translation service sent an answer without output.")

OCR_NOT_NUMBERS = msg("service.ocr.not_numbers", "The service sent a {field} that is not a list of numbers.")
OCR_POSITIONS_UNKNOWN_SHAPE = msg(
    "service.ocr.positions_unknown_shape", "The service sent text positions in an unknown shape."
)
OCR_NO_OUTPUT = msg("service.ocr.no_output", "The service's answer has no output.")
OCR_MALFORMED_CHOICE = msg("service.ocr.malformed_choice", "The service's answer has a malformed choice.")
OCR_EVENT_NOT_OBJECT = msg("service.ocr.event_not_object", "The service sent a stream event that is not a JSON object.")
OCR_POSITION_NOT_OBJECT = msg(
    "service.ocr.position_not_object", "The service sent a text position that is not an object."
)
OCR_EVENT_NOT_JSON = msg("service.ocr.event_not_json", "The service sent a stream event that is not JSON.")
OCR_BAD_STATUS_LINE = msg("service.ocr.bad_status_line", "The service sent a malformed stream status line.")

# ---- Gummy (protocol.gummy, spec §7) -------------------------------------------------------------------------------
GUMMY_UNKNOWN_MODEL = msg("config.gummy.unknown_model", "{model} is not a Gummy model; use gummy-realtime-v1.")
GUMMY_NO_TARGET = msg("config.gummy.no_target", "Gummy needs one target language to translate into.")
GUMMY_SOURCE_UNSUPPORTED = msg(
    "config.gummy.source_unsupported",
    "Gummy cannot recognise speech in {source}; choose another source language or automatic.",
)
GUMMY_PAIR_UNSUPPORTED = msg(
    "config.gummy.pair_unsupported",
    "Gummy does not translate {source} into {target}; choose another target language.",
)
GUMMY_TARGET_UNSUPPORTED = msg(
    "config.gummy.target_unsupported",
    "Gummy does not translate any language into {target}; choose another target language.",
)
GUMMY_SAMPLE_RATE = msg("config.gummy.sample_rate", "Gummy needs audio at {minimum} Hz or more; {rate} Hz was given.")
GUMMY_MALFORMED = msg("service.gummy.malformed", "The Gummy service sent a message that is not valid JSON.")
GUMMY_NOT_A_TASK_EVENT = msg(
    "service.gummy.not_a_task_event", "The Gummy service sent a message without a task header."
)
