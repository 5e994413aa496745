"""Masking of API keys and other secrets in text bound for logs, exceptions, crash reports and the journal.

``redact(text)`` is the one function every sink calls before text leaves the process's memory. It masks:

- DashScope-style keys: ``sk-`` followed by at least :data:`MIN_KEY_BODY_CHARS` key characters;
- ``Bearer <token>`` credentials (HTTP ``Authorization`` headers, WebSocket handshake dumps);
- ``api_key=...`` / ``"api_key": "..."`` style assignments (also ``apikey``, ``access_token``, ``secret``,
  ``password``), so a key in a JSON or query-string dump is caught even when it does not start with ``sk-``;
- any value registered with :func:`register_secret` (for example the key the user just typed, whatever its shape).

Masks keep a short, harmless hint so a log reader can tell two keys apart (``sk-…c0de``) but never enough to use one.

The registry of explicit secrets is process-wide on purpose: a logging filter, the excepthook and the journal all
need the same list, and a secret registered once must be masked everywhere. It is guarded by a lock because log
records may be formatted on any thread.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

#: Replacement for a secret we do not even hint at.
MASK = "***"

#: Shortest ``sk-`` body we treat as a key. Real DashScope keys have 32 hex characters after ``sk-``; 8 is low enough
#: to catch truncated or test keys (``sk-emulator-demo``) and high enough to leave words like "sk-learn" alone.
MIN_KEY_BODY_CHARS = 8

#: A key body must be this long before we show its last four characters; shorter keys are masked completely so the
#: hint never reveals a meaningful fraction of the secret.
_HINT_MIN_BODY_CHARS = 16
_HINT_CHARS = 4

#: Registered secrets shorter than this are ignored: masking every "abc" in every log line would destroy the logs
#: while protecting nothing (no real credential is that short).
MIN_REGISTERED_SECRET_CHARS = 6

_SK_KEY = re.compile(rf"\bsk-[A-Za-z0-9_\-]{{{MIN_KEY_BODY_CHARS},}}")
_BEARER = re.compile(r"""\b(Bearer)(\s+)([^\s"',;]+)""", re.IGNORECASE)
# key = value, key: value, "key": "value", key=value&... — the name group keeps the original spelling.
_ASSIGNMENT = re.compile(
    r"""(?P<name>["']?\b(?:api[_-]?key|access[_-]?token|secret|password|x-api-key)["']?)"""
    r"""(?P<sep>\s*[:=]\s*)"""
    r"""(?P<quote>["']?)(?P<value>[^\s"'&,;}]+)""",
    re.IGNORECASE,
)


def _mask_key(key: str) -> str:
    body = key[3:]
    if len(body) >= _HINT_MIN_BODY_CHARS:
        return f"sk-…{body[-_HINT_CHARS:]}"
    return f"sk-{MASK}"


class SecretRegistry:
    """A thread-safe set of exact secret values to mask, with a compiled pattern rebuilt on change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def add(self, value: str) -> None:
        """Mask ``value`` from now on (ignored when shorter than :data:`MIN_REGISTERED_SECRET_CHARS`)."""
        value = value.strip()
        if len(value) < MIN_REGISTERED_SECRET_CHARS:
            return
        with self._lock:
            if value not in self._values:
                self._values.add(value)
                self._pattern = self._compile(self._values)

    def discard(self, value: str) -> None:
        """Stop masking ``value`` (no error when it was never registered)."""
        with self._lock:
            if value.strip() in self._values:
                self._values.discard(value.strip())
                self._pattern = self._compile(self._values)

    def clear(self) -> None:
        """Forget every registered secret."""
        with self._lock:
            self._values.clear()
            self._pattern = None

    def pattern(self) -> re.Pattern[str] | None:
        """The current alternation of registered values, longest first, or None when there are none."""
        with self._lock:
            return self._pattern

    @staticmethod
    def _compile(values: Iterable[str]) -> re.Pattern[str] | None:
        # Longest first so a secret that contains another one is masked as a whole.
        ordered = sorted(values, key=len, reverse=True)
        return re.compile("|".join(re.escape(v) for v in ordered)) if ordered else None


_REGISTRY = SecretRegistry()


def register_secret(value: str) -> None:
    """Mask this exact value in everything :func:`redact` sees from now on (process-wide)."""
    _REGISTRY.add(value)


def unregister_secret(value: str) -> None:
    """Stop masking a value registered with :func:`register_secret`."""
    _REGISTRY.discard(value)


def clear_registered_secrets() -> None:
    """Forget every registered secret (tests, or after the user deletes all keys)."""
    _REGISTRY.clear()


def redact(text: str) -> str:
    """Return ``text`` with anything that looks like a credential masked.

    Args:
        text: any text about to be logged, shown in a crash report or stored.

    Returns:
        The same text with keys, bearer tokens, ``api_key=...`` values and registered secrets replaced by masks.
        Text without secrets is returned unchanged (the same object), so calling this on every log line is cheap.
    """
    if not text:
        return text
    registered = _REGISTRY.pattern()
    if registered is not None:
        text = registered.sub(MASK, text)
    text = _SK_KEY.sub(lambda m: _mask_key(m.group(0)), text)
    text = _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{_mask_bearer(m.group(3))}", text)
    return _ASSIGNMENT.sub(_mask_assignment, text)


# What an earlier pass leaves behind; later passes keep it instead of masking it twice (and losing the hint).
_ALREADY_MASKED = re.compile(rf"(?:sk-)?(?:{re.escape(MASK)}|…[A-Za-z0-9_\-]{{{_HINT_CHARS}}})")


def _mask_bearer(token: str) -> str:
    return token if _ALREADY_MASKED.fullmatch(token) else MASK


def _mask_assignment(match: re.Match[str]) -> str:
    value = match.group("value")
    masked = value if _ALREADY_MASKED.fullmatch(value) else MASK
    return f"{match.group('name')}{match.group('sep')}{match.group('quote')}{masked}"
