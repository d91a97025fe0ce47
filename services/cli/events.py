"""``wsm events``: the log's entries, in log order, for an operator to audit."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import AsyncIterator, Mapping
from typing import TextIO

import msgspec

from events import EventLog, Record
from events.schema import EVENT_TYPES, type_of
from services.domain.chats import chat_key_secret, is_session_key
from services.domain.subjects import subject_of
from services.runtime.cli_types import positive_int
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--chat",
        help="a chat key, or a WhatsApp chat id such as 5511988887777@c.us",
    )
    parser.add_argument("--session", default="default", help="WAHA session of --chat ids")
    parser.add_argument("--type", choices=sorted(EVENT_TYPES), help="only this event type")
    parser.add_argument("--limit", type=positive_int, help="at most this many entries")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")


def resolve_subject(value: str, session: str, env: Mapping[str, str]) -> str:
    """The chat key named on the command line (``SubjectInvalid`` when it names none); a
    WhatsApp session's own events are under ``session:NAME``, as the gateway logs them."""
    if is_session_key(value):
        return value
    return subject_of(value, session, chat_key_secret(env))


def as_json(record: Record) -> bytes:
    entry = {"partition": record.partition, "entry_id": record.entry_id}
    return msgspec.json.encode({**entry, **msgspec.to_builtins(record.envelope)})


def as_text(record: Record) -> str:
    envelope = record.envelope
    event = msgspec.to_builtins(envelope.event)
    details = " ".join(
        f"{k}={v!r}" for k, v in event.items() if k not in ("type", "data") and v not in ("", None)
    )
    return (
        f"p{record.partition} {record.entry_id} {envelope.occurred_at.isoformat()} "
        f"{type_of(envelope.event)} chat={envelope.chat} {details}"
    )


async def selected(log: EventLog, chat: str | None, type_name: str | None) -> AsyncIterator[Record]:
    records = log.scan() if chat is None else _history(log, chat)
    async for record in records:
        if type_name is None or type_of(record.envelope.event) == type_name:
            yield record


async def _history(log: EventLog, chat: str) -> AsyncIterator[Record]:
    for record in await log.chat_history(chat):
        yield record


async def list_events(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    store = StoreSettings.from_env(env)
    async with store.connected() as redis:
        log = store.event_log(redis)
        await log.check_layout()
        chat = resolve_subject(args.chat, args.session, env) if args.chat else None
        printed = 0
        async for record in selected(log, chat, args.type):
            if args.limit is not None and printed >= args.limit:
                break
            out.write(as_json(record).decode() + "\n" if args.json else as_text(record) + "\n")
            printed += 1
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(list_events(args, env, sys.stdout))
