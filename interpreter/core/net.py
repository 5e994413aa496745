"""Address helpers shared by the client and the emulator (pure string work: no sockets, no name lookups)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

__all__ = ["is_loopback"]


def is_loopback(address: str | None) -> bool:
    """True when ``address`` (a URL such as ``http://127.0.0.1:5000``, or a bare host) names this machine only:
    127.0.0.0/8, ::1 or "localhost". Used to allow test-only options (faster pacing) and to keep the emulator
    off the network. A name other than "localhost" is never resolved, so it counts as remote."""
    if not address:
        return False
    host = (urlsplit(address).hostname or "") if "://" in address else address.strip("[]")
    host = host.lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
