"""Partition ownership: group membership, a balanced assignment, leases with fencing."""

from __future__ import annotations

from collections.abc import Sequence

from events.keys import Keyspace
from events.redis_client import RedisClient
from events.scripts import Scripts


def assign(partitions: int, members: Sequence[str]) -> dict[int, str]:
    """Which member should own each partition: round-robin over the sorted member names.

    Every live consumer computes the same answer from the same membership, so they agree
    without talking to each other, and the split differs by at most one partition.
    """
    ordered = sorted(set(members))
    if not ordered:
        return {}
    return {p: ordered[p % len(ordered)] for p in range(partitions)}


class Leases:
    """Membership heartbeats and partition leases of one consumer of one group."""

    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        group: str,
        consumer: str,
        *,
        lease_ttl_ms: int,
        member_ttl_ms: int,
    ) -> None:
        if "|" in consumer:
            raise ValueError("a consumer name cannot contain '|'")
        self.redis = redis
        self.keyspace = keyspace
        self.group = group
        self.consumer = consumer
        self.lease_ttl_ms = lease_ttl_ms
        self.member_ttl_ms = member_ttl_ms
        self._scripts = Scripts.register(redis)

    async def heartbeat(self) -> list[str]:
        """Announce this consumer and return the group's live members."""
        members = await self._scripts.heartbeat(
            keys=[self.keyspace.members(self.group)], args=[self.consumer, self.member_ttl_ms]
        )
        return [m.decode() for m in members]

    async def desired(self) -> set[int]:
        members = await self.heartbeat()
        owners = assign(self.keyspace.partitions, members)
        return {p for p, owner in owners.items() if owner == self.consumer}

    async def acquire(self, partition: int) -> int | None:
        """Take or renew the lease; its fencing token, or None if another consumer holds it."""
        token = await self._scripts.acquire_lease(
            keys=[
                self.keyspace.lease(partition, self.group),
                self.keyspace.fence(partition, self.group),
            ],
            args=[self.consumer, self.lease_ttl_ms],
        )
        return None if token < 0 else int(token)

    async def release(self, partition: int, token: int) -> None:
        await self._scripts.release_lease(
            keys=[self.keyspace.lease(partition, self.group)],
            args=[f"{self.consumer}|{token}"],
        )

    async def leave(self) -> None:
        await self.redis.zrem(self.keyspace.members(self.group), self.consumer)
