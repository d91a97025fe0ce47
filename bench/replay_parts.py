"""Where a rebuild's time goes, without a profiler: each part timed alone.

    bench/run replay_parts [--events N] [--rounds K]

Writes N events (default 40,000) as ``bench/run replay`` does, then K times (default 4):
reads and decodes the whole log into memory (the ceiling's work), and runs each part of a
rebuild over those records by itself — each folded model, each model applied to the
in-memory views, turning the final state into commands, writing them — timing each in
CPU time. Prints the fastest of each per event, and the share of the ceiling a rebuild
would reach if nothing overlapped.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

from redis.asyncio import Redis

from bench.replay import on_a_scratch_redis, write_log
from events import EventLog, Keyspace, Record
from events.checkpoint import Command
from events.key_wrapping import KeyEncryptionKey, KeyRing
from services.projector.projections import PROJECTIONS, projection
from services.projector.rebuild import FOLDS, MemoryViews, fewer_collections, type_of
from services.projector.store import ReadModelKeys
from tests.support.projecting import SP


async def parts(log: EventLog, records: dict[int, list[Record]], version: int) -> dict[str, float]:
    """CPU seconds of each part of a rebuild of ``records`` (by partition) into ``version``."""
    keys = ReadModelKeys(log.keyspace, version)
    views = MemoryViews()
    folds = {name: FOLDS[name](keys) for name in PROJECTIONS if name in FOLDS}
    applied = [projection(n, views, keys, SP) for n in PROJECTIONS if n not in FOLDS]
    took: dict[str, float] = {}

    def count(name: str, started: float) -> None:
        took[name] = took.get(name, 0.0) + time.process_time() - started

    for page in records.values():
        for name, fold in folds.items():
            started = time.process_time()
            for record in page:
                fold.fold(record)
            count(name, started)
        for project in applied:
            started = time.process_time()
            for record in page:
                if project.types is None or type_of(record.envelope.event) in project.types:
                    for command in await project.project(record, views):
                        views.apply(command)
            count(project.name, started)
        started = time.process_time()
        commands: list[Command] = views.changes()
        for fold in folds.values():
            commands += fold.changes()
        count("final state into commands", started)
        started = time.process_time()
        async with log.redis.pipeline(transaction=False) as pipe:
            for command in commands:
                pipe.execute_command(*command)
            await pipe.execute()
        count("writes (this process)", started)
        views.forget()
        for fold in folds.values():
            fold.forget()
    return took


async def measure(url: str, kek: Path, args: argparse.Namespace) -> None:
    redis = Redis.from_url(url)
    log = EventLog(redis, Keyspace(), keys=KeyRing(KeyEncryptionKey.from_file(kek)))
    await log.ensure_layout()
    await write_log(log, args.events)
    best: dict[str, float] = {}
    read = 0
    with fewer_collections():
        for version in range(2, 2 + args.rounds):
            started = time.process_time()
            records: dict[int, list[Record]] = {}
            async for record in log.scan(batch=1000):
                records.setdefault(record.partition, []).append(record)
            took = {"read and decode (the ceiling)": time.process_time() - started}
            took |= await parts(log, records, version)
            read = sum(len(page) for page in records.values())
            best = {name: min(best.get(name, took[name]), took[name]) for name in took}
    total = sum(best.values())
    for name, seconds in best.items():
        print(f"{name:32} {seconds * 1e6 / read:5.2f} µs per event  {seconds / total:4.0%}")
    ceiling = best["read and decode (the ceiling)"]
    print(f"a rebuild at {ceiling / total:.0%} of the ceiling if nothing overlapped")
    await redis.aclose()


async def main(args: argparse.Namespace) -> None:
    await on_a_scratch_redis(measure, args)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=4)
    asyncio.run(main(parser.parse_args()))
