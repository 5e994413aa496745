"""Map service refusals, ``websockets`` and socket exceptions onto the application's error tree.

:func:`map_service_error` is THE one mapping from a DashScope refusal (HTTP status and/or error code, native or
OpenAI-compatible body) to ``interpreter.errors`` types: the WebSocket handshake (:func:`map_handshake_status`), the
HTTP client (:func:`map_http_status`) and errors reported inside a stream all go through it. This is also the only
module that knows websockets' exception classes: everything above the transport sees ``interpreter.errors`` types
with a sentence a user can act on. Nothing here ever includes the API key: the
handshake response body and headers come from the server, and the request headers are never echoed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from websockets.exceptions import (
    ConnectionClosed,
    InvalidHandshake,
    InvalidStatus,
    InvalidURI,
)

from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    InterpreterError,
    NetworkError,
    NetworkTimeoutError,
    QuotaExhaustedError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.protocol.chat_stream import ServiceErrorBody, error_body_from_payload

MAX_RETRY_AFTER_S = 300.0
"""Cap on a server-sent Retry-After: a misbehaving proxy must not park a live session for hours."""


class HandshakeRateLimitError(RateLimitError):
    """A 429 answer (WebSocket upgrade or HTTP request); ``retry_after_s`` (on RateLimitError) is the server's
    Retry-After in seconds, when it sent one. Kept as a name because the realtime transport matches on it."""


class ModelNotFoundError(ConfigError):
    """The endpoint answered 404: the model does not exist there (or not in this region)."""

    def __init__(self, user_message: str, *, http_status: int, code: str | None, detail: str | None) -> None:
        super().__init__(user_message, field="model", detail=detail)
        self.http_status = http_status
        self.code = code


def _region_phrase(region_label: str | None) -> str:
    return f" ({region_label})" if region_label else ""


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), capped; None when absent/invalid."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive result means the zone was omitted
            when = when.replace(tzinfo=UTC)
        seconds = (when - datetime.now(UTC)).total_seconds()
    if seconds != seconds:  # NaN ("nan" parses as a float) means the header is garbage
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def parse_error_body(body: bytes | str) -> ServiceErrorBody:
    """The error fields of an HTTP error body of either shape; all None when it is not DashScope JSON."""
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    try:
        data = json.loads(text)
    except ValueError:
        return ServiceErrorBody()
    return error_body_from_payload(data) or ServiceErrorBody()


def normalize_code(code: str | None) -> str:
    """``code`` lower-cased without separators, so ``Throttling.AllocationQuota``, ``throttling_allocation_quota``
    and ``THROTTLING-ALLOCATION-QUOTA`` compare equal (spec §8.2: compare codes, never messages)."""
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


# Codes meaning the account's quota is gone: waiting a minute does not bring it back (spec §8.1, §8.3), so they are
# fatal even when the status is 429. Normalized with normalize_code.
_QUOTA_CODES = frozenset(
    {"insufficientquota", "throttlingallocationquota", "allocationquota", "allocationquotafreetieronly", "arrearage"}
)
_AUTH_CODES = frozenset({"invalidapikey"})
_RATE_CODES = frozenset(
    {"throttling", "throttlingratequota", "throttlingburstrate", "limitrequests", "limitburstrate", "ratelimitexceeded"}
)
_MODEL_CODES = frozenset({"modelnotfound", "modelnotsupported"})
_DENIED_CODES = frozenset({"accessdenied", "modelaccessdenied", "workspaceaccessdenied", "accessdeniedunpurchased"})
_CONTENT_CODES = frozenset({"datainspectionfailed"})
_SERVER_CODE_PREFIXES = ("internalerror", "serviceunavailable", "timeout", "requesttimeout")

_STATUS_FOR_CODE_KIND = {"quota": 403, "auth": 401, "rate": 429, "model": 404, "denied": 403, "server": 500}


def _kind_of_code(code: str | None) -> str | None:
    norm = normalize_code(code)
    if not norm:
        return None
    if norm in _QUOTA_CODES:
        return "quota"
    if norm in _AUTH_CODES:
        return "auth"
    if norm in _RATE_CODES:
        return "rate"
    if norm in _MODEL_CODES:
        return "model"
    if norm in _DENIED_CODES:
        return "denied"
    if norm in _CONTENT_CODES:
        return "content"
    if norm.startswith(_SERVER_CODE_PREFIXES):
        return "server"
    return None


def map_service_error(
    status: int | None,
    error: ServiceErrorBody,
    *,
    retry_after_s: float | None = None,
    model: str | None = None,
    region_label: str | None = None,
    refused: str = "request",
) -> InterpreterError:
    """THE mapping from a DashScope refusal to the application's error tree (WebSocket handshake, HTTP answer,
    native SSE ``event:error`` and a compat mid-stream ``{"error": ...}`` all come through here).

    An exhausted quota is decided by its code before the status (a 429 ``insufficient_quota`` or a 400
    ``Arrearage`` is fatal :class:`QuotaExhaustedError`, not a rate limit). Otherwise the status decides; without a
    status (an error inside a 200 stream) the code decides, and an unknown code is a rejected request.

    Args:
        status: the HTTP status, or None for an error reported inside a stream.
        error: the parsed error body (see :func:`parse_error_body`).
        retry_after_s: the parsed ``Retry-After`` (429 only).
        model: the model requested, for the sentence.
        region_label: e.g. "Singapore" or the custom host, for the sentence.
        refused: what was refused, for the generic 4xx sentence: "connection" (handshake) or "request".
    """
    code, message = error.code, error.message
    detail = (f"HTTP {status}" if status is not None else "in stream") + (f" {code}" if code else "")
    detail += (f": {message}" if message else "") + (f" [request {error.request_id}]" if error.request_id else "")
    where = _region_phrase(region_label)
    which = model or "this model"
    kind = _kind_of_code(code)
    # Without a status (an error inside a 200 stream) the code stands in for it; unknown codes count as a 400.
    status_for_kind = _STATUS_FOR_CODE_KIND.get(kind or "", 400) if status is None else status
    if kind == "quota":
        return QuotaExhaustedError(
            f"The account's quota for {which}{where} is used up (or the account is in arrears): top up or raise the "
            "quota in the Model Studio console, or turn off the 'free tier only' mode; waiting will not help.",
            code=code,
            http_status=status,
            detail=detail,
        )
    if kind == "content" and status_for_kind < 500:
        return RequestRejectedError(
            "The service's content check refused this input or its translation; this part cannot be translated as is.",
            code=code,
            http_status=status,
            detail=detail,
        )
    if status_for_kind == 401:
        return AuthenticationError(
            f"The service{where} rejected the API key: check that it is correct and that it was created for this "
            "region (keys are region-bound: a Beijing key does not work in Singapore and vice versa).",
            code=code,
            http_status=status,
            detail=detail,
        )
    if status_for_kind == 403:
        return AccessDeniedError(
            f"This API key may not use {which}{where}: enable the model in the Model Studio console, check that the "
            "account is in good standing, or turn off the 'free tier only' mode.",
            code=code,
            http_status=status,
            detail=detail,
        )
    if status_for_kind == 404:
        return ModelNotFoundError(
            f"The model {which} is not available at this service address{where}; choose another model or region.",
            http_status=status if status is not None else 404,
            code=code,
            detail=detail,
        )
    if status_for_kind == 429:
        wait = f" Trying again in {retry_after_s:.0f} s." if retry_after_s else " Trying again shortly."
        return HandshakeRateLimitError(
            "The service is limiting requests for this account (too many requests or tokens per minute)." + wait,
            retry_after_s=retry_after_s,
            code=code,
            http_status=status,
            detail=detail,
        )
    if status_for_kind >= 500:
        return ServerError(
            "The translation service had an internal problem"
            + (f" (HTTP {status})" if status is not None else "")
            + "; trying again usually helps.",
            code=code,
            http_status=status,
            detail=detail,
        )
    if 400 <= status_for_kind < 500:
        return RequestRejectedError(
            f"The service refused the {refused}"
            + (f" (HTTP {status})" if status is not None else "")
            + "; check the model, the options and the service address.",
            code=code,
            http_status=status,
            detail=detail,
        )
    # 1xx/2xx/3xx where a refusal was expected: something in between (captive portal, proxy) answered.
    return NetworkError(
        f"Something other than the translation service answered (HTTP {status}); check the network, proxy or "
        "service address.",
        detail=detail,
    )


def map_handshake_status(
    status: int,
    *,
    headers: Mapping[str, str],
    body: bytes,
    model: str,
    region_label: str | None = None,
) -> InterpreterError:
    """The typed error for an HTTP status that refused the WebSocket upgrade (see :func:`map_service_error`).

    Args:
        status: HTTP status of the handshake response (anything but 101).
        headers: response headers (for Retry-After).
        body: response body (may hold a DashScope error JSON in native or compat shape).
        model: the model that was requested, for the sentence.
        region_label: e.g. "Singapore" or the custom host, for the sentence.
    """
    return map_service_error(
        status,
        parse_error_body(body),
        retry_after_s=parse_retry_after(_header(headers, "Retry-After")),
        model=model,
        region_label=region_label,
        refused="connection",
    )


def map_http_status(
    status: int,
    *,
    headers: Mapping[str, str],
    body: bytes,
    model: str | None = None,
    region_label: str | None = None,
) -> InterpreterError:
    """The typed error for a non-2xx answer of an HTTP API (see :func:`map_service_error`)."""
    return map_service_error(
        status,
        parse_error_body(body),
        retry_after_s=parse_retry_after(_header(headers, "Retry-After")),
        model=model,
        region_label=region_label,
    )


def _header(headers: Mapping[str, str], name: str) -> str | None:
    """Case-insensitive header lookup on a plain mapping (httpx/websockets headers are case-insensitive already)."""
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), None)


class StreamIncompleteError(NetworkError):
    """A streamed answer ended before its finish reason and ``[DONE]`` (connection cut, gateway timeout).

    Retryable: what arrived is discarded and the whole request is made again, so nothing is kept twice.
    """


def map_connect_error(
    exc: BaseException, *, model: str, host: str, region_label: str | None = None
) -> InterpreterError:
    """The typed error for anything raised while opening the WebSocket.

    Args:
        exc: what ``websockets.asyncio.client.connect`` raised.
        model: requested model (for 401/403/404 sentences).
        host: host[:port] we tried to reach (for network sentences; never contains credentials).
        region_label: region or custom-host label for the sentences.
    """
    if isinstance(exc, InterpreterError):
        return exc
    if isinstance(exc, InvalidStatus):
        response = exc.response
        headers = {key: value for key, value in response.headers.raw_items()}
        # Headers are case-insensitive; Retry-After is the only one we read.
        retry = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
        return map_handshake_status(
            response.status_code,
            headers={"Retry-After": retry} if retry is not None else {},
            body=bytes(response.body or b""),
            model=model,
            region_label=region_label,
        )
    if isinstance(exc, InvalidURI):
        return ConfigError(f"The service address for {host} is not a valid WebSocket URL.", field="base_url")
    if isinstance(exc, TimeoutError):
        return NetworkTimeoutError(
            f"The translation service at {host} did not answer in time; check the internet connection.",
            detail=type(exc).__name__,
        )
    if isinstance(exc, InvalidHandshake):
        return NetworkError(
            f"The connection to {host} could not be upgraded to a live session; check the proxy or service address.",
            detail=f"{type(exc).__name__}: {exc}",
        )
    if isinstance(exc, OSError):
        return NetworkError(
            f"Cannot reach the translation service at {host}; check the internet connection.",
            detail=f"{type(exc).__name__}: {exc}",
        )
    if isinstance(exc, ConnectionClosed):
        return map_connection_closed(exc)
    return NetworkError(
        f"Connecting to {host} failed unexpectedly; trying again may help.",
        detail=f"{type(exc).__name__}: {exc}",
    )


def map_connection_closed(exc: BaseException | None) -> NetworkError:
    """The retryable error for a connection that ended while we still needed it."""
    detail: str | None = None
    if isinstance(exc, ConnectionClosed):
        rcvd = exc.rcvd
        detail = f"close code {rcvd.code} {rcvd.reason!r}" if rcvd is not None else "no close frame"
    elif exc is not None:
        detail = f"{type(exc).__name__}: {exc}"
    return NetworkError("The connection to the translation service dropped.", detail=detail)
