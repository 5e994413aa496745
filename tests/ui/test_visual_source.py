"""The Live tab's picture source end to end: a real video file (made here with OpenCV) and a still image are
previewed on the Qt thread and their gated JPEG frames reach the emulator; the picker lists screens and files; the
preview is a separate feed that never drives the upload path."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QImage

from interpreter.core.catalog import DEFAULT_MODEL, load_catalog
from interpreter.media.files import decode_audio
from interpreter.media.frames import open_visual_source
from interpreter.media.pacing import PacedPcmSource
from interpreter.ui.main_window import MainWindow
from interpreter.ui.viewmodels.environment import Endpoint, LiveEnvironment
from interpreter.ui.viewmodels.live_options import LiveOptions
from interpreter.ui.viewmodels.live_session_vm import LiveSessionViewModel
from interpreter.ui.viewmodels.visual import PICK_FILE, camera_choices, visual_choices, visual_spec
from interpreter.ui.viewmodels.visual_feed import VisualFeed, frame_to_qimage
from tests.ui.conftest import run_coro

pytestmark = pytest.mark.gui

#: Test video: 4 s at 10 fps, 320x180, the picture switches colour every second (a scene change the gate sends).
VIDEO_SECONDS, VIDEO_FPS, VIDEO_SIZE = 4, 10, (320, 180)


def _make_video(path: Path) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), VIDEO_FPS, VIDEO_SIZE)
    colours = [(200, 40, 40), (40, 200, 40), (40, 40, 200), (220, 220, 40)]
    for n in range(VIDEO_SECONDS * VIDEO_FPS):
        frame = np.zeros((VIDEO_SIZE[1], VIDEO_SIZE[0], 3), np.uint8)
        frame[:] = colours[(n // VIDEO_FPS) % len(colours)]
        cv2.putText(frame, str(n), (20, 120), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 3)
        writer.write(frame)
    writer.release()
    return path


def _window(emulator: Any, wav: Path, picture: str, qtbot: Any) -> tuple[LiveSessionViewModel, MainWindow]:
    env = LiveEnvironment(
        endpoint=lambda: Endpoint(emulator.api_key, emulator.base_url, demo=True),
        open_audio_source=lambda _o: PacedPcmSource(decode_audio(wav)),
        open_image_source=lambda o: open_visual_source(visual_spec(o.visual_source)) if o.visual_source else None,
        visual_sources=visual_choices,
    )
    vm = LiveSessionViewModel(load_catalog(), env, LiveOptions(visual_source=picture))
    window = MainWindow(vm, demo=True)
    qtbot.addWidget(window)
    window.show()
    return vm, window


def test_video_frames_are_previewed_and_sent_through_the_gate(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    video = _make_video(tmp_path / "slides.mp4")
    vm, window = _window(emulator, speech_wav, PICK_FILE + str(video), qtbot)
    tab = window.live_tab
    assert tab.visual_combo.currentText() == "File: slides.mp4"
    assert tab.preview.isVisibleTo(window)
    previews: list[QImage] = []
    stats: list[tuple[int, int]] = []
    vm.preview_changed.connect(previews.append)
    vm.visual_stats_changed.connect(lambda frames, tokens: stats.append((frames, tokens)))

    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        tab.start_button.click()
    qtbot.waitUntil(lambda: len(previews) >= 3 and stats and stats[-1][0] >= 2, timeout=20_000)
    assert not previews[-1].isNull() and previews[-1].width() == VIDEO_SIZE[0]
    assert tab.preview.pixmap() is not None and not tab.preview.pixmap().isNull()
    frames, tokens = stats[-1]
    assert tokens > 0, "image tokens are counted from the catalog"
    assert tab.visual_stats_label.text().startswith(f"Pictures sent: {frames}")
    qtbot.waitUntil(lambda: bool(emulator.sessions) and len(emulator.sessions[0].images) >= 2, timeout=10_000)
    assert emulator.sessions[0].images[0][:2] == b"\xff\xd8", "the service receives JPEG"

    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        tab.start_button.click()
    # The count shown is what went through the gate; a stop may cut off the very last one before it is written.
    assert 2 <= len(emulator.sessions[0].images) <= stats[-1][0]


def test_a_still_image_is_sent_once_audio_flows(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    image = np.full((720, 1280, 3), 90, np.uint8)
    cv2.rectangle(image, (100, 100), (600, 400), (0, 200, 255), -1)
    path = tmp_path / "diagram.png"
    assert cv2.imwrite(str(path), image)
    vm, window = _window(emulator, speech_wav, PICK_FILE + str(path), qtbot)
    with qtbot.waitSignal(vm.session_started, timeout=20_000):
        window.live_tab.start_button.click()
    qtbot.waitUntil(lambda: bool(emulator.sessions) and len(emulator.sessions[0].images) == 1, timeout=15_000)
    with qtbot.waitSignal(vm.session_finished, timeout=30_000):
        window.live_tab.start_button.click()
    assert len(emulator.sessions[0].images) == 1, "an unchanging picture is sent once, not at 2 fps"


def test_a_broken_picture_source_becomes_a_notice_and_audio_goes_on(
    qtbot: Any, qloop: Any, emulator: Any, speech_wav: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all" * 100)
    vm, window = _window(emulator, speech_wav, PICK_FILE + str(broken), qtbot)
    errors: list[str] = []
    vm.error_occurred.connect(errors.append)
    with qtbot.waitSignal(vm.session_finished, timeout=20_000):
        window.live_tab.start_button.click()  # the file cannot be opened: the session does not start
    assert errors and "broken.mp4" in errors[0]
    assert window.live_tab.banner.isVisible()


def test_picker_lists_no_camera_without_devices_screens_and_a_file_entry(qapp: Any, tmp_path: Path) -> None:
    assert camera_choices(tmp_path) == [], "no /sys video nodes: no camera offered"
    node = tmp_path / "video0"
    node.mkdir()
    (node / "index").write_text("0\n")
    (node / "name").write_text("USB Camera\n")
    meta = tmp_path / "video1"
    meta.mkdir()
    (meta / "index").write_text("1\n")
    cameras = camera_choices(tmp_path)
    assert [c.value for c in cameras] == ["camera:0"] and "USB Camera" in cameras[0].label
    values = [c.value for c in visual_choices()]
    assert "screen:1" in values and values[-1] == PICK_FILE
    assert visual_spec("file:/x/y.mp4") == "/x/y.mp4" and visual_spec("screen:2") == "screen:2"


def test_frame_to_qimage_keeps_colours_and_limits_width(qapp: Any) -> None:
    frame = np.zeros((1080, 1920, 3), np.uint8)
    frame[:, :, 2] = 255  # BGR: pure red
    image = frame_to_qimage(frame, max_width=320)
    assert image.width() == 320 and image.height() == 180
    colour = image.pixelColor(10, 10)
    assert (colour.red(), colour.green(), colour.blue()) == (255, 0, 0)


def test_preview_runs_before_audio_and_never_feeds_the_upload_path(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    audio_started = asyncio.Event()
    source = open_visual_source(str(_make_video(tmp_path / "slides.mp4")))
    feed = VisualFeed(source, load_catalog().model(DEFAULT_MODEL), audio_started)
    previews: list[QImage] = []
    feed.preview_changed.connect(previews.append)
    uploads = feed.jpeg_frames()
    first_upload = qloop.create_task(anext(uploads))
    feed.start()
    try:
        qtbot.waitUntil(lambda: len(previews) >= 3, timeout=15_000)
        # Pictures are on screen, yet none went through the gate: the upload path waits for the first audio.
        assert not first_upload.done() and feed.frames_sent == 0

        audio_started.set()
        qtbot.waitUntil(first_upload.done, timeout=15_000)
        assert first_upload.result()[:2] == b"\xff\xd8"
        assert feed.frames_sent == 1 and feed.tokens_sent > 0
    finally:
        run_coro(qtbot, qloop, uploads.aclose())
        run_coro(qtbot, qloop, feed.stop())
