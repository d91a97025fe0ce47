"""Runs: the entries of one read handled together and committed with their checkpoints by
one script call — and still never applied twice nor skipped, across a crash between runs,
a crash inside one, or an entry applied before and delivered again."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence

from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived, Record
from events.batch_commit import BatchCheckpoints
from events.checkpoint import Command
from events.subscription import Subscription
from tests.integration.test_subscription import FAST
from tests.support.factories import message

GROUP = "g"
CHATS = ("ana", "bia", "caio")


class Recorder:
    """Appends each entry's text to its chat's list (applying one twice shows), by runs
    and one by one; notes the size of every run and every entry taken alone."""

    def __init__(self, keyspace: Keyspace, hold_run: int | None = None) -> None:
        self.keyspace = keyspace
        self.runs: list[int] = []
        self.alone: list[str] = []
        self.hold_run = hold_run
        self.held = asyncio.Event()

    def effects(self, record: Record) -> Sequence[Command]:
        event = record.envelope.event
        assert isinstance(event, MessageReceived)
        return (("RPUSH", said(self.keyspace, record.chat), event.text),)

    async def one(self, record: Record) -> Sequence[Command]:
        self.alone.append(record.entry_id)
        return self.effects(record)

    async def run(self, partition: int, records: Sequence[Record]) -> list[Sequence[Command]]:
        self.runs.append(len(records))
        if len(self.runs) == self.hold_run:
            self.held.set()
            await asyncio.Event().wait()  # a process stuck here until it is killed
        return [self.effects(record) for record in records]


def said(keyspace: Keyspace, chat: str) -> str:
    return keyspace.in_partition(keyspace.partition_of(chat), "said", chat)


@contextlib.asynccontextmanager
async def consuming(
    redis: Redis, keyspace: Keyspace, recorder: Recorder, consumer: str = "c1"
) -> AsyncIterator[asyncio.Task[None]]:
    sub = Subscription(redis, keyspace, group=GROUP, consumer=consumer, handler=recorder.one,
                       runs=recorder.run, options=FAST)  # fmt: skip
    task = asyncio.create_task(sub.run())
    try:
        yield task
    finally:
        if not task.done():
            sub.stop()
            await task


async def write(log: EventLog, texts: range) -> None:
    for n in texts:
        for chat in CHATS:
            await log.append(message(chat=chat, text=str(n), message_id=f"{chat}-{n}"))


async def settled(redis: Redis, keyspace: Keyspace, texts: int) -> dict[str, list[str]]:
    """Each chat's list once every entry is acknowledged and each holds ``texts`` items."""
    for _ in range(500):
        pending = 0
        for p in keyspace.all_partitions():
            if not await redis.exists(keyspace.stream(p)):
                continue
            groups = await redis.xinfo_groups(keyspace.stream(p))
            pending += sum(g["pending"] + (g["lag"] or 0) for g in groups if g["name"] == b"g")
        lists = {c: await redis.lrange(said(keyspace, c), 0, -1) for c in CHATS}
        if pending == 0 and all(len(v) >= texts for v in lists.values()):
            return {c: [x.decode() for x in v] for c, v in lists.items()}
        await asyncio.sleep(0.02)
    raise AssertionError("not settled")


async def test_the_entries_of_one_read_are_handled_as_one_run(
    redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    await log.ensure_layout()
    await write(log, range(10))
    recorder = Recorder(keyspace)
    async with consuming(redis, keyspace, recorder):
        found = await settled(redis, keyspace, 10)
    assert found == {chat: [str(n) for n in range(10)] for chat in CHATS}
    assert recorder.alone == []
    assert max(recorder.runs) > 1


async def test_a_crash_between_runs_applies_each_entry_once(
    redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    await write(log, range(5))
    first = Recorder(keyspace)
    async with consuming(redis, keyspace, first) as task:
        await settled(redis, keyspace, 5)
        task.cancel()  # as a crash: no lease handed back, nothing finished
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await write(log, range(5, 10))
    async with consuming(redis, keyspace, Recorder(keyspace), consumer="c2"):
        found = await settled(redis, keyspace, 10)
    assert found == {chat: [str(n) for n in range(10)] for chat in CHATS}


async def test_a_crash_inside_a_run_leaves_its_entries_for_the_next_owner(
    redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    await write(log, range(5))
    stuck = Recorder(keyspace, hold_run=1)
    async with consuming(redis, keyspace, stuck) as task:
        await stuck.held.wait()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await write(log, range(5, 10))
    after = Recorder(keyspace)
    async with consuming(redis, keyspace, after, consumer="c2"):
        found = await settled(redis, keyspace, 10)
    assert found == {chat: [str(n) for n in range(10)] for chat in CHATS}
    assert after.alone  # what the stuck run held was taken over, entry by entry


async def test_an_entry_applied_before_and_delivered_again_is_only_acknowledged(
    redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    await write(log, range(6))
    # The first three of each chat applied already (their commit landed, its XACK did
    # not count): their effects are there, and the checkpoint says so.
    for chat in CHATS:
        partition = keyspace.partition_of(chat)
        entries = [r for r in await log.read(partition) if r.chat == chat]
        await redis.hset(keyspace.checkpoint(partition, GROUP), chat, entries[2].entry_id)
        await redis.rpush(said(keyspace, chat), "0", "1", "2")
    recorder = Recorder(keyspace)
    async with consuming(redis, keyspace, recorder):
        found = await settled(redis, keyspace, 6)
    assert found == {chat: [str(n) for n in range(6)] for chat in CHATS}
    assert recorder.alone == []


async def test_a_run_whose_checkpoints_moved_meanwhile_writes_nothing(
    redis: Redis, log: EventLog, keyspace: Keyspace
) -> None:
    await write(log, range(1))
    chat = CHATS[0]
    partition = keyspace.partition_of(chat)
    [entry] = [r for r in await log.read(partition) if r.chat == chat]
    await redis.set(keyspace.fence(partition, GROUP), 7)
    checkpoints = BatchCheckpoints(redis, keyspace, GROUP)
    positions = await checkpoints.positions(partition, [chat])
    run = checkpoints.batch(partition, positions)
    run.add(chat, entry.entry_id, [("RPUSH", said(keyspace, chat), "0")])
    assert await checkpoints.commit(run, token=7)
    # The same run again, as a retry after its answer was lost: refused, nothing written.
    assert not await checkpoints.commit(run, token=7)
    assert await redis.lrange(said(keyspace, chat), 0, -1) == [b"0"]
