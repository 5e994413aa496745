"""probe_media: every kind of bad input gets one sentence naming the file and what to do; good media is described."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from interpreter.errors import MediaFileError
from interpreter.media.probe import probe_media
from tests.media.longgen import long_mp3
from tests.media.mediagen import speechlike, write_audio, write_video

ROOT = Path(__file__).resolve().parents[2]
#: An unprivileged account to prove "permission denied" when the tests run as root (root reads mode-000 files).
NOBODY_UID = 65534


def message(path: Path) -> str:
    with pytest.raises(MediaFileError) as caught:
        probe_media(path)
    text = caught.value.user_message
    assert repr(path.name) in text, "the sentence names the file"
    assert text.count(". ") == 0 and text.endswith("."), "one sentence"
    return text


def frames(n: int, w: int = 160, h: int = 120) -> list[np.ndarray]:
    return [np.full((h, w, 3), (i * 9) % 256, dtype=np.uint8) for i in range(n)]


@pytest.fixture
def mp3(tmp_path: Path) -> Path:
    return write_audio(tmp_path / "talk.mp3", speechlike(20, 44100), 44100, codec="libmp3lame")


def test_good_audio_and_video_are_described(tmp_path: Path, mp3: Path) -> None:
    info = probe_media(mp3)
    assert (info.has_audio, info.has_video, info.truncated, info.warning) == (True, False, False, None)
    assert info.duration_s == pytest.approx(20.0, abs=0.1)
    assert info.size_bytes == mp3.stat().st_size and info.audio_rate == 44100 and info.audio_channels == 1

    video = write_video(tmp_path / "clip.mp4", frames(50), 25, audio=speechlike(2, 48000), audio_rate=48000)
    info = probe_media(video)
    assert (info.has_audio, info.has_video, info.width, info.height) == (True, True, 160, 120)
    assert info.fps == pytest.approx(25.0) and info.video_codec == "mpeg4" and info.audio_codec == "aac"


def test_a_truncated_mp3_that_keeps_most_of_its_audio_is_accepted_with_a_warning(tmp_path: Path, mp3: Path) -> None:
    data = mp3.read_bytes()
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(data[: len(data) * 7 // 10])
    info = probe_media(cut)
    assert info.truncated
    assert info.duration_s == pytest.approx(14.0, abs=0.5)
    assert info.warning is not None and "'cut.mp3'" in info.warning and "0:14 of 0:20" in info.warning


def test_a_truncated_mp3_with_little_left_is_refused(tmp_path: Path, mp3: Path) -> None:
    data = mp3.read_bytes()
    cut = tmp_path / "stub.mp3"
    cut.write_bytes(data[: len(data) // 5])
    assert "incomplete" in message(cut) and "download it again" in message(cut)


def test_empty_text_missing_and_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.touch()
    assert "0 bytes" in message(empty)
    text = tmp_path / "notes.mp4"
    text.write_text("Meeting notes: nothing to see here.\n" * 20)
    assert "not an audio or video file" in message(text)
    assert "does not exist" in message(tmp_path / "gone.mp3")
    folder = tmp_path / "folder.mp4"
    folder.mkdir()
    assert "is a folder" in message(folder)


def test_a_video_without_sound_is_refused(tmp_path: Path) -> None:
    silent_film = write_video(tmp_path / "silent.mp4", frames(30), 15)
    assert "has no sound to translate" in message(silent_film)


def test_a_four_hour_file_is_accepted(tmp_path: Path) -> None:
    info = probe_media(long_mp3(tmp_path / "four_hours.mp3", hours=4.0))
    assert info.duration_s is not None and info.duration_s > 4 * 3600 - 1 and not info.truncated


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A temporary folder any account may enter (pytest's tmp_path is private to its owner)."""
    path = Path(tempfile.mkdtemp(prefix="li-probe-"))
    path.chmod(0o755)
    yield path
    for child in path.iterdir():
        child.unlink()
    path.rmdir()


def test_an_unreadable_file_is_refused(shared_dir: Path) -> None:
    locked = write_audio(shared_dir / "locked.wav", speechlike(1, 16000), 16000, codec="pcm_s16le")
    locked.chmod(0)
    if os.geteuid() != 0:
        assert "permission denied" in message(locked)
        return
    # Root reads anything: ask the same question as an unprivileged account, in a real process.
    script = (
        "import json, sys\n"
        "from interpreter.errors import MediaFileError\n"
        "from interpreter.media.probe import probe_media\n"
        "try:\n    probe_media(sys.argv[1])\nexcept MediaFileError as e:\n    print(json.dumps(e.user_message))\n"
    )
    result = subprocess.run(
        [
            "setpriv",
            f"--reuid={NOBODY_UID}",
            f"--regid={NOBODY_UID}",
            "--clear-groups",
            sys.executable,
            "-c",
            script,
            str(locked),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "HOME": str(shared_dir)},
    )
    text = json.loads(result.stdout)
    assert "'locked.wav'" in text and "permission denied" in text
