"""Server-side identifiers shaped like DashScope's (spec §1.2: prefix + 21 base62 characters).

Examples from the service: ``event_RoUu4T8yExPMI37GKwaOC``, ``sess_OozZ1vtbPt2muDflHODIH``, ``resp_…``, ``item_…``,
``conv_…``. Clients must treat them as opaque strings; the emulator only keeps the shape so a client that (wrongly)
parses them fails here first.
"""

from __future__ import annotations

import secrets
import string

_BASE62 = string.ascii_letters + string.digits
# Length of the random part observed in every id in the server-event documentation.
ID_RANDOM_LENGTH = 21


def new_id(prefix: str) -> str:
    """A fresh id like ``<prefix>_<21 base62 chars>``; ``prefix`` is e.g. ``"event"`` or ``"item"``."""
    return f"{prefix}_" + "".join(secrets.choice(_BASE62) for _ in range(ID_RANDOM_LENGTH))
