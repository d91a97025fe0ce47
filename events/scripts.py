"""The Lua scripts of the log, loaded once per Redis client."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from redis.commands.core import AsyncScript

from events.redis_client import RedisClient


def _source(name: str) -> str:
    return resources.files("events").joinpath("lua", f"{name}.lua").read_text()


@dataclass(frozen=True, slots=True)
class Scripts:
    append_once: AsyncScript
    acquire_lease: AsyncScript
    release_lease: AsyncScript
    dead_letter: AsyncScript
    heartbeat: AsyncScript
    erase_subject: AsyncScript
    rewrap_subject_keys: AsyncScript
    retry_dead_letter: AsyncScript
    count_after: AsyncScript

    @classmethod
    def register(cls, redis: RedisClient) -> Scripts:
        return cls(
            **{name: redis.register_script(_source(name)) for name in cls.__dataclass_fields__}
        )
