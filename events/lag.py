"""How far behind a consumer group is, even when Redis cannot say.

XINFO GROUPS derives a group's lag from its read counter, which Redis 7 does not restore
when it restarts from its AOF: the lag reads NULL until the group reaches the end of the
stream — just when a backlog is likely. Then the entries after the group's last delivered
id are counted inside Redis, up to a bound that keeps a periodic sample cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from redis.exceptions import ResponseError

from events.codec import as_text
from events.redis_client import RedisClient
from events.scripts import Scripts

SAMPLE_BOUND = 10_000
"""Where a periodic sample stops counting: any backlog beyond is reported as this."""


@dataclass(frozen=True, slots=True)
class GroupPosition:
    group: str
    pending: int
    """Delivered to a consumer, not acknowledged yet."""
    lag: int
    """Not delivered yet."""

    @property
    def behind(self) -> int:
        return self.pending + self.lag


async def group_positions(
    redis: RedisClient, stream: str, *, bound: int = 0
) -> list[GroupPosition]:
    """Every consumer group of ``stream`` (none while it does not exist); ``bound`` caps a
    lag Redis cannot tell (0: exact)."""
    try:
        groups = await redis.xinfo_groups(stream)
    except ResponseError as exc:
        if "no such key" in str(exc):
            return []
        raise
    counting = Scripts.register(redis).count_after
    found = []
    for info in groups:
        lag = info.get("lag")
        if lag is None:
            last = as_text(info["last-delivered-id"])
            lag = await counting(keys=[stream], args=[last, bound])
        found.append(GroupPosition(as_text(info["name"]), int(info["pending"]), int(lag)))
    return found
