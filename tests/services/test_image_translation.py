"""ImageTranslationService against the emulator over real sockets: batch, limits, resume without resubmission,
faults (FAILED, 429, expired result, no text), cancel, region refusal, bad inputs."""

from __future__ import annotations

import asyncio
import io
import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from interpreter.core.image_rules import ImageLanguageError
from interpreter.emulator.testing import EmulatorHandle
from interpreter.errors import ConfigError
from interpreter.services.image_translation import (
    ErrorKind,
    ImageProgress,
    ImageStatus,
    ImageTranslationOptions,
    ImageTranslationService,
    RegionNotServedError,
    exit_code,
    price_text,
)
from interpreter.store.image_tasks import ImageTaskStore, RecordState
from interpreter.transport.http import HttpClient
from interpreter.transport.upload import upload_temporary_file
from tests.media import imagegen

SPEED = 50.0
SYNTHESIS = "/api/v1/services/aigc/image2image/image-synthesis"
SUBMIT_JITTER_S = 0.25  # the emulator's tolerance for a submit arriving early (image_tasks.SUBMIT_JITTER_S)


def _images(emu: EmulatorHandle) -> Any:
    return emu.server.context.http.images


def _service(
    emu: EmulatorHandle, store: ImageTaskStore, events: list[ImageProgress] | None = None
) -> ImageTranslationService:
    return ImageTranslationService(
        endpoint=emu.base_url, api_key=emu.api_key, store=store, on_progress=None if events is None else events.append
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ImageTaskStore]:
    with ImageTaskStore(tmp_path / "image_tasks.sqlite3") as opened:
        yield opened


def _submits(emu: EmulatorHandle) -> list[Any]:
    return [r for r in emu.http_requests if r.path == SYNTHESIS and r.status == 200]


async def test_batch_translates_good_pictures_and_explains_bad_ones(
    make_emulator: Any, store: ImageTaskStore, tmp_path: Path
) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    poster = imagegen.poster(tmp_path / "poster.png")
    gif = imagegen.animated_gif(tmp_path / "anim.gif")
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture")
    events: list[ImageProgress] = []
    service = _service(emu, store, events)
    try:
        results = await service.translate([poster, gif, fake], ImageTranslationOptions(target="en", source="zh"))
    finally:
        await service.aclose()
    by_name = {r.source_path.name: r for r in results}
    assert by_name["poster.png"].status is ImageStatus.DONE
    assert by_name["poster.png"].output_path == tmp_path / "poster.en.jpg"
    with Image.open(tmp_path / "poster.en.jpg") as out:
        assert out.size == (320, 200) and out.format == "JPEG"
    assert by_name["anim.gif"].status is ImageStatus.DONE
    assert any("first frame" in n for n in by_name["anim.gif"].notes)
    failed = by_name["notes.png"]
    assert failed.status is ImageStatus.FAILED and failed.error and "'notes.png' is not a picture" in failed.error
    assert failed.error_kind is ErrorKind.INPUT and exit_code(results) == 2
    assert len(_submits(emu)) == 2  # the bad file never cost a request
    statuses = [e.status for e in events if e.source_path == poster]
    assert statuses[0] is ImageStatus.QUEUED and statuses[-1] is ImageStatus.DONE
    assert ImageStatus.PENDING in statuses and ImageStatus.DOWNLOADING in statuses
    rows = {r.source_path.name: r for r in store.all()}
    assert rows["poster.png"].state is RecordState.DONE and rows["poster.png"].billed and rows["poster.png"].task_id
    assert rows["notes.png"].state is RecordState.FAILED and not rows["notes.png"].billed
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]  # no half-written output


@pytest.mark.slow
async def test_never_more_than_two_tasks_and_one_submit_per_second(
    make_emulator: Any, store: ImageTaskStore, tmp_path: Path
) -> None:
    emu: EmulatorHandle = make_emulator(speed=2.0)  # tasks take ~3 s: several overlap
    _images(emu).faults.update(enforce_limits=True)  # the emulator answers 429 to a second submit within 1 s
    paths = [imagegen.poster(tmp_path / f"p{i}.png", text=f"No. {i}") for i in range(5)]
    service = _service(emu, store)
    try:
        results = await service.translate(paths, ImageTranslationOptions(target="ja", source="en"))
    finally:
        await service.aclose()
    assert [r.status for r in results] == [ImageStatus.DONE] * 5
    stats = _images(emu).stats
    assert stats.max_unfinished <= 2 and stats.throttled == 0 and stats.submits == 5
    times = [r.received_at for r in _submits(emu)]
    # Arrival stamps carry the emulator's own loop jitter (it shares the process with the client).
    assert all(b - a >= 1.0 - SUBMIT_JITTER_S for a, b in itertools.pairwise(times))
    for task_id, polls in stats.poll_times.items():
        assert all(b - a >= 0.95 for a, b in itertools.pairwise(polls)), task_id


async def test_resume_after_a_crash_mid_poll_uses_the_same_task(make_emulator: Any, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    _images(emu).faults.update(pending_s=150.0)  # 3 s of wall time in PENDING: the "crash" happens meanwhile
    poster = imagegen.poster(tmp_path / "menu.png")
    db = tmp_path / "tasks.sqlite3"
    submitted = asyncio.Event()

    def on_progress(progress: ImageProgress) -> None:
        if progress.task_id:
            submitted.set()

    first_store = ImageTaskStore(db)
    first = ImageTranslationService(
        endpoint=emu.base_url, api_key=emu.api_key, store=first_store, on_progress=on_progress
    )
    run = asyncio.ensure_future(first.translate([poster], ImageTranslationOptions(target="zh", source="en")))
    await asyncio.wait_for(submitted.wait(), 20)
    run.cancel()  # the app dies mid-poll: nothing after this line of the first run is executed
    with pytest.raises(asyncio.CancelledError):
        await run
    await first.aclose()
    first_store.close()
    (record,) = ImageTaskStore(db).unfinished()
    assert record.state is RecordState.SUBMITTED and record.task_id

    second_store = ImageTaskStore(db)
    second = ImageTranslationService(endpoint=emu.base_url, api_key=emu.api_key, store=second_store)
    try:
        (resumed,) = await asyncio.wait_for(second.resume(), 30)
    finally:
        await second.aclose()
        second_store.close()
    assert resumed.status is ImageStatus.DONE and resumed.task_id == record.task_id
    assert resumed.output_path == tmp_path / "menu.zh.jpg" and resumed.output_path.exists()
    assert len(_submits(emu)) == 1 and _images(emu).stats.submits == 1  # never resubmitted
    assert _images(emu).stats.polls[record.task_id] >= 1


async def test_a_crash_while_submitting_is_not_resubmitted(make_emulator: Any, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    with ImageTaskStore(tmp_path / "t.sqlite3") as store:
        record_id = store.add(tmp_path / "x.png", "en", ImageTranslationOptions(target="en").to_json(), emu.base_url)
        store.mark_submitting(record_id)
        service = _service(emu, store)
        try:
            (result,) = await service.resume()
        finally:
            await service.aclose()
        assert result.status is ImageStatus.FAILED and result.error and "Retry" in result.error
        assert store.get(record_id).state is RecordState.FAILED  # type: ignore[union-attr]
    assert not _submits(emu)


async def test_failed_task_then_retry_and_no_text(make_emulator: Any, store: ImageTaskStore, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    _images(emu).faults.update(fail_next=1)
    poster = imagegen.poster(tmp_path / "sign.png")
    service = _service(emu, store)
    try:
        (failed,) = await service.translate([poster], ImageTranslationOptions(target="en"))
        assert failed.status is ImageStatus.FAILED and not failed.billed
        assert failed.error and "InternalError" in failed.error and "Retry" in failed.error
        (retried,) = await service.retry([failed.record_id])
        assert retried.status is ImageStatus.DONE and retried.record_id == failed.record_id
        _images(emu).faults.update(no_text=True)
        (quiet,) = await service.translate([poster], ImageTranslationOptions(target="en"))
    finally:
        await service.aclose()
    assert quiet.status is ImageStatus.DONE and quiet.billed
    assert any("no text was detected" in n for n in quiet.notes)
    assert quiet.output_path is not None and quiet.output_path.name == "sign.en (2).jpg"  # the first is kept
    assert (tmp_path / "sign.en.jpg").exists()


async def test_429_on_submit_is_waited_out(make_emulator: Any, store: ImageTaskStore, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    _images(emu).faults.update(throttle_next=1, retry_after_s=1)
    service = _service(emu, store)
    try:
        (result,) = await service.translate([imagegen.poster(tmp_path / "a.png")], ImageTranslationOptions(target="en"))
    finally:
        await service.aclose()
    assert result.status is ImageStatus.DONE
    assert _images(emu).stats.throttled == 1 and _images(emu).stats.submits == 1
    assert service.limiter.stats.pauses == 1


async def test_expired_result_url_is_explained(make_emulator: Any, store: ImageTaskStore, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    _images(emu).faults.update(result_ttl_s=0.0)
    service = _service(emu, store)
    try:
        (result,) = await service.translate([imagegen.poster(tmp_path / "a.png")], ImageTranslationOptions(target="en"))
    finally:
        await service.aclose()
    assert result.status is ImageStatus.FAILED and result.error and "expired" in result.error
    assert exit_code([result]) == 4
    assert not (tmp_path / "a.en.jpg").exists()


async def test_cancel_while_pending(make_emulator: Any, store: ImageTaskStore, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    _images(emu).faults.update(pending_s=3000.0)
    service: ImageTranslationService

    def on_progress(progress: ImageProgress) -> None:
        if progress.status is ImageStatus.PENDING:
            service.cancel(progress.record_id)

    service = ImageTranslationService(endpoint=emu.base_url, api_key=emu.api_key, store=store, on_progress=on_progress)
    try:
        (result,) = await asyncio.wait_for(
            service.translate([imagegen.poster(tmp_path / "a.png")], ImageTranslationOptions(target="en")), 20
        )
    finally:
        await service.aclose()
    assert result.status is ImageStatus.CANCELLED
    assert _images(emu).stats.cancels == 1
    assert store.get(result.record_id).state is RecordState.CANCELLED  # type: ignore[union-attr]


async def test_refusals_before_anything_is_sent(make_emulator: Any, store: ImageTaskStore, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    with pytest.raises(RegionNotServedError) as info:
        ImageTranslationService(endpoint="singapore", api_key="sk-x", store=store)
    assert "Beijing" in info.value.user_message and "Settings" in info.value.user_message
    ImageTranslationService(endpoint="beijing", api_key="sk-x", store=store)  # accepted (nothing sent)
    service = _service(emu, store)
    try:
        with pytest.raises(ImageLanguageError, match="Japanese to Korean"):
            await service.translate(
                [imagegen.poster(tmp_path / "a.png")], ImageTranslationOptions(target="ko", source="ja")
            )
    finally:
        await service.aclose()
    assert emu.http_requests == [] and store.all() == []
    assert price_text(3) == "3 images: at most 0.009 CNY (0.003 CNY each; failures are free)"


async def test_upload_sends_fields_in_spec_order_without_the_key(make_emulator: Any, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator()
    content = imagegen.poster(tmp_path / "a.png").read_bytes()
    async with HttpClient(emu.base_url, api_key=emu.api_key) as client:
        url = await upload_temporary_file(
            client, model="qwen-mt-image", file_name="海报 a.png", content=content, content_type="image/png"
        )
    assert url.startswith("oss://dashscope-instant/") and url.endswith("/a.png")
    stored = _images(emu).objects[url.removeprefix("oss://")]
    assert stored.content == content and stored.model == "qwen-mt-image"
    assert stored.field_order == (
        "OSSAccessKeyId", "policy", "Signature", "key", "x-oss-object-acl", "x-oss-forbid-overwrite",
        "success_action_status", "x-oss-content-type", "file",
    )  # fmt: skip
    with Image.open(io.BytesIO(stored.content)) as image:
        assert image.size == (320, 200)


async def test_options_reach_the_service_as_ext(make_emulator: Any, store: ImageTaskStore, tmp_path: Path) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    options = ImageTranslationOptions(
        target="en",
        source="Chinese",
        domain_hint="Restaurant menus.",
        sensitives=("老王",),
        terminologies=(("宫保鸡丁", "Kung Pao chicken"),),
        keep_subject_text=True,
    )
    service = _service(emu, store)
    try:
        (result,) = await service.translate([imagegen.poster(tmp_path / "menu.png")], options)
    finally:
        await service.aclose()
    assert result.status is ImageStatus.DONE
    (task,) = _images(emu).tasks.values()
    assert (task.source_lang, task.target_lang) == ("zh", "en")
    assert task.options == {
        "domainHint": "Restaurant menus.",
        "sensitives": ["老王"],
        "terminologies": [{"src": "宫保鸡丁", "tgt": "Kung Pao chicken"}],
        "config": {"imageSegment": True},
    }


def test_resolve_image_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    from interpreter.services.image_translation import resolve_image_endpoint
    from interpreter.store.secrets import SecretStore

    monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
    secrets = SecretStore()
    with pytest.raises(RegionNotServedError, match="Beijing"):
        resolve_image_endpoint(None, "singapore", "sk-x")
    secrets.set_api_key("singapore", "sk-singapore-only")
    with pytest.raises(ConfigError, match="no Beijing API key"):
        resolve_image_endpoint(None, None, None, secrets=secrets)
    secrets.set_api_key("beijing", "sk-beijing")
    assert resolve_image_endpoint(None, None, None, secrets=secrets) == ("beijing", "sk-beijing")
    assert resolve_image_endpoint("http://127.0.0.1:9", None, "sk-arg") == ("http://127.0.0.1:9", "sk-arg")


async def test_a_running_task_cannot_be_cancelled_and_says_so(
    make_emulator: Any, store: ImageTaskStore, tmp_path: Path
) -> None:
    emu: EmulatorHandle = make_emulator(speed=SPEED)
    _images(emu).faults.update(pending_s=0.0, running_s=150.0)  # 3 s of wall time RUNNING
    service: ImageTranslationService

    def on_progress(progress: ImageProgress) -> None:
        if progress.status is ImageStatus.RUNNING:
            service.cancel(progress.record_id)

    service = ImageTranslationService(endpoint=emu.base_url, api_key=emu.api_key, store=store, on_progress=on_progress)
    try:
        (result,) = await asyncio.wait_for(
            service.translate([imagegen.poster(tmp_path / "a.png")], ImageTranslationOptions(target="en")), 30
        )
    finally:
        await service.aclose()
    assert result.status is ImageStatus.DONE and result.billed
    assert any("could not be cancelled" in note for note in result.notes)
    assert _images(emu).stats.cancels == 0
