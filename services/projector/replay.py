"""``wsm replay [--projection NAME]``: rebuild a read model from the log, switch to it.

For each projection: note where every partition's log ends now (the boundary), start the
next version's consumer group at that boundary, rebuild the next version from the first
entry up to it while the current version keeps serving, then switch the version pointer
in one SET. Running projectors follow the pointer and continue the new version from the
boundary, so nothing is applied twice or skipped. After a grace period the old version's
keys and consumer group are removed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Mapping
from typing import TextIO

from redis.asyncio import Redis
from redis.exceptions import ResponseError

from events import EventLog
from services.conductor.clinic import Clinic
from services.projector.rebuild import boundaries, rebuild
from services.projector.service import PROJECTIONS, group_of, projection
from services.projector.store import ReadModelKeys, current_version, version_key
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--projection", choices=PROJECTIONS, help="only this one (default: all)")
    parser.add_argument("--grace", type=float, default=5.0,
                        help="seconds the old version stays after the switch")  # fmt: skip


async def _drop(redis: Redis, log: EventLog, name: str, keys: ReadModelKeys) -> int:
    """Remove a version's keys and consumer group."""
    dropped = 0
    async for key in redis.scan_iter(match=keys.pattern(name), count=1000):
        dropped += await redis.unlink(key)
    for partition in log.keyspace.all_partitions():
        with contextlib.suppress(ResponseError):  # no such stream yet
            await redis.xgroup_destroy(log.keyspace.stream(partition), group_of(name, keys.version))
    return dropped


async def replay_projection(
    redis: Redis, log: EventLog, clinic: Clinic, name: str, grace_s: float
) -> tuple[int, int, int]:
    """Rebuild ``name`` into its next version and switch to it: (old, new, entries read)."""
    old = await current_version(redis, log.keyspace, name)
    new_keys = ReadModelKeys(log.keyspace, old + 1)
    await _drop(redis, log, name, new_keys)  # leftovers of an interrupted replay
    until = await boundaries(log)
    for partition, last in until.items():
        await redis.xgroup_create(
            log.keyspace.stream(partition), group_of(name, old + 1), id=last, mkstream=True
        )
    read = await rebuild(redis, log, projection(name, redis, new_keys, clinic.zone), until)
    await redis.set(version_key(log.keyspace, name), old + 1)
    await asyncio.sleep(grace_s)  # projectors move over; readers finish with the old one
    await _drop(redis, log, name, ReadModelKeys(log.keyspace, old))
    return old, old + 1, read


async def replay(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    clinic = Clinic.from_env(env)
    async with store.connected() as redis:
        log = EventLog(redis, store.keyspace)
        await log.ensure_layout()
        for name in [args.projection] if args.projection else PROJECTIONS:
            old, new, read = await replay_projection(redis, log, clinic, name, args.grace)
            out.write(f"{name}: rebuilt version {new} from {read} entries; version {old} removed\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(replay(args, env, sys.stdout))
