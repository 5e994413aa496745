"""State and actions of the API key dialog (``ui.dialogs.api_key.ApiKeyDialog`` is its view).

The key lives only in the OS keyring (``store.secrets``). The key never reaches a log, an exception message or a
signal: signals carry only outcomes and masked hints. The connection check itself is
``services.connection_check``; its outcome is shown in the UI language (``viewmodels.connection_check``).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from interpreter.core.redaction import redact, register_secret
from interpreter.errors import ConfigError, SecretStoreUnavailableError, StorageError
from interpreter.services.connection_check import CheckOutcome, check_connection
from interpreter.store.secrets import API_KEY_ENV, resolve_api_key
from interpreter.transport.endpoints import Region
from interpreter.ui.dialogs.localization import join_sentences
from interpreter.ui.viewmodels.async_slot import async_slot
from interpreter.ui.viewmodels.connection_check import outcome_headline, outcome_text, region_label

__all__ = ["API_KEY_ENV", "REGIONS", "ApiKeyViewModel", "Checker", "SecretStoreLike", "key_hint", "region_label"]

logger = logging.getLogger(__name__)

#: The regions a user can pick, in the order the dialog shows them (values are ``Region`` values).
REGIONS: tuple[str, ...] = tuple(region.value for region in Region)

#: Keys shorter than this get no hint at all: showing 4 characters of a short key would give away too much.
_HINT_MIN_LENGTH = 16
_HINT_CHARS = 4

Checker = Callable[..., Awaitable[CheckOutcome]]


class SecretStoreLike(Protocol):
    """What the dialog needs from ``interpreter.store.secrets.SecretStore``."""

    def available(self) -> bool: ...
    def get_api_key(self, region: str) -> str | None: ...
    def set_api_key(self, region: str, key: str) -> None: ...
    def delete_api_key(self, region: str) -> None: ...


def key_hint(key: str) -> str:
    """A masked reminder of which key is stored ("sk-…c0de"); never enough of the key to use it."""
    key = key.strip()
    prefix = "sk-" if key.startswith("sk-") else ""
    if len(key) < _HINT_MIN_LENGTH:
        return f"{prefix}…"
    return f"{prefix}…{key[-_HINT_CHARS:]}"


class ApiKeyViewModel(QObject):
    """State and actions of the API key dialog.

    Signals carry plain data only and never a key:

    - ``region_changed(str)``: the selected region's value ("singapore"/"beijing").
    - ``status_changed(str)``: a sentence describing where the key for this region comes from.
    - ``busy_changed(bool)``: a check or save is running (buttons disable themselves).
    - ``check_finished(str, str, str)``: reason value, headline, sentence of a connection check.
    - ``save_finished(bool, str)``: whether the key was saved, and a sentence saying so or why not.
    - ``region_saved(str)``: the user saved with this region selected (the caller stores it in settings).

    Args:
        secrets: the keyring-backed secret store.
        region: the region selected when the dialog opens.
        base_url: a custom service address (demo emulator, proxy), or None for the region's public endpoint.
        model: the realtime model whose access the check proves.
        checker: the connection check (None: ``services.connection_check.check_connection``); tests may pass a
            wrapper.
    """

    region_changed = Signal(str)
    status_changed = Signal(str)
    busy_changed = Signal(bool)
    check_finished = Signal(str, str, str)
    save_finished = Signal(bool, str)
    region_saved = Signal(str)

    def __init__(
        self,
        secrets: SecretStoreLike,
        *,
        region: Region | str = Region.SINGAPORE,
        base_url: str | None = None,
        model: str | None = None,
        checker: Checker | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._secrets = secrets
        self._region = Region(region)
        self._base_url = base_url
        self._model = model
        self._checker: Checker = checker or check_connection
        self._busy = False
        self.last_outcome: CheckOutcome | None = None

    # ---- state ---------------------------------------------------------------------------------------------------

    @property
    def region(self) -> Region:
        return self._region

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def keyring_available(self) -> bool:
        return self._secrets.available()

    @property
    def environment_key_set(self) -> bool:
        return bool(os.environ.get(API_KEY_ENV, "").strip())

    def has_stored_key(self) -> bool:
        """Whether the keyring holds a key for the selected region (False when there is no usable keyring)."""
        if not self.keyring_available:
            return False
        try:
            return bool(self._secrets.get_api_key(self._region.value))
        except StorageError:
            return False

    def unavailable_message(self) -> str:
        """The plain sentence shown when there is no keyring (empty when there is one)."""
        if self.keyring_available:
            return ""
        return self.tr(
            "This system has no keyring (password manager) that Live Interpreter can use, so your key cannot be "
            "saved. Set the {env} environment variable before starting the app instead; the key is never "
            "written to a file."
        ).format(env=API_KEY_ENV)

    def status_text(self) -> str:
        """Where the key for the selected region comes from, in one or two sentences."""
        where = region_label(self._region)
        parts: list[str] = []
        stored: str | None = None
        if self.keyring_available:
            try:
                stored = self._secrets.get_api_key(self._region.value)
            except StorageError as exc:
                parts.append(exc.user_message)
        if stored:
            parts.append(
                self.tr("A key for {region} is saved in the system keyring ({hint}).").format(
                    region=where, hint=key_hint(stored)
                )
            )
        elif self.keyring_available and not parts:
            parts.append(self.tr("No key is saved for {region}.").format(region=where))
        if self.environment_key_set:
            parts.append(self.tr("{env} is set; live sessions use that key first.").format(env=API_KEY_ENV))
        return join_sentences(parts)

    # ---- actions -------------------------------------------------------------------------------------------------

    def set_region(self, region: Region | str) -> None:
        """Select a region (affects the status line, saving and checking)."""
        new = Region(region)
        if new is self._region:
            return
        self._region = new
        self.region_changed.emit(new.value)
        self.status_changed.emit(self.status_text())

    def refresh(self) -> None:
        """Re-announce the current state (the dialog calls this once its widgets are connected)."""
        self.region_changed.emit(self._region.value)
        self.status_changed.emit(self.status_text())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    def _key_for_check(self, typed: str) -> str:
        """The typed key, else the one live sessions would use (environment, then keyring); "" when none."""
        key, _source = resolve_api_key(typed, self._region.value, self._secrets)  # type: ignore[arg-type]
        return key or ""

    @async_slot(str)
    async def test_connection(self, typed_key: str) -> None:
        """Check the typed key (or, when the field is empty, the key live sessions would use) against the service."""
        if self._busy:
            return
        key = self._key_for_check(typed_key)
        if key:
            register_secret(key)  # from now on the key is masked in every log line, whatever its shape
        self._set_busy(True)
        try:
            kwargs: dict[str, Any] = {"base_url": self._base_url}
            if self._model:
                kwargs["model"] = self._model
            outcome = await self._checker(key, self._region, **kwargs)
        finally:
            self._set_busy(False)
        self.last_outcome = outcome
        logger.info("Connection check: %s", outcome.reason.value)
        self.check_finished.emit(outcome.reason.value, outcome_headline(outcome), redact(outcome_text(outcome)))

    @async_slot(str)
    async def save(self, typed_key: str) -> None:
        """Store the typed key for the selected region in the keyring (an empty field keeps the saved key and only
        saves the region choice)."""
        if self._busy:
            return
        key = typed_key.strip()
        if key:
            register_secret(key)
        self._set_busy(True)
        try:
            if key:
                # Keyring calls may block on D-Bus (an unlock prompt); keep the window responsive meanwhile.
                await asyncio.to_thread(self._secrets.set_api_key, self._region.value, key)
        except (ConfigError, SecretStoreUnavailableError, StorageError) as exc:
            self.save_finished.emit(False, exc.user_message)
            return
        finally:
            self._set_busy(False)
        self.region_saved.emit(self._region.value)
        self.status_changed.emit(self.status_text())
        where = region_label(self._region)
        if key:
            saved = self.tr("Saved: live sessions use {region} with this key.").format(region=where)
        else:
            saved = self.tr("Saved: live sessions use {region}.").format(region=where)
        self.save_finished.emit(True, saved)

    @async_slot()
    async def remove_key(self) -> None:
        """Delete the saved key of the selected region from the keyring."""
        if self._busy:
            return
        self._set_busy(True)
        try:
            await asyncio.to_thread(self._secrets.delete_api_key, self._region.value)
        except StorageError as exc:
            self.save_finished.emit(False, exc.user_message)
            return
        finally:
            self._set_busy(False)
        self.status_changed.emit(self.status_text())
        self.save_finished.emit(
            True,
            self.tr("The key for {region} was removed from the keyring.").format(region=region_label(self._region)),
        )
