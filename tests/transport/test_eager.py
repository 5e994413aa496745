"""start_eagerly: a coroutine runs in the caller's frame until it finishes or first waits."""

from __future__ import annotations

import asyncio

import pytest

from interpreter.transport.eager import start_eagerly

WAIT_S = 10.0


async def test_a_coroutine_that_never_waits_completes_inside_the_call() -> None:
    done: list[str] = []

    async def write() -> None:
        done.append("written")

    assert start_eagerly(write()) is None
    assert done == ["written"]  # before the caller yielded to the loop even once


async def test_a_coroutine_that_waits_is_finished_by_a_task_with_its_result() -> None:
    gate: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    steps: list[str] = []

    async def write() -> int:
        steps.append("first part")  # runs inside start_eagerly
        value = await gate
        steps.append("second part")
        await asyncio.sleep(0)  # and any number of further waits
        return value + 1

    task = start_eagerly(write())
    assert task is not None
    assert steps == ["first part"]
    gate.set_result(41)
    assert await asyncio.wait_for(task, WAIT_S) == 42
    assert steps == ["first part", "second part"]


async def test_cancelling_the_task_cancels_the_coroutine_where_it_waits() -> None:
    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    cleaned_up = asyncio.Event()

    async def write() -> None:
        try:
            await gate
        finally:
            cleaned_up.set()

    task = start_eagerly(write())
    assert task is not None
    await asyncio.sleep(0)  # let the task start waiting
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, WAIT_S)
    assert cleaned_up.is_set()
    assert gate.cancelled()  # the cancellation reached the awaited future, as with an ordinary task


async def test_errors_before_the_first_wait_raise_in_the_caller_and_later_ones_in_the_task() -> None:
    async def broken_at_once() -> None:
        raise ConnectionError("refused")

    with pytest.raises(ConnectionError, match="refused"):
        start_eagerly(broken_at_once())

    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def broken_later() -> None:
        await gate
        raise ConnectionError("reset")

    task = start_eagerly(broken_later())
    assert task is not None
    gate.set_result(None)
    with pytest.raises(ConnectionError, match="reset"):
        await asyncio.wait_for(task, WAIT_S)


async def test_an_exception_thrown_into_the_waiting_coroutine_can_be_handled_by_it() -> None:
    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def resilient() -> str:
        try:
            await gate
        except ConnectionError:
            return "handled"
        return "not reached"

    task = start_eagerly(resilient())
    assert task is not None
    gate.set_exception(ConnectionError("lost"))
    assert await asyncio.wait_for(task, WAIT_S) == "handled"
