"""Screen capture through the XDG desktop portal (Wayland, sandboxes), where an app may not read the screen itself.

:func:`portal_screenshot` asks ``org.freedesktop.portal.Screenshot`` on the session bus for a picture of the whole
screen and returns its PNG bytes. The desktop may ask the user first; a refusal, a cancel or a missing portal raise
:class:`~interpreter.errors.DeviceError` with one sentence. D-Bus is spoken with ``jeepney`` (pure Python; already
installed on Linux as a dependency of ``keyring``), imported only when called.

Protocol (portal documentation): ``Screenshot(s parent_window, a{sv} options) -> o handle``; the answer comes later
as the ``org.freedesktop.portal.Request.Response(u response, a{sv} results)`` signal on the handle's path, with
``response`` 0 = done (``results["uri"]`` a ``file://`` URI of the picture), 1 = cancelled by the user, 2 = refused
or failed. The handle's path is predictable from our unique bus name and a ``handle_token``, so the signal is
subscribed BEFORE the call (no race with a fast portal).

Blocking (the portal may wait for the user): call from a worker thread.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from interpreter.errors import DeviceError
from interpreter.media import texts

__all__ = ["PORTAL_BUS_NAME", "PORTAL_PATH", "portal_available", "portal_screenshot"]

PORTAL_BUS_NAME = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
_SCREENSHOT_INTERFACE = "org.freedesktop.portal.Screenshot"
_REQUEST_INTERFACE = "org.freedesktop.portal.Request"
#: The portal can show a permission dialog: give the user two minutes to answer it.
DEFAULT_TIMEOUT_S = 120.0
#: A method call to the bus itself answers within milliseconds; 5 s means the bus is stuck.
_CALL_TIMEOUT_S = 5.0

_NO_PORTAL = (
    "This desktop offers no screenshot portal, so the screen cannot be captured here: take a screenshot with the "
    "desktop's own tool, then paste it."
)


def _connect() -> Any:
    try:
        from jeepney.io.blocking import open_dbus_connection
    except ImportError as exc:  # not Linux: no portal
        raise DeviceError(_NO_PORTAL) from exc
    try:
        return open_dbus_connection(bus="SESSION")
    except (OSError, KeyError, ValueError) as exc:  # no session bus (DBUS_SESSION_BUS_ADDRESS unset or dead)
        raise DeviceError(_NO_PORTAL, detail=f"session bus: {exc}") from exc


def portal_available() -> bool:
    """True when the session bus has the desktop portal (checked by its name having an owner)."""
    try:
        connection = _connect()
    except DeviceError:
        return False
    from jeepney import message_bus

    try:
        reply = connection.send_and_get_reply(message_bus.NameHasOwner(PORTAL_BUS_NAME), timeout=_CALL_TIMEOUT_S)
        return bool(reply.body[0])
    except (OSError, TimeoutError):
        return False
    finally:
        connection.close()


def portal_screenshot(*, interactive: bool = False, timeout_s: float = DEFAULT_TIMEOUT_S) -> bytes:
    """A screenshot of the whole screen from the desktop portal, as image bytes (the portal writes PNG).

    Args:
        interactive: let the desktop show its own screenshot dialog (region choice) instead of a plain grab.
        timeout_s: how long to wait for the desktop (and the user) to answer.

    Raises:
        DeviceError: no portal, the user cancelled, capture not permitted, no answer in time, unreadable picture.
    """
    from jeepney import DBusAddress, MatchRule, MessageType, message_bus, new_method_call
    from jeepney.wrappers import DBusErrorResponse

    connection = _connect()
    try:
        token = "li_" + secrets.token_hex(8)
        sender = connection.unique_name.lstrip(":").replace(".", "_")
        handle = f"{PORTAL_PATH}/request/{sender}/{token}"
        rule = MatchRule(type="signal", interface=_REQUEST_INTERFACE, member="Response", path=handle)
        connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=_CALL_TIMEOUT_S)
        with connection.filter(rule) as queue:
            portal = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS_NAME, interface=_SCREENSHOT_INTERFACE)
            options = {"handle_token": ("s", token), "interactive": ("b", interactive), "modal": ("b", True)}
            call = new_method_call(portal, "Screenshot", "sa{sv}", ("", options))
            try:
                reply = connection.send_and_get_reply(call, timeout=_CALL_TIMEOUT_S)
            except DBusErrorResponse as exc:
                raise DeviceError(_NO_PORTAL, detail=str(exc)) from exc
            if reply.header.message_type is MessageType.error:  # e.g. ServiceUnknown: nobody owns the portal name
                raise DeviceError(_NO_PORTAL, detail=str(reply.body))
            if reply.body and reply.body[0] != handle:  # portals older than 0.9 do not honour handle_token
                raise DeviceError(
                    texts.SNIP_PORTAL_TOO_OLD(),
                    detail=f"handle {reply.body[0]}",
                )
            try:
                signal = connection.recv_until_filtered(queue, timeout=timeout_s)
            except TimeoutError as exc:
                raise DeviceError(texts.SNIP_TIMEOUT()) from exc
    except (OSError, TimeoutError) as exc:
        raise DeviceError(_NO_PORTAL, detail=str(exc)) from exc
    finally:
        connection.close()
    response, results = signal.body
    if response == 1:
        raise DeviceError(texts.SNIP_CANCELLED())
    if response != 0:
        raise DeviceError(texts.SNIP_NOT_PERMITTED())
    uri = results.get("uri", ("s", ""))[1]
    parts = urlsplit(uri)
    if parts.scheme != "file":
        raise DeviceError(texts.SNIP_UNREADABLE_FORMAT())
    path = Path(unquote(parts.path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DeviceError(texts.SNIP_FILE_UNREADABLE(path=str(path), reason=exc.strerror or str(exc))) from exc
    return data
