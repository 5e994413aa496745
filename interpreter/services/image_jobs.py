"""The plain data of image translation (pure except :func:`write_result` and :func:`resolve_image_endpoint`):
options, per-picture progress, error kinds and exit codes, the region rule, prices, and how results are named and
written. :mod:`interpreter.services.image_translation` runs the flow; the UI and the ``translate`` command use these.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from interpreter.core import image_rules
from interpreter.core.image_rules import check_languages
from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    MediaFileError,
    RequestRejectedError,
    StorageError,
)
from interpreter.services import texts
from interpreter.store.atomic import atomic_write_bytes
from interpreter.store.secrets import SecretStore, resolve_api_key
from interpreter.transport.endpoints import Region, is_region, parse_region

__all__ = [
    "FINISHED",
    "ErrorKind",
    "ImageProgress",
    "ImageStatus",
    "ImageTranslationOptions",
    "ProgressCallback",
    "RegionNotServedError",
    "check_region",
    "error_kind",
    "exit_code",
    "failure_sentence",
    "price_text",
    "resolve_image_endpoint",
    "write_result",
]


class RegionNotServedError(ConfigError):
    """qwen-mt-image is not served at the chosen region (Beijing only)."""


def check_region(endpoint: str | Region) -> None:
    """Refuse a Singapore endpoint before anything is sent (spec §6: Beijing only).

    A custom base URL (the emulator, demo mode, a proxy) is accepted: it is taken to serve every model.

    Raises:
        RegionNotServedError: one sentence saying how to add a Beijing key.
    """
    if is_region(str(endpoint)) and parse_region(endpoint) is not Region.BEIJING:
        raise RegionNotServedError(
            texts.IMAGE_BEIJING_ONLY_KEY_SINGAPORE(),
            field="region",
        )


def resolve_image_endpoint(
    base_url: str | None,
    region: str | None,
    explicit_key: str | None,
    *,
    secrets: SecretStore | None = None,
) -> tuple[str, str]:
    """The endpoint and key image translation should use (what the ``translate`` command and the app call).

    A custom ``base_url`` (emulator, demo, proxy) is used as it is, with the explicit key, ``DASHSCOPE_API_KEY`` or
    a stored key (Beijing first). Otherwise the Beijing region is used whatever the other features use (both keys
    can be kept, per region); asking for Singapore explicitly is refused.

    Returns:
        ``(endpoint, api_key)`` for :class:`ImageTranslationService`.

    Raises:
        RegionNotServedError: ``region`` is Singapore and no base URL was given.
        ConfigError: no key was found (the sentence says how to add a Beijing key).
    """
    if base_url:
        for key_region in (Region.BEIJING.value, Region.SINGAPORE.value):
            key, _source = resolve_api_key(explicit_key, key_region, secrets)
            if key:
                return base_url, key
        raise ConfigError(texts.NO_API_KEY_FOR(address=base_url), field="api_key")
    if region:
        check_region(region)
    key, _source = resolve_api_key(explicit_key, Region.BEIJING.value, secrets)
    if not key:
        raise ConfigError(
            texts.IMAGE_NO_BEIJING_KEY(),
            field="api_key",
        )
    return Region.BEIJING.value, key


def price_text(images: int) -> str:
    """What ``images`` pictures cost if all succeed, e.g. ``3 images: at most 0.009 CNY`` (failures are free)."""
    amount = image_rules.format_price(image_rules.batch_price(images))
    return f"{images} image{'s' if images != 1 else ''}: at most {amount} (0.003 CNY each; failures are free)"


@dataclass(frozen=True)
class ImageTranslationOptions:
    """What to ask the service for (spec §6 ``input`` and ``input.ext``).

    Attributes:
        target: target language (code or English name).
        source: source language or ``auto``.
        domain_hint: English sentence about the domain (``ext.domainHint``).
        sensitives: texts to leave out of the translation, matched exactly (``ext.sensitives``).
        terminologies: (source term, target term) pairs, e.g. the app's glossary (``ext.terminologies``).
        keep_subject_text: leave text on products, people and logos untranslated (``ext.config.imageSegment``).
        output_dir: where results go; None = beside each picture.
        allow_fixes: repair oversized/rotated/unsupported pictures instead of refusing them.
    """

    target: str
    source: str = image_rules.AUTO
    domain_hint: str = ""
    sensitives: tuple[str, ...] = ()
    terminologies: tuple[tuple[str, str], ...] = ()
    keep_subject_text: bool = False
    output_dir: Path | None = None
    allow_fixes: bool = True

    def checked(self) -> ImageTranslationOptions:
        """These options with languages normalised to codes.

        Raises:
            ImageLanguageError: a language rule of spec §6 is broken (the sentence names what is allowed).
        """
        pair = check_languages(self.source, self.target)
        return replace(self, source=pair.source, target=pair.target)

    def request_input(self, image_url: str) -> dict[str, Any]:
        """The ``input`` object of the submit request."""
        data: dict[str, Any] = {"image_url": image_url, "source_lang": self.source, "target_lang": self.target}
        ext: dict[str, Any] = {}
        if self.domain_hint.strip():
            ext["domainHint"] = self.domain_hint.strip()
        if self.sensitives:
            ext["sensitives"] = [s for s in self.sensitives if s]
        if self.terminologies:
            ext["terminologies"] = [{"src": s, "tgt": t} for s, t in self.terminologies if s and t]
        if self.keep_subject_text:
            ext["config"] = {"imageSegment": True}
        if ext:
            data["ext"] = ext
        return data

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "source": self.source,
            "domain_hint": self.domain_hint,
            "sensitives": list(self.sensitives),
            "terminologies": [list(p) for p in self.terminologies],
            "keep_subject_text": self.keep_subject_text,
            "output_dir": str(self.output_dir) if self.output_dir else None,
            "allow_fixes": self.allow_fixes,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ImageTranslationOptions:
        return cls(
            target=str(data["target"]),
            source=str(data.get("source") or image_rules.AUTO),
            domain_hint=str(data.get("domain_hint") or ""),
            sensitives=tuple(str(s) for s in data.get("sensitives") or ()),
            terminologies=tuple((str(p[0]), str(p[1])) for p in data.get("terminologies") or ()),
            keep_subject_text=bool(data.get("keep_subject_text")),
            output_dir=Path(data["output_dir"]) if data.get("output_dir") else None,
            allow_fixes=bool(data.get("allow_fixes", True)),
        )


class ImageStatus(StrEnum):
    """A picture's place in the flow, as the queue shows it."""

    QUEUED = "queued"
    CHECKING = "checking"
    UPLOADING = "uploading"
    WAITING = "waiting"  # for a place under the limits (2 tasks, 1 submit per second)
    PENDING = "pending"  # submitted; queued at the service
    RUNNING = "running"
    DOWNLOADING = "downloading"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


FINISHED: Final = frozenset({ImageStatus.DONE, ImageStatus.FAILED, ImageStatus.CANCELLED})


class ErrorKind(StrEnum):
    """Why a picture failed, for exit codes and grouping (the sentence says the rest)."""

    INPUT = "input"  # the picture or the options: fix them (exit code 2)
    REFUSED = "refused"  # the key, the model or the request was refused (exit code 3)
    SERVICE = "service"  # the service or the network had trouble: retry later (exit code 4)
    STORAGE = "storage"  # writing the result or the task list failed (exit code 5)


_EXIT_CODES: Final = {ErrorKind.INPUT: 2, ErrorKind.REFUSED: 3, ErrorKind.SERVICE: 4, ErrorKind.STORAGE: 5}


def exit_code(results: Sequence[ImageProgress]) -> int:
    """The ``translate`` command's exit code for a batch: 0 when nothing failed, else the highest of 2 (input),
    3 (refused), 4 (service/network), 5 (storage) among the failures."""
    codes = [_EXIT_CODES[r.error_kind or ErrorKind.SERVICE] for r in results if r.status is ImageStatus.FAILED]
    return max(codes, default=0)


@dataclass(frozen=True)
class ImageProgress:
    """One picture's state, sent to ``on_progress`` at every change and returned at the end.

    Attributes:
        record_id: its row in the store (stable across restarts; used to cancel or retry it).
        source_path: the picture.
        status: where it stands.
        task_id: the service's task id once submitted.
        output_path: the translated picture once written.
        notes: fixes made to the picture, "No text detected" and similar remarks (each a sentence fragment).
        error: why it failed, one sentence with what to do (FAILED only).
        billed: the service charged for it (a successful task, including "No text detected").
        error_kind: the kind of failure (FAILED only).
    """

    record_id: int
    source_path: Path
    status: ImageStatus
    task_id: str | None = None
    output_path: Path | None = None
    notes: tuple[str, ...] = ()
    error: str | None = None
    billed: bool = False
    error_kind: ErrorKind | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


ProgressCallback = Callable[[ImageProgress], None]


def error_kind(exc: BaseException) -> ErrorKind:
    """The kind of failure ``exc`` is (for exit codes)."""
    if isinstance(exc, MediaFileError | ConfigError):
        return ErrorKind.INPUT
    if isinstance(exc, StorageError | OSError):
        return ErrorKind.STORAGE
    if isinstance(exc, RequestRejectedError | AuthenticationError | AccessDeniedError):
        return ErrorKind.REFUSED
    return ErrorKind.SERVICE


def failure_sentence(path: Path, output: Mapping[str, Any]) -> str:
    code = str(output.get("code") or "")
    message = str(output.get("message") or "").strip()
    said = f" ({code}: {message})" if message else (f" ({code})" if code else "")
    low = code.lower()
    if low.startswith("internalerror"):
        return f"The service failed on {path.name}{said}; choose Retry (failed pictures are not billed)."
    if "datainspection" in low:
        return f"The service's content check refused {path.name}{said}; it cannot be translated as it is."
    if "url" in low or "download" in low or "invalidparameter" in low:
        return f"The service could not read {path.name}{said}; check the picture, then choose Retry."
    return f"The service could not translate {path.name}{said}; choose Retry later (failed pictures are not billed)."


_EXTENSION_FOR_TYPE: Final = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def _extension(content: bytes, content_type: str) -> str:
    if content.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if content.startswith(b"\x89PNG"):
        return ".png"
    return _EXTENSION_FOR_TYPE.get(content_type.split(";")[0].strip().lower(), ".jpg")  # spec §6: output is JPG


def write_result(source: Path, options: ImageTranslationOptions, content: bytes, content_type: str) -> Path:
    """Write the result atomically as ``<stem>.<target>.<ext>``, never over an existing file (``... (2).jpg``)."""
    folder = options.output_dir or source.parent
    ext = _extension(content, content_type)
    name = image_rules.output_name(source.stem, options.target, ext)
    candidate = folder / name
    number = 2
    while candidate.exists():
        candidate = folder / f"{Path(name).stem} ({number}){ext}"
        number += 1
    atomic_write_bytes(candidate, content)
    return candidate
