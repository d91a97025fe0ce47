"""Everything a Redis holds, as one blob: what a copy of its data would reveal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from redis.asyncio import Redis


async def everything_in(redis: Redis, match: str | None = None) -> bytes:
    """Every key name and value in the database (or of the keys ``match`` matches),
    whatever its type, as one blob."""
    held: list[object] = []
    async for key in redis.scan_iter(match=match, count=1000):
        held.append(key)
        kind = cast(bytes, await redis.type(key)).decode()
        if kind == "string":
            held.append(await redis.get(key))
        elif kind == "hash":
            held += [*cast(dict[bytes, bytes], await redis.hgetall(key)).items()]
        elif kind == "list":
            held += await redis.lrange(key, 0, -1)
        elif kind == "zset":
            held += await redis.zrange(key, 0, -1)
        elif kind == "set":
            held += await redis.smembers(key)
        elif kind == "stream":
            entries = cast(list[tuple[bytes, dict[bytes, bytes]]], await redis.xrange(key))
            held += [[*fields.items()] for _, fields in entries]
        else:
            raise AssertionError(f"{key!r}: a {kind} the scan does not read")
    return b"".join(_flat(held))


def _flat(value: object) -> Iterator[bytes]:
    if isinstance(value, bytes):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flat(item)
