"""Error answers of the HTTP APIs: the OpenAI-compatible shape (spec §8.2) and the native one (spec §8.1).

A handler raises :class:`CompatError`; the route wrapper (:mod:`interpreter.emulator.http.routing`) turns it into
``{"error": {"message", "type", "param", "code"}, "request_id"}`` with the right status and headers. Codes and
messages are the documented ones (spec §8.1 table) wherever the spec gives them.
"""

from __future__ import annotations

import uuid
from typing import Any

from aiohttp import web

# Spec §8.2: the compat message for a bad key carries this help link.
API_KEY_HELP_URL = "https://help.aliyun.com/zh/model-studio/error-code#apikey-error"


class CompatError(Exception):
    """An OpenAI-compatible error answer.

    Args:
        status: HTTP status.
        code: ``error.code`` (snake_case, e.g. ``invalid_parameter_error``).
        message: ``error.message``.
        error_type: ``error.type``; defaults to ``invalid_request_error`` for 4xx but 429, else the code itself.
        param: ``error.param`` (the offending request field, or None).
        headers: extra response headers (``Retry-After``).
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        error_type: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.error_type = error_type or ("invalid_request_error" if 400 <= status < 429 else code)
        self.param = param
        self.headers = headers or {}

    def body(self, request_id: str) -> dict[str, Any]:
        return {
            "error": {"message": self.message, "type": self.error_type, "param": self.param, "code": self.code},
            "request_id": request_id,
        }

    def response(self, request_id: str) -> web.Response:
        return web.json_response(
            self.body(request_id), status=self.status, headers={**self.headers, "x-request-id": request_id}
        )


def new_request_id() -> str:
    """A request id shaped like the service's (a UUID)."""
    return str(uuid.uuid4())


def invalid_parameter(message: str, param: str | None = None) -> CompatError:
    """400 ``invalid_parameter_error`` (spec §8.1), the service's answer to a request it cannot accept."""
    return CompatError(400, "invalid_parameter_error", message, param=param)


def invalid_value(message: str, param: str | None = None) -> CompatError:
    """400 ``invalid_value`` (spec §8.1: e.g. "you must provide a model parameter.")."""
    return CompatError(400, "invalid_value", message, param=param)


def invalid_api_key(key_given: bool) -> CompatError:
    """401 ``invalid_api_key`` with the compat message (spec §8.2)."""
    return CompatError(
        401,
        "invalid_api_key",
        f"Incorrect API key provided. For details, see: {API_KEY_HELP_URL}"
        if key_given
        else f"You didn't provide an API key. For details, see: {API_KEY_HELP_URL}",
    )


def model_not_found(model: str) -> CompatError:
    """404 ``model_not_found`` (spec §8.1)."""
    return CompatError(404, "model_not_found", f"The model `{model}` does not exist or you do not have access to it.")


def rate_limited(retry_after_s: int) -> CompatError:
    """429 ``limit_requests`` with ``Retry-After`` (spec §8.1/§8.2)."""
    return CompatError(
        429,
        "limit_requests",
        "You exceeded your current requests list.",
        headers={"Retry-After": str(retry_after_s)},
    )


# Answers for an injected status fault (spec §8.1 codes and messages; 503's message is the emulator's own [I]).
_STATUS_ERRORS: dict[int, tuple[str, str]] = {
    400: ("invalid_parameter_error", "Injected fault: the request was rejected."),
    401: ("invalid_api_key", f"Incorrect API key provided. For details, see: {API_KEY_HELP_URL}"),
    403: ("access_denied", "Access denied."),
    404: ("model_not_found", "Model can not be found."),
    429: ("limit_requests", "You exceeded your current requests list."),
    500: ("internal_error", "An internal error has occured, try again later or contact service support."),
    502: ("bad_gateway", "Bad gateway."),
    503: ("service_unavailable", "The service is temporarily unavailable, please try again later."),
    504: ("gateway_timeout", "The request timed out, please try again later."),
}
INJECTABLE_STATUSES = tuple(_STATUS_ERRORS)


def injected_status(status: int, retry_after_s: int) -> CompatError:
    """The error an injected status fault answers with (429 and 503 carry ``Retry-After``)."""
    code, message = _STATUS_ERRORS[status]
    headers = {"Retry-After": str(retry_after_s)} if status in (429, 503) else None
    return CompatError(status, code, message, headers=headers)


def stream_error_payload(code: str, message: str) -> dict[str, Any]:
    """The ``data: {"error": {...}}`` payload of a mid-stream error (spec §8.2 [I])."""
    return {"error": {"message": message, "type": code, "param": None, "code": code}}
