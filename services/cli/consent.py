"""``wsm consent history SUBJECT``: every consent event of a data subject, with evidence."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from typing import TextIO

import msgspec

from services.cli.events import resolve_subject
from services.domain.clinic import Clinic
from services.projector.store import ReadModels
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["history"], help="what to show")
    parser.add_argument("subject", help="a chat key, or a WhatsApp chat id (5511…@c.us)")
    parser.add_argument("--session", default="default", help="WAHA session of a chat id")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


async def history(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    zone = Clinic.from_env(env).zone
    async with store.connected() as redis:
        log = store.event_log(redis)
        await log.check_layout()
        subject = resolve_subject(args.subject, args.session, env)
        records = await ReadModels(redis, store.keyspace, log.subject_keys).consent_history(subject)
    if not records:
        print(f"wsm consent: no consent events for {args.subject}", file=sys.stderr)
        return 1
    for record in records:
        if args.json:
            out.write(
                msgspec.json.encode({"subject": subject, **msgspec.to_builtins(record)}).decode()
                + "\n"
            )
            continue
        evidence = f" by {record.evidence_text!r}" if record.evidence_text is not None else ""
        digest = f" notice sha256 {record.notice_sha256[:12]}…" if record.notice_sha256 else ""
        out.write(
            f"{record.at.astimezone(zone):%Y-%m-%d %H:%M:%S %z}  {record.kind:<9} "
            f"version {record.policy_version}{digest}{evidence} "
            f"(channel {record.channel}, message {record.message_id})\n"
        )
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(history(args, env, sys.stdout))
