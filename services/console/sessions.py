"""Login sessions of the console: a random token in a cookie, kept in Redis under a
digest of it with an expiry, and a CSRF token per session that every form carries."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
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
    """Sessions that end ``lifetime_s`` after login, or sooner after ``idle_s`` without a
    request that counts as activity."""

    def __init__(
        self, redis: RedisClient, keyspace: Keyspace, lifetime_s: int, idle_s: int | None = None
    ) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.lifetime_s = lifetime_s
        self.idle_s = lifetime_s if idle_s is None else min(idle_s, lifetime_s)

    async def open(self, account: Account) -> Login:
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        key = self.keyspace.staff_session(_digest(token))
        staff = account.staff
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={"name": staff.name, "role": staff.role.value, "csrf": csrf,
                                    "generation": account.generation,
                                    "until": int(time.time()) + self.lifetime_s})  # fmt: skip
            pipe.expire(key, self.idle_s)
            await pipe.execute()
        return Login(staff, token, csrf, account.generation)

    async def find(self, token: str, active: bool = True) -> Login | None:
        """The session the cookie's token opens, if it has not expired; an ``active``
        request (not a page's own refresh) restarts its idle time."""
        if not token or len(token) > 100:
            return None
        key = self.keyspace.staff_session(_digest(token))
        fields = cast(dict[bytes, bytes], await self.redis.hgetall(key))
        try:
            staff = Staff(fields[b"name"].decode(), Role(fields[b"role"].decode()))
            generation = fields.get(b"generation", b"").decode()
            login = Login(staff, token, fields[b"csrf"].decode(), generation)
        except (KeyError, ValueError):
            return None
        if active:
            # Sessions from before "until" existed keep their expiry as it is.
            left = int(fields.get(b"until", b"0")) - int(time.time())
            if b"until" in fields and left <= 0:
                await self.redis.delete(key)
                return None
            if b"until" in fields:
                await self.redis.expire(key, min(self.idle_s, left))
        return login

    async def close(self, token: str) -> None:
        await self.redis.delete(self.keyspace.staff_session(_digest(token)))
