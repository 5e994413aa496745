"""Just enough JPEG parsing to check what the service checks: the magic bytes and the frame size.

No image library: the emulator reads the marker segments up to the first SOF (start-of-frame) header, which holds
the height and width, as every baseline/progressive/lossless JPEG has one before its scan data.
"""

from __future__ import annotations

JPEG_MAGIC = b"\xff\xd8\xff"  # SOI marker followed by the first marker's 0xFF
# SOF0..SOF15 carry the frame size, except these three codes that share the range with other meanings:
# 0xC4 DHT (Huffman tables), 0xC8 JPG (reserved), 0xCC DAC (arithmetic coding conditioning).
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers without a length field: TEM and RST0..RST7.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_SOS = 0xDA  # start of scan: entropy-coded data follows, so no SOF after it can be found by walking segments
_EOI = 0xD9


def is_jpeg(data: bytes) -> bool:
    """True when ``data`` starts like a JPEG file."""
    return data.startswith(JPEG_MAGIC)


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """``(width, height)`` from the first SOF segment, or None when the data is not a well-formed JPEG header."""
    if not is_jpeg(data):
        return None
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        if marker in (_SOS, _EOI):
            return None
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")  # includes the two length bytes
        if length < 2:
            return None
        if marker in _SOF_MARKERS:
            # Segment: length(2) precision(1) height(2) width(2) components...
            if pos + 9 > len(data) or length < 7:
                return None
            height = int.from_bytes(data[pos + 5 : pos + 7], "big")
            width = int.from_bytes(data[pos + 7 : pos + 9], "big")
            return (width, height) if width and height else None
        pos += 2 + length
    return None
