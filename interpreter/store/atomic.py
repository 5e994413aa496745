"""Atomic file replacement: the one place that knows how to write a file so readers never see half of it.

Recipe: write to a temporary file in the *same directory* (``os.replace`` is atomic only within one file system),
flush and fsync it, ``os.replace`` it over the target, then fsync the directory so the rename itself survives a
power cut (POSIX; skipped where directories cannot be opened, i.e. Windows). If anything fails, the temporary file is
removed and the old target is left untouched.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from interpreter.errors import StorageError
from interpreter.store import texts

# Temp names start with a dot and end in .tmp so a crash leftover is hidden and easy to recognise.
_TEMP_PREFIX = "."
_TEMP_SUFFIX = ".tmp"


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open directories; NTFS journals the rename itself.
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network, tmpfs variants) refuse fsync on directories; the data file is synced.
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Open a binary stream whose content replaces ``path`` atomically when the block exits normally.

    If the block raises, the target is unchanged, the temporary file is deleted and the exception propagates.

    Raises:
        StorageError: the folder is not writable or the replace failed (the original OSError is chained).
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX + target.name + ".", suffix=_TEMP_SUFFIX, dir=directory)
    except OSError as exc:
        raise StorageError(texts.CANNOT_WRITE_FOLDER(path=str(target)), detail=str(exc)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temp)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise StorageError(texts.CANNOT_WRITE_SPACE(path=str(target)), detail=str(exc)) from exc
        raise
    _fsync_dir(directory)


def _copy_mode(target: Path, temp: Path) -> None:
    # mkstemp creates 0600. Keep the permissions an existing file had (a user may have made it group-readable);
    # a new file gets what open() would have given it (0666 less the umask), so exported captions and audio are
    # as readable as any other file the user saves. Secrets never go through here (they live in the keyring).
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    os.chmod(temp, mode)


@functools.cache
def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back; done once, on first write.
    current = os.umask(0o022)
    os.umask(current)
    return current


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring).

    Raises:
        StorageError: the file could not be written; the old content is intact.
    """
    with atomic_writer(path) as stream:
        stream.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` atomically. Newlines are written as given (no platform translation).

    Raises:
        StorageError: the file could not be written; the old content is intact.
    """
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_with(path: str | os.PathLike[str], write: Callable[[BinaryIO], None]) -> None:
    """Replace ``path`` with whatever ``write(stream)`` writes (for writers that want a stream, e.g. ``wave``).

    Raises:
        StorageError: the file could not be written; the old content is intact.
    """
    with atomic_writer(path) as stream:
        write(stream)
