"""store.logging_setup: the rotating log file in the log dir never contains a key."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from interpreter.core.redaction import clear_registered_secrets, register_secret
from interpreter.store.logging_setup import LOG_FILE, RedactingFilter, configure_logging, shutdown_logging
from interpreter.store.paths import log_dir

KEY = "sk-0123456789abcdef0123456789abcdef"


@pytest.fixture
def logfile() -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    path = configure_logging(logging.DEBUG)
    yield path
    shutdown_logging()
    root.setLevel(level)
    clear_registered_secrets()


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_log_file_lives_in_the_log_dir(logfile: Path) -> None:
    assert logfile == log_dir() / LOG_FILE


def test_keys_in_messages_args_and_tracebacks_are_masked(logfile: Path) -> None:
    register_secret("opaque-secret-value")
    log = logging.getLogger("websockets.client")  # a child logger: the filter must sit on the handler
    log.debug("> Authorization: Bearer %s", KEY)
    log.info("config %s", {"api_key": "plainvalue123"})
    log.warning("user pasted opaque-secret-value")
    try:
        raise RuntimeError(f"handshake failed for {KEY}")
    except RuntimeError:
        log.exception("connect failed")
    log.info("stack here", stack_info=True)
    _flush()
    text = logfile.read_text(encoding="utf-8")
    assert KEY not in text and "0123456789abcdef0123" not in text
    assert "plainvalue123" not in text and "opaque-secret-value" not in text
    assert "Authorization: Bearer sk-…cdef" in text
    assert "RuntimeError: handshake failed for sk-…cdef" in text  # the traceback is kept, redacted
    assert "connect failed" in text and "stack here" in text


def test_reconfiguring_does_not_duplicate_lines(logfile: Path) -> None:
    configure_logging(logging.INFO)
    logging.getLogger("x").info("once only")
    _flush()
    assert logfile.read_text(encoding="utf-8").count("once only") == 1


def test_bad_format_arguments_do_not_lose_the_record() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "value %d of " + KEY, ("not a number",), None)
    assert RedactingFilter().filter(record)
    assert KEY not in record.getMessage() and "not a number" in record.getMessage()
