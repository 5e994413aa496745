"""Frame sources for visual context: webcam, screen (or region), video file, still image — one interface.

Each live source runs one worker thread that writes the newest frame into a latest-frame slot (older frames are
simply overwritten: the consumer always wants the current picture, never a backlog). Consumers on the event loop
poll the slot with :meth:`FrameSource.frames` (for the upload path, through a FrameGate) or :meth:`preview`
(for the UI, at its own modest rate); both read the same slot and do not slow each other down. No Qt here: frames
are plain BGR ``numpy`` arrays.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from interpreter.errors import DeviceError, MediaFileError
from interpreter.media import texts
from interpreter.media.gate import EncodedFrame, FrameGate, gated_frames

log = logging.getLogger(__name__)

#: Capture (decode) rate of live sources: twice the gate's 2 fps cap, so a change is seen within 0.25 s and can be
#: sent within the gate's 0.5 s rate limit; also a modest preview rate. A camera's native 30 fps are all grabbed
#: (cheap) but only these are decoded: decoding one 720p MJPEG frame costs ~3 ms of CPU.
DEFAULT_CAPTURE_FPS = 4.0
#: Preview rate for the UI: smooth enough to aim a camera, cheap to paint.
DEFAULT_PREVIEW_FPS = 10.0
#: Consecutive failed camera reads before the camera counts as lost (a few dropped frames are normal on USB).
_CAMERA_MAX_FAILURES = 10
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff"}


@dataclass(frozen=True)
class Frame:
    """One picture.

    Attributes:
        image: BGR uint8 array (height, width, 3).
        captured_at: ``time.monotonic()`` when it was captured.
        seq: increasing number per source (1 for the first frame).
        source_time_s: position in the media for file sources, else None.
    """

    image: np.ndarray
    captured_at: float
    seq: int
    source_time_s: float | None = None


class FrameSource:
    """Base: a latest-frame slot filled by :meth:`_run` in a worker thread.

    Subclasses implement :meth:`_run` (loop until ``self._stop_event`` is set, calling :meth:`_publish`).

    Attributes:
        name: short description for the UI ("camera 0", "screen 1", "slides.mp4").
        error: the error that ended the worker, if any (the worker also reports it via ``on_error``).
    """

    name = "frames"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._seq = 0
        self._stop_event = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: Exception | None = None
        self.finished = False
        self.on_error: Callable[[Exception], None] | None = None

    def start(self) -> None:
        """Start the worker thread (idempotent)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._worker, name=f"frames-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the worker to stop and wait up to ``timeout`` seconds for it."""
        self._stop_event.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def latest(self) -> Frame | None:
        """The newest frame, or None before the first one."""
        with self._lock:
            return self._latest

    def _publish(self, image: np.ndarray, source_time_s: float | None = None) -> None:
        with self._lock:
            self._seq += 1
            self._latest = Frame(image, time.monotonic(), self._seq, source_time_s)

    def _worker(self) -> None:
        try:
            self._run()
        except Exception as exc:  # thread boundary: keep the error for the loop side instead of dying silently
            log.warning("frame source %s failed: %s", self.name, exc)
            self.error = exc
            if self.on_error is not None:
                with contextlib.suppress(Exception):
                    self.on_error(exc)
        finally:
            self.finished = True

    def _run(self) -> None:
        raise NotImplementedError

    async def frames(self, poll_fps: float = DEFAULT_CAPTURE_FPS) -> AsyncIterator[Frame]:
        """New frames (skipping ones overwritten in between) until the source finishes or stops."""
        async for frame in self._poll(poll_fps):
            yield frame

    async def preview(self, fps: float = DEFAULT_PREVIEW_FPS) -> AsyncIterator[Frame]:
        """Frames for the UI preview at ``fps`` at most; independent of the upload path."""
        async for frame in self._poll(fps):
            yield frame

    async def _poll(self, fps: float) -> AsyncIterator[Frame]:
        last = 0
        period = 1.0 / fps
        while True:
            frame = self.latest()
            if frame is not None and frame.seq != last:
                last = frame.seq
                yield frame
            elif self.finished or self._stop_event.is_set():
                if self.error is not None:
                    raise self.error
                return
            await asyncio.sleep(period)

    def __enter__(self) -> FrameSource:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class StillImageSource(FrameSource):
    """A still image (a slide, a diagram): one frame, no thread needed."""

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        import cv2

        self.path = Path(path)
        self.name = self.path.name
        image = cv2.imread(str(self.path), cv2.IMREAD_COLOR)
        if image is None:
            raise MediaFileError(texts.IMAGE_UNREADABLE(file=repr(self.path.name)), detail=str(self.path))
        self._image = image

    def start(self) -> None:
        if self._latest is None:
            self._publish(self._image)
        self.finished = True


class CameraSource(FrameSource):
    """A webcam through OpenCV (``cv2.VideoCapture``), read in a worker thread.

    Args:
        index: camera index (0 = first camera), or a path/URL OpenCV can open (tests use a video file).
        width: requested capture width (the camera may pick the nearest it supports).
        height: requested capture height.
        fps: publish rate: every frame the camera gives is grabbed, but only this many per second are decoded.
        capture_factory: builds the capture object (injectable for tests); it must offer the
            ``cv2.VideoCapture`` methods ``isOpened``, ``set``, ``grab``, ``retrieve`` and ``release``.
    """

    def __init__(
        self,
        index: int | str = 0,
        *,
        width: int | None = None,
        height: int | None = None,
        fps: float = DEFAULT_CAPTURE_FPS,
        capture_factory: Callable[[int | str], Any] | None = None,
    ) -> None:
        super().__init__()
        self.index = index
        self.name = f"camera {index}"
        self._size = (width, height)
        self._fps = fps
        self._factory = capture_factory

    def _open(self) -> Any:
        import cv2

        cap = (self._factory or cv2.VideoCapture)(self.index)
        if not cap.isOpened():
            cap.release()
            raise DeviceError(texts.CAMERA_UNAVAILABLE(index=self.index))
        width, height = self._size
        if width:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        if height:
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        return cap

    def _run(self) -> None:
        cap = self._open()
        period = 1.0 / self._fps
        failures = 0
        next_due = time.monotonic()
        try:
            while not self._stop_event.is_set():
                # grab() every frame: it blocks until the camera delivers (pacing the loop at the camera's rate)
                # and keeps the driver's queue empty, so a published frame is the current picture, not a stale
                # one. Decoding (MJPEG) and colour conversion happen in retrieve(), only for frames published:
                # at a 30 fps camera and the default 4 fps publishing, that is about an eighth of the work of read()
                # on every frame.
                ok = cap.grab()
                image = None
                now = time.monotonic()
                if ok and now >= next_due:
                    ok, image = cap.retrieve()
                    ok = ok and image is not None
                if not ok:
                    failures += 1
                    if failures >= _CAMERA_MAX_FAILURES:
                        raise DeviceError(texts.CAMERA_STOPPED(index=self.index))
                    continue
                failures = 0
                if image is not None:
                    self._publish(image)
                    next_due = max(next_due + period, now)
        finally:
            cap.release()


class ScreenSource(FrameSource):
    """The screen (a monitor) or a region of it, via ``mss``.

    Args:
        monitor: mss monitor number: 0 = all monitors together, 1 = the first monitor, ...
        region: ``(left, top, width, height)`` relative to that monitor, or None for all of it.
        fps: capture rate.
    """

    def __init__(
        self, monitor: int = 1, *, region: tuple[int, int, int, int] | None = None, fps: float = DEFAULT_CAPTURE_FPS
    ) -> None:
        super().__init__()
        self.monitor = monitor
        self.region = region
        self.name = f"screen {monitor}"
        self._fps = fps

    def _run(self) -> None:
        import mss
        import mss.exception

        try:
            # mss handles are per-thread: create it in the worker. mss >= 10.2 names the class MSS (mss.mss is
            # deprecated there); older releases only have the factory.
            factory = getattr(mss, "MSS", None) or mss.mss
            grabber = factory()
        except mss.exception.ScreenShotError as exc:
            raise DeviceError(texts.SCREEN_UNAVAILABLE(), detail=str(exc)) from exc
        with grabber:
            monitors = grabber.monitors
            if not 0 <= self.monitor < len(monitors):
                raise DeviceError(texts.NO_SUCH_SCREEN(number=self.monitor, count=len(monitors) - 1))
            mon = monitors[self.monitor]
            area = dict(mon)
            if self.region is not None:
                left, top, width, height = self.region
                area = {"left": mon["left"] + left, "top": mon["top"] + top, "width": width, "height": height}
            period = 1.0 / self._fps
            next_due = time.monotonic()
            while not self._stop_event.is_set():
                shot = grabber.grab(area)
                image = np.asarray(shot)[:, :, :3]  # BGRA -> BGR view
                self._publish(np.ascontiguousarray(image))
                next_due += period
                # Event.wait, not sleep: stop() interrupts it at once. Deadline-based so the rate does not drift.
                self._stop_event.wait(max(0.0, next_due - time.monotonic()))


class VideoFileSource(FrameSource):
    """A video file played at its own clock (frame timestamps), decoded with PyAV in a worker thread.

    Args:
        path: the video file.
        fps: publish at most this many frames per second (decoding still follows the file's timeline).
        loop: start again at the end instead of finishing.
        speed: playback speed factor.

    Raises:
        MediaFileError: the file is unreadable or has no video track.
    """

    def __init__(self, path: str | Path, *, fps: float = DEFAULT_CAPTURE_FPS, loop: bool = False, speed: float = 1.0):
        super().__init__()
        from interpreter.media.files import probe

        self.path = Path(path)
        self.name = self.path.name
        info = probe(self.path)
        if not info.has_video:
            raise MediaFileError(texts.FILE_NO_VIDEO(file=repr(self.path.name)), detail=str(self.path))
        self.info = info
        self._fps = fps
        self._loop = loop
        self._speed = speed

    def _run(self) -> None:
        import av
        import av.error

        period = 1.0 / self._fps
        while not self._stop_event.is_set():
            try:
                self._play_once(av, period)
            except av.error.FFmpegError as exc:
                raise MediaFileError(texts.VIDEO_DAMAGED(file=repr(self.path.name)), detail=str(exc)) from exc
            if not self._loop:
                return

    def _play_once(self, av: Any, period: float) -> None:
        with av.open(str(self.path)) as container:
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"  # FFmpeg's own decoder threads: needed for 1080p at real time
            t0 = time.monotonic()
            last_published = -1e9
            for frame in container.decode(stream):
                if self._stop_event.is_set():
                    return
                pts = float(frame.time) if frame.time is not None else 0.0
                if pts - last_published < period - 1e-6:
                    continue  # decoded but not shown: the source's publish rate caps it
                due = t0 + pts / self._speed
                if self._stop_event.wait(max(0.0, due - time.monotonic())):
                    return
                self._publish(frame.to_ndarray(format="bgr24"), pts)
                last_published = pts


async def upload_frames(
    source: FrameSource,
    gate: FrameGate,
    *,
    poll_fps: float = DEFAULT_CAPTURE_FPS,
    executor: concurrent.futures.Executor | None = None,
) -> AsyncIterator[EncodedFrame]:
    """The frames of ``source`` that ``gate`` lets through, JPEG-encoded and ready for ``send_image``.

    The upload path of a live session: the source's latest-frame slot is polled at ``poll_fps`` and each new frame
    goes through the gate off the event loop (see :func:`~interpreter.media.gate.gated_frames`). Ends when the
    source finishes or stops; re-raises the source's error.
    """

    async def pairs() -> AsyncIterator[tuple[np.ndarray, float]]:
        async for frame in source.frames(poll_fps):
            yield frame.image, frame.captured_at

    async for encoded in gated_frames(pairs(), gate, executor=executor):
        yield encoded


def parse_visual_spec(spec: str) -> tuple[str, str | None]:
    """Split ``"camera[:N]"``, ``"screen[:N[:x,y,w,h]]"`` or a file path into (kind, argument)."""
    head, _, rest = spec.partition(":")
    if head in ("camera", "screen") and not Path(spec).exists():
        return head, rest or None
    return "file", spec


def open_visual_source(spec: str, *, fps: float = DEFAULT_CAPTURE_FPS) -> FrameSource:
    """Build a (not yet started) frame source from a command-line spec.

    Args:
        spec: ``camera`` or ``camera:N`` (webcam N), ``screen`` or ``screen:N`` (monitor N, 1-based) or
            ``screen:N:x,y,w,h`` (a region of it), or a path to an image or video file.
        fps: capture rate for live/video sources.

    Raises:
        DeviceError: a malformed camera/screen number or region.
        MediaFileError: the file does not exist or is not an image/video.
    """
    kind, arg = parse_visual_spec(spec)
    if kind == "camera":
        index = _int_arg(arg, 0, "camera")
        return CameraSource(index, fps=fps)
    if kind == "screen":
        monitor_s, _, region_s = (arg or "1").partition(":")
        monitor = _int_arg(monitor_s, 1, "screen")
        region = None
        if region_s:
            try:
                x, y, w, h = (int(v) for v in region_s.split(","))
            except ValueError as exc:
                raise DeviceError(texts.BAD_SCREEN_REGION(region=repr(region_s))) from exc
            region = (x, y, w, h)
        return ScreenSource(monitor, region=region, fps=fps)
    path = Path(spec)
    if not path.is_file():
        raise MediaFileError(texts.FILE_MISSING(file=repr(path.name)), detail=str(path))
    if path.suffix.lower() in _IMAGE_SUFFIXES:
        return StillImageSource(path)
    return VideoFileSource(path, fps=fps)


def _int_arg(value: str | None, default: int, what: str) -> int:
    if not value:
        return default
    if not value.isdigit():
        kind = texts.KIND_CAMERA() if what == "camera" else texts.KIND_SCREEN()
        raise DeviceError(texts.BAD_SOURCE_NUMBER(value=repr(value), kind=kind, example=f"{what}:{default}"))
    return int(value)
