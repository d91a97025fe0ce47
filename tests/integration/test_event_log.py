"""The log: idempotent append, reads, a chat's history, the partition layout."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from events import AppendResult, EventLog, Keyspace, MessageReceived, Record
from events.appending import PendingAppend
from events.log import LayoutMismatch
from tests.support.factories import message

# The main flows, on a single Redis and on a Redis Cluster in every run.
pytestmark = pytest.mark.on_cluster_too


def text_of(record: Record) -> str:
    event = record.envelope.event
    assert isinstance(event, MessageReceived)
    return event.text


async def test_append_then_read_returns_the_same_envelope(log: EventLog) -> None:
    envelope = message()
    result = await log.append(envelope)
    [record] = await log.read(result.partition)
    assert record.entry_id == result.entry_id
    assert record.envelope == envelope


async def test_second_append_with_same_key_writes_nothing_and_returns_first_id(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    first = await log.append(message(text="a"), idempotency_key="waha-1")
    again = await log.append(message(text="b"), idempotency_key="waha-1")
    assert first.created and not again.created
    assert again.entry_id == first.entry_id
    assert await redis.xlen(keyspace.stream(first.partition)) == 1


async def test_concurrent_appends_with_one_key_yield_one_entry(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    results = await asyncio.gather(*(log.append(message(), "same") for _ in range(50)))
    assert sum(r.created for r in results) == 1
    assert len({r.entry_id for r in results}) == 1
    assert await redis.xlen(keyspace.stream(results[0].partition)) == 1


async def test_key_is_forgotten_after_the_dedup_window(redis: Redis, keyspace: Keyspace) -> None:
    short = EventLog(redis, keyspace, dedup_window_ms=50)
    first = await short.append(message(), "k")
    await asyncio.sleep(0.1)
    second = await short.append(message(), "k")
    assert second.created and second.entry_id != first.entry_id


async def test_append_many_reports_each_outcome_in_order(log: EventLog) -> None:
    results = await log.append_many(
        [
            PendingAppend(message(chat="a"), "k1"),
            PendingAppend(message(chat="a"), "k1"),
            PendingAppend(message(chat="b")),
        ]
    )
    assert [r.created for r in results] == [True, False, True]


async def test_chat_history_holds_only_that_chat_in_order(log: EventLog) -> None:
    for i in range(30):
        await log.append(message(chat=f"chat-{i % 3}", text=str(i)))
    history = await log.chat_history("chat-1")
    texts = [
        r.envelope.event.text for r in history if isinstance(r.envelope.event, MessageReceived)
    ]
    assert texts == [str(i) for i in range(30) if i % 3 == 1]


async def test_chat_history_spans_several_read_batches(log: EventLog) -> None:
    for i in range(25):
        await log.append(message(chat="c", text=str(i)))
    assert len(await log.chat_history("c", batch=7)) == 25


async def test_scan_visits_every_entry_once(log: EventLog) -> None:
    for i in range(40):
        await log.append(message(chat=f"chat-{i}"))
    seen = [record.envelope.event_id async for record in log.scan(batch=3)]
    assert len(seen) == len(set(seen)) == 40


async def test_read_respects_the_range(log: EventLog) -> None:
    ids = [(await log.append(message(chat="x", text=str(i)))).entry_id for i in range(5)]
    partition = log.keyspace.partition_of("x")
    records = await log.read(partition, start=ids[1], end=ids[3])
    assert [r.entry_id for r in records] == ids[1:4]


async def test_a_process_with_another_partition_count_is_refused(
    log: EventLog, redis: Redis
) -> None:
    other = EventLog(redis, Keyspace(prefix="wsm", partitions=8))
    with pytest.raises(LayoutMismatch, match="PARTITIONS=4"):
        await other.ensure_layout()


async def test_a_batch_over_many_partitions_keeps_each_chats_order(log: EventLog) -> None:
    batch = [PendingAppend(message(chat=f"chat-{i % 7}", text=str(i)), f"k{i}") for i in range(70)]
    results = await log.append_many(batch)
    assert all(isinstance(r, AppendResult) and r.created for r in results)
    for c in range(7):
        history = await log.chat_history(f"chat-{c}")
        assert [text_of(r) for r in history] == [str(i) for i in range(70) if i % 7 == c]


async def test_appends_survive_redis_losing_its_script_cache(log: EventLog, redis: Redis) -> None:
    await log.append(message(), "before")
    await redis.script_flush()
    assert (await log.append(message(), "after")).created
    assert not (await log.append(message(), "before")).created
