"""A disk that fills up while an output is written: one sentence, and nothing under the final name.

The disk is made "full" for a child process with RLIMIT_FSIZE (writes past the limit fail with EFBIG, the same
OSError path as ENOSPC), so the test needs no root and no special file system.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from interpreter.media.timeline import PlacedSpeech, place_on_timeline
from tests.media.mediagen import speechlike, tone, write_video

ROOT = Path(__file__).resolve().parents[2]
#: The child may write files up to this size: enough for the PyAV/numpy imports (they write nothing), far less
#: than the outputs below (a 60 s 24 kHz WAV is 2.9 MB; the dubbed MP4 about 1 MB).
LIMIT_BYTES = 200_000

CHILD = """
import json, resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
from interpreter.errors import MediaFileError
from interpreter.media.mux import mux_dubbed_video
from interpreter.media.timeline import PlacedSpeech, place_on_timeline
import numpy as np
what, out = sys.argv[1], Path(sys.argv[2])
try:
    if what == "wav":
        pcm = (np.sin(np.arange(24000 * 60) / 10) * 8000).astype("<i2").tobytes()
        place_on_timeline([PlacedSpeech(0, 60000, pcm)], 60000, out)
    else:
        mux_dubbed_video(sys.argv[3], sys.argv[4], out, target_lang="zh", source_lang="en")
    print(json.dumps("no error"))
except MediaFileError as exc:
    print(json.dumps(exc.user_message))
"""


def run_child(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(limit=LIMIT_BYTES), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return str(json.loads(result.stdout))


def test_the_dubbed_wav_on_a_full_disk(tmp_path: Path) -> None:
    out = tmp_path / "talk.zh.wav"
    message = run_child("wav", str(out))
    assert "'talk.zh.wav'" in message and "disk may be full" in message
    assert list(tmp_path.iterdir()) == []


def test_the_dubbed_mp4_on_a_full_disk(tmp_path: Path) -> None:
    frames = [np.random.default_rng(i).integers(0, 256, (240, 320, 3), dtype=np.uint8) for i in range(100)]
    source = write_video(tmp_path / "talk.mp4", frames, 10, audio=speechlike(10, 48_000))
    piece = PlacedSpeech(0, 10_000, tone(300, 9.0, 24_000)[:, 0].tobytes())
    dub, _ = place_on_timeline([piece], 10_000, tmp_path / "talk.zh.wav")
    assert source.stat().st_size > LIMIT_BYTES, "the copied picture alone overflows the limit"
    before = set(tmp_path.iterdir())
    message = run_child("mp4", str(tmp_path / "talk.zh.mp4"), str(source), str(dub))
    assert "'talk.zh.mp4'" in message and "disk may be full" in message
    assert set(tmp_path.iterdir()) == before
