"""The console's first admin, made by ``wsm up`` when there is no member of staff yet."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Mapping

from services.console.staff import Role, StaffDirectory, new_password
from services.runtime.store import StoreSettings


def first_admin_name() -> str:
    """``admin-`` and six random hex digits: a name nobody can guess to lock out or to
    start guessing passwords for."""
    return f"admin-{secrets.token_hex(3)}"


async def _ensure(env: Mapping[str, str]) -> tuple[str, str] | None:
    store = StoreSettings.from_env(env)
    async with store.connected() as redis:
        directory = StaffDirectory(redis, store.keyspace)
        if await directory.all():
            return None
        password = new_password()
        name = first_admin_name()
        await directory.add(name, Role.ADMIN, password)
        return name, password


def ensure_first_admin(env: Mapping[str, str]) -> tuple[str, str] | None:
    """The first admin's name and password, made now; None when staff exist already (the
    password was shown when it was made, and is kept nowhere in clear)."""
    return asyncio.run(_ensure(env))
