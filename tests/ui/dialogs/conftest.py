"""Fixtures for the dialog tests: a qasync loop driven by pytest-qt (see shared/notes/headless-testing.md)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync  # the root conftest sets QT_API=pyside6, so qasync binds to PySide6 whatever the import order
from PySide6.QtWidgets import QApplication

# Closed qasync loops must stay referenced for the whole session: a collected one can crash the next test.
_CLOSED_LOOPS: list[qasync.QEventLoop] = []


@pytest.fixture
def qloop(qapp: QApplication, qtbot) -> Iterator[qasync.QEventLoop]:  # type: ignore[no-untyped-def]
    """A qasync loop marked as running inside the Qt loop that ``qtbot.waitUntil``/``waitSignal`` spin.

    Teardown cancels leftover tasks and waits for them, marks the loop stopped without calling ``stop()`` (which
    would quit the QApplication), closes it and keeps a reference.
    """
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=10_000)
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]  # what stop() does, minus app.exit()
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)
    _CLOSED_LOOPS.append(loop)
