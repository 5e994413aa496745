"""Snip a screen region: freeze every screen, draw a selection over the frozen picture, hand back the crop.

:class:`ScreenSnipper` runs one snip: it hides the app's own windows, waits for the window system to take them off
the screen, grabs every screen (``QScreen.grabWindow(0)``) into ONE frozen picture of the virtual desktop, and shows
a :class:`SnipOverlay` over all screens painting that picture dimmed. The user drags a rectangle (it is shown
undimmed, with its size); releasing the mouse emits ``captured(QImage, QRect)`` — the crop of the frozen picture at
full device resolution and the region in global logical coordinates. Esc (or a right click) cancels. The hidden
windows come back either way. :meth:`ScreenSnipper.repeat` grabs the last region again without the overlay
("repeat last region").

On Wayland a plain grab returns nothing or a black picture, so the frozen picture comes from the desktop's
screenshot portal instead (an injected ``portal`` coroutine; the desktop may ask the user first); a refusal or a
missing portal becomes ``failed(str)`` with one sentence (the view-model also refuses a blank capture). No timed
wait is used except the short settle delay below, which has no event to wait on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from interpreter.errors import InterpreterError

__all__ = ["FrozenDesktop", "ScreenSnipper", "SnipOverlay", "frozen_from_picture", "grab_desktop", "needs_portal"]

#: Hidden windows must leave the screen before the grab. X11 and compositors unmap them within a frame or two but
#: send no event once the screen is repainted, so the grab waits this long (~10 frames at 60 Hz; short enough that
#: the snip still feels immediate).
SETTLE_MS = 180
#: The dimming over the frozen picture outside the selection (alpha out of 255): dark enough to show the selection
#: clearly, light enough to still read the screen.
_DIM_ALPHA = 110


class FrozenDesktop:
    """One picture of every screen: ``image`` (device pixels), ``geometry`` (the virtual desktop in logical
    coordinates) and ``scale`` (device pixels per logical pixel)."""

    def __init__(self, image: QImage, geometry: QRect, scale: float) -> None:
        self.image = image
        self.geometry = geometry
        self.scale = scale

    def crop(self, region: QRect) -> QImage:
        """The device-pixel crop of ``region`` (global logical coordinates)."""
        local = region.translated(-self.geometry.topLeft()).intersected(QRect(QPoint(0, 0), self.geometry.size()))
        s = self.scale
        return self.image.copy(
            QRect(round(local.x() * s), round(local.y() * s), round(local.width() * s), round(local.height() * s))
        )


_WAYLAND_WITHOUT_PORTAL = (
    "Wayland does not let apps read the screen directly and no screenshot portal is set up: take a screenshot with "
    "the desktop's own tool (Print Screen), then paste it here."
)


def needs_portal() -> bool:
    """True where the screen cannot be grabbed directly (Wayland): the desktop portal must be asked."""
    return QGuiApplication.platformName().startswith("wayland")


def frozen_from_picture(picture: QImage) -> FrozenDesktop:
    """A frozen desktop from a whole-screen picture (the portal's), mapped onto the virtual desktop."""
    geometry = QRect()
    for screen in QGuiApplication.screens():
        geometry = geometry.united(screen.geometry())
    if geometry.isEmpty():
        geometry = QRect(0, 0, picture.width(), picture.height())
    return FrozenDesktop(picture, geometry, picture.width() / max(1, geometry.width()))


def grab_desktop() -> FrozenDesktop | None:
    """Grab every screen into one picture; None when nothing could be grabbed."""
    screens = QGuiApplication.screens()
    if not screens:
        return None
    geometry = QRect()
    for screen in screens:
        geometry = geometry.united(screen.geometry())
    scale = max(screen.devicePixelRatio() for screen in screens)
    image = QImage(QSize(round(geometry.width() * scale), round(geometry.height() * scale)), QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    grabbed = False
    for screen in screens:
        pixmap = screen.grabWindow(0)
        if pixmap.isNull():
            continue
        grabbed = True
        where = screen.geometry().translated(-geometry.topLeft())
        target = QRect(
            round(where.x() * scale),
            round(where.y() * scale),
            round(where.width() * scale),
            round(where.height() * scale),
        )
        painter.drawPixmap(target, pixmap)
    painter.end()
    return FrozenDesktop(image, geometry, scale) if grabbed else None


class SnipOverlay(QWidget):
    """A frameless window over the whole virtual desktop showing the frozen picture; drag to select.

    Signals:
        region_selected(QRect): the selection in global logical coordinates (may be tiny; the caller judges).
        cancelled(): Esc or a right click.
    """

    region_selected = Signal(QRect)
    cancelled = Signal()

    def __init__(self, frozen: FrozenDesktop) -> None:
        super().__init__(
            None,
            Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool,
        )
        self.setObjectName("snipOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.frozen = frozen
        self._origin: QPoint | None = None
        self._selection = QRect()
        self.setGeometry(frozen.geometry)

    @property
    def selection(self) -> QRect:
        """The current selection in widget coordinates."""
        return QRect(self._selection)

    def show_over_desktop(self) -> None:
        self.setGeometry(self.frozen.geometry)
        self.show()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.grabKeyboard()  # Esc must reach us even if the window manager gives focus elsewhere

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(self.rect(), self.frozen.image)
        painter.fillRect(self.rect(), QColor(0, 0, 0, _DIM_ALPHA))
        if not self._selection.isNull():
            s = self.frozen.scale
            source = QRect(
                round(self._selection.x() * s),
                round(self._selection.y() * s),
                round(self._selection.width() * s),
                round(self._selection.height() * s),
            )
            painter.drawImage(self._selection, self.frozen.image, source)
            painter.setPen(QPen(QColor(0, 160, 255), 2))
            painter.drawRect(self._selection.adjusted(0, 0, -1, -1))
            painter.setPen(QColor("white"))
            label = f"{self._selection.width()} × {self._selection.height()}"
            painter.drawText(self._selection.topLeft() + QPoint(4, -6), label)
        else:
            painter.setPen(QColor("white"))
            painter.drawText(
                self.rect().adjusted(0, 40, 0, 0),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.tr("Drag over the text to read · Esc cancels"),
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self._cancel()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._origin = event.position().toPoint()
            self._selection = QRect(self._origin, QSize(0, 0))
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._origin is not None:
            self._selection = QRect(self._origin, event.position().toPoint()).normalized()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._origin is None:
            return
        self._selection = QRect(self._origin, event.position().toPoint()).normalized()
        self._origin = None
        region = self._selection.translated(self.frozen.geometry.topLeft())
        self._finish()
        self.region_selected.emit(region)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._cancel()
        else:
            super().keyPressEvent(event)

    def _cancel(self) -> None:
        self._finish()
        self.cancelled.emit()

    def _finish(self) -> None:
        self.releaseKeyboard()
        self.hide()
        self.close()


class ScreenSnipper(QWidget):
    """Runs snips (module docstring). A QWidget only to own its timer and overlay; it is never shown.

    Args:
        windows: returns the app's windows to hide while snipping (the main window, the presentation window...).
        settle_ms: wait after hiding them before the grab (see :data:`SETTLE_MS`).

    Signals:
        captured(QImage, QRect): the picture of the selected region and the region (global logical coordinates).
        cancelled(): the user cancelled.
        failed(str): capture is not possible here (one sentence).
        overlay_shown(SnipOverlay): the overlay is up (tests drive it; views need not listen).
    """

    captured = Signal(QImage, QRect)
    cancelled = Signal()
    failed = Signal(str)
    overlay_shown = Signal(object)

    def __init__(
        self,
        windows: Callable[[], Sequence[QWidget]],
        *,
        settle_ms: int = SETTLE_MS,
        portal: Callable[[], Awaitable[bytes]] | None = None,
        use_portal: bool | None = None,
    ) -> None:
        super().__init__(None)
        self._windows = windows
        self._settle_ms = settle_ms
        self._portal = portal
        self._use_portal = use_portal
        self._portal_task: asyncio.Future[None] | None = None
        self._hidden: list[QWidget] = []
        self.overlay: SnipOverlay | None = None
        self.frozen: FrozenDesktop | None = None
        self.hidden_at_grab: list[bool] = []

    @property
    def active(self) -> bool:
        return bool(self._hidden) or self.overlay is not None

    def start(self) -> None:
        """Begin a snip: hide our windows, then freeze the screens and show the overlay."""
        if self.active:
            return
        route = self._route()
        if route is None:
            return
        self._hide_windows()
        if route == "portal":
            self._portal_task = asyncio.ensure_future(self._from_portal(None))
        else:
            QTimer.singleShot(self._settle_ms, self._freeze_and_show)

    def repeat(self, region: QRect) -> None:
        """Grab ``region`` again (same place on the screen) without the overlay."""
        if self.active:
            return
        route = self._route()
        if route is None:
            return
        self._hide_windows()
        if route == "portal":
            self._portal_task = asyncio.ensure_future(self._from_portal(QRect(region)))
        else:
            QTimer.singleShot(self._settle_ms, lambda: self._grab_region(region))

    def _route(self) -> str | None:
        """How to capture: "portal" or "direct"; None (``failed`` emitted) when a needed portal is missing."""
        wanted = needs_portal() if self._use_portal is None else self._use_portal
        if not wanted:
            return "direct"
        if self._portal is None:
            self.failed.emit(self.tr(_WAYLAND_WITHOUT_PORTAL))
            return None
        return "portal"

    async def _from_portal(self, region: QRect | None) -> None:
        """Freeze the portal's picture, then show the overlay (or crop ``region`` for "repeat last region")."""
        assert self._portal is not None
        try:
            data = await self._portal()
        except InterpreterError as error:
            self._restore_windows()
            self.failed.emit(error.user_message)
            return
        picture = QImage.fromData(data)
        if picture.isNull():
            self._restore_windows()
            self.failed.emit(self.tr("The desktop's screenshot could not be read; paste a screenshot instead."))
            return
        self.hidden_at_grab = [not w.isVisible() for w in self._hidden]
        self.frozen = frozen_from_picture(picture)
        if region is not None:
            self._restore_windows()
            self.captured.emit(self.frozen.crop(region), region)
            return
        self._show_overlay(self.frozen)

    def _hide_windows(self) -> None:
        self._hidden = [w for w in self._windows() if w.isVisible()]
        for window in self._hidden:
            window.hide()

    def _restore_windows(self) -> None:
        hidden, self._hidden = self._hidden, []
        for window in hidden:
            window.show()

    def _grab(self) -> FrozenDesktop | None:
        self.hidden_at_grab = [not w.isVisible() for w in self._hidden]
        frozen = grab_desktop()
        if frozen is None:
            self._restore_windows()
            self.failed.emit(self.tr("The screen could not be captured here; paste a screenshot instead."))
        return frozen

    def _freeze_and_show(self) -> None:
        frozen = self._grab()
        if frozen is None:
            return
        self.frozen = frozen
        self._show_overlay(frozen)

    def _show_overlay(self, frozen: FrozenDesktop) -> None:
        overlay = SnipOverlay(frozen)
        overlay.region_selected.connect(self._on_selected)
        overlay.cancelled.connect(self._on_cancelled)
        self.overlay = overlay
        overlay.show_over_desktop()
        self.overlay_shown.emit(overlay)

    def _on_selected(self, region: QRect) -> None:
        frozen = self.frozen
        self.overlay = None
        self._restore_windows()
        if frozen is not None:
            self.captured.emit(frozen.crop(region), region)

    def _on_cancelled(self) -> None:
        self.overlay = None
        self._restore_windows()
        self.cancelled.emit()

    def _grab_region(self, region: QRect) -> None:
        frozen = self._grab()
        if frozen is None:
            return
        self.frozen = frozen
        self._restore_windows()
        self.captured.emit(frozen.crop(region), region)
