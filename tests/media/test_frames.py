"""Frame sources: camera (over a video file), video file pacing, still image, screen under Xvfb, spec parsing."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from interpreter.errors import DeviceError, MediaFileError
from interpreter.media.frames import (
    CameraSource,
    ScreenSource,
    StillImageSource,
    VideoFileSource,
    open_visual_source,
)
from interpreter.media.gate import FrameGate, gated_frames
from tests.media.mediagen import write_video


def _video(tmp_path: Path, seconds: float = 2.0, fps: int = 10) -> Path:
    frames = [np.full((240, 320, 3), (i * 7) % 256, np.uint8) for i in range(int(seconds * fps))]
    return write_video(tmp_path / "v.mp4", frames, fps)


async def _take(source, n: int, within: float = 20.0):  # type: ignore[no-untyped-def]
    got = []

    async def run() -> None:
        async for f in source.frames(poll_fps=20):
            got.append(f)
            if len(got) >= n:
                return

    await asyncio.wait_for(run(), within)
    return got


class PacedCapture:
    """A fake camera: a cv2.VideoCapture over a file, read at the file's frame rate like a real camera."""

    def __init__(self, path: str) -> None:
        self._cap = cv2.VideoCapture(path)
        self._period = 1.0 / (self._cap.get(cv2.CAP_PROP_FPS) or 10)
        self._tick = threading.Event()

    def isOpened(self) -> bool:
        return bool(self._cap.isOpened())

    def set(self, prop: int, value: float) -> bool:
        return bool(self._cap.set(prop, value))

    def grab(self) -> bool:
        self._tick.wait(self._period)  # a camera delivers at its frame rate; never set, so this is the pacing
        return bool(self._cap.grab())

    def retrieve(self) -> tuple[bool, np.ndarray | None]:
        return self._cap.retrieve()

    def release(self) -> None:
        self._cap.release()


async def test_camera_source_reads_frames_in_a_worker(tmp_path: Path) -> None:
    with CameraSource(str(_video(tmp_path)), fps=20, capture_factory=PacedCapture) as cam:
        frames = await _take(cam, 3)
    assert frames[0].image.shape == (240, 320, 3)
    assert [f.seq for f in frames] == sorted({f.seq for f in frames})


async def test_camera_that_cannot_open_reports_device_error(tmp_path: Path) -> None:
    cam = CameraSource(str(tmp_path / "missing.mp4"))
    cam.start()
    with pytest.raises(DeviceError):
        await _take(cam, 1)


async def test_video_file_is_paced_at_its_own_clock(tmp_path: Path) -> None:
    loop = asyncio.get_running_loop()
    src = VideoFileSource(_video(tmp_path, seconds=1.0), fps=10)
    t0 = loop.time()
    with src:
        frames = await _take(src, 8)
    elapsed = loop.time() - t0
    assert frames[-1].source_time_s is not None and frames[-1].source_time_s >= 0.6
    assert elapsed >= 0.6  # not decoded as fast as possible


async def test_still_image_and_gate_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "slide.png"
    cv2.imwrite(str(path), np.full((1080, 1920, 3), 200, np.uint8))
    src = open_visual_source(str(path))
    assert isinstance(src, StillImageSource)
    src.start()

    async def pairs():  # type: ignore[no-untyped-def]
        async for f in src.frames():
            yield f.image, f.captured_at

    out = [f async for f in gated_frames(pairs(), FrameGate())]
    assert len(out) == 1 and out[0].height == 720


@pytest.mark.xvfb
async def test_screen_capture_under_xvfb(xvfb_display: str) -> None:
    with ScreenSource(1, region=(0, 0, 200, 100), fps=10) as screen:
        frames = await _take(screen, 2)
    assert frames[0].image.shape == (100, 200, 3)


def test_visual_spec_parsing(tmp_path: Path) -> None:
    assert isinstance(open_visual_source("camera"), CameraSource)
    cam = open_visual_source("camera:2")
    assert isinstance(cam, CameraSource) and cam.index == 2
    scr = open_visual_source("screen:1:10,20,300,200")
    assert isinstance(scr, ScreenSource) and scr.region == (10, 20, 300, 200)
    assert isinstance(open_visual_source(str(_video(tmp_path))), VideoFileSource)
    with pytest.raises(MediaFileError):
        open_visual_source(str(tmp_path / "nope.mp4"))
    with pytest.raises(DeviceError):
        open_visual_source("camera:x")


class CountingCamera:
    """A fake 100 fps camera whose frames must be "decoded" in retrieve(): counts grabs and decodes."""

    def __init__(self, _index: object) -> None:
        self.grabs = 0
        self.decodes = 0
        self._tick = threading.Event()
        CountingCamera.last = self

    last: CountingCamera | None = None

    def isOpened(self) -> bool:
        return True

    def set(self, prop: int, value: float) -> bool:
        return True

    def grab(self) -> bool:
        self._tick.wait(0.01)  # 100 fps; never set, so this is the pacing
        self.grabs += 1
        return True

    def retrieve(self) -> tuple[bool, np.ndarray]:
        self.decodes += 1
        return True, np.full((36, 64, 3), self.grabs % 256, np.uint8)

    def release(self) -> None:
        pass


async def test_camera_decodes_only_the_frames_it_publishes() -> None:
    with CameraSource(0, fps=5, capture_factory=CountingCamera) as cam:
        frames = await _take(cam, 4)
    camera = CountingCamera.last
    assert camera is not None and len(frames) == 4
    # Every frame is grabbed (the driver queue stays fresh) but only the published ones are decoded.
    assert camera.grabs >= 3 * camera.decodes
    assert camera.decodes <= frames[-1].seq + 1
