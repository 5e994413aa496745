"""The realtime WebSocket route ``GET /api-ws/v1/realtime?model=...``: handshake checks, then one session.

Handshake answers (spec §1.2, §8.1, §9.1), all with the native DashScope error body
``{"code", "message", "request_id"}``:

- injected fault: 401 / 403 / 429 (+ ``Retry-After``) as :class:`Faults` asks;
- missing or unknown ``Authorization: Bearer`` key: 401 ``InvalidApiKey``;
- missing ``model``: 400 ``InvalidParameter``; unknown model: 404 ``ModelNotFound``;
- a plain HTTP request without the WebSocket upgrade: 426.
"""

from __future__ import annotations

import uuid

from aiohttp import web

from interpreter.emulator.auth import bearer_key
from interpreter.emulator.context import CONTEXT_KEY
from interpreter.emulator.faults import RealtimeFaultSettings
from interpreter.emulator.session import EmulatedSession

REALTIME_PATH = "/api-ws/v1/realtime"

# Audio arrives Base64 in JSON; images are up to 500 KB raw (~683 KB Base64). 8 MB leaves room for a client that
# sends oversized frames, so the emulator can answer with a proper error event instead of dropping the socket.
MAX_MESSAGE_BYTES = 8 * 1024 * 1024

_REJECTIONS = {
    401: ("InvalidApiKey", "Invalid API-key provided."),
    403: ("AccessDenied", "Access denied."),
    429: ("Throttling.RateQuota", "Requests rate limit exceeded, please try again later."),
}


def _error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> web.Response:
    body = {"code": code, "message": message, "request_id": str(uuid.uuid4())}
    return web.json_response(body, status=status, headers=headers)


def _fault_rejection(settings: RealtimeFaultSettings) -> web.Response:
    status = settings.reject_handshake or 403
    code, message = _REJECTIONS[status]
    headers = {"Retry-After": str(settings.retry_after_s)} if status == 429 else None
    return _error_response(status, code, message, headers)


async def realtime_handler(request: web.Request) -> web.StreamResponse:
    """Check the handshake, then run an :class:`EmulatedSession` until the connection ends."""
    context = request.app[CONTEXT_KEY]
    realtime = context.realtime
    realtime.stats.count("handshake_attempts")
    rejection = realtime.faults.take_handshake_rejection()
    if rejection is not None:
        realtime.stats.count("handshakes_rejected")
        return _fault_rejection(rejection)
    key = bearer_key(request)
    if key is None or key not in context.api_keys:
        realtime.stats.count("handshakes_rejected")
        message = "No API-key provided." if key is None else "Invalid API-key provided."
        return _error_response(401, "InvalidApiKey", message)
    model_name = request.query.get("model")
    if not model_name:
        realtime.stats.count("handshakes_rejected")
        return _error_response(400, "InvalidParameter", "you must provide a model parameter.")
    model = context.catalog.model(model_name)
    if model is None:
        realtime.stats.count("handshakes_rejected")
        return _error_response(
            404, "ModelNotFound", f"The model {model_name} does not exist or you do not have access to it."
        )
    ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=None)
    if not ws.can_prepare(request).ok:
        return _error_response(426, "InvalidParameter", "This endpoint accepts WebSocket connections only.")
    await ws.prepare(request)
    realtime.stats.count("connections")
    record = realtime.records.new_session(model_name)
    session = EmulatedSession(context, ws, request.transport, model, record)
    realtime.active.add(ws)
    try:
        await session.run()
    finally:
        realtime.active.discard(ws)
    return ws
