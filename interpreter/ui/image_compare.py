"""ImageCompareView: the original and the translated picture in ONE view, compared with a split line or by blending.

Both pictures are items of one ``QGraphicsScene`` seen through one ``QGraphicsView``, so zoom and pan are the same
for both by construction. The translated picture lies on top, clipped to the right of the split line (drag the
line's handle, or use the slider under the view); "Blend" shows it whole at an adjustable opacity instead. Fit and
100 % zoom, wheel zoom around the cursor (Ctrl or not), drag to pan. Save as, copy and open folder act on the
translated picture. A view only: it shows files it is given and asks nobody else for anything.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QImageReader,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

#: Zoom limits: 5 % shows an 8192 px scan whole on a small screen; 3200 % shows single pixels of a thumbnail.
MIN_ZOOM, MAX_ZOOM = 0.05, 32.0
#: One wheel notch (120 units) zooms by this factor: 15 % feels continuous without needing many turns.
WHEEL_STEP = 1.15
#: How near (px on screen) the pointer must be to the split line to grab it instead of panning.
HANDLE_GRAB_PX = 10
#: Split slider resolution: 1000 steps give sub-pixel placement on a 1000 px wide view.
SPLIT_STEPS = 1000


class _ClippedPixmapItem(QGraphicsPixmapItem):
    """A pixmap drawn only right of ``split`` (0..1 of its width), or whole at ``opacity`` when blending."""

    def __init__(self) -> None:
        super().__init__()
        self.split = 0.5
        self.blend = False

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pixmap = self.pixmap()
        if pixmap.isNull():
            return
        if self.blend:
            painter.drawPixmap(0, 0, pixmap)  # the item's opacity is already applied to the painter
            return
        left = pixmap.width() * self.split
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        source = QRectF(left, 0, pixmap.width() - left, pixmap.height())
        painter.drawPixmap(source, pixmap, source)


class CompareGraphicsView(QGraphicsView):
    """The graphics view: wheel zoom around the cursor, drag to pan, drag the split handle, labels and line."""

    split_moved = Signal(float)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.before_item = QGraphicsPixmapItem()
        self.after_item = _ClippedPixmapItem()
        for item in (self.before_item, self.after_item):
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
            self._scene.addItem(item)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#3a3a3a"))
        self.setMinimumSize(QSize(240, 160))
        self._dragging_split = False
        self.fit_mode = True

    # -- state ----------------------------------------------------------------------------------------------------

    @property
    def split(self) -> float:
        return self.after_item.split

    def set_split(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if abs(fraction - self.after_item.split) < 1e-9:
            return
        self.after_item.split = fraction
        self.after_item.update()
        self.viewport().update()
        self.split_moved.emit(fraction)

    def set_blend(self, on: bool, opacity: float) -> None:
        self.after_item.blend = on
        self.after_item.setOpacity(opacity if on else 1.0)
        self.after_item.update()
        self.viewport().update()

    def zoom(self) -> float:
        return float(self.transform().m11())

    def set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self.fit_mode = False
        self.setTransform(self.transform().fromScale(factor, factor))
        self.zoom_changed.emit(factor)

    def fit(self) -> None:
        rect = self.before_item.boundingRect()
        if rect.isEmpty():
            return
        self.fit_mode = True
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fit_mode:
            self.fit()

    # -- drawing --------------------------------------------------------------------------------------------------

    def _split_scene_x(self) -> float:
        rect = self.before_item.boundingRect()
        return rect.left() + rect.width() * self.after_item.split

    def drawForeground(self, painter: QPainter, rect: QRectF | object) -> None:  # type: ignore[override]
        image_rect = self.before_item.boundingRect()
        if image_rect.isEmpty() or self.after_item.pixmap().isNull():
            return
        painter.save()
        painter.resetTransform()  # draw in viewport pixels: line and labels keep their size at every zoom
        top_left = self.mapFromScene(image_rect.topLeft())
        bottom_right = self.mapFromScene(image_rect.bottomRight())
        if not self.after_item.blend:
            x = self.mapFromScene(QPointF(self._split_scene_x(), 0)).x()
            painter.setPen(QPen(QColor("white"), 2))
            painter.drawLine(x, max(0, top_left.y()), x, min(self.viewport().height(), bottom_right.y()))
            mid_y = (max(0, top_left.y()) + min(self.viewport().height(), bottom_right.y())) // 2
            painter.setBrush(QColor(255, 255, 255, 230))
            painter.setPen(QPen(QColor("#1f5c9e"), 2))
            painter.drawEllipse(QPointF(x, mid_y), 11, 11)
            painter.drawText(QRectF(x - 11, mid_y - 11, 22, 22), Qt.AlignmentFlag.AlignCenter, "⇔")
        self._label(painter, QPointF(max(6, top_left.x() + 6), max(6, top_left.y() + 6)), self.tr("Before"), left=True)
        after_x = min(self.viewport().width() - 6, bottom_right.x() - 6)
        self._label(painter, QPointF(after_x, max(6, top_left.y() + 6)), self.tr("After"), left=False)
        painter.restore()

    def _label(self, painter: QPainter, at: QPointF, text: str, *, left: bool) -> None:
        metrics = painter.fontMetrics()
        width = metrics.horizontalAdvance(text) + 12
        height = metrics.height() + 6
        box = QRectF(at.x() if left else at.x() - width, at.y(), width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 160))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # -- input ----------------------------------------------------------------------------------------------------

    def _near_split(self, pos: QPointF) -> bool:
        if self.after_item.blend or self.after_item.pixmap().isNull():
            return False
        x = self.mapFromScene(QPointF(self._split_scene_x(), 0)).x()
        return abs(pos.x() - x) <= HANDLE_GRAB_PX

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._near_split(event.position()):
            self._dragging_split = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging_split:
            rect = self.before_item.boundingRect()
            scene_x = self.mapToScene(event.position().toPoint()).x()
            if rect.width() > 0:
                self.set_split((scene_x - rect.left()) / rect.width())
            event.accept()
            return
        cursor = Qt.CursorShape.SplitHCursor if self._near_split(event.position()) else Qt.CursorShape.OpenHandCursor
        self.viewport().setCursor(cursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging_split:
            self._dragging_split = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps == 0:
            return
        self.set_zoom(self.zoom() * (WHEEL_STEP**steps))
        event.accept()


def load_image(path: Path) -> QImage:
    """Read ``path`` applying its EXIF orientation (as the translation service saw it after our fix)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    return reader.read()


class ImageCompareView(QWidget):
    """Before/after viewer with toolbar: Fit, 100 %, zoom ±, Blend + opacity, split slider, Save as, Copy, Open
    folder. Call :meth:`show_pair` with the two files (or :meth:`show_images` with images already loaded)."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = CompareGraphicsView(self)
        self._after_path: Path | None = None
        self._after_image = QImage()

        self.fit_button = QPushButton(self.tr("Fit"))
        self.actual_button = QPushButton(self.tr("100 %"))
        self.zoom_in_button = QPushButton("+")
        self.zoom_out_button = QPushButton("−")
        for button in (self.zoom_in_button, self.zoom_out_button):
            button.setFixedWidth(32)
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_label = QLabel("")
        self.zoom_label.setMinimumWidth(48)
        self.blend_check = QCheckBox(self.tr("Blend"))
        self.blend_check.setToolTip(self.tr("Show the translated picture over the original, half transparent"))
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setValue(50)
        self.opacity_slider.setFixedWidth(90)
        self.opacity_slider.setEnabled(False)
        self.opacity_slider.setToolTip(self.tr("Opacity of the translated picture"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the translated picture to the clipboard"))
        self.folder_button = QPushButton(self.tr("Open folder"))
        self.split_slider = QSlider(Qt.Orientation.Horizontal)
        self.split_slider.setRange(0, SPLIT_STEPS)
        self.split_slider.setValue(SPLIT_STEPS // 2)
        self.split_slider.setToolTip(self.tr("Move the line between the original (left) and the translation (right)"))
        self.placeholder = QLabel(self.tr("Select a translated picture to compare it with the original."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        tools = QHBoxLayout()
        for widget in (self.fit_button, self.actual_button, self.zoom_out_button, self.zoom_in_button, self.zoom_label):
            tools.addWidget(widget)
        tools.addSpacing(12)
        tools.addWidget(self.blend_check)
        tools.addWidget(self.opacity_slider)
        tools.addStretch(1)
        for widget in (self.save_button, self.copy_button, self.folder_button):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.split_slider)

        self.fit_button.clicked.connect(self.view.fit)
        self.actual_button.clicked.connect(lambda: self.view.set_zoom(1.0))
        self.zoom_in_button.clicked.connect(lambda: self.view.set_zoom(self.view.zoom() * WHEEL_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.set_zoom(self.view.zoom() / WHEEL_STEP))
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)} %"))
        self.blend_check.toggled.connect(self._blend_changed)
        self.opacity_slider.valueChanged.connect(lambda _v: self._blend_changed(self.blend_check.isChecked()))
        self.split_slider.valueChanged.connect(lambda v: self.view.set_split(v / SPLIT_STEPS))
        self.view.split_moved.connect(self._split_moved)
        self.save_button.clicked.connect(self._save_as)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.folder_button.clicked.connect(self.open_folder)
        self._set_loaded(False)

    def _set_loaded(self, loaded: bool) -> None:
        self.placeholder.setVisible(not loaded)
        self.view.setVisible(loaded)
        self.split_slider.setVisible(loaded)
        for widget in (
            self.fit_button, self.actual_button, self.zoom_in_button, self.zoom_out_button, self.blend_check,
            self.save_button, self.copy_button, self.folder_button,
        ):  # fmt: skip
            widget.setEnabled(loaded)
        self.opacity_slider.setEnabled(loaded and self.blend_check.isChecked())
        self.save_button.setEnabled(loaded and self._after_path is not None)
        self.folder_button.setEnabled(loaded and self._after_path is not None)

    def _split_moved(self, fraction: float) -> None:
        self.split_slider.blockSignals(True)
        self.split_slider.setValue(round(fraction * SPLIT_STEPS))
        self.split_slider.blockSignals(False)

    def _blend_changed(self, on: bool) -> None:
        self.opacity_slider.setEnabled(on)
        self.split_slider.setEnabled(not on)
        self.view.set_blend(on, self.opacity_slider.value() / 100.0)

    def show_pair(self, before: Path, after: Path) -> bool:
        """Load and show the two files; False (and the placeholder says why) when one cannot be read."""
        before_image, after_image = load_image(before), load_image(after)
        if before_image.isNull() or after_image.isNull():
            self.clear(
                self.tr("The picture {name} cannot be shown.").format(
                    name=(before if before_image.isNull() else after).name
                )
            )
            return False
        self._after_path = after
        self.show_images(before_image, after_image)
        self._after_path = after
        self._set_loaded(True)
        return True

    def show_images(self, before: QImage, after: QImage) -> None:
        """Show two images (the translated one is scaled to the original's size if the sizes differ)."""
        if after.size() != before.size():
            after = after.scaled(
                before.size(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self._after_image = after
        self.view.before_item.setPixmap(QPixmap.fromImage(before))
        self.view.after_item.setPixmap(QPixmap.fromImage(after))
        self.view.setSceneRect(QRectF(before.rect()))
        self._set_loaded(True)
        self.view.fit()

    def clear(self, message: str | None = None) -> None:
        """Show the placeholder (with ``message`` when given) instead of pictures."""
        self.view.before_item.setPixmap(QPixmap())
        self.view.after_item.setPixmap(QPixmap())
        self._after_path = None
        self._after_image = QImage()
        if message:
            self.placeholder.setText(message)
        self._set_loaded(False)

    @property
    def after_path(self) -> Path | None:
        return self._after_path

    def copy_to_clipboard(self) -> None:
        """Put the translated picture on the clipboard."""
        if not self._after_image.isNull():
            QGuiApplication.clipboard().setImage(self._after_image)

    def open_folder(self) -> None:
        """Open the translated picture's folder in the file manager."""
        if self._after_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._after_path.parent)))

    def save_copy(self, target: Path) -> None:
        """Copy the translated file to ``target`` (the user chose it in a dialog, overwriting is their choice).

        Raises:
            OSError: the copy failed (the caller shows it).
        """
        if self._after_path is None:
            return
        shutil.copyfile(self._after_path, target)
        self.saved.emit(str(target))

    def _save_as(self) -> None:
        if self._after_path is None:
            return
        suggested = str(self._after_path)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the translated picture"), suggested, self.tr("Images (*.jpg *.jpeg *.png *.webp)")
        )
        if not path:
            return
        try:
            self.save_copy(Path(path))
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("Cannot save {path}: {error}").format(path=path, error=exc.strerror or exc),
            )
