"""``live-interpreter --self-test``: prove a build works end to end, offscreen, in about ten seconds.

The composition root starts as usual (offscreen, always in demo mode: a self-test never spends money), then
:func:`run_self_test` plays the bundled speech sample through the Live tab's view-model instead of a microphone,
checks that captions appeared and translated audio was produced, prints ONE JSON line of timings and returns the
exit code (0 with ``"ok": true``; 1 with ``"ok": false`` and a ``reason``)::

    {"window_shown_ms": 816.4, "session_ready_ms": 91.5, "first_caption_ms": 529.5, "captions": 1,
     "audio_bytes": 99840, "ok": true}
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel

__all__ = ["SELF_TEST_TIMEOUT_S", "run_self_test"]

#: Self-test budget: the sample is ~6 s of speech played in real time, plus connect and finish. 60 s leaves room
#: for a loaded CI machine while still failing a hung run.
SELF_TEST_TIMEOUT_S = 60.0

JsonValue = float | int | bool | str


async def run_self_test(vm: LiveSessionViewModel, window_shown_ms: float) -> int:
    """Run one live session on ``vm`` (whose audio source is the bundled sample), print the JSON line, return the
    exit code."""
    started = time.monotonic()
    first_caption: list[float] = []

    def caption_arrived() -> None:
        if not first_caption:
            first_caption.append(time.monotonic())

    vm.captions.rowsInserted.connect(lambda *_: caption_arrived())
    result: dict[str, JsonValue] = {"window_shown_ms": round(window_shown_ms, 1)}
    try:
        ok = await asyncio.wait_for(vm.start_session(), SELF_TEST_TIMEOUT_S)
        result["session_ready_ms"] = round((time.monotonic() - started) * 1000, 1)
        if not ok:
            return _failed(result, "the session did not start")
        await asyncio.wait_for(_until_idle(vm), SELF_TEST_TIMEOUT_S)  # the sample ends → session finishes
        if vm.phase.value == "failed":
            return _failed(result, "the session failed")
    except TimeoutError:
        return _failed(result, f"no result within {SELF_TEST_TIMEOUT_S:.0f} s")
    if not first_caption:
        return _failed(result, "no caption appeared")
    result["first_caption_ms"] = round((first_caption[0] - started) * 1000, 1)
    result["captions"] = vm.captions.rowCount()
    result["audio_bytes"] = vm.audio_bytes
    if vm.audio_bytes == 0:
        return _failed(result, "no translated audio was produced")
    result["ok"] = True
    print(json.dumps(result), flush=True)
    return 0


def _failed(result: dict[str, JsonValue], reason: str) -> int:
    result.update(ok=False, reason=reason)
    print(json.dumps(result), flush=True)
    return 1


async def _until_idle(vm: LiveSessionViewModel) -> None:
    """Wait for the view-model's ``session_finished`` (at once when no session is active)."""
    if not vm.is_active:
        return
    finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def done() -> None:
        if not finished.done():
            finished.set_result(None)

    vm.session_finished.connect(done)
    await finished
