"""Application logging: a rotating file in ``log_dir()`` with every record passed through :class:`RedactingFilter`.

The filter sits on the *handlers* (not on loggers) because logger filters do not see records propagated from child
loggers, while a handler filter sees every record the handler writes — including those of third-party libraries
(``websockets`` logs handshake headers at DEBUG, with the ``Authorization: Bearer`` key in them).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from interpreter.core.redaction import redact
from interpreter.store.paths import log_dir

LOG_FILE = "live-interpreter.log"

#: 5 MB per file × 5 backups: a two-hour session at INFO writes well under 1 MB, so this keeps days of history for a
#: bug report while never taking more than 30 MB of the user's disk.
MAX_BYTES = 5 * 1024 * 1024
BACKUP_COUNT = 5

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

# Marks handlers installed here so configure_logging() can replace them instead of stacking duplicates.
_OWNED = "_live_interpreter_handler"


class RedactingFilter(logging.Filter):
    """Masks keys and registered secrets in a record's message, exception text and stack text.

    The record is rewritten in place (``msg`` becomes the final redacted string, ``args`` is cleared), so every
    handler after this one sees the redacted form. Always returns True: it cleans records, it never drops them.
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad %-format in someone's log call must not lose the record (logging's own policy)
            message = f"{record.msg!r} % {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatter.format() reuses exc_text when set, so the traceback is formatted once, here, redacted.
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure_logging(
    level: int = logging.INFO,
    *,
    directory: Path | None = None,
    console: bool = False,
) -> Path:
    """Install the rotating, redacting file handler on the root logger (replacing one installed earlier).

    Args:
        level: root logger level.
        directory: where to write; default :func:`interpreter.store.paths.log_dir`.
        console: also log to stderr (command-line use), through the same filter.

    Returns:
        The path of the current log file.

    Raises:
        StorageError: the log folder cannot be created.
    """
    path = (directory if directory is not None else log_dir()) / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    shutdown_logging()  # replace, never stack: configure_logging() may run again (tests, a changed log level)
    root = logging.getLogger()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    ]
    if console:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(RedactingFilter())
        setattr(handler, _OWNED, True)
        root.addHandler(handler)
    root.setLevel(level)
    return path


def shutdown_logging() -> None:
    """Flush and remove the handlers installed by :func:`configure_logging` (tests, and app exit)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OWNED, False)]:
        root.removeHandler(handler)
        handler.close()
