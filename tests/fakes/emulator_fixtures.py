"""Pytest plugin (loaded by the root conftest): the local DashScope emulator as fixtures.

- ``emulator``: a running emulator with default options; yields the handle of
  :func:`interpreter.emulator.testing.running_emulator` (``base_url``, ``api_key``, ``faults``, ``sessions``...).
- ``make_emulator(**kw)``: a factory for tests that need options (speed, script, faults, api_keys...); every
  emulator it starts is stopped at teardown.

The emulator runs in its own thread with its own event loop, so the same fixture serves sync (Qt) tests and async
tests. The import of the emulator happens inside the fixtures: collecting tests must not import aiohttp.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from interpreter.emulator.testing import EmulatorHandle


@pytest.fixture
def emulator() -> Iterator[EmulatorHandle]:
    """A running emulator with default options (key ``sk-emulator-demo``, speed 1.0, no faults)."""
    from interpreter.emulator.testing import running_emulator

    with running_emulator() as handle:
        yield handle


@pytest.fixture
def make_emulator() -> Iterator[Callable[..., EmulatorHandle]]:
    """Factory: ``make_emulator(speed=10.0, script=path, faults=Faults(...))`` -> a running emulator's handle."""
    from interpreter.emulator.testing import running_emulator

    with contextlib.ExitStack() as stack:

        def start(**kwargs: Any) -> EmulatorHandle:
            return stack.enter_context(running_emulator(**kwargs))

        yield start
