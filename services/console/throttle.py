"""Login throttling: attempts counted per account and per client address, in Redis
counters that expire, each reserved before its password is checked; past the limit,
logins are refused until the window passes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

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
    # An account's count lasts a minute only: anyone may type its name, and a long lock
    # would let strangers keep its owner out; a minute still caps guesses at the limit.
    account_window_s: int = 60


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

    async def reserve(self, name: str, address: str) -> bool:
        """Count this attempt before its password is checked; whether it may go ahead.

        Both counters go up in one transaction before any password is looked at, so
        concurrent attempts cannot all slip under the limit together."""
        account, place = self._keys(name, address)
        async with self.redis.pipeline(transaction=True) as pipe:
            for key, window_s in ((account, self.limits.account_window_s),
                                  (place, self.limits.window_s)):  # fmt: skip
                pipe.incr(key)
                pipe.expire(key, window_s, nx=True)
            by_account, _, by_address, _ = await pipe.execute()
        return int(by_account) <= self.limits.per_account and (
            int(by_address) <= self.limits.per_address
        )

    async def succeeded(self, name: str, address: str) -> None:
        """A right password clears its account's count and takes its own attempt back
        from the address's count (an address's count is of failures)."""
        account, place = self._keys(name, address)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(account)
            pipe.decr(place)
            await pipe.execute()
