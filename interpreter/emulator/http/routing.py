"""What every HTTP route does before and after its own work: one wrapper, so each API module only answers.

For each request, in order: count it; create its record (when recording is on); read its body (an upload); wait
the ``first_byte_delay_ms`` fault; answer an injected status fault; check ``Authorization: Bearer`` against the
accepted keys (401 compat error); then call the route's handler with a :class:`HttpCall`. A :class:`CompatError`
raised by the handler becomes the compat error body. The status answered is counted and recorded. A client that
goes away before its answer is recorded as cut (status 499, nginx's "client closed request"), without a server-side
traceback.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from interpreter.emulator.auth import bearer_key
from interpreter.emulator.context import CONTEXT_KEY, EmulatorContext
from interpreter.emulator.http.errors import CompatError, injected_status, invalid_api_key, new_request_id
from interpreter.emulator.http.faults import HttpFaultSettings
from interpreter.emulator.http.records import HttpRequestRecord


@dataclass
class HttpCall:
    """One authorised HTTP request, as a route handler sees it.

    Attributes:
        request: the aiohttp request.
        context: the emulator's shared state (``context.http`` for HTTP faults, records, limiter).
        faults: the HTTP fault settings read when the request arrived (consistent for the whole answer).
        record: the request's record, or None while recording is off.
        request_id: the id sent back as ``x-request-id`` and in error bodies.
    """

    request: web.Request
    context: EmulatorContext
    faults: HttpFaultSettings
    record: HttpRequestRecord | None
    request_id: str


# Recorded status of a request whose client left before the answer (nginx's convention; never sent to anyone).
CLIENT_CLOSED_REQUEST = 499

RouteHandler = Callable[[HttpCall], Awaitable[web.StreamResponse]]


def http_route(handler: RouteHandler) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """Wrap ``handler`` with the common steps of the module docstring."""

    @functools.wraps(handler)
    async def route(request: web.Request) -> web.StreamResponse:
        context = request.app[CONTEXT_KEY]
        http = context.http
        http.stats.count_request()
        record = http.records.new_request(context.wall_clock(), request.method, request.path)
        request_id = new_request_id()
        faults, status = http.faults.take_request()
        try:
            await request.read()  # aiohttp keeps it: handlers read it again for free
            if faults.first_byte_delay_ms:
                await asyncio.sleep(faults.first_byte_delay_ms / 1000.0)
            if status is not None:
                raise injected_status(status, faults.retry_after_s)
            key = bearer_key(request)
            if key is None or key not in context.api_keys:
                raise invalid_api_key(key_given=key is not None)
            response = await handler(HttpCall(request, context, faults, record, request_id))
        except CompatError as error:
            response = error.response(request_id)
            if record is not None:
                record.error_code = error.code
        except ConnectionError:
            response = web.Response(status=CLIENT_CLOSED_REQUEST)
            if record is not None:
                record.cut = True
        http.stats.count_status(response.status)
        if record is not None:
            record.status = response.status
            record.finished_at = context.wall_clock()
            http.records.finished(record)
        return response

    return route
