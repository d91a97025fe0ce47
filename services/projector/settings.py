"""The projector's own settings: its admin API, the retention of personal data and the
rewrites of Redis's AOF after erasures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from services.runtime import settings

DEFAULT_RETENTION_DAYS = 365
DEFAULT_AOF_REWRITE_MINUTES = 10


@dataclass(frozen=True, slots=True)
class ProjectorSettings:
    admin_token: str | None = None
    """Bearer token of the admin API; None keeps the API off."""
    retention: timedelta | None = timedelta(days=DEFAULT_RETENTION_DAYS)
    """How long a subject's personal data is kept after their last activity; None: forever."""
    aof_rewrite_every: timedelta | None = timedelta(minutes=DEFAULT_AOF_REWRITE_MINUTES)
    """At most one rewrite of Redis's AOF after erasures per this period; None: never."""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ProjectorSettings:
        token = settings.optional_secret(env, "ADMIN_API_TOKEN")
        days = settings.integer(env, "PERSONAL_DATA_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
        minutes = settings.integer(
            env, "AOF_REWRITE_AFTER_ERASURE_MINUTES", DEFAULT_AOF_REWRITE_MINUTES
        )
        return cls(
            admin_token=token,
            retention=timedelta(days=days) if days else None,
            aof_rewrite_every=timedelta(minutes=minutes) if minutes else None,
        )
