"""Make the Windows (.ico) and macOS (.icns) icons from the app's SVG icon; run after the SVG changes, commit both.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Both containers hold PNG images (Windows Vista+ and macOS 10.7+ read PNG entries), rendered by Qt's SVG renderer at
each size so small sizes are drawn, not shrunk from a big bitmap. Written here rather than with an image tool
because neither container needs more than a directory of PNGs.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "interpreter" / "resources" / "icons" / "live-interpreter.svg"
OUT = ROOT / "packaging" / "icons"

#: Sizes Windows picks from (list views, task bar, Alt+Tab, large icons at 100-200 % scaling).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entry types holding PNG data, by pixel size (Apple's icns types; 1024 is the 512 pt @2x Retina icon).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` px on transparency, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; the binding wants str
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: ICONDIR, one ICONDIRENTRY per image (0 stands for 256 px), then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: the ``icns`` magic and total length, then (type, length including its 8-byte header, PNG)."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", len(png) + 8) + png for size, png in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG} is not a valid SVG", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in {*ICO_SIZES, *ICNS_TYPES}}
    OUT.mkdir(exist_ok=True)
    (OUT / "live-interpreter.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (OUT / "live-interpreter.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
