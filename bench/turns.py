"""The conductor's turn alone: how many first-message turns one replica commits per second.

    bench/run turns [--turns N] [--rounds R] [--against DIR] [--profile FILE]

Each round, on a fresh ``redis-server``: N first messages of new chats ("oi", written
longer ago than the burst window, so that no turn waits for a follower) are appended to
the partitions' streams before anything consumes them; then, side by side, reading and
decoding them all (personal fields opened) and nothing else — the ceiling — and one
``wsm conductor`` process, against a ``wsm waha-sim`` with pacing off, taking every turn
(privacy notice, consent request, snapshot, checkpoint). Turns/s runs from the first turn
committed to the last (the conductor group's checkpoints, polled); the outbox's sends
run in the same process meanwhile, and its figure is when every reply was sent. The CPU
the conductor process and Redis spent meanwhile, per turn, is the figure other work on a
shared machine moves least: turns per CPU-second is what one replica would take on a
core of its own.

``--against DIR``: a second source tree (a worktree of another commit) whose conductor
runs in alternate rounds, the messages, the ceiling and the rest from this tree: the
side-by-side figures on a shared machine. ``--profile FILE``: the conductor of this tree
runs under cProfile, its statistics written to FILE (one round) and summed up here.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import pstats
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from redis.asyncio import Redis

from bench.ingest import start
from events import EventLog, Keyspace, MessageReceived, new_envelope
from events.appending import PendingAppend
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from services.conductor.burst import MAX_WINDOW_S
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port

HERE = Path(__file__).resolve().parent.parent
WAVE = 500  # messages per append


def first_message(n: int, sent_at: datetime) -> PendingAppend:
    chat_id = f"55118{n:08d}@c.us"
    said = MessageReceived(message_id=f"false_{chat_id}_B{n}", chat_id=chat_id,
                           sender=chat_id, text="oi", sent_at=sent_at)  # fmt: skip
    return PendingAppend(new_envelope(said, chat=f"bench{n}", session="default"))


async def fill(log: EventLog, turns: int) -> None:
    """``turns`` first messages, written longer ago than any burst window."""
    sent_at = datetime.now(UTC) - timedelta(seconds=MAX_WINDOW_S + 1)
    for first in range(0, turns, WAVE):
        batch = [first_message(n, sent_at) for n in range(first, min(first + WAVE, turns))]
        for result in await log.append_many(batch):
            if isinstance(result, Exception):
                raise result


async def read_and_decode(log: EventLog) -> float:
    """Seconds to read and decode the whole log, personal fields opened."""
    started = time.perf_counter()
    async for _ in log.scan(batch=1000):
        pass
    return time.perf_counter() - started


async def committed(redis: Redis, keyspace: Keyspace, group: str) -> int:
    """Chats the group has applied an entry of (one message each: its turns)."""
    async with redis.pipeline(transaction=False) as pipe:
        for partition in range(keyspace.partitions):
            pipe.hlen(keyspace.checkpoint(partition, group))
        return sum(await pipe.execute())


@dataclass(frozen=True, slots=True)
class Timing:
    turns_s: float  # first turn committed to the last
    replies_s: float  # first turn committed to the last reply sent
    cpu_s: float  # the conductor process's CPU meanwhile (its outbox's sends included)
    redis_cpu_s: float  # Redis's CPU meanwhile


def cpu_of(pid: int) -> float:
    """A process's CPU seconds so far, user and system (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def redis_cpu(redis: Redis) -> float:
    info = await redis.info("cpu")
    return float(info["used_cpu_user"]) + float(info["used_cpu_sys"])


async def watch(redis: Redis, keyspace: Keyspace, turns: int, pid: int, limit_s: float) -> Timing:
    """Poll the checkpoints until every turn is taken and every reply sent."""
    deadline = time.monotonic() + limit_s
    first: tuple[float, float, float] | None = None  # when, the conductor's CPU, Redis's
    done_turns: float | None = None
    while time.monotonic() < deadline:
        now = time.perf_counter()
        taken = await committed(redis, keyspace, "conductor")
        if taken and first is None:
            first = (now, cpu_of(pid), await redis_cpu(redis))
        if taken >= turns and done_turns is None:
            done_turns = now
        if done_turns is not None and await committed(redis, keyspace, "outbox") >= turns:
            assert first is not None
            return Timing(done_turns - first[0], now - first[0], cpu_of(pid) - first[1],
                          await redis_cpu(redis) - first[2])  # fmt: skip
        await asyncio.sleep(0.02)
    raise SystemExit(f"not every turn was taken within {limit_s:.0f} s")


def run_once(
    turns: int, tree: Path, profile: Path | None, log: Path | None = None
) -> tuple[float, Timing]:
    """One round: the ceiling's seconds and the conductor's timing, ``tree``'s code."""
    with tempfile.TemporaryDirectory() as tmp:
        redis_server = RedisServer(Path(tmp) / "redis")
        redis_server.start()
        kek = Path(tmp) / "subject-key-kek"
        kek.write_text(new_kek_text())
        sim_port = free_port()
        env = {**os.environ, "REDIS_URL": redis_server.url, "LOG_LEVEL": "ERROR",
               "CHAT_KEY_SECRET": secrets.token_hex(32), "SUBJECT_KEY_KEK_FILE": str(kek),
               "WAHA_URL": f"http://127.0.0.1:{sim_port}", "PACING": "off",
               "WEBHOOK_HMAC_KEY": secrets.token_hex(32),
               "PYTHONPATH": str(tree)}  # fmt: skip
        processes: list[subprocess.Popen[bytes]] = []

        async def prepare() -> float:
            redis = Redis.from_url(redis_server.url)
            log = EventLog(redis, Keyspace(), keys=KeyRing(KeyEncryptionKey.from_file(kek)))
            await log.ensure_layout()
            await fill(log, turns)
            ceiling = await read_and_decode(log)
            await redis.aclose()
            return ceiling

        async def measure(pid: int) -> Timing:
            redis = Redis.from_url(redis_server.url)
            try:
                return await watch(redis, Keyspace(), turns, pid, limit_s=600)
            finally:
                await redis.aclose()

        try:
            ceiling = asyncio.run(prepare())
            cli = ["-m", "services.cli"]
            processes.append(start([sys.executable, *cli, "waha-sim", "--port", str(sim_port)],
                                   env, sim_port))  # fmt: skip
            profiled = ["-m", "cProfile", "-o", str(profile)] if profile else []
            stderr = log.open("ab") if log else subprocess.DEVNULL
            conductor = subprocess.Popen(
                [sys.executable, *profiled, *cli, "conductor", "--name", "c0"],
                env={**env, "LOG_LEVEL": "WARNING"} if log else env, cwd=tree, stderr=stderr,
            )  # fmt: skip
            processes.append(conductor)
            timing = asyncio.run(measure(conductor.pid))
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
            redis_server.stop()
    return ceiling, timing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another source tree, in alternate rounds")
    parser.add_argument("--profile", type=Path, help="cProfile this tree's conductor to FILE")
    parser.add_argument("--log", type=Path, help="append the conductors' warnings to FILE")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {args.turns} first messages per round\n")  # fmt: skip
    print(
        "| code, round | turns | turns/s | replies sent /s | conductor CPU ms/turn "
        "| turns per CPU-second | Redis CPU ms/turn | read and decode /s | load |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    trees = [HERE] if args.against is None else [args.against.resolve(), HERE]
    for round_ in range(1, args.rounds + 1):
        for tree in trees:
            ceiling, timing = run_once(args.turns, tree, args.profile if tree == HERE else None,
                                     args.log)  # fmt: skip
            name = "this tree" if tree == HERE else tree.name
            print(f"| {name}, {round_} | {args.turns} | {args.turns / timing.turns_s:,.0f} "
                  f"| {args.turns / timing.replies_s:,.0f} "
                  f"| {1000 * timing.cpu_s / args.turns:.2f} | {args.turns / timing.cpu_s:,.0f} "
                  f"| {1000 * timing.redis_cpu_s / args.turns:.3f} | {args.turns / ceiling:,.0f} "
                  f"| {os.getloadavg()[0]:.1f} |", flush=True)  # fmt: skip
    if args.profile:
        print()
        pstats.Stats(str(args.profile)).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
