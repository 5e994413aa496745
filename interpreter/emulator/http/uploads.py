"""Temporary file upload (spec §2.2): ``GET /api/v1/uploads?action=getPolicy`` and the OSS-like upload host.

getPolicy answers the captured shape with ``upload_host`` pointing at this emulator; the host takes the multipart
``POST /`` (fields first, ``file`` last: OSS ignores anything after the file, and so does this host), checks the
policy's signature, expiry and key prefix, refuses to overwrite (``x-oss-forbid-overwrite``) and stores the bytes
under ``key``. Errors from the host are OSS XML, as the real bucket sends. :func:`resolve_oss_url` gives a model route
the bytes behind an ``oss://`` URL — only when the request carries ``X-DashScope-OssResourceResolve: enable``,
for the model and key the policy was made for.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from datetime import UTC, datetime

from aiohttp import BodyPartReader, web

from interpreter.emulator.auth import bearer_key
from interpreter.emulator.context import CONTEXT_KEY
from interpreter.emulator.http.image_state import ImageApiState, StoredObject, UploadPolicy
from interpreter.emulator.http.native_errors import NativeError, invalid_parameter
from interpreter.emulator.http.routing import HttpCall, http_route

UPLOADS_PATH = "/api/v1/uploads"
UPLOAD_HOST_PATH = "/"
RESOLVE_HEADER = "X-DashScope-OssResourceResolve"

#: Spec §2.2: a policy is valid 300 s.
POLICY_TTL_S = 300
#: The documented per-file limit (doc example 100 MB; a capture shows 1024 [!]); the smaller is announced.
MAX_FILE_SIZE_MB = 100
_BUCKET = "dashscope-file-mgr"
_ACCESS_KEY_ID = "emulatorAccessKeyId"
# Signs policies so the host can tell its own from a forged one (a fresh secret per emulator process).
_SIGNING_SECRET = secrets.token_bytes(32)
# OSS reads the form up to the file; a form whose fields we never finish reading is bounded by this.
_MAX_FIELD_BYTES = 64 * 1024


def _sign(policy: str) -> str:
    return base64.b64encode(hmac.new(_SIGNING_SECRET, policy.encode(), hashlib.sha1).digest()).decode()


def _account_of(api_key: str) -> str:
    # The real upload_dir carries a 32-hex account id; derive one from the key without revealing it.
    return hashlib.md5(api_key.encode(), usedforsecurity=False).hexdigest()


def _state(request: web.Request) -> ImageApiState:
    return request.app[CONTEXT_KEY].http.images


async def get_policy(call: HttpCall) -> web.StreamResponse:
    """``GET /api/v1/uploads?action=getPolicy&model=M`` → the policy answer of spec §2.2."""
    query = call.request.query
    if query.get("action") != "getPolicy":
        raise invalid_parameter("action must be getPolicy.")
    model = query.get("model", "").strip()
    if not model:
        raise invalid_parameter("Model not exist.")
    api_key = bearer_key(call.request) or ""
    now = call.context.wall_clock()
    expires_at = now + POLICY_TTL_S
    upload_dir = f"dashscope-instant/{_account_of(api_key)}/{datetime.fromtimestamp(now, UTC):%Y-%m-%d}/{uuid.uuid4()}"
    policy_doc = {
        "expiration": datetime.fromtimestamp(expires_at, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + "000Z",
        "conditions": [
            ["content-length-range", 0, MAX_FILE_SIZE_MB * 1024 * 1024],
            ["starts-with", "$key", upload_dir],
            {"bucket": _BUCKET},
            {"x-oss-object-acl": "private"},
            {"x-oss-forbid-overwrite": "true"},
        ],
    }
    policy = base64.b64encode(json.dumps(policy_doc, separators=(",", ":")).encode()).decode()
    state = call.context.http.images
    with state.lock:
        state.policies[upload_dir] = UploadPolicy(upload_dir, model, api_key, expires_at)
    origin = f"{call.request.scheme}://{call.request.host}"
    data = {
        "policy": policy,
        "signature": _sign(policy),
        "upload_dir": upload_dir,
        "upload_host": origin,
        "expire_in_seconds": POLICY_TTL_S,
        "max_file_size_mb": MAX_FILE_SIZE_MB,
        "capacity_limit_mb": 999999999,
        "oss_access_key_id": _ACCESS_KEY_ID,
        "x_oss_object_acl": "private",
        "x_oss_forbid_overwrite": "true",
    }
    return web.json_response({"data": data, "request_id": call.request_id}, headers={"x-request-id": call.request_id})


def _oss_error(status: int, code: str, message: str) -> web.Response:
    request_id = uuid.uuid4().hex[:24].upper()
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n'
        f"  <Code>{code}</Code>\n  <Message>{message}</Message>\n  <RequestId>{request_id}</RequestId>\n"
        f"  <HostId>{_BUCKET}.emulator</HostId>\n</Error>\n"
    )
    return web.Response(
        status=status, text=body, content_type="application/xml", headers={"x-oss-request-id": request_id}
    )


async def upload_host(request: web.Request) -> web.StreamResponse:
    """``POST /`` multipart: store ``file`` under ``key`` if the signed policy allows it (OSS PostObject)."""
    context = request.app[CONTEXT_KEY]
    state = context.http.images
    context.http.stats.count_request()
    record = context.http.records.new_request(context.wall_clock(), request.method, request.path)
    response = await _receive_upload(request, state, context.wall_clock())
    context.http.stats.count_status(response.status)
    if record is not None:
        record.status = response.status
        record.finished_at = context.wall_clock()
        context.http.records.finished(record)
    return response


async def _receive_upload(request: web.Request, state: ImageApiState, now: float) -> web.Response:
    if not request.content_type.startswith("multipart/"):
        return _oss_error(400, "InvalidArgument", "The content type must be multipart/form-data.")
    fields: dict[str, str] = {}
    order: list[str] = []
    content: bytes | None = None
    file_type = "application/octet-stream"
    reader = await request.multipart()
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader):
            continue
        name = part.name or ""
        order.append(name)
        if name == "file":
            content = bytes(await part.read())
            file_type = part.headers.get("Content-Type", file_type)
            break  # OSS ignores every field after the file
        raw = await part.read()
        if len(raw) > _MAX_FIELD_BYTES:
            return _oss_error(400, "InvalidArgument", f"The form field {name} is too long.")
        fields[name] = raw.decode("utf-8", errors="replace")
    for needed in ("OSSAccessKeyId", "policy", "Signature", "key"):
        if needed not in fields:
            return _oss_error(400, "InvalidArgument", f"The form field {needed} is missing before the file.")
    if content is None:
        return _oss_error(
            400, "InvalidArgument", "The body of your POST request is not well-formed multipart/form-data."
        )
    if not hmac.compare_digest(fields["Signature"], _sign(fields["policy"])):
        return _oss_error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match.")
    key = fields["key"]
    with state.lock:
        policy = next((p for d, p in state.policies.items() if key.startswith(d + "/")), None)
        if policy is None:
            return _oss_error(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: key.")
        if now > policy.expires_at:
            return _oss_error(403, "AccessDenied", "Invalid according to Policy: Policy expired.")
        if len(content) > MAX_FILE_SIZE_MB * 1024 * 1024:
            return _oss_error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
        if key in state.objects and fields.get("x-oss-forbid-overwrite", "false").lower() == "true":
            return _oss_error(
                409, "FileAlreadyExists", "The object you specified already exists and can not be overwritten."
            )
        content_type = fields.get("x-oss-content-type") or file_type
        state.objects[key] = StoredObject(key, content, content_type, policy.model, policy.api_key, tuple(order))
        state.stats.uploads += 1
    # OSS answers 204 unless success_action_status asks for 200 (the SDK checks for 200, spec §2.2).
    status = 200 if fields.get("success_action_status") == "200" else 204
    return web.Response(status=status)


def resolve_oss_url(call: HttpCall, url: str, model: str) -> StoredObject:
    """The object behind ``oss://<key>`` for a request to ``model``.

    Raises:
        NativeError: 400 when the resolve header is missing (spec §2.2), the object does not exist, or it was
            uploaded for another model or account.
    """
    if call.request.headers.get(RESOLVE_HEADER, "").lower() != "enable":
        raise invalid_parameter(
            "url error, please check url! (oss:// URLs need X-DashScope-OssResourceResolve: enable)"
        )
    key = url.removeprefix("oss://")
    state = call.context.http.images
    with state.lock:
        found = state.objects.get(key)
    api_key = bearer_key(call.request) or ""
    if found is None or found.api_key != api_key:
        raise NativeError(400, "InvalidURL", "Invalid URL provided in your request.")
    if found.model != model:
        raise invalid_parameter(
            f"The file was uploaded for model {found.model}, not {model}; url error, please check url!"
        )
    return found


def add_routes(app: web.Application) -> None:
    """Register getPolicy and the upload host."""
    app.router.add_get(UPLOADS_PATH, http_route(get_policy, native=True))
    app.router.add_post(UPLOAD_HOST_PATH, upload_host)
