"""Consumer groups: ordered per chat, shared by replicas, retried, dead-lettered, fenced."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import defaultdict
from collections.abc import AsyncIterator, Sequence

import pytest
from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

from events import EventLog, Keyspace, MessageReceived, Record, new_envelope
from events.checkpoint import Checkpoints, Command, LeaseLost, append_command
from events.consumer import Handler, SubscriptionOptions
from events.leases import Leases
from events.schema import ReplyRequested
from events.subscription import Subscription
from services.runtime.embedded_redis import RedisServer
from tests.support.busy_machine import busy_machine
from tests.support.eventually import eventually
from tests.support.factories import message
from tests.support.redis_cluster import config_set_everywhere

FAST = SubscriptionOptions(
    block_ms=50,
    retry_base_s=0.01,
    retry_cap_s=0.05,
    lease_ttl_ms=600,
    member_ttl_ms=400,
    rebalance_interval_s=0.05,
    max_attempts=3,
)


def text_of(record: Record) -> str:
    event = record.envelope.event
    assert isinstance(event, MessageReceived)
    return event.text


@contextlib.asynccontextmanager
async def running(
    redis: Redis, keyspace: Keyspace, handler: Handler, consumer: str = "c1", group: str = "g"
) -> AsyncIterator[Subscription]:
    sub = Subscription(
        redis, keyspace, group=group, consumer=consumer, handler=handler, options=FAST
    )
    task = asyncio.create_task(sub.run())
    try:
        yield sub
    finally:
        sub.stop()
        await task


async def until_nothing_pending(redis: Redis, keyspace: Keyspace) -> None:
    for _ in range(500):
        if await pending_count(redis, keyspace) == 0:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("entries still pending")


async def pending_count(redis: Redis, keyspace: Keyspace, group: str = "g") -> int:
    total = 0
    for p in keyspace.all_partitions():
        with contextlib.suppress(Exception):
            total += (await redis.xpending(keyspace.stream(p), group))["pending"]
    return total


async def test_every_entry_is_handled_in_order_per_chat(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    seen: dict[str, list[str]] = defaultdict(list)

    async def handler(record: Record) -> Sequence[Command]:
        await asyncio.sleep(0.001)
        seen[record.chat].append(text_of(record))
        return ()

    for i in range(200):
        await log.append(message(chat=f"chat-{i % 10}", text=str(i)))
    async with running(redis, keyspace, handler):
        await eventually(lambda: sum(map(len, seen.values())) == 200)
    for c in range(10):
        assert seen[f"chat-{c}"] == [str(i) for i in range(200) if i % 10 == c]
    assert await pending_count(redis, keyspace) == 0


async def test_different_chats_are_handled_concurrently(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    running_now = 0
    peak = 0

    async def handler(record: Record) -> Sequence[Command]:
        nonlocal running_now, peak
        running_now += 1
        peak = max(peak, running_now)
        await asyncio.sleep(0.05)
        running_now -= 1
        return ()

    single = Keyspace(prefix="wsm", partitions=1)
    one_partition = EventLog(redis, single)
    for i in range(5):
        await one_partition.append(message(chat=f"chat-{i}"))
    async with running(redis, single, handler):
        await eventually(lambda: peak >= 5)


async def test_a_failing_entry_is_retried_then_succeeds(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    attempts = 0

    async def handler(record: Record) -> Sequence[Command]:
        nonlocal attempts
        attempts += 1
        if attempts < 3:
            raise RuntimeError("transient")
        return ()

    await log.append(message())
    async with running(redis, keyspace, handler):
        await eventually(lambda: attempts == 3)
        await until_nothing_pending(redis, keyspace)


async def test_a_poison_entry_goes_to_dead_letters_and_its_chat_keeps_flowing(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []

    async def handler(record: Record) -> Sequence[Command]:
        if text_of(record) == "poison":
            raise ValueError("cannot handle this")
        handled.append(text_of(record))
        return ()

    await log.append(message(chat="c", text="poison"))
    await log.append(message(chat="c", text="after"))
    async with running(redis, keyspace, handler):
        await eventually(lambda: handled == ["after"])
    partition = keyspace.partition_of("c")
    [(_, fields)] = await redis.xrange(keyspace.dead_letters(partition))
    assert fields[b"error"] == b"ValueError"  # by its type: a library's text is not ours
    assert fields[b"attempts"] == b"3"
    assert fields[b"chat"] == b"c"
    assert await pending_count(redis, keyspace) == 0


async def test_a_dead_letter_holds_no_text_a_client_error_carried(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    class ClientResponseError(Exception):
        """A library's error, naming the URL it was sending to, as HTTP clients' do."""

    async def handler(record: Record) -> Sequence[Command]:
        raise ClientResponseError("404, GET /api/default/chats/5511944443333@c.us/messages")

    await log.append(message(chat="c"))
    async with running(redis, keyspace, handler):
        await eventually_dead_lettered(redis, keyspace, "c")
    [(_, fields)] = await redis.xrange(keyspace.dead_letters(keyspace.partition_of("c")))
    assert b"5511944443333" not in fields[b"error"] + fields[b"traceback"]
    assert fields[b"error"].endswith(b"ClientResponseError")


async def eventually_dead_lettered(redis: Redis, keyspace: Keyspace, chat: str) -> None:
    key = keyspace.dead_letters(keyspace.partition_of(chat))
    for _ in range(500):
        if await redis.xlen(key):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("never dead-lettered")


async def test_a_corrupt_entry_goes_to_dead_letters_at_once(
    redis: Redis, keyspace: Keyspace
) -> None:
    calls = 0

    async def handler(record: Record) -> Sequence[Command]:
        nonlocal calls
        calls += 1
        return ()

    await redis.xadd(keyspace.stream(0), {"type": "message.received", "chat": "x", "v": "1"})
    async with running(redis, keyspace, handler):
        for _ in range(500):
            if await redis.xlen(keyspace.dead_letters(0)) == 1:
                break
            await asyncio.sleep(0.02)
    assert await redis.xlen(keyspace.dead_letters(0)) == 1
    assert await pending_count(redis, keyspace) == 0
    assert calls == 0


async def test_effects_are_written_with_the_checkpoint(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    done = asyncio.Event()

    async def handler(record: Record) -> Sequence[Command]:
        if text_of(record) != "ping":
            done.set()
            return ()
        pong = message(chat=record.chat, text="pong")
        return (append_command(keyspace, pong, record.subject_key),)

    first = await log.append(message(chat="c", text="ping"))
    async with running(redis, keyspace, handler):
        await asyncio.wait_for(done.wait(), 10)
    texts = [text_of(r) for r in await log.chat_history("c")]
    assert texts == ["ping", "pong"]
    checkpoints = Checkpoints(redis, keyspace, "g")
    assert await checkpoints.position(first.partition, "c") is not None


async def test_a_redelivered_entry_is_acknowledged_without_reapplying(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    result = await log.append(message(chat="c"))
    leases = Leases(redis, keyspace, "g", "c1", lease_ttl_ms=5000, member_ttl_ms=5000)
    token = await leases.acquire(result.partition)
    assert token is not None
    await redis.xgroup_create(keyspace.stream(result.partition), "g", id="0")
    checkpoints = Checkpoints(redis, keyspace, "g")
    counter = keyspace.in_partition(result.partition, "counter")
    effect = ("INCR", counter)
    kwargs = dict(partition=result.partition, token=token, chat="c", entry_id=result.entry_id)
    assert await checkpoints.commit(**kwargs, effects=[effect]) is True  # type: ignore[arg-type]
    assert await checkpoints.commit(**kwargs, effects=[effect]) is False  # type: ignore[arg-type]
    assert await redis.get(counter) == b"1"


async def test_a_consumer_whose_lease_was_taken_cannot_commit(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    result = await log.append(message(chat="c"))
    old = Leases(redis, keyspace, "g", "old", lease_ttl_ms=50, member_ttl_ms=5000)
    new = Leases(redis, keyspace, "g", "new", lease_ttl_ms=5000, member_ttl_ms=5000)
    old_token = await old.acquire(result.partition)
    await asyncio.sleep(0.1)
    assert await new.acquire(result.partition) is not None
    checkpoints = Checkpoints(redis, keyspace, "g")
    with pytest.raises(LeaseLost):
        await checkpoints.commit(
            partition=result.partition, token=old_token or 0, chat="c", entry_id=result.entry_id
        )


async def test_two_replicas_share_the_partitions(redis: Redis, keyspace: Keyspace) -> None:
    async def handler(record: Record) -> Sequence[Command]:
        return ()

    async with (
        running(redis, keyspace, handler, "a") as a,
        running(redis, keyspace, handler, "b") as b,
    ):
        await eventually(lambda: len(a.owned) == 2 and len(b.owned) == 2)
        assert a.owned.isdisjoint(b.owned)


async def test_a_surviving_replica_takes_over_a_dead_ones_pending_entries(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    handled_by: dict[str, str] = {}
    stuck = asyncio.Event()

    async def hanging(record: Record) -> Sequence[Command]:
        stuck.set()
        await asyncio.Event().wait()  # a consumer that dies mid-way
        return ()

    async def healthy(record: Record) -> Sequence[Command]:
        handled_by[text_of(record)] = "survivor"
        return ()

    for i in range(20):
        await log.append(message(chat=f"chat-{i}", text=str(i)))
    dead = Subscription(redis, keyspace, group="g", consumer="dead", handler=hanging, options=FAST)
    dead_task = asyncio.create_task(dead.run())
    await asyncio.wait_for(stuck.wait(), 10)
    dead_task.cancel()  # no graceful shutdown: its leases simply expire
    with contextlib.suppress(asyncio.CancelledError):
        await dead_task
    async with running(redis, keyspace, healthy, "survivor"):
        await eventually(lambda: len(handled_by) == 20)
    assert await pending_count(redis, keyspace) == 0


@pytest.mark.single_redis("redis-py's own single-node client, on the test's redis-server")
@pytest.mark.timeout(180)  # 60 runs on a machine kept busy on purpose
async def test_a_run_cancelled_at_any_moment_stops(
    log: EventLog, redis_server: RedisServer, keyspace: Keyspace
) -> None:
    # redis-py's own client, which can lose a cancellation: the run stops whatever it is given.
    redis = Redis.from_url(redis_server.url)
    rng = random.Random(3)

    async def hanging(record: Record) -> Sequence[Command]:
        await asyncio.Event().wait()
        return ()

    for i in range(8):
        await log.append(message(chat=f"chat-{i}", text=str(i)))
    still_running = 0
    try:
        with busy_machine():
            for attempt in range(60):
                sub = Subscription(redis, keyspace, group=f"g{attempt}", consumer="c",
                                   handler=hanging, options=FAST)  # fmt: skip
                task = asyncio.create_task(sub.run())
                await asyncio.sleep(rng.random() * 0.2)
                task.cancel()
                done, _ = await asyncio.wait({task}, timeout=3)
                if not done:
                    still_running += 1
                    while not task.done():  # so that the test itself ends
                        task.cancel()
                        await asyncio.wait({task}, timeout=0.1)
    finally:
        await redis.aclose()
    assert still_running == 0


async def test_an_entry_taken_over_from_a_dead_consumer_comes_marked_as_a_redelivery(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    stuck = asyncio.Event()
    marks: dict[str, bool] = {}

    async def hanging(record: Record) -> Sequence[Command]:
        stuck.set()
        await asyncio.Event().wait()
        return ()

    async def survivor(record: Record) -> Sequence[Command]:
        marks[text_of(record)] = record.redelivered
        return ()

    await log.append(message(chat="chat-1", text="in flight"))
    dead = Subscription(redis, keyspace, group="g", consumer="dead", handler=hanging, options=FAST)
    dead_task = asyncio.create_task(dead.run())
    await asyncio.wait_for(stuck.wait(), 10)
    dead_task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await dead_task
    async with running(redis, keyspace, survivor, "survivor"):
        await eventually(lambda: "in flight" in marks)
        await log.append(message(chat="chat-1", text="new"))
        await eventually(lambda: "new" in marks)
    assert marks == {"in flight": True, "new": False}


async def test_partitions_handed_over_between_replicas_keep_each_chats_order(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    handled: dict[str, list[int]] = defaultdict(list)

    async def handler(record: Record) -> Sequence[Command]:
        await asyncio.sleep(0.002)
        handled[record.chat].append(int(text_of(record)))
        return ()

    async def produce() -> None:
        for i in range(300):
            await log.append(message(chat=f"chat-{i % 12}", text=str(i)))
            await asyncio.sleep(0.002)

    producer = asyncio.create_task(produce())
    async with running(redis, keyspace, handler, "a") as first:
        await asyncio.sleep(0.2)
        async with running(redis, keyspace, handler, "b"):
            await eventually(lambda: len(first.owned) == 2)
            first.stop()  # "a" leaves gracefully while entries keep coming
            await producer
            await eventually(lambda: sum(map(len, handled.values())) >= 300)
    for chat, numbers in handled.items():
        assert numbers == sorted(set(numbers)), chat
    assert sum(map(len, handled.values())) == 300


async def test_a_slow_entry_being_handed_over_holds_up_no_other_partition(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    """While "a" finishes a slow entry of a partition it hands to "b", the lease of that
    partition stays "a"'s (nobody starts on it twice) and "a"'s other leases are renewed
    (its other partitions are not lost)."""
    # A chat of a partition that goes to "b" once it joins (round-robin over a, b).
    slow_chat = next(f"chat-{n}" for n in range(100) if keyspace.partition_of(f"chat-{n}") % 2)
    partition = keyspace.partition_of(slow_chat)
    release, started = asyncio.Event(), asyncio.Event()
    handled: list[tuple[str, str]] = []

    async def handler(record: Record) -> Sequence[Command]:
        if record.chat == slow_chat:
            started.set()
            await release.wait()
        handled.append((record.chat, text_of(record)))
        return ()

    async with running(redis, keyspace, handler, "a") as a:
        await eventually(lambda: len(a.owned) == 4)
        tokens = {p: a.workers[p].token for p in a.owned}
        await log.append(message(chat=slow_chat, text="slow"))
        await asyncio.wait_for(started.wait(), 10)
        async with running(redis, keyspace, handler, "b") as b:
            await eventually(lambda: len(a.owned) == 2 and set(a.draining) == {partition})
            await asyncio.sleep(FAST.lease_ttl_ms / 1000 * 3)  # well past a lease's life
            assert partition in a.draining and partition not in b.owned
            kept = {p: a.workers[p].token for p in a.owned}
            assert kept == {p: tokens[p] for p in kept}  # no lease of "a" lapsed meanwhile
            release.set()
            await log.append(message(chat=slow_chat, text="next"))
            await eventually(lambda: len(handled) == 2)
    assert handled == [(slow_chat, "slow"), (slow_chat, "next")]
    assert await pending_count(redis, keyspace) == 0


async def test_entries_of_unwanted_types_are_acknowledged_without_handling(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    handled: list[str] = []

    async def handler(record: Record) -> Sequence[Command]:
        handled.append(record.envelope.event_id)
        return ()

    wanted_envelope = message(chat="c")
    wanted_event_id = wanted_envelope.event_id
    wanted = await log.append(wanted_envelope)
    reply = ReplyRequested(reply_id="r", chat_id="x@c.us", text="oi")
    await log.append(new_envelope(reply, chat="c", session="default"))
    sub = Subscription(redis, keyspace, group="g", consumer="c1", handler=handler,
                       types=["message.received"], options=FAST)  # fmt: skip
    task = asyncio.create_task(sub.run())
    await eventually(lambda: len(handled) == 1)
    await until_nothing_pending(redis, keyspace)
    sub.stop()
    await task
    assert handled == [wanted_event_id]
    assert (
        await Checkpoints(redis, keyspace, "g").position(wanted.partition, "c") == wanted.entry_id
    )


@contextlib.asynccontextmanager
async def refusing_writes(redis: Redis, how: str) -> AsyncIterator[None]:
    """Redis refusing every write while the block runs: full (OOM), or turned into a
    read-only replica of a master that does not answer (READONLY)."""
    if how == "full":
        await config_set_everywhere(redis, "maxmemory", 1)
    else:
        await redis.execute_command("REPLICAOF", "127.0.0.1", "1")
    try:
        yield
    finally:
        if how == "full":
            await config_set_everywhere(redis, "maxmemory", 0)
        else:
            await redis.execute_command("REPLICAOF", "NO", "ONE")


@pytest.mark.parametrize("how", ["full", "read-only"])
async def test_a_redis_refusing_writes_is_waited_out_and_nothing_is_lost(
    log: EventLog, redis: Redis, keyspace: Keyspace, how: str
) -> None:
    if how == "read-only" and isinstance(redis, RedisCluster):
        pytest.skip("a cluster node refuses REPLICAOF: on a cluster a failover does this")
    seen: list[str] = []

    async def handler(record: Record) -> Sequence[Command]:
        seen.append(text_of(record))
        return ()

    await log.append(message(text="before"))
    async with running(redis, keyspace, handler):
        await eventually(lambda: seen == ["before"])
        async with refusing_writes(redis, how):
            await asyncio.sleep(1.0)  # heartbeats, lease renewals and reads all refused
        await log.append(message(text="after"))
        await eventually(lambda: seen == ["before", "after"])
    assert await pending_count(redis, keyspace) == 0
