"""``wsm projector``: keep every projection's version in service up to date.

One consumer group per projection and version; when ``wsm replay`` switches a projection
to a new version, the projector follows within a poll interval.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import socket
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.subscription import Subscription, SubscriptionOptions
from services.conductor.clinic import Clinic
from services.projector.service import PROJECTIONS, RedisViews, group_of, projection
from services.projector.store import ReadModelKeys, current_version
from services.runtime.store import StoreSettings

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", default=f"{socket.gethostname()}-{os.getpid()}", help="this replica's name"
    )


class ProjectorService:
    def __init__(
        self,
        redis: Redis,
        keyspace: Keyspace,
        zone: ZoneInfo,
        consumer: str,
        *,
        options: SubscriptionOptions | None = None,
        poll_s: float = 1.0,
    ) -> None:
        self.redis = redis
        self.keyspace = keyspace
        self.zone = zone
        self.consumer = consumer
        self.options = options
        self.poll_s = poll_s
        self._running: dict[str, tuple[int, Subscription, asyncio.Task[None]]] = {}
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        try:
            while not self._stopping.is_set():
                for name in PROJECTIONS:
                    await self._follow(name)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), self.poll_s)
        finally:
            for name in list(self._running):
                await self._retire(name)

    async def _follow(self, name: str) -> None:
        version = await current_version(self.redis, self.keyspace, name)
        running = self._running.get(name)
        if running is not None and running[0] == version:
            return
        if running is not None:
            log.info("projection %s: moving to version %d", name, version)
            await self._retire(name)
        keys = ReadModelKeys(self.keyspace, version)
        subscription = Subscription(
            self.redis,
            self.keyspace,
            group=group_of(name, version),
            consumer=self.consumer,
            handler=projection(name, RedisViews(self.redis), keys, self.zone),
            options=self.options,
        )
        self._running[name] = (version, subscription, asyncio.create_task(subscription.run()))

    async def _retire(self, name: str) -> None:
        _, subscription, task = self._running.pop(name)
        subscription.stop()
        await task


async def serve(store: StoreSettings, clinic: Clinic, name: str) -> None:
    async with store.connected() as redis:
        await EventLog(redis, store.keyspace).ensure_layout()
        service = ProjectorService(redis, store.keyspace, clinic.zone, name)
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, service.stop)
        await service.run()


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    asyncio.run(serve(StoreSettings.from_env(env), Clinic.from_env(env), args.name))
    return 0
