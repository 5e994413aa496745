"""``POST /compatible-mode/v1/chat/completions``: reads the JSON body and hands it to the API serving its model.

Several APIs share this path (file translation now; Qwen-MT, OpenAI-compatible OCR later, spec §4.1, §5.4), told
apart by ``model``. Each registers the model names it serves with :func:`register_chat_model`; an unknown model is a
404 ``model_not_found``, a missing one a 400 ``invalid_value`` (spec §8.1).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from interpreter.emulator.http.errors import invalid_parameter, invalid_value, model_not_found
from interpreter.emulator.http.routing import HttpCall, http_route

CHAT_COMPLETIONS_PATH = "/compatible-mode/v1/chat/completions"

ChatHandler = Callable[[HttpCall, dict[str, Any], str], Awaitable[web.StreamResponse]]
"""``handler(call, body, model_name)``: answers one chat-completions request for a model it registered."""

_HANDLERS: dict[str, ChatHandler] = {}


def register_chat_model(names: tuple[str, ...] | list[str], handler: ChatHandler) -> None:
    """Serve chat completions for each model name in ``names`` with ``handler`` (called at import of the API)."""
    for name in names:
        _HANDLERS[name] = handler


async def _chat_completions(call: HttpCall) -> web.StreamResponse:
    raw = await call.request.read()
    if call.record is not None:
        call.record.body_bytes = len(raw)
    try:
        body = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise invalid_parameter(f"The request body is not valid JSON: {exc}.") from exc
    if not isinstance(body, dict):
        raise invalid_parameter("The request body must be a JSON object.")
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise invalid_value("you must provide a model parameter.", param="model")
    if call.record is not None:
        call.record.model = model
    handler = _HANDLERS.get(model)
    if handler is None:
        raise model_not_found(model)
    return await handler(call, body, model)


chat_completions = http_route(_chat_completions)


def add_routes(app: web.Application) -> None:
    app.router.add_post(CHAT_COMPLETIONS_PATH, chat_completions)
