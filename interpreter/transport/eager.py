"""Run a coroutine synchronously up to its first suspension (what Python 3.12 calls an eager task).

Why: on the live path each audio block would otherwise cost one extra event-loop iteration and task switch just to
hand its frame from ``send_audio`` to the writer task, although ``websockets``' ``send`` does not suspend at all
while the socket's write buffer has room. At 25 blocks a second on an otherwise idle loop, every such wake-up runs
with cold caches and is a measurable share of the client's CPU (see ``benchmarks/bench_client.py``).

:func:`start_eagerly` steps the coroutine in the caller's frame. When the coroutine finishes without suspending —
the common case — nothing else happens. When it does suspend (a full write buffer, say), the rest of it runs in an
ordinary task, exactly as if it had been scheduled with ``asyncio.ensure_future`` from the start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Generator
from typing import Any, TypeVar

T = TypeVar("T")


class _Continuation:
    """Awaitable that resumes a coroutine already stepped once, from the point where it suspended.

    It forwards to the coroutine what a task would send or throw into it (results and cancellation), and yields
    to the task what the coroutine yields (the futures it waits for), like ``yield from`` does.
    """

    __slots__ = ("_awaiting", "_coro")

    def __init__(self, coro: Coroutine[Any, Any, Any], awaiting: Any) -> None:
        self._coro = coro
        self._awaiting = awaiting

    def __await__(self) -> Generator[Any, None, Any]:
        coro = self._coro
        awaiting = self._awaiting
        self._awaiting = None
        while True:
            try:
                yield awaiting
            except BaseException as exc:  # cancellation, or whatever else a task throws in: coro decides
                try:
                    awaiting = coro.throw(exc)
                except StopIteration as stop:
                    return stop.value
                continue
            try:
                awaiting = coro.send(None)
            except StopIteration as stop:
                return stop.value


async def _finish(continuation: _Continuation) -> Any:
    return await continuation


def start_eagerly(coro: Coroutine[Any, Any, T]) -> asyncio.Task[T] | None:
    """Run ``coro`` now until it completes or first suspends.

    Must be called on the event loop's thread, outside any other coroutine step of ``coro``.

    Returns:
        None when ``coro`` completed synchronously (its return value is discarded); otherwise a task finishing it.

    Raises:
        Whatever ``coro`` raised before its first suspension (it is then closed, like any finished coroutine).
    """
    try:
        awaiting = coro.send(None)
    except StopIteration:
        return None
    return asyncio.ensure_future(_finish(_Continuation(coro, awaiting)))
