"""``qasync.asyncSlot`` with types: qasync ships no type hints, so this is the one place that says what it does.

``@async_slot(str)`` on ``async def method(self, text: str) -> None`` makes ``method`` a Qt slot that, when called
(by a signal or directly), schedules the coroutine on the running qasync loop and returns its task; an exception
in the task goes to ``sys.excepthook`` (the app's one error route).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, cast

import qasync

__all__ = ["async_slot"]

_P = ParamSpec("_P")


def async_slot(
    *signal_types: type,
) -> Callable[[Callable[_P, Coroutine[Any, Any, None]]], Callable[_P, asyncio.Task[None]]]:
    """Typed ``qasync.asyncSlot(*signal_types)`` (see the module docstring)."""
    # Any: the untyped qasync decorator is the dynamic edge; its behaviour is the signature declared above.
    decorator: Any = qasync.asyncSlot(*signal_types)
    return cast(Callable[[Callable[_P, Coroutine[Any, Any, None]]], Callable[_P, asyncio.Task[None]]], decorator)
