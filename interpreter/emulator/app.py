"""The emulator's aiohttp application: every emulated API on one port.

The realtime WebSocket route lives in :mod:`interpreter.emulator.realtime`; the HTTP APIs register their routes
through :func:`interpreter.emulator.http.register_routes`. State shared by the routes is in
:mod:`interpreter.emulator.context` (so no route imports this module and there is no import cycle).
"""

from __future__ import annotations

from aiohttp import web

from interpreter.emulator import gummy
from interpreter.emulator.context import CONTEXT_KEY, EmulatorContext
from interpreter.emulator.http import register_routes
from interpreter.emulator.http.limits import MAX_REQUEST_BODY_BYTES
from interpreter.emulator.realtime import REALTIME_PATH, realtime_handler


def build_app(context: EmulatorContext) -> web.Application:
    """The aiohttp application with every emulated route."""
    app = web.Application(client_max_size=MAX_REQUEST_BODY_BYTES)
    app[CONTEXT_KEY] = context
    app.router.add_get(REALTIME_PATH, realtime_handler)
    gummy.add_routes(app)
    register_routes(app)
    return app
