"""The webhook gateway on one Redis and on a Redis Cluster, side by side in one run.

    bench/run cluster           # or: .venv/bin/python -m bench.cluster --help

Three ``wsm ingest`` processes: one on a single ``redis-server``, two on a local six-node
cluster (three primaries, three replicas, all on this machine), the second waiting for a
replica to hold each append (``REDIS_WAIT_REPLICAS=1``); every Redis with AOF
``everysec``. Throughput: wrk, closed loop, rounds alternating; latency: the open-loop
generator at half the cluster gateway's best throughput, against both.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

from bench import open_loop
from bench.ingest import CHAT_KEY_SECRET, KEY, percentile, start, write_bodies, wrk
from events.key_wrapping import new_kek_text
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.support.redis_cluster import LocalCluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kek = Path(tmp) / "kek"
        kek.write_text(new_kek_text())
        kek.chmod(0o600)
        single = RedisServer(Path(tmp) / "single")
        single.start()
        cluster = LocalCluster(Path(tmp) / "cluster")
        cluster.start()
        waiting = {"REDIS_WAIT_REPLICAS": "1", "REDIS_WAIT_TIMEOUT_MS": "1000"}
        gateways = {
            "one Redis": (single.url, {}),
            "Redis Cluster (3 primaries)": (cluster.url, {}),
            "Redis Cluster, REDIS_WAIT_REPLICAS=1": (cluster.url, waiting),
        }
        ports = {name: free_port() for name in gateways}
        servers = []
        try:
            for name, (url, extra) in gateways.items():
                env = {**os.environ, "REDIS_URL": url, "WEBHOOK_HMAC_KEY": KEY.decode(),
                       "CHAT_KEY_SECRET": CHAT_KEY_SECRET, "LOG_LEVEL": "ERROR",
                       "SUBJECT_KEY_KEK_FILE": str(kek), **extra}  # fmt: skip
                command = [sys.executable, "-m", "services.cli", "ingest",
                           "--port", str(ports[name])]  # fmt: skip
                servers.append(start(command, env, ports[name]))
            results: dict[str, list[float]] = {name: [] for name in ports}
            for round_ in range(args.rounds):
                for name, port in ports.items():
                    # Fresh message ids for each server and round: every request appends.
                    bodies = Path(tmp) / f"bodies-{round_}-{port}"
                    write_bodies(bodies, 60_000 * args.seconds // 10, f"R{round_}-{port}-")
                    url = f"http://127.0.0.1:{port}/webhooks/waha"
                    rps, _ = wrk(url, bodies, args.connections, args.seconds)
                    results[name].append(rps)
            best = {name: max(values) for name, values in results.items()}
            rate = min(best.values()) / 2
            latency = {}
            for name, port in ports.items():
                signed = write_bodies(Path(tmp) / f"latency-{port}", int(rate * args.seconds),
                                      f"L-{port}-")  # fmt: skip
                headers = {"Content-Type": "application/json", "X-Webhook-Hmac-Algorithm": "sha512"}
                requests = [
                    open_loop.http_post(
                        "127.0.0.1",
                        port,
                        "/webhooks/waha",
                        {**headers, "X-Webhook-Hmac": signature},
                        body,
                    )
                    for signature, body in signed
                ]
                latency[name] = asyncio.run(open_loop.run("127.0.0.1", port, requests, rate))
        finally:
            for server in servers:
                server.terminate()
                server.wait()
            cluster.stop()
            single.stop()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"wrk: 1 thread, {args.connections} connections, {args.seconds}s x {args.rounds} rounds\n"
    )
    print("| gateway on | throughput (req/s, best of rounds) | all rounds |")
    print("|---|---|---|")
    for name, values in results.items():
        print(f"| {name} | {best[name]:.0f} | {', '.join(f'{v:.0f}' for v in values)} |")
    print(f"\n| gateway on, at {rate:.0f} req/s (open loop) | p50 ms | p99 ms | max ms | errors |")
    print("|---|---|---|---|---|")
    for name, (values, errors) in latency.items():
        print(f"| {name} | {statistics.median(values):.2f} | {percentile(values, 0.99):.2f} "
              f"| {max(values):.2f} | {errors} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
