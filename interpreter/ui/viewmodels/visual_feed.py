"""VisualFeed: the picture side of a live session — a preview for the presenter and gated JPEGs for the service.

One ``media.frames.FrameSource`` (camera, screen, video or image file) feeds two independent consumers reading its
latest-frame slot: the preview (small QImages at :data:`PREVIEW_FPS`, converted here on the Qt thread) and the
upload path, which is the same as the ``live`` command's: ``media.frames.upload_frames`` through a
``media.gate.FrameGate`` (≤ 2 fps, scene change or keep-alive, ≤ 720p JPEG within 500 KB, encoded in a worker
thread). The preview never touches the upload path: it only reads the slot, at its own rate. The service wants
audio before the first image, so the upload path waits for the first audio block. A failing picture source never
stops the interpretation: it becomes a notice and the session goes on with audio only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from interpreter.core.catalog import ModelInfo
from interpreter.errors import InterpreterError

if TYPE_CHECKING:  # media.frames and media.gate load OpenCV: at run time only when a picture is used
    from interpreter.media.frames import FrameSource
    from interpreter.media.gate import GateConfig

_log = logging.getLogger(__name__)

#: Preview rate: enough to aim a camera or see a slide change, a small share of the Qt thread's time.
PREVIEW_FPS = 5.0
#: Preview frames are decimated to at most this width before the QImage copy (the label shows ~160 px; twice
#: that keeps the scaled thumbnail sharp on high-DPI screens).
PREVIEW_MAX_WIDTH = 320


def frame_to_qimage(image: np.ndarray, max_width: int = PREVIEW_MAX_WIDTH) -> QImage:
    """A deep-copied QImage of a BGR uint8 frame, decimated by an integer step to at most ``max_width`` pixels.

    Integer-step slicing costs nothing compared with a resize and is plenty for a thumbnail the label then scales
    smoothly.
    """
    step = max(1, -(-image.shape[1] // max_width))  # ceil division
    small = np.ascontiguousarray(image[::step, ::step, :3])
    height, width = small.shape[:2]
    return QImage(small.data, width, height, width * 3, QImage.Format.Format_BGR888).copy()


class VisualFeed(QObject):
    """Runs the preview and the gated upload of one frame source for one session.

    Args:
        source: a not yet started ``media.frames.FrameSource``.
        model: the session's model (image token counts), or None.
        audio_started: set once the first audio block went out; images wait for it.
        gate_config: the gate's limits (a ``media.gate.GateConfig`` from the user's settings), None = its defaults.

    Signals carry plain data; everything runs on the loop (Qt) thread.
    """

    preview_changed = Signal(QImage)
    stats_changed = Signal(int, int)  # frames sent, image tokens sent
    failed = Signal(str)  # a user sentence: the picture source stopped

    def __init__(
        self,
        source: FrameSource,
        model: ModelInfo | None,
        audio_started: asyncio.Event,
        parent: QObject | None = None,
        *,
        gate_config: GateConfig | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self._model = model
        self._gate_config = gate_config
        self._audio_started = audio_started
        self._preview_task: asyncio.Task[None] | None = None
        self.frames_sent = 0
        self.tokens_sent = 0

    def start(self) -> None:
        """Start the source's worker and the preview."""
        self.source.start()
        self._preview_task = asyncio.ensure_future(self._preview())

    async def jpeg_frames(self) -> AsyncIterator[bytes]:
        """Gated JPEG frames for ``LiveSession(image_source=...)``; ends quietly when the source fails or ends."""
        # Imported here: OpenCV loads only when a picture is used.
        from interpreter.media.frames import upload_frames
        from interpreter.media.gate import FrameGate

        await self._audio_started.wait()
        gate = FrameGate(self._gate_config, model=self._model)
        try:
            async for encoded in upload_frames(self.source, gate):
                self.frames_sent += 1
                self.tokens_sent += encoded.tokens
                self.stats_changed.emit(self.frames_sent, self.tokens_sent)
                yield encoded.jpeg
        except Exception as exc:  # the worker thread's error, re-raised here as it was: any type (a boundary)
            _log.warning("picture source failed: %s", exc)
            reason = exc.user_message if isinstance(exc, InterpreterError) else self.tr("the source could not be read")
            self.failed.emit(
                self.tr("The picture stopped ({reason}); interpretation goes on with sound only.").format(
                    reason=reason.rstrip(".")
                )
            )

    async def stop(self) -> None:
        """Stop the preview and the source (its worker thread is joined off the loop thread)."""
        if self._preview_task is not None:
            self._preview_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._preview_task
            self._preview_task = None
        await asyncio.to_thread(self.source.stop)

    async def _preview(self) -> None:
        try:
            async for frame in self.source.preview(PREVIEW_FPS):
                self.preview_changed.emit(frame_to_qimage(frame.image))
        except Exception as exc:  # the worker's error (any type); the upload path reports it to the user once
            _log.info("preview ended: %s", exc)
