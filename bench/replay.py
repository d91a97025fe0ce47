"""Projector benchmark: replay speed over a large log, and lag under steady traffic.

    bench/run replay [--events N] [--backlog B] [--rate R] [--seconds S] [--rounds K]
                     [--against DIR] [--partitions P [P ...]]

1. Writes N events (default 1,000,000) of realistic conversations (20 events each:
   messages, consent, name, replies, tool calls, bookings; personal fields sealed) to a
   fresh embedded Redis.
2. Replay, side by side in one run: reading and decoding the whole log alone (the ceiling),
   then rebuilding all three read models from it in one pass (``wsm replay``'s work); K
   times alternating (default 1), and the fastest of each compared.
3. Live: on a log of its own, a ``wsm projector`` process first works through a backlog
   of B events (default 20,000), then follows while events are appended at R per second
   (default 1,000) for S seconds; the entries not yet applied are sampled every 100 ms.
   With ``--against DIR``, the projector of the checkout DIR runs the same test on a log
   of its own, alternating with this one's, K times; with ``--partitions 16 4``, on logs
   of 16 and of 4 partitions, alternating, K times.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import secrets
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from redis.asyncio import Redis

from bench.ingest import percentile
from events import EventLog, Keyspace, new_envelope
from events.appending import PendingAppend
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from events.keys import DEFAULT_PARTITIONS
from events.lag import group_positions
from services.projector.projections import PROJECTIONS, group_of
from services.projector.rebuild import boundaries, rebuild
from services.projector.store import ReadModelKeys
from services.runtime.embedded_redis import RedisServer
from tests.support.factories import clinic_conversation as conversation
from tests.support.projecting import SP, entries_behind

EVENTS_PER_CHAT = len(conversation(0))


async def write_log(log: EventLog, events: int) -> float:
    """Append ``events`` events, conversations interleaved; seconds it took."""
    started = time.perf_counter()
    chats = events // EVENTS_PER_CHAT
    wave = 500  # chats talking at the same time
    for first in range(0, chats, wave):
        talks = [(f"chat{n}", conversation(n)) for n in range(first, min(first + wave, chats))]
        for step in range(EVENTS_PER_CHAT):
            batch = [
                PendingAppend(new_envelope(said[step], chat=chat, session="default"))
                for chat, said in talks
            ]
            for result in await log.append_many(batch):
                if isinstance(result, Exception):
                    raise result
    return time.perf_counter() - started


async def read_only(log: EventLog) -> int:
    read = 0
    async for _ in log.scan(batch=1000):
        read += 1
    return read


async def replay(log: EventLog, version: int) -> int:
    keys = ReadModelKeys(log.keyspace, version)
    return await rebuild(log, dict.fromkeys(PROJECTIONS, keys), SP, await boundaries(log))


async def lag_under_load(
    redis: Redis,
    url: str,
    kek: Path,
    args: argparse.Namespace,
    prefix: str,
    code: Path | None,
    partitions: int,
) -> None:
    """A live projector on a log of its own, of ``partitions`` partitions: through a
    backlog, then at a steady rate. ``code``: the checkout whose projector runs (its own
    ``.venv``); None for this one."""
    keyspace = Keyspace(prefix=prefix, partitions=partitions)
    log = EventLog(redis, keyspace, keys=KeyRing(KeyEncryptionKey.from_file(kek)))
    await log.ensure_layout()
    await write_log(log, args.backlog)
    env = {
        **os.environ,
        "REDIS_URL": url,
        "KEY_PREFIX": prefix,
        "PARTITIONS": str(partitions),
        "SUBJECT_KEY_KEK_FILE": str(kek),
        "CHAT_KEY_SECRET": secrets.token_hex(32),
    }
    python = sys.executable if code is None else str(code / ".venv" / "bin" / "python")
    projector = await asyncio.create_subprocess_exec(
        *(python, "-m", "services.cli", "--log-level", "WARNING"),
        *("projector", "--name", "bench"),
        env=env,
        cwd=code,
    )
    print(
        f"-- the projector of {code or 'this checkout'}, {partitions} partitions "
        f"(load {os.getloadavg()[0]:.1f})"
    )
    try:
        took = await caught_up_within(redis, log.keyspace, 600, projector)
        print(
            f"live projector through a backlog of {args.backlog} events: {took:.1f} s "
            f"= {args.backlog / took:,.0f} events/s ({len(PROJECTIONS)} projections each)"
        )
        samples: dict[str, list[float]] = {name: [] for name in PROJECTIONS}
        done = asyncio.Event()
        sampler = asyncio.create_task(sample_lag(redis, log.keyspace, samples, done))
        sent = await produce(log, args.rate, args.seconds)
        drained_in = await caught_up_within(redis, log.keyspace, 60, projector)
        done.set()  # not cancelled: a command cut off mid-reply could leave its connection
        await sampler
        summed = [sum(each) for each in zip(*samples.values(), strict=True)]
        print(
            f"lag at {args.rate} events/s for {args.seconds:.0f} s ({sent} events): "
            f"entries behind p50 {percentile(summed, 0.5):.0f}, "
            f"p99 {percentile(summed, 0.99):.0f}, max {max(summed):.0f}; "
            f"caught up {drained_in * 1000:.0f} ms after the last append"
        )
        print(
            "  p50 / p99 per model: "
            + ", ".join(
                f"{name} {percentile(each, 0.5):.0f} / {percentile(each, 0.99):.0f}"
                for name, each in samples.items()
            )
        )
    finally:
        if projector.returncode is None:
            projector.terminate()
            await asyncio.wait_for(projector.wait(), 30)


async def behind(redis: Redis, keyspace: Keyspace) -> int:
    """Entries appended but not yet applied, summed over the projections' groups."""
    return await entries_behind(redis, keyspace, *(group_of(name, 1) for name in PROJECTIONS))


async def sample_lag(
    redis: Redis, keyspace: Keyspace, samples: dict[str, list[float]], done: asyncio.Event
) -> None:
    """Each model's entries behind, every 100 ms (one XINFO GROUPS per partition)."""
    while not done.is_set():
        found = dict.fromkeys(samples, 0)
        for partition in keyspace.all_partitions():
            stream = keyspace.stream(partition)
            positions = {p.group: p.behind for p in await group_positions(redis, stream)}
            for name in samples:
                group = group_of(name, 1)
                found[name] += positions[group] if group in positions else await redis.xlen(stream)
        for name, each in samples.items():
            each.append(found[name])
        await asyncio.sleep(0.1)


async def caught_up_within(
    redis: Redis, keyspace: Keyspace, limit_s: float, projector: asyncio.subprocess.Process
) -> float:
    started = time.perf_counter()
    while await behind(redis, keyspace) > 0:
        if projector.returncode is not None:
            raise SystemExit(f"the projector exited ({projector.returncode})")
        if time.perf_counter() - started > limit_s:
            raise SystemExit("the projector did not catch up")
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


async def produce(log: EventLog, rate: int, seconds: float) -> int:
    """Append at ``rate`` events/s, in 10 ms ticks, new conversations each time."""
    stream = (e for n in range(10**9) for e in ((f"live{n}", x) for x in conversation(n)))
    tick = 0.01
    per_tick = max(1, round(rate * tick))
    sent = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        batch = [next(stream) for _ in range(per_tick)]
        await log.append_many(
            [PendingAppend(new_envelope(e, chat=c, session="default")) for c, e in batch]
        )
        sent += per_tick
        await asyncio.sleep(max(0.0, started + sent / rate - time.perf_counter()))
    return sent


Measure = Callable[[str, Path, argparse.Namespace], Awaitable[None]]


async def on_a_scratch_redis(measure: Measure, args: argparse.Namespace) -> None:
    """Run ``measure`` against a redis-server of its own (no AOF) and a fresh KEK file."""
    with tempfile.TemporaryDirectory() as directory:
        server = RedisServer(Path(directory) / "redis", appendonly=False)
        kek = Path(directory) / "subject-key-kek"
        kek.write_text(new_kek_text())
        server.start()
        try:
            await measure(server.url, kek, args)
        finally:
            server.stop()


async def main(args: argparse.Namespace) -> None:
    await on_a_scratch_redis(measure, args)


async def measure(url: str, kek: Path, args: argparse.Namespace) -> None:
    redis = Redis.from_url(url)
    keyspace = Keyspace()
    # The subject keys wrapped, as every service keeps them.
    log = EventLog(redis, keyspace, keys=KeyRing(KeyEncryptionKey.from_file(kek)))
    await log.ensure_layout()
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, redis-server on loopback"
    )
    written = await write_log(log, args.events)
    print(f"wrote {args.events} events in {written:.1f} s")
    best_scan = best_took = float("inf")
    for version in range(2, 2 + args.rounds):  # each replay builds a version of its own
        started = time.perf_counter()
        read = await read_only(log)
        scan = time.perf_counter() - started
        print(f"read and decode only: {read} events in {scan:.1f} s = {read / scan:,.0f} events/s")
        started = time.perf_counter()
        read = await replay(log, version)
        took = time.perf_counter() - started
        print(f"replay, 3 read models: {read} events in {took:.1f} s = {read / took:,.0f} events/s")
        best_scan, best_took = min(best_scan, scan), min(best_took, took)
    if args.rounds > 1:
        # On a shared machine each figure is slowed by whatever else runs meanwhile: the
        # fastest of each is the least disturbed.
        print(
            f"fastest of {args.rounds}: read and decode {read / best_scan:,.0f} events/s, "
            f"replay {read / best_took:,.0f} events/s = {best_scan / best_took:.0%} of it"
        )
    if args.seconds > 0:
        codes = [None] if args.against is None else [None, args.against]
        alternating = args.against is not None or len(args.partitions) > 1
        for round_ in range(args.rounds if alternating else 1):
            # Alternating: the load moves within minutes.
            for count in args.partitions:
                for n, code in enumerate(codes):
                    prefix = f"live{round_}-{count}-{n}"
                    await lag_under_load(redis, url, kek, args, prefix, code, count)
    await redis.aclose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--backlog", type=int, default=20_000, help="events before the lag test")
    parser.add_argument("--rate", type=int, default=1000, help="events/s for the lag test")
    parser.add_argument("--seconds", type=float, default=30, help="0 skips the lag test")
    parser.add_argument("--rounds", type=int, default=1, help="read-only and replay, alternating")
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (with its .venv): the live part runs its projector too, "
        "alternating with this one's, --rounds times",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        nargs="+",
        default=[DEFAULT_PARTITIONS],
        help="the live part's log partitions; several alternate, --rounds times",
    )
    asyncio.run(main(parser.parse_args()))
