"""The console's staff accounts: a name, a role and an Argon2id password hash, in Redis."""

from __future__ import annotations

import asyncio
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from events import Keyspace
from events.redis_client import RedisClient

NAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")
MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 256

# Argon2id with the library's defaults (RFC 9106's second recommended profile).
_hasher = PasswordHasher()
# Verified against when an account does not exist, so a wrong name costs the same time
# as a wrong password and the answer's timing tells no names.
_ABSENT = _hasher.hash(secrets.token_hex(16))
# Each check takes ~64 MiB for its fraction of a second: a few at a time keep the
# console inside its memory limit however many attempts arrive together.
CONCURRENT_CHECKS = 2


class Role(StrEnum):
    RECEPTIONIST = "receptionist"
    DPO = "dpo"
    ADMIN = "admin"


ROLE_NAMES = {
    Role.RECEPTIONIST: "Recepção",
    Role.DPO: "Encarregado de dados (DPO)",
    Role.ADMIN: "Administração",
}


class StaffError(ValueError):
    """A staff account that cannot be made or changed as asked."""


@dataclass(frozen=True, slots=True)
class Staff:
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class Account:
    """A member of staff and their account's generation: a random value, new when the
    account is made again or its password reset, that every session must carry."""

    staff: Staff
    generation: str


def new_generation() -> str:
    return secrets.token_hex(16)


def check_name(raw: str) -> str:
    """An account name: 2 to 32 lower-case letters, digits, dots, hyphens, underscores."""
    name = raw.strip()
    if not NAME.fullmatch(name):
        raise StaffError(
            "a staff name has 2 to 32 characters: lower-case letters, digits, '.', '-' or "
            "'_', starting with a letter"
        )
    return name


def check_password(password: str) -> str:
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise StaffError(f"a password has {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters")
    return password


def check_role(raw: str) -> Role:
    try:
        return Role(raw.strip())
    except ValueError:
        raise StaffError(f"a role is one of {', '.join(Role)}") from None


def _matches(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def new_password() -> str:
    """A generated password: 96 random bits, easy to type."""
    return secrets.token_urlsafe(12)


class StaffDirectory:
    """Who may log in to the console, with which role."""

    def __init__(self, redis: RedisClient, keyspace: Keyspace) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self._checks = asyncio.Semaphore(CONCURRENT_CHECKS)

    async def add(self, name: str, role: Role, password: str) -> Staff:
        """Make an account; refused if the name is taken."""
        name, password = check_name(name), check_password(password)
        async with self._checks:
            digest = await asyncio.to_thread(_hasher.hash, password)
        key = self.keyspace.staff_account(name)
        # HSETNX on the role field first: of two adds of one name, exactly one makes it.
        if not await self.redis.hsetnx(key, "role", role.value):
            raise StaffError(f"there is already a member of staff called {name}")
        await self.redis.hset(key, mapping={"password": digest, "generation": new_generation()})
        await self.redis.sadd(self.keyspace.staff_names(), name)
        return Staff(name, role)

    async def reset_password(self, name: str, password: str) -> bool:
        """Give an account a new password, ending its open sessions; whether it exists."""
        password = check_password(password)
        if await self.get(name) is None:
            return False
        async with self._checks:
            digest = await asyncio.to_thread(_hasher.hash, password)
        key = self.keyspace.staff_account(name)
        await self.redis.hset(key, mapping={"password": digest, "generation": new_generation()})
        return True

    async def remove(self, name: str) -> bool:
        """Delete an account (its open sessions end at their next request); whether it
        existed."""
        removed = await self.redis.delete(self.keyspace.staff_account(name))
        await self.redis.srem(self.keyspace.staff_names(), name)
        return bool(removed)

    async def get(self, name: str) -> Staff | None:
        found = await self.account(name)
        return found.staff if found else None

    async def account(self, name: str) -> Account | None:
        """The account of this name now, with its generation."""
        fields = cast(dict[bytes, bytes],
                      await self.redis.hgetall(self.keyspace.staff_account(name)))  # fmt: skip
        return _account_of(name, fields)

    async def all(self) -> list[Staff]:
        names = sorted(n.decode() for n in cast(set[bytes], await self.redis.smembers(
            self.keyspace.staff_names())))  # fmt: skip
        found = [await self.get(name) for name in names]
        return [staff for staff in found if staff is not None]

    async def admins(self) -> int:
        return sum(1 for staff in await self.all() if staff.role is Role.ADMIN)

    async def verify(self, name: str, password: str) -> Staff | None:
        """The member of staff if ``password`` is theirs; None otherwise."""
        found = await self.check(name, password)
        return found.staff if found else None

    async def check(self, name: str, password: str) -> Account | None:
        """The account if ``password`` is theirs; None otherwise (a wrong name takes as
        long as a wrong password)."""
        key = self.keyspace.staff_account(name) if NAME.fullmatch(name) else None
        fields = cast(dict[bytes, bytes], await self.redis.hgetall(key) if key else {})
        stored = fields.get(b"password", b"").decode() or _ABSENT
        # In a worker thread: the event loop keeps serving other requests meanwhile.
        async with self._checks:
            if not await asyncio.to_thread(_matches, stored, password):
                return None
        return _account_of(name, fields)


def _account_of(name: str, fields: dict[bytes, bytes]) -> Account | None:
    try:
        staff = Staff(name, Role(fields[b"role"].decode()))
    except (KeyError, ValueError):
        return None
    # Accounts made before generations existed have none: "" then, as do their sessions.
    return Account(staff, fields.get(b"generation", b"").decode())
