"""The Redis connection and the log settings every service shares."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from redis.asyncio.connection import parse_url

from events import EventLog, Keyspace
from events.archive import Archive
from events.infrastructure import is_infrastructure_failure
from events.key_wrapping import KeyRing
from events.keys import DEFAULT_PARTITIONS
from events.redis_client import RedisClient
from events.replication import MAX_TIMEOUT_MS, ReplicaWait
from services.runtime import settings
from services.runtime.redis_cluster import cluster_client, is_cluster_url, parse_cluster_url
from services.runtime.redis_connection import RedisTls, ServicesRedis, blocking_pool

log = logging.getLogger(__name__)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
DEFAULT_CONNECTIONS = 256
DEFAULT_DAYS_IN_REDIS = 30
DEFAULT_WAIT_TIMEOUT_MS = 1000


def redis_url(env: Mapping[str, str]) -> str:
    """REDIS_URL, checked as the client will read it; never echoed, as it may hold a
    password."""
    url = settings.text(env, "REDIS_URL", DEFAULT_REDIS_URL)
    try:
        parts = parse_cluster_url(url).options if is_cluster_url(url) else parse_url(url)
    except ValueError as exc:
        raise settings.SettingsError(f"REDIS_URL is not a Redis URL: {exc}") from None
    if parts.get("password"):
        settings.check_secret("REDIS_URL's password", str(parts["password"]))
    return url


def replica_wait(env: Mapping[str, str]) -> ReplicaWait | None:
    """REDIS_WAIT_REPLICAS and REDIS_WAIT_TIMEOUT_MS; None when no replica is waited for."""
    replicas = settings.integer(env, "REDIS_WAIT_REPLICAS", 0, minimum=0)
    timeout_ms = settings.integer(
        env, "REDIS_WAIT_TIMEOUT_MS", DEFAULT_WAIT_TIMEOUT_MS, minimum=1, maximum=MAX_TIMEOUT_MS
    )
    return ReplicaWait(replicas, timeout_ms) if replicas else None


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """Where the log lives and how it is laid out."""

    redis_url: str = DEFAULT_REDIS_URL
    key_prefix: str = "wsm"
    partitions: int = DEFAULT_PARTITIONS
    connections: int = DEFAULT_CONNECTIONS
    archive_dir: Path | None = None
    """Where entries moved out of Redis are kept; None: the whole log stays in Redis."""
    in_redis: timedelta = timedelta(days=DEFAULT_DAYS_IN_REDIS)
    """How long an entry stays in Redis before it is archived (given an archive)."""
    tls: RedisTls | None = None
    """TLS to Redis, for a ``rediss://`` URL."""
    keys: KeyRing | None = None
    """The key-encryption keys of the subject keys (always given from the environment)."""
    replica_wait: ReplicaWait | None = None
    """How many replicas must hold a write before what rests on it happens (a webhook
    acknowledged, a reply sent); None: the primary's word is enough."""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> StoreSettings:
        archive_dir = settings.text(env, "EVENT_ARCHIVE_DIR", "")
        if archive_dir and Path(archive_dir).exists() and not Path(archive_dir).is_dir():
            raise settings.SettingsError(f"EVENT_ARCHIVE_DIR must be a directory: {archive_dir}")
        days_in_redis = settings.integer(
            env, "EVENTS_IN_REDIS_DAYS", DEFAULT_DAYS_IN_REDIS, minimum=1
        )
        url = redis_url(env)
        return cls(
            redis_url=url,
            tls=RedisTls.from_env(env, url),
            key_prefix=settings.text(env, "KEY_PREFIX", "wsm"),
            partitions=settings.integer(env, "PARTITIONS", DEFAULT_PARTITIONS, minimum=1),
            connections=settings.integer(
                env, "REDIS_MAX_CONNECTIONS", DEFAULT_CONNECTIONS, minimum=8
            ),
            archive_dir=Path(archive_dir) if archive_dir else None,
            in_redis=timedelta(days=days_in_redis),
            keys=settings.key_encryption_keys(env),
            replica_wait=replica_wait(env),
        )

    @property
    def archive(self) -> Archive | None:
        return Archive(self.archive_dir) if self.archive_dir is not None else None

    def event_log(
        self, redis: RedisClient, replica_wait: ReplicaWait | None = None, **options: int
    ) -> EventLog:
        """The log on ``redis``, reading archived entries where they are kept."""
        return EventLog(
            redis, self.keyspace, archive=self.archive, keys=self.keys,
            replica_wait=replica_wait, **options,
        )  # fmt: skip

    @property
    def keyspace(self) -> Keyspace:
        try:
            return Keyspace(
                prefix=self.key_prefix,
                partitions=self.partitions,
                # On a cluster, tags that spread the partitions evenly over the shards.
                spread=is_cluster_url(self.redis_url),
            )
        except ValueError as exc:
            raise settings.SettingsError(str(exc)) from None

    @contextlib.asynccontextmanager
    async def connected(self) -> AsyncIterator[RedisClient]:
        """A client for the length of a command, closed after it."""
        redis = self.connect()
        try:
            yield redis
        finally:
            await redis.aclose()

    def connect(self) -> RedisClient:
        """A client that fails fast, so a dead Redis becomes an error, not a hang.

        Its pool is bounded and *waits* for a free connection: a burst of concurrent
        handlers queues for a moment instead of failing with "too many connections"; its
        connections never lose a cancellation (``redis_connection``). A
        ``redis+cluster://`` URL gives the cluster client, with the same guarantees
        (``redis_cluster``).
        """
        options = dict(
            max_connections=self.connections,
            timeout=10,
            socket_timeout=5,
            socket_connect_timeout=2,
            health_check_interval=30,
            **(self.tls.options() if self.tls else {}),
        )
        if is_cluster_url(self.redis_url):
            return cluster_client(self.redis_url, **options)
        return ServicesRedis.from_pool(blocking_pool(self.redis_url, **options))


async def wait_for_layout(
    event_log: EventLog, stopping: asyncio.Event, retry_s: float = 1.0
) -> bool:
    """Check the log's layout, waiting while Redis cannot be reached: a service started
    before Redis, or while it restarts, comes up with it instead of exiting (and being
    restarted with ever longer back-offs). A layout that does not match still stops it.
    False if ``stopping`` was set meanwhile."""
    while not stopping.is_set():
        try:
            await event_log.ensure_layout()
            return True
        except Exception as exc:
            if not is_infrastructure_failure(exc):
                raise
            log.warning("Redis cannot be reached (%s); waiting for it", exc)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(retry_s):
                    await stopping.wait()
    return False
