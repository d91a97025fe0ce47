"""Handoff to a person: the bot says so, stays silent while people talk, and comes back by
itself after a quiet period or when an operator releases the chat."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, timedelta

from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived, new_envelope
from events.schema import HandoffEnded, HandoffStarted, MessageSentByBusiness
from services.cli.handoff import release
from services.conductor.offline_brain import HUMAN
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.ingest.settings import IngestSettings
from tests.support.cli import operator_env
from tests.support.projecting import caught_up, projecting
from tests.support.waha import encode, signed_headers, text_message
from tests.support.whole_stack import Clock, Stack

CHAT_ID = "5511977770099@c.us"
CHAT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", CHAT_ID)


class Person:
    def __init__(self, log: EventLog, redis: Redis, clock: Clock, simulator: object) -> None:
        self.log, self.redis, self.clock, self.simulator = log, redis, clock, simulator
        self.said = 0

    async def says(self, text: str) -> None:
        """Sends ``text`` at the clock's time; until the conductor and outbox are done."""
        self.said += 1
        message = MessageReceived(
            message_id=f"false_{CHAT_ID}_{self.said}", chat_id=CHAT_ID, sender=CHAT_ID,
            text=text, sent_at=self.clock.now.astimezone(UTC),
        )  # fmt: skip
        await self.log.append(new_envelope(message, chat=CHAT, session="default"))
        await caught_up(self.redis, self.log.keyspace, "conductor", "outbox")

    def replies(self) -> list[str]:
        sent = self.simulator.messages[("default", CHAT_ID)]  # type: ignore[attr-defined]
        return [m["body"] for m in sent if m["fromMe"]]


async def handed_over(stack: Stack, log: EventLog, redis: Redis, clock: Clock) -> Person:
    person = Person(log, redis, clock, stack[2])
    for text in ("oi", "sim", "Ana", "quero falar com um atendente"):
        await person.says(text)
    assert person.replies()[-1] == HUMAN
    return person


async def kinds(log: EventLog, kind: type) -> list:
    return [
        r.envelope.event for r in await log.chat_history(CHAT) if isinstance(r.envelope.event, kind)
    ]


async def test_the_bot_is_silent_during_a_handoff_and_the_messages_are_recorded(
    stack: Stack, log: EventLog, redis: Redis, keyspace: Keyspace, clock: Clock
) -> None:
    async with projecting(redis, keyspace):
        person = await handed_over(stack, log, redis, clock)
        answered = len(person.replies())
        clock.now += timedelta(hours=1)
        await person.says("alô? tem alguém aí?")
    assert len(person.replies()) == answered
    assert [m.text for m in await kinds(log, MessageReceived)][-1] == "alô? tem alguém aí?"
    assert len(await kinds(log, HandoffStarted)) == 1


async def test_what_the_clinic_writes_from_its_phone_is_recorded_and_not_answered(
    stack: Stack, log: EventLog, redis: Redis, keyspace: Keyspace, clock: Clock
) -> None:
    http, _, simulator = stack
    async with projecting(redis, keyspace):
        person = await handed_over(stack, log, redis, clock)
        answered = len(person.replies())
        body = encode(text_message("OP1", chat=CHAT_ID, body="Olá Ana, aqui é a Júlia",
                                   from_me=True, event="message.any"))  # fmt: skip
        assert simulator.webhook_url is not None
        headers = signed_headers(body)
        async with http.post(simulator.webhook_url, data=body, headers=headers) as sent:
            assert (await sent.json())["status"] == "accepted"
        await caught_up(redis, keyspace, "conductor", "outbox")
    [written] = await kinds(log, MessageSentByBusiness)
    assert written.text == "Olá Ana, aqui é a Júlia"
    assert len(person.replies()) == answered


async def test_the_bot_comes_back_after_the_quiet_period(
    stack: Stack, log: EventLog, redis: Redis, keyspace: Keyspace, clock: Clock
) -> None:
    async with projecting(redis, keyspace):
        person = await handed_over(stack, log, redis, clock)
        clock.now += timedelta(hours=11)
        await person.says("ainda aguardando")  # pushes the end back
        clock.now += timedelta(hours=2)
        answered = len(person.replies())
        await person.says("oi?")
        assert len(person.replies()) == answered  # only 2 h of quiet
        clock.now += timedelta(hours=12, minutes=1)
        await person.says("oi")
    assert len(person.replies()) == answered + 1
    [ended] = await kinds(log, HandoffEnded)
    assert ended.reason == "quiet_period"


async def test_an_operator_releases_the_chat_to_the_bot(
    stack: Stack, log: EventLog, redis: Redis, keyspace: Keyspace, clock: Clock,
    ingest_settings: IngestSettings,
) -> None:  # fmt: skip
    async with projecting(redis, keyspace):
        person = await handed_over(stack, log, redis, clock)
        await caught_up(redis, keyspace)
        status, said = await release_by_cli(ingest_settings)
        assert status == 0, said
        await caught_up(redis, keyspace, "conductor")
        answered = len(person.replies())
        await person.says("oi")
    assert len(person.replies()) == answered + 1
    [ended] = await kinds(log, HandoffEnded)
    assert (ended.reason, ended.by) == ("released", "recepcao")


async def test_releasing_a_chat_not_handed_over_is_refused(
    stack: Stack, log: EventLog, redis: Redis, keyspace: Keyspace, clock: Clock,
    ingest_settings: IngestSettings,
) -> None:  # fmt: skip
    async with projecting(redis, keyspace):
        await Person(log, redis, clock, stack[2]).says("oi")
        await caught_up(redis, keyspace)
        status, _ = await release_by_cli(ingest_settings)
    assert status == 1
    assert await kinds(log, HandoffEnded) == []


async def release_by_cli(ingest_settings: IngestSettings) -> tuple[int, str]:
    out = io.StringIO()
    env = operator_env(ingest_settings.store.redis_url)
    args = argparse.Namespace(action="release", chat=CHAT, session="default", by="recepcao")
    return await release(args, env, out), out.getvalue()
