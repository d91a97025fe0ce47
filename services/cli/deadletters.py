"""``wsm deadletters list|retry|drop``: entries a consumer group gave up on, and what an
operator does about them once the cause is understood."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from dataclasses import asdict
from typing import TextIO

import msgspec

from events.deadletters import DeadLetterNotFound, DeadLetters, parse_ref
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["list", "retry", "drop"], help="what to do")
    parser.add_argument("ref", nargs="?", help="retry/drop: the dead letter, PARTITION:ID")
    parser.add_argument("--json", action="store_true", help="list: one JSON object per line")


async def act(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    if args.action != "list":
        try:
            if args.ref is None:
                raise ValueError("retry and drop need the dead letter, PARTITION:ID")
            partition, dead_id = parse_ref(args.ref, store.partitions)
        except ValueError as exc:
            print(f"wsm deadletters: {exc}", file=sys.stderr)
            return 2
    async with store.connected() as redis:
        await store.event_log(redis).ensure_layout()
        dead = DeadLetters(redis, store.keyspace)
        if args.action == "list":
            for letter in await dead.list():
                if args.json:
                    out.write(msgspec.json.encode({"ref": letter.ref, **asdict(letter)}).decode())
                else:
                    error = letter.error.splitlines()[0][:100] if letter.error else ""
                    where = f"{letter.ref}  {letter.group}  {letter.event_type}  {letter.chat}"
                    out.write(f"{where}  after {letter.attempts} attempts: {error}")
                out.write("\n")
            return 0
        try:
            if args.action == "retry":
                new_id = await dead.retry(partition, dead_id)
                out.write(f"given back to its group as entry {new_id}\n")
            else:
                await dead.drop(partition, dead_id)
                out.write(f"dropped {args.ref}; the event stays in the log\n")
        except DeadLetterNotFound as exc:
            print(f"wsm deadletters: {exc}", file=sys.stderr)
            return 1
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(act(args, env, sys.stdout))
