"""WavWriter: streaming, valid headers, atomic finalize, nothing half-written under the final name."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from interpreter.errors import MediaFileError
from interpreter.media.wav import WavWriter


def _read(path: Path) -> tuple[wave._wave_params, bytes]:
    with wave.open(str(path), "rb") as w:
        return w.getparams(), w.readframes(w.getnframes())


def test_streams_and_finalizes(tmp_path: Path) -> None:
    target = tmp_path / "out" / "voice.wav"
    pcm = np.arange(-24000, 24000, dtype=np.int16).tobytes()
    with WavWriter(target) as w:
        for i in range(0, len(pcm), 999):  # odd sizes: half samples are carried over
            w.write(pcm[i : i + 999])
            assert not target.exists()
        assert w.duration_s == pytest.approx(2.0)
    params, frames = _read(target)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, 24000)
    assert frames == pcm
    assert list(target.parent.iterdir()) == [target]


def test_abort_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "voice.wav"
    w = WavWriter(target)
    w.write(b"\x00\x01" * 100)
    w.abort()
    assert list(tmp_path.iterdir()) == []
    w.abort()  # idempotent
    assert w.closed


def test_exception_in_body_still_keeps_what_was_said(tmp_path: Path) -> None:
    target = tmp_path / "voice.wav"
    with pytest.raises(KeyError), WavWriter(target, rate=16000) as w:
        w.write(b"\x10\x00" * 160)
        raise KeyError("boom")
    params, frames = _read(target)
    assert params.framerate == 16000 and len(frames) == 320


def test_does_not_replace_existing_file_until_close(tmp_path: Path) -> None:
    target = tmp_path / "voice.wav"
    target.write_bytes(b"old")
    w = WavWriter(target)
    w.write(b"\x00\x00" * 10)
    assert target.read_bytes() == b"old"
    w.close()
    assert _read(target)[0].nframes == 10
    assert w.close() == target  # idempotent


def test_killed_process_leaves_no_final_file(tmp_path: Path) -> None:
    # A real crash: the process dies mid-recording (os._exit skips every finalizer).
    target = tmp_path / "crash.wav"
    code = (
        "import os, sys; from interpreter.media.wav import WavWriter\n"
        f"w = WavWriter({str(target)!r}); w.write(b'\\x01\\x00' * 48000); os._exit(3)\n"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, timeout=30, check=False)
    assert proc.returncode == 3
    assert not target.exists()
    leftovers = [p.name for p in tmp_path.iterdir()]
    assert len(leftovers) == 1 and leftovers[0].endswith(".part")


def test_unwritable_directory_is_a_media_file_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(MediaFileError) as err:
        WavWriter(blocker / "sub" / "voice.wav")
    assert "voice.wav" in err.value.user_message


def test_write_after_close_is_a_bug(tmp_path: Path) -> None:
    w = WavWriter(tmp_path / "v.wav")
    w.close()
    with pytest.raises(RuntimeError):
        w.write(b"\x00\x00")


def test_stereo(tmp_path: Path) -> None:
    target = tmp_path / "st.wav"
    with WavWriter(target, rate=48000, channels=2) as w:
        w.write(b"\x01\x00\x02\x00" * 480)
    params, _ = _read(target)
    assert params.nchannels == 2 and params.nframes == 480
    assert os.path.getsize(target) == 44 + 1920


def test_new_recording_gets_the_normal_file_mode(tmp_path: Path) -> None:
    # Read the umask the only portable way (set and restore), then check the file got 0666 & ~umask, as any
    # file the user saves would, not the 0600 of a temporary file.
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "translation.wav"
    with WavWriter(target) as w:
        w.write(b"\x00\x00" * 10)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_growing_wav_is_playable_after_a_kill_and_recovery_claims_the_rest(tmp_path: Path) -> None:
    from interpreter.media.wav import recover_wav

    target = tmp_path / "voice.wav"
    # One second checkpointed (a finished sentence), half a second more written but not checkpointed, then a
    # real crash (os._exit skips every finalizer).
    code = (
        "import os; from interpreter.media.wav import GrowingWavWriter\n"
        f"w = GrowingWavWriter({str(target)!r}); w.write(b'\\x01\\x00' * 24000); w.checkpoint()\n"
        "w.write(b'\\x02\\x00' * 12000); w._file.flush(); os._exit(3)\n"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, timeout=30, check=False)
    assert proc.returncode == 3
    params, _ = _read(target)
    assert (params.framerate, params.nframes) == (24000, 24000)  # everything up to the checkpoint plays
    assert recover_wav(target) == (1.5, True)
    assert _read(target)[0].nframes == 36000
    assert recover_wav(target) == (1.5, False)  # nothing left to repair


def test_growing_wav_on_a_full_disk_is_a_storage_error(tmp_path: Path) -> None:
    from interpreter.errors import StorageError
    from interpreter.media.wav import GrowingWavWriter

    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with pytest.raises(StorageError) as err:  # the header's fsync at creation already meets the full disk
        GrowingWavWriter("/dev/full")
    assert "disk may be full" in err.value.user_message
