"""Login throttling: attempts counted per account and per client address, in Redis
counters that expire, each reserved before its password is checked; past the limit,
logins are refused until the window passes."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from events import Keyspace
from events.redis_client import RedisClient


def _digest(secret: bytes, value: str) -> str:
    # Addresses are personal data: the key names a keyed digest of them, which no one
    # without the secret can reverse by hashing every IPv4 address.
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Limits:
    per_account: int = 5
    per_address: int = 20
    window_s: int = 15 * 60
    # An account's count lasts a minute only: anyone may type its name, and a long lock
    # would let strangers keep its owner out; a minute still caps guesses at the limit.
    account_window_s: int = 60


class LoginThrottle:
    def __init__(
        self, redis: RedisClient, keyspace: Keyspace, limits: Limits, secret: bytes
    ) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.limits = limits
        # A key of its own, derived from the console's secret (the chat key secret).
        self.secret = hmac.new(secret, b"console login throttle", hashlib.sha256).digest()

    def keys_of(self, name: str, address: str) -> tuple[str, str]:
        """The counters' keys of an account and of a client address."""
        return (
            self.keyspace.login_failures("account", _digest(self.secret, name)),
            self.keyspace.login_failures("address", _digest(self.secret, address)),
        )

    async def reserve(self, name: str, address: str) -> bool:
        """Count this attempt before its password is checked; whether it may go ahead.

        Both counters go up in one transaction before any password is looked at, so
        concurrent attempts cannot all slip under the limit together."""
        account, place = self.keys_of(name, address)
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
        account, place = self.keys_of(name, address)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(account)
            pipe.decr(place)
            # Had the count expired just now, the DECR made a new key: it must expire too.
            pipe.expire(place, self.limits.window_s, nx=True)
            await pipe.execute()
