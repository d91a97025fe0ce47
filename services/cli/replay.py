"""``wsm replay [--projection NAME] [--grace S]``: rebuild read models from the log into
their next version while the current one serves, then switch to them
(``services.projector.replay`` says how); progress on stderr, figures on stdout."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Mapping
from typing import TextIO

from events import EventLog
from events.redis_client import RedisClient
from services.domain.clinic import Clinic
from services.projector.projections import PROJECTIONS
from services.projector.replay import replay_projections
from services.runtime.cli_types import seconds
from services.runtime.progress import Progress
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--projection", choices=PROJECTIONS, help="only this one (default: all)")
    parser.add_argument(
        "--grace", type=seconds, default=5.0,
        help="seconds the old version stays after the switch (default: 5)",
    )  # fmt: skip


async def entries_in_redis(redis: RedisClient, log: EventLog) -> int:
    """How many entries a replay reads when the whole log is in Redis."""
    return sum([await redis.xlen(log.keyspace.stream(p)) for p in log.keyspace.all_partitions()])


async def replay(
    args: argparse.Namespace, env: Mapping[str, str], out: TextIO, progress_out: TextIO
) -> int:
    store = StoreSettings.from_env(env)
    zone = Clinic.from_env(env).zone
    names = [args.projection] if args.projection else list(PROJECTIONS)
    async with store.connected() as redis:
        log = store.event_log(redis)
        await log.ensure_layout()
        started = time.perf_counter()
        total = None if store.archive is not None else await entries_in_redis(redis, log)
        progress = Progress("replay", total, progress_out)
        try:
            switched, read = await replay_projections(
                redis, log, zone, names, args.grace, progress.reached
            )
        finally:
            progress.close()
        elapsed = time.perf_counter() - started - args.grace
    for r in switched:
        out.write(f"{r.name}: rebuilt version {r.new}; version {r.old} removed\n")
    out.write(f"{read} entries read in {elapsed:.1f} s\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(replay(args, env, sys.stdout, sys.stderr))
