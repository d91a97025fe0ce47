"""The gateway's intake on a real Redis: webhooks accepted at the same time go into the log
together, each under its person's identity, a fold it reveals logged before its event."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived
from events.schema import IdentityLinked
from services.domain.chats import chat_key
from services.domain.identities import IdentityMap
from services.ingest.intake import Intake
from services.ingest.translate import Translated, parse_webhook, translate
from tests.support.linked_ids import LINKED, PHONE, noweb_message
from tests.support.waha import encode, text_message

SECRET = b"intake-test-chat-key-secret-0123456789"
BY_PHONE = chat_key(SECRET, "default", PHONE)
BY_LINKED = chat_key(SECRET, "default", LINKED)


@pytest.fixture
def intake(redis: Redis, keyspace: Keyspace, log: EventLog) -> Intake:
    return Intake(log, IdentityMap(redis, keyspace, SECRET))


async def take(intake: Intake, *bodies: dict[str, Any]) -> list[str]:
    """Each webhook's event appended, all at the same time; their entry ids."""

    async def one(body: dict[str, Any]) -> str:
        webhook = parse_webhook(encode(body))
        outcome = translate(webhook, body_digest="-", chat_secret=SECRET)
        assert isinstance(outcome, Translated)
        return (await intake.append(webhook, outcome, None)).entry_id

    return await asyncio.gather(*(one(body) for body in bodies))


async def test_webhooks_taken_together_each_land_under_their_persons_identity(
    intake: Intake, log: EventLog
) -> None:
    await take(intake, text_message("P1", chat=PHONE, body="by phone"))
    await take(
        intake,
        noweb_message("L1", "by linked id, alt unknown", alt=None),
        noweb_message("L2", "by linked id, phone revealed"),
        text_message("P2", chat=PHONE, body="by phone again"),
    )
    received = [
        (record.envelope.chat, record.envelope.event.text)
        async for record in log.scan()
        if isinstance(record.envelope.event, MessageReceived)
    ]
    # The first message by the linked id arrived before the batch revealed the fold.
    assert sorted(received) == sorted([
        (BY_PHONE, "by phone"),
        (BY_LINKED, "by linked id, alt unknown"),
        (BY_PHONE, "by linked id, phone revealed"),
        (BY_PHONE, "by phone again"),
    ])  # fmt: skip


async def test_a_fold_a_webhook_reveals_is_logged_before_its_event(
    intake: Intake, log: EventLog
) -> None:
    await take(intake, noweb_message("L0", "first, by linked id", alt=None))
    await take(intake, noweb_message("L1", "reveals the phone"), text_message("P1", chat=PHONE))
    in_chat = [record.envelope.event async for record in log.scan()
               if record.envelope.chat == BY_LINKED]  # fmt: skip
    kinds = [type(event).__name__ for event in in_chat]
    assert kinds.index("IdentityLinked") < [
        getattr(event, "text", None) for event in in_chat
    ].index("reveals the phone")
    [link] = [event for event in in_chat if isinstance(event, IdentityLinked)]
    assert link.folded_chat == BY_PHONE
