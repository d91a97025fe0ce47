"""Loopback ports: a free one, and a clear refusal when one is taken."""

from __future__ import annotations

import random
import socket
from pathlib import Path

EPHEMERAL_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_LOWEST_CHOICE = 20000
_handed_out: set[int] = set()


class PortBusy(OSError):
    """An address a service must listen on is already taken."""


def free_port() -> int:
    """A loopback port free now, chosen below the range the system gives outgoing
    connections: a port from that range can be taken by any client socket between this
    call and the server's bind. Never the same port twice in one process."""
    below = _ephemeral_start()
    if below is not None and below - _LOWEST_CHOICE > 1000:
        for _ in range(200):
            candidate = random.randrange(_LOWEST_CHOICE, below)
            if candidate not in _handed_out and _is_free(candidate):
                _handed_out.add(candidate)
                return candidate
    while True:  # no range known, or none free below it: the system's choice
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port: int = sock.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port


def ensure_free(port: int, what: str, host: str = "127.0.0.1") -> None:
    """Raise ``PortBusy`` naming ``what`` (e.g. the flag that sets it) if ``port`` is taken."""
    if not _is_free(port, host):
        raise PortBusy(f"port {port} ({what}) is already in use; choose another")


def _is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        # As servers bind: connections of a previous run in TIME_WAIT do not count.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def _ephemeral_start() -> int | None:
    try:
        return int(EPHEMERAL_RANGE_FILE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
