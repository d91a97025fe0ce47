"""End-to-end benchmark: webhook in -> conductor (offline brain) -> reply at WAHA.

    bench/run conversation [--rate R ...] [--seconds S] [--conductors N ...]

Scaling: ``--rate 3000 --conductors 1 2 3 4`` offers more than the replicas take and
reports each count's efficiency, its throughput over that many times one replica's
(run it where there are cores for the replicas, the gateway, the simulator and Redis).

Every message is the first of a new chat ("oi"), so each one is a full turn: ingest
appends it, a conductor decides (privacy notice, consent request recorded, snapshot,
checkpoint), the outbox marks it read, shows typing and sends the reply to the WAHA
simulator, which stamps its arrival. Latency runs from the webhook's scheduled send time
to that arrival. Everything runs as separate processes, as in production.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from redis.asyncio import Redis

from bench import open_loop
from bench.ingest import CHAT_KEY_SECRET, KEY, percentile, start
from events import Keyspace
from events.key_wrapping import new_kek_text
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from services.waha.signature import sign
from tests.support.waha import encode, text_message


def chat_of(n: int) -> str:
    return f"55118{n:08d}@c.us"


async def replies(sim: str, count: int, deadline_s: float) -> dict[str, float]:
    """When each chat's first reply reached the simulator."""
    arrived: dict[str, float] = {}
    deadline = time.monotonic() + deadline_s
    async with aiohttp.ClientSession() as http:
        while len(arrived) < count and time.monotonic() < deadline:
            for n in range(count):
                chat = chat_of(n)
                if chat in arrived:
                    continue
                async with http.get(f"{sim}/api/default/chats/{chat}/messages") as response:
                    sent = [m for m in await response.json() if m["fromMe"]]
                if sent:
                    arrived[chat] = sent[0]["received_at"]
            await asyncio.sleep(0.2)
    return arrived


async def partitions_shared(url: str, conductors: int) -> None:
    """Wait until both groups' partitions are leased and split among the replicas."""
    client = Redis.from_url(url)
    try:
        for _ in range(300):
            owners = set()
            leases = 0
            for group in ("conductor", "outbox"):
                for partition in range(16):
                    lease = await client.get(Keyspace().lease(partition, group))
                    if lease:
                        leases += 1
                        owners.add(lease.split(b"|")[0])
            if leases == 32 and len(owners) == conductors:
                await asyncio.sleep(1.0)  # let a settled rebalance finish its drains
                return
            await asyncio.sleep(0.1)
        raise RuntimeError("the conductors did not share the partitions")
    finally:
        await client.aclose()


Inspect = Callable[[str, str], Awaitable[None]]
"""Called with Redis's URL and the phase ("before" the webhooks, "after" the replies)."""


def run_once(
    rate: float, seconds: int, conductors: int, inspect: Inspect | None = None,
    projector: bool = False,
) -> dict[str, float]:  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        redis = RedisServer(Path(tmp) / "redis")
        redis.start()
        ingest_port, sim_port = free_port(), free_port()
        kek = Path(tmp) / "subject-key-kek"  # every service refuses to start without one
        kek.write_text(new_kek_text())
        sim = f"http://127.0.0.1:{sim_port}"
        # Unpaced: the benchmark measures the product's speed, not the pacing's waits.
        env = {**os.environ, "REDIS_URL": redis.url, "WEBHOOK_HMAC_KEY": KEY.decode(),
               "CHAT_KEY_SECRET": CHAT_KEY_SECRET, "LOG_LEVEL": "ERROR",
               "WAHA_URL": sim, "PACING": "off", "SUBJECT_KEY_KEK_FILE": str(kek)}  # fmt: skip
        cli = [sys.executable, "-m", "services.cli"]
        processes: list[subprocess.Popen[bytes]] = []
        try:
            processes.append(start([*cli, "ingest", "--port", str(ingest_port)], env,
                                   ingest_port))  # fmt: skip
            processes.append(start([*cli, "waha-sim", "--port", str(sim_port), "--webhook-url",
                                    f"http://127.0.0.1:{ingest_port}/webhooks/waha"], env,
                                   sim_port))  # fmt: skip
            processes += [
                subprocess.Popen([*cli, "conductor", "--name", f"c{n}"], env=env,
                                 stderr=subprocess.DEVNULL)
                for n in range(conductors)
            ]  # fmt: skip
            if projector:  # the read models too, for what a conversation leaves in Redis
                processes.append(subprocess.Popen([*cli, "projector", "--name", "p0"], env=env,
                                                  stderr=subprocess.DEVNULL))  # fmt: skip
            asyncio.run(partitions_shared(redis.url, conductors))
            if inspect is not None:
                asyncio.run(inspect(redis.url, "before"))
            count = int(rate * seconds)
            requests = []
            for n in range(count):
                body = encode(text_message(f"B{n}", chat=chat_of(n), body="oi",
                                           timestamp=int(time.time())))  # fmt: skip
                headers = {"Content-Type": "application/json", "X-Webhook-Hmac": sign(body, KEY)}
                requests.append(open_loop.http_post("127.0.0.1", ingest_port, "/webhooks/waha",
                                                    headers, body))  # fmt: skip
            sent_at: list[float] = []
            _, errors = asyncio.run(
                open_loop.run("127.0.0.1", ingest_port, requests, rate, sent_at=sent_at)
            )
            arrived = asyncio.run(replies(sim, count, deadline_s=60))
            if inspect is not None:
                asyncio.run(inspect(redis.url, "after"))
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=20)
            redis.stop()
    latencies = [(arrived[chat_of(n)] - sent_at[n]) * 1000 for n in range(count)
                 if chat_of(n) in arrived]  # fmt: skip
    span = max(arrived.values()) - min(sent_at) if arrived else 1.0
    return {
        "sent": count, "replied": len(latencies), "ingest_errors": errors,
        "throughput": len(latencies) / span,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p99": percentile(latencies, 0.99) if latencies else float("nan"),
        "max": max(latencies, default=float("nan")),
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, nargs="+", default=[500.0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--conductors", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {args.seconds}s per run\n")  # fmt: skip
    print("| conductors | offered msg/s | replied | msg/s (webhook -> WAHA) | p50 ms | p99 ms "
          "| max ms | efficiency | load |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for rate in args.rate:
        single: float | None = None
        for conductors in args.conductors:
            r = run_once(rate, args.seconds, conductors)
            if conductors == 1:
                single = r["throughput"]
            # Scaling efficiency at an offered rate above what the replicas take: the
            # throughput of N replicas over N times one replica's (1.0: linear).
            efficiency = f"{r['throughput'] / (conductors * single):.2f}" if single else "-"
            print(f"| {conductors} | {rate:.0f} | {r['replied']}/{r['sent']} "
                  f"| {r['throughput']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['max']:.1f} "
                  f"| {efficiency} | {os.getloadavg()[0]:.1f} |", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
