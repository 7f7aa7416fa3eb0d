"""Loaded (through PYTHONPATH) by every cc-career process the hostile-input tests start: any
attempt to reach the network ends that process at once with a marker the tests look for.

A plain exception could be caught and hidden by the program; `os._exit` cannot.
"""

from __future__ import annotations

import os
import socket
import sys

MARKER = "NETWORK USED"
EXIT_CODE = 97


def _refuse(*args: object, **kwargs: object) -> None:
    sys.stderr.write(f"{MARKER}: {args!r}\n")
    sys.stderr.flush()
    os._exit(EXIT_CODE)


for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, _name, _refuse)
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
    setattr(socket, _name, _refuse)
