"""One mapping for every DashScope refusal: HTTP answers, WebSocket handshakes and errors inside streams."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interpreter.errors import (
    AccessDeniedError,
    AuthenticationError,
    InterpreterError,
    NetworkError,
    QuotaExhaustedError,
    RateLimitError,
    RequestRejectedError,
    ServerError,
)
from interpreter.protocol.chat_stream import ServiceErrorBody
from interpreter.protocol.retry import Decision, classify
from interpreter.transport.errors import (
    ModelNotFoundError,
    map_handshake_status,
    map_http_status,
    map_service_error,
    normalize_code,
    parse_error_body,
)

NATIVE_401 = {"code": "InvalidApiKey", "message": "Invalid API-key provided.", "request_id": "r-1"}
COMPAT_401 = {
    "error": {
        "message": "Incorrect API key provided. For details, see: https://help.aliyun.com/#apikey-error",
        "type": "invalid_request_error",
        "param": None,
        "code": "invalid_api_key",
    },
    "request_id": "r-2",
}


def _http(status: int, body: object, **headers: str) -> object:
    raw = json.dumps(body).encode() if not isinstance(body, bytes) else body
    return map_http_status(status, headers=headers, body=raw, model="qwen3-livetranslate-flash", region_label="Beijing")


def test_both_body_shapes_parse_to_the_same_fields() -> None:
    native = parse_error_body(json.dumps(NATIVE_401).encode())
    compat = parse_error_body(json.dumps(COMPAT_401))
    assert native == ServiceErrorBody("InvalidApiKey", "Invalid API-key provided.", "r-1", None)
    assert compat.code == "invalid_api_key" and compat.request_id == "r-2"
    assert compat.error_type == "invalid_request_error"
    assert normalize_code(native.code) == normalize_code(compat.code)


def test_a_body_that_is_not_json_gives_empty_fields() -> None:
    assert parse_error_body(b"<html>bad gateway</html>") == ServiceErrorBody()
    assert parse_error_body(b"\xff\xfe") == ServiceErrorBody()
    assert parse_error_body(b"[1, 2]") == ServiceErrorBody()


@pytest.mark.parametrize("body", [NATIVE_401, COMPAT_401, {}])
def test_401_in_either_shape_is_the_region_sentence_of_the_websocket_path(body: dict[str, object]) -> None:
    http_error = _http(401, body)
    ws_error = map_handshake_status(
        401, headers={}, body=json.dumps(body).encode(), model="qwen3-livetranslate-flash", region_label="Beijing"
    )
    assert isinstance(http_error, AuthenticationError) and isinstance(ws_error, AuthenticationError)
    assert http_error.user_message == ws_error.user_message
    assert "region" in http_error.user_message and "(Beijing)" in http_error.user_message
    assert http_error.http_status == 401


@pytest.mark.parametrize(
    "code",
    ["insufficient_quota", "Throttling.AllocationQuota", "THROTTLING_ALLOCATION-QUOTA", "throttling.allocationquota"],
)
def test_an_exhausted_quota_on_429_is_fatal_not_a_rate_limit(code: str) -> None:
    error = _http(429, {"error": {"code": code, "message": "You exceeded your current quota"}}, **{"Retry-After": "5"})
    assert isinstance(error, QuotaExhaustedError)
    assert not isinstance(error, RateLimitError)
    assert classify(error) is Decision.FATAL
    assert "waiting will not help" in error.user_message


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (403, {"code": "AllocationQuota.FreeTierOnly", "message": "The free tier of the model has been exhausted."}),
        (400, {"error": {"type": "Arrearage", "code": "Arrearage", "message": "Access denied"}}),
    ],
)
def test_free_tier_and_arrears_are_quota_errors(status: int, body: dict[str, object]) -> None:
    error = _http(status, body)
    assert isinstance(error, QuotaExhaustedError) and isinstance(error, AccessDeniedError)
    assert error.http_status == status


@pytest.mark.parametrize("code", ["Throttling", "Throttling.RateQuota", "limit_requests", "limit_burst_rate", None])
def test_429_throttling_is_a_rate_limit_with_retry_after(code: str | None) -> None:
    error = _http(429, {"code": code} if code else {}, **{"retry-after": "12"})
    assert isinstance(error, RateLimitError)
    assert error.retry_after_s == 12.0
    assert classify(error) is Decision.RETRY
    assert "12 s" in error.user_message


def test_status_decides_the_rest() -> None:
    assert isinstance(_http(403, {"code": "Model.AccessDenied"}), AccessDeniedError)
    not_found = _http(404, {"error": {"code": "model_not_found", "message": "The model x does not exist"}})
    assert isinstance(not_found, ModelNotFoundError) and "qwen3-livetranslate-flash" in not_found.user_message
    assert isinstance(_http(500, {"code": "InternalError"}), ServerError)
    assert isinstance(_http(503, b"Service Unavailable"), ServerError)
    rejected = _http(400, {"code": "InvalidParameter", "message": "Role must be user or assistant"})
    assert isinstance(rejected, RequestRejectedError) and "request" in rejected.user_message
    assert rejected.detail is not None and "Role must be user" in rejected.detail
    assert isinstance(_http(302, b""), NetworkError)


def test_content_inspection_has_its_own_sentence() -> None:
    error = _http(400, {"code": "DataInspectionFailed", "message": "Input data may contain inappropriate content."})
    assert isinstance(error, RequestRejectedError)
    assert "content check" in error.user_message


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("invalid_api_key", AuthenticationError),
        ("insufficient_quota", QuotaExhaustedError),
        ("limit_requests", RateLimitError),
        ("internal_error", ServerError),
        ("InternalError.Algo", ServerError),
        ("model_not_found", ModelNotFoundError),
        ("InvalidParameter", RequestRejectedError),
        ("something_new", RequestRejectedError),
    ],
)
def test_without_a_status_the_code_decides(code: str, kind: type[Exception]) -> None:
    error = map_service_error(None, ServiceErrorBody(code=code, message="m", request_id="r-9"))
    assert isinstance(error, kind)
    assert error.detail is not None and "in stream" in error.detail and "r-9" in error.detail


@given(
    status=st.one_of(st.none(), st.integers(min_value=100, max_value=599)),
    code=st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["insufficient_quota", "Arrearage", "Throttling"])),
    message=st.one_of(st.none(), st.text(max_size=80)),
    retry_after=st.one_of(st.none(), st.floats(min_value=0, max_value=300)),
)
def test_every_refusal_maps_to_a_sentence_and_quota_is_never_a_rate_limit(
    status: int | None, code: str | None, message: str | None, retry_after: float | None
) -> None:
    error = map_service_error(status, ServiceErrorBody(code, message), retry_after_s=retry_after)
    assert isinstance(error, InterpreterError) and error.user_message.endswith(".")
    if normalize_code(code) in {"insufficientquota", "arrearage"}:
        assert isinstance(error, QuotaExhaustedError) and classify(error) is Decision.FATAL
    if isinstance(error, RateLimitError):
        assert error.retry_after_s == retry_after
