"""What a turn costs Redis: commands per message, and bytes per message and conversation.

    bench/run footprint [--messages N] [--rate R] [--conductors C]

Runs ``bench/run conversation``'s setup (gateway, WAHA simulator, conductors and the live
projector, each its own process, on a fresh ``redis-server``), sends N first messages of
new chats and waits for every reply. It then reports, per message:

- the commands Redis ran (``INFO commandstats``, from after the partitions were shared to
  after the last reply), by command: the turn's round trips, but for the commands a
  pipeline or script sends together;
- ``used_memory`` before and after (``INFO memory``), and ``MEMORY USAGE`` of every key,
  grouped by its kind (the key with its partition and chat left out).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
from collections import Counter
from typing import cast

from redis.asyncio import Redis

from bench.conversation import run_once

# A key's kind: its name without the partition's tag and what follows the kind's words
# (a chat, a hashed id); wsm:{p3}:conversation:55118...@c.us -> wsm:{p}:conversation.
_PARTITION = re.compile(r"\{p\d+\}")
_SPECIFIC = re.compile(r"[0-9a-f]{16,}|\d{6,}|@")


def kind_of(key: str) -> str:
    """The key's kind: its partition tag and any part naming one chat or id left out."""
    parts = _PARTITION.sub("{p}", key).split(":")
    kept = []
    for part in parts:
        if _SPECIFIC.search(part):
            kept.append("*")
            break
        kept.append(part)
    return ":".join(kept)


class Footprint:
    """Collects commandstats and memory at both phases of one run."""

    def __init__(self) -> None:
        self.commands: dict[str, Counter[str]] = {}
        self.memory: dict[str, int] = {}
        self.keys: Counter[str] = Counter()
        self.key_count: Counter[str] = Counter()

    async def __call__(self, url: str, phase: str) -> None:
        client = Redis.from_url(url)
        try:
            if phase == "after":
                await asyncio.sleep(3.0)  # the last replies' outcomes and their projections
            stats = cast(dict[str, dict[str, int]], await client.info("commandstats"))
            self.commands[phase] = Counter(
                {name.removeprefix("cmdstat_"): int(v["calls"]) for name, v in stats.items()}
            )
            self.memory[phase] = int((await client.info("memory"))["used_memory"])
            if phase == "after":
                async for key in client.scan_iter(count=1000):
                    kind = kind_of(key.decode())
                    self.keys[kind] += int(await client.memory_usage(key, samples=0) or 0)
                    self.key_count[kind] += 1
        finally:
            await client.aclose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--conductors", type=int, default=1)
    args = parser.parse_args()
    seconds = max(1, round(args.messages / args.rate))
    n = int(args.rate * seconds)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {n} first messages at {args.rate:.0f}/s, "
          f"{args.conductors} conductor(s), load {os.getloadavg()[0]:.1f}\n")  # fmt: skip
    footprint = Footprint()
    result = run_once(args.rate, seconds, args.conductors, footprint, projector=True)
    print(f"replied {result['replied']}/{result['sent']}, p50 {result['p50']:.1f} ms\n")
    calls = footprint.commands["after"] - footprint.commands["before"]
    print("| command | calls per message |\n|---|---|")
    for name, count in calls.most_common():
        print(f"| {name} | {count / n:.2f} |")
    print(f"| **all** | **{sum(calls.values()) / n:.2f}** |\n")
    grown = footprint.memory["after"] - footprint.memory["before"]
    print(f"used_memory: {footprint.memory['before']:,} -> {footprint.memory['after']:,} "
          f"bytes, {grown / n:,.0f} per conversation of one message\n")  # fmt: skip
    print("| key kind | keys | bytes (MEMORY USAGE) | bytes per conversation |\n|---|---|---|---|")
    for kind, size in footprint.keys.most_common():
        print(f"| `{kind}` | {footprint.key_count[kind]} | {size:,} | {size / n:,.0f} |")
    total = sum(footprint.keys.values())
    print(f"| **all** | {sum(footprint.key_count.values())} | {total:,} | **{total / n:,.0f}** |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
