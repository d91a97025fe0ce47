"""``wsm projector``: keep every projection's version in service up to date, serve the
admin API, shred personal data past its retention period, and move old events out of
Redis into the archive when one is configured.

One consumer group per projection and version; when ``wsm replay`` switches a projection
to a new version, the projector follows within a poll interval.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import logging
import os
import socket
from collections.abc import AsyncIterator, Mapping
from zoneinfo import ZoneInfo

from prometheus_client import CollectorRegistry

from events import EventLog, Keyspace
from events.archiving import Archiver
from events.consumer import SubscriptionOptions
from events.infrastructure import is_infrastructure_failure
from events.key_wrapping import KeyRing
from events.metrics import ConsumerMetrics
from events.redis_client import RedisClient
from events.subscription import Subscription
from services.actions.aof_rewrite import keep_rewriting
from services.domain.chats import chat_key_secret
from services.domain.clinic import Clinic
from services.domain.name_index import index_key
from services.projector.admin_api import create_admin_app
from services.projector.health_report import HealthMetrics, keep_showing
from services.projector.name_index import following
from services.projector.projections import PROJECTIONS, group_of, projection
from services.projector.retention import keep_sweeping
from services.projector.runs import RunProjection
from services.projector.settings import ProjectorSettings
from services.projector.store import ReadModelKeys, ReadModels, current_version
from services.projector.versions import drop_version
from services.projector.view_store import RedisViews
from services.runtime.cli_types import port
from services.runtime.lifecycle import run_service
from services.runtime.metrics_server import add_metrics_arguments, serving, serving_metrics
from services.runtime.store import StoreSettings, wait_for_layout

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", default=f"{socket.gethostname()}-{os.getpid()}", help="this replica's name"
    )
    parser.add_argument("--admin-host", default="127.0.0.1", help="admin API address")
    parser.add_argument("--admin-port", type=port, default=8090, help="admin API port")
    add_metrics_arguments(parser)


READING = SubscriptionOptions(batch=500, wanted_only=True, max_concurrent_runs=8)
"""Up to 500 entries of a partition per read, each read handled as one run: behind, the
round trips per entry shrink with the run (in-process through a 20,000-event backlog, side
by side: 500 at a time took it 1.4 to 1.7 times faster than 100). The models of a few
event types (and the name index) read only those: the rest is acknowledged in Redis.
Eight runs of a model at once: a run holds its slot through three round trips, so with
two the other partitions' runs queued behind network waits (at 5,000 events/s, 1.2 to 1.7
times as many entries behind); more would lengthen the stretch a lease renewal can wait
through on a loaded machine (docs/benchmarks.md)."""


class ProjectorService:
    def __init__(
        self,
        redis: RedisClient,
        keyspace: Keyspace,
        zone: ZoneInfo,
        consumer: str,
        *,
        options: SubscriptionOptions | None = None,
        poll_s: float = 1.0,
        metrics: ConsumerMetrics | None = None,
        keys: KeyRing | None = None,
        name_index_key: bytes | None = None,
    ) -> None:
        self.metrics = metrics
        self.name_index_key = name_index_key  # None: the name index is kept elsewhere
        self.keys = keys
        self.redis = redis
        self.keyspace = keyspace
        self.zone = zone
        self.consumer = consumer
        self.options = options or READING
        self.poll_s = poll_s
        self._running: dict[str, tuple[int, Subscription, asyncio.Task[None]]] = {}
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        names = self._names()
        try:
            while not self._stopping.is_set():
                try:
                    for name in PROJECTIONS:
                        await self._follow(name)
                except Exception as exc:
                    if not is_infrastructure_failure(exc):
                        raise
                    # Redis away: the subscriptions wait it out themselves; so does this.
                    log.warning("reading the projections' versions failed (%s); retrying", exc)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), self.poll_s)
        finally:
            for name in list(self._running):
                await self._retire(name)
            if names is not None:
                names[0].stop()
                await names[1]

    def _names(self) -> tuple[Subscription, asyncio.Task[None]] | None:
        """The name index's subscription, running (``services.projector.name_index``)."""
        if self.name_index_key is None:
            return None
        subscription = following(
            self.redis, self.keyspace, self.consumer, self.name_index_key,
            options=self.options, metrics=self.metrics, keys=self.keys,
        )  # fmt: skip
        return subscription, asyncio.create_task(subscription.run())

    async def _follow(self, name: str) -> None:
        version = await current_version(self.redis, self.keyspace, name)
        running = self._running.get(name)
        if running is not None and running[0] == version:
            return
        if running is not None:
            log.info("projection %s: moving to version %d", name, version)
            await self._retire(name)
            # The replay dropped the old version after its grace; a projector that moved
            # over later may have written some of it again since (personal data among it).
            await drop_version(self.redis, self.keyspace, name, running[0])
        keys = ReadModelKeys(self.keyspace, version)
        project = projection(name, RedisViews(self.redis), keys, self.zone)
        subscription = Subscription(
            self.redis,
            self.keyspace,
            group=group_of(name, version),
            consumer=self.consumer,
            handler=project,
            # Entries of other types cannot change the model: acknowledged unread.
            types=project.types,
            options=self.options,
            metrics=self.metrics,
            keys=self.keys,
            runs=RunProjection(project, self.redis),
        )
        self._running[name] = (version, subscription, asyncio.create_task(subscription.run()))

    async def _retire(self, name: str) -> None:
        _, subscription, task = self._running.pop(name)
        subscription.stop()
        await task


@contextlib.asynccontextmanager
async def admin_api(
    log_: EventLog, token: str | None, secret: bytes, host: str, port_: int
) -> AsyncIterator[None]:
    """The admin API, served while the block runs; not at all without a token."""
    if token is None:
        log.warning("ADMIN_API_TOKEN is not set: the admin API is off")
        yield
        return
    async with serving(create_admin_app(log_, token=token, chat_key_secret=secret), host, port_):
        log.info("admin API on http://%s:%d/v1/openapi.json", host, port_)
        yield


async def serve(args: argparse.Namespace, env: Mapping[str, str], stopping: asyncio.Event) -> None:
    """Project until ``stopping`` is set, then finish what is in hand and leave."""
    store, zone = StoreSettings.from_env(env), Clinic.from_env(env).zone
    own = ProjectorSettings.from_env(env)
    secret = chat_key_secret(env)
    async with store.connected() as redis:
        # REDIS_WAIT_REPLICAS: an erasure or correction is acknowledged once replicas hold it.
        event_log = store.event_log(redis, replica_wait=store.replica_wait)
        if not await wait_for_layout(event_log, stopping):
            return
        registry = CollectorRegistry()
        consumers = ConsumerMetrics(registry)
        service = ProjectorService(
            redis,
            store.keyspace,
            zone,
            args.name,
            options=dataclasses.replace(READING, replica_wait=store.replica_wait),
            metrics=consumers,
            keys=store.keys,
            name_index_key=index_key(secret),
        )

        async def stop_when_asked() -> None:
            await stopping.wait()
            service.stop()

        api = admin_api(event_log, own.admin_token, secret, args.admin_host, args.admin_port)
        metrics = serving_metrics(registry, args.metrics_host, args.metrics_port)
        async with api, metrics, asyncio.TaskGroup() as tasks:
            tasks.create_task(service.run())
            tasks.create_task(stop_when_asked())
            sampling = consumers.keep_sampling(redis, store.keyspace, ("projector.",), stopping)
            tasks.create_task(sampling)
            health = HealthMetrics(registry)
            tasks.create_task(keep_showing(redis, store.keyspace, health, stopping))
            if own.aof_rewrite_every is not None:
                every_s = int(own.aof_rewrite_every.total_seconds())
                tasks.create_task(keep_rewriting(redis, store.keyspace, every_s, stopping))
            if own.retention is not None:
                models = ReadModels(redis, store.keyspace, event_log.subject_keys)
                tasks.create_task(keep_sweeping(event_log, models, own.retention, stopping))
            if store.archive is not None:
                archiver = Archiver(redis, store.keyspace, store.archive)
                keep_ms = int(store.in_redis.total_seconds() * 1000)
                tasks.create_task(archiver.keep_archiving(keep_ms, stopping))


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    run_service(lambda stopping: serve(args, env, stopping))
    return 0
