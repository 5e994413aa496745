"""Fixtures for the Qt tests: a qasync loop that runs inside pytest-qt's waits, views, Xvfb for screenshots.

qasync wiring (see shared notes/headless-testing.md): a function-scoped ``qasync.QEventLoop(qapp,
already_running=True)`` is set as the asyncio loop; tests drive it with ``qtbot.waitUntil`` / ``qtbot.waitSignal``
(which spin the Qt event loop, and with it asyncio). Teardown cancels leftover tasks, lets them finish, marks the loop
not running without calling ``stop()`` (that would quit the QApplication), closes it and keeps a reference so a
closed loop is never garbage-collected mid-session.
"""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
import subprocess
import weakref
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

_CLOSED_LOOPS: list[Any] = []


@pytest.fixture
def qloop(qapp: Any, qtbot: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop bound to the test's QApplication, current for the test's duration."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    lost = _watch_for_lost_errors(loop)
    try:
        yield loop
    finally:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=10_000)
        errors = lost()
        loop._QEventLoop__is_running = False
        # Undo what already_running=True did at construction (asyncgen hooks, the thread's running loop): left in
        # place, every later asyncio.run() in this process (CLI tests, pytest-asyncio's own loops) fails with "cannot
        # be called from a running event loop". _after_run_forever is qasync's own undo of _before_run_forever; the
        # explicit reset below also covers a qasync whose undo leaves the registration.
        loop._after_run_forever()
        asyncio.events._set_running_loop(None)
        loop.close()
        asyncio.set_event_loop(None)
        _CLOSED_LOOPS.append(loop)
        if errors:
            pytest.fail("an error was lost in a background task:\n" + "\n".join(errors), pytrace=False)


def _watch_for_lost_errors(loop: asyncio.AbstractEventLoop) -> Any:
    """Collect what would otherwise vanish: errors the loop reports to its exception handler, and tasks that ended
    with an exception nobody retrieved. Returns a function that, at teardown, lists them (one line each)."""
    reported: list[str] = []
    tasks: weakref.WeakSet[asyncio.Task[Any]] = weakref.WeakSet()

    def handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exception = context.get("exception")
        reported.append(f"{context.get('message', 'error')}: {exception!r}")

    def factory(the_loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.Task(coro, loop=the_loop, **kwargs)
        tasks.add(task)
        return task

    loop.set_exception_handler(handler)
    loop.set_task_factory(factory)  # type: ignore[arg-type]

    def lost() -> list[str]:
        for task in list(tasks):
            # _log_traceback: set while the task's exception has not been retrieved (asyncio's own "never retrieved"
            # check, made now instead of at garbage collection, which may come after the test or never).
            if task.done() and not task.cancelled() and getattr(task, "_log_traceback", False):
                reported.append(f"{task.get_name()}: {task.exception()!r}")
        gc.collect()  # unreferenced futures report through the handler when collected
        return reported

    return lost


def run_coro(qtbot: Any, loop: asyncio.AbstractEventLoop, coro: Any, timeout_ms: int = 20_000) -> Any:
    """Run ``coro`` on the qasync loop from a sync test, spinning Qt until it is done; returns its result."""
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout_ms)
    return task.result()


@pytest.fixture
def speech_wav() -> Path:
    """The bundled ~5 s English speech sample (16 kHz mono)."""
    with resources.as_file(resources.files("interpreter.resources").joinpath("samples", "speech_en_16k.wav")) as p:
        return Path(p)


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private Xvfb server; yields its DISPLAY (":N"). Skips nothing: Xvfb is a declared system dependency."""
    executable = shutil.which("Xvfb")
    assert executable, "Xvfb is required for screenshot tests (tools/system-packages.txt)"
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it to the pipe when ready (no fixed sleep, no race).
    proc = subprocess.Popen(
        [executable, "-displayfd", str(write_fd), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not report a display"
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
