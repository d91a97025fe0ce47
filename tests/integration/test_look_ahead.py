"""The look-ahead for a burst's follower, served from pages of the log, answers what a read
of the log after the message answers."""

from __future__ import annotations

from events import EventLog, Keyspace, Record
from events.redis_client import RedisClient
from services.conductor.look_ahead import LookAhead
from tests.support.factories import message

CHATS = ("chat-a", "chat-b", "chat-c")


async def _written(log: EventLog, count: int) -> list[Record]:
    """``count`` messages, the chats taking turns, all in one partition."""
    keyspace = log.keyspace
    for n in range(count):
        await log.append(message(chat=CHATS[n % len(CHATS)], message_id=f"m{n}"))
    partition = keyspace.partition_of(CHATS[0])
    assert all(keyspace.partition_of(chat) == partition for chat in CHATS)
    return [r async for r in log.scan(batch=100) if r.partition == partition]


async def _read_after(
    redis: RedisClient, keyspace: Keyspace, record: Record, span: int
) -> list[bytes]:
    entries = await redis.xrange(
        keyspace.stream(record.partition), "(" + record.entry_id, "+", span
    )
    return [eid for eid, fields in entries if fields[b"chat"] == record.chat.encode()]


async def test_a_look_ahead_from_a_page_is_what_the_log_holds_after_the_message(
    redis: RedisClient,
) -> None:
    keyspace = Keyspace(partitions=1)
    log = EventLog(redis, keyspace)
    records = await _written(log, 60)
    look_ahead = LookAhead(redis, keyspace, page=25)
    for record in records:
        found = [eid for eid, _ in await look_ahead.of_chat(record, 10)]
        assert found == await _read_after(redis, keyspace, record, 10)


async def test_a_look_ahead_near_the_log_end_sees_what_was_appended_since(
    redis: RedisClient,
) -> None:
    keyspace = Keyspace(partitions=1)
    log = EventLog(redis, keyspace)
    records = await _written(log, 6)
    look_ahead = LookAhead(redis, keyspace, page=25)
    first = records[0]
    assert len(await look_ahead.of_chat(first, 10)) == 1
    await log.append(message(chat=first.chat, message_id="later"))
    assert len(await look_ahead.of_chat(first, 10)) == 2


async def test_a_message_older_than_the_page_is_looked_after_in_the_log(
    redis: RedisClient,
) -> None:
    keyspace = Keyspace(partitions=1)
    log = EventLog(redis, keyspace)
    records = await _written(log, 40)
    look_ahead = LookAhead(redis, keyspace, page=25)
    await look_ahead.of_chat(records[10], 5)  # the page starts after the eleventh
    found = [eid for eid, _ in await look_ahead.of_chat(records[2], 5)]
    assert found == await _read_after(redis, keyspace, records[2], 5)


async def test_a_forgotten_partitions_page_is_not_kept(redis: RedisClient) -> None:
    keyspace = Keyspace(partitions=1)
    log = EventLog(redis, keyspace)
    records = await _written(log, 40)
    look_ahead = LookAhead(redis, keyspace, page=25)
    await look_ahead.of_chat(records[0], 5)
    assert look_ahead.kept == {records[0].partition}
    look_ahead.forget(records[0].partition)
    assert look_ahead.kept == frozenset()
    found = [eid for eid, _ in await look_ahead.of_chat(records[3], 5)]  # read anew
    assert found == await _read_after(redis, keyspace, records[3], 5)
