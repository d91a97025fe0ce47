"""The waiting list lets go of those it can no longer serve: a patient whose appointment
was missed (a no-show) or has begun leaves it, so the index does not grow for ever."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import cast

import msgspec
from redis.asyncio import Redis

from events import Keyspace
from events.schema import AppointmentCancelled, AppointmentNoShow
from events.waitlist_schema import WaitlistJoined
from services.conductor.waitlist import (
    WaitEntry,
    entries_key,
    first_waiting,
    index_commands,
    index_key,
)
from services.domain.conversation import Conversation, Stage, evolve

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
MINE = NOW + timedelta(days=5)
JOINED = WaitlistJoined(appointment_id="a1", before=MINE, professional="", service="")


def freed(start: datetime) -> AppointmentCancelled:
    return AppointmentCancelled(appointment_id="s1", calendar_entry_id="s1", start=start)


async def join(redis: Redis, keyspace: Keyspace, chat: str, before: datetime) -> None:
    entry = WaitEntry(chat=chat, session="default", appointment_id="a1", before=before)
    await redis.zadd(index_key(keyspace, 0), {chat: 1})
    await redis.hset(entries_key(keyspace, 0), chat, msgspec.msgpack.encode(entry))


def test_a_no_show_of_the_appointment_waited_with_takes_the_patient_off_the_list(
    keyspace: Keyspace,
) -> None:
    state = evolve(Conversation(stage=Stage.REGISTERED), JOINED)
    missed = AppointmentNoShow(appointment_id="a1", start=MINE, by="recepcao")
    commands = index_commands(keyspace, 0, "c1", "default", state, missed, 0)
    assert ("ZREM", index_key(keyspace, 0), "c1") in commands
    assert evolve(state, missed).waiting is None


async def test_a_patient_whose_appointment_has_begun_is_pruned_from_the_list(
    redis: Redis, keyspace: Keyspace
) -> None:
    await join(redis, keyspace, "c1", before=NOW - timedelta(hours=1))
    await join(redis, keyspace, "c2", before=MINE)
    found = await first_waiting(redis, keyspace, freed(NOW + timedelta(days=1)), (), NOW)
    assert found is not None and found.chat == "c2"
    left = cast(list[bytes], await redis.zrange(index_key(keyspace, 0), 0, -1))
    assert left == [b"c2"]
    assert await redis.hkeys(entries_key(keyspace, 0)) == [b"c2"]
