"""Map ``websockets`` and socket exceptions onto the application's error tree.

This is the only module that knows websockets' exception classes: everything above the transport sees
``interpreter.errors`` types with a sentence a user can act on. Nothing here ever includes the API key: the
handshake response body and headers come from the server, and the request headers are never echoed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

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
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.transport import texts

MAX_RETRY_AFTER_S = 300.0
"""Cap on a server-sent Retry-After: a misbehaving proxy must not park a live session for hours."""


class HandshakeRateLimitError(RateLimitError):
    """429 at the WebSocket upgrade; ``retry_after_s`` is the server's Retry-After in seconds, when it sent one."""

    def __init__(self, user_message: str, *, retry_after_s: float | None, **kwargs: Any) -> None:
        super().__init__(user_message, **kwargs)
        self.retry_after_s = retry_after_s


class ModelNotFoundError(ConfigError):
    """The endpoint answered 404: the model does not exist there (or not in this region)."""

    def __init__(self, user_message: str, *, http_status: int, code: str | None, detail: str | None) -> None:
        super().__init__(user_message, field="model", detail=detail)
        self.http_status = http_status
        self.code = code


def _region_phrase(region_label: str | None) -> str:
    return texts.IN_REGION(region=region_label) if region_label else ""


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
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def _error_code_and_message(body: bytes) -> tuple[str | None, str | None]:
    """Pull ``code``/``message`` from a native (``{"code"}``) or compat (``{"error": {"code"}}``) error body."""
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))
    except (ValueError, UnicodeDecodeError):
        return None, None
    if not isinstance(data, Mapping):
        return None, None
    inner = data.get("error")
    source: Mapping[str, Any] = inner if isinstance(inner, Mapping) else data
    code = source.get("code")
    message = source.get("message")
    return (str(code) if code is not None else None, str(message) if message is not None else None)


def map_handshake_status(
    status: int,
    *,
    headers: Mapping[str, str],
    body: bytes,
    model: str,
    region_label: str | None = None,
) -> InterpreterError:
    """The typed error for an HTTP status that refused the WebSocket upgrade.

    Args:
        status: HTTP status of the handshake response (anything but 101).
        headers: response headers (for Retry-After).
        body: response body (may hold a DashScope error JSON in native or compat shape).
        model: the model that was requested, for the sentence.
        region_label: e.g. "Singapore" or the custom host, for the sentence.
    """
    code, message = _error_code_and_message(body)
    detail = f"HTTP {status}" + (f" {code}" if code else "") + (f": {message}" if message else "")
    where = _region_phrase(region_label)
    if status == 401:
        return AuthenticationError(
            texts.KEY_REJECTED(where=where),
            code=code,
            http_status=status,
            detail=detail,
        )
    if status == 403:
        return AccessDeniedError(
            texts.MODEL_DENIED(model=model, where=where),
            code=code,
            http_status=status,
            detail=detail,
        )
    if status == 404:
        return ModelNotFoundError(
            texts.MODEL_NOT_FOUND(model=model, where=where),
            http_status=status,
            code=code,
            detail=detail,
        )
    if status == 429:
        retry_after = parse_retry_after(headers.get("Retry-After"))
        return HandshakeRateLimitError(
            texts.RATE_LIMITED_RETRY_IN(seconds=retry_after) if retry_after else texts.RATE_LIMITED_RETRY_SOON(),
            retry_after_s=retry_after,
            code=code,
            http_status=status,
            detail=detail,
        )
    if status >= 500:
        return ServerError(
            texts.SERVER_PROBLEM_HTTP(status=status),
            code=code,
            http_status=status,
            detail=detail,
        )
    if 400 <= status < 500:
        return RequestRejectedError(
            texts.CONNECTION_REFUSED_HTTP(status=status),
            code=code,
            http_status=status,
            detail=detail,
        )
    # 1xx/2xx/3xx instead of 101: something in between (captive portal, proxy) answered for the service.
    return NetworkError(
        texts.NOT_THE_SERVICE_HTTP(status=status),
        detail=detail,
    )


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
        return ConfigError(texts.INVALID_WEBSOCKET_URL(host=host), field="base_url")
    if isinstance(exc, TimeoutError):
        return NetworkTimeoutError(
            texts.CONNECT_TIMEOUT(host=host),
            detail=type(exc).__name__,
        )
    if isinstance(exc, InvalidHandshake):
        return NetworkError(
            texts.UPGRADE_FAILED(host=host),
            detail=f"{type(exc).__name__}: {exc}",
        )
    if isinstance(exc, OSError):
        return NetworkError(
            texts.UNREACHABLE(host=host),
            detail=f"{type(exc).__name__}: {exc}",
        )
    if isinstance(exc, ConnectionClosed):
        return map_connection_closed(exc)
    return NetworkError(
        texts.CONNECT_FAILED(host=host),
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
    return NetworkError(texts.CONNECTION_DROPPED(), detail=detail)
