"""``wsm projector``: keep the read models up to date, until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
from collections.abc import Mapping

from events import EventLog
from events.subscription import Subscription
from services.conductor.clinic import Clinic
from services.projector.service import GROUP, Projector
from services.projector.store import ReadModelKeys
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name", default=f"{socket.gethostname()}-{os.getpid()}", help="this replica's name"
    )


async def serve(store: StoreSettings, clinic: Clinic, name: str) -> None:
    redis = store.connect()
    await EventLog(redis, store.keyspace).ensure_layout()
    projector = Projector(redis, ReadModelKeys(store.keyspace), clinic.zone)
    subscription = Subscription(redis, store.keyspace, group=GROUP, consumer=name,
                                handler=projector)  # fmt: skip
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, subscription.stop)
    try:
        await subscription.run()
    finally:
        await redis.aclose()


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    asyncio.run(serve(StoreSettings.from_env(env), Clinic.from_env(env), args.name))
    return 0
