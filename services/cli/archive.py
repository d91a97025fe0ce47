"""``wsm archive``: move the log's entries older than ``EVENTS_IN_REDIS_DAYS``, and done with
by every consumer group, from Redis into segment files under ``EVENT_ARCHIVE_DIR``.

The projector does this every hour when an archive is configured; this runs it once, as
a scheduled job or by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Mapping
from typing import TextIO

from events.archiving import Archiver, ArchiverBusy
from services.runtime.progress import Progress
from services.runtime.settings import SettingsError
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options: the settings say where and how long


async def archive(env: Mapping[str, str], out: TextIO, progress_out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    if store.archive is None:
        raise SettingsError("EVENT_ARCHIVE_DIR must be set to archive the log")
    keep_ms = int(store.in_redis.total_seconds() * 1000)
    async with store.connected() as redis:
        await store.event_log(redis).ensure_layout()
        progress = Progress("archive", None, progress_out)
        try:
            moved = await Archiver(redis, store.keyspace, store.archive).run(
                int(time.time() * 1000), keep_ms, progress.reached
            )
        except (ArchiverBusy, OSError) as exc:  # OSError: the archive cannot be written
            print(f"wsm archive: {exc}", file=sys.stderr)
            return 1
        finally:
            progress.close()
    out.write(f"moved {sum(moved.values())} entries to {store.archive_dir}\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(archive(env, sys.stdout, sys.stderr))
