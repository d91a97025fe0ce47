"""``wsm handoff release CHAT``: the bot answers a chat handed to a person again."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from typing import TextIO

from services.actions.handoff import NotInHandoff, release_handoff
from services.cli.events import resolve_subject
from services.cli.lgpd import opened, requester


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["release"], help="what to do")
    parser.add_argument("chat", help="a chat key, or a WhatsApp chat id (5511…@c.us)")
    parser.add_argument("--session", default="default", help="WAHA session of a chat id")
    parser.add_argument("--by", help="who releases it, recorded (default: $USER)")


async def release(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    chat = resolve_subject(args.chat, args.session, env)
    by = requester(args.by, env)
    async with opened(env) as (log, models, identities):
        chat = await identities.identity(chat)
        try:
            entry_id = await release_handoff(log, models, chat, by)
        except NotInHandoff as exc:
            print(f"wsm handoff: {args.chat}: {exc}", file=sys.stderr)
            return 1
    out.write(f"released {chat}: the bot answers it again (recorded as {entry_id})\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(release(args, env, sys.stdout))
