"""Handshake and socket failures become typed errors with sentences a user can act on."""

from __future__ import annotations

import json

import pytest
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosedError, InvalidStatus
from websockets.frames import Close
from websockets.http11 import Response

from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    ConfigError,
    NetworkError,
    NetworkTimeoutError,
    RequestRejectedError,
    ServerError,
)
from interpreter.transport.errors import (
    MAX_RETRY_AFTER_S,
    HandshakeRateLimitError,
    map_connect_error,
    map_connection_closed,
    parse_retry_after,
)


def _rejection(status: int, body: dict[str, object] | None = None, **headers: str) -> InvalidStatus:
    payload = json.dumps(body).encode() if body is not None else b""
    return InvalidStatus(Response(status, "x", Headers(headers), payload))


def _map(exc: BaseException) -> object:
    return map_connect_error(exc, model="qwen3-livetranslate-flash-realtime", host="h:1", region_label="Singapore")


def test_401_blames_the_key_or_its_region_and_keeps_the_service_code() -> None:
    error = _map(_rejection(401, {"code": "InvalidApiKey", "message": "Invalid API-key provided."}))
    assert isinstance(error, AuthenticationError)
    assert "region" in error.user_message and "key" in error.user_message
    assert error.code == "InvalidApiKey" and error.http_status == 401


def test_compat_error_body_is_understood() -> None:
    error = _map(_rejection(403, {"error": {"code": "Model.AccessDenied", "message": "Model access denied."}}))
    assert isinstance(error, AccessDeniedError)
    assert error.code == "Model.AccessDenied"


def test_404_is_a_model_config_error() -> None:
    error = _map(_rejection(404, {"code": "ModelNotFound", "message": "nope"}))
    assert isinstance(error, ConfigError)
    assert error.field == "model"
    assert "qwen3-livetranslate-flash-realtime" in error.user_message


def test_429_carries_retry_after() -> None:
    error = _map(_rejection(429, {"code": "Throttling"}, **{"Retry-After": "7"}))
    assert isinstance(error, HandshakeRateLimitError)
    assert error.retry_after_s == 7.0
    assert "7 s" in error.user_message


@pytest.mark.parametrize(("status", "kind"), [(500, ServerError), (503, ServerError), (400, RequestRejectedError)])
def test_other_statuses(status: int, kind: type[Exception]) -> None:
    assert isinstance(_map(_rejection(status)), kind)


def test_a_non_websocket_answer_is_a_network_problem() -> None:
    error = _map(_rejection(200))
    assert isinstance(error, NetworkError)
    assert "proxy" in error.user_message


def test_socket_failures_are_network_errors() -> None:
    refused = _map(ConnectionRefusedError(111, "Connection refused"))
    assert isinstance(refused, NetworkError) and "h:1" in refused.user_message
    assert isinstance(_map(TimeoutError()), NetworkTimeoutError)
    closed = map_connection_closed(ConnectionClosedError(Close(1011, "boom"), None))
    assert isinstance(closed, NetworkError)
    assert closed.detail is not None and "1011" in closed.detail


def test_retry_after_forms() -> None:
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("2.5") == 2.5
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after("99999") == MAX_RETRY_AFTER_S
    # An HTTP date in the past means "now".
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
