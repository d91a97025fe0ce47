"""The services' Redis connections send every command byte for byte as redis-py would."""

from __future__ import annotations

from typing import Any

import pytest
from redis.asyncio.connection import AbstractConnection, Connection
from redis.exceptions import DataError

from services.runtime.redis_connection import keeping_cancellation

COMMANDS: list[tuple[Any, ...]] = [
    ("EVALSHA", "ab" * 20, 3, "k1", b"k2", "k3", 86_400_000, -1, 2**70),
    ("HSET", b"key", "field", "olá, ação", b"\xff\x00raw"),
    ("ZADD", "z", 1.5, "a", 0.1, "b", float("inf"), "c", 1 / 3, "d"),
    (b"GET", b"key"),
    ("SCRIPT LOAD", "return 1"),
    ("SET", "key", bytearray(b"mutable")),
    ("SET", "key", memoryview(b"view")),
]


def services_connection() -> AbstractConnection:
    connection_class: Any = keeping_cancellation(Connection)
    connection: AbstractConnection = connection_class(host="127.0.0.1")
    return connection


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: str(command[0]))
def test_a_command_is_packed_as_redis_py_packs_it(command: tuple[Any, ...]) -> None:
    ours = b"".join(services_connection().pack_command(*command))
    theirs = b"".join(Connection(host="127.0.0.1").pack_command(*command))
    assert ours == theirs


@pytest.mark.parametrize("value", [True, None, [1]], ids=repr)
def test_an_argument_redis_cannot_take_is_refused_as_redis_py_refuses_it(value: Any) -> None:
    with pytest.raises(DataError):
        services_connection().pack_command("SET", "key", value)
