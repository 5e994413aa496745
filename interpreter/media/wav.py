"""Streaming WAV writers: ``WavWriter`` never leaves a half-written file under the final name; ``GrowingWavWriter``
(live sessions) keeps a valid header on disk as the file grows, so a crash keeps what was said.

Samples go to a temporary file beside the target (same directory, so the final ``os.replace`` is an atomic rename
on the same filesystem). ``close()`` patches the RIFF header, flushes and fsyncs, then renames. A crash before that
leaves only the ``.part`` file; the final path either does not exist or is a complete, valid WAV.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import struct
import wave
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from interpreter.core.pcm import SAMPLE_WIDTH, VOICE_RATE
from interpreter.errors import MediaFileError, StorageError
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


# ------------------------------------------------------------------------------------------ growing, crash-safe WAV

#: The canonical 44-byte PCM header: "RIFF" size "WAVE", a 16-byte "fmt " chunk, then "data" size.
_HEADER = struct.Struct("<4sI4s4sIHHIIHH4sI")
_HEADER_BYTES = _HEADER.size
#: Offsets of the two sizes a growing file must keep patching.
_RIFF_SIZE_OFFSET = 4
_DATA_SIZE_OFFSET = 40
_PCM_FORMAT = 1


def _header(data_bytes: int, rate: int, channels: int) -> bytes:
    block_align = SAMPLE_WIDTH * channels
    return _HEADER.pack(
        b"RIFF",
        _HEADER_BYTES - 8 + data_bytes,
        b"WAVE",
        b"fmt ",
        16,
        _PCM_FORMAT,
        channels,
        rate,
        rate * block_align,
        block_align,
        SAMPLE_WIDTH * 8,
        b"data",
        data_bytes,
    )


class GrowingWavWriter:
    """A WAV written in place under its final name, valid on disk at every :meth:`checkpoint`.

    For live sessions, where a crash or ``kill -9`` must not cost what was already said: samples are appended to
    the file itself, and each checkpoint (the caller's choice: once per finished sentence) patches the header's
    sizes and fsyncs, so after a crash the file plays everything up to the last checkpoint, and
    :func:`recover_wav` extends it to every whole frame that reached the disk. One fsync per sentence, not per
    block: the voice arrives ~10 times a second.

    Args:
        path: the file (created or truncated; the caller picks a fresh name).
        rate: sample rate in Hz.
        channels: interleaved channel count.

    Raises:
        StorageError: the file cannot be created or written (folder not writable, disk full), or the 4 GB WAV
            limit is reached.
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
        self._checkpointed = -1
        self._file: BinaryIO | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "wb")  # noqa: SIM115 - lives until close()
            self._file.write(_header(0, rate, channels))
        except OSError as exc:
            raise StorageError(texts.RECORDING_CANNOT_CREATE(file=str(self.path)), detail=str(exc)) from exc
        self.checkpoint()

    @property
    def duration_s(self) -> float:
        """Seconds of audio written so far."""
        return self.bytes_written / (self._frame_bytes * self.rate)

    @property
    def closed(self) -> bool:
        return self._file is None

    def write(self, pcm: bytes) -> None:
        """Append PCM (partial frames carry over to the next call); durable only after the next checkpoint.

        Raises:
            StorageError: the disk refused the data or the WAV size limit would be exceeded.
            RuntimeError: the writer is closed.
        """
        if self._file is None:
            raise RuntimeError("GrowingWavWriter is closed")
        data = self._carry + pcm
        whole = len(data) - len(data) % self._frame_bytes
        self._carry = data[whole:]
        if not whole:
            return
        if self.bytes_written + whole > _MAX_DATA_BYTES:
            raise StorageError(
                texts.RECORDING_TOO_LARGE(file=repr(self.path.name)), detail=f"{self.bytes_written} bytes written"
            )
        try:
            self._file.write(data[:whole])
        except OSError as exc:
            raise StorageError(texts.RECORDING_WRITE_FAILED(file=str(self.path)), detail=str(exc)) from exc
        self.bytes_written += whole

    def checkpoint(self) -> None:
        """Patch the header to the audio written so far and fsync (no-op when nothing changed).

        Raises:
            StorageError: the disk refused the write.
        """
        file = self._file
        if file is None or self._checkpointed == self.bytes_written:
            return
        try:
            file.seek(_RIFF_SIZE_OFFSET)
            file.write(struct.pack("<I", _HEADER_BYTES - 8 + self.bytes_written))
            file.seek(_DATA_SIZE_OFFSET)
            file.write(struct.pack("<I", self.bytes_written))
            file.seek(0, os.SEEK_END)
            file.flush()
            os.fsync(file.fileno())
        except OSError as exc:
            raise StorageError(texts.RECORDING_SAVE_FAILED(file=str(self.path)), detail=str(exc)) from exc
        self._checkpointed = self.bytes_written

    def close(self) -> Path:
        """Final checkpoint and close (idempotent; the file is closed even when the checkpoint fails).

        Raises:
            StorageError: the final checkpoint failed (the file still plays up to the previous one).
        """
        file = self._file
        if file is None:
            return self.path
        try:
            self.checkpoint()
        finally:
            self._file = None
            with contextlib.suppress(OSError):
                file.close()
        return self.path


def recover_wav(path: str | os.PathLike[str]) -> tuple[float, bool]:
    """Make a WAV left by an interrupted :class:`GrowingWavWriter` (or ``WavWriter`` temp file) claim every whole
    frame on disk.

    Only canonical 44-byte PCM headers are touched; anything else is left alone.

    Returns:
        (seconds of audio in the file, whether the header had to be repaired).

    Raises:
        OSError: the file cannot be read or patched.
    """
    target = Path(path)
    with open(target, "r+b") as file:
        head = file.read(_HEADER_BYTES)
        if len(head) < _HEADER_BYTES:
            return 0.0, False
        fields = _HEADER.unpack(head)
        if fields[0] != b"RIFF" or fields[2] != b"WAVE" or fields[3] != b"fmt " or fields[11] != b"data":
            return 0.0, False
        channels, rate, block_align = fields[6], fields[7], fields[9]
        if block_align <= 0 or rate <= 0:
            return 0.0, False
        on_disk = file.seek(0, os.SEEK_END) - _HEADER_BYTES
        whole = min(on_disk - on_disk % block_align, _MAX_DATA_BYTES)
        repaired = whole != fields[12]
        if repaired:
            file.seek(0)
            file.write(_header(whole, rate, channels))
            file.flush()
            os.fsync(file.fileno())
    return whole / (block_align * rate), repaired
