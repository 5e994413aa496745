"""Lazy access to ``sounddevice``.

Importing sounddevice initialises PortAudio, which probes every audio backend: that is "starting something", so no
module imports it at import time. Every device-facing class takes an optional ``sd`` module argument instead, which
is also how tests inject a working fake (tests/fakes/sounddevice_fake.py).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def sounddevice(sd: Any = None) -> Any:
    """Return ``sd`` if given, else the real :mod:`sounddevice` module (imported on first use)."""
    if sd is not None:
        return sd
    import sounddevice as real

    module: ModuleType = real
    return module
