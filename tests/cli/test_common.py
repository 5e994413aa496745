"""The shared exit-code table and connection options of the commands (``interpreter.cli.common``)."""

from __future__ import annotations

import argparse

import pytest

from interpreter.cli.common import (
    EXIT_AUTH,
    EXIT_CONFIG,
    EXIT_INTERNAL,
    EXIT_LOCAL,
    EXIT_NETWORK,
    add_connection_arguments,
    demo_flag,
    exit_code_for,
)
from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    DeviceError,
    InterpreterError,
    MediaFileError,
    NetworkError,
    NetworkTimeoutError,
    ProtocolError,
    QuotaExhaustedError,
    RateLimitError,
    RequestRejectedError,
    SecretStoreUnavailableError,
    ServerError,
    StorageError,
)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (AuthenticationError("wrong key"), EXIT_AUTH),
        (AccessDeniedError("model not enabled"), EXIT_AUTH),
        (QuotaExhaustedError("quota used up"), EXIT_AUTH),
        (NetworkError("unreachable"), EXIT_NETWORK),
        (NetworkTimeoutError("stalled"), EXIT_NETWORK),
        (ServerError("500"), EXIT_NETWORK),
        (RateLimitError("429"), EXIT_NETWORK),
        (ProtocolError("not an event stream"), EXIT_NETWORK),
        (ConfigError("unknown language"), EXIT_CONFIG),
        (RequestRejectedError("400"), EXIT_CONFIG),
        (MediaFileError("unreadable file"), EXIT_CONFIG),
        (StorageError("disk full"), EXIT_LOCAL),
        (SecretStoreUnavailableError("no keyring"), EXIT_LOCAL),
        (DeviceError("microphone gone"), EXIT_LOCAL),
        (InterpreterError("a bug in the pump"), EXIT_INTERNAL),
        (RuntimeError("not ours at all"), EXIT_INTERNAL),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else str(value),
)
def test_each_error_class_has_its_exit_code(error: BaseException, expected: int) -> None:
    assert exit_code_for(error) == expected


def test_connection_options_parse_with_their_defaults() -> None:
    parser = argparse.ArgumentParser()
    add_connection_arguments(parser)
    defaults = parser.parse_args([])
    assert (defaults.base_url, defaults.api_key, defaults.region, demo_flag(defaults)) == (
        None,
        None,
        "singapore",
        False,
    )
    given = parser.parse_args(["--base-url", "http://127.0.0.1:1", "--api-key", "k", "--region", "beijing", "--demo"])
    assert (given.base_url, given.api_key, given.region, demo_flag(given)) == (
        "http://127.0.0.1:1",
        "k",
        "beijing",
        True,
    )
    with pytest.raises(SystemExit):
        parser.parse_args(["--region", "mars"])


def test_the_top_level_demo_flag_counts_too() -> None:
    assert demo_flag(argparse.Namespace(demo=True))
    assert not demo_flag(argparse.Namespace())
