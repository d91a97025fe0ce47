"""What waiting for a replica costs a consumer's commit on a local Redis Cluster.

    .venv/bin/python -m bench.commit_wait [--commits N]

A local six-node cluster (three primaries, three replicas, this machine's cores); the
same commit (a checkpoint, an XACK and one effect, as a conductor turn's) one after
another, without and with ``REDIS_WAIT_REPLICAS=1``, rounds alternating. A reply costs
three such waits: the turn's commit, the outbox's sending mark and its outcome's commit.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from events.checkpoint import Checkpoints
from events.redis_client import RedisClient
from events.replication import ReplicaWait
from services.runtime.store import StoreSettings
from tests.support.redis_cluster import LocalCluster


async def commits(
    redis: RedisClient, wait: ReplicaWait | None, count: int, tag: str
) -> list[float]:
    """Each commit's milliseconds, spread over the partitions."""
    keyspace = StoreSettings(redis_url="redis+cluster://127.0.0.1:1").keyspace
    checkpoints = Checkpoints(redis, keyspace, "bench", wait)
    for partition in keyspace.all_partitions():
        await redis.set(keyspace.fence(partition, "bench"), 1)
    taken = []
    for n in range(count):
        partition = n % keyspace.partitions
        started = time.perf_counter()
        await checkpoints.commit(
            partition=partition, token=1, chat=f"{tag}{n}", entry_id=f"{n + 1}-0",
            effects=[("SET", keyspace.in_partition(partition, "bench", tag), str(n))],
        )  # fmt: skip
        taken.append((time.perf_counter() - started) * 1000)
    return taken


async def measure(url: str, count: int, rounds: int) -> dict[str, list[float]]:
    redis = StoreSettings(redis_url=url).connect()
    found: dict[str, list[float]] = {"no wait": [], "REDIS_WAIT_REPLICAS=1": []}
    try:
        for round_ in range(rounds):
            found["no wait"] += await commits(redis, None, count, f"a{round_}-")
            found["REDIS_WAIT_REPLICAS=1"] += await commits(
                redis, ReplicaWait(1, 1000), count, f"b{round_}-"
            )
    finally:
        await redis.aclose()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cluster = LocalCluster(Path(tmp))
        cluster.start()
        try:
            found = asyncio.run(measure(cluster.url, args.commits, args.rounds))
        finally:
            cluster.stop()
    print("| commit | p50 ms | p99 ms | mean ms |")
    print("|---|---|---|---|")
    for name, taken in found.items():
        p50, p99 = statistics.quantiles(taken, n=100)[49], statistics.quantiles(taken, n=100)[98]
        print(f"| {name} | {p50:.2f} | {p99:.2f} | {statistics.fmean(taken):.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
