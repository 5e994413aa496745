"""store.secrets: keys in the keyring per region, plain sentences when there is no keyring, resolution order."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from interpreter.core.redaction import clear_registered_secrets, redact
from interpreter.errors import ConfigError, SecretStoreUnavailableError, StorageError
from interpreter.store.secrets import SERVICE_NAME, SecretStore, resolve_api_key
from tests.fakes.keyring_memory import MemoryKeyring, UnavailableKeyring

KEY = "sk-0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    clear_registered_secrets()
    yield
    clear_registered_secrets()


def test_keys_are_stored_per_region(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.available()
    assert store.get_api_key("singapore") is None
    store.set_api_key("singapore", f"  {KEY}\n")
    store.set_api_key("beijing", "sk-beijing-key-000000")
    assert store.get_api_key("singapore") == KEY
    assert store.get_api_key("beijing") == "sk-beijing-key-000000"
    assert memory_keyring.entries[(SERVICE_NAME, "dashscope-api-key:singapore")] == KEY
    store.delete_api_key("singapore")
    assert store.get_api_key("singapore") is None
    store.delete_api_key("singapore")  # deleting again is fine
    assert store.get_api_key("beijing") == "sk-beijing-key-000000"


def test_stored_keys_are_registered_for_redaction() -> None:
    SecretStore().set_api_key("singapore", "opaque-token-without-prefix")
    assert redact("failed with opaque-token-without-prefix") == "failed with ***"


@pytest.mark.parametrize("bad", ["", "   ", "sk-abc def", "sk-abc\ndef"])
def test_malformed_keys_are_refused(bad: str) -> None:
    with pytest.raises(ConfigError) as info:
        SecretStore().set_api_key("singapore", bad)
    assert info.value.field == "api_key"


def test_no_keyring_means_a_plain_sentence_offering_the_env_var() -> None:
    keyring.set_keyring(UnavailableKeyring())  # the conftest fixture restores the previous backend
    store = SecretStore()
    assert not store.available()
    for call in (
        lambda: store.get_api_key("singapore"),
        lambda: store.set_api_key("singapore", KEY),
        lambda: store.delete_api_key("singapore"),
    ):
        with pytest.raises(SecretStoreUnavailableError) as info:
            call()
        assert "DASHSCOPE_API_KEY" in info.value.user_message
        assert "keyring" in info.value.user_message.lower()
    assert "none usable" in store.describe_backend()


class PlaintextKeyring(MemoryKeyring):
    """Named like keyrings.alt.file.PlaintextKeyring: must be refused whatever its priority."""

    priority = 5  # type: ignore[assignment]


def test_plaintext_backends_are_refused() -> None:
    backend = PlaintextKeyring()
    store = SecretStore(backend)
    assert not store.available()
    with pytest.raises(SecretStoreUnavailableError):
        store.set_api_key("singapore", KEY)
    assert backend.entries == {}


def test_chainer_uses_its_best_safe_member() -> None:
    from keyring.backends import chainer

    safe = MemoryKeyring()
    unsafe = PlaintextKeyring()

    class Chain(chainer.ChainerBackend):
        @property
        def backends(self) -> list[KeyringBackend]:  # type: ignore[override]
            return [unsafe, safe]

    store = SecretStore(Chain())
    assert store.available()
    store.set_api_key("singapore", KEY)
    assert unsafe.entries == {} and list(safe.entries.values()) == [KEY]


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("Prompt dismissed")


def test_keyring_failures_are_storage_errors() -> None:
    with pytest.raises(StorageError) as info:
        SecretStore(LockedKeyring()).get_api_key("singapore")
    assert not isinstance(info.value, SecretStoreUnavailableError)
    assert "unlock" in info.value.user_message


def test_resolution_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_api_key(None, "singapore") == (None, None)
    SecretStore().set_api_key("singapore", "sk-from-keyring-0001")
    assert resolve_api_key(None, "singapore") == ("sk-from-keyring-0001", "keyring")
    assert resolve_api_key(None, "beijing") == (None, None)
    monkeypatch.setenv("DASHSCOPE_API_KEY", " sk-from-env-0002 ")
    assert resolve_api_key("", "singapore") == ("sk-from-env-0002", "environment")
    assert resolve_api_key("sk-explicit-0003", "singapore") == ("sk-explicit-0003", "argument")


def test_resolution_without_keyring_is_not_an_error() -> None:
    keyring.set_keyring(UnavailableKeyring())
    assert resolve_api_key(None, "singapore") == (None, None)
