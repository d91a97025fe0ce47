"""Ports chosen for local servers cannot be taken by a client connection first."""

from __future__ import annotations

import socket

import pytest

from services.runtime.ports import EPHEMERAL_RANGE_FILE, PortBusy, ensure_free, free_port


def ephemeral_range() -> tuple[int, int]:
    low, high = EPHEMERAL_RANGE_FILE.read_text().split()
    return int(low), int(high)


def test_a_free_port_is_outside_the_range_outgoing_connections_take() -> None:
    low, high = ephemeral_range()
    assert all(not low <= free_port() <= high for _ in range(50))


def test_a_free_port_is_never_handed_out_twice() -> None:
    chosen = [free_port() for _ in range(200)]
    assert len(set(chosen)) == len(chosen)


def test_a_free_port_can_be_listened_on() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", free_port()))
        server.listen()


def test_a_listened_on_port_is_named_as_busy() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        with pytest.raises(PortBusy) as busy:
            ensure_free(port, "--ingest-port")
    assert str(busy.value) == f"port {port} (--ingest-port) is already in use; choose another"
