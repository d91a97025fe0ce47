"""``wsm lgpd export|correct|erase SUBJECT``: a data subject's rights of access and
portability (LGPD arts. 18 and 19: everything held about them, machine-readable), of
correction and of erasure."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Mapping
from typing import TextIO

import msgspec

from events import EventLog
from services.actions.correction import NothingToCorrect, clean_name, correct_name
from services.actions.erasure import ErasureReason, erase_person
from services.actions.export import export_person
from services.cli.events import resolve_subject
from services.domain.chats import chat_key_secret
from services.domain.identities import IdentityMap
from services.projector.store import ReadModels
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["export", "correct", "erase"], help="what to do")
    parser.add_argument("subject", help="a chat key, or a WhatsApp chat id (5511…@c.us)")
    parser.add_argument("--session", default="default", help="WAHA session of a chat id")
    parser.add_argument("--name", help="correct: the subject's name as it should be")
    parser.add_argument(
        "--requested-by",
        help="who asks for the correction or erasure, recorded with it (default: $USER)",
    )


Opened = tuple[EventLog, ReadModels, IdentityMap]


@contextlib.asynccontextmanager
async def opened(env: Mapping[str, str]) -> AsyncIterator[Opened]:
    """The log, the read models and the identity map, for the length of a command."""
    store = StoreSettings.from_env(env)
    async with store.connected() as redis:
        log = store.event_log(redis)
        await log.ensure_layout()
        identities = IdentityMap(redis, store.keyspace, chat_key_secret(env))
        yield log, ReadModels(redis, store.keyspace, log.subject_keys), identities


async def export(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    subject = resolve_subject(args.subject, args.session, env)
    async with opened(env) as (log, models, identities):
        document = await export_person(log, models, identities, subject)
    if document is None:
        print(f"wsm lgpd: nothing is held about {args.subject}", file=sys.stderr)
        return 1
    out.write(msgspec.json.format(msgspec.json.encode(document), indent=2).decode() + "\n")
    return 0


async def erase(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    subject = resolve_subject(args.subject, args.session, env)
    reason, by = ErasureReason.SUBJECT_REQUEST, requester(args.requested_by, env)
    async with opened(env) as (log, models, identities):
        entry_id = await erase_person(log, models, identities, subject, reason, by)
    if entry_id is None:
        print(f"wsm lgpd: no personal data is held about {args.subject}", file=sys.stderr)
        return 1
    out.write(f"erased {subject}: recorded as {entry_id}; read models follow in seconds\n")
    return 0


async def correct(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    try:
        name = clean_name(args.name or "")
    except ValueError as exc:
        print(f"wsm lgpd correct: --name: {exc}", file=sys.stderr)
        return 2
    subject, by = (
        resolve_subject(args.subject, args.session, env),
        requester(args.requested_by, env),
    )
    async with opened(env) as (log, models, identities):
        subject = await identities.identity(subject)
        try:
            entry_id = await correct_name(log, models, subject, name, by)
        except NothingToCorrect as exc:
            print(f"wsm lgpd: {args.subject}: {exc}", file=sys.stderr)
            return 1
    out.write(f"corrected {subject}'s name: recorded as {entry_id}\n")
    return 0


def requester(given: str | None, env: Mapping[str, str]) -> str:
    """Who an operator's command is recorded as done by: as given, else the login name."""
    return str(given or env.get("USER") or "operator")


ACTIONS = {"export": export, "correct": correct, "erase": erase}


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(ACTIONS[args.action](args, env, sys.stdout))
