"""``wsm keys rewrap``: wrap every subject key with the current key-encryption key, the
last step of rotating it (README, "What a copy of Redis reveals").

Each partition's keys are re-wrapped in one script: a partition is either all done or
untouched, and a key erased meanwhile stays erased. Keys changed while it ran are taken
again, until none is left under another key-encryption key.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from typing import TextIO

from events.key_wrapping import KekMismatch
from events.log import WrongKeyEncryptionKey
from services.runtime.store import StoreSettings

ROUNDS = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser(
        "rewrap",
        help="wrap every subject key with SUBJECT_KEY_KEK_FILE's key (ends a rotation)",
        description="wrap every subject key with SUBJECT_KEY_KEK_FILE's key; keys wrapped "
        "with SUBJECT_KEY_PREVIOUS_KEK_FILE's, or stored unwrapped, are opened and wrapped "
        "again",
    )


async def rewrap(env: Mapping[str, str], out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    async with store.connected() as redis:
        log = store.event_log(redis)
        await log.ensure_layout()
        total = 0
        for _ in range(ROUNDS):
            left = 0
            for partition in store.keyspace.all_partitions():
                try:
                    done, missed = await log.subject_keys.rewrap(partition)
                except KekMismatch:
                    raise WrongKeyEncryptionKey(
                        "a subject key is wrapped with a key-encryption key that neither "
                        "SUBJECT_KEY_KEK_FILE nor SUBJECT_KEY_PREVIOUS_KEK_FILE holds; "
                        "nothing of that partition was re-wrapped"
                    ) from None
                total, left = total + done, left + missed
            if not left:
                out.write(
                    f"re-wrapped {total} subject keys; every key is wrapped with the "
                    "current key-encryption key\n"
                )
                return 0
    print(f"wsm keys: {left} subject keys changed while being re-wrapped; run it again",
          file=sys.stderr)  # fmt: skip
    return 1


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    del args  # one action
    return asyncio.run(rewrap(env, sys.stdout))
