"""Benchmark of the webhook gateway against a bare aiohttp handler, side by side in one run.

    bench/run ingest [--seconds S] [--rounds R] [--connections C] [--against DIR]

Phase 1 (throughput): wrk, closed loop, the same connections and duration for every server,
rounds alternating so that machine noise hits all of them; each server's CPU time per
request is read from /proc meanwhile (the figure a shared machine's noise moves least).
Phase 2 (latency): an open-loop generator at half this tree's gateway's throughput;
latency is measured from each request's scheduled time, so a stall is not hidden by the
generator waiting for it.

``--against DIR``: a second source tree (a worktree of another commit) whose gateway runs
as a third server in the same rounds: the side-by-side figures on a shared machine.
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
from dataclasses import dataclass, field
from pathlib import Path

from bench import open_loop
from events.key_wrapping import new_kek_text
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from services.waha.signature import sign
from tests.support.waha import encode, text_message

KEY = secrets.token_hex(32).encode()
CHAT_KEY_SECRET = secrets.token_hex(32)
HERE = Path(__file__).parent
TREE = HERE.parent
BARE = "bare aiohttp handler"
GATEWAY = "gateway"
TICKS = os.sysconf("SC_CLK_TCK")


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


def gateway_env(directory: Path, redis_url: str) -> dict[str, str]:
    """The environment of a ``wsm ingest`` on ``redis_url``, its KEK file in ``directory``."""
    kek = directory / "subject-key-kek"
    if not kek.exists():
        kek.write_text(new_kek_text())
        kek.chmod(0o600)
    return {
        **os.environ,
        "REDIS_URL": redis_url,
        "WEBHOOK_HMAC_KEY": KEY.decode(),
        "CHAT_KEY_SECRET": CHAT_KEY_SECRET,
        "SUBJECT_KEY_KEK_FILE": str(kek),
        "LOG_LEVEL": "ERROR",
    }


def start(
    command: list[str], env: dict[str, str], port: int, cwd: Path | None = None
) -> subprocess.Popen[bytes]:
    # What the process says goes to a file: shown if it fails to start, and never a
    # pipe that could fill up and stall it. The process keeps its own descriptor.
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, env=env, cwd=cwd, stderr=errors)
        # A loaded machine takes a while to import the gateway.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return process
            except OSError:
                time.sleep(0.05)
        process.kill()
        process.wait()
        errors.seek(0)
        said = errors.read().decode(errors="replace")[-2000:]
    raise RuntimeError(f"{command} did not start:\n{said}")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has taken so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


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


def requests_made(output: str) -> int:
    return int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    rps: list[float] = field(default_factory=list)
    cpu_us: list[float] = field(default_factory=list)
    load: list[float] = field(default_factory=list)
    latency: tuple[list[float], int] = ([], 0)


def start_servers(env: dict[str, str], against: Path | None) -> list[Server]:
    trees = (
        {GATEWAY: TREE}
        if against is None
        else {GATEWAY: TREE, f"gateway ({against.name})": against}
    )
    servers: list[Server] = []
    try:
        port = free_port()
        bare = [sys.executable, "-m", "bench.bare_server", "--port", str(port)]
        servers.append(Server(BARE, port, start(bare, env, port, TREE)))
        for name, tree in trees.items():
            port = free_port()
            command = [sys.executable, "-m", "services.cli", "ingest", "--port", str(port)]
            servers.append(Server(name, port, start(command, env, port, tree)))
    except BaseException:
        stop(servers)
        raise
    return servers


def stop(servers: list[Server]) -> None:
    for server in servers:
        server.process.terminate()
        server.process.wait()


def throughput(servers: list[Server], directory: Path, args: argparse.Namespace) -> None:
    for round_ in range(args.rounds):
        for server in servers:
            # Fresh message ids for every server and round: the gateway appends, never
            # takes the cheaper duplicate path.
            bodies = directory / f"bodies-{round_}-{server.port}"
            write_bodies(bodies, 60_000 * args.seconds // 10, f"R{round_}-{server.port}-")
            server.load.append(os.getloadavg()[0])
            cpu = cpu_seconds(server.process.pid)
            url = f"http://127.0.0.1:{server.port}/webhooks/waha"
            rps, output = wrk(url, bodies, args.connections, args.seconds)
            spent = cpu_seconds(server.process.pid) - cpu
            server.rps.append(rps)
            server.cpu_us.append(1e6 * spent / requests_made(output))


def latency(servers: list[Server], directory: Path, rate: float, seconds: int) -> None:
    headers = {"Content-Type": "application/json", "X-Webhook-Hmac-Algorithm": "sha512"}
    for server in servers:
        signed = write_bodies(directory / f"latency-{server.port}", int(rate * seconds),
                              f"L-{server.port}-")  # fmt: skip
        requests = [
            open_loop.http_post("127.0.0.1", server.port, "/webhooks/waha",
                                {**headers, "X-Webhook-Hmac": signature}, body)
            for signature, body in signed
        ]  # fmt: skip
        server.latency = asyncio.run(open_loop.run("127.0.0.1", server.port, requests, rate))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--against", type=Path, help="another source tree's gateway, too")
    args = parser.parse_args()
    against = args.against.resolve() if args.against else None
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        redis = RedisServer(directory / "redis")
        redis.start()
        try:
            servers = start_servers(gateway_env(directory, redis.url), against)
            try:
                throughput(servers, directory, args)
                rate = max(next(s for s in servers if s.name == GATEWAY).rps) / 2
                latency(servers, directory, rate, args.seconds)
            finally:
                stop(servers)
        finally:
            redis.stop()
    report(servers, rate, args)
    return 0


def report(servers: list[Server], rate: float, args: argparse.Namespace) -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    print(
        f"wrk: 1 thread, {args.connections} connections, {args.seconds}s x {args.rounds} rounds\n"
    )
    bare = servers[0]
    print("| server | req/s (best of rounds) | share of bare | all rounds | CPU µs/request "
          "(each round) | load average (each round) |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for s in servers:
        print(f"| {s.name} | {max(s.rps):,.0f} | {max(s.rps) / max(bare.rps):.0%} "
              f"| {', '.join(f'{v:,.0f}' for v in s.rps)} "
              f"| {', '.join(f'{v:.0f}' for v in s.cpu_us)} "
              f"| {', '.join(f'{v:.1f}' for v in s.load)} |")  # fmt: skip
    bare_p99 = percentile(bare.latency[0], 0.99)
    print(f"\n| server at {rate:,.0f} req/s (open loop) | p50 ms | p99 ms | p99 / bare's "
          "| max ms | errors |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for s in servers:
        values, errors = s.latency
        p99 = percentile(values, 0.99)
        print(f"| {s.name} | {statistics.median(values):.2f} | {p99:.2f} "
              f"| {p99 / bare_p99:.1f}x | {max(values):.2f} | {errors} |")  # fmt: skip
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    raise SystemExit(main())
