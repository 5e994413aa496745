"""Streaming WAV writer that never leaves a half-written file under the final name.

Samples go to a temporary file beside the target (same directory, so the final ``os.replace`` is an atomic rename
on the same filesystem). ``close()`` patches the RIFF header, flushes and fsyncs, then renames. A crash before that
leaves only the ``.part`` file; the final path either does not exist or is a complete, valid WAV.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import wave
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from interpreter.core.pcm import SAMPLE_WIDTH, VOICE_RATE
from interpreter.errors import MediaFileError
from interpreter.media import texts

#: RIFF sizes are unsigned 32-bit: a WAV data chunk cannot exceed 4 GiB minus the header (about 24.8 hours of
#: 24 kHz mono s16). Past that the file would be corrupt, so we refuse with a clear error instead.
_MAX_DATA_BYTES = 0xFFFFFFFF - 64
#: Attempts at a fresh temporary name; a clash needs two writers drawing the same 64-bit name, so a second attempt
#: is already paranoia.
_TEMP_NAME_ATTEMPTS = 8


def _create_temp(final: Path) -> tuple[Path, BinaryIO]:
    """Create a new, empty temporary file beside ``final``.

    ``open(..., "xb")`` (O_CREAT | O_EXCL) rather than ``tempfile.mkstemp``: mkstemp creates mode 0600, and the
    rename would hand the user a recording nobody else can read. ``open`` applies the normal 0666 & ~umask, the
    mode any file the user saves gets; exclusive creation still guarantees the file is ours alone.

    Raises:
        OSError: the folder is not writable (or, absurdly, every random name was taken).
    """
    for _ in range(_TEMP_NAME_ATTEMPTS):
        temp = final.with_name(f".{final.name}.{secrets.token_hex(8)}.part")
        try:
            return temp, open(temp, "xb")  # owned by the writer until close()/abort()
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {final}")


class WavWriter:
    """Write mono (or multi-channel) 16-bit PCM to ``path`` incrementally; finalize atomically.

    Use as a context manager. On a normal exit, or if the body raises, whatever was written is finalized into a
    valid WAV (what was said is worth keeping); call :meth:`abort` to discard it instead.

    Args:
        path: final file path; its directory is created if missing.
        rate: sample rate in Hz.
        channels: interleaved channel count of the PCM passed to :meth:`write`.

    Raises:
        MediaFileError: the temporary file cannot be created (missing permission, disk full...).
    """

    def __init__(self, path: str | os.PathLike[str], rate: int = VOICE_RATE, *, channels: int = 1) -> None:
        if rate <= 0 or channels <= 0:
            raise ValueError(f"rate and channels must be positive, got {rate}, {channels}")
        self.path = Path(path)
        self.rate = rate
        self.channels = channels
        self._frame_bytes = SAMPLE_WIDTH * channels
        self._carry = b""
        self.bytes_written = 0
        self._closed = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.temp_path, self._file = _create_temp(self.path)
        except OSError as exc:
            raise MediaFileError(
                texts.RECORDING_CANNOT_CREATE(file=repr(self.path.name)),
                detail=f"{self.path}: {exc}",
            ) from exc
        self._wave = wave.open(self._file, "wb")  # noqa: SIM115 - lives until close(), like the file
        self._wave.setnchannels(channels)
        self._wave.setsampwidth(SAMPLE_WIDTH)
        self._wave.setframerate(rate)

    @property
    def closed(self) -> bool:
        """True after :meth:`close` or :meth:`abort`."""
        return self._closed

    @property
    def duration_s(self) -> float:
        """Seconds of audio written so far."""
        return self.bytes_written / (self._frame_bytes * self.rate)

    def write(self, pcm: bytes) -> None:
        """Append PCM (s16le, interleaved ``channels``). Partial frames are carried over to the next call.

        Raises:
            MediaFileError: the disk refused the data or the WAV size limit would be exceeded.
            RuntimeError: the writer is already closed.
        """
        if self._closed:
            raise RuntimeError("WavWriter is closed")
        data = self._carry + pcm
        whole = len(data) - len(data) % self._frame_bytes
        self._carry = data[whole:]
        if not whole:
            return
        if self.bytes_written + whole > _MAX_DATA_BYTES:
            raise MediaFileError(
                texts.RECORDING_TOO_LARGE(file=repr(self.path.name)),
                detail=f"{self.bytes_written} bytes written",
            )
        try:
            self._wave.writeframesraw(data[:whole])
        except OSError as exc:
            raise MediaFileError(texts.RECORDING_WRITE_FAILED(file=repr(self.path.name)), detail=str(exc)) from exc
        self.bytes_written += whole

    def close(self) -> Path:
        """Finalize the header, fsync and rename to the final path. Idempotent.

        Returns:
            The final path.

        Raises:
            MediaFileError: the file could not be finished (the temporary file is removed).
        """
        if self._closed:
            return self.path
        self._closed = True
        try:
            self._wave.close()  # patches the RIFF/data sizes in the header
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self.temp_path, self.path)
        except OSError as exc:
            self._discard()
            raise MediaFileError(texts.RECORDING_SAVE_FAILED(file=repr(self.path.name)), detail=str(exc)) from exc
        return self.path

    def abort(self) -> None:
        """Discard everything written; the final path is left untouched. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._discard()

    def _discard(self) -> None:
        with contextlib.suppress(OSError, wave.Error):
            self._wave.close()
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(FileNotFoundError):
            self.temp_path.unlink()

    def __enter__(self) -> WavWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, MediaFileError):
            # The writer itself failed: what is on disk cannot be trusted.
            self.abort()
        else:
            self.close()
