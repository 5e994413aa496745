"""Saved glossaries: every named glossary in one versioned JSON file in the config folder.

File ``<config_dir>/glossaries.json``::

    {"schema_version": 1,
     "glossaries": [{"name": "Keynote", "source_lang": "en", "target_lang": "zh",
                     "entries": [{"source": "Alibaba Cloud", "target": "阿里云"}]}]}

One file rather than one per glossary: glossaries are small (hundreds of rows at most, they count towards request
token budgets), a user edits them together in one dialog, and a single atomic replace can never leave the set half
written. Writes go through :mod:`interpreter.store.atomic`.

A file that cannot be parsed is never overwritten silently: :meth:`GlossaryStore.load` moves it aside to
``glossaries.corrupt-<timestamp>.json`` and raises an error naming that file, so the user can recover their terms.
A file written by a newer version of the app is left alone and refused for writing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from interpreter.core.glossary import Glossary, GlossaryEntry, term_key
from interpreter.errors import ConfigError, StorageError
from interpreter.store import texts
from interpreter.store.atomic import atomic_write_text
from interpreter.store.paths import config_dir

__all__ = ["FILE_NAME", "SCHEMA_VERSION", "GlossaryStore", "GlossaryStoreError"]

FILE_NAME = "glossaries.json"

#: Version of the file layout. Bump it with a migration in ``_migrate`` when the layout changes.
SCHEMA_VERSION = 1


class GlossaryStoreError(StorageError):
    """The saved glossaries could not be read or written."""


class GlossaryStore:
    """Load and save the user's named glossaries.

    The store keeps no cache: every call reads or writes the file, so two windows (or a dialog and a running
    session) never disagree for long. Glossary names are unique, compared as :func:`term_key` does (trimmed,
    case-insensitive), because a user cannot tell "Keynote" and "keynote " apart in a list.

    Args:
        path: the JSON file; default ``config_dir() / "glossaries.json"`` (resolved on first use, not here).
    """

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        """The JSON file (the config folder is created on first access)."""
        if self._path is None:
            self._path = config_dir() / FILE_NAME
        return self._path

    # ---- reading -------------------------------------------------------------------------------------------------

    def load(self) -> list[Glossary]:
        """All saved glossaries in the user's order; an empty list when none were saved yet.

        Raises:
            GlossaryStoreError: the file is unreadable (it has been moved aside and the message names the copy),
                or was written by a newer version of the app (it is left untouched).
        """
        raw = self._read_raw()
        if raw is None:
            return []
        try:
            return _parse(_migrate(raw))
        except _NewerVersion:
            raise GlossaryStoreError(
                texts.GLOSSARIES_NEWER(),
                detail=f"{self.path}: schema_version {raw.get('schema_version')!r} > {SCHEMA_VERSION}",
            ) from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # valid JSON, wrong shape
            raise self._corrupt(exc) from exc

    def names(self) -> list[str]:
        """Names of the saved glossaries, in order."""
        return [glossary.name for glossary in self.load()]

    def get(self, name: str) -> Glossary | None:
        """The glossary called ``name`` (case-insensitive), or None."""
        key = term_key(name)
        return next((g for g in self.load() if term_key(g.name) == key), None)

    # ---- writing -------------------------------------------------------------------------------------------------

    def save(self, glossaries: Sequence[Glossary]) -> None:
        """Replace the saved set with ``glossaries`` (atomically).

        Raises:
            ConfigError: a name is empty or used twice (field ``"name"``).
            GlossaryStoreError: the file on disk belongs to a newer app version, or cannot be written.
        """
        seen: set[str] = set()
        for glossary in glossaries:
            key = term_key(glossary.name)
            if not key:
                raise ConfigError(texts.GLOSSARY_NAME_MISSING(), field="name")
            if key in seen:
                raise ConfigError(texts.GLOSSARY_NAME_TWICE(name=glossary.name.strip()), field="name")
            seen.add(key)
        existing = self._read_raw_quietly()
        if existing is not None and _version_of(existing) > SCHEMA_VERSION:
            raise GlossaryStoreError(
                texts.GLOSSARIES_NEWER(),
                detail=f"{self.path}: refusing to overwrite schema_version {_version_of(existing)}",
            )
        document = {"schema_version": SCHEMA_VERSION, "glossaries": [_dump(g) for g in glossaries]}
        # ensure_ascii=False keeps terms readable in the file; indent so a user can diff or hand-edit it.
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        try:
            atomic_write_text(self.path, text)
        except StorageError as exc:
            raise GlossaryStoreError(exc.user_message, detail=exc.detail) from exc

    def put(self, glossary: Glossary, *, replacing: str | None = None) -> None:
        """Add ``glossary`` or replace the saved one with the same name (or the one called ``replacing``,
        which renames it); the glossary keeps its place in the order.

        Raises:
            ConfigError: another glossary already has that name.
            GlossaryStoreError: see :meth:`save`.
        """
        old_key = term_key(replacing if replacing is not None else glossary.name)
        glossaries = self.load()
        for index, existing in enumerate(glossaries):
            if term_key(existing.name) == old_key:
                glossaries[index] = glossary
                break
        else:
            glossaries.append(glossary)
        self.save(glossaries)

    def delete(self, name: str) -> bool:
        """Remove the glossary called ``name``; returns whether one was removed."""
        key = term_key(name)
        glossaries = self.load()
        kept = [g for g in glossaries if term_key(g.name) != key]
        if len(kept) == len(glossaries):
            return False
        self.save(kept)
        return True

    # ---- internals -----------------------------------------------------------------------------------------------

    def _read_raw(self) -> dict[str, Any] | None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise GlossaryStoreError(texts.GLOSSARIES_UNREADABLE(path=str(self.path)), detail=str(exc)) from exc
        try:
            raw = json.loads(data.decode("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("the top level is not an object")
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise self._corrupt(exc) from exc
        return raw

    def _corrupt(self, exc: Exception) -> GlossaryStoreError:
        """Move the unreadable file aside and describe where it went."""
        backup = self._move_aside()
        return GlossaryStoreError(
            texts.GLOSSARIES_MOVED_ASIDE(backup=str(backup)),
            detail=f"{type(exc).__name__}: {exc}",
        )

    def _read_raw_quietly(self) -> dict[str, Any] | None:
        """The raw document if it is readable JSON, else None (used only to protect newer files)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return raw if isinstance(raw, dict) else None

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"glossaries.corrupt-{stamp}.json")
        counter = 1
        while backup.exists():  # two failures within one second must not overwrite the first copy
            counter += 1
            backup = self.path.with_name(f"glossaries.corrupt-{stamp}-{counter}.json")
        try:
            self.path.replace(backup)
        except OSError as exc:
            raise GlossaryStoreError(
                texts.GLOSSARIES_CANNOT_MOVE(path=str(self.path)),
                detail=str(exc),
            ) from exc
        return backup


class _NewerVersion(Exception):
    """Internal signal: the file's schema is newer than this code."""


def _version_of(raw: dict[str, Any]) -> int:
    version = raw.get("schema_version", 1)
    return version if isinstance(version, int) else 0


def _migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring a document up to :data:`SCHEMA_VERSION` (version 1 is the first; nothing to migrate yet)."""
    version = raw.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise ValueError(f"bad schema_version {version!r}")
    if version > SCHEMA_VERSION:
        raise _NewerVersion()
    return raw


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"expected a string or null, got {type(value).__name__}")
    return value or None


def _parse(raw: dict[str, Any]) -> list[Glossary]:
    items = raw["glossaries"]
    if not isinstance(items, list):
        raise TypeError("glossaries is not a list")
    glossaries: list[Glossary] = []
    for item in items:
        name = item["name"]
        if not isinstance(name, str):
            raise TypeError("a glossary name is not a string")
        entries = []
        for row in item.get("entries", []):
            source, target = row["source"], row["target"]
            if not isinstance(source, str) or not isinstance(target, str):
                raise TypeError("a glossary entry is not a pair of strings")
            entries.append(GlossaryEntry(source, target))
        glossaries.append(
            Glossary(
                name=name,
                entries=entries,
                source_lang=_optional_str(item.get("source_lang")),
                target_lang=_optional_str(item.get("target_lang")),
            )
        )
    return glossaries


def _dump(glossary: Glossary) -> dict[str, Any]:
    return {
        "name": glossary.name.strip(),
        "source_lang": glossary.source_lang,
        "target_lang": glossary.target_lang,
        "entries": [{"source": e.source, "target": e.target} for e in glossary.entries],
    }
