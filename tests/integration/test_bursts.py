"""Bursts: messages of one chat written within seconds of each other are one turn, with
every message still on record, each entry handled once, and consent read as one answer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from events import Envelope, EventLog, Keyspace, MessageReceived, Record, new_envelope
from events.checkpoint import Command
from events.schema import AppointmentBooked, ConsentGranted, DomainEvent, ReplyRequested
from events.subscription import Subscription
from services.actions.erasure import ErasureReason, erase_subject
from services.conductor.deciding import Decider
from services.conductor.handler import (
    ConversationHandler,
    burst_key,
    read_snapshot,
    snapshot_key,
)
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.conductor.turn import Turn
from services.domain.clinic import Clinic
from services.domain.conversation import Conversation
from services.domain.embedded_calendar import EmbeddedCalendar
from services.projector.store import ReadModels
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import FAST, NOW

CHAT = "chat-burst"
PHONE = "5511977770066@c.us"
WINDOW = timedelta(seconds=3)
# Written long ago by the phone's clock: the conductor folds by what the log holds and
# never waits, so what is folded does not depend on the test machine's speed.
WRITTEN = datetime(2026, 11, 24, 11, 0, tzinfo=UTC)


@dataclass
class SeeingDecider:
    """The conductor's decider, noting the text of every turn it decides."""

    decider: Decider
    seen: list[str] = field(default_factory=list)

    @property
    def toolbox(self) -> Toolbox:
        return self.decider.toolbox

    async def decide(self, turn: Turn) -> list[DomainEvent]:
        self.seen.append(turn.message.text)
        return await self.decider.decide(turn)


@dataclass
class Conductor:
    log: EventLog
    handler: ConversationHandler
    deciding: SeeingDecider
    redis: Redis
    keyspace: Keyspace
    subscription: Subscription
    task: asyncio.Task[None]

    async def stop(self) -> None:
        """The conductor stops consuming: the test hands it entries itself."""
        self.subscription.stop()
        await self.task

    async def by_hand(self, record: Record, *, commit: bool = True) -> Sequence[Command]:
        """Handles one entry as the consumer does, committing its effects if ``commit``."""
        effects = await self.handler(record)
        if commit:
            partition = self.keyspace.partition_of(CHAT)
            token = int(await self.redis.get(self.keyspace.fence(partition, "conductor")) or 0)
            await self.handler.checkpoints.commit(
                partition=partition, token=token, chat=CHAT, entry_id=record.entry_id,
                effects=effects,
            )  # fmt: skip
        return effects

    async def write(self, *said: tuple[float, str]) -> list[Envelope]:
        """Messages of the chat, each ``seconds`` after the first, appended at once."""
        envelopes = [
            new_envelope(
                MessageReceived(
                    message_id=f"wamid-{n}-{seconds}",
                    chat_id=PHONE,
                    sender=PHONE,
                    text=text,
                    sent_at=WRITTEN + timedelta(seconds=seconds),
                ),
                chat=CHAT,
                session="default",
            )
            for n, (seconds, text) in enumerate(said)
        ]
        for envelope in envelopes:
            await self.log.append(envelope)
        await groups_caught_up(self.redis, self.keyspace, "conductor")
        return envelopes

    async def type_live(self, first: str, then: str, pause_s: float) -> None:
        """Two messages written now, ``pause_s`` apart, each appended as it is written."""
        for n, text in enumerate((first, then)):
            if n:
                await asyncio.sleep(pause_s)
            sent = MessageReceived(
                message_id=f"wamid-live-{n}", chat_id=PHONE, sender=PHONE, text=text,
                sent_at=datetime.now(UTC),
            )  # fmt: skip
            await self.log.append(new_envelope(sent, chat=CHAT, session="default"))
        await groups_caught_up(self.redis, self.keyspace, "conductor")

    async def replies_to(self, envelope: Envelope) -> list[ReplyRequested]:
        return [
            r.envelope.event
            for r in await self.log.chat_history(CHAT)
            if isinstance(r.envelope.event, ReplyRequested)
            and r.envelope.causation_id == envelope.event_id
        ]


@pytest.fixture
async def conductor(redis: Redis, keyspace: Keyspace, log: EventLog) -> AsyncIterator[Conductor]:
    notice = PrivacyNotice.current("2026-11")
    decider = Decider(OfflineBrain(), Toolbox(EmbeddedCalendar(redis), Clinic(), notice), notice)
    deciding = SeeingDecider(decider)
    handler = ConversationHandler(
        redis, log, deciding,  # type: ignore[arg-type]  # the decider, watched
        clock=lambda: NOW, burst_window=WINDOW,
    )  # fmt: skip
    subscription = Subscription(
        redis, keyspace, group="conductor", consumer="c1", handler=handler,
        types=ConversationHandler.TYPES, options=FAST,
    )  # fmt: skip
    task = asyncio.create_task(subscription.run())
    try:
        yield Conductor(log, handler, deciding, redis, keyspace, subscription, task)
    finally:
        subscription.stop()
        await task


async def registered(conductor: Conductor) -> None:
    """The person has consented and given a name, a message a minute."""
    await conductor.write((-300, "oi"), (-240, "sim"), (-180, "Olga Souza"))
    conductor.deciding.seen.clear()


async def test_three_messages_within_the_window_get_one_reply(conductor: Conductor) -> None:
    await registered(conductor)
    oi, quero, amanha = await conductor.write((0, "oi"), (1, "quero marcar"),
                                              (2.5, "amanhã às 15h"))  # fmt: skip
    assert await conductor.replies_to(oi) == []
    assert await conductor.replies_to(quero) == []
    assert len(await conductor.replies_to(amanha)) == 1


async def test_the_turn_of_a_burst_sees_all_its_texts_in_order(conductor: Conductor) -> None:
    await registered(conductor)
    await conductor.write((0, "oi"), (1, "quero marcar"), (2.5, "amanhã às 15h"))
    assert conductor.deciding.seen == ["oi\nquero marcar\namanhã às 15h"]


async def test_messages_farther_apart_than_the_window_get_a_reply_each(
    conductor: Conductor,
) -> None:
    await registered(conductor)
    said = await conductor.write((0, "oi"), (10, "quero marcar"), (20, "amanhã às 15h"))
    assert [len(await conductor.replies_to(e)) for e in said] == [1, 1, 1]
    assert conductor.deciding.seen == ["oi", "quero marcar", "amanhã às 15h"]


async def test_a_chain_of_messages_each_within_the_window_of_the_last_is_one_burst(
    conductor: Conductor,
) -> None:
    await registered(conductor)
    await conductor.write((0, "oi"), (2.5, "quero marcar"), (5, "amanhã às 15h"))
    assert conductor.deciding.seen == ["oi\nquero marcar\namanhã às 15h"]


async def test_every_message_of_a_burst_stays_on_record(conductor: Conductor) -> None:
    await registered(conductor)
    said = await conductor.write((0, "oi"), (1, "quero marcar"), (2, "amanhã às 15h"))
    recorded = {r.envelope.event_id for r in await conductor.log.chat_history(CHAT)}
    assert {e.event_id for e in said} <= recorded


async def test_a_redelivered_entry_of_a_burst_changes_nothing(
    conductor: Conductor, redis: Redis, keyspace: Keyspace
) -> None:
    await registered(conductor)
    oi, _, _ = await conductor.write((0, "oi"), (1, "quero marcar"), (2, "amanhã às 15h"))
    partition = keyspace.partition_of(CHAT)
    [record] = [r for r in await conductor.log.chat_history(CHAT) if r.envelope is not None
                and r.envelope.event_id == oi.event_id]  # fmt: skip
    before = await conductor.log.chat_history(CHAT)
    effects = await conductor.handler(record)  # handled again, as after a takeover
    token = int(await redis.get(keyspace.fence(partition, "conductor")) or 0)
    applied = await conductor.handler.checkpoints.commit(
        partition=partition, token=token, chat=CHAT, entry_id=record.entry_id, effects=effects
    )
    assert not applied
    assert await redis.get(burst_key(keyspace, partition, CHAT)) is None
    assert len(await conductor.log.chat_history(CHAT)) == len(before)


async def test_a_burst_of_no_and_yes_before_consent_is_no_answer(conductor: Conductor) -> None:
    await conductor.write((-60, "oi"))
    await conductor.write((0, "não"), (1, "sim"))
    events = [r.envelope.event for r in await conductor.log.chat_history(CHAT)]
    assert not [e for e in events if isinstance(e, ConsentGranted)]
    assert conductor.deciding.seen[-1] == "não\nsim"


async def test_a_yes_in_a_burst_before_consent_has_its_own_message_as_evidence(
    conductor: Conductor,
) -> None:
    await conductor.write((-60, "oi"))
    _, yes = await conductor.write((0, "ok"), (1, "sim, concordo"))
    [granted] = [
        r.envelope.event
        for r in await conductor.log.chat_history(CHAT)
        if isinstance(r.envelope.event, ConsentGranted)
    ]
    assert isinstance(yes.event, MessageReceived)
    assert (granted.evidence_message_id, granted.evidence_text) == (yes.event.message_id,
                                                                    "sim, concordo")  # fmt: skip


async def test_a_message_just_written_waits_for_the_window_and_takes_its_follower_along(
    conductor: Conductor,
) -> None:
    await registered(conductor)
    await conductor.type_live("oi", "quero marcar", pause_s=1)
    assert conductor.deciding.seen == ["oi\nquero marcar"]


async def test_a_follower_written_after_the_window_is_a_turn_of_its_own(
    conductor: Conductor,
) -> None:
    await registered(conductor)
    await conductor.type_live("oi", "quero marcar", pause_s=WINDOW.total_seconds() + 1)
    assert conductor.deciding.seen == ["oi", "quero marcar"]


async def a_burst_while_stopped(conductor: Conductor) -> list[Record]:
    """Two messages, "oi" and "quero marcar", a second apart, recorded while the conductor
    is stopped (to be taken by hand): their records."""
    await conductor.stop()
    for seconds, text in ((0, "oi"), (1, "quero marcar")):
        sent = MessageReceived(
            message_id=f"wamid-{seconds}", chat_id=PHONE, sender=PHONE, text=text,
            sent_at=WRITTEN + timedelta(seconds=seconds),
        )  # fmt: skip
        await conductor.log.append(new_envelope(sent, chat=CHAT, session="default"))
    return (await conductor.log.chat_history(CHAT))[-2:]


async def test_a_burst_answered_after_its_snapshot_was_lost_is_said_once_as_with_it(
    conductor: Conductor, redis: Redis, keyspace: Keyspace
) -> None:
    await registered(conductor)
    first, last = await a_burst_while_stopped(conductor)
    await conductor.by_hand(first)
    partition = keyspace.partition_of(CHAT)
    with_snapshot = await conductor.by_hand(last, commit=False)
    await redis.delete(snapshot_key(keyspace, partition, CHAT))
    from_the_log = await conductor.by_hand(last, commit=False)
    # What the person said since registering, as each conversation holds it.
    said_since = [
        user_lines_since_greeted(conversation_in(e, last)) for e in (with_snapshot, from_the_log)
    ]
    assert said_since == [["oi\nquero marcar"], ["oi\nquero marcar"]]
    assert conductor.deciding.seen == ["oi\nquero marcar", "oi\nquero marcar"]


def conversation_in(effects: Sequence[Command], record: Record) -> Conversation:
    """The conversation the effects store as the chat's snapshot."""
    [raw] = [c[2] for c in effects if c[0] == "SET" and "conversation" in str(c[1])]
    assert isinstance(raw, bytes)
    return read_snapshot(raw, CHAT, record.subject_key)


def user_lines_since_greeted(conversation: Conversation) -> list[str]:
    lines = list(conversation.dialogue)
    [greeted] = [n for n, (who, text) in enumerate(lines) if text.startswith("Prazer")]
    return [text for who, text in lines[greeted:] if who == "user"]


async def test_an_erasure_forgets_a_burst_in_progress(
    conductor: Conductor, redis: Redis, keyspace: Keyspace
) -> None:
    await registered(conductor)
    first, _ = await a_burst_while_stopped(conductor)
    await conductor.by_hand(first)
    pending = burst_key(keyspace, keyspace.partition_of(CHAT), CHAT)
    assert await redis.get(pending) is not None
    elsewhere = EventLog(redis, keyspace)
    await erase_subject(elsewhere, ReadModels(redis, keyspace), CHAT,
                        ErasureReason.SUBJECT_REQUEST, "dpo")  # fmt: skip
    for record in (await EventLog(redis, keyspace).chat_history(CHAT))[-2:]:
        await conductor.by_hand(record)
    assert await redis.get(pending) is None


async def test_a_yes_and_a_no_in_one_burst_book_nothing(conductor: Conductor) -> None:
    await registered(conductor)
    await conductor.write((-60, "quero marcar amanhã às 15h"))
    await conductor.write((0, "sim"), (1, "não, melhor às 16h"))
    events = [r.envelope.event for r in await conductor.log.chat_history(CHAT)]
    assert not [e for e in events if isinstance(e, AppointmentBooked)]


async def test_a_yes_over_two_messages_of_a_burst_books_the_proposal(
    conductor: Conductor,
) -> None:
    await registered(conductor)
    await conductor.write((-60, "quero marcar amanhã às 15h"))
    await conductor.write((0, "sim"), (1, "pode marcar"))
    events = [r.envelope.event for r in await conductor.log.chat_history(CHAT)]
    assert len([e for e in events if isinstance(e, AppointmentBooked)]) == 1
