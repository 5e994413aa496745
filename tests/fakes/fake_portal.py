"""A fake XDG desktop screenshot portal on a private session bus (jeepney), for tests of media.screen_snip.

Run as ``python tests/fakes/fake_portal.py MODE PICTURE`` with ``DBUS_SESSION_BUS_ADDRESS`` set: it owns
``org.freedesktop.portal.Desktop``, prints ``ready``, and answers every ``Screenshot`` call as the real portal does
(method return with the request handle, then ``Request.Response`` on that path): MODE ``ok`` (response 0 with the
picture's ``file://`` URI), ``cancel`` (1) or ``deny`` (2, what a desktop that does not permit capture answers).
"""

from __future__ import annotations

import sys

from jeepney import DBusAddress, HeaderFields, MessageType, message_bus, new_method_return, new_signal
from jeepney.io.blocking import open_dbus_connection

RESPONSES = {"ok": 0, "cancel": 1, "deny": 2}


def main() -> int:
    mode, picture = sys.argv[1], sys.argv[2]
    connection = open_dbus_connection(bus="SESSION")
    connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.portal.Desktop"))
    print("ready", flush=True)
    while True:
        message = connection.receive()
        header = message.header
        if header.message_type != MessageType.method_call or header.fields.get(HeaderFields.member) != "Screenshot":
            continue
        _parent, options = message.body
        token = options["handle_token"][1]
        sender = header.fields[HeaderFields.sender].lstrip(":").replace(".", "_")
        handle = f"/org/freedesktop/portal/desktop/request/{sender}/{token}"
        connection.send(new_method_return(message, "o", (handle,)))
        response = RESPONSES[mode]
        results = {"uri": ("s", "file://" + picture)} if response == 0 else {}
        request = DBusAddress(handle, interface="org.freedesktop.portal.Request")
        connection.send(new_signal(request, "Response", "ua{sv}", (response, results)))


if __name__ == "__main__":
    sys.exit(main())
