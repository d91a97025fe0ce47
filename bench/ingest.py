"""Benchmark of the webhook gateway against a bare aiohttp handler, side by side in one run.

    bench/run ingest            # or: .venv/bin/python -m bench.ingest --help

Phase 1 (throughput): wrk, closed loop, the same connections and duration for both servers,
rounds alternating so that machine noise hits both. Phase 2 (latency): an open-loop
generator at half the gateway's throughput; latency is measured from each request's
scheduled time, so a stall is not hidden by the generator waiting for it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import open_loop
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from services.waha.signature import sign
from tests.support.waha import encode, text_message

KEY = secrets.token_hex(32).encode()
CHAT_KEY_SECRET = secrets.token_hex(32)
HERE = Path(__file__).parent


def write_bodies(path: Path, count: int, prefix: str) -> list[tuple[str, bytes]]:
    signed = []
    with path.open("w") as out:
        for n in range(count):
            body = encode(
                text_message(
                    f"{prefix}{n}",
                    chat=f"55119{n % 5000:08d}@c.us",
                    body="Olá, gostaria de marcar uma consulta",
                )
            )
            signature = sign(body, KEY)
            out.write(f"{signature}\n{body.decode()}\n")
            signed.append((signature, body))
    return signed


def start(command: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{command} did not start")


def wrk(url: str, bodies: Path, connections: int, seconds: int) -> tuple[float, str]:
    output = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(HERE / "post_signed.lua"),
            url,
        ],
        env={**os.environ, "BENCH_BODIES": str(bodies)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    if "Non-2xx" in output:
        raise RuntimeError(f"wrk saw errors:\n{output}")
    return rps, output


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        redis = RedisServer(Path(tmp) / "redis")
        redis.start()
        env = {
            **os.environ,
            "REDIS_URL": redis.url,
            "WEBHOOK_HMAC_KEY": KEY.decode(),
            "CHAT_KEY_SECRET": CHAT_KEY_SECRET,
            "LOG_LEVEL": "ERROR",
        }
        ports = {"bare aiohttp handler": free_port(), "gateway": free_port()}
        servers = [
            start(
                [
                    sys.executable,
                    "-m",
                    "bench.bare_server",
                    "--port",
                    str(ports["bare aiohttp handler"]),
                ],
                env,
                ports["bare aiohttp handler"],
            ),
            start(
                [sys.executable, "-m", "services.cli", "ingest", "--port", str(ports["gateway"])],
                env,
                ports["gateway"],
            ),
        ]
        try:
            results: dict[str, list[float]] = {name: [] for name in ports}
            for round_ in range(args.rounds):
                for name, port in ports.items():
                    # Fresh message ids every round: the gateway appends, never deduplicates.
                    bodies = Path(tmp) / f"bodies-{round_}"
                    if not bodies.exists():
                        write_bodies(bodies, 60_000 * args.seconds // 10, f"R{round_}-")
                    rps, _ = wrk(
                        f"http://127.0.0.1:{port}/webhooks/waha",
                        bodies,
                        args.connections,
                        args.seconds,
                    )
                    results[name].append(rps)
            best = {name: max(values) for name, values in results.items()}
            rate = best["gateway"] / 2
            signed = write_bodies(Path(tmp) / "latency", int(rate * args.seconds), "L-")
            latency = {}
            for name, port in ports.items():
                requests = [
                    open_loop.http_post(
                        "127.0.0.1",
                        port,
                        "/webhooks/waha",
                        {
                            "Content-Type": "application/json",
                            "X-Webhook-Hmac": signature,
                            "X-Webhook-Hmac-Algorithm": "sha512",
                        },
                        body,
                    )
                    for signature, body in signed
                ]
                latency[name] = asyncio.run(open_loop.run("127.0.0.1", port, requests, rate))
        finally:
            for server in servers:
                server.terminate()
                server.wait()
            redis.stop()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"wrk: 1 thread, {args.connections} connections, {args.seconds}s x {args.rounds} rounds\n"
    )
    print("\n| server | throughput (req/s, best of rounds) | all rounds |")
    print("|---|---|---|")
    for name, values in results.items():
        print(f"| {name} | {best[name]:.0f} | {', '.join(f'{v:.0f}' for v in values)} |")
    print(f"\ngateway / bare: {best['gateway'] / best['bare aiohttp handler']:.0%}\n")
    print(f"| server at {rate:.0f} req/s (open loop) | p50 ms | p99 ms | max ms | errors |")
    print("|---|---|---|---|---|")
    for name, (values, errors) in latency.items():
        print(
            f"| {name} | {statistics.median(values):.2f} | {percentile(values, 0.99):.2f} "
            f"| {max(values):.2f} | {errors} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
