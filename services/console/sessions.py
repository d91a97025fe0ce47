"""Login sessions of the console: a random token in a cookie, kept in Redis under a
digest of it with an expiry, and a CSRF token per session that every form carries."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import cast

from events import Keyspace
from events.redis_client import RedisClient
from services.console.staff import Account, Role, Staff


def _digest(token: str) -> str:
    # A copy of Redis shows which sessions exist, never a cookie that would open one.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Login:
    """A logged-in member of staff, the session's cookie token and its CSRF token."""

    staff: Staff
    token: str
    csrf: str
    generation: str = ""
    """The account's generation when the session was opened (staff.Account)."""

    def csrf_matches(self, given: str) -> bool:
        return hmac.compare_digest(given.encode(), self.csrf.encode())


class Sessions:
    def __init__(self, redis: RedisClient, keyspace: Keyspace, lifetime_s: int) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.lifetime_s = lifetime_s

    async def open(self, account: Account) -> Login:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        key = self.keyspace.staff_session(_digest(token))
        staff = account.staff
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={"name": staff.name, "role": staff.role.value, "csrf": csrf,
                                    "generation": account.generation})  # fmt: skip
            pipe.expire(key, self.lifetime_s)
            await pipe.execute()
        return Login(staff, token, csrf, account.generation)

    async def find(self, token: str) -> Login | None:
        """The session the cookie's token opens, if it has not expired."""
        if not token or len(token) > 100:
            return None
        fields = cast(
            dict[bytes, bytes],
            await self.redis.hgetall(self.keyspace.staff_session(_digest(token))),
        )
        try:
            staff = Staff(fields[b"name"].decode(), Role(fields[b"role"].decode()))
            generation = fields.get(b"generation", b"").decode()
            return Login(staff, token, fields[b"csrf"].decode(), generation)
        except (KeyError, ValueError):
            return None

    async def close(self, token: str) -> None:
        await self.redis.delete(self.keyspace.staff_session(_digest(token)))
