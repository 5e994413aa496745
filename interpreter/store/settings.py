"""Typed, versioned user settings stored as JSON in ``config_dir()/settings.json``.

Contract:
- :func:`load_settings` never raises for a bad file. A file that is not valid JSON (or not a JSON object) is renamed
  aside to ``settings.json.corrupt-<UTC timestamp>`` and defaults are used; a field with a wrong type or an allowed-set
  violation falls back to its default. Each such event adds one user-readable sentence to ``LoadedSettings.notices``
  (and a log warning) so the UI can show it once.
- Versioning: the file carries ``schema_version``. Older files are upgraded step by step through :data:`MIGRATIONS`
  (``MIGRATIONS[n - 1]`` turns a version-``n`` dict into a version-``n + 1`` dict); a file without the key is version
  1. A file from a *newer* app version is read best-effort, and the first save keeps the newer original as
  ``settings.json.v<N>.bak`` so that downgrading never silently destroys the newer layout.
- Unknown keys: unknown *top-level* keys are preserved verbatim across load/save (a newer version's additions survive
  a round trip through this version). Unknown keys *inside* known groups (``monitor``, ``presentation`` …) are dropped
  deliberately: groups are small, fully typed records, and carrying stray keys there would hide typos forever.
- Secrets never live here (API keys are in the OS keyring, see ``store.secrets``); :func:`save_settings` refuses to
  write anything that looks like a key.
- Saving is atomic (``store.atomic``): a crash mid-save leaves the previous file intact.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import logging
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from interpreter.core.catalog import DEFAULT_MODEL
from interpreter.core.catalog import UiLanguage as UiLanguage  # the settings' field type
from interpreter.core.redaction import redact
from interpreter.errors import StorageError
from interpreter.store.atomic import atomic_write_text
from interpreter.store.paths import config_dir

_log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"

#: Version written by this code. Bump it and append a migration whenever the layout changes incompatibly.
SCHEMA_VERSION = 2

Region = Literal["singapore", "beijing"]
Theme = Literal["system", "light", "dark"]
VoiceCloneMode = Literal["off", "never", "once", "always"]  # values of protocol.config.VoiceClone
PresentationMode = Literal["translation", "both"]


@dataclass(frozen=True)
class OutputRoute:
    """One audio output: which device (None = system default), how loud (0.0–1.0 linear), and whether it plays."""

    device: str | None = None
    volume: float = 1.0
    enabled: bool = True


@dataclass(frozen=True)
class FrameGateSettings:
    """Limits for frames sent to the service, in the units of ``media.gate.GateConfig`` (the app passes them on
    unchanged; the defaults are GateConfig's, which follow the service's documented limits)."""

    max_fps: float = 2.0  # the service samples video at 2 fps; more frames only cost tokens
    scene_change_threshold: float = 6.0  # mean abs difference (0–255) of gate thumbnails that counts as a change
    keepalive_s: float = 10.0  # resend an unchanged picture this often so the model's context does not go stale
    max_height: int = 720  # the service recommends 480p/720p; 1080p is its maximum
    max_jpeg_kb: int = 500  # documented per-image limit for append_image


@dataclass(frozen=True)
class PresentationSettings:
    """The audience-facing caption window."""

    screen: str | None = None  # screen name; None = the screen the main window is not on, else primary
    font_size: int = 48  # legible from the back of a room on a 1080p projector
    foreground: str = "#FFFFFF"
    background: str = "#000000"
    mode: PresentationMode = "translation"
    always_on_top: bool = True


@dataclass(frozen=True)
class FilesSettings:
    """The Files tab's batch options, remembered between runs (values of ``core.jobs.FileTranslationOptions``)."""

    target_language: str = "en"
    source_language: str | None = None  # None = detected by the service
    voice: str | None = None  # None = the model's default voice
    text_only: bool = False
    formats: str = "srt,vtt,txt,wav,mp4"  # comma-separated ``OutputFormat`` values (the loader has no list type)
    out_dir: str | None = None  # None = next to each input file
    concurrency: int = 4  # core.jobs.DEFAULT_CONCURRENCY


@dataclass(frozen=True)
class Settings:
    """Everything the user can configure. Immutable: change with :func:`dataclasses.replace`."""

    schema_version: int = SCHEMA_VERSION
    # Service
    region: Region = "singapore"
    base_url: str | None = None  # override for the emulator or a workspace host; None = region default
    model: str = DEFAULT_MODEL
    source_language: str | None = None  # None = auto-detect
    target_language: str = "en"
    audio_output: bool = True
    voices: dict[str, str] = field(default_factory=dict)  # model name -> chosen voice
    voice_clone: VoiceCloneMode = "off"
    cloned_voice_id: str | None = None
    glossary: str | None = None  # name of the selected glossary, None = none
    # Audio
    input_device: str | None = None
    monitor: OutputRoute = OutputRoute()
    audience: OutputRoute = OutputRoute(enabled=False)
    jitter_target_ms: int = 80  # the jitter buffer's starting hold; it adapts up to 300 ms (media/jitter_policy.py)
    # Visual context
    visual_source: str | None = None  # e.g. "screen:0", "camera:0", "file:/path/video.mp4"; None = off
    frame_gate: FrameGateSettings = FrameGateSettings()
    # Appearance
    caption_font_size: int = 14
    presentation: PresentationSettings = PresentationSettings()
    window_geometry: bytes | None = None  # Qt saveGeometry() blob, base64 in the file
    theme: Theme = "system"
    ui_language: UiLanguage = "system"
    # Misc
    demo_mode: bool = False
    last_export_dir: str | None = None
    # Files tab (added without a schema bump: a file without the group loads the defaults)
    files: FilesSettings = FilesSettings()
    # Unknown top-level keys from the file, written back unchanged (see module docstring).
    extra: dict[str, Any] = field(default_factory=dict)

    def voice_for(self, model: str) -> str | None:
        """The voice chosen for ``model``, or None for the model's default."""
        return self.voices.get(model)


@dataclass(frozen=True)
class LoadedSettings:
    """Settings plus the sentences the user should see once about how they were loaded."""

    settings: Settings
    notices: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------------------------
# Migrations


def _v1_to_v2(old: dict[str, Any]) -> dict[str, Any]:
    """v1 was the prototype's flat layout: ``region`` "intl"/"cn", ``api_base``, one ``voice``, percent volumes,
    ``monitor_device``/``audience_device`` (None = off), ``font_size``, ``dark_mode``."""
    new = dict(old)
    region = new.pop("region", None)
    new["region"] = {"intl": "singapore", "cn": "beijing"}.get(region, region) if region is not None else "singapore"
    if "api_base" in new:
        new["base_url"] = new.pop("api_base")
    voice = new.pop("voice", None)
    if isinstance(voice, str) and voice:
        new["voices"] = {str(new.get("model", DEFAULT_MODEL)): voice}
    new["monitor"] = {
        "device": new.pop("monitor_device", None),
        "volume": _percent_to_unit(new.pop("monitor_volume", 100)),
        "enabled": True,
    }
    audience_device = new.pop("audience_device", None)
    new["audience"] = {
        "device": audience_device,
        "volume": _percent_to_unit(new.pop("audience_volume", 100)),
        "enabled": audience_device is not None,
    }
    if "font_size" in new:
        new["caption_font_size"] = new.pop("font_size")
    if "dark_mode" in new:
        new["theme"] = "dark" if new.pop("dark_mode") else "system"
    new["schema_version"] = 2
    return new


def _percent_to_unit(value: Any) -> Any:
    return value / 100.0 if isinstance(value, int | float) and not isinstance(value, bool) else value


#: ``MIGRATIONS[n - 1]`` upgrades a version-``n`` dict to version ``n + 1``; len(MIGRATIONS) == SCHEMA_VERSION - 1.
MIGRATIONS: list[Callable[[dict[str, Any]], dict[str, Any]]] = [_v1_to_v2]


def migrate(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Upgrade a settings dict of any older version to :data:`SCHEMA_VERSION` (newer versions pass through)."""
    data = dict(raw)
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        version = 1
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version - 1](data)
        version += 1
        data["schema_version"] = version
    return data


# ---------------------------------------------------------------------------------------------------------------
# Decoding / encoding


#: Inclusive bounds for numeric fields; a value outside them is reset to its default (with a notice), because a
#: hand-edited 0 pt font or a 10-minute jitter buffer would make the app look broken rather than configured.
_RANGES: dict[str, tuple[float, float]] = {
    "monitor.volume": (0.0, 1.0),
    "audience.volume": (0.0, 1.0),
    "jitter_target_ms": (20, 300),  # the adaptive buffer's own bounds (media/jitter_policy.py)
    "frame_gate.max_fps": (0.1, 2.0),  # the service samples at most 2 fps
    "frame_gate.scene_change_threshold": (0.0, 255.0),
    "frame_gate.keepalive_s": (0.0, 600.0),  # 0 = no keep-alive frames
    "frame_gate.max_height": (144, 1080),  # 1080p is the service's maximum
    "frame_gate.max_jpeg_kb": (16, 500),  # 500 KB is the documented per-image limit
    "caption_font_size": (6, 200),
    "presentation.font_size": (8, 400),
    "files.concurrency": (1, 16),  # core.jobs.MAX_CONCURRENCY
}


class _Invalid(Exception):
    """A value does not fit its field's type (internal; turned into a notice)."""


def _coerce(value: Any, hint: Any, path: str, notices: list[str]) -> Any:
    origin = get_origin(hint)
    if origin is Literal:
        if value in get_args(hint):
            return value
        raise _Invalid
    if origin in (typing.Union, types.UnionType):
        args = get_args(hint)
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _coerce(value, arg, path, notices)
            except _Invalid:
                continue
        raise _Invalid
    if origin is dict:
        key_type, value_type = get_args(hint)
        if not isinstance(value, dict):
            raise _Invalid
        if value_type is Any:
            return dict(value)
        return {_coerce(k, key_type, path, notices): _coerce(v, value_type, path, notices) for k, v in value.items()}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, dict):
            raise _Invalid
        return _decode_dataclass(hint, value, path, notices)
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise _Invalid
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _Invalid
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise _Invalid
    if hint is str:
        if isinstance(value, str):
            return value
        raise _Invalid
    if hint is bytes:
        if not isinstance(value, str):
            raise _Invalid
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise _Invalid from exc
    if hint is Any:
        return value
    raise TypeError(f"settings field {path} has an unsupported type {hint!r}")  # a bug in this module


def _decode_dataclass(cls: type[Any], raw: Mapping[str, Any], path: str, notices: list[str]) -> Any:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name == "extra" or f.name not in raw:
            continue
        dotted = f"{path}.{f.name}" if path else f.name
        try:
            value = _coerce(raw[f.name], hints[f.name], dotted, notices)
            bounds = _RANGES.get(dotted)
            if bounds is not None and not bounds[0] <= value <= bounds[1]:
                raise _Invalid
            kwargs[f.name] = value
        except _Invalid:
            notices.append(f"The setting “{dotted}” had an invalid value and was reset to its default.")
            _log.warning("settings: invalid value for %s: %s", dotted, redact(repr(raw[f.name]))[:200])
    return cls(**kwargs)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def settings_from_dict(raw: Mapping[str, Any]) -> LoadedSettings:
    """Build settings from a parsed JSON object of any version (migrating it first); never raises for bad values."""
    notices: list[str] = []
    data = migrate(raw)
    version = data.get("schema_version")
    known = {f.name for f in dataclasses.fields(Settings)} - {"extra"}
    settings = _decode_dataclass(Settings, data, "", notices)
    extra = {k: v for k, v in data.items() if k not in known}
    settings = dataclasses.replace(settings, schema_version=SCHEMA_VERSION, extra=extra)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        notices.append(
            "Your settings were saved by a newer version of Live Interpreter; settings this version does not know "
            "are kept, and a copy of the original file is saved on the next change."
        )
        settings = dataclasses.replace(settings, extra={**extra, "__newer_schema_version__": version})
    return LoadedSettings(settings, tuple(notices))


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The JSON object written to disk (extra keys first, so known fields win on a clash)."""
    encoded: dict[str, Any] = {k: v for k, v in settings.extra.items() if k != "__newer_schema_version__"}
    for f in dataclasses.fields(settings):
        if f.name != "extra":
            encoded[f.name] = _encode(getattr(settings, f.name))
    encoded["schema_version"] = SCHEMA_VERSION
    return encoded


# ---------------------------------------------------------------------------------------------------------------
# Files


def settings_path() -> Path:
    """``config_dir()/settings.json``."""
    return config_dir() / SETTINGS_FILE


def _move_aside(path: Path, suffix: str) -> Path | None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{suffix}-{stamp}")
    try:
        path.replace(target)
    except OSError:
        _log.exception("settings: could not move %s aside", path)
        return None
    return target


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Read settings (defaults when the file does not exist). Never raises for a bad file; see the module docstring.

    Raises:
        StorageError: only when the config folder itself cannot be created.
    """
    path = path if path is not None else settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError) as exc:
        return _corrupt(path, exc)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return _corrupt(path, exc)
    if not isinstance(raw, dict):
        return _corrupt(path, ValueError(f"top level is {type(raw).__name__}, not an object"))
    return settings_from_dict(raw)


def _corrupt(path: Path, exc: BaseException) -> LoadedSettings:
    moved = _move_aside(path, "corrupt")
    _log.warning("settings: %s is unreadable (%s); using defaults, moved to %s", path, exc, moved)
    where = f" The damaged file was kept as {moved.name}." if moved else ""
    return LoadedSettings(
        Settings(),
        (f"Your settings file could not be read, so default settings are in use.{where}",),
    )


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write settings atomically.

    Raises:
        StorageError: the file could not be written (the previous file is intact), or a value looks like an API key
            (keys belong in the keyring; this guards against a UI bug putting one in a text field).
    """
    path = path if path is not None else settings_path()
    newer = settings.extra.get("__newer_schema_version__")
    if newer is not None and path.exists():
        backup = path.with_name(f"{path.name}.v{newer}.bak")
        if not backup.exists():
            try:
                path.replace(backup)
            except OSError as exc:
                raise StorageError(
                    f"Cannot keep a copy of {path.name} before saving settings; check folder permissions.",
                    detail=str(exc),
                ) from exc
    text = json.dumps(settings_to_dict(settings), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if redact(text) != text:
        raise StorageError(
            "A setting looks like an API key; keys are stored in the system keyring, not in the settings file.",
        )
    atomic_write_text(path, text)
