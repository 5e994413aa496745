"""The sentences the media layer says to users (audio devices, cameras, screens, media files, recordings),
declared with ``msg`` so they can be translated (see ``interpreter.core.messages``)."""

from __future__ import annotations

from interpreter.core.messages import msg

# ---- audio devices (media.devices, media.microphone, media.player) -------------------------------------------------
NO_AUDIO_SYSTEM = msg("device.no_audio_system", "No audio system is available on this computer.")
# The ``{kind}`` of the device sentences below.
KIND_INPUT = msg("device.kind.input", "input")
KIND_OUTPUT = msg("device.kind.output", "output")
NO_DEVICE = msg("device.none_found", "No audio {kind} device was found; connect one and try again.")
NO_DEVICE_NUMBER = msg(
    "device.no_such_number", "There is no audio {kind} device number {number}; pick one from the device list."
)
AMBIGUOUS_DEVICE = msg("device.ambiguous", "Several audio {kind} devices match {spec} ({names}); use the full name.")
DEVICE_NOT_CONNECTED = msg(
    "device.not_connected", "The audio {kind} device {spec} is not connected; pick another one in Settings."
)
OUTPUT_STOPPED = msg(
    "device.output_stopped", "The audio output {name} stopped; the translated voice continues on the others."
)
# DeviceStatus.message of the microphone (a status line).
MICROPHONE_LISTENING = msg("device.microphone_listening", "Listening on {name}.")
MICROPHONE_OFF = msg("device.microphone_off", "Microphone stopped.")
MICROPHONE_LOST = msg("device.microphone_lost", "Lost {name}; the session continues with silence while it reconnects.")
#: ``{name}`` of MICROPHONE_LOST when the device is unknown.
THE_MICROPHONE = msg("device.the_microphone", "the microphone")
MICROPHONE_BACK = msg("device.microphone_back", "Back on {name}.")
MICROPHONE_SWITCHED = msg("device.microphone_switched", "Switched to {name}.")
MICROPHONE_STOPPED = msg("device.microphone_stopped", "The microphone stopped delivering audio.")
MICROPHONE_STALLED = msg(
    "device.microphone_stalled", "The microphone stopped delivering audio; it may have been unplugged."
)
MICROPHONE_UNAVAILABLE = msg(
    "device.microphone_unavailable", "The microphone {name} could not be opened; it may be in use or unplugged."
)
OUTPUT_UNAVAILABLE = msg(
    "device.output_unavailable", "The audio output {name} could not be opened; it may be in use or unplugged."
)

# ---- cameras and screens (media.frames) ----------------------------------------------------------------------------
CAMERA_UNAVAILABLE = msg(
    "device.camera_unavailable", "The camera {index} cannot be opened; it may be in use by another app."
)
CAMERA_STOPPED = msg(
    "device.camera_stopped", "The camera {index} stopped sending pictures; it may have been unplugged."
)
SCREEN_UNAVAILABLE = msg("device.screen_unavailable", "The screen cannot be captured (no display is available).")
NO_SUCH_SCREEN = msg("device.no_such_screen", "There is no screen {number}; this computer has {count}.")
BAD_SCREEN_REGION = msg("device.bad_screen_region", "The screen region {region} must look like x,y,width,height.")
BAD_SOURCE_NUMBER = msg("device.bad_source_number", "{value} is not a {kind} number; use for example {example}.")
KIND_CAMERA = msg("device.kind.camera", "camera")
KIND_SCREEN = msg("device.kind.screen", "screen")

# ---- media files (media.files, media.frames) ----------------------------------------------------------------------
FILE_MISSING = msg("file.missing", "The file {file} does not exist.")
FILE_NOT_A_FILE = msg("file.missing_or_not_a_file", "The file {file} does not exist or is not a file.")
FILE_UNSUPPORTED = msg("file.unsupported_media", "The file {file} is not an audio or video file this app can read.")
FILE_NO_AUDIO = msg("file.no_audio_track", "The file {file} has no audio track to translate.")
AUDIO_DAMAGED = msg("file.audio_damaged", "The audio in {file} is damaged and could not be decoded to the end.")
IMAGE_UNREADABLE = msg("file.image_unreadable", "The image {file} cannot be read.")
FILE_NO_VIDEO = msg("file.no_video", "The file {file} has no video to show.")
VIDEO_DAMAGED = msg("file.video_damaged", "The video {file} is damaged.")
FRAME_NOT_ENCODED = msg("file.frame_not_encoded", "A video frame could not be encoded as JPEG.")
FRAME_TOO_DETAILED = msg("file.frame_too_detailed", "A video frame is too detailed to send.")

# ---- recordings (media.wav) ----------------------------------------------------------------------------------------
RECORDING_CANNOT_CREATE = msg(
    "file.recording_cannot_create", "Cannot create the recording {file}: check the folder exists and is writable."
)
RECORDING_TOO_LARGE = msg(
    "file.recording_too_large", "The recording {file} reached the 4 GB limit of the WAV format; start a new session."
)
RECORDING_WRITE_FAILED = msg(
    "file.recording_write_failed", "Writing the recording {file} failed: the disk may be full."
)
RECORDING_SAVE_FAILED = msg("file.recording_save_failed", "Saving the recording {file} failed: the disk may be full.")
