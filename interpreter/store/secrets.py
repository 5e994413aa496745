"""API keys in the operating system's keyring, and nowhere else.

Keys are stored under service ``live-interpreter`` with username ``dashscope-api-key:<region>`` (a key belongs to
one region, so each region has its own entry). There is deliberately no file fallback: when the system has no usable
keyring, :class:`SecretStore` raises :class:`SecretStoreUnavailableError` telling the user to set
``DASHSCOPE_API_KEY`` instead. Backends that would store the key in plain text (``keyrings.alt`` file stores,
``keyring.backends.null``/``fail``) count as "no keyring".

Every key that passes through here is registered with :func:`interpreter.core.redaction.register_secret`, so it is
masked in logs and crash reports even if it does not look like ``sk-...``.

Thread rule: keyring calls may block on D-Bus for a moment; call from the loop thread for single reads at startup,
or off-thread (``asyncio.to_thread``) from the UI.
"""

from __future__ import annotations

import logging
import os
from typing import Literal

import keyring
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from interpreter.core.redaction import register_secret
from interpreter.errors import ConfigError, SecretStoreUnavailableError, StorageError
from interpreter.store import texts

_log = logging.getLogger(__name__)

SERVICE_NAME = "live-interpreter"
API_KEY_ENV = "DASHSCOPE_API_KEY"

KeySource = Literal["argument", "environment", "keyring"]

UNAVAILABLE_MESSAGE = texts.KEYRING_UNAVAILABLE(variable=API_KEY_ENV)

# Backends that are not a safe place for a key: fail/null store nothing, keyrings.alt's file stores keep plain text
# (or a weakly protected file) in the home folder. Matched by module and class name so keyrings.alt need not be
# installed for the check to work.
_REFUSED_BACKENDS = {
    ("keyring.backends.fail", "Keyring"),
    ("keyring.backends.null", "Keyring"),
    ("keyrings.alt.file", "PlaintextKeyring"),
    ("keyrings.alt.file", "EncryptedKeyring"),  # prompts on a terminal a GUI user never sees
}


def _username(region: str) -> str:
    return f"dashscope-api-key:{region}"


def _refused(backend: KeyringBackend) -> bool:
    cls = type(backend)
    if (cls.__module__, cls.__name__) in _REFUSED_BACKENDS:
        return True
    # Any other keyrings.alt store or anything calling itself plaintext is a file store in disguise.
    if "plaintext" in cls.__name__.lower() or cls.__module__.startswith("keyrings.alt.file"):
        return True
    # keyring's own placeholders (fail: 0, null: -1) have no positive priority; a real store always has one. A backend
    # that cannot work here raises from `priority` (keyring's own `viable` check catches everything the same way).
    try:
        return not float(backend.priority) > 0
    except Exception:
        return True


def _usable_backend(backend: KeyringBackend) -> KeyringBackend | None:
    """The backend to use, or None. A chainer is replaced by its best member that is not refused, because the chainer
    itself would write to its highest-priority member even when that one is a plain-text file."""
    if isinstance(backend, ChainerBackend):
        usable = [m for m in backend.backends if not _refused(m)]
        return max(usable, key=lambda m: m.priority) if usable else None
    return None if _refused(backend) else backend


def _check_key(key: str) -> str:
    key = key.strip()
    if not key:
        raise ConfigError(texts.KEY_EMPTY(), field="api_key")
    if any(ch.isspace() for ch in key):
        raise ConfigError(texts.KEY_HAS_SPACES(), field="api_key")
    return key


class SecretStore:
    """Read and write DashScope API keys in the OS keyring.

    Args:
        backend: a keyring backend to use (tests); by default the process-wide ``keyring.get_keyring()``, looked up
            on every call so a backend installed later is honoured.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _raw_backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def _require(self) -> KeyringBackend:
        backend = _usable_backend(self._raw_backend())
        if backend is None:
            raise SecretStoreUnavailableError(UNAVAILABLE_MESSAGE, detail=self.describe_backend())
        return backend

    def available(self) -> bool:
        """True when a usable (non-plain-text, non-failing) keyring backend is configured.

        This checks the configuration only; a locked keyring can still fail on use (``StorageError``).
        """
        return _usable_backend(self._raw_backend()) is not None

    def describe_backend(self) -> str:
        """Which backend is in use, for the settings dialog and bug reports (e.g. ``SecretService Keyring``)."""
        raw = self._raw_backend()
        backend = _usable_backend(raw)
        if backend is None:
            return f"none usable ({type(raw).__module__}.{type(raw).__name__})"
        name = getattr(backend, "name", None)
        return str(name) if name else f"{type(backend).__module__}.{type(backend).__name__}"

    def get_api_key(self, region: str) -> str | None:
        """The stored key for ``region``, or None when none is stored.

        Raises:
            SecretStoreUnavailableError: no usable keyring.
            StorageError: the keyring failed (e.g. locked and the user declined to unlock it).
        """
        backend = self._require()
        try:
            key = backend.get_password(SERVICE_NAME, _username(region))
        except NoKeyringError as exc:
            raise SecretStoreUnavailableError(UNAVAILABLE_MESSAGE, detail=str(exc)) from exc
        except KeyringError as exc:
            raise StorageError(texts.KEYRING_READ_FAILED(), detail=str(exc)) from exc
        if key:
            register_secret(key)
        return key or None

    def set_api_key(self, region: str, key: str) -> None:
        """Store ``key`` for ``region`` (replacing any previous one). Surrounding whitespace is removed.

        Raises:
            ConfigError: the key is empty or contains whitespace.
            SecretStoreUnavailableError: no usable keyring.
            StorageError: the keyring refused to store it.
        """
        key = _check_key(key)
        register_secret(key)  # before any failure can put it into an exception message or log
        backend = self._require()
        try:
            backend.set_password(SERVICE_NAME, _username(region), key)
        except NoKeyringError as exc:
            raise SecretStoreUnavailableError(UNAVAILABLE_MESSAGE, detail=str(exc)) from exc
        except KeyringError as exc:
            raise StorageError(texts.KEYRING_WRITE_FAILED(), detail=str(exc)) from exc
        _log.info("API key for region %s stored in %s", region, self.describe_backend())

    def delete_api_key(self, region: str) -> None:
        """Remove the key for ``region``; deleting a key that is not there is not an error.

        Raises:
            SecretStoreUnavailableError: no usable keyring.
            StorageError: the keyring failed.
        """
        backend = self._require()
        try:
            backend.delete_password(SERVICE_NAME, _username(region))
        except PasswordDeleteError:
            return  # nothing stored: the post-condition "no key" holds
        except NoKeyringError as exc:
            raise SecretStoreUnavailableError(UNAVAILABLE_MESSAGE, detail=str(exc)) from exc
        except KeyringError as exc:
            raise StorageError(texts.KEYRING_DELETE_FAILED(), detail=str(exc)) from exc


def resolve_api_key(
    explicit: str | None, region: str, store: SecretStore | None = None
) -> tuple[str, KeySource] | tuple[None, None]:
    """Find the key to use: an explicit argument, else ``$DASHSCOPE_API_KEY``, else the keyring.

    A missing or failing keyring is not an error here (the caller reports "no key" with its own sentence); it is
    logged so a bug report shows why the keyring was not consulted.

    Returns:
        ``(key, source)`` with source ``"argument"``, ``"environment"`` or ``"keyring"``, or ``(None, None)``.
    """
    if explicit and explicit.strip():
        key = explicit.strip()
        register_secret(key)
        return key, "argument"
    env = os.environ.get(API_KEY_ENV, "").strip()
    if env:
        register_secret(env)
        return env, "environment"
    try:
        stored = (store or SecretStore()).get_api_key(region)
    except StorageError as exc:  # includes SecretStoreUnavailableError
        _log.info("API key not read from the keyring: %s", exc.user_message)
        return None, None
    return (stored, "keyring") if stored else (None, None)
