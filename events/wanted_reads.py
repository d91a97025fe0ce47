"""Reads that bring back only the entries a group handles.

A group that handles a few event types (three of the projector's four read models, the
name index) acknowledges most of what it reads unread; yet each entry read is parsed by
the client into a dict first, and that parsing, repeated for every such group, was the
largest share of the live projector's time. So the read, the acknowledgement of the
unwanted entries and the question whether another consumer holds entries (``events.
strays``) are one script call, and only the wanted entries travel back. The script
cannot block: when it finds nothing new, the ordinary blocking read waits for entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import Any, cast

from events.redis_client import RedisClient

_SOURCE = resources.files("events").joinpath("lua", "read_wanted.lua").read_text()

Entries = list[tuple[bytes, dict[bytes, bytes]]]


class WantedReads:
    """Reads of one group that return only entries of the types it handles."""

    def __init__(self, redis: RedisClient, group: str, types: Iterable[bytes]) -> None:
        self.group = group
        self.types = sorted(types)
        self._script = redis.register_script(_SOURCE)

    async def read(self, stream: str, me: str, count: int) -> tuple[int, Entries, bool]:
        """Up to ``count`` new entries read for ``me``: how many were read, the wanted
        ones (the others are acknowledged), and whether the group has entries pending
        under another consumer."""
        args: list[str | bytes | int] = [self.group, me, count, *self.types]
        read, strays, kept = cast(list[Any], await self._script(keys=[stream], args=args))
        entries: Entries = [
            (entry_id, dict(zip(fields[::2], fields[1::2], strict=True)))
            for entry_id, fields in kept
        ]
        return int(read), entries, bool(strays)
