"""Errors of the emulator itself (not of the emulated service), rooted in :mod:`interpreter.errors`."""

from __future__ import annotations

from interpreter.errors import ConfigError


class ScriptFileError(ConfigError):
    """The ``--script`` file of utterances cannot be read or has a malformed line."""


class EmulatorStartError(ConfigError):
    """The emulator cannot start with the given options (address in use, remote address not allowed...)."""
