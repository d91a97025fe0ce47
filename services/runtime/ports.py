"""Loopback ports: a free one, and a clear refusal when one is taken."""

from __future__ import annotations

import socket


class PortBusy(OSError):
    """An address a service must listen on is already taken."""


def free_port() -> int:
    """A loopback port free now (the system's choice)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def ensure_free(port: int, what: str, host: str = "127.0.0.1") -> None:
    """Raise ``PortBusy`` naming ``what`` (e.g. the flag that sets it) if ``port`` is taken."""
    with socket.socket() as sock:
        # As servers bind: connections of a previous run in TIME_WAIT do not count.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            raise PortBusy(f"port {port} ({what}) is already in use; choose another") from None
