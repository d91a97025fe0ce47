"""The gateway's view of the identity map (``services.domain.identities``): each webhook's
event is keyed by the identity of the person it names (``services.ingest.intake``)."""

from __future__ import annotations

from events.redis_client import RedisClient
from services.domain.identities import IdentityMap
from services.ingest.settings import IngestSettings


def identity_map(redis: RedisClient, settings: IngestSettings) -> IdentityMap:
    """The gateway's view of the identity map."""
    return IdentityMap(redis, settings.store.keyspace, settings.chat_key_secret)
