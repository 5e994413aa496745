"""Long media for memory tests, made in well under a second: a short encoded pattern whose packets are muxed again
and again with shifted timestamps (no re-encoding), so a 4-hour MP3 costs 14 MB and 0.2 s."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

from tests.media.mediagen import speechlike, write_audio


def long_mp3(path: Path, hours: float, *, rate: int = 8000) -> Path:
    """An MP3 of ``hours`` hours: 10 s of speech-like noise then 2 s of silence, repeated."""
    pattern = np.concatenate([speechlike(10, rate), np.zeros(2 * rate, dtype=np.int16)])
    src = write_audio(path.with_name(path.stem + ".pattern.mp3"), pattern, rate, codec="libmp3lame")
    with av.open(str(src)) as inp:
        template = inp.streams.audio[0]
        packets = [p for p in inp.demux(template) if p.size]
        period = sum(p.duration or 0 for p in packets)
        assert template.time_base is not None and period > 0
        repeats = int(hours * 3600 / float(period * template.time_base)) + 1
        with av.open(str(path), "w") as out:
            stream = out.add_stream_from_template(template)
            offset = 0
            for _ in range(repeats):
                for packet in packets:
                    packet.stream = stream
                    packet.pts = packet.dts = offset
                    offset += packet.duration or 0
                    out.mux(packet)
    src.unlink()
    return path
