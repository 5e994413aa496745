"""What every ``live-interpreter`` command shares: the exit codes, the one error → exit code table, and the
connection options.

Exit codes (each command's ``--help`` epilog says which of them it uses):
    0    done
    1    unexpected internal error (a bug)
    2    invalid configuration or input (bad option, unreadable or unusable file, request rejected)
    3    the service refused the API key or the model (wrong key or region, model not enabled, quota used up)
    4    network or service trouble that did not go away (unreachable, dropped, throttled, server errors, an answer
         we cannot parse)
    5    local storage or device trouble (output folder not writable, disk full, microphone failure)
    130  stopped by Ctrl+C or SIGTERM (128 + SIGINT, the shell convention for "stopped by the user")

Importing this module is cheap (only argparse): ``interpreter.errors`` is imported inside :func:`exit_code_for`.
"""

from __future__ import annotations

import argparse
from typing import Final

EXIT_OK: Final = 0
EXIT_INTERNAL: Final = 1
EXIT_CONFIG: Final = 2
EXIT_AUTH: Final = 3
EXIT_NETWORK: Final = 4
EXIT_LOCAL: Final = 5
EXIT_STOPPED: Final = 130

#: Where a command's own ``--demo`` lands: not ``demo``, the top-level option's dest, so that argparse's subparser
#: defaults cannot overwrite the top-level flag (``live-interpreter --demo live ...``).
DEMO_DEST: Final = "command_demo"


def exit_code_for(error: BaseException) -> int:
    """The documented exit code (module docstring) for ``error``; anything not classified here is a bug (1)."""
    from interpreter.errors import (
        AccessDeniedError,
        AuthenticationError,
        ConfigError,
        DeviceError,
        MediaFileError,
        NetworkError,
        ProtocolError,
        RateLimitError,
        RequestRejectedError,
        ServerError,
        StorageError,
    )

    # AccessDeniedError includes QuotaExhaustedError: waiting does not help, the account needs attention.
    if isinstance(error, AuthenticationError | AccessDeniedError):
        return EXIT_AUTH
    if isinstance(error, NetworkError | ServerError | RateLimitError | ProtocolError):
        return EXIT_NETWORK
    if isinstance(error, ConfigError | RequestRejectedError | MediaFileError):
        return EXIT_CONFIG
    # StorageError includes a full disk and a missing keyring; DeviceError a failing microphone or camera.
    if isinstance(error, StorageError | DeviceError):
        return EXIT_LOCAL
    return EXIT_INTERNAL


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--base-url``, ``--api-key``, ``--region`` and ``--demo`` (dest :data:`DEMO_DEST`) to a command's parser."""
    parser.add_argument("--base-url", metavar="URL", help="service address (e.g. a local emulator http://127.0.0.1:N)")
    parser.add_argument(
        "--api-key", metavar="KEY", help="DashScope API key (default: DASHSCOPE_API_KEY, then keychain)"
    )
    parser.add_argument(
        "--region", choices=("singapore", "beijing"), default="singapore", help="service region (keys are region-bound)"
    )
    parser.add_argument(
        "--demo",
        dest=DEMO_DEST,
        action="store_true",
        help="use the built-in emulator (demo output, not the real service)",
    )


def demo_flag(args: argparse.Namespace) -> bool:
    """Whether the user asked for the demo: the command's ``--demo`` or the top-level one."""
    return bool(getattr(args, DEMO_DEST, False) or getattr(args, "demo", False))
