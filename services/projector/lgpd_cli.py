"""``wsm lgpd export SUBJECT``: everything held about a data subject (LGPD arts. 18 and 19),
machine-readable: the conversation's events as recorded, and each read model's view."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TextIO

import msgspec

from events import EventLog
from services.event_listing import resolve_chat
from services.projector.store import ReadModels
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["export"], help="what to do")
    parser.add_argument("subject", help="a chat key, or a WhatsApp chat id (5511…@c.us)")
    parser.add_argument("--session", default="default", help="WAHA session of a chat id")


async def export(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    subject = resolve_chat(args.subject, args.session, env)
    async with store.connected() as redis:
        log = EventLog(redis, store.keyspace)
        await log.ensure_layout()
        history = await log.chat_history(subject)
        models = ReadModels(redis, store.keyspace)
        document: dict[str, Any] = {
            "subject": subject,
            "exported_at": datetime.now(UTC),
            "session": await models.session(subject),
            "consent_history": await models.consent_history(subject),
            "appointments": await models.appointments_of(subject),
            "events": [
                {"entry_id": r.entry_id, **msgspec.to_builtins(r.envelope)} for r in history
            ],
        }
    if not history:
        print(f"wsm lgpd: nothing is held about {args.subject}", file=sys.stderr)
        return 1
    out.write(msgspec.json.format(msgspec.json.encode(document), indent=2).decode() + "\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(export(args, env, sys.stdout))
