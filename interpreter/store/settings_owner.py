"""The one owner of the running app's settings: every change goes through it, and it saves them off the hot path.

The window, the dialogs and the shutdown used to write the settings from four places; now they call
:meth:`SettingsOwner.update` (or :meth:`SettingsOwner.change`) and read :attr:`SettingsOwner.current`.

Saving: each change schedules one background save (``save_settings`` in a worker thread: an atomic replace of the
file) on the running asyncio loop, so a change made in a Qt slot never waits for the disk. Changes made while a
save runs are coalesced into one more save of the newest settings; the file on disk is therefore always a
complete, recent version. :meth:`flush` (awaited at shutdown) writes whatever is still pending. With no running
loop (scripts, tests) a change is only remembered until :meth:`flush` or :meth:`save_now`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from interpreter.errors import StorageError
from interpreter.store.settings import Settings, save_settings

__all__ = ["SettingsOwner"]

_log = logging.getLogger(__name__)


class SettingsOwner:
    """Holds the current :class:`~interpreter.store.settings.Settings` and persists every change.

    Args:
        settings: the settings loaded at start.
        path: the settings file (None: the platform config folder's).
        on_error: told when a background save failed (the previous file is intact); e.g. the window's notice.
            Without it the failure is logged only.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        path: Path | None = None,
        on_error: Callable[[StorageError], None] | None = None,
    ) -> None:
        self._current = settings
        self._path = path
        self.on_error = on_error
        self._dirty = False
        self._saver: asyncio.Task[None] | None = None
        self._listeners: list[Callable[[Settings], None]] = []

    @property
    def current(self) -> Settings:
        """The settings in force now (an immutable value: change them with :meth:`update`)."""
        return self._current

    @property
    def pending(self) -> bool:
        """True while a change has not reached the disk yet."""
        return self._dirty or (self._saver is not None and not self._saver.done())

    def subscribe(self, listener: Callable[[Settings], None]) -> None:
        """Call ``listener(new_settings)`` after every change."""
        self._listeners.append(listener)

    def update(self, settings: Settings) -> None:
        """Replace the settings with ``settings`` and save them soon (nothing happens when they are equal)."""
        if settings == self._current:
            return
        self._current = settings
        self._dirty = True
        for listener in list(self._listeners):
            listener(settings)
        self._schedule()

    def change(self, **fields: Any) -> None:
        """``update(dataclasses.replace(current, **fields))``."""
        self.update(dataclasses.replace(self._current, **fields))

    def save_now(self) -> None:
        """Write the current settings synchronously (blocking the caller for one atomic write).

        Raises:
            StorageError: the file could not be written; the previous file is intact.
        """
        self._dirty = False
        try:
            save_settings(self._current, self._path)
        except StorageError:
            self._dirty = True
            raise

    async def flush(self) -> None:
        """Wait for a running save, then write what is still pending (in a worker thread).

        Raises:
            StorageError: the last write failed; the previous file is intact.
        """
        if self._saver is not None and not self._saver.done():
            await asyncio.wait({self._saver})
        if self._dirty:
            self._dirty = False
            try:
                await asyncio.to_thread(save_settings, self._current, self._path)
            except StorageError:
                self._dirty = True
                raise

    # --- background saving ----------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop: remembered until flush() / save_now()
        if self._saver is None or self._saver.done():
            self._saver = loop.create_task(self._save_while_dirty(), name="settings-save")

    async def _save_while_dirty(self) -> None:
        while self._dirty:
            self._dirty = False
            snapshot = self._current
            try:
                await asyncio.to_thread(save_settings, snapshot, self._path)
            except StorageError as error:
                self._dirty = True  # still not on disk: the next change or flush() writes it
                _log.error("saving settings failed: %s", error)
                if self.on_error is not None:
                    self.on_error(error)
                return
