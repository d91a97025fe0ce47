"""``wsm identities sync``: learn from WAHA's LID endpoints which linked ids (``…@lid``)
are which phone numbers, so that a person who writes under both is one conversation.

What webhooks reveal is learnt as they come; this asks WAHA for everything its engine
knows, which WEBJS tells no other way. Only people who wrote to the clinic are taken
(WAHA knows every contact of the phone and every member of its groups); each new fold is
recorded in the log like those the gateway learns, and running it again records nothing
twice.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from typing import TextIO

from events import Envelope
from services.conductor.settings import DEFAULT_WAHA_URL, waha_api_key
from services.domain.chats import chat_key_secret
from services.domain.identities import IdentityMap, Sighting, sighting
from services.runtime import settings
from services.runtime.store import StoreSettings
from services.waha.client import WahaError, WahaRejected
from services.waha.lids import LidDirectory, LidToPhoneNumber

SOURCE = "lids_api"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    sync = actions.add_parser(
        "sync",
        help="fold every linked id WAHA knows into its phone number's conversation",
        description="read WAHA's LID endpoints (WAHA_URL, WAHA_API_KEY) for a session and "
        "fold each linked id into the conversation of its phone number",
    )
    sync.add_argument("--session", default="default", help="the WAHA session (default: default)")


def sightings_of(page: list[LidToPhoneNumber]) -> list[Sighting]:
    """The pairs of a page that name a person twice; entries without a number are skipped."""
    return [found for entry in page if (found := sighting(entry.pn, entry.lid, SOURCE))]


async def sync(session: str, env: Mapping[str, str], out: TextIO) -> int:
    secret = chat_key_secret(env)
    store = StoreSettings.from_env(env)
    waha_url = settings.text(env, "WAHA_URL", DEFAULT_WAHA_URL)
    # The conductor's key, as compose gives it (WAHA_API_KEY_FILE) or plain.
    directory = LidDirectory(waha_url, waha_api_key(env))
    known = folded = 0
    try:
        async with store.connected() as redis:
            log = store.event_log(redis)
            await log.ensure_layout()
            identities = IdentityMap(redis, store.keyspace, secret)
            appended: list[str] = []

            async def append(envelope: Envelope, idempotency_key: str) -> object:
                result = await log.append(envelope, idempotency_key)
                if result.created:
                    appended.append(result.entry_id)
                return result

            async for page in directory.pages(session):
                found = sightings_of(page)
                known += len(found)
                await identities.learn(session, None, found, append, known_only=True)
            folded = len(appended)
    except WahaRejected as exc:
        print(f"wsm identities: WAHA refused: {exc} (is the session WORKING, "
              "and WAHA_API_KEY right?)", file=sys.stderr)  # fmt: skip
        return 1
    except WahaError as exc:
        print(f"wsm identities: WAHA failed: {exc}", file=sys.stderr)
        return 1
    finally:
        await directory.close()
    out.write(f"{known} linked ids known to WAHA; {folded} of them newly joined a conversation\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(sync(args.session, env, sys.stdout))
