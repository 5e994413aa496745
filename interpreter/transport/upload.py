"""Temporary files of the async APIs: upload a local file (spec §2.2: getPolicy → multipart POST → ``oss://``) and
download a task's result from its presigned URL (spec §6).

    url = await upload_temporary_file(client, model="qwen-mt-image", file_name="poster.png",
                                      content=data, content_type="image/png")
    await client.post_json(path, body_using(url), headers={**OSS_RESOLVE_HEADERS, ...})

Rules (spec §2.2): the policy is asked for the model that will read the file (the URL works only for that model and
that key's account); the form fields go in the documented order with ``file`` last (OSS ignores fields after the
file); the result is ``oss://`` + key, valid 48 h; every call that uses it carries ``X-DashScope-OssResourceResolve:
enable``. The upload host is a different host (OSS): it gets its own client *without* the API key, so the key
never leaves for a host that does not need it. A policy that expired on the way (it lives 300 s) is renewed once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

import httpx

from interpreter.errors import NetworkError, ProtocolError, ServiceError
from interpreter.transport import texts
from interpreter.transport.endpoints import NATIVE_API_PATH
from interpreter.transport.errors import map_http_status
from interpreter.transport.http import HttpClient, HttpTimeouts

__all__ = [
    "OSS_RESOLVE_HEADERS",
    "DownloadedFile",
    "ResultExpiredError",
    "TemporaryUploadError",
    "UploadPolicy",
    "download_result",
    "request_upload_policy",
    "upload_form_fields",
    "upload_temporary_file",
]

OSS_RESOLVE_HEADERS: Final[Mapping[str, str]] = {"X-DashScope-OssResourceResolve": "enable"}
"""Header every request using an ``oss://`` URL must carry (spec §2.2 step 3)."""

POLICY_PATH: Final = NATIVE_API_PATH + "/uploads"


class TemporaryUploadError(ServiceError):
    """The upload host refused the file (policy expired or invalid, file too large, key already used)."""


@dataclass(frozen=True)
class UploadPolicy:
    """The ``data`` of a getPolicy answer (spec §2.2), the fields the upload form needs."""

    policy: str
    signature: str
    upload_dir: str
    upload_host: str
    oss_access_key_id: str
    x_oss_object_acl: str
    x_oss_forbid_overwrite: str
    max_file_size_mb: float | None = None

    @classmethod
    def from_answer(cls, answer: Mapping[str, Any]) -> UploadPolicy:
        """Parse a getPolicy answer.

        Raises:
            ProtocolError: a field is missing.
        """
        data = answer.get("data")
        if not isinstance(data, Mapping):
            raise ProtocolError(texts.UPLOAD_NO_POLICY(), detail=f"{answer!r:.200}")
        try:
            size = data.get("max_file_size_mb")
            return cls(
                policy=str(data["policy"]),
                signature=str(data["signature"]),
                upload_dir=str(data["upload_dir"]).rstrip("/"),
                upload_host=str(data["upload_host"]),
                oss_access_key_id=str(data["oss_access_key_id"]),
                x_oss_object_acl=str(data.get("x_oss_object_acl", "private")),
                x_oss_forbid_overwrite=str(data.get("x_oss_forbid_overwrite", "true")),
                max_file_size_mb=float(size) if isinstance(size, int | float) else None,
            )
        except KeyError as exc:
            raise ProtocolError(
                texts.UPLOAD_POLICY_FIELD_MISSING(field=repr(exc.args[0])), detail=f"{data!r:.200}"
            ) from exc


def upload_form_fields(policy: UploadPolicy, key: str, content_type: str) -> dict[str, str]:
    """The form fields before ``file``, in the order of spec §2.2 (dicts keep insertion order on the wire)."""
    return {
        "OSSAccessKeyId": policy.oss_access_key_id,
        "policy": policy.policy,
        "Signature": policy.signature,
        "key": key,
        "x-oss-object-acl": policy.x_oss_object_acl,
        "x-oss-forbid-overwrite": policy.x_oss_forbid_overwrite,
        "success_action_status": "200",
        "x-oss-content-type": content_type,
    }


async def request_upload_policy(client: HttpClient, model: str) -> UploadPolicy:
    """``GET /api/v1/uploads?action=getPolicy&model=...`` with the API key of ``client``.

    Raises:
        ServiceError family (mapped; a Singapore key is refused: temporary upload is Beijing-only), NetworkError,
        ProtocolError.
    """
    answer = await client.get_json(POLICY_PATH, {"action": "getPolicy", "model": model})
    return UploadPolicy.from_answer(answer)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe_name(file_name: str) -> str:
    # URLs with non-ASCII characters are refused by some models (spec §6); the folder is unique already.
    return _UNSAFE.sub("_", file_name).strip("._") or "file"


async def upload_temporary_file(
    client: HttpClient,
    *,
    model: str,
    file_name: str,
    content: bytes,
    content_type: str = "application/octet-stream",
    upload_client: HttpClient | None = None,
) -> str:
    """Upload ``content`` for ``model`` and return its ``oss://`` URL.

    Args:
        client: the client of the DashScope endpoint (with the API key) that gives the policy.
        model: the model that will read the file (the URL is bound to it).
        file_name: the name the object gets (made ASCII-safe).
        content: the bytes.
        content_type: sent as ``x-oss-content-type`` and the file part's type.
        upload_client: a client for the upload host (tests); by default one without an API key is made per upload
            host and closed afterwards.

    Raises:
        TemporaryUploadError: the upload host refused the file twice (a fresh policy is tried once).
        ServiceError family, NetworkError family, ProtocolError: from getPolicy or the upload.
    """
    name = _safe_name(file_name)
    last_error: ServiceError | None = None
    for _attempt in range(2):  # the second attempt takes a fresh policy (the first may have expired on the way)
        policy = await request_upload_policy(client, model)
        if policy.max_file_size_mb is not None and len(content) > policy.max_file_size_mb * 1024 * 1024:
            raise TemporaryUploadError(
                texts.UPLOAD_TOO_LARGE(file=file_name, megabytes=policy.max_file_size_mb),
                code="EntityTooLarge",
            )
        key = f"{policy.upload_dir}/{name}"
        fields = upload_form_fields(policy, key, content_type)
        host = upload_client or HttpClient(policy.upload_host, api_key=None, timeouts=client.timeouts)
        try:
            await host.post_multipart(
                policy.upload_host,
                fields,
                file_field="file",
                file_name=name,
                content=content,
                content_type=content_type,
            )
            return "oss://" + key
        except ServiceError as exc:
            if exc.http_status not in (403, 409):
                raise
            last_error = exc
        finally:
            if upload_client is None:
                await host.aclose()
    raise TemporaryUploadError(
        texts.UPLOAD_REFUSED_TWICE(file=file_name),
        code=last_error.code if last_error else None,
        http_status=last_error.http_status if last_error else None,
        detail=last_error.detail if last_error else None,
    )


# -- result download ---------------------------------------------------------------------------------------------

#: Largest result we accept: results are JPEGs of at most 8192 x 8192 px (spec §6), far below this.
MAX_RESULT_BYTES: Final = 200 * 1024 * 1024


class ResultExpiredError(ServiceError):
    """The result URL no longer works (results are kept 24 h, spec §6)."""


@dataclass(frozen=True)
class DownloadedFile:
    content: bytes
    content_type: str


async def download_result(url: str, *, timeouts: HttpTimeouts | None = None) -> DownloadedFile:
    """GET a presigned result URL (no API key is sent: the URL carries its own signature).

    Raises:
        ResultExpiredError: the URL answered 403/404 (expired or removed).
        ServiceError family (other refusals, mapped), NetworkError family, ProtocolError (too large).
    """
    limits = timeouts or HttpTimeouts()
    try:
        async with (
            httpx.AsyncClient(timeout=limits.for_upload(), trust_env=True, follow_redirects=False) as plain,
            plain.stream("GET", url) as response,
        ):
            if response.status_code in (403, 404):
                raise ResultExpiredError(
                    texts.RESULT_LINK_EXPIRED(),
                    http_status=response.status_code,
                    detail=f"GET result -> {response.status_code}",
                )
            if not response.is_success:
                body = await response.aread()
                raise map_http_status(response.status_code, headers=response.headers, body=body)
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_RESULT_BYTES:
                    raise ProtocolError(texts.RESULT_TOO_LARGE())
                chunks.append(chunk)
            return DownloadedFile(b"".join(chunks), response.headers.get("content-type", ""))
    except httpx.HTTPError as exc:
        host = urlsplit(url).netloc
        raise NetworkError(
            texts.RESULT_DOWNLOAD_FAILED(host=host),
            detail=f"{type(exc).__name__}: {exc}",
        ) from exc
