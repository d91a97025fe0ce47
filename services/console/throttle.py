"""Login throttling: failed attempts counted per account and per client address, in
Redis counters that expire; past the limit, logins are refused until the window passes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import cast

from events import Keyspace
from events.redis_client import RedisClient


def _digest(value: str) -> str:
    # Addresses are personal data: the key names a digest of them.
    return hashlib.blake2b(value.encode(), digest_size=12).hexdigest()


@dataclass(frozen=True, slots=True)
class Limits:
    per_account: int = 5
    per_address: int = 20
    window_s: int = 15 * 60


class LoginThrottle:
    def __init__(self, redis: RedisClient, keyspace: Keyspace, limits: Limits) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.limits = limits

    def _keys(self, name: str, address: str) -> tuple[str, str]:
        return (
            self.keyspace.login_failures("account", _digest(name)),
            self.keyspace.login_failures("address", _digest(address)),
        )

    async def blocked(self, name: str, address: str) -> bool:
        """Whether logins for this account, or from this address, are refused for now."""
        account, place = self._keys(name, address)
        counts = cast(list[bytes | None], await self.redis.mget(account, place))
        by_account, by_address = (int(c) if c else 0 for c in counts)
        return by_account >= self.limits.per_account or by_address >= self.limits.per_address

    async def failed(self, name: str, address: str) -> None:
        """Count a failure; the window starts at the first failure of each counter."""
        async with self.redis.pipeline(transaction=True) as pipe:
            for key in self._keys(name, address):
                pipe.incr(key)
                pipe.expire(key, self.limits.window_s, nx=True)
            await pipe.execute()

    async def succeeded(self, name: str) -> None:
        """A right password clears its account's count (not the address's)."""
        await self.redis.delete(self._keys(name, "")[0])
