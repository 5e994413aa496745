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

PART_TOO_LARGE = msg(
    "file.part_too_large", "A part of {file} could not be made small enough to send; translate it as audio only."
)
FILE_NO_LONGER_READABLE = msg(
    "file.no_longer_readable", "The file {file} can no longer be read; check it is still there and unchanged."
)
FILE_NO_PICTURE = msg("file.no_picture", "The file {file} has no picture to send as video.")
VIDEO_NO_PICTURE_AT = msg("file.no_picture_at", "The video {file} has no picture at {seconds} s.")
AUDIO_DAMAGED_AT = msg(
    "file.audio_damaged_at", "The audio in {file} is damaged around {seconds} s and could not be decoded."
)
VIDEO_DAMAGED_AT = msg(
    "file.video_damaged_at", "The video in {file} is damaged around {seconds} s and could not be decoded."
)
SOUNDTRACK_NOT_PCM16 = msg("file.soundtrack_not_pcm16", "The soundtrack {file} is not 16-bit PCM.")
SOUNDTRACK_UNREADABLE = msg(
    "file.soundtrack_unreadable", "The translated soundtrack {file} cannot be read; translate the file again."
)
VIDEO_NO_LONGER_READABLE = msg(
    "file.video_no_longer_readable", "The video {file} can no longer be read; check it is still there."
)
NO_PICTURE_TO_DUB = msg("file.no_picture_to_dub", "The file {file} has no picture to dub.")
WRITING_OUTPUT_FAILED = msg(
    "file.writing_failed", "Writing {file} failed: the disk may be full or the folder not writable."
)
CANNOT_CREATE_OUTPUT = msg(
    "file.cannot_create_output", "Cannot create {file}: check the output folder exists and is writable."
)
IS_A_FOLDER = msg("file.is_a_folder", "{file} is a folder, not a file; choose the files inside it.")
FILE_EMPTY = msg("file.empty", "The file {file} is empty (0 bytes); copy or download it again.")
NO_READABLE_STREAMS = msg(
    "file.no_readable_streams",
    "The file {file} holds no audio or video this app can read; check that it is the file you meant.",
)
NO_AUDIO_DATA = msg("file.no_audio_data", "The file {file} contains no audio data; copy or download it again.")
FILE_INCOMPLETE = msg(
    "file.incomplete",
    "The file {file} is incomplete: only {readable} of its {declared} can be read; copy or download it again.",
)
FILE_NOT_FOUND = msg("file.not_found", "The file {file} does not exist; check the path.")
FILE_UNREACHABLE = msg("file.unreachable", "The file {file} cannot be reached; check the path and its permissions.")
FILE_PERMISSION_DENIED = msg(
    "file.permission_denied",
    "The file {file} cannot be read (permission denied); change its permissions or copy it somewhere you can read.",
)
FILE_UNREADABLE = msg("file.unreadable", "The file {file} cannot be read; check the disk or copy it again.")
NOT_MEDIA = msg(
    "file.not_media",
    "The file {file} is not an audio or video file this app can read, or it is damaged; check that it is "
    "the file you meant.",
)
VIDEO_NO_SOUND = msg(
    "file.video_no_sound", "The video {file} has no sound to translate; choose a file with an audio track."
)
FILE_DAMAGED = msg("file.damaged", "The file {file} is damaged and cannot be read; copy or download it again.")
ONLY_SILENCE = msg("file.only_silence", "The file {file} contains only silence; there is nothing to translate in it.")

PICTURE_EMPTY = msg("image.file.empty", "The picture {file} is empty (0 bytes); copy or download it again.")
PICTURE_HEIC = msg(
    "image.file.heic_needs_plugin",
    "{file} is a HEIC photo, which needs the optional pillow-heif package to convert; install it (pip "
    "install pillow-heif) or export the photo as JPEG.",
)
PICTURE_MISSING = msg("image.file.missing", "The picture {file} does not exist; check the path.")
PICTURE_IS_FOLDER = msg("image.file.is_folder", "{file} is a folder, not a picture; choose the image files in it.")
PICTURE_UNREADABLE = msg(
    "image.file.unreadable", "The picture {file} cannot be read; check that it exists and that you may open it."
)
PICTURE_TOO_LARGE_TO_PROCESS = msg(
    "image.file.too_large_to_process",
    "{file} is {width}x{height} px, too large to process safely; scale it below {limit} px per side first.",
)
PICTURE_SIZE_PROBLEM = msg("image.file.size_problem", "The picture {file} {problem}.")
PICTURE_SIZE_PROBLEM_TOO_NARROW = msg(
    "image.file.size_problem_too_narrow",
    "The picture {file} {problem}, and scaling it down would make it too narrow; crop it first.",
)
PICTURE_NEEDS_FIXING = msg(
    "image.file.needs_fixing", "The picture {file} needs fixing before it can be sent ({fixes})."
)
PICTURE_CANNOT_SHRINK = msg(
    "image.file.cannot_shrink",
    "The picture {file} cannot be made small enough for the 10 MB limit; scale it down first.",
)
PICTURE_NOT_READABLE_FORMAT = msg(
    "image.file.not_a_picture",
    "{file} is not a picture Pillow can read, although its name ends in {ending}; choose a JPG, PNG, BMP, "
    "PNM, TIFF or WEBP image.",
)
PICTURE_CLAIMS_TOO_LARGE = msg(
    "image.file.claims_too_large",
    "{file} claims to be far larger than any picture the service takes; it is not translated.",
)
PICTURE_DAMAGED = msg(
    "image.file.damaged", "The picture {file} is damaged and cannot be opened; copy or download it again."
)
PICTURE_TRUNCATED = msg(
    "image.file.truncated",
    "The picture {file} is damaged or cut short (its data ends early); copy or download it again.",
)

# Fragments naming what media.images repairs in a picture (ImageInspection.notes; the queue lists them).
FIX_ROTATE = msg("image.fix.rotate", "turned upright as its EXIF orientation says")
FIX_CONVERT_FORMAT = msg("image.fix.convert_format", "converted to a format the service reads")
FIX_FIRST_FRAME = msg("image.fix.first_frame", "only the first frame of the animation is translated")
FIX_CONVERT_COLOURS = msg("image.fix.convert_colours", "converted from CMYK print colours to RGB")
FIX_DOWNSCALE = msg("image.fix.downscale", "scaled down to fit 8192 px per side")
FIX_RECOMPRESS = msg("image.fix.recompress", "re-encoded as JPEG to fit the 10 MB limit")

OCR_IMAGE_TOO_DETAILED = msg(
    "ocr.image.too_detailed", "The image is too detailed to send under the 10 MB limit even as JPEG; crop it first."
)
OCR_IMAGE_EMPTY = msg("ocr.image.empty", "{file} is empty (0 bytes); choose another image or capture again.")
OCR_IMAGE_TOO_SMALL = msg(
    "ocr.image.too_small",
    "{file} is only {width}×{height} px; OCR needs at least {minimum}×{minimum} px, so select a larger area.",
)
OCR_IMAGE_TOO_WIDE = msg(
    "ocr.image.too_wide", "{file} is {width}×{height} px, wider than the 200:1 the service accepts; crop it into parts."
)
OCR_IMAGE_TOO_MANY_PIXELS = msg(
    "ocr.image.too_many_pixels", "{file} is larger than 100 megapixels; crop or shrink it first."
)
OCR_IMAGE_DAMAGED = msg(
    "ocr.image.damaged", "{file} is damaged or cut short and cannot be decoded; choose another image."
)
OCR_IMAGE_MISSING = msg("ocr.image.missing", "{file} does not exist; check the path.")
OCR_IMAGE_IS_FOLDER = msg("ocr.image.is_folder", "{file} is a folder, not an image; choose an image file.")
OCR_IMAGE_UNREADABLE = msg("ocr.image.unreadable", "{file} cannot be read ({reason}); check its permissions.")
OCR_IMAGE_NOT_AN_IMAGE = msg(
    "ocr.image.not_an_image",
    "{file} is not an image Pillow can read (PNG, JPEG, BMP, TIFF, WebP, GIF); choose an image file.",
)
SNIP_CANCELLED = msg("screen.snip.cancelled", "The screen capture was cancelled.")
SNIP_NOT_PERMITTED = msg(
    "screen.snip.not_permitted",
    "Screen capture was not permitted: allow this app to take screenshots in the desktop's privacy "
    "settings, or paste a screenshot instead.",
)
SNIP_UNREADABLE_FORMAT = msg(
    "screen.snip.cannot_open", "The desktop returned a screenshot this app cannot open; paste a screenshot instead."
)
SNIP_FILE_UNREADABLE = msg("screen.snip.file_unreadable", "The desktop's screenshot {path} cannot be read ({reason}).")
SNIP_PORTAL_TOO_OLD = msg(
    "screen.snip.portal_too_old",
    "The desktop's screenshot portal is too old to be used here; paste a screenshot instead.",
)
SNIP_TIMEOUT = msg(
    "screen.snip.timeout", "The desktop did not answer the screenshot request in time; try again or paste a screenshot."
)
#: ``{file}`` of the OCR image sentences for an image that has no file name (pasted, captured).
THE_IMAGE = msg("ocr.image.the_image", "The image")
# The notice of what was done to an OCR image before sending: "{file} was {changes}." (changes: the fragments below).
OCR_PREPARED = msg("ocr.image.prepared", "{file} was {changes}.")
OCR_PREP_ROTATED = msg("ocr.image.prep_rotated", "turned upright from its EXIF orientation")
OCR_PREP_SCALED = msg(
    "ocr.image.prep_scaled",
    "scaled from {width}×{height} to {new_width}×{new_height} px to fit the model's pixel range",
)
OCR_PREP_SPLIT = msg("ocr.image.prep_split", "split into {count} pieces read in order (too tall to read in one piece)")
