"""A projection over a run of entries: the views it reads fetched ahead in one command,
and each entry projected on the views as the entries before it in the run leave them.

Nothing is written here: the commands go back to the partition's worker, which commits
them with the run's checkpoints in one script call (``events.run_worker``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from events import Record
from events.checkpoint import Command
from events.redis_client import RedisClient
from services.projector.projections import Projection
from services.projector.sessions_projection import Sessions


class RunViews:
    """The views as Redis holds them, with the commands of the run so far laid over."""

    def __init__(self, redis: RedisClient, fetched: dict[str, bytes | None]) -> None:
        self.redis = redis
        self.fetched = fetched
        self.written: dict[str, list[Command]] = {}

    def apply(self, command: Command) -> None:
        self.written.setdefault(cast(str, command[1]), []).append(command)

    async def get(self, key: str) -> bytes | None:
        for name, _, *args in reversed(self.written.get(key, ())):
            if name == "SET":
                return cast(bytes, args[0])
            if name == "DEL":
                return None
        if key not in self.fetched:
            self.fetched[key] = cast(bytes | None, await self.redis.get(key))
        return self.fetched[key]

    async def elements(self, key: str) -> list[bytes]:
        found = cast(list[bytes], await self.redis.lrange(key, 0, -1))
        for name, _, *args in self.written.get(key, ()):
            if name == "DEL":
                found = []
            elif name == "RPUSH":
                found += cast(list[bytes], args)
        return found

    async def members(self, key: str) -> list[bytes]:
        pairs = cast(
            list[tuple[bytes, float]], await self.redis.zrange(key, 0, -1, withscores=True)
        )
        scores = dict(pairs)
        for name, _, *args in self.written.get(key, ()):
            if name == "DEL":
                scores = {}
            elif name == "ZADD":
                for score, member in zip(args[::2], args[1::2], strict=True):
                    scores[_bytes(member)] = float(score)
            elif name == "ZREM":
                for member in args:
                    scores.pop(_bytes(member), None)
        return sorted(scores, key=lambda member: (scores[member], member))


def _bytes(value: object) -> bytes:
    return value if isinstance(value, bytes) else str(value).encode()


class RunProjection:
    """A projection's handler of runs (``events.consumer.RunHandler``)."""

    def __init__(self, projection: Projection, redis: RedisClient) -> None:
        self.projection = projection
        self.redis = redis

    async def __call__(self, partition: int, records: Sequence[Record]) -> list[Sequence[Command]]:
        wanted = list(dict.fromkeys(k for record in records for k in self.projection.reads(record)))
        # The keys of one partition's views share its slot: one MGET, on a cluster too.
        found = cast(list[bytes | None], await self.redis.mget(wanted)) if wanted else []
        views = RunViews(self.redis, dict(zip(wanted, found, strict=True)))
        if isinstance(self.projection, Sessions):
            return await self.projection.project_run(records, views)
        effects: list[Sequence[Command]] = []
        for record in records:
            commands = await self.projection.project(record, views)
            for command in commands:
                views.apply(command)
            effects.append(commands)
        return effects
