"""``wsm appointments no-show ID``: the patient of an appointment did not come."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TextIO

from services.actions.no_show import NoShowRefused, mark_no_show
from services.cli.lgpd import opened, requester


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["no-show"], help="what to record")
    parser.add_argument("appointment", help="the appointment's id (as the admin API lists it)")
    parser.add_argument("--by", help="who records it (default: $USER)")


async def no_show(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    by = requester(args.by, env)
    async with opened(env) as (log, models, _):
        try:
            entry_id = await mark_no_show(log, models, args.appointment, by, datetime.now(UTC))
        except NoShowRefused as exc:
            print(f"wsm appointments: {args.appointment[:80]}: {exc}", file=sys.stderr)
            return 1
    out.write(f"no-show recorded for {args.appointment} (as {entry_id})\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(no_show(args, env, sys.stdout))
