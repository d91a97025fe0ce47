"""Sustained load on the gateway behind NGINX, with memory measured as it runs.

    bench/run load [--rate R] [--seconds S] [--warmup W] [--growth-mb M]

NGINX with the shipped configuration (its rate limit set above the offered rate) in front
of a ``wsm ingest`` process and an embedded Redis; signed webhooks, each a new message, at
R per second (open loop) for W seconds of warm-up, then S seconds measured. Every 10 s it
samples the resident memory of the gateway and of NGINX, and Redis's memory with what it
holds. Exits 1 if the gateway's memory grew by more than M MB between the end of the
warm-up and the end, or if any request failed: memory that grows with the count of
requests served is a leak, whatever the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from redis.asyncio import Redis

from bench import open_loop
from bench.ingest import gateway_env, start, write_bodies
from events import Keyspace
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.support import edge

SAMPLE_S = 10


@dataclass(frozen=True, slots=True)
class Sample:
    at_s: int
    gateway_mb: float
    nginx_mb: float
    redis_mb: float
    events: int
    dedup_keys: int


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (NGINX's worker), in MB."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    total_kb = 0
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total_kb += int(line.split()[1])
    return total_kb / 1024


async def sample(at_s: int, redis: Redis, gateway: int, nginx: int) -> Sample:
    keyspace = Keyspace()
    events = sum([await redis.xlen(keyspace.stream(p)) for p in keyspace.all_partitions()])
    memory = cast(dict[str, int], await redis.info("memory"))["used_memory"]
    keys = cast(int, await redis.dbsize())
    return Sample(at_s, rss_mb(gateway), rss_mb(nginx), memory / 2**20, events, keys)


def requests(signed: list[tuple[str, bytes]], port: int) -> list[bytes]:
    headers = {"Content-Type": "application/json", "X-Webhook-Hmac-Algorithm": "sha512"}
    return [
        open_loop.http_post("127.0.0.1", port, "/webhooks/waha",
                            {**headers, "X-Webhook-Hmac": signature}, body)
        for signature, body in signed
    ]  # fmt: skip


async def drive(args: argparse.Namespace, redis_url: str, pids: tuple[int, int], port: int,
                bodies: list[tuple[str, bytes]]) -> tuple[list[Sample], int]:  # fmt: skip
    """Send everything in chunks of SAMPLE_S seconds, sampling after each; the failures."""
    per_chunk = int(args.rate * SAMPLE_S)
    async with Redis.from_url(redis_url) as redis:
        samples, failures = [await sample(0, redis, *pids)], 0
        for n, start_at in enumerate(range(0, len(bodies), per_chunk), start=1):
            chunk = requests(bodies[start_at : start_at + per_chunk], port)
            _, errors = await open_loop.run("127.0.0.1", port, chunk, args.rate)
            failures += errors
            samples.append(await sample(n * SAMPLE_S, redis, *pids))
    return samples, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=800, help="webhooks per second")
    parser.add_argument("--seconds", type=int, default=120, help="measured, after the warm-up")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--growth-mb", type=float, default=16.0, help="allowed gateway growth")
    args = parser.parse_args()
    if args.rate <= 0 or args.seconds < SAMPLE_S or args.warmup < SAMPLE_S:
        parser.error(f"--rate must be positive, --seconds and --warmup at least {SAMPLE_S}")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        redis_server = RedisServer(directory / "redis")
        redis_server.start()
        env = gateway_env(directory, redis_server.url)
        gateway_port, edge_port = free_port(), free_port()
        gateway = start([sys.executable, "-m", "services.cli", "ingest", "--port",
                         str(gateway_port)], env, gateway_port)  # fmt: skip
        config = edge.configure(directory, edge_port, f"http://127.0.0.1:{gateway_port}",
                                rate=args.rate * 4, burst=args.rate * 4)  # fmt: skip
        nginx = edge.start(directory, config)
        total = args.rate * (args.warmup + args.seconds)
        bodies = write_bodies(directory / "bodies", total, "load-")
        try:
            samples, failures = asyncio.run(
                drive(args, redis_server.url, (gateway.pid, nginx.pid), edge_port, bodies)
            )
        finally:
            for process in (nginx, gateway):
                process.terminate()
                process.wait(10)
            redis_server.stop()
    return report(args, samples, failures)


def report(args: argparse.Namespace, samples: list[Sample], failures: int) -> int:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    print(f"{args.rate} webhooks/s through NGINX for {args.warmup} s of warm-up "
          f"+ {args.seconds} s measured; failed requests: {failures}\n")  # fmt: skip
    print("| s | gateway RSS MB | NGINX RSS MB | Redis used MB | events | Redis keys |")
    print("|---|---|---|---|---|---|")
    for s in samples:
        print(f"| {s.at_s} | {s.gateway_mb:.1f} | {s.nginx_mb:.1f} | {s.redis_mb:.1f} "
              f"| {s.events} | {s.dedup_keys} |")  # fmt: skip
    warm = next(s for s in samples if s.at_s >= args.warmup)
    end = samples[-1]
    growth = end.gateway_mb - warm.gateway_mb
    per_event = (end.redis_mb - warm.redis_mb) * 2**20 / max(1, end.events - warm.events)
    print(f"\ngateway memory after warm-up {warm.gateway_mb:.1f} MB, at the end "
          f"{end.gateway_mb:.1f} MB: {growth:+.1f} MB (allowed {args.growth_mb:+.1f})")  # fmt: skip
    print(f"Redis: {per_event:.0f} bytes per accepted webhook (its event and its dedup key)")
    return 0 if growth <= args.growth_mb and failures == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
