"""Everything a Redis holds, as one blob: what a copy of its data would reveal."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from redis.asyncio import Redis


async def everything_in(redis: Redis, match: str | None = None) -> bytes:
    """Every key name and value in the database (or of the keys ``match`` matches),
    whatever its type, as one blob."""
    held: list[object] = []
    async for key in redis.scan_iter(match=match, count=1000):
        kind = cast(bytes, await redis.type(key)).decode()
        if kind == "none":
            continue  # deleted since the scan named it (the product goes on running)
        held.append(key)
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


def aof_files(directory: Path) -> bytes:
    """What the append-only files of the Redis keeping its data in ``directory`` hold,
    read while Redis may be replacing them (a file gone meanwhile held nothing current)."""
    held = []
    for path in sorted((directory / "appendonlydir").glob("*.aof*")):
        with contextlib.suppress(FileNotFoundError):
            held.append(path.read_bytes())
    return b"".join(held)


async def aof_rewritten(redis: Redis) -> None:
    """Until Redis has no AOF rewrite under way or scheduled, the last one having gone
    well."""
    for _ in range(500):
        info = cast(dict[str, object], await redis.info("persistence"))
        if not info["aof_rewrite_in_progress"] and not info["aof_rewrite_scheduled"]:
            assert info["aof_last_bgrewrite_status"] == "ok"
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the AOF rewrite did not finish")
