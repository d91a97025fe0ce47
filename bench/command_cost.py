"""What one Redis command costs the client that sends it: the floor under every reader's
sweep of its partitions, whatever it has to project.

    .venv/bin/python -m bench.command_cost [--commands N]

A redis-server of its own (no AOF); N of each command the live projector sends on every
read of a partition (a read that finds nothing new, a script call, a hash read), one
after another, through redis-py's asyncio client as the services use it; the client's
CPU time and the wall time per command.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from redis.asyncio import Redis

from services.runtime.embedded_redis import RedisServer

Command = Callable[[], Awaitable[Any]]


async def cost(command: Command, count: int) -> tuple[float, float]:
    """The client's CPU and the wall time per call of ``command``, in µs, after a warm-up."""
    for _ in range(count // 10):
        await command()
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(count):
        await command()
    return (
        (time.process_time() - cpu) / count * 1e6,
        (time.perf_counter() - wall) / count * 1e6,
    )


async def measure(url: str, count: int) -> None:
    redis = Redis.from_url(url)
    await redis.xgroup_create("stream", "group", id="0", mkstream=True)
    script = await redis.script_load("return 1")
    commands: dict[str, Command] = {
        "XREADGROUP finding nothing new": lambda: redis.xreadgroup(
            "group", "reader", {"stream": ">"}, count=500
        ),
        "EVALSHA of a script returning at once": lambda: redis.evalsha(script, 1, "stream"),
        "HMGET of eight fields": lambda: redis.hmget("hash", *(f"f{n}" for n in range(8))),
    }
    print(f"load average {os.getloadavg()[0]:.1f}; {count} calls of each")
    for name, command in commands.items():
        cpu, wall = await cost(command, count)
        print(f"{name}: client CPU {cpu:.0f} µs, wall {wall:.0f} µs per command")
    await redis.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        server = RedisServer(Path(directory) / "redis", appendonly=False)
        server.start()
        try:
            asyncio.run(measure(server.url, args.commands))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
