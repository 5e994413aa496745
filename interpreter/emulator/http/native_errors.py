"""Error answers of the native DashScope APIs (``/api/v1/...``): ``{"code", "message", "request_id"}`` (spec §8.1).

:class:`NativeError` is a :class:`~interpreter.emulator.http.errors.CompatError` with the native body, so the common
route wrapper answers it unchanged. :func:`as_native` turns the wrapper's own compat answers (bad key, injected
status faults) into their native twins for routes registered with ``http_route(..., native=True)``; the code pairs
are the error page's "401-InvalidApiKey/invalid_api_key" headings.
"""

from __future__ import annotations

from typing import Any

from interpreter.emulator.http.errors import CompatError

# compat code -> (native code, native message) for the answers the route wrapper makes itself (spec §8.1 table).
_NATIVE_TWINS: dict[str, tuple[str, str]] = {
    "invalid_parameter_error": ("InvalidParameter", ""),
    "access_denied": ("AccessDenied", "Access denied."),
    "model_not_found": ("ModelNotFound", "Model can not be found."),
    "limit_requests": ("Throttling.RateQuota", "Requests rate limit exceeded, please try again later."),
    "internal_error": ("InternalError", "An internal error has occured, try again later or contact service support."),
    "service_unavailable": ("ServiceUnavailable", ""),
    "bad_gateway": ("BadGateway", ""),
    "gateway_timeout": ("RequestTimeOut", ""),
}


class NativeError(CompatError):
    """A native error answer: HTTP ``status`` with ``{"code", "message", "request_id"}``."""

    def body(self, request_id: str) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "request_id": request_id}


def as_native(error: CompatError) -> NativeError:
    """The native form of ``error`` (unchanged when it already is one)."""
    if isinstance(error, NativeError):
        return error
    if error.code == "invalid_api_key":
        given = error.message.startswith("Incorrect")
        # Spec §8.1 [C: CNB]: "Invalid API-key provided." for a wrong key, "No API-key provided." for none.
        message = "Invalid API-key provided." if given else "No API-key provided."
        return NativeError(error.status, "InvalidApiKey", message, headers=error.headers)
    code, message = _NATIVE_TWINS.get(error.code, (error.code, ""))
    return NativeError(error.status, code, message or error.message, headers=error.headers)


def invalid_parameter(message: str) -> NativeError:
    """400 ``InvalidParameter`` (spec §8.1)."""
    return NativeError(400, "InvalidParameter", message)


def access_denied(message: str) -> NativeError:
    """403 ``AccessDenied`` (spec §8.1), e.g. a synchronous call to an async-only API."""
    return NativeError(403, "AccessDenied", message)


def throttled(retry_after_s: int) -> NativeError:
    """429 ``Throttling.RateQuota`` with ``Retry-After`` (spec §8.1)."""
    return NativeError(
        429,
        "Throttling.RateQuota",
        "Requests rate limit exceeded, please try again later.",
        headers={"Retry-After": str(retry_after_s)},
    )
