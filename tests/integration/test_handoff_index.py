"""The sessions model's index of the chats in a person's hands: what the inbox reads
instead of every session, kept live and by a rebuild alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from events import EventLog, new_envelope
from events.schema import HandoffEnded
from services.actions.read_models import ReadModels
from tests.support.console import handed_over, registered_patient
from tests.support.projecting import caught_up, projecting, rebuilt_equals_live


async def handed(log: EventLog, now: datetime) -> set[str]:
    return {view.chat for view in await ReadModels(log.redis, log.keyspace).in_handoff(now)}


async def test_only_the_chats_in_a_persons_hands_are_read_for_the_inbox(log: EventLog) -> None:
    now = datetime.now(UTC)
    held = await registered_patient(log, "5511988887777", "Ana Souza", now)
    await registered_patient(log, "5511977776666", "Bia Lima", now)
    await handed_over(log, held)
    async with projecting(log.redis, log.keyspace):
        await caught_up(log.redis, log.keyspace)
    assert await handed(log, now) == {held}


async def test_a_handoff_past_its_quiet_period_is_not_read(log: EventLog) -> None:
    now = datetime.now(UTC)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", now)
    await handed_over(log, chat, quiet_s=60)
    async with projecting(log.redis, log.keyspace):
        await caught_up(log.redis, log.keyspace)
    assert await handed(log, now + timedelta(minutes=2)) == set()


async def test_a_chat_given_back_to_the_bot_leaves_the_index(log: EventLog) -> None:
    now = datetime.now(UTC)
    chat = await registered_patient(log, "5511988887777", "Ana Souza", now)
    await handed_over(log, chat)
    async with projecting(log.redis, log.keyspace):
        await caught_up(log.redis, log.keyspace)
        ended = HandoffEnded(reason="released", by="julia")
        await log.append(new_envelope(ended, chat=chat, session="default"))
        await caught_up(log.redis, log.keyspace)
    assert await handed(log, now) == set()
    await rebuilt_equals_live(log.redis, log)
