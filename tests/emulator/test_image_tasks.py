"""The emulator's temporary upload (spec §2.2) and qwen-mt-image task API (spec §6), over real sockets with httpx
(raw HTTP as the spec shows it) and the official dashscope SDK's upload helper."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from interpreter.emulator.testing import EmulatorHandle
from tests.media import imagegen

TIMEOUT = httpx.Timeout(20.0)
SYNTHESIS = "/api/v1/services/aigc/image2image/image-synthesis"
ASYNC = {"X-DashScope-Async": "enable"}
RESOLVE = {"X-DashScope-OssResourceResolve": "enable"}


def _client(emu: EmulatorHandle, key: str | None = None) -> httpx.Client:
    return httpx.Client(
        base_url=emu.base_url, headers={"Authorization": f"Bearer {key or emu.api_key}"}, timeout=TIMEOUT
    )


def _png(tmp_path: Path, name: str = "poster.png", size: tuple[int, int] = (320, 200)) -> bytes:
    return imagegen.poster(tmp_path / name, size=size).read_bytes()


def _upload(client: httpx.Client, content: bytes, name: str = "poster.png", model: str = "qwen-mt-image") -> str:
    policy = client.get("/api/v1/uploads", params={"action": "getPolicy", "model": model})
    assert policy.status_code == 200, policy.text
    data = policy.json()["data"]
    key = f"{data['upload_dir']}/{name}"
    fields = {
        "OSSAccessKeyId": data["oss_access_key_id"],
        "policy": data["policy"],
        "Signature": data["signature"],
        "key": key,
        "x-oss-object-acl": data["x_oss_object_acl"],
        "x-oss-forbid-overwrite": data["x_oss_forbid_overwrite"],
        "success_action_status": "200",
    }
    # The upload host takes no Authorization header (it is OSS): a plain client.
    answer = httpx.post(data["upload_host"], data=fields, files={"file": (name, content, "image/png")}, timeout=TIMEOUT)
    assert answer.status_code == 200, answer.text
    return "oss://" + key


def _submit_body(url: str, source: str = "zh", target: str = "en", **ext: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": "qwen-mt-image",
        "input": {"image_url": url, "source_lang": source, "target_lang": target},
    }
    if ext:
        body["input"]["ext"] = ext
    return body


def _wait_final(emu: EmulatorHandle, client: httpx.Client, task_id: str) -> dict[str, Any]:
    answers: list[dict[str, Any]] = []

    def done() -> bool:
        answers.append(client.get(f"/api/v1/tasks/{task_id}").json())
        return answers[-1]["output"]["task_status"] in ("SUCCEEDED", "FAILED", "CANCELED")

    emu.wait_for(done, timeout=20.0)
    return answers[-1]


def test_upload_submit_poll_and_download(make_emulator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(speed=20.0)
    content = _png(tmp_path)
    with _client(emu) as client:
        url = _upload(client, content)
        submitted = client.post(
            SYNTHESIS,
            json=_submit_body(
                url,
                domainHint="Product posters.",
                sensitives=["SALE"],
                terminologies=[{"src": "促销", "tgt": "promotion"}],
                config={"imageSegment": True},
            ),
            headers={**ASYNC, **RESOLVE},
        )
        assert submitted.status_code == 200, submitted.text
        output = submitted.json()["output"]
        assert output["task_status"] == "PENDING" and output["task_id"]
        final = _wait_final(emu, client, output["task_id"])
    assert final["output"]["task_status"] == "SUCCEEDED", final
    assert final["usage"] == {"image_count": 1}
    for name in ("submit_time", "scheduled_time", "end_time"):
        assert len(final["output"][name]) == len("2025-08-13 18:11:16.954")
    result = httpx.get(final["output"]["image_url"], timeout=TIMEOUT)  # presigned: no key
    assert result.status_code == 200 and result.headers["content-type"] == "image/jpeg"
    translated = Image.open(io.BytesIO(result.content))
    assert translated.format == "JPEG" and translated.size == (320, 200)
    original = Image.open(io.BytesIO(content)).convert("RGB")
    # The demo band covers the bottom: visibly different there, the same picture at the top.
    assert translated.convert("RGB").getpixel((160, 190)) != original.getpixel((160, 190))
    top = translated.convert("RGB").getpixel((160, 40))
    expected = original.getpixel((160, 40))
    assert isinstance(top, tuple) and isinstance(expected, tuple)
    assert all(abs(a - b) < 24 for a, b in zip(top, expected, strict=True))
    stored = next(iter(emu.server.context.http.images.objects.values()))
    assert stored.field_order[-1] == "file" and stored.field_order[:4] == (
        "OSSAccessKeyId",
        "policy",
        "Signature",
        "key",
    )


def test_submit_needs_the_async_header(emulator: EmulatorHandle, tmp_path: Path) -> None:
    with _client(emulator) as client:
        url = _upload(client, _png(tmp_path))
        answer = client.post(SYNTHESIS, json=_submit_body(url), headers=RESOLVE)
    assert answer.status_code == 403
    body = answer.json()
    assert body["code"] == "AccessDenied" and "synchronous" in body["message"] and body["request_id"]


def test_oss_url_needs_the_resolve_header_and_the_same_model(emulator: EmulatorHandle, tmp_path: Path) -> None:
    with _client(emulator) as client:
        url = _upload(client, _png(tmp_path))
        without = client.post(SYNTHESIS, json=_submit_body(url), headers=ASYNC)
        other = _upload(client, _png(tmp_path, "b.png"), name="b.png", model="qwen-vl-ocr")
        wrong_model = client.post(SYNTHESIS, json=_submit_body(other), headers={**ASYNC, **RESOLVE})
        missing = client.post(SYNTHESIS, json=_submit_body(url + "x"), headers={**ASYNC, **RESOLVE})
    assert without.status_code == 400 and without.json()["code"] == "InvalidParameter"
    assert "url error" in without.json()["message"]
    assert wrong_model.status_code == 400 and "qwen-vl-ocr" in wrong_model.json()["message"]
    assert missing.status_code == 400 and missing.json()["code"] == "InvalidURL"


@pytest.mark.parametrize(
    ("source", "target", "size", "needle"),
    [
        ("ja", "ko", (320, 200), "Chinese (zh) or English"),
        ("en", "de", (320, 200), "German is a source only"),
        ("th", "zh", (320, 200), "Thai is a target only"),
        ("EN", "english", (320, 200), "must be different"),
        ("zh", "klingon", (320, 200), "not supported"),
        ("zh", "en", (2000, 100), "aspect ratio"),
    ],
)
def test_validation(
    emulator: EmulatorHandle, tmp_path: Path, source: str, target: str, size: tuple[int, int], needle: str
) -> None:
    with _client(emulator) as client:
        url = _upload(client, _png(tmp_path, size=size))
        answer = client.post(SYNTHESIS, json=_submit_body(url, source, target), headers={**ASYNC, **RESOLVE})
    assert answer.status_code == 400, answer.text
    assert answer.json()["code"] == "InvalidParameter" and needle in answer.json()["message"]


def test_native_errors_for_key_and_model(emulator: EmulatorHandle) -> None:
    with _client(emulator, key="sk-wrong") as client:
        bad_key = client.get("/api/v1/tasks/abc")
    with _client(emulator) as client:
        bad_model = client.post(SYNTHESIS, json={"model": "wanx-v1", "input": {}}, headers=ASYNC)
    assert bad_key.status_code == 401 and bad_key.json()["code"] == "InvalidApiKey"
    assert bad_key.json()["message"] == "Invalid API-key provided."
    assert bad_model.status_code == 404 and bad_model.json()["code"] == "ModelNotFound"


def test_unknown_task_and_cancel(make_emulator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(speed=20.0)
    emu.server.context.http.images.faults.update(pending_s=600.0)  # stays PENDING until cancelled
    with _client(emu) as client:
        unknown = client.get("/api/v1/tasks/1111").json()
        url = _upload(client, _png(tmp_path))
        task_id = client.post(SYNTHESIS, json=_submit_body(url), headers={**ASYNC, **RESOLVE}).json()["output"][
            "task_id"
        ]
        cancelled = client.post(f"/api/v1/tasks/{task_id}/cancel")
        status = client.get(f"/api/v1/tasks/{task_id}").json()["output"]["task_status"]
        again = client.post(f"/api/v1/tasks/{task_id}/cancel")
    assert unknown["output"] == {"task_id": "1111", "task_status": "UNKNOWN"}
    assert cancelled.status_code == 200 and status == "CANCELED"
    assert again.status_code == 400 and again.json()["code"] == "UnsupportedOperation"


def test_faults_failed_throttled_no_text_and_expired_url(make_emulator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(speed=50.0)
    images = emu.server.context.http.images
    images.faults.update(fail_next=1, throttle_next=1, retry_after_s=3)
    with _client(emu) as client:
        url = _upload(client, _png(tmp_path))
        throttled = client.post(SYNTHESIS, json=_submit_body(url), headers={**ASYNC, **RESOLVE})
        failing = client.post(SYNTHESIS, json=_submit_body(url), headers={**ASYNC, **RESOLVE}).json()
        failed = _wait_final(emu, client, failing["output"]["task_id"])
        images.faults.update(no_text=True, result_ttl_s=0.0)
        quiet = client.post(SYNTHESIS, json=_submit_body(url), headers={**ASYNC, **RESOLVE}).json()
        no_text = _wait_final(emu, client, quiet["output"]["task_id"])
    assert throttled.status_code == 429 and throttled.headers["Retry-After"] == "3"
    assert throttled.json()["code"] == "Throttling.RateQuota"
    assert failed["output"]["task_status"] == "FAILED" and failed["output"]["code"] == "InternalError"
    assert "image_url" not in failed["output"] and "usage" not in failed
    assert no_text["output"]["message"] == "No text detected for translation" and no_text["usage"]["image_count"] == 1
    expired = httpx.get(no_text["output"]["image_url"], timeout=TIMEOUT)
    assert expired.status_code == 403 and b"<Code>AccessDenied</Code>" in expired.content


def test_at_most_two_tasks_run_at_once(make_emulator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    emu: EmulatorHandle = make_emulator(speed=50.0)
    with _client(emu) as client:
        url = _upload(client, _png(tmp_path))
        ids = [
            client.post(SYNTHESIS, json=_submit_body(url), headers={**ASYNC, **RESOLVE}).json()["output"]["task_id"]
            for _ in range(4)
        ]
        finals = [_wait_final(emu, client, task_id) for task_id in ids]
    assert all(f["output"]["task_status"] == "SUCCEEDED" for f in finals)
    assert emu.server.context.http.images.stats.max_running == 2


def test_upload_host_refuses_expired_forged_and_overwrites(emulator: EmulatorHandle, tmp_path: Path) -> None:
    context = emulator.server.context
    with _client(emulator) as client:
        data = client.get("/api/v1/uploads", params={"action": "getPolicy", "model": "qwen-mt-image"}).json()["data"]
    fields = {
        "OSSAccessKeyId": data["oss_access_key_id"], "policy": data["policy"], "Signature": data["signature"],
        "key": data["upload_dir"] + "/a.png", "x-oss-object-acl": "private", "x-oss-forbid-overwrite": "true",
    }  # fmt: skip
    files = {"file": ("a.png", b"\x89PNG", "image/png")}
    first = httpx.post(data["upload_host"], data=fields, files=files, timeout=TIMEOUT)
    second = httpx.post(data["upload_host"], data=fields, files=files, timeout=TIMEOUT)
    forged = httpx.post(data["upload_host"], data={**fields, "Signature": "AAAA"}, files=files, timeout=TIMEOUT)
    real_clock = context.wall_clock
    context.wall_clock = lambda: real_clock() + 400  # the policy lives 300 s
    try:
        late = httpx.post(
            data["upload_host"], data={**fields, "key": data["upload_dir"] + "/b.png"}, files=files, timeout=TIMEOUT
        )
    finally:
        context.wall_clock = real_clock
    assert first.status_code == 204  # OSS default without success_action_status
    assert second.status_code == 409 and b"FileAlreadyExists" in second.content
    assert forged.status_code == 403 and b"SignatureDoesNotMatch" in forged.content
    assert late.status_code == 403 and b"Policy expired." in late.content


def test_official_sdk_upload_helper(emulator: EmulatorHandle, tmp_path: Path) -> None:
    from dashscope.utils.oss_utils import OssUtils

    path = imagegen.poster(tmp_path / "sdk.png")
    url, certificate = OssUtils.upload(
        model="qwen-mt-image", file_path=str(path), api_key=emulator.api_key, base_address=emulator.base_url + "/api/v1"
    )
    assert url.startswith("oss://dashscope-instant/") and url.endswith("/sdk.png")
    assert certificate["upload_host"] == emulator.base_url
    with _client(emulator) as client:
        answer = client.post(SYNTHESIS, json=_submit_body(url), headers={**ASYNC, **RESOLVE})
    assert answer.status_code == 200 and answer.json()["output"]["task_status"] == "PENDING"
    stored = emulator.server.context.http.images.objects[url.removeprefix("oss://")]
    assert stored.content == path.read_bytes() and stored.content_type == "image/png"
