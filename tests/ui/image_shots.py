"""Screenshots of the Images tab and its before/after viewer after a real batch against the emulator, on a real X
server. Run as a program (the test process owns an offscreen QApplication; a platform cannot change in a process):

    python -m tests.ui.image_shots --out docs/screenshots --display :N

Writes ``images-tab.png`` (queue with a done, a failed and a fixed picture, the failure report, the viewer),
``images-compare-split.png`` (the split line), ``images-compare-blend.png`` (blend at 50 %) and
``images-compare-zoom.png`` (zoomed to 200 % on the poster's headline). Exit code 0 when all were written.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("images-tab.png", "images-compare-split.png", "images-compare-blend.png", "images-compare-zoom.png")


def _poster(path: Path) -> Path:
    """A Chinese sale poster (the kind of picture sellers translate), drawn with the system's CJK font."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    image = QImage(960, 640, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 960, 640)
    gradient.setColorAt(0, QColor("#ffcf4d"))
    gradient.setColorAt(1, QColor("#ff7b54"))
    painter.fillRect(image.rect(), gradient)
    painter.setBrush(QColor(255, 255, 255, 200))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRect(60, 60, 840, 520), 28, 28)
    painter.setPen(QColor("#c0392b"))
    painter.setFont(QFont("Noto Serif CJK SC", 72, QFont.Weight.Bold))
    painter.drawText(QRect(60, 90, 840, 160), Qt.AlignmentFlag.AlignCenter, "夏季大促")
    painter.setPen(QColor("#2c3e50"))
    painter.setFont(QFont("Noto Serif CJK SC", 40))
    painter.drawText(QRect(60, 260, 840, 90), Qt.AlignmentFlag.AlignCenter, "全场商品 五折起")
    painter.setFont(QFont("Noto Serif CJK SC", 26))
    painter.drawText(QRect(60, 370, 840, 70), Qt.AlignmentFlag.AlignCenter, "活动时间：7月1日 — 7月15日")
    painter.setBrush(QColor("#c0392b"))
    painter.drawRoundedRect(QRect(330, 470, 300, 70), 35, 35)
    painter.setPen(QColor("white"))
    painter.setFont(QFont("Noto Serif CJK SC", 28, QFont.Weight.Bold))
    painter.drawText(QRect(330, 470, 300, 70), Qt.AlignmentFlag.AlignCenter, "立即抢购")
    painter.end()
    image.save(str(path))
    return path


async def _capture(out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer
    from interpreter.store.image_tasks import ImageTaskStore
    from interpreter.ui.images_tab import ImagesTab
    from interpreter.ui.viewmodels.images_vm import ImagesViewModel
    from tests.media import imagegen

    app = QApplication.instance()
    assert app is not None
    server = EmulatorServer(speed=20.0)
    await server.start()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        poster = _poster(folder / "summer-sale.png")
        phone = imagegen.exif_rotated_photo(folder / "IMG_2041.jpg")
        broken = imagegen.truncated_jpeg(folder / "menu-scan.jpg")
        store = ImageTaskStore(folder / "tasks.sqlite3")
        try:
            vm = ImagesViewModel(server.base_url, DEMO_API_KEY, store=store)
            tab = ImagesTab(vm)
            tab.resize(1400, 820)
            tab.move(20, 20)
            tab.show()
            checked = asyncio.Event()
            tab.add_files([str(poster), str(phone), str(broken)])
            vm.price_changed.connect(lambda _text: checked.set())  # published again once the local checks end
            tab.source_combo.setCurrentIndex(tab.source_combo.findData("zh"))
            tab.target_combo.setCurrentIndex(tab.target_combo.findData("en"))
            tab.domain_edit.setText("Posters and product photos from an online shop")
            await asyncio.wait_for(checked.wait(), 30)
            finished = asyncio.Event()
            vm.batch_finished.connect(finished.set)
            if not vm.start():
                raise SystemExit("the batch did not start")
            await asyncio.wait_for(finished.wait(), 60)
            tab.select(0)
            await asyncio.sleep(0.5)  # the viewer loads and fits, then a full paint
            tab.viewer.split_slider.setValue(560)
            await asyncio.sleep(0.3)
            tab.grab().save(str(out / "images-tab.png"))
            viewer = tab.viewer
            viewer.grab().save(str(out / "images-compare-split.png"))
            viewer.blend_check.setChecked(True)
            await asyncio.sleep(0.3)
            viewer.grab().save(str(out / "images-compare-blend.png"))
            viewer.blend_check.setChecked(False)
            viewer.view.set_zoom(2.0)
            viewer.view.centerOn(480, 200)
            await asyncio.sleep(0.3)
            viewer.grab().save(str(out / "images-compare-zoom.png"))
            tab.close()
        finally:
            store.close()
            await server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--display", required=True, help="the X display to use (Xvfb)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["DISPLAY"] = args.display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    sys.path.insert(0, str(ROOT))
    import qasync
    from PySide6.QtWidgets import QApplication

    from interpreter.ui.theme import apply_theme

    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    apply_theme(app, dark=False)
    with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
        runner.run(_capture(args.out))
    missing = [name for name in SHOTS if not (args.out / name).exists()]
    if missing:
        print(f"missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    for name in SHOTS:
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
