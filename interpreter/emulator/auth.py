"""The ``Authorization: Bearer <key>`` header, read the same way by every route (realtime and HTTP)."""

from __future__ import annotations

from aiohttp import web


def bearer_key(request: web.Request) -> str | None:
    """The key of an ``Authorization: Bearer <key>`` header, or None when the header is missing or another scheme."""
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    return key.strip() or None if scheme.lower() == "bearer" else None
